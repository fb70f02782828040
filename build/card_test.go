//go:build !js

// The browser tests drive Chromium from the native test binary.

package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

type rect struct{ X, Y, W, H float64 }

func center(t *testing.T, ctx context.Context, selector string) (float64, float64) {
	t.Helper()
	r := eval[rect](t, ctx, `(() => { const e = document.querySelector(`+"`"+selector+"`"+`); e.scrollIntoView({block: "center"}); const r = e.getClientRects()[0]; return {X: r.x, Y: r.y, W: r.width, H: r.height}; })()`)
	return r.X + r.W/2, r.Y + r.H/2
}

const cardVisible = `(() => { const h = document.querySelector("factcard-card"); const c = h && h.shadowRoot.querySelector(".card"); return !!c && !c.hidden; })()`
const cardText = `document.querySelector("factcard-card").shadowRoot.querySelector(".card").innerText`

func openDemo(t *testing.T) context.Context {
	t.Helper()
	ctx := newBrowser(t)
	url := serveDist(t, distHandler(builtDist))
	navigate(t, ctx, url+"/index.html")
	if ev := waitEvent(t, ctx); ev.Type != "factcard:ready" {
		t.Fatalf("not ready: %+v", ev)
	}
	return ctx
}

// Hover: the card waits for hover intent, then shows; the claims check
// flags the demo's wrong divestment deadline; the pointer can move into the
// card; Escape closes it.
func TestBrowserHoverAndClaim(t *testing.T) {
	ctx := openDemo(t)
	claimed := eval[string](t, ctx, `[...document.querySelectorAll("[data-factcard-claim]")].map(e => e.dataset.factcardId + ":" + e.dataset.factcardClaim + ":" + e.textContent).join(",")`)
	if claimed != "xiaomi:divestment-deadline:Xiaomi" {
		t.Fatalf("claim marks %q, want the Xiaomi mention in the deadline sentence", claimed)
	}
	x, y := center(t, ctx, `[data-factcard-claim]`)
	if _, err := chromedp.Call(ctx, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: input.DispatchMouseEventTypeMouseMoved, X: x, Y: y}); err != nil {
		t.Fatal(err)
	}
	if eval[bool](t, ctx, cardVisible) {
		t.Error("the card showed at once: hover needs a delay so that passing pointers do not open it")
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](cardVisible, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("card never showed on hover: %v", err)
	}
	text := eval[string](t, ctx, cardText)
	for _, want := range []string{"Check this sentence", "Nov 11, 2021", "Jan 14, 2022", "Executive Order 13974"} {
		if !strings.Contains(text, want) {
			t.Errorf("card lacks %q:\n%s", want, text)
		}
	}
	if !eval[bool](t, ctx, `!!document.querySelector("factcard-card").shadowRoot.querySelector('.claim time[datetime="2022-01-14"]')`) {
		t.Error(`the claim's dates are not <time datetime> elements`)
	}
	// A source reference opens the sources and leaves the page's URL alone.
	before := eval[string](t, ctx, `location.href`)
	eval[bool](t, ctx, `document.querySelector("factcard-card").shadowRoot.querySelector(".timeline").open = true, document.querySelector("factcard-card").shadowRoot.querySelector(".ref").click(), true`)
	if eval[string](t, ctx, `location.href`) != before || !eval[bool](t, ctx, `document.querySelector("factcard-card").shadowRoot.querySelector(".sources").open`) {
		t.Error("a source reference changed the page's URL or did not open the sources")
	}
	// Move into the card within the grace period: it stays.
	cr := eval[rect](t, ctx, `(() => { const r = document.querySelector("factcard-card").shadowRoot.querySelector(".card").getBoundingClientRect(); return {X: r.x, Y: r.y, W: r.width, H: r.height}; })()`)
	mr := eval[rect](t, ctx, `(() => { const r = document.querySelector("[data-factcard-claim]").getBoundingClientRect(); return {X: r.x, Y: r.y, W: r.width, H: r.height}; })()`)
	if overlaps(cr, mr) {
		t.Errorf("the card %v covers its mention %v", cr, mr)
	}
	if _, err := chromedp.Call(ctx, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: input.DispatchMouseEventTypeMouseMoved, X: cr.X + 20, Y: cr.Y + 20}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(600 * time.Millisecond)
	if !eval[bool](t, ctx, cardVisible) {
		t.Error("the card closed while the pointer was on it")
	}
	key(t, ctx, "\x1b")
	if eval[bool](t, ctx, cardVisible) {
		t.Error("Escape did not close the card")
	}
}

func overlaps(a, b rect) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

