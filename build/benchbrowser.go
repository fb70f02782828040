//go:build !js

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"factcard/build/corpus"
	"factcard/wasm/engine"
)

// The browser benchmark loads each page in headless Chromium with factcard
// as a publisher would include it, then times, on the same page and the same
// names: factcard's scan of the body, one combined RegExp over the body's
// text nodes, and mark.js. docs/performance.md shows a run.

// benchPage is one page of the browser benchmark: a shared test page, or a
// synthetic article of a given size.
type benchPage struct {
	name string
	html []byte
}

// benchResult is what the harness measures on one page.
type benchResult struct {
	Error       string  `json:"error"`
	Found       int     `json:"found"`
	ReadyMs     float64 `json:"readyMs"`   // factcard:ready after the page's parse
	LongestMs   float64 `json:"longestMs"` // longest gap of the probe's loop from the parse to ready
	LongTaskMs  float64 `json:"-"`         // longest task over 50 ms the Long Tasks API reported meanwhile; 0: none, -1: no API
	ScanMs      float64 `json:"scanMs"`    // destroy() + scan(document.body), fastest run
	RegExpMs    float64 `json:"regexpMs"`  // one combined RegExp over the body's text nodes, fastest run
	MarkJSMs    float64 `json:"markjsMs"`  // mark.js with the names as a keyword array, one run; 0 if skipped, -1 if it failed
	TextChars   int     `json:"textChars"` // the body's text, for time per MB
	transferred int64   // bytes of factcard's files sent for the first visit
}

// benchProbe runs before any script of a page: it records factcard's events
// and the longest gap between the turns of a MessageChannel loop from the
// end of the page's parse until ready, which is at least the longest task
// that ran on the main thread meanwhile; and the tasks the Long Tasks API
// reports (those over 50 ms). The gap joins tasks that run back to back
// ahead of the loop's turn (scheduler.yield's continuations do), so a
// sliced read can show as one long gap of short tasks.
const benchProbe = `(() => {
	const b = window.__bench = {longest: 0, tasks: []};
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) b.tasks.push([e.startTime, e.duration]);
		}).observe({type: "longtask", buffered: true});
	} catch (e) { b.tasks = null; }
	let last = 0, on = false;
	const ch = new MessageChannel();
	ch.port1.onmessage = () => {
		const now = performance.now();
		b.longest = Math.max(b.longest, now - last);
		last = now;
		if (on) ch.port2.postMessage(0);
	};
	document.addEventListener("readystatechange", () => {
		if (document.readyState !== "interactive") return;
		b.parsed = performance.now();
		last = b.parsed;
		on = true;
		ch.port2.postMessage(0);
	});
	const stop = (e) => { b.ready = performance.now(); b.detail = e.detail; b.type = e.type; on = false; };
	document.addEventListener("factcard:ready", stop);
	document.addEventListener("factcard:error", stop);
})()`

// benchCompare times the three matchers on document.body; runs is how many
// times each of factcard and the RegExp runs (the fastest is kept).
const benchCompare = `(async (names, runs, withMarkJS) => {
	// The fastest run: other work on a shared machine only ever adds time.
	const best = (xs) => Math.min(...xs);
	const MARKJS_BATCH = 200;
	const body = document.body;
	const scans = [];
	for (let i = 0; i < runs; i++) {
		window.factcard.destroy();
		const t0 = performance.now();
		await window.factcard.scan(body);
		scans.push(performance.now() - t0);
	}
	window.factcard.destroy();
	const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
	const re = new RegExp("\\b(?:" + names.map(escape).join("|") + ")\\b", "gi");
	let textChars = 0, hits = 0;
	const regexps = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
		textChars = 0;
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			textChars += n.data.length;
			re.lastIndex = 0;
			while (re.exec(n.data)) hits++;
		}
		regexps.push(performance.now() - t0);
	}
	let markjs = 0;
	if (withMarkJS) {
		await new Promise((resolve, reject) => {
			const s = document.createElement("script");
			s.src = "/bench/mark.min.js";
			s.onload = resolve;
			s.onerror = () => reject(new Error("mark.js did not load"));
			document.head.append(s);
		});
		const instance = new Mark(body);
		const t0 = performance.now();
		try {
			// mark.js recurses once per keyword, which overflows the stack with
			// thousands of names: the same names go in batches, one after another.
			for (let i = 0; i < names.length; i += MARKJS_BATCH) {
				const batch = names.slice(i, i + MARKJS_BATCH);
				await new Promise((resolve) => instance.mark(batch, {separateWordSearch: false, done: resolve}));
			}
			markjs = performance.now() - t0;
		} catch (e) {
			markjs = -1;
		}
		await new Promise((resolve) => instance.unmark({done: resolve}));
	}
	return {scanMs: best(scans), regexpMs: best(regexps), markjsMs: markjs, textChars, hits};
})`

