//go:build !js

package main

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The embedding tests load factcard as a publisher would (a script tag, on
// the page's origin or a CDN's) and check what a page sees: exactly one
// global, exactly one factcard:error and one console warning for every
// mistake, and a page left as it was.

// harnessGlobals are the globals the tests themselves define on the page.
var harnessGlobals = []string{"__factcardEvents", "__before", "__warnings", "__uncaught", "__globalsBefore"}

// watchPage records, from the start of every page, the window's own property
// names, console warnings and uncaught errors.
func watchPage(t *testing.T, ctx context.Context) {
	t.Helper()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
		window.__warnings = [];
		window.__uncaught = [];
		// (Index assignment, not push: a test breaks Array.prototype.push.)
		const record = (a, v) => { a[a.length] = v; };
		const warn = console.warn;
		console.warn = function (...args) { record(window.__warnings, args.map(String).join(" ")); return warn.apply(this, args); };
		addEventListener("error", (e) => record(window.__uncaught, String(e.message)));
		addEventListener("unhandledrejection", (e) => record(window.__uncaught, String(e.reason)));
		window.__globalsBefore = Object.getOwnPropertyNames(window);`}); err != nil {
		t.Fatal(err)
	}
}

// addedGlobals lists the window properties that appeared since the page
// started, less the harness's own.
func addedGlobals(t *testing.T, ctx context.Context) []string {
	t.Helper()
	added := eval[[]string](t, ctx, `Object.getOwnPropertyNames(window).filter((n) => !window.__globalsBefore.includes(n))`)
	var out []string
	for _, n := range added {
		if !contains(harnessGlobals, n) {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// requestCounter counts requests per path suffix.
type requestCounter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *requestCounter) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.mu.Lock()
		if c.n == nil {
			c.n = map[string]int{}
		}
		c.n[path.Ext(r.URL.Path)]++
		c.mu.Unlock()
		h.ServeHTTP(w, r)
	})
}

func (c *requestCounter) count(ext string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n[ext]
}

const testArticleBody = `<article><h1>Phones and lists</h1><p>Xiaomi was named on the CCMC list in January 2021.</p><p>Huawei has been on the Entity List since 2019.</p></article>`

// pageMux serves dist/ and, at /page.html, the given HTML with the given
// Content-Security-Policy ("" for none).
func pageMux(html, csp string) *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("/", distHandler(builtDist))
	mux.HandleFunc("/page.html", func(w http.ResponseWriter, r *http.Request) {
		if csp != "" {
			w.Header().Set("Content-Security-Policy", csp)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(html))
	})
	return mux
}

func testPage(head, body string) string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>` + head + `</head><body>` + body + `</body></html>`
}

// expectOneError waits for factcard's event, checks it is the only one, an
// error whose message contains want, with exactly one console warning, no
// uncaught error, and the page as it was.
func expectOneError(t *testing.T, ctx context.Context, want string) {
	t.Helper()
	ev := waitEvent(t, ctx)
	time.Sleep(300 * time.Millisecond) // a second event would come now
	if n := eval[int](t, ctx, `window.__factcardEvents.length`); n != 1 {
		t.Errorf("%d factcard events, want 1", n)
	}
	if ev.Type != "factcard:error" {
		t.Fatalf("got %s, want factcard:error containing %q", ev.Type, want)
	}
	if !strings.Contains(ev.Detail.Message, want) {
		t.Errorf("error message %q lacks %q", ev.Detail.Message, want)
	}
	warnings := eval[[]string](t, ctx, `window.__warnings`)
	if len(warnings) != 1 || warnings[0] != ev.Detail.Message {
		t.Errorf("console warnings %q, want exactly the error's message", warnings)
	}
	if uncaught := eval[[]string](t, ctx, `window.__uncaught`); len(uncaught) != 0 {
		t.Errorf("uncaught errors: %q", uncaught)
	}
	if !eval[bool](t, ctx, `document.body.innerHTML === window.__before && !document.querySelector("factcard-mark, factcard-card")`) {
		t.Error("the page changed")
	}
}

// TestBrowserConfigMistakes: every wrong data- attribute gives one clear
// factcard:error and one warning, leaves the page alone, and (when the
// mistake is visible before loading) downloads no wasm.
func TestBrowserConfigMistakes(t *testing.T) {
	ctx := newBrowser(t)
	watchPage(t, ctx)
	for _, tc := range []struct {
		attrs, want string
		needsEngine bool
	}{
		{`data-article="article["`, `data-article="article[" is not a valid CSS selector`, false},
		{`data-article=".story-body"`, `data-article=".story-body" matches no element`, false},
		{`data-article=" "`, `data-article=" " is empty`, false},
		{`data-date="10/02/2021"`, `data-date="10/02/2021" is not a date`, false},
		{`data-date="2021-02-30"`, `data-date="2021-02-30" is not a calendar date`, true},
		{`data-mark="every"`, `data-mark="every" is not "first" or "all"`, false},
		{`data-timeout="soon"`, `data-timeout="soon" is not a number of seconds`, false},
		{`data-factcard="no"`, `data-factcard="no" is not "off"`, false},
	} {
		t.Run(tc.attrs, func(t *testing.T) {
			var requests requestCounter
			url := serveDist(t, requests.wrap(pageMux(testPage(`<script src="factcard.js" defer `+tc.attrs+`></script>`, testArticleBody), "")))
			navigate(t, ctx, url+"/page.html")
			expectOneError(t, ctx, tc.want)
			if n := requests.count(".wasm"); !tc.needsEngine && n != 0 {
				t.Errorf("the wasm was requested %d times for a mistake visible without it", n)
			}
		})
	}
}

// TestBrowserModuleScript: loaded as a module, factcard cannot find its
// folder, and says so.
func TestBrowserModuleScript(t *testing.T) {
	ctx := newBrowser(t)
	watchPage(t, ctx)
	url := serveDist(t, pageMux(testPage(`<script type="module" src="factcard.js"></script>`, testArticleBody), ""))
	navigate(t, ctx, url+"/page.html")
	expectOneError(t, ctx, "classic <script src> tag")
}

// TestBrowserOneGlobal: factcard adds window.factcard and nothing else (Go's
// wasm_exec.js defines fs, process, path and Go in a private scope), whether
// it runs, fails or is opted out; an element with id="factcard" does not
// stop it.
func TestBrowserOneGlobal(t *testing.T) {
	ctx := newBrowser(t)
	watchPage(t, ctx)
	script := `<script src="factcard.js" defer></script>`
	for _, tc := range []struct {
		name        string
		missingWasm bool
		html        string
		event       string // "" when no event is expected
	}{
		{"ready", false, testPage(script, testArticleBody), "factcard:ready"},
		{"clobbered by an element", false, testPage(script, `<div id="factcard">page furniture</div><form name="currentScript"></form>`+testArticleBody), "factcard:ready"},
		{"wasm missing", true, testPage(script, testArticleBody), "factcard:error"},
		{"opted out", false, testPage(`<meta name="factcard" content="off">`+script, testArticleBody), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mux := pageMux(tc.html, "")
			if tc.missingWasm {
				mux.Handle("/"+builtName(t, "wasm"), http.NotFoundHandler())
			}
			url := serveDist(t, mux)
			navigate(t, ctx, url+"/page.html")
			if tc.event != "" {
				if ev := waitEvent(t, ctx); ev.Type != tc.event {
					t.Fatalf("got %s (%s), want %s", ev.Type, ev.Detail.Message, tc.event)
				}
			} else {
				time.Sleep(time.Second)
				if n := eval[int](t, ctx, `window.__factcardEvents.length + document.querySelectorAll("factcard-mark").length`); n != 0 {
					t.Fatalf("an opted-out page got %d events and marks", n)
				}
			}
			if got := addedGlobals(t, ctx); len(got) != 1 || got[0] != "factcard" {
				t.Errorf("globals added: %v, want only factcard", got)
			}
			if v := eval[string](t, ctx, `[typeof fs, typeof process, typeof path, typeof Go, typeof __factcardInit, typeof window.factcard.scan].join(" ")`); v != "undefined undefined undefined undefined undefined function" {
				t.Errorf("typeof fs, process, path, Go, __factcardInit, factcard.scan = %s", v)
			}
			if tc.event == "factcard:ready" && eval[int](t, ctx, `document.querySelectorAll("article factcard-mark").length`) < 2 {
				t.Error("no marks in the article")
			}
		})
	}
}