// Touch: a tap opens the card; a tap elsewhere closes it. The paste box
// checks the visitor's own text for the chosen date.
func TestBrowserTapAndPasteBox(t *testing.T) {
	ctx := openDemo(t)
	if _, err := chromedp.Call(ctx, emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{Enabled: true, MaxTouchPoints: 1}); err != nil {
		t.Fatal(err)
	}
	x, y := center(t, ctx, `[data-factcard-id="eo-13959"]`)
	if _, err := chromedp.Call(ctx, input.SynthesizeTapGesture, input.SynthesizeTapGestureParams{X: x, Y: y, GestureSourceType: input.GestureSourceTypeTouch}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](cardVisible, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("tap did not open the card: %v", err)
	}
	if text := eval[string](t, ctx, cardText); !strings.Contains(text, "Executive Order 13959") || !strings.Contains(text, "85 FR 73185") {
		t.Errorf("order card:\n%s", text)
	}
	if _, err := chromedp.Call(ctx, input.SynthesizeTapGesture, input.SynthesizeTapGestureParams{X: 5, Y: 5, GestureSourceType: input.GestureSourceTypeTouch}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool]("!("+cardVisible+")", chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Error("a tap elsewhere did not close the card")
	}

	eval[bool](t, ctx, `document.getElementById("paste-check").click(), true`)
	got, err := chromedp.Run(ctx, chromedp.Poll[string](`document.getElementById("pasted-status").textContent`, chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil || !strings.Contains(got, "found") {
		t.Fatalf("paste box status %q, %v", got, err)
	}
	marks := eval[string](t, ctx, `[...document.querySelectorAll("#pasted [data-factcard-id]")].map(e => e.dataset.factcardId + (e.dataset.factcardClaim ? "!" + e.dataset.factcardClaim : "")).join(",")`)
	if marks != "xiaomi,ccmc-1237,xiaomi!removal,ccmc-1237,huawei,entity-list" {
		t.Errorf("paste box marks %q", marks)
	}
}

// TestBrowserScreenshots renders the open card in light and dark schemes and
// on a narrow phone screen, checks that it fits the viewport, and keeps the
// pictures (FACTCARD_SCREENSHOTS=dir to write them somewhere you can look).
func TestBrowserScreenshots(t *testing.T) {
	dir := os.Getenv("FACTCARD_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	for _, tc := range []struct {
		name   string
		width  int64
		height int64
		scheme string
	}{
		{"card-light", 1000, 700, "light"},
		{"card-dark", 1000, 700, "dark"},
		{"card-mobile", 360, 740, "light"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := newBrowser(t)
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(tc.width, tc.height)); err != nil {
				t.Fatal(err)
			}
			// Reduced motion: the picture shows the card, not its fade-in.
			if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{
				{Name: "prefers-color-scheme", Value: tc.scheme}, {Name: "prefers-reduced-motion", Value: "reduce"}}}); err != nil {
				t.Fatal(err)
			}
			url := serveDist(t, distHandler(builtDist))
			navigate(t, ctx, url+"/index.html")
			waitEvent(t, ctx)
			x, y := center(t, ctx, `[data-factcard-claim]`)
			if _, err := chromedp.Call(ctx, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: input.DispatchMouseEventTypeMouseMoved, X: x, Y: y}); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Run(ctx, chromedp.Poll[bool](cardVisible, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
				t.Fatal(err)
			}
			r := eval[rect](t, ctx, `(() => { const r = document.querySelector("factcard-card").shadowRoot.querySelector(".card").getBoundingClientRect(); return {X: r.x, Y: r.y, W: r.width, H: r.height}; })()`)
			if r.X < 0 || r.Y < 0 || r.X+r.W > float64(tc.width) || r.Y+r.H > float64(tc.height) {
				t.Errorf("card %v does not fit the %dx%d viewport", r, tc.width, tc.height)
			}
			bg := eval[string](t, ctx, `getComputedStyle(document.querySelector("factcard-card").shadowRoot.querySelector(".card")).backgroundColor`)
			if dark := bg == "rgb(30, 34, 40)"; dark != (tc.scheme == "dark") {
				t.Errorf("%s scheme: card background %s", tc.scheme, bg)
			}
			png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, tc.name+".png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestBrowserAccessibility runs axe-core (npm, pinned in build/npm) on the
// demo with a card open and every part of it expanded, in light and dark
// schemes, right to left and at phone width: no violations, in the page or
// in the card's shadow DOM.
func TestBrowserAccessibility(t *testing.T) {
	for _, tc := range []struct {
		name, scheme, dir string
		view              viewport
	}{
		{"light", "light", "ltr", viewport{"desktop", 1000, 700}},
		{"dark", "dark", "ltr", viewport{"desktop", 1000, 700}},
		{"rtl", "light", "rtl", viewport{"desktop", 1000, 700}},
		{"phone", "dark", "ltr", viewport{"phone", 360, 740}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := openDemo(t) // first, so that -short skips before axe-core is needed
			setScheme(t, ctx, tc.scheme)
			setViewport(t, ctx, tc.view)
			eval[bool](t, ctx, `document.documentElement.dir = "`+tc.dir+`", true`)
			openCard(t, ctx, `[data-factcard-claim]`)
			inCard[bool](t, ctx, `card.querySelectorAll("details").forEach((d) => d.open = true), true`)
			runAxe(t, ctx, "document")
		})
	}
}

// runAxe injects axe-core and fails the test on every violation it finds in
// scope (a JavaScript expression for axe.run's context).
func runAxe(t *testing.T, ctx context.Context, scope string) {
	t.Helper()
	axe, err := os.ReadFile(npmTools + "/node_modules/axe-core/axe.min.js")
	if err != nil {
		t.Fatalf("axe-core is not installed: run the tests with `go run ./build test` (%v)", err)
	}
	eval[bool](t, ctx, string(axe)+";true")
	type violation struct {
		ID    string `json:"id"`
		Help  string `json:"help"`
		Nodes []struct {
			Target  any    `json:"target"`
			Summary string `json:"failureSummary"`
		} `json:"nodes"`
	}
	type result struct {
		Violations []violation `json:"violations"`
		Passes     int         `json:"passes"`
	}
	r, err := chromedp.Run(ctx, chromedp.Evaluate[result](`axe.run(`+scope+`).then(r => ({violations: r.violations, passes: r.passes.length}))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if r.Passes < 5 {
		t.Errorf("axe passed only %d rules: did it see the card?", r.Passes)
	}
	for _, v := range r.Violations {
		for _, n := range v.Nodes {
			t.Errorf("axe %s: %s at %v: %s", v.ID, v.Help, n.Target, n.Summary)
		}
	}
}

// TestBrowserNoLayoutShift: marking the article moves nothing, and the card
// is hidden in print.
func TestBrowserNoLayoutShift(t *testing.T) {
	ctx := newBrowser(t)
	url := serveDist(t, distHandler(builtDist))
	// Record every paragraph's box before factcard runs, and layout shifts.
	navigate(t, ctx, url+"/index.html")
	waitEvent(t, ctx)
	moved := eval[[]string](t, ctx, `(() => {
		const now = [...document.querySelectorAll("article p, article h1")].map(p => { const r = p.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].join(","); });
		window.factcard.destroy();
		const before = [...document.querySelectorAll("article p, article h1")].map(p => { const r = p.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].join(","); });
		return now.flatMap((v, i) => v === before[i] ? [] : [i + ": " + before[i] + " -> " + v]);
	})()`)
	if len(moved) > 0 {
		t.Errorf("marks moved paragraphs: %v", moved)
	}
	shift := eval[float64](t, ctx, `performance.getEntriesByType("layout-shift").reduce((s, e) => s + e.value, 0)`)
	if shift != 0 {
		t.Errorf("cumulative layout shift %v, want 0", shift)
	}
}

func TestBrowserPrintHidesCards(t *testing.T) {
	ctx := openDemo(t)
	eval[bool](t, ctx, `document.querySelector('[data-factcard-id="xiaomi"]').click(), true`)
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	if d := eval[string](t, ctx, `getComputedStyle(document.querySelector("factcard-card")).display`); d != "none" {
		t.Errorf("card host display in print: %q", d)
	}
	if bg := eval[string](t, ctx, `getComputedStyle(document.querySelector("factcard-mark")).backgroundColor`); bg != "rgba(0, 0, 0, 0)" {
		t.Errorf("mark background in print: %q", bg)
	}
}

// TestBrowserRTLThemeAndNoDate: on a right-to-left page the card stays in
// the viewport; publishers' custom properties reach the marks and the card;
// without a date the card says so and shows the as-of status only.
func TestBrowserRTLThemeAndNoDate(t *testing.T) {
	ctx := openDemo(t)
	eval[bool](t, ctx, `document.documentElement.dir = "rtl"; document.documentElement.style.setProperty("--factcard-card-bg", "rgb(1, 2, 3)"); document.documentElement.style.setProperty("--factcard-mark-bg", "rgb(4, 5, 6)"); true`)
	x, y := center(t, ctx, `[data-factcard-id="huawei"]`)
	if _, err := chromedp.Call(ctx, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: input.DispatchMouseEventTypeMouseMoved, X: x, Y: y}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](cardVisible, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatal(err)
	}
	r := eval[rect](t, ctx, `(() => { const r = document.querySelector("factcard-card").shadowRoot.querySelector(".card").getBoundingClientRect(); return {X: r.x, Y: r.y, W: r.width, H: r.height}; })()`)
	vw := eval[float64](t, ctx, `document.documentElement.clientWidth`)
	if r.X < 0 || r.X+r.W > vw {
		t.Errorf("RTL: card %v outside the viewport width %v", r, vw)
	}
	if bg := eval[string](t, ctx, `getComputedStyle(document.querySelector("factcard-card").shadowRoot.querySelector(".card")).backgroundColor`); bg != "rgb(1, 2, 3)" {
		t.Errorf("--factcard-card-bg not applied: %s", bg)
	}
	if bg := eval[string](t, ctx, `getComputedStyle(document.querySelector('[data-factcard-id="huawei"]')).backgroundColor`); bg != "rgb(4, 5, 6)" {
		t.Errorf("--factcard-mark-bg not applied: %s", bg)
	}
	key(t, ctx, "\x1b")

	// The paste box with no date.
	eval[bool](t, ctx, `document.getElementById("paste-date").value = ""; document.getElementById("paste-check").click(), true`)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll("#pasted factcard-mark").length > 0`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatal(err)
	}
	eval[bool](t, ctx, `document.querySelector("#pasted factcard-mark").scrollIntoView({block: "center"}), document.querySelector("#pasted factcard-mark").click(), true`)
	text := eval[string](t, ctx, cardText)
	if !strings.Contains(text, "Today (no article date found):") || strings.Contains(text, "(article)") {
		t.Errorf("card without a date:\n%s", text)
	}
}

