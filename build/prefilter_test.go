//go:build !js

package main

import (
	"encoding/json"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"factcard/build/corpus"
	"factcard/build/report"
	"factcard/wasm/engine"
)

func TestPrefilterKeysComeFromTheNames(t *testing.T) {
	d := compiledDataset(t)
	pf, err := prefilterTables(d)
	if err != nil {
		t.Fatal(err)
	}
	if len(pf.keys) == 0 || len([]rune(pf.fold))%4 != 0 || len([]rune(pf.drop))%2 != 0 {
		t.Fatalf("tables: %d keys, fold %q, drop %q", len(pf.keys), pf.fold, pf.drop)
	}
	// The fold and drop runs, decoded as widget/prefilter.js does, give
	// the engine's fold of every character they name.
	fold, drop := []rune(pf.fold+pf.keyFold), []rune(pf.drop)
	decoded := map[rune]rune{}
	for i := 0; i < len(fold); i += 4 {
		for c := fold[i]; c <= fold[i+1]; c++ {
			decoded[c] = fold[i+3]
			if fold[i+2] == '+' {
				decoded[c] += c - fold[i]
			}
		}
	}
	for i := 0; i < len(drop); i += 2 {
		for c := drop[i]; c <= drop[i+1]; c++ {
			decoded[c] = 0
		}
	}
	for _, c := range []rune{0xAD, 0x301, 'A', 'Z', 0xFF21, 0xFF5A, 0xC5, 0x17E, 0x663, 0x2003, '華', '國'} {
		want := rune(0)
		if out := foldedOf(string(c)); len(out) > 0 {
			want = out[0]
		}
		if got, ok := decoded[c]; !ok || got != want {
			t.Errorf("the tables fold %U to %U (listed %v), the engine to %U", c, got, ok, want)
		}
	}
	for c, got := range decoded {
		if out := foldedOf(string(c)); got == 0 && len(out) != 0 || got != 0 && (len(out) == 0 || out[0] != got) {
			t.Errorf("the tables fold %U to %U, the engine to %q", c, got, string(out))
		}
	}
	// Stage two: every name starts with its key, so a text holding the name
	// holds the key; a name that starts a word has the longer key.
	isKey := map[string]bool{}
	for _, k := range append(pf.keys, pf.endKeys...) {
		if isKey[k] {
			t.Errorf("key %q is in both lists", k)
		}
		isKey[k] = true
	}
	if !contains(pf.endKeys, "zte") || !contains(pf.endKeys, "huawei") || !contains(pf.endKeys, "china mobile") || !contains(pf.keys, "executive order 1") {
		t.Errorf("whole names that end a word: %v", pf.endKeys)
	}
	// Stage one: every name holds one of the words as a whole word, or
	// starts with one of the characters; few words cover many names.
	isWord := map[string]bool{}
	for _, w := range pf.words {
		isWord[w] = true
	}
	for _, p := range d.Patterns {
		if p.Flags&engine.Blocker != 0 {
			continue
		}
		name := foldedOf(string(p.Exact))
		k, err := prefilterKey(name)
		// A form name ("best", only with a legal form) has no key: stage
		// one sends its text to the engine.
		if w, ok := formName(name, p.Flags&engine.FormRequired != 0); ok {
			if !contains(pf.formNames, w) {
				t.Errorf("form name %q is not in stage one's form names", string(name))
			}
		} else if err != nil || !isKey[string(k)] || !strings.HasPrefix(string(name), string(k)) {
			t.Errorf("name %q: key %q, %v", string(name), string(k), err)
		}
		if want := min(len(name), otherKeyRunes); startsWord(name[0]) && len(name) > otherKeyRunes && len(k) <= want {
			t.Errorf("name %q starts a word but has the short key %q", string(name), string(k))
		}
		covered := strings.ContainsRune(string(pf.starts), name[0])
		for _, w := range nameKeys(name) {
			covered = covered || isWord[w]
		}
		if p.Flags&engine.FormRequired != 0 {
			covered = covered || contains(pf.formNames, nameKeys(name)[0])
		}
		if !covered {
			t.Errorf("name %q holds none of stage one's words and does not start with one of its characters", string(name))
		}
	}
	if len(pf.words) > len(d.Patterns)/3 {
		t.Errorf("stage one has %d words for %d names: the greedy choice is not sharing them", len(pf.words), len(d.Patterns))
	}
	for _, common := range []string{"china", "company", "group", "technology", "university", "number", "2021", "10th"} {
		if contains(pf.words, common) {
			t.Errorf("stage one keys a name on the common word %q", common)
		}
	}
	if !contains(pf.brands, "huawei") || !contains(pf.brands, "hikvision") {
		t.Errorf("stage one: short words %v or brands %v", pf.words[:min(20, len(pf.words))], pf.brands)
	}
	if _, err := prefilterKey([]rune("𝔸𝔹")); err == nil {
		t.Error("a name without a usable character got a key")
	}
}

