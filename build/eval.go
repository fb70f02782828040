//go:build !js

package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"factcard/data"
	"factcard/wasm/engine"
)

var evalCmd = &command{
	name:    "eval",
	usage:   "eval [-corpus FILE,...] [-claims FILE] [-v]",
	summary: "score the matcher and the claims check against their labelled corpora: precision and recall",
	help: `DESCRIPTION
    Runs the engine on every sentence of the labelled corpus (sentences written for factcard, each with the
    mentions a careful reader expects) and prints true positives, false positives, false negatives, precision
    and recall per kind (category), per language, per part and in total. Categories named trap-* expect no
    mention. The corpus has two parts: the tuning part (corpus.yaml, corpus-realworld.yaml), used while
    building the matcher, and the held-back part (corpus-heldback.yaml), kept out of tuning.
    Then runs the claims check on its corpus (wasm/engine/testdata/claims.yaml: sentences with the date they are
    read on and the kind of claim the dataset contradicts, if any) and prints its precision and recall; a flag
    counts as right only with the labelled kind and a cited source.

FLAGS
    -corpus FILES  comma-separated corpus files (default: the three in wasm/engine/testdata); a file whose
                   name contains "heldback" is the held-back part
    -claims FILE   the claims corpus (default "wasm/engine/testdata/claims.yaml")
    -v             list every wrong or missed mention

EXIT STATUS
    0 when the targets are met (no false positive in trap-* categories; recall at least 0.98 in total; recall
    at least 0.97 and precision at least 0.99 on the held-back part; claims precision at least 0.98), 1 when
    not, 2 on bad usage or an unreadable corpus.

EXAMPLE
    go run ./build eval -v`,
	run: func(args []string) int {
		fs := flag.NewFlagSet("eval", flag.ContinueOnError)
		corpus := fs.String("corpus", strings.Join(defaultCorpus, ","), "labelled corpus files, comma-separated")
		claimsCorpus := fs.String("claims", defaultClaimsCorpus, "labelled claims corpus")
		verbose := fs.Bool("v", false, "list every error")
		if err := fs.Parse(args); err != nil {
			return 2
		}
		ds, err := loadDataset("data")
		if err != nil {
			return 2
		}
		var items []corpusItem
		for _, path := range strings.Split(*corpus, ",") {
			more, err := readCorpus(path)
			if err != nil {
				fmt.Fprintln(os.Stderr, "eval:", err)
				return 2
			}
			items = append(items, more...)
		}
		claims, err := readClaimsCorpus(*claimsCorpus)
		if err != nil {
			fmt.Fprintln(os.Stderr, "eval:", err)
			return 2
		}
		compiled := data.Compile(ds)
		s := score(compiled, items)
		s.print(os.Stdout, *verbose)
		ct, cerrs := scoreClaims(compiled, claims)
		fmt.Printf("\nclaims check: %d sentences, %d flags right, %d wrong, %d missed: precision %.3f (target >= %.2f), recall %.3f\n",
			ct.items, ct.tp, ct.fp, ct.fn, ct.precision(), claimsPrecisionTarget, ct.recall())
		if *verbose {
			for _, e := range cerrs {
				fmt.Println(e)
			}
		}
		if !s.meetsTargets() || ct.precision() < claimsPrecisionTarget {
			return 1
		}
		return 0
	},
}

var defaultCorpus = []string{"wasm/engine/testdata/corpus.yaml", "wasm/engine/testdata/corpus-realworld.yaml",
	"wasm/engine/testdata/corpus-heldback.yaml"}

// readDefaultCorpus reads every file of the default corpus.
func readDefaultCorpus() ([]corpusItem, error) {
	var items []corpusItem
	for _, path := range defaultCorpus {
		more, err := readCorpus(path)
		if err != nil {
			return nil, err
		}
		items = append(items, more...)
	}
	return items, nil
}

const (
	partTuning   = "tuning"
	partHeldBack = "held-back"
)

type corpusMention struct {
	ID   string `yaml:"id"`
	Text string `yaml:"text"`
}

type corpusItem struct {
	Category string          `yaml:"category"`
	Lang     string          `yaml:"lang"`
	Text     string          `yaml:"text"`
	Expect   []corpusMention `yaml:"expect"`
	Line     int             `yaml:"-"`
	File     string          `yaml:"-"`
	Part     string          `yaml:"-"` // partTuning or partHeldBack
}

