//go:build !js

// The browser tests drive Chromium from the native test binary.

package main

import (
	"context"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"factcard/build/cli"
	"factcard/build/report"
	"factcard/wasm/engine"
)

// The browser tests build dist/ once and drive Debian's headless Chromium
// against it, as a reader's browser would load the demo.

var builtDist string

func TestMain(m *testing.M) {
	flag.Parse()
	if err := cli.ChdirRoot(); err != nil {
		panic(err)
	}
	code := func() int {
		if !testing.Short() && chromiumPath() != "" {
			dir, err := os.MkdirTemp("", "factcard-dist-")
			if err != nil {
				panic(err)
			}
			defer os.RemoveAll(dir)
			before := sourceSnapshot()
			rel, err := buildRelease(dir, os.Stderr)
			if err == nil {
				err = buildExtension(dir, rel, os.Stderr)
			}
			if err != nil {
				panic(err)
			}
			builtDist = dir
			buildChangedSources = changedFiles(before, sourceSnapshot())
		}
		defer func() {
			if budgetTemp != "" {
				os.RemoveAll(budgetTemp)
			}
		}()
		return m.Run()
	}()
	os.Exit(code)
}

// newBrowser starts headless Chromium with the flags that work on this
// machine (no sandbox as root, no background network traffic).
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	return newBrowserWith(t)
}

