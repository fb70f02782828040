//go:build !js

package main

import (
	"encoding/json"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"factcard/build/corpus"
	"factcard/build/report"
)

func TestPrefilterKeysComeFromTheNames(t *testing.T) {
	d := compiledDataset(t)
	keys, endKeys, fold, drop, err := prefilterTables(d)
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) == 0 || len([]rune(fold))%2 != 0 || !strings.ContainsRune(drop, 0xAD) {
		t.Fatalf("tables: %d keys, fold %q, drop lacks the soft hyphen", len(keys), fold)
	}
	// Every name starts with its key, so a text holding the name holds the
	// key; a name that starts a word has the longer key.
	isKey := map[string]bool{}
	for _, k := range append(keys, endKeys...) {
		if isKey[k] {
			t.Errorf("key %q is in both lists", k)
		}
		isKey[k] = true
	}
	if !contains(endKeys, "zte") || !contains(endKeys, "huawei") || !contains(keys, "china mobile") {
		t.Errorf("whole names that end a word: %v", endKeys)
	}
	for _, p := range d.Patterns {
		name := foldedOf(string(p.Exact))
		k, err := prefilterKey(name)
		if err != nil || !isKey[string(k)] || !strings.HasPrefix(string(name), string(k)) {
			t.Errorf("name %q: key %q, %v", string(name), string(k), err)
		}
		if want := min(len(name), otherKeyRunes); startsWord(name[0]) && len(name) > otherKeyRunes && len(k) <= want {
			t.Errorf("name %q starts a word but has the short key %q", string(name), string(k))
		}
	}
	if _, err := prefilterKey([]rune("𝔸𝔹")); err == nil {
		t.Error("a name without a usable character got a key")
	}
}

// prefilterCase is a text, the UTF-16 spans of the mentions the engine
// finds in it, and what the prefilter answered: on the whole text, on each
// mention alone, and on the text fed one UTF-16 unit at a time.
type prefilterCase struct {
	Name     string     `json:"name"`
	Text     string     `json:"text"`
	Spans    [][2]int32 `json:"spans"`
	Whole    bool       `json:"whole"`
	Each     []bool     `json:"each"`
	ByUnit   bool       `json:"byUnit"`
	Mentions int        `json:"-"`
}

// foldingVariants writes a name as pages may: in capitals, in full-width
// letters, with a soft hyphen and with a combining accent inside, and with
// the German genitive "s" ("Huaweis").
func foldingVariants(name string) []string {
	r := []rune(name)
	full := make([]rune, len(r))
	for i, c := range r {
		full[i] = c
		if c > 0x20 && c < 0x7f {
			full[i] = c + 0xFEE0
		}
	}
	mid := len(r) / 2
	return []string{
		name,
		strings.ToUpper(name),
		string(full),
		string(r[:mid]) + "\u00ad" + string(r[mid:]),
		string(r[:1]) + "\u0301" + string(r[1:]),
		name + "s",
	}
}

