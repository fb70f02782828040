//go:build js && wasm

// Command bridge is the thin layer between the engine and JavaScript. It
// works where there is no DOM (an extension's service worker) because it
// touches only the values JavaScript hands it.
package main

import (
	"syscall/js"

	"factcard/wasm/engine"
)

// compiledDataset is defined in dataset_gen.go, which `go run ./build`
// writes from data/: a string constant rather than go:embed, because the
// embed package brings io/fs and time into the binary (36 KB brotli).

func main() {
	ready := js.Global().Get("__factcardInit")
	d, err := engine.Decode(compiledDataset)
	if err != nil {
		ready.Invoke(js.Null(), err.Error())
		return
	}
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
	// find(text) returns an Int32Array of (entity, start, end) triples with
	// UTF-16 offsets: one copy across the boundary, however many mentions.
	api.Set("find", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return mentionsArray(d.Find(args[0].String()))
	}))
	// analyze(text, "YYYY-MM-DD" or "") returns {found, claims}: find's
	// triples and, as JSON text, the statements near them that the record
	// contradicts. The text is normalized and matched once for both.
	api.Set("analyze", js.FuncOf(func(_ js.Value, args []js.Value) any {
		t := engine.Normalize(args[0].String())
		ms := d.FindText(t)
		out := js.Global().Get("Object").New()
		out.Set("found", mentionsArray(ms))
		out.Set("claims", string(d.AppendClaimsJSON(nil, d.ClaimsText(t, ms, dayArg(args[1])))))
		return out
	}))
	// card(entity, "YYYY-MM-DD" or "") returns the card as JSON text.
	api.Set("card", js.FuncOf(func(_ js.Value, args []js.Value) any {
		i := args[0].Int()
		if i < 0 || i >= len(d.Entities) {
			return js.Null()
		}
		c := d.Card(int32(i), dayArg(args[1]))
		return string(c.AppendJSON(nil))
	}))
	// parseDate(text, lang) reads a published date as metadata or the page
	// writes it; lang is the page's language ("" for English).
	api.Set("parseDate", js.FuncOf(func(_ js.Value, args []js.Value) any {
		lang := ""
		if len(args) > 1 && args[1].Type() == js.TypeString {
			lang = args[1].String()
		}
		day, ok := engine.ParsePublishedIn(args[0].String(), lang)
		if !ok {
			return ""
		}
		return day.String()
	}))
	ready.Invoke(api)
	select {} // keep the exported functions alive
}

// dayArg reads a "YYYY-MM-DD" argument; anything else is an unknown date.
func dayArg(v js.Value) engine.Day {
	if day, ok := engine.ParseDay(v.String()); ok {
		return day
	}
	return engine.NoDay
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