// benchNames: every name the engine looks for, as written in the dataset.
func benchNames(d *engine.Dataset) []string {
	seen := map[string]bool{}
	var names []string
	for _, p := range d.Patterns {
		if n := string(p.Exact); !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	// Longest first, so that the alternation prefers the longer name.
	sort.SliceStable(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	return names
}

var scriptTag = regexp.MustCompile(`(?is)<script\b.*?</script\s*>`)

// withFactcard returns a page without its own scripts and with factcard
// included at the end of the body, as a publisher would.
func withFactcard(src []byte) []byte {
	src = scriptTag.ReplaceAll(src, nil)
	tag := []byte(`<script src="/factcard.js" defer></script>`)
	if i := strings.LastIndex(strings.ToLower(string(src)), "</body>"); i >= 0 {
		return append(append(append([]byte{}, src[:i]...), tag...), src[i:]...)
	}
	return append(src, tag...)
}

// syntheticArticle builds an article of about n bytes from the labelled
// corpus (mentions in most paragraphs), each paragraph padded with a
// sentence that names nothing.
func syntheticArticle(n int) ([]byte, error) {
	items, err := corpus.ReadAll(corpus.Default)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Synthetic article</title>` +
		`<meta property="article:published_time" content="2021-02-10"></head><body><article><h1>Synthetic article</h1>`)
	for i := 0; b.Len() < n; i++ {
		b.WriteString("<p>")
		b.WriteString(html.EscapeString(items[i%len(items)].Text))
		b.WriteString(" The council will meet again next week to review the figures and hear from residents.</p>\n")
	}
	b.WriteString(`</article><script src="/factcard.js" defer></script></body></html>`)
	return []byte(b.String()), nil
}

func benchPages() ([]benchPage, error) {
	var pages []benchPage
	paths, _ := filepath.Glob(filepath.Join(pagesDir, "*", "source.html"))
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		pages = append(pages, benchPage{filepath.Base(filepath.Dir(p)), withFactcard(src)})
	}
	for _, kb := range []int{10, 100, 1000, 10000} {
		b, err := syntheticArticle(kb * 1000)
		if err != nil {
			return nil, err
		}
		name := fmt.Sprintf("synthetic %d KB", kb)
		if kb >= 1000 {
			name = fmt.Sprintf("synthetic %d MB", kb/1000)
		}
		pages = append(pages, benchPage{name, b})
	}
	return pages, nil
}

// countingWriter counts the bytes of a response.
type countingWriter struct {
	http.ResponseWriter
	n  *int64
	mu *sync.Mutex
}

func (w countingWriter) Write(b []byte) (int, error) {
	w.mu.Lock()
	*w.n += int64(len(b))
	w.mu.Unlock()
	return w.ResponseWriter.Write(b)
}

// runBrowserBench serves dist (built into a temporary directory) and the
// pages whose name matches only, and prints one table; then the routes
// table if routes is set.
func runBrowserBench(d *engine.Dataset, out io.Writer, only *regexp.Regexp, routes bool) error {
	exe := chromiumPath()
	if exe == "" {
		return fmt.Errorf("no Chromium on PATH (go run ./build test installs it)")
	}
	markJS, err := os.ReadFile(filepath.Join(npmTools, "node_modules", "mark.js", "dist", "mark.min.js"))
	if err != nil {
		return fmt.Errorf("mark.js: %w (npm ci --prefix %s installs it)", err, npmTools)
	}
	dist, err := os.MkdirTemp("", "factcard-bench-dist-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dist)
	rel, err := buildRelease(dist, os.Stderr)
	if err != nil {
		return err
	}
	all, err := benchPages()
	if err != nil {
		return err
	}
	pages := slices.DeleteFunc(all, func(p benchPage) bool { return !only.MatchString(p.name) })
	byPath := map[string][]byte{}
	for i, p := range pages {
		byPath[fmt.Sprintf("/page/%d.html", i)] = p.html
	}
	// One untimed first visit that starts the engine: whichever page came
	// first otherwise paid for the browser's cold start (its worker, its
	// compiler threads), as the routes' first did.
	warmup, err := syntheticArticle(10_000)
	if err != nil {
		return err
	}
	byPath["/warmup.html"] = warmup
	var mu sync.Mutex
	var sent int64
	files := distHandler(dist)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if b, ok := byPath[r.URL.Path]; ok {
			// The page's own scripts are gone, and nothing leaves the machine.
			w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'")
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(b)
			return
		}
		if r.URL.Path == "/bench/mark.min.js" {
			w.Header().Set("Content-Type", "text/javascript")
			w.Write(markJS)
			return
		}
		files.ServeHTTP(countingWriter{w, &sent, &mu}, r)
	}))
	defer srv.Close()

	dataDir, err := os.MkdirTemp("", "factcard-bench-chromium-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dataDir)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), headlessChromium(exe, dataDir)...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	// Every load is a first visit: nothing comes from the cache.
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		return err
	}
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		return err
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: benchProbe}); err != nil {
		return err
	}
	names, _ := json.Marshal(benchNames(d))

	fmt.Fprintf(out, "%d names; factcard and RegExp: fastest of 5 runs (3 on 10 MB); mark.js: one run, real pages and synthetic 10 KB only\n\n", len(benchNames(d)))
	fmt.Fprintf(out, "%-20s %6s %9s %9s %7s %10s %10s %10s %11s %9s %9s\n",
		"page", "found", "ready ms", "longest", "task", "transfer", "scan ms", "RegExp ms", "mark.js ms", "scan/RE", "mjs/scan")
	var logScanRE, logMarkScan []float64
	var perMB [][2]float64
	if err := firstVisit(ctx, srv.URL+"/warmup.html"); err != nil {
		return err
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`Boolean(window.__bench && window.__bench.ready)`, chromedp.WithPollingTimeout(2*time.Minute))); err != nil {
		return fmt.Errorf("the warm-up page: %w", err)
	}
	for i, p := range pages {
		mu.Lock()
		sent = 0
		mu.Unlock()
		transferred := func() int64 { mu.Lock(); defer mu.Unlock(); return sent }
		r, err := benchOne(ctx, fmt.Sprintf("%s/page/%d.html", srv.URL, i), p, string(names), transferred)
		if err != nil {
			fmt.Fprintf(out, "%-20s error: %v\n", p.name, err)
			continue
		}
		ratio := math.Max(r.ScanMs, 0.1) / math.Max(r.RegExpMs, 0.1) // timers here tick in 0.1 ms: a 0 is under a tick
		mjs := "—"
		mjsRatio := "—"
		if r.MarkJSMs < 0 {
			mjs = "failed"
		} else if r.MarkJSMs > 0 {
			mjs = fmt.Sprintf("%.1f", r.MarkJSMs)
			mjsRatio = fmt.Sprintf("%.0fx", r.MarkJSMs/math.Max(r.ScanMs, 0.1))
			logMarkScan = append(logMarkScan, math.Log(r.MarkJSMs/math.Max(r.ScanMs, 0.1)))
		}
		if !strings.HasPrefix(p.name, "synthetic") {
			logScanRE = append(logScanRE, math.Log(ratio))
		} else {
			perMB = append(perMB, [2]float64{float64(r.TextChars) / 1e6, r.ScanMs})
		}
		task := fmt.Sprintf("%.0f", r.LongTaskMs)
		switch r.LongTaskMs {
		case 0:
			task = "<50"
		case -1:
			task = "—"
		}
		fmt.Fprintf(out, "%-20s %6d %9.1f %9.1f %7s %10s %10.2f %10.2f %11s %8.2fx %9s\n",
			p.name, r.Found, r.ReadyMs, r.LongestMs, task, kb(int(r.transferred)), r.ScanMs, r.RegExpMs, mjs, ratio, mjsRatio)
	}
	geo := func(logs []float64) float64 {
		s := 0.0
		for _, l := range logs {
			s += l
		}
		return math.Exp(s / float64(max(1, len(logs))))
	}
	fmt.Fprintf(out, "\ngeomean over the %d shared pages: scan/RegExp %.2fx; mark.js/scan %.0fx (%d pages)\n",
		len(logScanRE), geo(logScanRE), geo(logMarkScan), len(logMarkScan))
	if len(perMB) > 0 {
		fmt.Fprintf(out, "scan time per MB of body text:")
		for _, m := range perMB {
			fmt.Fprintf(out, "  %.2f MB: %.0f ms/MB", m[0], m[1]/m[0])
		}
		fmt.Fprintln(out)
	}
	if !routes {
		return nil
	}
	return benchRoutes(ctx, dist, rel.files, out)
}

// benchRouteStart starts the engine by one route from a page and resolves
// with the time until it answered and the longest main-thread task
// meanwhile (the longest gap of a MessageChannel loop).
const benchRouteStart = `(async (base, files, route) => {
	const url = (name) => new URL(name, base).href;
	const engineFiles = {wasmURL: url(files.wasm.name), wasmIntegrity: files.wasm.integrity,
		dataURL: url(files.data.name), dataIntegrity: files.data.integrity, timeoutMs: 120000};
	let longest = 0, last = performance.now(), on = true;
	const ch = new MessageChannel();
	ch.port1.onmessage = () => {
		const now = performance.now();
		longest = Math.max(longest, now - last);
		last = now;
		if (on) ch.port2.postMessage(0);
	};
	ch.port2.postMessage(0);
	const t0 = performance.now();
	if (route === "main thread") {
		await new Promise((resolve, reject) => {
			const s = document.createElement("script");
			Object.assign(s, {src: url(files.engine.name), integrity: files.engine.integrity, crossOrigin: "anonymous", onload: resolve, onerror: reject});
			document.head.append(s);
		});
		await __factcardEngine.connect(engineFiles).call("meta");
	} else {
		let source = url(files.engine.name);
		if (route === "blob worker") {
			const r = await fetch(source, {integrity: files.engine.integrity});
			source = URL.createObjectURL(new Blob([await r.text()], {type: "text/javascript"}));
		} else if (route === "importScripts") {
			source = URL.createObjectURL(new Blob(["importScripts(" + JSON.stringify(source) + ")"], {type: "text/javascript"}));
		}
		const w = new Worker(source);
		await new Promise((resolve, reject) => {
			w.onmessage = (e) => { if (e.data.id === 2) e.data.error ? reject(new Error(e.data.error)) : resolve(); };
			w.onerror = (e) => reject(new Error(e.message || "the worker did not start"));
			w.postMessage({id: 1, op: "init", args: [engineFiles]});
			w.postMessage({id: 2, op: "meta"});
		});
		w.terminate();
	}
	const readyMs = performance.now() - t0;
	on = false;
	return {readyMs, longestMs: longest};
})`

// benchRoutes measures the ways the engine can start on a page whose files
// come from a CDN (another origin): a blob: worker from the fetched,
// hash-checked source (what factcard does), a blob: worker that runs
// importScripts() of the CDN's URL, the main thread; and, for comparison, a
// worker from the page's own origin. Each is a first visit (no cache),
// median of 3.
func benchRoutes(ctx context.Context, dist string, files builtFiles, out io.Writer) error {
	type file struct {
		Name      string `json:"name"`
		Integrity string `json:"integrity"`
	}
	byRole := map[string]file{}
	for role, f := range files {
		byRole[role] = file{f.name, f.integrity}
	}
	filesJSON, err := json.Marshal(byRole)
	if err != nil {
		return err
	}
	assets := distHandler(dist)
	cdn := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		if r.URL.Path == "/page.html" { // the same-origin route's page
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte("<!doctype html><title>route</title>"))
			return
		}
		assets.ServeHTTP(w, r)
	}))
	defer cdn.Close()
	csp := "script-src 'self' " + cdn.URL + " 'wasm-unsafe-eval'; connect-src 'self' " + cdn.URL + "; worker-src 'self' blob:"
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte("<!doctype html><title>route</title>"))
	}))
	defer page.Close()
	fmt.Fprintf(out, "\nstarting the engine (files on another origin, first visit, median of 3 rounds after one untimed): ready ms, longest main-thread task ms\n")
	routes := []string{"blob worker", "importScripts", "main thread", "same-origin worker"}
	ready, longest := map[string][]float64{}, map[string][]float64{}
	failed := map[string]bool{}
	// The routes take turns, round after round, and a first round is not
	// counted: whichever ran first paid for the browser's cold start (240 ms
	// more for the blob worker when it always ran first).
	for round := range 4 {
		for _, route := range routes {
			if failed[route] {
				continue
			}
			pageURL := page.URL + "/page.html"
			if route == "same-origin worker" {
				pageURL = cdn.URL + "/page.html"
			}
			if err := firstVisit(ctx, pageURL); err != nil {
				return err
			}
			type result struct{ ReadyMs, LongestMs float64 }
			r, err := chromedp.Run(ctx, chromedp.Evaluate[result](fmt.Sprintf("%s(%q, %s, %q)", benchRouteStart, cdn.URL+"/", filesJSON, route), chromedp.EvalAwaitPromise))
			if err != nil {
				fmt.Fprintf(out, "%-20s error: %v\n", route, err)
				failed[route] = true
				continue
			}
			if round > 0 {
				ready[route] = append(ready[route], r.ReadyMs)
				longest[route] = append(longest[route], r.LongestMs)
			}
		}
	}
	for _, route := range routes {
		if failed[route] {
			continue
		}
		sort.Float64s(ready[route])
		sort.Float64s(longest[route])
		fmt.Fprintf(out, "%-20s %9.1f %9.1f\n", route, ready[route][1], longest[route][1])
	}
	return nil
}

// firstVisit empties the browser's cache and loads url. Disabling the cache
// for the page is not enough: a worker's requests do not follow it, and
// would find the previous page's runtime and dataset.
func firstVisit(ctx context.Context, url string) error {
	if _, err := chromedp.Call(ctx, network.ClearBrowserCache, cdp.Empty{}); err != nil {
		return err
	}
	return chromedp.Do(ctx, chromedp.Navigate(url))
}

// benchOne loads one page as a first visit, waits for factcard, then times
// the matchers on it.
// transferred reads the bytes of factcard's files sent since the load.
func benchOne(ctx context.Context, url string, p benchPage, names string, transferred func() int64) (benchResult, error) {
	var r benchResult
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	if err := firstVisit(ctx, url); err != nil {
		return r, err
	}
	type probe struct {
		Parsed, Ready, Longest float64
		Tasks                  [][2]float64
		Type                   string
		Detail                 struct{ Found int }
	}
	pr, err := chromedp.Run(ctx, chromedp.Poll[probe](`window.__bench && window.__bench.ready && window.__bench`, chromedp.WithPollingTimeout(5*time.Minute)))
	if err != nil {
		return r, fmt.Errorf("no factcard event: %w", err)
	}
	if pr.Type != "factcard:ready" {
		return r, fmt.Errorf("%s", pr.Type)
	}
	r.Found, r.ReadyMs, r.LongestMs = pr.Detail.Found, pr.Ready-pr.Parsed, pr.Longest
	// The Long Tasks API reports a task after it ends: read them again now.
	tasks, err := chromedp.Run(ctx, chromedp.Evaluate[[][2]float64](`window.__bench.tasks`))
	if err != nil {
		return r, err
	}
	r.LongTaskMs = -1 // no API
	if tasks != nil {
		r.LongTaskMs = 0
		for _, t := range tasks {
			if t[0]+t[1] > pr.Parsed && t[0] < pr.Ready {
				r.LongTaskMs = math.Max(r.LongTaskMs, t[1])
			}
		}
	}
	r.transferred = transferred()
	runs, withMarkJS := 5, true
	if strings.HasPrefix(p.name, "synthetic") && len(p.html) > 50_000 {
		withMarkJS = false // mark.js would take minutes
	}
	if len(p.html) > 2_000_000 {
		runs = 3
	}
	c, err := chromedp.Run(ctx, chromedp.Evaluate[benchResult](fmt.Sprintf("%s(%s, %d, %v)", benchCompare, names, runs, withMarkJS), chromedp.EvalAwaitPromise))
	if err != nil {
		return r, err
	}
	r.ScanMs, r.RegExpMs, r.MarkJSMs, r.TextChars = c.ScanMs, c.RegExpMs, c.MarkJSMs, c.TextChars
	return r, nil
}
