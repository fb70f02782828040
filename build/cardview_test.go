//go:build !js

package main

import (
	"context"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// What a card says and how a reader works it, on the demo.

// inCard evaluates expr with `card` bound to the card's element.
func inCard[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	return eval[T](t, ctx, `(() => { const card = document.querySelector("factcard-card").shadowRoot.querySelector(".card"); return (`+expr+`); })()`)
}

// openCard scrolls the mark to the middle of the viewport and clicks it.
func openCard(t *testing.T, ctx context.Context, selector string) {
	t.Helper()
	eval[bool](t, ctx, `(() => { const m = document.querySelector(`+"`"+selector+"`"+`); m.scrollIntoView({block: "center"}); m.click(); return true; })()`)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](cardVisible, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("the card of %s did not open: %v", selector, err)
	}
}

func closeCard(t *testing.T, ctx context.Context) {
	t.Helper()
	eval[bool](t, ctx, `document.dispatchEvent(new KeyboardEvent("keydown", {key: "Escape"})), true`)
}

// pasteAndScan checks text in the demo's paste box for date and waits for
// its marks.
func pasteAndScan(t *testing.T, ctx context.Context, text, date string) {
	t.Helper()
	eval[bool](t, ctx, `document.getElementById("paste").value = `+jsTemplate(text)+`; document.getElementById("paste-date").value = "`+date+`"; document.getElementById("paste-check").click(), true`)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll("#pasted factcard-mark").length > 0`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("nothing marked in %q: %v", text, err)
	}
}

func jsTemplate(s string) string {
	return "`" + strings.NewReplacer("`", "\\`", "\\", "\\\\", "$", "\\$").Replace(s) + "`"
}

// mentionPiecesJS defines mentionPieces(first): every mark of the mention
// whose first mark is given, read from the page as a reader's tools see it
// (a split mention's first mark is labelled by all its pieces).
const mentionPiecesJS = `const mentionPieces = (m) => m.hasAttribute("aria-labelledby") ? m.getAttribute("aria-labelledby").split(" ").map((id) => document.getElementById(id)) : [m];`

var isoDay = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`)

// TestBrowserCardAnswer: the line after the name answers the question
// (which lists on the article's date, which today, what changed); lists the
// company is on now come first, those it left sit in a closed "Earlier";
// dates are written for people and kept whole.
func TestBrowserCardAnswer(t *testing.T) {
	ctx := openDemo(t)
	openCard(t, ctx, `[data-factcard-claim]`)
	if second := inCard[string](t, ctx, `card.querySelector("h2").nextElementSibling.className`); second != "answer" {
		t.Errorf("the element after the name is %q, want the answer", second)
	}
	answer := inCard[string](t, ctx, `card.querySelector(".answer").textContent`)
	for _, want := range []string{"On Feb 10, 2021: Communist Chinese Military Companies list.", "Today: on none of the lists",
		"a court barred enforcement on Mar 12, 2021", "a court vacated the designation on May 25, 2021", "stopped having legal effect on Jun 3, 2021"} {
		if !strings.Contains(answer, want) {
			t.Errorf("answer lacks %q: %s", want, answer)
		}
	}
	if days := inCard[[]string](t, ctx, `[...card.querySelectorAll(".answer time")].map((t) => t.dateTime)`); !slices.Equal(days, []string{"2021-02-10", "2021-03-12", "2021-05-25", "2021-06-03"}) {
		t.Errorf("answer's <time datetime> values %v", days)
	}
	// Every date in the card, with everything expanded, is a <time> whose
	// words never break and whose datetime is the ISO day.
	inCard[bool](t, ctx, `card.querySelectorAll("details").forEach((d) => d.open = true), true`)
	if text := inCard[string](t, ctx, `card.innerText`); isoDay.MatchString(text) {
		t.Errorf("an ISO date is shown to the reader: %q", isoDay.FindString(text))
	}
	bad := inCard[[]string](t, ctx, `[...card.querySelectorAll("time")].filter((t) => !/^\d{4}-\d{2}-\d{2}$/.test(t.dateTime) || getComputedStyle(t).whiteSpace !== "nowrap" || t.getClientRects().length !== 1).map((t) => t.outerHTML)`)
	if len(bad) > 0 {
		t.Errorf("dates without datetime, or breakable: %v", bad)
	}
	if n := inCard[int](t, ctx, `card.querySelectorAll("time").length`); n < 10 {
		t.Errorf("only %d dates in the Xiaomi card", n)
	}
	closeCard(t, ctx)

	// Huawei: the lists it is on today first, the one it was on only at the
	// article's date (Section 1237) after them; none ended before.
	openCard(t, ctx, `[data-factcard-id="huawei"]`)
	order := inCard[[]string](t, ctx, `[...card.querySelectorAll("section.list")].map((s) => s.dataset.list + ":" + s.querySelector(".status:last-child").dataset.state)`)
	if len(order) < 3 || order[len(order)-1] != "ccmc-1237:list-ended" {
		t.Errorf("Huawei's lists in order %v: want those it is on today, then Section 1237", order)
	}
	for _, l := range order[:len(order)-1] {
		if !strings.HasSuffix(l, ":listed") {
			t.Errorf("list %s comes before the article-date-only list", l)
		}
	}
	if inCard[bool](t, ctx, `!!card.querySelector(".earlier")`) {
		t.Error("Huawei's card has an Earlier group although every list is current")
	}
	if open, n := inCard[bool](t, ctx, `card.querySelector(".sources").open`), inCard[int](t, ctx, `card.querySelectorAll(".sources li").length`); open || n < 2 {
		t.Errorf("sources open=%v with %d numbered items; want closed and numbered", open, n)
	}
	closeCard(t, ctx)

	// Dated 2023, Xiaomi's Section 1237 listing had ended: under a closed
	// "Earlier", and the answer says no list on either date.
	pasteAndScan(t, ctx, "Xiaomi shares rose.", "2023-05-01")
	openCard(t, ctx, `#pasted [data-factcard-id="xiaomi"]`)
	if got := inCard[string](t, ctx, `card.querySelector(".answer").textContent`); got != "On May 1, 2023: on none of the lists factcard covers. Today: on none of the lists factcard covers." {
		t.Errorf("answer for 2023: %q", got)
	}
	if got := inCard[string](t, ctx, `[...card.querySelectorAll(".earlier:not([open]) section.list")].map((s) => s.dataset.list).join()`); got != "ccmc-1237" {
		t.Errorf("lists under a closed Earlier: %q, want ccmc-1237", got)
	}
	if n := inCard[int](t, ctx, `card.querySelectorAll(":scope > section.list").length`); n != 0 {
		t.Errorf("%d lists shown outside Earlier", n)
	}
}