// TestCoarseWordsAreChosenGreedily pins the choice on names whose answer is
// known: a rare word shared by more names wins; a name of common words is
// keyed on a pair of them; a name of one common word on that word; a name
// in another script on its first character.
func TestCoarseWordsAreChosenGreedily(t *testing.T) {
	names := [][]rune{[]rune("huawei technologies co"), []rune("huawei device co"), []rune("zte"),
		[]rune("dji"), []rune("中芯国际"), []rune("(ccmc) list"), []rune("china mobile"), []rune("david lee"),
		[]rune("executive order 13959"), []rune("10th research institute"), []rune("2021")}
	words, _, starts, err := coarseTables(names, make([]bool, len(names)))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"10th research", "13959", "2021", "ccmc", "china mobile", "david lee", "dji", "huawei", "zte"}; !slices.Equal(words, want) || string(starts) != "中" {
		t.Errorf("words %v, starts %q; want %v and 中", words, string(starts), want)
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
	Stage    int        `json:"stage"` // 0: stage one let it pass, 1: stage one sent it to the engine (a misspelling, a form name with its form), 2: stage two decided
	Mentions int        `json:"-"`
	// Alone: the engine finds each mention in its own text too; a short
	// form, a gloss or a title-case acronym is a mention only beside
	// another, which lets the whole text through.
	Alone []bool `json:"-"`
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
		string(r[:mid]) + "-\n  " + string(r[mid:]), // a word broken across lines
		name + " Co., Ltd.",
		name + " (Group) Limited",
	}
}

