//go:build !js

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"factcard/data"
)

// budgetDist is the browser tests' build, or one built once for the tests
// that need no browser.
var budgetDist = sync.OnceValues(func() (string, error) {
	if builtDist != "" {
		return builtDist, nil
	}
	dir, err := os.MkdirTemp("", "factcard-budget-")
	if err != nil {
		return "", err
	}
	budgetTemp = dir
	return dir, buildDist(dir, os.Stderr)
})

// budgetTemp is the folder budgetDist built into, which TestMain removes.
var budgetTemp string

// TestSizeBudget holds each served file of a build to sizeBudget.
func TestSizeBudget(t *testing.T) {
	dist, err := budgetDist()
	if err != nil {
		t.Fatal(err)
	}
	sizes, err := measureParts(dist)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("brotli sizes: %v", sizes)
	for _, err := range overBudget(sizes) {
		t.Error(err)
	}
}

// TestRuntimeHoldsNoDataset: the dataset's own strings are in the dataset
// file and not in the runtime, so a dataset update leaves the runtime's
// bytes, and so its name and readers' cached copy, as they were.
func TestRuntimeHoldsNoDataset(t *testing.T) {
	dist, err := budgetDist()
	if err != nil {
		t.Fatal(err)
	}
	read := func(role string) []byte {
		found, _ := filepath.Glob(filepath.Join(dist, builtPatterns[role]))
		if len(found) != 1 {
			t.Fatalf("%s files: %v", role, found)
		}
		b, err := os.ReadFile(found[0])
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	runtime, dataset := read("wasm"), read("data")
	d, err := data.Load("data")
	if err != nil {
		t.Fatal(err)
	}
	compiled := data.Compile(d)
	checked := 0
	for _, e := range compiled.Entities {
		if len(e.ID) < 12 { // long ids only: a short one may be any word of the code
			continue
		}
		checked++
		if !bytes.Contains(dataset, []byte(e.ID)) {
			t.Errorf("the dataset file lacks the id %q", e.ID)
		}
		if bytes.Contains(runtime, []byte(e.ID)) {
			t.Errorf("the runtime holds the dataset's id %q", e.ID)
		}
	}
	if checked < 100 {
		t.Errorf("only %d ids checked", checked)
	}
}

func TestSizeBudgetCatchesGrowthAndShrinking(t *testing.T) {
	sizes := map[string]int{}
	for _, b := range sizeBudget {
		sizes[b.part] = b.bytes
	}
	if errs := overBudget(sizes); len(errs) != 0 {
		t.Fatalf("sizes equal to the budget fail it: %v", errs)
	}
	first := sizeBudget[0]
	for _, scale := range []float64{1.06, 0.94} {
		sizes[first.part] = int(float64(first.bytes) * scale)
		if errs := overBudget(sizes); len(errs) != 1 {
			t.Errorf("%s at %.0f%% of its budget: %v", first.part, scale*100, errs)
		}
	}
	delete(sizes, first.part)
	if errs := overBudget(sizes); len(errs) != 1 {
		t.Errorf("an unmeasured part passes: %v", errs)
	}
}

func TestSizeBudgetHoldsTheNoCandidateGoal(t *testing.T) {
	sizes := map[string]int{}
	for _, b := range sizeBudget {
		sizes[b.part] = b.bytes
	}
	sizes["factcard.js"] = noCandidateGoal + 1
	errs := overBudget(sizes)
	if len(errs) == 0 || !strings.Contains(errs[0].Error(), "no candidate") {
		t.Errorf("factcard.js over %d bytes passes: %v", noCandidateGoal, errs)
	}
}
