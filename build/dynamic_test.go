//go:build !js

package main

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The dynamic-page tests (issue #17 items 5-7): a scan that destroy()
// interrupts, a page whose appendChild is broken, a single-page app that
// replaces its article, and text added after the first scan.

// TestBrowserDestroyDuringScan: destroy() called while marks are being made
// leaves the page exactly as it was, and no factcard:ready follows.
func TestBrowserDestroyDuringScan(t *testing.T) {
	ctx := newBrowser(t)
	watchPage(t, ctx)
	var body strings.Builder
	body.WriteString("<article><h1>Many mentions</h1>")
	for i := 0; i < 4000; i++ {
		body.WriteString("<p>Xiaomi and Huawei, paragraph " + strings.Repeat("x", i%7) + ".</p>")
	}
	body.WriteString("</article>")
	// The page calls destroy() as soon as the first mark appears.
	head := `<script>new MutationObserver((records, obs) => {
		if (document.querySelector("factcard-mark")) { obs.disconnect(); window.factcard.destroy(); }
	}).observe(document, { childList: true, subtree: true });</script><script src="factcard.js" defer data-mark="all"></script>`
	url := serveDist(t, pageMux(testPage(head, body.String()), ""))
	navigate(t, ctx, url+"/page.html")
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.__before !== undefined`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatal(err)
	}
	// Long enough for the whole scan to have finished had it gone on.
	time.Sleep(5 * time.Second)
	if n := eval[int](t, ctx, `document.querySelectorAll("factcard-mark").length`); n != 0 {
		t.Errorf("%d marks left after destroy()", n)
	}
	if !eval[bool](t, ctx, `document.body.innerHTML === window.__before`) {
		t.Error("destroy() during the scan did not restore the page's HTML")
	}
	if evs := eval[[]readyEvent](t, ctx, `window.__factcardEvents`); len(evs) != 0 {
		t.Errorf("events after destroy(): %+v", evs)
	}
	if uncaught := eval[[]string](t, ctx, `window.__uncaught`); len(uncaught) != 0 {
		t.Errorf("uncaught errors: %q", uncaught)
	}
}

// TestBrowserBrokenAppendChild: when marking fails half-way (the page broke
// appendChild), the page is left untouched: no empty mark, one error.
func TestBrowserBrokenAppendChild(t *testing.T) {
	ctx := newBrowser(t)
	watchPage(t, ctx)
	head := `<script>Node.prototype.appendChild = function () { throw new Error("appendChild is broken"); };</script><script src="factcard.js" defer data-timeout="5"></script>`
	url := serveDist(t, pageMux(testPage(head, testArticleBody), ""))
	navigate(t, ctx, url+"/page.html")
	expectOneError(t, ctx, "appendChild is broken")
}

// fourCompanies mentions four entities once each.
const fourCompanies = `<p>Xiaomi makes phones.</p><p>Huawei makes networks.</p><p>Alibaba sells online.</p><p>Baidu runs a search engine.</p>`

// TestBrowserSinglePageAppNewArticle: after the app replaces its article,
// scan(newArticle) marks every entity again: what left the page is forgotten.
func TestBrowserSinglePageAppNewArticle(t *testing.T) {
	ctx := newBrowser(t)
	url := serveDist(t, pageMux(testPage(`<script src="factcard.js" defer></script>`, `<main><article id="a1">`+fourCompanies+`</article></main>`), ""))
	navigate(t, ctx, url+"/page.html")
	if ev := waitEvent(t, ctx); ev.Type != "factcard:ready" || ev.Detail.Mentions != 4 {
		t.Fatalf("first article: %+v, want ready with 4 mentions", ev)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[int](`(async () => {
		const next = document.createElement("article");
		next.innerHTML = `+"`"+fourCompanies+"`"+`;
		document.getElementById("a1").replaceWith(next);
		await window.factcard.scan(next);
		return next.querySelectorAll("factcard-mark[role=button]").length;
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if got != 4 {
		t.Errorf("the new article has %d marked mentions, want 4", got)
	}
}

// TestBrowserObservesAddedText: text the page adds to the article after the
// first scan is marked, and factcard's own changes start no further scans.
func TestBrowserObservesAddedText(t *testing.T) {
	ctx := newBrowser(t)
	url := serveDist(t, pageMux(testPage(`<script src="factcard.js" defer></script>`, `<article><p>Xiaomi makes phones.</p><p>Nothing else here.</p></article>`), ""))
	navigate(t, ctx, url+"/page.html")
	if ev := waitEvent(t, ctx); ev.Type != "factcard:ready" || ev.Detail.Mentions != 1 {
		t.Fatalf("first scan: %+v, want ready with 1 mention", ev)
	}
	eval[bool](t, ctx, `(() => { const p = document.createElement("p"); p.textContent = "Later, Huawei was added."; document.querySelector("article").append(p); return true; })()`)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector('article p:last-child factcard-mark[data-factcard-id="huawei"]') !== null`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("the added mention was not marked: %v", err)
	}
	// Once settled, nothing reads the article again: count every read of
	// firstChild (the text walker's step) over a second.
	eval[bool](t, ctx, `(() => {
		window.__reads = 0;
		const d = Object.getOwnPropertyDescriptor(Node.prototype, "firstChild");
		Object.defineProperty(Node.prototype, "firstChild", { configurable: true, get() { window.__reads++; return d.get.call(this); } });
		return true;
	})()`)
	time.Sleep(time.Second)
	if n := eval[int](t, ctx, `window.__reads`); n != 0 {
		t.Errorf("%d reads of the article after it settled: factcard rescans its own changes", n)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("factcard-mark").length`); n != 2 {
		t.Errorf("%d marks, want 2", n)
	}
}

// TestBrowserShadowRootsAreSkipped: text in a shadow root is not read, and
// scan() of an element inside one is refused with a clear error instead of
// making marks whose events arrive retargeted to the host (and so open no
// card).
func TestBrowserShadowRootsAreSkipped(t *testing.T) {
	ctx := newBrowser(t)
	body := `<article><p>Xiaomi makes phones.</p><div id="host"></div></article>` +
		`<script>document.getElementById("host").attachShadow({ mode: "open" }).innerHTML = "<p id=inner>Huawei makes networks.</p>";</script>`
	url := serveDist(t, pageMux(testPage(`<script src="factcard.js" defer></script>`, body), ""))
	navigate(t, ctx, url+"/page.html")
	if ev := waitEvent(t, ctx); ev.Type != "factcard:ready" || ev.Detail.Mentions != 1 {
		t.Fatalf("got %+v, want ready with 1 mention (the shadow root's Huawei skipped)", ev)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`window.factcard.scan(document.getElementById("host").shadowRoot.getElementById("inner"))
		.then(() => "resolved", (e) => e.message)`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got, "shadow root") {
		t.Errorf("scan of an element in a shadow root: %q, want an error naming shadow roots", got)
	}
	if n := eval[int](t, ctx, `document.getElementById("host").shadowRoot.querySelectorAll("factcard-mark").length`); n != 0 {
		t.Errorf("%d marks inside the shadow root", n)
	}
}