// TestBrowserPageObjectStopsFactcardVisibly: a page's own window.factcard
// is left alone, and factcard says why it did not start.
func TestBrowserPageObjectStopsFactcardVisibly(t *testing.T) {
	ctx := newBrowser(t)
	watchPage(t, ctx)
	url := serveDist(t, pageMux(testPage(`<script>window.factcard = {mine: true};</script><script src="factcard.js" defer></script>`, testArticleBody), ""))
	navigate(t, ctx, url+"/page.html")
	expectOneError(t, ctx, "the page already defines window.factcard")
	if !eval[bool](t, ctx, `window.factcard.mine === true`) {
		t.Error("the page's window.factcard was replaced")
	}
}

// TestBrowserLoadTimeout: a wasm request that never answers ends in
// factcard:error after data-timeout seconds.
func TestBrowserLoadTimeout(t *testing.T) {
	ctx := newBrowser(t)
	watchPage(t, ctx)
	mux := pageMux(testPage(`<script src="factcard.js" defer data-timeout="1"></script>`, testArticleBody), "")
	mux.HandleFunc("/"+builtName(t, "wasm"), func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done() // never answers; the browser gives up
	})
	url := serveDist(t, mux)
	start := time.Now()
	navigate(t, ctx, url+"/page.html")
	expectOneError(t, ctx, "took longer than 1 s")
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("the error came after %v", d)
	}
}