// TestBrowserScanIsIdempotent: scanning the article again marks only what
// was not marked yet, never a mark inside a mark, and destroy() still
// restores the page.
func TestBrowserScanIsIdempotent(t *testing.T) {
	ctx := openDemo(t)
	scanAll := func() int {
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`window.factcard.scan(null, {mark: "all"}).then(r => r.marked)`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if first := scanAll(); first == 0 {
		t.Error(`scan with mark "all" found no further mention to mark (the demo repeats Xiaomi)`)
	}
	if again := scanAll(); again != 0 {
		t.Errorf("a repeated scan marked %d mentions again", again)
	}
	if nested := eval[int](t, ctx, `document.querySelectorAll("factcard-mark factcard-mark").length`); nested != 0 {
		t.Errorf("%d marks inside marks", nested)
	}
	if !eval[bool](t, ctx, `window.factcard.destroy(); document.body.innerHTML === window.__before`) {
		t.Error("destroy() after repeated scans did not restore the page")
	}
}

// A party imported from the official Entity List gets a card that says what
// it is and what the list says: its kind, the status, the rule with the date
// it is dated by (as cards write dates), and the licence requirement. (That a person's name needs
// the list named nearby is held by the corpus's traps.)
func TestBrowserImportedPartyCard(t *testing.T) {
	ctx := openDemo(t)
	eval[bool](t, ctx, `document.getElementById("paste").value = "Harbin Engineering University was named in 2020. Zhao Gang was added to the Entity List. So was 4Paradigm Technology Co., Ltd."; document.getElementById("paste-date").value = "2021-04-01"; document.getElementById("paste-check").click(), true`)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll("#pasted factcard-mark").length > 0`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatal(err)
	}
	marks := eval[string](t, ctx, `[...document.querySelectorAll("#pasted factcard-mark")].map(e => e.dataset.factcardId + ":" + e.textContent).join(",")`)
	if marks != "harbin-engineering-university:Harbin Engineering University,zhao-gang:Zhao Gang,entity-list:Entity List,4paradigm-technology-co-ltd:4Paradigm Technology Co., Ltd." {
		t.Fatalf("marks: %s", marks)
	}
	for id, want := range map[string][]string{
		"harbin-engineering-university": {"University", "Listed since Jun 5, 2020", "Added by 85 FR 34501 (effective on publication)", "Licence requirement: For all items subject to the EAR"},
		"zhao-gang":                     {"Person", "Listed since Dec 18, 2020", "effective Dec 18, 2020, published Dec 22, 2020"},
		"4paradigm-technology-co-ltd":   {"Company", "Listed since Mar 6, 2023", "Added by 88 FR 13675 (dated by its Federal Register publication)", "Also listed as: 4Paradigm; 4th Paradigm; Fourth Paradigm", "Address in Beijing"},
	} {
		// In view: a card follows its mention out of the viewport (hidden).
		eval[bool](t, ctx, `(m => (m.scrollIntoView({block: "center"}), m.click(), true))(document.querySelector('#pasted factcard-mark[data-factcard-id="`+id+`"]'))`)
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](cardVisible, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
			t.Fatal(err)
		}
		eval[bool](t, ctx, `document.querySelector("factcard-card").shadowRoot.querySelector("details.timeline").open = true`)
		text := eval[string](t, ctx, cardText)
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s card lacks %q:\n%s", id, w, text)
			}
		}
		if id != "4paradigm-technology-co-ltd" && strings.Contains(text, "Company\n") {
			t.Errorf("%s card calls it a company:\n%s", id, text)
		}
		key(t, ctx, "\x1b")
	}
}
