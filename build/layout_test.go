//go:build !js

package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"factcard/internal/fixture"
)

// The cards' layout on real pages: the demo and shared pages (third-party,
// served from ../shared, never copied) with a few sentences naming listed
// companies added to their paragraphs, since most of them name none.

// layoutPages are shared pages of different builds: a long English sanctions
// story, a right-to-left page, French and German pages, Chinese, British
// English.
var layoutPages = []string{"nytimes-1", "rtl-1", "lemonde-1", "heise", "qq", "telegraph"}

// mentionInjector adds sentences with mentions to the first, a middle and
// the last long paragraph before factcard runs, one of them a name split
// across elements and one long enough to wrap.
const mentionInjector = `(() => {
  const ps = [...document.querySelectorAll("p")].filter((p) => p.textContent.trim().length > 60);
  const picks = [...new Set([ps[0], ps[Math.floor(ps.length / 2)], ps[ps.length - 1]])].filter(Boolean);
  picks.forEach((p, i) => {
    const b = document.createElement("b");
    b.textContent = "Xiao";
    p.append(" Huawei and ", b, "mi were named on the CCMC list, and Hikvision sits on the Entity List under Executive Order 13959" + (i === 1 ? ", as ZTE and China Mobile did" : "") + ".");
  });
})();`

// pagesWithWidget serves dist/ and the shared pages with factcard added
// (all marks, a fixed date). A Content-Security-Policy keeps the pages' own
// scripts and anything off this server from running.
func pagesWithWidget(t *testing.T) string {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle("/", distHandler(builtDist))
	mux.HandleFunc("/inject.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/javascript")
		w.Write([]byte(mentionInjector))
	})
	mux.HandleFunc("/pages/", func(w http.ResponseWriter, r *http.Request) {
		name := strings.Trim(strings.TrimPrefix(r.URL.Path, "/pages/"), "/")
		src, err := os.ReadFile(filepath.Join(pagesDir, filepath.Base(name), "source.html"))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		tags := `<script src="/inject.js" defer></script><script src="/factcard.js" defer data-mark="all" data-date="2021-02-10"></script>`
		html := string(src)
		if i := strings.LastIndex(strings.ToLower(html), "</body>"); i >= 0 {
			html = html[:i] + tags + html[i:]
		} else {
			html += tags
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:")
		w.Write([]byte(html))
	})
	return serveDist(t, mux)
}

// placementCheck opens every mention's card in an order drawn from seed:
// by keyboard focus, by click, some after closing the previous card with
// Escape, some replacing an open one; with each mention in the middle, at
// the top and at the bottom of the viewport. Every time, the card must not
// intersect any line box of any piece of its mention, and must lie inside
// the viewport (or be hidden only while its mention is out of view).
const placementCheck = `async (seed) => {
  ` + mentionPiecesJS + `
  const settle = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))));
  const box = () => { const h = document.querySelector("factcard-card"); return h && h.shadowRoot.querySelector(".card"); };
  const vw = () => document.documentElement.clientWidth, vh = () => document.documentElement.clientHeight;
  const fmt = (r) => [r.left, r.top, r.right, r.bottom].map(Math.round).join(",");
  const firsts = [...document.querySelectorAll("factcard-mark:not([data-factcard-part])")];
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const order = firsts.map((m) => [rand(), m]).sort((a, b) => a[0] - b[0]).map((x) => x[1]);
  const problems = [];
  let checks = 0;
  const check = (m, where) => {
    const b = box();
    if (!b || b.hidden) { problems.push(where + ": no card open"); return; }
    if (m.getAttribute("aria-expanded") !== "true") { problems.push(where + ": the open card is not this mention's"); return; }
    const pieces = mentionPieces(m).flatMap((p) => [...p.getClientRects()]);
    const inView = pieces.some((r) => r.bottom > 0 && r.top < vh() && r.right > 0 && r.left < vw());
    if (getComputedStyle(b).visibility === "hidden") {
      if (inView) problems.push(where + ": card hidden while its mention is in view");
      return;
    }
    const c = b.getBoundingClientRect();
    checks++;
    for (const r of pieces) {
      if (c.left < r.right && r.left < c.right && c.top < r.bottom && r.top < c.bottom) problems.push(where + ": card " + fmt(c) + " (" + b.dataset.layout + " " + b.dataset.side + ", max-height " + b.style.maxHeight + ") covers mention " + fmt(r));
    }
    if (c.left < -0.5 || c.top < -0.5 || c.right > vw() + 0.5 || c.bottom > vh() + 0.5) problems.push(where + ": card " + fmt(c) + " outside the " + vw() + "x" + vh() + " viewport");
    if (c.height < 40) problems.push(where + ": card only " + Math.round(c.height) + "px tall");
  };
  const open = document.querySelector("factcard-card") && box() && !box().hidden && firsts.find((m) => m.getAttribute("aria-expanded") === "true");
  if (open) { await settle(); check(open, "after resize " + open.dataset.factcardId); }
  for (const [i, m] of order.entries()) {
    const name = m.dataset.factcardId + "#" + firsts.indexOf(m);
    m.scrollIntoView({ block: ["center", "start", "end", "nearest"][i % 4] });
    if (i % 3 === 2) document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    if (i % 2) m.click();
    else {
      m.focus();
      // Focus was already on the mark (its card closed by Escape, or
      // another opened by a click): Enter opens it, as for a reader.
      if (m.getAttribute("aria-expanded") !== "true") m.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    }
    await settle();
    check(m, name + " opened");
    window.scrollBy(0, m.getBoundingClientRect().top - 1);
    await settle();
    check(m, name + " at the top edge");
    window.scrollBy(0, m.getBoundingClientRect().bottom - vh() + 1);
    await settle();
    check(m, name + " at the bottom edge");
  }
  return { problems, checks, marks: firsts.length };
}`

