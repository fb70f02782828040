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

// TestCoordinatorDeadlineRace pins the one fuzz failure that is rerun: CI
// failed on FuzzAppendJSONString with the bare coordinator error of
// go.dev/issue/75804 (first output below, as printed); a target that finds a
// failing input must still fail at once (second, from a target that failed).
func TestCoordinatorDeadlineRace(t *testing.T) {
	for _, tc := range []struct {
		output string
		race   bool
	}{
		{"fuzz: elapsed: 11s, execs: 14810 (0/sec), new interesting: 1 (total: 77)\n--- FAIL: FuzzAppendJSONString (10.69s)\n    context deadline exceeded\nFAIL\nexit status 1\n", true},
		{"--- FAIL: FuzzX (0.14s)\n    --- FAIL: FuzzX (0.00s)\n        f_test.go:6: boom\n    \n    Failing input written to testdata/fuzz/FuzzX/310637d0c4244160\n    To re-run:\n    go test -run=FuzzX/310637d0c4244160\nFAIL\n", false},
		{"--- FAIL: FuzzX (0.14s)\n    --- FAIL: FuzzX (0.00s)\n        f_test.go:6: context deadline exceeded\n    \n    Failing input written to testdata/fuzz/FuzzX/1\nFAIL\n", false},
		{"# factcard/wasm/engine\nwasm/engine/x_test.go:3:1: syntax error\nFAIL\n", false},
	} {
		if got := coordinatorDeadlineRace(tc.output); got != tc.race {
			t.Errorf("coordinatorDeadlineRace(%q) = %v, want %v", tc.output, got, tc.race)
		}
	}
}
