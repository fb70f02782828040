package main

import (
	"strings"
	"testing"
)

// TestEvalTargets holds the matcher to issue 6's targets on the labelled
// corpus: no false positive on any trap, recall at least 0.98.
func TestEvalTargets(t *testing.T) {
	items, err := readDefaultCorpus()
	if err != nil {
		t.Fatal(err)
	}
	if len(items) < 1000 {
		t.Fatalf("corpus has only %d items", len(items))
	}
	r := score(compiledDataset(t), items)
	if !r.meetsTargets() {
		t.Errorf("trap false positives %d, recall %.3f:\n%s", r.trapFalsePositives(), r.total.recall(), strings.Join(r.errors, "\n"))
	}
	for c, tally := range r.byCategory {
		if !strings.HasPrefix(c, "trap") && tally.precision() < 0.95 {
			t.Errorf("%s: precision %.3f", c, tally.precision())
		}
	}
}
