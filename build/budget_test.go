//go:build !js

package main

import (
	"os"
	"strings"
	"testing"
)

// TestSizeBudget builds dist/ (or uses the browser tests' build) and holds
// the wasm, the dataset and the loader to sizeBudget.
func TestSizeBudget(t *testing.T) {
	dist := builtDist
	if dist == "" {
		dist = t.TempDir()
		if err := buildDist(dist, os.Stderr); err != nil {
			t.Fatal(err)
		}
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
