//go:build !js

package main

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"factcard/data"
	"factcard/wasm/engine"
)

var evalCmd = &command{
	name:    "eval",
	usage:   "eval [-corpus FILE] [-claims FILE] [-v]",
	summary: "score the matcher and the claims check against their labelled corpora: precision and recall",
	help: `DESCRIPTION
    Runs the engine on every sentence of the labelled corpus (wasm/engine/testdata/corpus.yaml: sentences written
    for factcard, each with the mentions a careful reader expects) and prints true positives, false positives,
    false negatives, precision and recall per category and in total. Categories named trap-* expect no mention.
    Then runs the claims check on its corpus (wasm/engine/testdata/claims.yaml: sentences with the date they are
    read on and the kind of claim the dataset contradicts, if any) and prints its precision and recall; a flag
    counts as right only with the labelled kind and a cited source.

FLAGS
    -corpus FILE   the corpus (default "wasm/engine/testdata/corpus.yaml")
    -claims FILE   the claims corpus (default "wasm/engine/testdata/claims.yaml")
    -v             list every wrong or missed mention

EXIT STATUS
    0 when the targets are met (no false positive in trap-* categories, recall at least 0.98; claims precision
    at least 0.98), 1 when not,
    2 on bad usage or an unreadable corpus.

EXAMPLE
    go run ./build eval -v`,
	run: func(args []string) int {
		fs := flag.NewFlagSet("eval", flag.ContinueOnError)
		corpus := fs.String("corpus", defaultCorpus, "labelled corpus")
		claimsCorpus := fs.String("claims", defaultClaimsCorpus, "labelled claims corpus")
		verbose := fs.Bool("v", false, "list every error")
		if err := fs.Parse(args); err != nil {
			return 2
		}
		ds, err := loadDataset("data")
		if err != nil {
			return 2
		}
		items, err := readCorpus(*corpus)
		if err != nil {
			fmt.Fprintln(os.Stderr, "eval:", err)
			return 2
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

const defaultCorpus = "wasm/engine/testdata/corpus.yaml"

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
	for i, n := range root.Content[0].Content {
		if i < len(items) {
			items[i].Line = n.Line
		}
	}
	return items, nil
}

type tally struct{ tp, fp, fn, items int }

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
	total      tally
	errors     []string
}

// score compares the engine's mentions with the labels: a mention counts as
// right when entity and text are both right; order within a sentence is
// kept, duplicates count separately.
func score(d *engine.Dataset, items []corpusItem) *evalResult {
	r := &evalResult{byCategory: map[string]*tally{}}
	for _, it := range items {
		t := r.byCategory[it.Category]
		if t == nil {
			t = &tally{}
			r.byCategory[it.Category] = t
		}
		t.items++
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
				r.errors = append(r.errors, fmt.Sprintf("line %d [%s] false positive %s %q in %q", it.Line, it.Category, g.ID, g.Text, it.Text))
			}
		}
		for m, n := range want {
			for ; n > 0; n-- {
				t.fn++
				r.errors = append(r.errors, fmt.Sprintf("line %d [%s] missed %s %q in %q", it.Line, it.Category, m.ID, m.Text, it.Text))
			}
		}
	}
	for _, t := range r.byCategory {
		r.total.tp += t.tp
		r.total.fp += t.fp
		r.total.fn += t.fn
		r.total.items += t.items
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
	return r.trapFalsePositives() == 0 && r.total.recall() >= 0.98
}

func (r *evalResult) print(w *os.File, verbose bool) {
	cats := make([]string, 0, len(r.byCategory))
	for c := range r.byCategory {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	fmt.Fprintf(w, "%-22s %5s %5s %4s %4s %9s %7s\n", "category", "items", "tp", "fp", "fn", "precision", "recall")
	row := func(name string, t tally) {
		fmt.Fprintf(w, "%-22s %5d %5d %4d %4d %9.3f %7.3f\n", name, t.items, t.tp, t.fp, t.fn, t.precision(), t.recall())
	}
	for _, c := range cats {
		row(c, *r.byCategory[c])
	}
	row("total", r.total)
	fmt.Fprintf(w, "trap false positives: %d (target 0); recall %.3f (target >= 0.98)\n", r.trapFalsePositives(), r.total.recall())
	if verbose {
		for _, e := range r.errors {
			fmt.Fprintln(w, e)
		}
	} else if len(r.errors) > 0 {
		fmt.Fprintf(w, "%d wrong or missed mentions; -v lists them\n", len(r.errors))
	}
}