// TestBrowserPrefilterNeverMisses runs the prefilter as the widget ships it
// (minified) in Chromium on every text where the native engine finds
// mentions: the labelled corpus, the text of every shared page and the trap
// page, and every name of the dataset written in capitals, full width, with
// a soft hyphen, an accent and a genitive "s". It must let through every
// text and every mention the engine finds, whichever way the text is cut
// into calls.
func TestBrowserPrefilterNeverMisses(t *testing.T) {
	ctx := newBrowser(t)
	d := compiledDataset(t)
	src, err := prefilterScript(d)
	if err != nil {
		t.Fatal(err)
	}
	if src, err = minifier().Bytes("application/javascript", src); err != nil {
		t.Fatal(err)
	}
	var cases []prefilterCase
	add := func(name, text string) {
		c := prefilterCase{Name: name, Text: text}
		for _, m := range d.Find(text) {
			c.Spans = append(c.Spans, [2]int32{m.Start, m.End})
		}
		cases = append(cases, c)
	}
	items, err := corpus.ReadDefault()
	if err != nil {
		t.Fatal(err)
	}
	// KNOWN GAP (issue 13, December 2026): the prefilter predates the
	// engine's misspelling and line-break rules (issue 14), so sentences of
	// those two kinds are not yet held to the no-miss promise; the gap is
	// counted here and written up in docs/performance.md.
	gap := 0
	for _, it := range items {
		if it.Category == "misspelling" || it.Category == "typography" {
			gap++
			continue
		}
		add("corpus line "+strconv.Itoa(it.Line), it.Text)
	}
	t.Logf("known gap: %d misspelling and typography sentences not checked", gap)
	for _, p := range append(sharedPages(t), "build/testdata/traps.html") {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text, _, err := report.ArticleFromFile(p, b)
		if err != nil {
			t.Fatal(err)
		}
		add(filepath.Base(filepath.Dir(p)), text)
	}
	for _, p := range d.Patterns {
		for _, v := range foldingVariants(string(p.Exact)) {
			add("name "+v, "Reports on Tuesday said "+v+" would appeal.")
		}
	}
	in, err := json.Marshal(cases)
	if err != nil {
		t.Fatal(err)
	}
	// The page is blank: only the prefilter runs.
	navigate(t, ctx, "about:blank")
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](string(src)+";0")); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]prefilterCase](`(() => {
		const scanner = globalThis.__factcardPrefilter;
		const all = (text) => scanner()(text, 0, text.length);
		return `+string(in)+`.map((c) => {
			const byUnit = scanner();
			let hit = false;
			for (let i = 0; i < c.text.length && !hit; i++) hit = byUnit(c.text, i, i + 1);
			return {name: c.name, spans: c.spans, whole: all(c.text), byUnit: hit,
				each: (c.spans || []).map(([a, b]) => all(c.text.slice(a, b)))};
		});
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	texts, withMentions, passedWithout := 0, 0, 0
	for _, c := range got {
		texts++
		if len(c.Spans) == 0 {
			if c.Whole {
				passedWithout++
			}
			if !strings.HasPrefix(c.Name, "corpus") && !strings.HasPrefix(c.Name, "name ") {
				t.Logf("%s: no mention; let through: %v", c.Name, c.Whole)
			}
			continue
		}
		withMentions++
		if !c.Whole || !c.ByUnit {
			t.Errorf("%s: the engine finds %d mentions, the prefilter let it through: whole %v, one unit at a time %v", c.Name, len(c.Spans), c.Whole, c.ByUnit)
		}
		for i, ok := range c.Each {
			if !ok {
				t.Errorf("%s: the prefilter misses the mention at %v", c.Name, c.Spans[i])
			}
		}
	}
	if withMentions < 1000 {
		t.Errorf("only %d texts with mentions were tried", withMentions)
	}
	t.Logf("%d texts, %d with mentions; of the %d without, the prefilter let %d through", texts, withMentions, texts-withMentions, passedWithout)
}

// TestBrowserNoCandidateNoWasm: on an article with no candidate the widget
// fetches nothing but factcard.js and reports that it found nothing; on
// one with a name it fetches the runtime, dataset, engine and card once each
// and marks it.
func TestBrowserNoCandidateNoWasm(t *testing.T) {
	ctx := newBrowser(t)
	var mu sync.Mutex
	requests := map[string]int{} // path -> requests of factcard's files other than factcard.js
	count := func() map[string]int { mu.Lock(); defer mu.Unlock(); return maps.Clone(requests) }
	files := distHandler(builtDist)
	article := map[string]string{
		"/none.html": "The city council met on Tuesday to discuss the new bus routes and the budget for parks.",
		"/some.html": "Shares of Xiaomi rose on Tuesday after the court ruling.",
	}
	url := serveDist(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/factcard-") {
			mu.Lock()
			requests[r.URL.Path]++
			mu.Unlock()
		}
		if body, ok := article[r.URL.Path]; ok {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(`<!doctype html><html><head><title>t</title></head><body><article><p>` + body +
				`</p></article><script src="/factcard.js" defer></script></body></html>`))
			return
		}
		files.ServeHTTP(w, r)
	}))
	navigate(t, ctx, url+"/none.html")
	ev := waitEvent(t, ctx)
	if ev.Type != "factcard:ready" || ev.Detail.Found != 0 || ev.Detail.Mentions != 0 || ev.Detail.DatasetVersion == "" {
		t.Errorf("no-candidate page: %+v", ev)
	}
	if got := count(); len(got) != 0 {
		t.Errorf("the no-candidate page fetched more than factcard.js: %v", got)
	}
	navigate(t, ctx, url+"/some.html")
	ev = waitEvent(t, ctx)
	if ev.Type != "factcard:ready" || ev.Detail.Found != 1 {
		t.Errorf("page naming Xiaomi: %+v", ev)
	}
	want := map[string]int{}
	for _, role := range []string{"wasm", "data", "engine", "card"} {
		want["/"+builtName(t, role)] = 1
	}
	if got := count(); !maps.Equal(got, want) {
		t.Errorf("the page naming Xiaomi fetched %v, want each of the runtime, dataset, engine and card once: %v", got, want)
	}
}
