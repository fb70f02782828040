//go:build !js

// Package corpus reads the labelled corpora in wasm/engine/testdata and
// scores the engine on them: the matcher's mentions (precision and recall
// per kind, language and part) and the claims check's flags.
package corpus

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"factcard/wasm/engine"
)

// Blind are the parts labelled apart from the matcher, in the order they
// were written (each file's header says how), which eval prints one by one
// and holds to no target.
var Blind = []string{"wasm/engine/testdata/corpus-blind.yaml", "wasm/engine/testdata/corpus-blind-2.yaml",
	"wasm/engine/testdata/corpus-blind-3.yaml", "wasm/engine/testdata/corpus-blind-4.yaml",
	"wasm/engine/testdata/corpus-blind-5.yaml", "wasm/engine/testdata/corpus-blind-6.yaml"}

// Default is the matcher's corpus, relative to the repository root.
var Default = []string{"wasm/engine/testdata/corpus.yaml", "wasm/engine/testdata/corpus-realworld.yaml",
	"wasm/engine/testdata/corpus-heldback.yaml"}

// ReadAll reads the files at paths (Default, Blind) as one list.
func ReadAll(paths []string) ([]Item, error) {
	var items []Item
	for _, path := range paths {
		more, err := Read(path)
		if err != nil {
			return nil, err
		}
		items = append(items, more...)
	}
	return items, nil
}

// The corpus's two parts: the one the matcher was tuned on, and the one
// kept out of tuning.
const (
	PartTuning   = "tuning"
	PartHeldBack = "held-back"
)

// Mention is a mention a careful reader expects: the entity and the text.
type Mention struct {
	ID   string `yaml:"id"`
	Text string `yaml:"text"`
}

// Item is one labelled sentence.
type Item struct {
	Category string    `yaml:"category"`
	Lang     string    `yaml:"lang"`
	Text     string    `yaml:"text"`
	Expect   []Mention `yaml:"expect"`
	Line     int       `yaml:"-"`
	File     string    `yaml:"-"`
	Part     string    `yaml:"-"` // PartTuning or PartHeldBack
}

// Read reads one file of the matcher's corpus; a file whose name contains
// "heldback" is the held-back part.
func Read(path string) ([]Item, error) {
	items, lines, err := readList[Item](path)
	if err != nil {
		return nil, err
	}
	part := PartTuning
	if strings.Contains(filepath.Base(path), "heldback") {
		part = PartHeldBack
	}
	for i := range items {
		items[i].Line, items[i].File, items[i].Part = lines[i], filepath.Base(path), part
	}
	return items, nil
}

// readList reads a YAML list of T strictly (an unknown key is an error)
// and the line of each element, for messages that name it.
func readList[T any](path string) ([]T, []int, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(root.Content) == 0 {
		return nil, nil, fmt.Errorf("%s: empty corpus", path)
	}
	var items []T
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&items); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	lines := make([]int, len(items))
	for i, n := range root.Content[0].Content {
		if i < len(lines) {
			lines[i] = n.Line
		}
	}
	return items, lines, nil
}

// Tally counts right (TP), wrong (FP) and missed (FN) answers over Items.
type Tally struct{ TP, FP, FN, Items int }

// add counts one sentence's Tally.
func (t *Tally) add(o *Tally) {
	t.TP += o.TP
	t.FP += o.FP
	t.FN += o.FN
	t.Items++
}

func (t Tally) Precision() float64 {
	if t.TP+t.FP == 0 {
		return 1
	}
	return float64(t.TP) / float64(t.TP+t.FP)
}

func (t Tally) Recall() float64 {
	if t.TP+t.FN == 0 {
		return 1
	}
	return float64(t.TP) / float64(t.TP+t.FN)
}

type Result struct {
	ByCategory map[string]*Tally
	ByLang     map[string]*Tally
	ByPart     map[string]*Tally
	Total      Tally
	Errors     []string
}