// TestBrowserCardLanguageWrittenAndFreshness: dates follow the language of
// the text around the mention; a mention written otherwise than the
// company's name says so; an old dataset says so in one line.
func TestBrowserCardLanguageWrittenAndFreshness(t *testing.T) {
	ctx := openDemo(t)
	for lang, want := range map[string]string{"en-GB": "10 Feb 2021", "de": "10.02.2021", "fr": "10 févr. 2021"} {
		eval[bool](t, ctx, `document.documentElement.lang = "`+lang+`", true`)
		openCard(t, ctx, `[data-factcard-id="huawei"]`)
		if got := inCard[string](t, ctx, `card.querySelector('.answer time[datetime="2021-02-10"]').textContent`); got != want {
			t.Errorf("lang %s: article date written %q, want %q", lang, got, want)
		}
		closeCard(t, ctx)
	}
	eval[bool](t, ctx, `document.documentElement.lang = "en", true`)

	openCard(t, ctx, `[data-factcard-id="xiaomi"]`) // written <b>Xiao</b>mi: the company's short name
	if inCard[bool](t, ctx, `!!card.querySelector(".written")`) {
		t.Error(`"written here as" on a mention written as the company's name`)
	}
	if inCard[bool](t, ctx, `!!card.querySelector(".stale")`) {
		t.Errorf("freshness note on a dataset of %s", inCard[string](t, ctx, `card.querySelector(".foot").textContent`))
	}
	closeCard(t, ctx)

	pasteAndScan(t, ctx, "小米集团周二表示将上诉。", "2021-02-10")
	// The reader's clock five years on.
	eval[bool](t, ctx, `window.__now = Date.now; Date.now = () => window.__now() + 5 * 365 * 864e5; true`)
	openCard(t, ctx, `#pasted [data-factcard-id="xiaomi"]`)
	if got := inCard[string](t, ctx, `card.querySelector(".written") ? card.querySelector(".written").textContent : ""`); got != "Written here as \u201c小米集团\u201d" {
		t.Errorf("written-as line %q", got)
	}
	stale := inCard[string](t, ctx, `card.querySelector(".stale") ? card.querySelector(".stale").textContent : ""`)
	if !strings.HasPrefix(stale, "This dataset was last updated on ") || !strings.Contains(stale, " days ago") {
		t.Errorf("freshness note %q", stale)
	}
	eval[bool](t, ctx, `Date.now = window.__now, true`)
}