// newBrowserWith is newBrowser with extra Chromium flags.
func newBrowserWith(t *testing.T, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	exe := chromiumPath()
	if exe == "" || builtDist == "" {
		t.Fatal("no Chromium on PATH: run the tests with `go run ./build test`, which installs it")
	}
	// Chromium sometimes fails to start on a loaded machine (the test
	// packages run side by side on two cores): a start is tried three times
	// before the test fails, each with a fresh profile.
	const starts = 3
	for attempt := 1; ; attempt++ {
		opts := headlessChromium(exe, t.TempDir())
		opts = append(opts, extra...)
		actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancel := chromedp.NewContext(actx)
		// Record factcard's events from the very start of every page.
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
			window.__factcardEvents = [];
			for (const type of ["factcard:ready", "factcard:error"]) {
				document.addEventListener(type, (e) => { const a = window.__factcardEvents; a[a.length] = {type, detail: e.detail}; });
			}
			document.addEventListener("readystatechange", () => {
				if (document.readyState === "interactive") window.__before = document.body.innerHTML;
			});`})
		if err == nil {
			t.Cleanup(func() { cancel(); cancelAlloc() })
			return ctx
		}
		cancel()
		cancelAlloc()
		if attempt == starts {
			t.Fatalf("Chromium did not start in %d tries: %v", starts, err)
		}
		t.Logf("Chromium did not start (try %d of %d): %v", attempt, starts, err)
	}
}

// eval evaluates a JavaScript expression in the page and decodes its value.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// evalAwait is eval for an expression whose value is a promise: it decodes
// what the promise resolves to.
func evalAwait[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

func navigate(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
}

func key(t *testing.T, ctx context.Context, k string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.KeyEvent(k)); err != nil {
		t.Fatal(err)
	}
}

func serveDist(t *testing.T, h http.Handler) string {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

type readyEvent struct {
	Type   string `json:"type"`
	Detail struct {
		Mentions       int     `json:"mentions"`
		Found          int     `json:"found"`
		ArticleDate    *string `json:"articleDate"`
		DatasetVersion string  `json:"datasetVersion"`
		Engine         string  `json:"engine"`
		Message        string  `json:"message"`
	} `json:"detail"`
}

func waitEvent(t *testing.T, ctx context.Context) readyEvent {
	t.Helper()
	evs, err := chromedp.Run(ctx, chromedp.Poll[[]readyEvent](`window.__factcardEvents.length > 0 && window.__factcardEvents`, chromedp.WithPollingTimeout(30*time.Second)))
	if err != nil {
		t.Fatalf("no factcard event: %v", err)
	}
	return evs[0]
}

func TestBrowserDemoMarksAndCard(t *testing.T) {
	ctx := newBrowser(t)
	url := serveDist(t, distHandler(builtDist))
	navigate(t, ctx, url+"/index.html")
	ev := waitEvent(t, ctx)
	if ev.Type != "factcard:ready" {
		t.Fatalf("got %s: %s", ev.Type, ev.Detail.Message)
	}
	if ev.Detail.ArticleDate == nil || *ev.Detail.ArticleDate != "2021-02-10" {
		t.Errorf("articleDate = %v, want 2021-02-10", ev.Detail.ArticleDate)
	}
	if !strings.HasPrefix(ev.Detail.DatasetVersion, "20") {
		t.Errorf("datasetVersion = %q", ev.Detail.DatasetVersion)
	}

	// Which entities are marked, in document order, and that nothing outside
	// the article (navigation, the related-links aside) is.
	ids := eval[[]string](t, ctx, `[...document.querySelectorAll("article [data-factcard-id]:not([data-factcard-part])")].map(e => e.dataset.factcardId)`)
	outside := eval[int](t, ctx, `[...document.querySelectorAll("[data-factcard-id]")].filter(e => !e.closest("article") || e.closest("aside")).length`)
	splitParts := eval[[]string](t, ctx, `[...document.querySelectorAll('[data-factcard-id="xiaomi"]')].slice(0, 2).map(e => e.parentElement.localName + ":" + e.textContent)`)
	for _, want := range []string{"xiaomi", "ccmc-1237", "eo-13959", "huawei", "entity-list"} {
		if !contains(ids, want) {
			t.Errorf("marked ids %v lack %q", ids, want)
		}
	}
	if ev.Detail.Mentions != len(ids) {
		t.Errorf("ready event counts %d mentions, page has %d marks", ev.Detail.Mentions, len(ids))
	}
	if outside != 0 {
		t.Errorf("%d marks outside the article body", outside)
	}
	// <b>Xiao</b>mi: one mention, two marks, the first inside <b>.
	if len(splitParts) != 2 || splitParts[0] != "b:Xiao" || splitParts[1] != "p:mi" {
		t.Errorf("split name marked as %v, want [b:Xiao p:mi]", splitParts)
	}

	// What factcard knows of a mark is in its own WeakMap: the page's
	// elements gain no properties (issue 18).
	if withProps := eval[[]string](t, ctx, `[...document.querySelectorAll("factcard-mark")].filter((m) => Reflect.ownKeys(m).length).map((m) => m.textContent + ": " + Reflect.ownKeys(m).map(String).join())`); len(withProps) > 0 {
		t.Errorf("marks with own properties: %v", withProps)
	}

	// Keyboard: Tab until the Xiaomi mark has focus; the card opens.
	focused := ""
	for i := 0; i < 20 && focused != "xiaomi"; i++ {
		key(t, ctx, "\t")
		focused = eval[string](t, ctx, `document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.factcardId || "" : ""`)
	}
	if focused != "xiaomi" {
		t.Fatalf("Tab never reached the Xiaomi mark")
	}
	cardText, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => { const h = document.querySelector("factcard-card"); const c = h && h.shadowRoot.querySelector(".card"); return c && !c.hidden && c.innerText; })()`, chromedp.WithPollingTimeout(5*time.Second)))
	if err != nil {
		t.Fatalf("card did not open on focus: %v", err)
	}
	expanded := eval[string](t, ctx, `document.activeElement.getAttribute("aria-expanded")`)
	for _, want := range []string{"Xiaomi Corporation", "On Feb 10, 2021 (article): Listed since Jan 14, 2021", "District Court for the District of Columbia", "dataset of ", strings.SplitN(ev.Detail.DatasetVersion, "+", 2)[1],
		"Not yet in force on this date: the list's prohibitions start to apply to it on Mar 15, 2021."} {
		if !strings.Contains(cardText, want) {
			t.Errorf("card lacks %q:\n%s", want, cardText)
		}
	}
	// The ban never reached Xiaomi: no line may say it applied.
	if strings.Contains(cardText, "could not buy its publicly traded securities") {
		t.Errorf("card says the purchase ban applied to Xiaomi:\n%s", cardText)
	}
	if _, today, _ := strings.Cut(cardText, "Today (dataset of "); today == "" || strings.HasPrefix(today[strings.Index(today, "): ")+3:], "Listed") {
		t.Errorf("card should say Xiaomi is not listed as of the dataset's date:\n%s", cardText)
	}
	if expanded != "true" {
		t.Errorf("aria-expanded = %q on the focused mark", expanded)
	}

	// Escape closes it and focus stays on the mark.
	key(t, ctx, "\x1b")
	if !eval[bool](t, ctx, `document.querySelector("factcard-card").shadowRoot.querySelector(".card").hidden`) {
		t.Error("Escape did not close the card")
	}

	// destroy() leaves the DOM as it was before factcard ran.
	same := eval[bool](t, ctx, `window.factcard.destroy(); document.body.innerHTML === window.__before`)
	left := eval[int](t, ctx, `document.querySelectorAll("factcard-mark, factcard-card").length`)
	if !same || left != 0 {
		t.Errorf("after destroy(): DOM restored = %v, %d factcard elements left", same, left)
	}
}

