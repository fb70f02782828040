//go:build js && wasm

// Command bridge is the thin layer between the engine and JavaScript. It
// works where there is no DOM (an extension's service worker) because it
// touches only the values JavaScript hands it.
package main

import (
	"strconv"
	"syscall/js"
	"unsafe"

	"factcard/wasm/engine"
)

// The dataset is not built in: it is its own file (factcard-data-HASH.bin),
// fetched beside the wasm, so that a dataset update leaves the runtime
// cached. main hands JavaScript open(bytes), which decodes a dataset and
// returns its API; the runtime's start and the decoding are separate calls,
// so a page can run them in separate tasks.

func main() {
	js.Global().Get("__factcardInit").Invoke(open)
	select {} // keep the exported functions alive
}

// open(Uint8Array) decodes the compiled dataset and returns the engine's API,
// or {error} when the bytes are not a dataset this engine reads.
var open = guarded("open", func(args []js.Value) (any, string) {
	if len(args) < 1 || args[0].Type() != js.TypeObject || !args[0].InstanceOf(js.Global().Get("Uint8Array")) {
		return nil, "the dataset file's bytes must be a Uint8Array"
	}
	b := make([]byte, args[0].Length())
	js.CopyBytesToGo(b, args[0])
	// The decoded dataset's strings point into b, which nothing writes
	// again: read in place, not copied (2 MB).
	d, err := engine.Decode(unsafe.String(unsafe.SliceData(b), len(b)))
	if err != nil {
		return nil, "not a dataset this engine reads: " + err.Error()
	}
	return datasetAPI(d), ""
})

// datasetAPI is the object of functions a page calls on one dataset.
func datasetAPI(d *engine.Dataset) js.Value {
	ids := js.Global().Get("Array").New(len(d.Entities))
	kinds := js.Global().Get("Array").New(len(d.Entities))
	for i, e := range d.Entities {
		ids.SetIndex(i, e.ID)
		kinds.SetIndex(i, e.Kind.String())
	}
	api := js.Global().Get("Object").New()
	api.Set("datasetVersion", d.Version())
	api.Set("asOf", d.AsOf.String())
	api.Set("ids", ids)
	api.Set("kinds", kinds)
	// Every function checks its arguments and answers a bad call with
	// {error}, and a panic in the engine becomes {error} too: one bad call
	// from a page must not stop the Go runtime that every later call needs.
	//
	// find(text) returns an Int32Array of (entity, start, end) triples with
	// UTF-16 offsets: one copy across the boundary, however many mentions.
	api.Set("find", guarded("find", func(args []js.Value) (any, string) {
		text, bad := textArg(args, 0)
		if bad != "" {
			return nil, bad
		}
		return mentionsArray(d.Find(text)), ""
	}))
	// analyze(text, "YYYY-MM-DD" or "") returns {found, claims}: find's
	// triples and, as JSON text, the statements near them that the record
	// contradicts. The text is normalized and matched once for both.
	api.Set("analyze", guarded("analyze", func(args []js.Value) (any, string) {
		text, bad := textArg(args, 0)
		if bad != "" {
			return nil, bad
		}
		day, bad := dayArg(args, 1)
		if bad != "" {
			return nil, bad
		}
		t := engine.Normalize(text)
		ms := d.FindText(t)
		out := js.Global().Get("Object").New()
		out.Set("found", mentionsArray(ms))
		out.Set("claims", string(engine.AppendClaimsJSON(nil, d.ClaimViews(text, ms, d.ClaimsText(t, ms, day)))))
		return out, ""
	}))
	// card(entity, "YYYY-MM-DD" or "") returns the card as JSON text; entity
	// is an index into ids.
	api.Set("card", guarded("card", func(args []js.Value) (any, string) {
		if len(args) < 1 || args[0].Type() != js.TypeNumber {
			return nil, "entity must be a number, an index into ids"
		}
		f := args[0].Float()
		i := int(f)
		if float64(i) != f || i < 0 || i >= len(d.Entities) {
			return nil, "entity must be an integer from 0 to " + strconv.Itoa(len(d.Entities)-1)
		}
		day, bad := dayArg(args, 1)
		if bad != "" {
			return nil, bad
		}
		c := d.Card(int32(i), day)
		return string(c.AppendJSON(nil)), ""
	}))
	// parseDate(text, lang) reads a published date as metadata or the page
	// writes it, or ""; lang is the page's language ("" for English).
	api.Set("parseDate", guarded("parseDate", func(args []js.Value) (any, string) {
		text, bad := textArg(args, 0)
		if bad != "" {
			return nil, bad
		}
		lang, bad := langArg(args, 1)
		if bad != "" {
			return nil, bad
		}
		day, ok := engine.ParsePublishedIn(text, lang)
		if !ok {
			return "", ""
		}
		return day.String(), ""
	}))
	return api
}