// TestBrowserCardNamesItsData: every card says which data it rests on (the
// dataset's as-of day and version) and links to the changelog served beside
// factcard.js, which names the same version (issue 16).
func TestBrowserCardNamesItsData(t *testing.T) {
	ctx := openDemo(t)
	version := eval[string](t, ctx, `window.factcard.datasetVersion`)
	asOf, hash, _ := strings.Cut(version, "+")
	for _, mark := range []string{`[data-factcard-id="huawei"]`, `[data-factcard-id="eo-13959"]`} {
		openCard(t, ctx, mark)
		line := inCard[string](t, ctx, `[card.querySelector(".foot .data").textContent, card.querySelector(".foot .data").dataset.version, card.querySelector(".foot .data time").dateTime].join("|")`)
		if want := "factcard · facts as of Nov 26, 2026 · dataset " + hash + " · what changed|" + version + "|" + asOf; asOf != "2026-11-26" || line != want {
			t.Errorf("%s: data line %q, want %q", mark, line, want)
		}
		closeCard(t, ctx)
	}
	openCard(t, ctx, `[data-factcard-id="huawei"]`)
	href := inCard[string](t, ctx, `card.querySelector(".foot .data a").href`)
	if want := eval[string](t, ctx, `new URL("changelog.html", document.querySelector('script[src$="factcard.js"]').src).href`); href != want {
		t.Errorf("changelog link %q, want %q", href, want)
	}
	page := evalAwait[string](t, ctx, `fetch(`+strconv.Quote(href)+`).then((r) => r.ok ? r.text() : "HTTP " + r.status)`)
	if !strings.Contains(page, "<h1>Dataset changelog</h1>") || !strings.Contains(page, "dataset version <code>"+asOf+"&#43;"+hash+"</code>") {
		t.Errorf("the changelog page does not name version %s:\n%.300s", version, page)
	}
}