// score compares the engine's mentions with the labels: a mention counts as
// right when entity and text are both right; order within a sentence is
// kept, duplicates count separately.
func Score(d *engine.Dataset, items []Item) *Result {
	r := &Result{ByCategory: map[string]*Tally{}, ByLang: map[string]*Tally{}, ByPart: map[string]*Tally{}}
	for _, it := range items {
		t := &Tally{}
		want := map[Mention]int{}
		for _, m := range it.Expect {
			want[m]++
		}
		var got []Mention
		for _, m := range d.Find(it.Text) {
			got = append(got, Mention{ID: d.Entities[m.Entity].ID, Text: engine.Slice16(it.Text, m.Start, m.End)})
		}
		for _, g := range got {
			if want[g] > 0 {
				want[g]--
				t.TP++
			} else {
				t.FP++
				r.Errors = append(r.Errors, fmt.Sprintf("%s:%d [%s] false positive %s %q in %q", it.File, it.Line, it.Category, g.ID, g.Text, it.Text))
			}
		}
		for m, n := range want {
			for ; n > 0; n-- {
				t.FN++
				r.Errors = append(r.Errors, fmt.Sprintf("%s:%d [%s] missed %s %q in %q", it.File, it.Line, it.Category, m.ID, m.Text, it.Text))
			}
		}
		for _, group := range []struct {
			by  map[string]*Tally
			key string
		}{{r.ByCategory, it.Category}, {r.ByLang, it.Lang}, {r.ByPart, it.Part}} {
			g := group.by[group.key]
			if g == nil {
				g = &Tally{}
				group.by[group.key] = g
			}
			g.add(t)
		}
		r.Total.add(t)
	}
	sort.Strings(r.Errors)
	return r
}

func (r *Result) TrapFalsePositives() int {
	n := 0
	for c, t := range r.ByCategory {
		if strings.HasPrefix(c, "trap") {
			n += t.FP
		}
	}
	return n
}

func (r *Result) MeetsTargets() bool {
	held := r.ByPart[PartHeldBack]
	return r.TrapFalsePositives() == 0 && r.Total.Recall() >= 0.98 &&
		(held == nil || held.Recall() >= 0.97 && held.Precision() >= 0.99)
}

func (r *Result) Print(w io.Writer, verbose bool) {
	row := func(name string, t Tally) {
		fmt.Fprintf(w, "%-22s %5d %5d %4d %4d %9.3f %7.3f\n", name, t.Items, t.TP, t.FP, t.FN, t.Precision(), t.Recall())
	}
	table := func(title string, by map[string]*Tally) {
		keys := make([]string, 0, len(by))
		for k := range by {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		fmt.Fprintf(w, "%-22s %5s %5s %4s %4s %9s %7s\n", title, "items", "tp", "fp", "fn", "precision", "recall")
		for _, k := range keys {
			row(k, *by[k])
		}
		row("total", r.Total)
		fmt.Fprintln(w)
	}
	table("kind", r.ByCategory)
	table("language", r.ByLang)
	table("part", r.ByPart)
	fmt.Fprintf(w, "trap false positives: %d (target 0); recall %.3f (target >= 0.98)", r.TrapFalsePositives(), r.Total.Recall())
	if held := r.ByPart[PartHeldBack]; held != nil {
		fmt.Fprintf(w, "; held-back precision %.3f (target >= 0.99), recall %.3f (target >= 0.97)", held.Precision(), held.Recall())
	}
	fmt.Fprintln(w)
	if verbose {
		for _, e := range r.Errors {
			fmt.Fprintln(w, e)
		}
	} else if len(r.Errors) > 0 {
		fmt.Fprintf(w, "%d wrong or missed mentions; -v lists them\n", len(r.Errors))
	}
}

// PrintSummary prints the precision and recall per language and in total,
// and the trap false positives: for a part that has no targets.
func (r *Result) PrintSummary(w io.Writer) {
	langs := make([]string, 0, len(r.ByLang))
	for k := range r.ByLang {
		langs = append(langs, k)
	}
	sort.Strings(langs)
	fmt.Fprintf(w, "%-22s %5s %5s %4s %4s %9s %7s\n", "language", "items", "tp", "fp", "fn", "precision", "recall")
	for _, k := range append(langs, "total") {
		t := r.Total
		if k != "total" {
			t = *r.ByLang[k]
		}
		fmt.Fprintf(w, "%-22s %5d %5d %4d %4d %9.3f %7.3f\n", k, t.Items, t.TP, t.FP, t.FN, t.Precision(), t.Recall())
	}
	fmt.Fprintf(w, "trap false positives: %d\n", r.TrapFalsePositives())
}
