//go:build !js

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/goccy/go-json"

	"factcard/data"
)

// TestExtensionPackages: both extensions carry the widget's own factcard.js
// as their content script and the release's engine, runtime and dataset,
// named in their background, each manifest
// without the other browser's keys, and web-ext lint (pinned in build/npm)
// finds nothing at all in the Firefox build.
func TestExtensionPackages(t *testing.T) {
	if testing.Short() {
		t.Skip("needs the built dist/ and web-ext")
	}
	if builtDist == "" {
		t.Fatal("no built dist/: run the tests with `go run ./build test`")
	}
	widget, err := os.ReadFile(filepath.Join(builtDist, "factcard.js"))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range []string{"chrome", "firefox"} {
		dir := filepath.Join(builtDist, "extension", b)
		content, _ := os.ReadFile(filepath.Join(dir, "factcard.js"))
		if !bytes.Equal(content, widget) {
			t.Errorf("%s: the content script is not the widget's factcard.js", b)
		}
		// The content scripts' other files and the engine's are the release's
		// own, under the same names; the background registers them by name.
		background, _ := os.ReadFile(filepath.Join(dir, "background.js"))
		for _, role := range []string{"wasm", "data", "engine", "card", "keys"} {
			name := builtName(t, role)
			packed, _ := os.ReadFile(filepath.Join(dir, name))
			released, _ := os.ReadFile(filepath.Join(builtDist, name))
			if len(packed) == 0 || !bytes.Equal(packed, released) {
				t.Errorf("%s: %s is missing or not the release's", b, name)
			}
			if !bytes.Contains(background, []byte(`"`+name+`"`)) {
				t.Errorf("%s: the background does not name %s", b, name)
			}
		}
		var manifest struct {
			Background map[string]any `json:"background"`
			Gecko      any            `json:"browser_specific_settings"`
			Hosts      []string       `json:"host_permissions"`
		}
		raw, _ := os.ReadFile(filepath.Join(dir, "manifest.json"))
		if err := json.Unmarshal(raw, &manifest); err != nil {
			t.Fatalf("%s manifest: %v", b, err)
		}
		_, worker := manifest.Background["service_worker"]
		_, scripts := manifest.Background["scripts"]
		if worker != (b == "chrome") || scripts != (b == "firefox") || (manifest.Gecko != nil) != (b == "firefox") {
			t.Errorf("%s manifest has the wrong browser's keys: %s", b, raw)
		}
		if len(manifest.Hosts) != 0 {
			t.Errorf("%s asks for hosts at install: %v", b, manifest.Hosts)
		}
		// The popup's link to the sources: every source the dataset cites,
		// each a link to its URL.
		d, err := data.Load("data")
		if err != nil {
			t.Fatal(err)
		}
		sources, _ := os.ReadFile(filepath.Join(dir, "sources.html"))
		if n := bytes.Count(sources, []byte("<li><a href=\"http")); n != len(d.Sources) || n == 0 {
			t.Errorf("%s sources.html links %d sources, the dataset has %d", b, n, len(d.Sources))
		}
		// The cards' link to the changelog: the page is in the extension and
		// web pages may open it.
		changelog, _ := os.ReadFile(filepath.Join(dir, changelogName))
		if !bytes.Contains(changelog, []byte("<h1>Dataset changelog</h1>")) || !bytes.Contains(raw, []byte(`"changelog.html"`)) {
			t.Errorf("%s: no changelog.html, or it is not a web-accessible resource", b)
		}
		if st, err := os.Stat(filepath.Join(builtDist, "factcard-"+b+".zip")); err != nil || st.Size() < int64(len(widget)) {
			t.Errorf("factcard-%s.zip missing or too small: %v", b, err)
		}
	}

	webExt := filepath.Join(npmTools, "node_modules", ".bin", "web-ext")
	if _, err := os.Stat(webExt); err != nil {
		t.Fatal("web-ext is not installed: run the tests with `go run ./build test`, which installs it")
	}
	cmd := exec.Command(webExt, "lint", "--source-dir", filepath.Join(builtDist, "extension", "firefox"), "--output", "json", "--no-config-discovery")
	cmd.Stdin = nil
	out, err := cmd.Output()
	var report struct {
		Summary struct{ Errors, Warnings, Notices int } `json:"summary"`
	}
	if jerr := json.Unmarshal(out, &report); jerr != nil {
		t.Fatalf("web-ext lint: %v %v\n%s", err, jerr, out)
	}
	if s := report.Summary; s.Errors+s.Warnings+s.Notices != 0 || err != nil {
		t.Errorf("web-ext lint: %d errors, %d warnings, %d notices (%v)\n%s", s.Errors, s.Warnings, s.Notices, err, out)
	}
}

