//go:build !js

package main

import (
	"fmt"
	"os"
	"path/filepath"

	"factcard/data"
)

// sizeBudget is the one table of what a reader downloads, in bytes as
// served (brotli 11): each part must stay within budgetSlack of its number,
// either way, so growth is a decision and a saving is recorded. Update a
// number here when a change (more data, a new feature) is meant to move it;
// TestSizeBudget prints the measured sizes.
var sizeBudget = []struct {
	part  string
	bytes int
}{
	{"factcard.wasm", 786_000},   // Go runtime, engine and the dataset built in
	{"dataset", 228_000},         // the compiled dataset alone (data.Compile(...).Encode())
	{"factcard.js", 23_450},      // loader, prefilter tables, text extraction, marking, page CSS
	{"factcard-card.js", 12_700}, // the card: rendering, Floating UI, card CSS (pages with a candidate only)
}

// noCandidateGoal caps what a page with no candidate downloads: factcard.js
// alone (issue #13: ≤ 15 KB brotli).
const noCandidateGoal = 15_000

const budgetSlack = 0.05

// measureParts returns the served size of each part of sizeBudget in a
// built dist directory.
func measureParts(dist string) (map[string]int, error) {
	sizes := map[string]int{}
	for _, name := range []string{"factcard.wasm", "factcard.js", "factcard-card.js"} {
		b, err := os.ReadFile(filepath.Join(dist, name))
		if err != nil {
			return nil, err
		}
		_, br := compress(b)
		sizes[name] = len(br)
	}
	d, err := data.Load("data")
	if err != nil {
		return nil, err
	}
	_, br := compress(data.Compile(d).Encode())
	sizes["dataset"] = len(br)
	return sizes, nil
}

// overBudget lists every part outside its budget.
func overBudget(sizes map[string]int) []error {
	var errs []error
	if got := sizes["factcard.js"]; got > noCandidateGoal {
		errs = append(errs, fmt.Errorf("factcard.js is %d bytes brotli, over the %d a page with no candidate may download: "+
			"move what only a page with mentions needs into widget/card.js", got, noCandidateGoal))
	}
	for _, b := range sizeBudget {
		got, ok := sizes[b.part]
		if !ok {
			errs = append(errs, fmt.Errorf("%s: not measured", b.part))
			continue
		}
		if ratio := float64(got) / float64(b.bytes); ratio > 1+budgetSlack || ratio < 1-budgetSlack {
			errs = append(errs, fmt.Errorf("%s is %d bytes brotli, %.1f%% of its budget of %d (allowed: ±%.0f%%); "+
				"if the change is meant, update sizeBudget in build/budget.go", b.part, got, ratio*100, b.bytes, budgetSlack*100))
		}
	}
	return errs
}