// misspellings writes a brand as the press misprints it: two letters
// swapped, one doubled, one dropped, one replaced by a letter of the same
// sound, and split in two.
func misspellings(brand string) []string {
	r := []rune(brand)
	mid := len(r) / 2
	swap := slices.Clone(r)
	swap[mid], swap[mid+1] = swap[mid+1], swap[mid]
	sound := slices.Clone(r)
	for i := 1; i < len(sound); i++ {
		if to, ok := map[rune]rune{'i': 'y', 'c': 'k', 'k': 'c', 's': 'z', 'v': 'w', 'e': 'i'}[sound[i]]; ok {
			sound[i] = to
			break
		}
	}
	title := func(s []rune) string { return strings.ToUpper(string(s[:1])) + string(s[1:]) }
	return []string{title(swap), title(slices.Insert(slices.Clone(r), mid, r[mid])), title(slices.Delete(slices.Clone(r), mid, mid+1)),
		title(sound), title(r[:3]) + " " + string(r[3:])}
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
	pf, err := prefilterTables(d)
	if err != nil {
		t.Fatal(err)
	}
	src, err := prefilterScript(pf)
	if err != nil {
		t.Fatal(err)
	}
	keys, err := keysFile(pf)
	if err != nil {
		t.Fatal(err)
	}
	if src, err = minifier().Bytes("application/javascript", append(append(src, ";\n"...), keys...)); err != nil {
		t.Fatal(err)
	}
	var cases []prefilterCase
	add := func(name, text string) {
		c := prefilterCase{Name: name, Text: text}
		for _, m := range d.Find(text) {
			c.Spans = append(c.Spans, [2]int32{m.Start, m.End})
			c.Alone = append(c.Alone, len(d.Find(engine.Slice16(text, m.Start, m.End))) > 0)
		}
		cases = append(cases, c)
	}
	items, err := corpus.ReadAll(corpus.Default)
	if err != nil {
		t.Fatal(err)
	}
	blind, err := corpus.ReadAll(corpus.Blind)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range append(items, blind...) {
		add(it.File+" line "+strconv.Itoa(it.Line), it.Text)
	}
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
	// Names that need a legal form after them, with one (stage one alone
	// decides the common-word ones, formName), and brands with a Czech case
	// ending, which stage two reads whole after a key.
	for _, p := range d.Patterns {
		if p.Flags&engine.FormRequired != 0 {
			add("with a form "+string(p.Exact), "Reports said "+string(p.Exact)+" Co., Ltd. would appeal.")
		}
		if p.Flags&engine.LowerOK != 0 {
			add("case ending "+string(p.Exact), "Podle zpráv se "+string(p.Exact)+"em zabývá soud.")
		}
	}
	for _, b := range d.MisspellingTargets() {
		for _, v := range misspellings(b) {
			add("misspelled "+v, "A spokesman for "+v+" declined to comment.")
		}
	}
	// Prose the prefilter must stop, though it is near a brand or a key:
	// each sent a shared page to the engine before the stages read edits
	// and endings as the engine does.
	stops := map[string]bool{}
	for _, text := range []string{
		"He said he did not know.",                      // "He sa…" joined is one letter from Hesai
		"Key market news. In your inbox.",               // "In your" joined is two letters from Inspur
		"Pro & Contra: Hat Apple den Bogen überspannt?", // Bogen and Biren differ in two letters, not swapped
		"Quotes are real time, except for the DJIA.",    // DJI with an ending in capitals
		"Obama surprises Joe Biden with a medal.",       // a letter replaced in a five-letter brand (Biren) is no slip the engine reads
		"Корпорация построила завод под Казанью.",       // a word for company without one for China: no translated name
	} {
		stops["stop "+text] = true
		add("stop "+text, text)
	}
	// Prose stage one itself must stop, so that the page loads no keys: a
	// word of another language's prose that was a name's key ("des", from
	// "liste des entités"), English words that are a key with a case
	// ending only a coined brand takes ("make": the acronym MAK and "e"),
	// and words of names that the engine reads only capitalized.
	firstStops := map[string]bool{}
	for _, text := range []string{
		"Le ministre des Finances a présenté le budget des collectivités.",
		"We make the case that they take it.",
		"Le cas du centre: our best chance.", // CAS, Centre and BEST are names only capitalized
		"The United States and Hong Kong rely on one supply chain.",
	} {
		firstStops["stop "+text] = true
		add("stop "+text, text)
	}
	// A long Cyrillic name misspelled in lower case, which the engine reads
	// in any case (review: stage two had its key for capitals only).
	add("lower-case script misspelling", "The report said хуавее was on the list.")
	// Brands misspelled with a Latin letter beyond Latin-1 and Extended-A,
	// which the engine keeps inside the word (review: stage one split it).
	add("misspelled with ș", "Reports say Kașpersky shipped the software.")
	add("misspelled with ǒ", "Reports say Hikvisiǒn shipped the cameras.")
	// A name translated word by word in another script, with no other name
	// near, which the engine reads (translated.go), and a brand in lower
	// case amid a script without capitals (find.go, amidOtherScript).
	add("translated name alone", "Корпорация электронных технологий Китая построила завод.")
	add("translated name alone, Persian", "شرکت ملی نفت فلات قاره چین قرارداد را امضا کرد.")
	add("lower case amid Chinese", "听说smic又被加进名单了。")
	// A lower-case acronym still to be vouched for is no name near for the
	// translated and permuted passes, and what the engine drops does not
	// count between a brand and the letters before it (review).
	add("vouched candidate near a permuted name", "Researchers at the Quantum Science Research Center bought avic parts.")
	add("vouched candidate near a translated name", "La Compañía Nacional Química de China firmó con avic un acuerdo.")
	add("soft hyphens before a lower-case brand", "听说"+strings.Repeat("\u00ad", 6)+"smic有新工厂。")
	in, err := json.Marshal(cases)
	if err != nil {
		t.Fatal(err)
	}
	// The page is blank: only the prefilter runs.
	navigate(t, ctx, "about:blank")
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](string(src)+";0")); err != nil {
		t.Fatal(err)
	}
	// check runs both stages as the widget does: stage one; on a word of a
	// name, stage two. byUnit feeds each one UTF-16 unit per call.
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]prefilterCase](`(() => {
		const pf = globalThis.__factcardPrefilter, keys = globalThis.__factcardKeys(pf, {}).scanner;
		const feed = (scan, text, byUnit) => {
			if (!byUnit) return scan(text, 0, text.length);
			for (let i = 0; i < text.length; i++) if (scan(text, i, i + 1)) return true;
			return false;
		};
		const check = (text, byUnit) => {
			const first = pf.scanner();
			feed(first.scan, text, byUnit);
			const verdict = first.end();
			if (verdict !== pf.WORD) return {pass: verdict === pf.ENGINE, stage: verdict === pf.ENGINE ? 1 : 0};
			return {pass: feed(keys(), text, byUnit), stage: 2};
		};
		return `+string(in)+`.map((c) => {
			const whole = check(c.text, false);
			return {name: c.name, spans: c.spans, whole: whole.pass, stage: whole.stage, byUnit: check(c.text, true).pass,
				each: (c.spans || []).map(([a, b]) => check(c.text.slice(a, b), false).pass)};
		});
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	texts, withMentions, passedWithout, toStageTwo := 0, 0, 0, 0
	for k, c := range got {
		texts++
		if len(c.Spans) == 0 {
			if c.Whole {
				passedWithout++
				if stops[c.Name] {
					t.Errorf("%s: let through (stage %d), though it names nothing", c.Name, c.Stage)
				}
			}
			if firstStops[c.Name] && c.Stage != 0 {
				t.Errorf("%s: stage one did not stop it (it went to stage %d)", c.Name, c.Stage)
			}
			if c.Stage == 2 {
				toStageTwo++
			}
			if !strings.HasPrefix(c.Name, "corpus") && !strings.HasPrefix(c.Name, "name ") {
				t.Logf("%s: no mention; stage one: %v, let through: %v", c.Name, map[int]string{0: "stopped it", 1: "sent it to the engine", 2: "a word of a name"}[c.Stage], c.Whole)
			}
			continue
		}
		withMentions++
		if !c.Whole || !c.ByUnit {
			t.Errorf("%s: the engine finds %d mentions, the prefilter let it through: whole %v, one unit at a time %v", c.Name, len(c.Spans), c.Whole, c.ByUnit)
		}
		for i, ok := range c.Each {
			if !ok && cases[k].Alone[i] {
				t.Errorf("%s: the prefilter misses the mention at %v", c.Name, c.Spans[i])
			}
		}
	}
	if withMentions < 1000 {
		t.Errorf("only %d texts with mentions were tried", withMentions)
	}
	t.Logf("%d texts, %d with mentions; of the %d without, stage one sent %d to stage two, which let %d through",
		texts, withMentions, texts-withMentions, toStageTwo, passedWithout)
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
			w.Write([]byte(`<!doctype html><html><head><title>t</title><meta property="article:published_time" content="2021-02-10"></head><body><article><p>` + body +
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
	// scan() reads the prefilter first: a root without a candidate is
	// answered without the engine.
	if r := evalAwait[map[string]any](t, ctx, `factcard.scan(document.querySelector("article"))`); r["found"] != 0.0 {
		t.Errorf("scan of the no-candidate article: %v", r)
	}
	if got := count(); len(got) != 0 {
		t.Errorf("scan() of a no-candidate article fetched more than factcard.js: %v", got)
	}
	// The article is watched all the same: a paragraph added later that
	// names a company is marked, with the page's date on its card.
	eval[bool](t, ctx, `(() => { const p = document.createElement("p"); p.textContent = "Later: Xiaomi won its case."; document.querySelector("article").append(p); return true; })()`)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector('factcard-mark[data-factcard-id="xiaomi"]') !== null`, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("a mention added to a no-candidate article was not marked: %v", err)
	}
	eval[bool](t, ctx, `document.querySelector('factcard-mark[data-factcard-id="xiaomi"]').click(), true`)
	if text := eval[string](t, ctx, `document.querySelector("factcard-card").shadowRoot.textContent`); !strings.Contains(text, "Feb 10, 2021") {
		t.Errorf("the card of a mention added later does not use the page's date (2021-02-10):\n%s", text)
	}
	mu.Lock()
	clear(requests)
	mu.Unlock()
	navigate(t, ctx, url+"/some.html")
	ev = waitEvent(t, ctx)
	if ev.Type != "factcard:ready" || ev.Detail.Found != 1 {
		t.Errorf("page naming Xiaomi: %+v", ev)
	}
	want := map[string]int{}
	for _, role := range []string{"wasm", "data", "engine", "card", "keys"} {
		want["/"+builtName(t, role)] = 1
	}
	if got := count(); !maps.Equal(got, want) {
		t.Errorf("the page naming Xiaomi fetched %v, want each of the runtime, dataset, engine, card and keys once: %v", got, want)
	}
}