// TestBrowserCardFailures: a card file that is missing or altered (its hash
// no longer matches the one baked into factcard.js) gives one
// clear factcard:error and leaves the page alone, no element or global behind.
func TestBrowserCardFailures(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	cardName := builtName(t, "card")
	built, err := os.ReadFile(filepath.Join(builtDist, cardName))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, want string
		serve      http.HandlerFunc
	}{
		{"missing", "could not load", http.NotFound},
		{"altered", "integrity", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/javascript")
			w.Write(append(bytes.Clone(built), "\n;"...))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := newBrowser(t)
			watchPage(t, ctx)
			mux := pageMux(testPage(`<script src="factcard.js" defer></script>`, testArticleBody), "")
			mux.HandleFunc("/"+cardName, tc.serve)
			navigate(t, ctx, serveDist(t, mux)+"/page.html")
			expectOneError(t, ctx, tc.want)
			if left := eval[int](t, ctx, `document.querySelectorAll("script[src*='factcard-card']").length`); left != 0 {
				t.Errorf("%d card script elements left in the page", left)
			}
			if added := addedGlobals(t, ctx); len(added) != 1 || added[0] != "factcard" {
				t.Errorf("globals added: %q, want only factcard", added)
			}
		})
	}
}

// TestBrowserStrictCSP: where the page's CSP forbids WebAssembly, factcard
// says which CSP keyword is missing and downloads nothing; with
// 'wasm-unsafe-eval' it works and fetches the wasm once.
func TestBrowserStrictCSP(t *testing.T) {
	ctx := newBrowser(t)
	watchPage(t, ctx)
	html := testPage(`<script src="factcard.js" defer></script>`, testArticleBody)

	var blocked requestCounter
	url := serveDist(t, blocked.wrap(pageMux(html, "script-src 'self'")))
	navigate(t, ctx, url+"/page.html")
	expectOneError(t, ctx, "'wasm-unsafe-eval'")
	if n := blocked.count(".wasm"); n != 0 {
		t.Errorf("wasm requested %d times on a page that forbids it", n)
	}

	var allowed requestCounter
	url = serveDist(t, allowed.wrap(pageMux(html, "script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'")))
	navigate(t, ctx, url+"/page.html")
	if ev := waitEvent(t, ctx); ev.Type != "factcard:ready" {
		t.Fatalf("with 'wasm-unsafe-eval': %s %s", ev.Type, ev.Detail.Message)
	} else if ev.Detail.Engine != "worker" {
		// worker-src falls back to script-src 'self': the same-origin worker may start.
		t.Errorf("the engine ran in %q, want the same-origin worker", ev.Detail.Engine)
	}
	for _, ext := range []string{".wasm", ".bin"} {
		if n := allowed.count(ext); n != 1 {
			t.Errorf("%s requested %d times, want 1", ext, n)
		}
	}
	if n := blocked.count(".bin") + blocked.count(builtName(t, "engine")); n != 0 {
		t.Errorf("the dataset or the engine requested %d times on a page that forbids wasm", n)
	}
}

// cdnHandler serves a release folder as docs/embedding.md tells a CDN to:
// CORS for any origin, a year-long immutable cache, application/wasm, and
// the brotli copy with Content-Encoding: br. cors=false leaves CORS out.
func cdnHandler(dir string, cors bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Base(r.URL.Path)
		raw, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz") {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		if cors {
			h.Set("Access-Control-Allow-Origin", "*")
		}
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
		h.Set("Vary", "Accept-Encoding")
		h.Set("Content-Type", map[string]string{".js": "text/javascript", ".wasm": "application/wasm", ".bin": "application/octet-stream"}[path.Ext(name)])
		body := raw
		if br, err := os.ReadFile(filepath.Join(dir, name+".br")); err == nil && strings.Contains(r.Header.Get("Accept-Encoding"), "br") {
			h.Set("Content-Encoding", "br")
			body = br
		}
		w.Write(body)
	})
}