func readCorpus(path string) ([]corpusItem, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var items []corpusItem
	if len(root.Content) == 0 {
		return nil, fmt.Errorf("%s: empty corpus", path)
	}
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(&items); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	part := partTuning
	if strings.Contains(filepath.Base(path), "heldback") {
		part = partHeldBack
	}
	for i, n := range root.Content[0].Content {
		if i < len(items) {
			items[i].Line = n.Line
		}
	}
	for i := range items {
		items[i].File, items[i].Part = filepath.Base(path), part
	}
	return items, nil
}

type tally struct{ tp, fp, fn, items int }

// add counts one sentence's tally.
func (t *tally) add(o *tally) {
	t.tp += o.tp
	t.fp += o.fp
	t.fn += o.fn
	t.items++
}

func (t tally) precision() float64 {
	if t.tp+t.fp == 0 {
		return 1
	}
	return float64(t.tp) / float64(t.tp+t.fp)
}

func (t tally) recall() float64 {
	if t.tp+t.fn == 0 {
		return 1
	}
	return float64(t.tp) / float64(t.tp+t.fn)
}

type evalResult struct {
	byCategory map[string]*tally
	byLang     map[string]*tally
	byPart     map[string]*tally
	total      tally
	errors     []string
}

// score compares the engine's mentions with the labels: a mention counts as
// right when entity and text are both right; order within a sentence is
// kept, duplicates count separately.
func score(d *engine.Dataset, items []corpusItem) *evalResult {
	r := &evalResult{byCategory: map[string]*tally{}, byLang: map[string]*tally{}, byPart: map[string]*tally{}}
	for _, it := range items {
		t := &tally{}
		want := map[corpusMention]int{}
		for _, m := range it.Expect {
			want[m]++
		}
		var got []corpusMention
		for _, m := range d.Find(it.Text) {
			got = append(got, corpusMention{ID: d.Entities[m.Entity].ID, Text: engine.Slice16(it.Text, m.Start, m.End)})
		}
		for _, g := range got {
			if want[g] > 0 {
				want[g]--
				t.tp++
			} else {
				t.fp++
				r.errors = append(r.errors, fmt.Sprintf("%s:%d [%s] false positive %s %q in %q", it.File, it.Line, it.Category, g.ID, g.Text, it.Text))
			}
		}
		for m, n := range want {
			for ; n > 0; n-- {
				t.fn++
				r.errors = append(r.errors, fmt.Sprintf("%s:%d [%s] missed %s %q in %q", it.File, it.Line, it.Category, m.ID, m.Text, it.Text))
			}
		}
		for _, group := range []struct {
			by  map[string]*tally
			key string
		}{{r.byCategory, it.Category}, {r.byLang, it.Lang}, {r.byPart, it.Part}} {
			g := group.by[group.key]
			if g == nil {
				g = &tally{}
				group.by[group.key] = g
			}
			g.add(t)
		}
		r.total.add(t)
	}
	sort.Strings(r.errors)
	return r
}

func (r *evalResult) trapFalsePositives() int {
	n := 0
	for c, t := range r.byCategory {
		if strings.HasPrefix(c, "trap") {
			n += t.fp
		}
	}
	return n
}

func (r *evalResult) meetsTargets() bool {
	held := r.byPart[partHeldBack]
	return r.trapFalsePositives() == 0 && r.total.recall() >= 0.98 &&
		(held == nil || held.recall() >= 0.97 && held.precision() >= 0.99)
}

func (r *evalResult) print(w *os.File, verbose bool) {
	row := func(name string, t tally) {
		fmt.Fprintf(w, "%-22s %5d %5d %4d %4d %9.3f %7.3f\n", name, t.items, t.tp, t.fp, t.fn, t.precision(), t.recall())
	}
	table := func(title string, by map[string]*tally) {
		keys := make([]string, 0, len(by))
		for k := range by {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		fmt.Fprintf(w, "%-22s %5s %5s %4s %4s %9s %7s\n", title, "items", "tp", "fp", "fn", "precision", "recall")
		for _, k := range keys {
			row(k, *by[k])
		}
		row("total", r.total)
		fmt.Fprintln(w)
	}
	table("kind", r.byCategory)
	table("language", r.byLang)
	table("part", r.byPart)
	fmt.Fprintf(w, "trap false positives: %d (target 0); recall %.3f (target >= 0.98)", r.trapFalsePositives(), r.total.recall())
	if held := r.byPart[partHeldBack]; held != nil {
		fmt.Fprintf(w, "; held-back precision %.3f (target >= 0.99), recall %.3f (target >= 0.97)", held.precision(), held.recall())
	}
	fmt.Fprintln(w)
	if verbose {
		for _, e := range r.errors {
			fmt.Fprintln(w, e)
		}
	} else if len(r.errors) > 0 {
		fmt.Fprintf(w, "%d wrong or missed mentions; -v lists them\n", len(r.errors))
	}
}
