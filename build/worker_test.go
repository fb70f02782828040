//go:build !js

// The browser tests drive Chromium from the native test binary.

package main

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"factcard/wasm/engine"
)

// crashableWorker is the engine's worker with a hook that breaks the running
// engine's memory, as an out-of-memory crash would leave it.
const crashableWorker = `
self.__instances = [];
const instantiate = WebAssembly.instantiate;
WebAssembly.instantiateStreaming = undefined;
WebAssembly.instantiate = (...a) => instantiate(...a).then((r) => (self.__instances.push(r.instance), r));
self.addEventListener("message", (e) => {
	if (e.data && e.data.op === "crash") new Uint8Array(self.__instances.at(-1).exports.mem.buffer).fill(0xff);
});
importScripts("ENGINE");
`

type workerAnswer struct {
	ID     int    `json:"id"`
	Result any    `json:"result"`
	Error  string `json:"error"`
}

// workerFiles is the engine worker's first request's argument: where the
// test build's runtime and a dataset file are, relative to the page.
func workerFiles(wasm, data string) string {
	return `{wasmURL: new URL(` + strconv.Quote(wasm) + `, location.href).href, dataURL: new URL(` +
		strconv.Quote(data) + `, location.href).href, timeoutMs: 20000}`
}

// askWorker sends each message (JavaScript expressions of {op, args}) in turn
// to a fresh engine worker (crashable: with the hook of crashableWorker),
// after its init, and returns the answers.
func askWorker(t *testing.T, crashable bool, messages ...string) []workerAnswer {
	t.Helper()
	return askWorkerWith(t, crashable, "", messages...)
}

