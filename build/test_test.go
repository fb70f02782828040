//go:build !js

package main

import (
	"slices"
	"testing"
)

// TestFuzzTargetsAreFound: the CI's short fuzz run covers every fuzz target.
func TestFuzzTargetsAreFound(t *testing.T) {
	targets, err := fuzzTargets(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []fuzzTarget{{"./data", "FuzzLoad"}, {"./wasm/engine", "FuzzFind"}} {
		if !slices.Contains(targets, want) {
			t.Errorf("fuzz targets %v lack %v", targets, want)
		}
	}
}