// guarded wraps an API function: a non-empty problem, or a panic, is
// answered as {error: "factcard: NAME: problem"}.
func guarded(name string, fn func(args []js.Value) (any, string)) js.Func {
	return js.FuncOf(func(_ js.Value, args []js.Value) (result any) {
		fail := func(problem string) any {
			out := js.Global().Get("Object").New()
			out.Set("error", "factcard: "+name+": "+problem)
			return out
		}
		defer func() {
			if r := recover(); r != nil {
				msg := "internal error"
				if err, ok := r.(error); ok {
					msg += ": " + err.Error()
				} else if s, ok := r.(string); ok {
					msg += ": " + s
				}
				result = fail(msg)
			}
		}()
		v, problem := fn(args)
		if problem != "" {
			return fail(problem)
		}
		return v
	})
}

// textArg reads a string argument no longer than engine.MaxText.
func textArg(args []js.Value, i int) (string, string) {
	if len(args) <= i || args[i].Type() != js.TypeString {
		return "", "argument " + strconv.Itoa(i+1) + " must be a string"
	}
	// The length is read through a String object, before the text is
	// copied into the wasm's memory (js.Value.Length panics on a string).
	if n := js.Global().Get("Object").Invoke(args[i]).Length(); n > engine.MaxText {
		return "", "text of " + strconv.Itoa(n) + " characters is longer than the limit of " + strconv.Itoa(engine.MaxText)
	}
	return args[i].String(), ""
}

// dayArg reads an optional "YYYY-MM-DD" argument: absent, "", null or
// undefined is an unknown date; any other value must be a valid day.
func dayArg(args []js.Value, i int) (engine.Day, string) {
	if len(args) <= i || args[i].IsNull() || args[i].IsUndefined() {
		return engine.NoDay, ""
	}
	if args[i].Type() != js.TypeString {
		return engine.NoDay, "date must be a string YYYY-MM-DD or \"\""
	}
	s := args[i].String()
	if s == "" {
		return engine.NoDay, ""
	}
	day, ok := engine.ParseDay(s)
	if !ok {
		return engine.NoDay, "date " + strconv.Quote(s) + " is not a valid YYYY-MM-DD"
	}
	return day, ""
}

// langArg reads an optional language tag: absent, null or undefined is ""
// (English); any other value must be a string.
func langArg(args []js.Value, i int) (string, string) {
	if len(args) <= i || args[i].IsNull() || args[i].IsUndefined() {
		return "", ""
	}
	if args[i].Type() != js.TypeString {
		return "", "argument " + strconv.Itoa(i+1) + " must be a string, the page's language (\"\" for English)"
	}
	return args[i].String(), ""
}

func mentionsArray(ms []engine.Mention) js.Value {
	buf := make([]byte, 12*len(ms))
	for i, m := range ms {
		putInt32(buf[12*i:], m.Entity)
		putInt32(buf[12*i+4:], m.Start)
		putInt32(buf[12*i+8:], m.End)
	}
	u8 := js.Global().Get("Uint8Array").New(len(buf))
	js.CopyBytesToJS(u8, buf)
	return js.Global().Get("Int32Array").New(u8.Get("buffer"))
}

func putInt32(b []byte, v int32) {
	b[0], b[1], b[2], b[3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
}