// TestBrowserCrossOriginRelease: the snippet the build prints, pasted into
// a page on one origin with the release on another served with the
// documented headers and the page sending the documented CSP, works and
// fetches the runtime and the dataset once each: in a blob: worker where the
// CSP allows one (worker-src blob:), else on the main thread. Without CORS
// the failure says so; a runtime or dataset that is not the one the loader
// was built with is refused.
func TestBrowserCrossOriginRelease(t *testing.T) {
	ctx := newBrowser(t)
	watchPage(t, ctx)
	rel := releaseDir(t)
	factcardJS, err := os.ReadFile(filepath.Join(builtDist, "factcard.js"))
	if err != nil {
		t.Fatal(err)
	}
	script := contentNamed("factcard-", ".js", factcardJS).name

	for _, tc := range []struct{ csp, route string }{
		{"", "main thread"},
		{"; worker-src blob:", "blob worker"},
	} {
		t.Run(tc.route, func(t *testing.T) {
			var cdnRequests requestCounter
			cdn := serveDist(t, cdnRequests.wrap(cdnHandler(rel, true)))
			snippet := embedSnippet(cdn+"/factcard/"+script, factcardJS)
			csp := "script-src " + cdn + " 'wasm-unsafe-eval'; connect-src " + cdn + tc.csp
			url := serveDist(t, pageMux(testPage(snippet, testArticleBody), csp))
			navigate(t, ctx, url+"/page.html")
			ev := waitEvent(t, ctx)
			if ev.Type != "factcard:ready" {
				t.Fatalf("cross-origin with CORS: %s %s", ev.Type, ev.Detail.Message)
			}
			if ev.Detail.Engine != tc.route {
				t.Errorf("the engine ran in %q, want %q", ev.Detail.Engine, tc.route)
			}
			for _, ext := range []string{".wasm", ".bin"} {
				if n := cdnRequests.count(ext); n != 1 {
					t.Errorf("%s requested %d times, want 1", ext, n)
				}
			}
			if n := eval[int](t, ctx, `document.querySelectorAll("article factcard-mark").length`); n < 2 {
				t.Errorf("%d marks", n)
			}
		})
	}

	t.Run("no CORS", func(t *testing.T) {
		// Without crossorigin= the script itself loads; its wasm fetch is
		// then refused by the browser.
		cdn := serveDist(t, cdnHandler(rel, false))
		url := serveDist(t, pageMux(testPage(`<script src="`+cdn+`/r/`+script+`" defer></script>`, testArticleBody), ""))
		navigate(t, ctx, url+"/page.html")
		expectOneError(t, ctx, "Access-Control-Allow-Origin")
	})

	for _, role := range []string{"wasm", "data"} {
		t.Run("altered "+role, func(t *testing.T) {
			altered := t.TempDir()
			entries, err := os.ReadDir(rel)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				if strings.HasSuffix(e.Name(), ".br") || strings.HasSuffix(e.Name(), ".gz") {
					continue // the raw files are served then, the altered one among them
				}
				b, err := os.ReadFile(filepath.Join(rel, e.Name()))
				if err != nil {
					t.Fatal(err)
				}
				if e.Name() == builtName(t, role) {
					b = bytes.Clone(b)
					b[len(b)-1] ^= 1
				}
				if err := os.WriteFile(filepath.Join(altered, e.Name()), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			cdn := serveDist(t, cdnHandler(altered, true))
			url := serveDist(t, pageMux(testPage(embedSnippet(cdn+"/r/"+script, factcardJS), testArticleBody), ""))
			navigate(t, ctx, url+"/page.html")
			expectOneError(t, ctx, "integrity")
		})
	}
}

// releaseDir is the release folder the test build wrote.
func releaseDir(t *testing.T) string {
	t.Helper()
	version, err := widgetVersion()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(builtDist, "factcard-"+version)
}

// TestBrowserBrokenBuiltins: a page that breaks Array.prototype.push gets one
// factcard:error and an untouched page, not an unhandled rejection.
func TestBrowserBrokenBuiltins(t *testing.T) {
	ctx := newBrowser(t)
	watchPage(t, ctx)
	url := serveDist(t, pageMux(testPage(`<script>Array.prototype.push = function () { throw new Error("push is broken"); };</script><script src="factcard.js" defer data-timeout="5"></script>`, testArticleBody), ""))
	navigate(t, ctx, url+"/page.html")
	expectOneError(t, ctx, "")
	t.Log(eval[string](t, ctx, `window.__factcardEvents[0].detail.message`))
}
