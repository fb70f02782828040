//go:build !js

package main

import (
	"fmt"
	"os"
	"path/filepath"
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
	{"wasm", 670_320},       // factcard-HASH.wasm: the Go runtime and the engine, no data
	{"data", 297_140},       // factcard-data-HASH.bin: the compiled dataset, all a dataset update re-sends
	{"factcard.js", 14_540}, // loader, prefilter's first stage, text extraction, watching
	{"engine", 3_700},       // factcard-engine-HASH.js: wasm_exec.js, the engine loader, the worker's loop
	{"card", 14_420},        // factcard-card-HASH.js: the card: rendering, Floating UI, card and marks' CSS, marking, the article's date
	{"keys", 26_280},        // factcard-keys-HASH.js: the prefilter's second stage (the names' keys), the engine client
}

// noCandidateGoal caps what a page with no candidate downloads: factcard.js
// alone (issue #13: ≤ 15 KB brotli, in the size report's unit of 1,024
// bytes). What only a page with a candidate needs goes in the files it
// loads then: the prefilter's keys, the engine, the card (with the marks'
// CSS).
const noCandidateGoal = 15 << 10

const budgetSlack = 0.05

// measureParts returns the served size of each part of sizeBudget, each a
// file of a built dist directory.
func measureParts(dist string) (map[string]int, error) {
	paths := map[string]string{"factcard.js": filepath.Join(dist, "factcard.js")}
	for role, pattern := range builtPatterns {
		found, _ := filepath.Glob(filepath.Join(dist, pattern))
		if len(found) != 1 {
			return nil, fmt.Errorf("%s: %d files match %s, want one", dist, len(found), pattern)
		}
		paths[role] = found[0]
	}
	sizes := map[string]int{}
	for part, path := range paths {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		_, br := compress(b)
		sizes[part] = len(br)
	}
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
