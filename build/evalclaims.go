//go:build !js

package main

import (
	"fmt"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"

	"factcard/wasm/engine"
)

// The claims check's labelled corpus: sentences written for factcard, each
// with the kind of claim the dataset contradicts, or none.

const defaultClaimsCorpus = "wasm/engine/testdata/claims.yaml"

// claimsPrecisionTarget: a flag tells a writer their sentence is wrong, so
// almost every flag must be right.
const claimsPrecisionTarget = 0.98

type claimItem struct {
	Text string `yaml:"text"`
	Date string `yaml:"date"`
	Flag string `yaml:"flag"` // the kind the record contradicts; "" when it does not
	Line int    `yaml:"-"`
}

func readClaimsCorpus(path string) ([]claimItem, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(root.Content) == 0 {
		return nil, fmt.Errorf("%s: empty corpus", path)
	}
	var items []claimItem
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(&items); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var errs []string
	for i, n := range root.Content[0].Content {
		items[i].Line = n.Line
		if _, ok := engine.ParseDay(items[i].Date); !ok {
			errs = append(errs, fmt.Sprintf("%s:%d: date must be YYYY-MM-DD, got %q", path, n.Line, items[i].Date))
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return items, nil
}

// scoreClaims runs the claims check on each sentence for its date. A flag
// is right when its kind is the label's and it cites a source; anything
// else flagged is a false positive, a label without its flag a miss.
func scoreClaims(d *engine.Dataset, items []claimItem) (tally, []string) {
	var t tally
	var errs []string
	for _, it := range items {
		t.items++
		day, _ := engine.ParseDay(it.Date)
		found := false
		for _, c := range d.Claims(it.Text, d.Find(it.Text), day) {
			if c.Kind == it.Flag && c.Source >= 0 && !found {
				found = true
				t.tp++
				continue
			}
			t.fp++
			errs = append(errs, fmt.Sprintf("line %d false flag %s (source %d) on %q (%s): %s", it.Line, c.Kind, c.Source, it.Text, it.Date, c.Record))
		}
		if it.Flag != "" && !found {
			t.fn++
			errs = append(errs, fmt.Sprintf("line %d missed %s in %q (%s)", it.Line, it.Flag, it.Text, it.Date))
		}
	}
	return t, errs
}