// Stage one's words and stage two's keys travel front-coded; decoding them
// as widget/prefilter.js does gives every one back, and none holds a capital,
// which would be read as the start of the next one.
func TestFrontCodedWordsDecode(t *testing.T) {
	pf, err := prefilterTables(compiledDataset(t))
	if err != nil {
		t.Fatal(err)
	}
	for name, list := range map[string][]string{"words": pf.words, "keys": pf.keys, "end keys": pf.endKeys, "any-case keys": pf.anyCaseKeys} {
		coded := []rune(frontCoded(list))
		var got []string
		var prev, entry []rune
		for i := 0; i <= len(coded); i++ {
			if i == len(coded) || coded[i] >= 'A' && coded[i] <= 'Z' {
				if i > 0 {
					got = append(got, string(entry))
					prev = entry
				}
				if i < len(coded) {
					entry = append([]rune(nil), prev[:coded[i]-'A']...)
				}
				continue
			}
			entry = append(entry, coded[i])
		}
		if want := slices.Sorted(slices.Values(list)); !slices.Equal(got, want) {
			t.Errorf("%s: decoded %d, want %d", name, len(got), len(want))
		}
		for _, w := range list {
			if strings.IndexFunc(w, func(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 0x10000 }) >= 0 {
				t.Errorf("%s: %q holds a capital or a character beyond the BMP", name, w)
			}
		}
	}
}