// askWorkerWith is askWorker with the worker given another dataset file
// (data, a path of the built dist), or the built one ("").
func askWorkerWith(t *testing.T, crashable bool, data string, messages ...string) []workerAnswer {
	t.Helper()
	ctx := newBrowser(t)
	if data == "" {
		data = builtName(t, "data")
	}
	script := builtName(t, "engine")
	if crashable {
		script = "crashable-worker.js"
	}
	mux := http.NewServeMux()
	mux.Handle("/", distHandler(builtDist))
	mux.HandleFunc("/crashable-worker.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		w.Write([]byte(strings.Replace(crashableWorker, "ENGINE", builtName(t, "engine"), 1)))
	})
	url := serveDist(t, mux)
	navigate(t, ctx, url+"/index.html")
	answers, err := chromedp.Run(ctx, chromedp.Evaluate[[]workerAnswer](`(async () => {
		const w = new Worker(`+strconv.Quote(script)+`);
		const ask = (id, m) => new Promise((resolve) => {
			const on = (e) => { if (e.data.id === id) { w.removeEventListener("message", on); resolve(e.data); } };
			w.addEventListener("message", on);
			w.postMessage({id, ...m});
			if (m.op === "crash") resolve({id});
		});
		await ask(0, {op: "init", args: [`+workerFiles(builtName(t, "wasm"), data)+`]});
		const out = [];
		for (const [i, m] of [`+strings.Join(messages, ",\n")+`].entries()) out.push(await ask(i + 1, m));
		w.terminate();
		return out;
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	return answers
}

// TestBrowserWorkerRefusesBadArguments: every malformed call is answered with
// an error naming the problem (before, card("abc") answered the first
// entity's card and card(2**32+139) the 139th), and the engine still answers
// correct calls afterwards.
func TestBrowserWorkerRefusesBadArguments(t *testing.T) {
	bad := []struct{ message, wantError string }{
		{`{op: "card", args: ["abc"]}`, "entity must be a number"},
		{`{op: "card", args: [2**32 + 139]}`, "entity must be an integer from 0 to"},
		{`{op: "card", args: [-1]}`, "entity must be an integer from 0 to"},
		{`{op: "card", args: [1.5]}`, "entity must be an integer from 0 to"},
		{`{op: "card", args: []}`, "entity must be a number"},
		{`{op: "card", args: [0, "2021-02-30"]}`, `date "2021-02-30" is not a valid YYYY-MM-DD`},
		{`{op: "card", args: [0, 20210210]}`, "date must be a string"},
		{`{op: "find", args: [42]}`, "argument 1 must be a string"},
		{`{op: "find", args: [["Xiaomi"]]}`, "argument 1 must be a string"},
		{`{op: "find", args: []}`, "argument 1 must be a string"},
		{`{op: "find", args: ["x".repeat(` + strconv.Itoa(engine.MaxText+1) + `)]}`, "longer than the limit of " + strconv.Itoa(engine.MaxText)},
		{`{op: "claims", args: ["Xiaomi", "yesterday"]}`, `date "yesterday" is not a valid YYYY-MM-DD`},
		{`{op: "parseDate", args: [null]}`, "argument 1 must be a string"},
		{`{op: "parseDate", args: ["1. Mai 2023", 49]}`, "argument 2 must be a string"},
		{`{op: "analyze", args: [{length: 3}]}`, "argument 1 must be a string"},
		{`{op: "analyze", args: ["Xiaomi", "2021-13-01"]}`, `date "2021-13-01" is not a valid YYYY-MM-DD`},
	}
	var messages []string
	for _, b := range bad {
		messages = append(messages, b.message)
	}
	messages = append(messages, `{op: "card", args: [0, "2021-02-10"]}`, `{op: "find", args: ["Xiaomi"]}`)
	answers := askWorker(t, false, messages...)
	for i, b := range bad {
		if !strings.Contains(answers[i].Error, b.wantError) || answers[i].Result != nil {
			t.Errorf("%s answered %+v, want an error with %q", b.message, answers[i], b.wantError)
		}
	}
	card, found := answers[len(bad)], answers[len(bad)+1]
	d := compiledDataset(t)
	if m, ok := card.Result.(map[string]any); !ok || m["id"] != d.Entities[0].ID {
		t.Errorf("card(0) after the bad calls answered %+v, want the card of %s", card, d.Entities[0].ID)
	}
	if f, ok := found.Result.([]any); !ok || len(f) != 3 {
		t.Errorf("find after the bad calls answered %+v, want one mention", found)
	}
}

// TestBrowserWorkerRefusesAWrongDataset: a dataset file that is not one (the
// runtime fetched without its hash, as inside the extension) is refused with
// an error that says so, for every request, rather than a crash.
func TestBrowserWorkerRefusesAWrongDataset(t *testing.T) {
	answers := askWorkerWith(t, false, "index.html", `{op: "meta"}`, `{op: "find", args: ["Xiaomi"]}`)
	for _, a := range answers {
		if !strings.Contains(a.Error, "not a dataset this engine reads") || a.Result != nil {
			t.Errorf("with index.html as the dataset the worker answered %+v", a)
		}
	}
}

// TestBrowserWorkerRecoversAfterACrash: when the engine's instance dies, the
// request that hit it gets an error and the next request is answered by a
// fresh instance (before, every later request failed).
func TestBrowserWorkerRecoversAfterACrash(t *testing.T) {
	answers := askWorker(t, true,
		`{op: "find", args: ["Xiaomi"]}`,
		`{op: "crash"}`,
		`{op: "find", args: ["Xiaomi"]}`,
		`{op: "find", args: ["Xiaomi"]}`,
		`{op: "find", args: ["Huawei"]}`,
	)
	if f, ok := answers[0].Result.([]any); !ok || len(f) != 3 {
		t.Fatalf("find before the crash answered %+v", answers[0])
	}
	if answers[2].Error == "" {
		t.Errorf("the request that met the broken instance answered %+v, want an error", answers[2])
	}
	for _, a := range answers[3:] {
		if f, ok := a.Result.([]any); !ok || len(f) != 3 {
			t.Errorf("a request after the crash answered %+v, want one mention from a fresh engine", a)
		}
	}
}