func TestBrowserWasmFailureLeavesPageAlone(t *testing.T) {
	ctx := newBrowser(t)
	files := distHandler(builtDist)
	url := serveDist(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".wasm") {
			http.NotFound(w, r)
			return
		}
		files.ServeHTTP(w, r)
	}))
	navigate(t, ctx, url+"/index.html")
	ev := waitEvent(t, ctx)
	if ev.Type != "factcard:error" {
		t.Fatalf("got %s, want factcard:error", ev.Type)
	}
	if !eval[bool](t, ctx, `document.body.innerHTML === window.__before`) {
		t.Error("the page changed although the engine failed to load")
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// TestBrowserMatchesNative: on every shared page the widget (in Chromium,
// on the DOM) and the report (native, on Go's HTML parser) read the same
// article text and date and find the same mentions at the same offsets.
func TestBrowserMatchesNative(t *testing.T) {
	ctx := newBrowser(t)
	pages := sharedPages(t)
	mux := http.NewServeMux()
	mux.Handle("/", distHandler(builtDist))
	mux.Handle("/pages/", http.StripPrefix("/pages/", http.FileServer(http.Dir(pagesDir))))
	mux.Handle("/fixtures/traps/source.html", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, "build/testdata/traps.html")
	}))
	pages = append(pages, "build/testdata/traps.html")
	url := serveDist(t, mux)
	navigate(t, ctx, url+"/index.html")
	if ev := waitEvent(t, ctx); ev.Type != "factcard:ready" {
		t.Fatalf("widget not ready: %+v", ev)
	}
	d := compiledDataset(t)
	type mention struct {
		ID         string `json:"id"`
		Start, End int32
		Text       string `json:"text"`
	}
	type inspected struct {
		Text        string    `json:"text"`
		ArticleDate *string   `json:"articleDate"`
		Mentions    []mention `json:"mentions"`
	}
	for _, p := range pages {
		name := filepath.Base(filepath.Dir(p))
		path := "/pages/" + name + "/source.html"
		if strings.HasPrefix(p, "build/") {
			name, path = "traps", "/fixtures/traps/source.html"
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[inspected](`fetch("`+path+`").then(r => r.text()).then(h => window.factcard.inspect(new DOMParser().parseFromString(h, "text/html")))`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text, _, err := report.ArticleFromFile(p, src)
		if err != nil {
			t.Fatal(err)
		}
		want, err := report.Check(d, p, src, engine.NoDay)
		if err != nil {
			t.Fatal(err)
		}
		if got.Text != text {
			t.Errorf("%s: article text differs (browser %d chars, native %d)\n%s", name, len(got.Text), len(text), firstDiff(got.Text, text))
		}
		if (got.ArticleDate == nil) != (want.ArticleDate == nil) || got.ArticleDate != nil && *got.ArticleDate != *want.ArticleDate {
			t.Errorf("%s: date browser %v, native %v", name, deref(got.ArticleDate), deref(want.ArticleDate))
		}
		var wantM []mention
		for _, m := range want.Mentions {
			wantM = append(wantM, mention{m.ID, m.Start, m.End, m.Text})
		}
		if len(got.Mentions)+len(wantM) > 0 && !reflect.DeepEqual(got.Mentions, wantM) {
			t.Errorf("%s: browser found %v, native %v", name, got.Mentions, wantM)
		}
	}
}

func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-60)
	return "browser: " + strconv.Quote(a[lo:min(len(a), i+60)]) + "\nnative:  " + strconv.Quote(b[lo:min(len(b), i+60)])
}

// builtName is the name the test build gave the file of a role (wasm,
// data, engine, card).
func builtName(t testing.TB, role string) string {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(builtDist, builtPatterns[role]))
	if len(names) != 1 {
		t.Fatalf("built %s files: %v, want one", role, names)
	}
	return filepath.Base(names[0])
}

// TestBrowserEngineInWorker: the engine runs where there is no DOM (a Web
// Worker here; an extension's service worker works the same way) and finds
// what the native engine finds.
func TestBrowserEngineInWorker(t *testing.T) {
	ctx := newBrowser(t)
	url := serveDist(t, distHandler(builtDist))
	navigate(t, ctx, url+"/index.html")
	waitEvent(t, ctx)
	const text = "On 2021-02-10 Xiaomi’s lawyers cited Executive Order 13959 and the CCMC list; 小米集团 agreed."
	type answer struct {
		Result []int32 `json:"result"`
		Error  string  `json:"error"`
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[answer](`new Promise((resolve) => {
		const w = new Worker(`+strconv.Quote(builtName(t, "engine"))+`);
		w.onmessage = (e) => { if (e.data.id === 1) resolve(e.data); };
		w.postMessage({id: 0, op: "init", args: [`+workerFiles(builtName(t, "wasm"), builtName(t, "data"))+`]});
		w.postMessage({id: 1, op: "find", args: [`+strconv.Quote(text)+`]});
	})`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if got.Error != "" {
		t.Fatalf("worker: %s", got.Error)
	}
	d := compiledDataset(t)
	var want []int32
	for _, m := range d.Find(text) {
		want = append(want, m.Entity, m.Start, m.End)
	}
	if len(want) < 9 || !reflect.DeepEqual(got.Result, want) {
		t.Errorf("worker found %v, native %v", got.Result, want)
	}
}