// TestBrowserSiteOptOut: "Don't show on this site" removes every mark at
// once, stores one key on this device and nothing else, stops marking text
// the page adds, and can be undone at once. A later visit marks nothing and
// dispatches nothing, but ends the article with one line that turns
// factcard on again, bringing the marks back; a publisher's settings can do
// the same through factcard.setOffOnThisSite (issue 15).
func TestBrowserSiteOptOut(t *testing.T) {
	ctx := openDemo(t)
	marks := eval[int](t, ctx, `document.querySelectorAll("factcard-mark").length`)
	markCount := `document.querySelectorAll("factcard-mark").length === ` + strconv.Itoa(marks)
	openCard(t, ctx, `[data-factcard-id="huawei"]`)
	inCard[bool](t, ctx, `card.querySelector(".site-off").click(), true`)
	if n := eval[int](t, ctx, `document.querySelectorAll("factcard-mark").length`); n != 0 {
		t.Errorf("%d marks left after turning cards off", n)
	}
	if !eval[bool](t, ctx, `document.body.innerHTML.replace(/<factcard-card><\/factcard-card>/, "").replace(/<factcard-turn-on[^>]*><\/factcard-turn-on>/, "") === window.__before`) {
		t.Error("the article's DOM was not restored")
	}
	stored := `[...Object.keys(localStorage).map((k) => "local:" + k + "=" + localStorage[k]), ...Object.keys(sessionStorage).map((k) => "session:" + k), ...(document.cookie ? ["cookie:" + document.cookie] : [])]`
	if got := eval[[]string](t, ctx, stored); !slices.Equal(got, []string{"local:factcard:off=1"}) {
		t.Errorf("stored %v, want only local:factcard:off=1", got)
	}
	if !strings.Contains(inCard[string](t, ctx, `card.textContent`), "off on this site") || !inCard[bool](t, ctx, `card.getRootNode().activeElement === card.querySelector(".site-on")`) {
		t.Error("the card does not say cards are off, with focus on Undo")
	}
	checkTurnOnControl(t, ctx)
	// Text the page adds now stays unmarked: the reader said off.
	eval[bool](t, ctx, `(() => { const p = document.createElement("p"); p.id = "added"; p.textContent = "ZTE and Huawei said nothing."; document.querySelector("article").prepend(p); return true; })()`)
	time.Sleep(700 * time.Millisecond) // the observer's delay is 200 ms
	if n := eval[int](t, ctx, `document.querySelectorAll("factcard-mark").length`); n != 0 {
		t.Errorf("%d marks made in text added after turning cards off", n)
	}
	eval[bool](t, ctx, `document.getElementById("added").remove(), true`)

	inCard[bool](t, ctx, `card.querySelector(".site-on").click(), true`)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](markCount, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("Undo did not bring the %d marks back: %v", marks, err)
	}
	if n := eval[int](t, ctx, `localStorage.length + document.querySelectorAll("factcard-turn-on").length`); n != 0 {
		t.Errorf("Undo left %d keys in localStorage or controls on the page", n)
	}

	// Off again, then a new visit: nothing is marked, no event, and the
	// article ends with the line that turns factcard on.
	openCard(t, ctx, `[data-factcard-id="huawei"]`)
	inCard[bool](t, ctx, `card.querySelector(".site-off").click(), true`)
	navigate(t, ctx, eval[string](t, ctx, `location.href`))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("article > factcard-turn-on") !== null`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("the next visit shows no control to turn factcard on: %v", err)
	}
	if got := eval[string](t, ctx, `[document.querySelectorAll("factcard-mark").length, window.__factcardEvents.length, window.factcard.offOnThisSite].join()`); got != "0,0,true" {
		t.Errorf("next visit: marks, events, offOnThisSite = %s, want 0,0,true", got)
	}
	checkTurnOnControl(t, ctx)
	runAxe(t, ctx, "document")
	if got := evalAwait[string](t, ctx, `window.factcard.scan().then((r) => JSON.stringify(r))`); got != `{"found":0,"marked":0,"off":true}` {
		t.Errorf("scan() on a site the reader turned off resolved %s", got)
	}
	eval[bool](t, ctx, `document.querySelector("factcard-turn-on").shadowRoot.querySelector("button").click(), true`)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](markCount+` && window.__factcardEvents.length === 1`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("\"Turn them on\" did not bring the %d marks back with one factcard:ready: %v", marks, err)
	}
	if ev := waitEvent(t, ctx); ev.Type != "factcard:ready" || ev.Detail.Mentions != eval[int](t, ctx, `document.querySelectorAll("factcard-mark:not([data-factcard-part])").length`) || ev.Detail.ArticleDate == nil || *ev.Detail.ArticleDate != "2021-02-10" {
		t.Errorf("after turning factcard on: %+v", ev)
	}
	if got := eval[string](t, ctx, `[localStorage.length, document.querySelectorAll("factcard-turn-on").length, window.factcard.offOnThisSite].join()`); got != "0,0,false" {
		t.Errorf("after turning on: stored keys, controls, offOnThisSite = %s, want 0,0,false", got)
	}

	// The API, for a publisher's own settings: the same choice, the same
	// effect; anything but a boolean is refused.
	evalAwait[bool](t, ctx, `window.factcard.setOffOnThisSite(true).then(() => true)`)
	if got := eval[string](t, ctx, `[document.querySelectorAll("factcard-mark").length, localStorage.getItem("factcard:off"), document.querySelectorAll("article > factcard-turn-on").length].join()`); got != "0,1,1" {
		t.Errorf("setOffOnThisSite(true): marks, stored value, controls = %s, want 0,1,1", got)
	}
	if got := evalAwait[string](t, ctx, `window.factcard.setOffOnThisSite("no").then(() => "resolved", (e) => e.message)`); !strings.Contains(got, "give true (off) or false (on)") {
		t.Errorf(`setOffOnThisSite("no"): %q`, got)
	}
	evalAwait[bool](t, ctx, `window.factcard.setOffOnThisSite(false).then(() => true)`)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](markCount+` && localStorage.length === 0`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("setOffOnThisSite(false) did not bring the marks back: %v", err)
	}
}

// TestBrowserSiteOptOutWithoutStorage: where the browser refuses storage,
// "Don't show on this site" still holds for the visit (no mark, scan()
// marks nothing) and the line to turn factcard on again still works.
func TestBrowserSiteOptOutWithoutStorage(t *testing.T) {
	ctx := openDemo(t)
	marks := eval[int](t, ctx, `document.querySelectorAll("factcard-mark").length`)
	eval[bool](t, ctx, `Storage.prototype.setItem = () => { throw new DOMException("blocked", "SecurityError"); }, true`)
	openCard(t, ctx, `[data-factcard-id="huawei"]`)
	inCard[bool](t, ctx, `card.querySelector(".site-off").click(), true`)
	if got := evalAwait[string](t, ctx, `window.factcard.scan().then((r) => [JSON.stringify(r), document.querySelectorAll("factcard-mark").length, localStorage.length, window.factcard.offOnThisSite].join("|"))`); got != `{"found":0,"marked":0,"off":true}|0|0|true` {
		t.Errorf("off with storage blocked: scan, marks, stored keys, offOnThisSite = %s", got)
	}
	checkTurnOnControl(t, ctx)
	eval[bool](t, ctx, `document.querySelector("factcard-turn-on").shadowRoot.querySelector("button").click(), true`)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll("factcard-mark").length === `+strconv.Itoa(marks), chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("turning factcard on again did not bring the %d marks back: %v", marks, err)
	}
}