// TestBrowserExtension loads the unpacked Chrome extension into Chromium,
// turns it on for 127.0.0.1 as the popup does, and sees marks and an open
// card on a page without a CSP and on one whose CSP forbids WebAssembly
// (there the background matches), nothing on an opted-out page, and only
// the page's own marks where the page embeds factcard.
func TestBrowserExtension(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	if builtDist == "" {
		t.Fatal("no built dist/: run the tests with `go run ./build test`")
	}
	// The reader grants the site's host permission in the popup's prompt,
	// which is browser UI that CDP cannot click; the test's copy of the
	// extension holds that grant instead.
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(builtDist, "extension", "chrome")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == "manifest.json" {
			b = bytes.Replace(b, []byte(`"manifest_version"`), []byte(`"host_permissions": ["http://127.0.0.1/*"], "manifest_version"`), 1)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx := newBrowserWith(t,
		chromedp.Flag("load-extension", dir),
		chromedp.Flag("disable-extensions-except", dir))
	watchPage(t, ctx)

	body := `<article><h1>Phones and lists</h1><p>Xiaomi was named on the CCMC list in January 2021.</p><p>Huawei has been on the Entity List since 2019.</p></article>`
	mux := http.NewServeMux()
	mux.Handle("/", distHandler(builtDist))
	for name, p := range map[string]struct{ head, csp string }{
		"plain":     {"", ""},
		"strict":    {"", "script-src 'self'"},
		"opted-out": {`<meta name="factcard" content="off">`, ""},
		"embedded":  {`<script src="factcard.js" defer></script>`, ""},
	} {
		html := testPage(p.head+`<script src="recorder.js"></script>`, strings.Replace(body, "</article>", "<p>Xiaomi again.</p></article>", 1))
		mux.HandleFunc("/"+name+".html", func(w http.ResponseWriter, r *http.Request) {
			if p.csp != "" {
				w.Header().Set("Content-Security-Policy", p.csp)
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(html))
		})
	}
	// The page records CSP violations, so the test sees that the content
	// script's wasm was refused on the strict page.
	mux.HandleFunc("/recorder.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		w.Write([]byte(`window.__csp = []; document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.effectiveDirective));`))
	})
	url := serveDist(t, mux)

	id := extensionID(dir)
	navigate(t, ctx, "chrome-extension://"+id+"/popup.html")
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("dataset").textContent.startsWith("Dataset 20")`, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("the popup shows no dataset version: %v\n%s", err, eval[string](t, ctx, `document.body.innerText`))
	}
	runAxe(t, ctx, "document")
	// What the popup's button sends once the reader has granted the site,
	// and what the popup asks to show the site's state.
	setSite := func(on bool) {
		t.Helper()
		state, err := chromedp.Run(ctx, chromedp.Evaluate[[]any](`(async () => [
			(await chrome.runtime.sendMessage({factcard: "site", origin: `+strconv.Quote(url)+`, on: `+strconv.FormatBool(on)+`})).result,
			(await chrome.runtime.sendMessage({factcard: "siteOn", origin: `+strconv.Quote(url)+`})).result])()`, chromedp.EvalAwaitPromise))
		if err != nil || len(state) != 2 || state[0] != on || state[1] != on {
			t.Fatalf("turning the site on=%v: got %v, %v", on, state, err)
		}
	}
	setSite(true)

	for _, page := range []string{"plain", "strict"} {
		t.Run(page, func(t *testing.T) {
			navigate(t, ctx, url+"/"+page+".html")
			ids, err := chromedp.Run(ctx, chromedp.Poll[[]string](`(() => { const m = [...document.querySelectorAll("article factcard-mark:not([data-factcard-part])")].map((e) => e.dataset.factcardId); return m.length >= 4 && m; })()`, chromedp.WithPollingTimeout(30*time.Second)))
			if err != nil {
				t.Fatalf("no marks: %v", err)
			}
			for _, want := range []string{"xiaomi", "huawei", "entity-list"} {
				if !contains(ids, want) {
					t.Errorf("marks %v lack %s", ids, want)
				}
			}
			key(t, ctx, "\t")
			cardText, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => { const h = document.querySelector("factcard-card"); const c = h && h.shadowRoot && h.shadowRoot.querySelector(".card"); return c && !c.hidden && c.innerText; })()`, chromedp.WithPollingTimeout(5*time.Second)))
			if err != nil {
				t.Fatalf("no card opened on focus: %v", err)
			}
			if !strings.Contains(cardText, "Xiaomi Corporation") || !strings.Contains(cardText, "Sources") {
				t.Errorf("card:\n%s", cardText)
			}
			refused := eval[[]string](t, ctx, `window.__csp`)
			if (page == "strict") != contains(refused, "script-src") {
				t.Errorf("%s page: CSP violations %v", page, refused)
			}
			if n := eval[int](t, ctx, `window.__factcardEvents.length`); n != 0 {
				t.Errorf("the extension dispatched %d events to the page", n)
			}
			if n := eval[int](t, ctx, `document.querySelectorAll('[data-factcard-id="xiaomi"]').length`); n != 1 {
				t.Errorf("%d Xiaomi marks, want the first mention only", n)
			}
		})
	}
	t.Run("embedded", func(t *testing.T) {
		// The page's factcard marks the first Xiaomi; the extension, had it
		// run too, would mark the second.
		// (chromedp.Poll may run in the content script's world, which does
		// not see the page's globals; Evaluate runs in the page's.)
		navigate(t, ctx, url+"/embedded.html")
		time.Sleep(3 * time.Second)
		if ev := eval[[]readyEvent](t, ctx, `window.__factcardEvents`); len(ev) != 1 || ev[0].Type != "factcard:ready" {
			t.Fatalf("the page's own factcard: %+v", ev)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll('[data-factcard-id="xiaomi"]').length`); n != 1 {
			t.Errorf("%d Xiaomi marks on a page that embeds factcard, want its own 1", n)
		}
	})
	t.Run("opted-out", func(t *testing.T) {
		navigate(t, ctx, url+"/opted-out.html")
		time.Sleep(3 * time.Second)
		if n := eval[int](t, ctx, `document.querySelectorAll("factcard-mark, factcard-card").length`); n != 0 {
			t.Errorf("%d factcard elements on an opted-out page", n)
		}
	})
	t.Run("turned off", func(t *testing.T) {
		navigate(t, ctx, "chrome-extension://"+id+"/popup.html")
		setSite(false)
		navigate(t, ctx, url+"/plain.html")
		time.Sleep(3 * time.Second)
		if n := eval[int](t, ctx, `document.querySelectorAll("factcard-mark, factcard-card").length`); n != 0 {
			t.Errorf("%d factcard elements on a site turned off", n)
		}
	})
}

// extensionID is the id Chromium gives the unpacked extension in dir: the
// SHA-256 of its absolute path, the first 32 hex digits written a to p.
func extensionID(dir string) string {
	sum := sha256.Sum256([]byte(dir))
	id := make([]byte, 32)
	for i, c := range hex.EncodeToString(sum[:16]) {
		n, _ := strconv.ParseUint(string(c), 16, 8)
		id[i] = 'a' + byte(n)
	}
	return string(id)
}
