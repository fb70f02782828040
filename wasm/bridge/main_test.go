//go:build js && wasm

package main

import (
	"errors"
	"strings"
	"testing"

	"syscall/js"

	"factcard/wasm/engine"
)

// These run inside Go's wasm under Node (build/bridge_test.go runs them):
// what a page's bad call meets before the engine does.

// TestGuardedAnswersErrors: a refused argument and a panic, with a string
// or an error, are each answered {error: "factcard: NAME: ..."}, and the
// same function answers the next good call (the runtime did not stop).
func TestGuardedAnswersErrors(t *testing.T) {
	f := guarded("probe", func(args []js.Value) (any, string) {
		switch args[0].String() {
		case "refuse":
			return nil, "argument 1 is wrong"
		case "panic string":
			panic("index out of range")
		case "panic error":
			panic(errors.New("nil map"))
		}
		return "fine", ""
	})
	defer f.Release()
	for in, want := range map[string]string{
		"refuse":       "factcard: probe: argument 1 is wrong",
		"panic string": "factcard: probe: internal error: index out of range",
		"panic error":  "factcard: probe: internal error: nil map",
	} {
		got := f.Invoke(in)
		if got.Type() != js.TypeObject || got.Get("error").String() != want {
			t.Errorf("%s answered %v, want {error: %q}", in, got, want)
		}
	}
	if got := f.Invoke("good"); got.Type() != js.TypeString || got.String() != "fine" {
		t.Errorf("the call after the panics answered %v", got)
	}
}

// TestArgumentChecks: every argument reader names what is wrong, and takes
// what is right.
func TestArgumentChecks(t *testing.T) {
	long := js.ValueOf(strings.Repeat("x", engine.MaxText+1))
	args := func(vs ...any) []js.Value {
		out := make([]js.Value, len(vs))
		for i, v := range vs {
			out[i] = js.ValueOf(v)
		}
		return out
	}
	for _, c := range []struct {
		name     string
		problem  func() string
		contains string
	}{
		{"text missing", func() string { _, p := textArg(nil, 0); return p }, "argument 1 must be a string"},
		{"text a number", func() string { _, p := textArg(args(42), 0); return p }, "argument 1 must be a string"},
		{"text too long", func() string { _, p := textArg([]js.Value{long}, 0); return p }, "longer than the limit"},
		{"text fine", func() string { s, p := textArg(args("Xiaomi"), 0); return p + s }, "Xiaomi"},
		{"date a number", func() string { _, p := dayArg(args("t", 20210210), 1); return p }, "date must be a string"},
		{"date impossible", func() string { _, p := dayArg(args("t", "2021-02-30"), 1); return p }, `"2021-02-30" is not a valid`},
		{"lang a number", func() string { _, p := langArg(args("t", 7), 1); return p }, "argument 2 must be a string"},
		{"lang an object", func() string {
			_, p := langArg([]js.Value{js.ValueOf("t"), js.Global().Get("Object").New()}, 1)
			return p
		}, "argument 2 must be a string"},
		{"lang fine", func() string { l, p := langArg(args("t", "de"), 1); return p + l }, "de"},
	} {
		if got := c.problem(); !strings.Contains(got, c.contains) {
			t.Errorf("%s: %q, want it to contain %q", c.name, got, c.contains)
		}
	}
	for _, absent := range [][]js.Value{args("t"), args("t", nil), {js.ValueOf("t"), js.Undefined()}, args("t", "")} {
		if day, p := dayArg(absent, 1); p != "" || day != engine.NoDay {
			t.Errorf("date %v: %v %q, want no date and no problem", absent, day, p)
		}
		if l, p := langArg(absent, 1); p != "" || l != "" {
			t.Errorf("lang %v: %q %q, want English and no problem", absent, l, p)
		}
	}
	if day, p := dayArg(args("t", "2021-02-10"), 1); p != "" || day.String() != "2021-02-10" {
		t.Errorf("date 2021-02-10 read as %v %q", day, p)
	}
}