// checkTurnOnControl: the line that turns factcard on again is the
// article's last child, says what it is, and its button is reachable.
func checkTurnOnControl(t *testing.T, ctx context.Context) {
	t.Helper()
	got := eval[string](t, ctx, `(() => {
		const c = document.querySelector("factcard-turn-on"), b = c && c.shadowRoot.querySelector("button");
		return c ? [c === document.querySelector("article").lastElementChild, c.shadowRoot.textContent, b.type, b.tabIndex, getComputedStyle(c).display].join("|") : "none";
	})()`)
	if want := "true|Fact cards are off on this site. Turn them on|button|0|block"; got != want {
		t.Errorf("turn-on control: %s, want %s", got, want)
	}
}

// TestBrowserWholeMentionFocusAndHover: for a name split across elements
// (<b>Xiao</b>mi), the keyboard focus ring and the hover state cover both
// pieces.
func TestBrowserWholeMentionFocusAndHover(t *testing.T) {
	ctx := openDemo(t)
	for i := 0; i < 20 && eval[string](t, ctx, `document.activeElement.dataset ? document.activeElement.dataset.factcardId || "" : ""`) != "xiaomi"; i++ {
		key(t, ctx, "\t")
	}
	rings := eval[[]string](t, ctx, `(() => { `+mentionPiecesJS+` return mentionPieces(document.activeElement).map((p) => p.textContent + ":" + getComputedStyle(p).outlineStyle); })()`)
	if !slices.Equal(rings, []string{"Xiao:solid", "mi:solid"}) {
		t.Errorf("focus ring on the pieces: %v, want both solid", rings)
	}
	key(t, ctx, "\x1b")
	eval[bool](t, ctx, `document.activeElement.blur(), true`)
	x, y := center(t, ctx, `[data-factcard-id="xiaomi"][data-factcard-part]`)
	if _, err := chromedp.Call(ctx, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: input.DispatchMouseEventTypeMouseMoved, X: x, Y: y}); err != nil {
		t.Fatal(err)
	}
	hovered := eval[[]string](t, ctx, `[...document.querySelectorAll('[data-factcard-id="xiaomi"]')].slice(0, 2).map((p) => p.textContent + ":" + p.hasAttribute("data-factcard-hover") + ":" + getComputedStyle(p).textDecorationThickness)`)
	if !slices.Equal(hovered, []string{"Xiao:true:2px", "mi:true:2px"}) {
		t.Errorf("hover on the second piece: %v, want both pieces highlighted", hovered)
	}
}

// TestBrowserPhoneSheet: on a phone the card is a full-width sheet clear of
// the mention, with the answer visible without scrolling the card.
func TestBrowserPhoneSheet(t *testing.T) {
	ctx := openDemo(t)
	setViewport(t, ctx, viewport{"phone", 375, 667})
	for _, block := range []string{"start", "end"} {
		eval[bool](t, ctx, `document.querySelector("[data-factcard-claim]").scrollIntoView({block: "`+block+`"}), document.querySelector("[data-factcard-claim]").click(), true`)
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](cardVisible, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
			t.Fatal(err)
		}
		time.Sleep(100 * time.Millisecond)
		got := inCard[string](t, ctx, `(() => { const c = card.getBoundingClientRect(), a = card.querySelector(".answer").getBoundingClientRect(), m = document.querySelector("[data-factcard-claim]").getBoundingClientRect();
			return [card.dataset.layout, Math.round(c.width), card.scrollTop === 0 && a.bottom <= c.bottom, c.bottom <= m.top || c.top >= m.bottom].join(); })()`)
		if got != "sheet,375,true,true" {
			t.Errorf("mention at the %s: layout,width,answer visible,clear of the mention = %s", block, got)
		}
		closeCard(t, ctx)
	}
}