type placementResult struct {
	Problems []string `json:"problems"`
	Checks   int      `json:"checks"`
	Marks    int      `json:"marks"`
}

func checkPlacement(t *testing.T, ctx context.Context, where string, seed int) placementResult {
	t.Helper()
	res, err := chromedp.Run(ctx, chromedp.Evaluate[placementResult](fmt.Sprintf("(%s)(%d)", placementCheck, seed), chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	for _, p := range res.Problems {
		t.Errorf("%s: %s", where, p)
	}
	return res
}

type viewport struct {
	name          string
	width, height int64
}

var layoutViewports = []viewport{{"desktop", 1000, 700}, {"phone", 360, 740}, {"small window", 640, 420}}

func setViewport(t *testing.T, ctx context.Context, v viewport) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(v.width, v.height)); err != nil {
		t.Fatal(err)
	}
}

func setScheme(t *testing.T, ctx context.Context, scheme string) {
	t.Helper()
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{
		{Name: "prefers-color-scheme", Value: scheme}, {Name: "prefers-reduced-motion", Value: "reduce"}}}); err != nil {
		t.Fatal(err)
	}
}

// TestBrowserCardNeverCoversItsMark opens every mark's card on the demo
// (left-to-right and right-to-left) and on shared pages, at desktop, phone
// and small-window sizes, resizing between them with a card open.
func TestBrowserCardNeverCoversItsMark(t *testing.T) {
	fixture.Require(t, pagesDir)
	url := pagesWithWidget(t)
	type page struct{ name, path, setup string }
	pages := []page{{"demo", "/index.html", ""}, {"demo rtl", "/index.html", `document.documentElement.dir = "rtl"`}}
	for _, p := range layoutPages {
		pages = append(pages, page{p, "/pages/" + p + "/", ""})
	}
	for i, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			ctx := newBrowser(t)
			setScheme(t, ctx, []string{"light", "dark"}[i%2])
			navigate(t, ctx, url+p.path)
			if ev := waitEvent(t, ctx); ev.Type != "factcard:ready" {
				t.Fatalf("not ready: %+v", ev)
			}
			if p.setup != "" {
				eval[bool](t, ctx, p.setup+"; true")
			}
			checks := 0
			for j, v := range layoutViewports {
				setViewport(t, ctx, v)
				res := checkPlacement(t, ctx, v.name, 7*i+j+1)
				if res.Marks < 3 {
					t.Fatalf("only %d marks to place cards for", res.Marks)
				}
				checks += res.Checks
			}
			// Every mark, three positions, three viewports, and the open
			// card after each resize.
			if checks < 9*3 {
				t.Errorf("only %d placements checked", checks)
			}
			// The card and the marks, on the page's own styles, with every
			// part of the card open: no axe violation (the rest of a
			// third-party page is not ours to check).
			openCard(t, ctx, `factcard-mark:not([data-factcard-part])`)
			inCard[bool](t, ctx, `card.querySelectorAll("details").forEach((d) => d.open = true), true`)
			runAxe(t, ctx, `{include: ["factcard-card", ...document.querySelectorAll("factcard-mark")]}`)
		})
	}
}
