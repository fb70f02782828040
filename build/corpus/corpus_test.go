//go:build !js

package corpus_test

import (
	"os"
	"strings"
	"sync"
	"testing"

	"factcard/build/cli"
	"factcard/build/corpus"
	"factcard/data"
	"factcard/wasm/engine"
)

// The corpora's paths are relative to the repository root.
func TestMain(m *testing.M) {
	if err := cli.ChdirRoot(); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}

var compiled = sync.OnceValues(func() (*engine.Dataset, error) {
	d, err := data.Load("data")
	if err != nil {
		return nil, err
	}
	return data.Compile(d), nil
})

func compiledDataset(t *testing.T) *engine.Dataset {
	t.Helper()
	d, err := compiled()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestEvalTargets holds the matcher to issue 6's targets on the labelled
// corpus: no false positive on any trap, recall at least 0.98.
func TestEvalTargets(t *testing.T) {
	items, err := corpus.ReadAll(corpus.Default)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) < 1000 {
		t.Fatalf("corpus has only %d items", len(items))
	}
	r := corpus.Score(compiledDataset(t), items)
	if !r.MeetsTargets() {
		t.Errorf("trap false positives %d, recall %.3f:\n%s", r.TrapFalsePositives(), r.Total.Recall(), strings.Join(r.Errors, "\n"))
	}
	for c, tally := range r.ByCategory {
		if !strings.HasPrefix(c, "trap") && tally.Precision() < 0.95 {
			t.Errorf("%s: precision %.3f", c, tally.Precision())
		}
	}
}

// TestClaimsCorpusTargets holds the claims check to issue 15's target on its
// labelled corpus: precision at least 0.98, with a source for every flag.
func TestClaimsCorpusTargets(t *testing.T) {
	items, err := corpus.ReadClaims(corpus.DefaultClaims)
	if err != nil {
		t.Fatal(err)
	}
	flagged := 0
	for _, it := range items {
		if it.Flag != "" {
			flagged++
		}
	}
	if len(items) < 70 || flagged < 25 || len(items)-flagged < 35 {
		t.Fatalf("claims corpus: %d sentences, %d labelled as contradicted: too few of either kind", len(items), flagged)
	}
	tl, errs := corpus.ScoreClaims(compiledDataset(t), items)
	if tl.Precision() < corpus.ClaimsPrecisionTarget {
		t.Errorf("claims precision %.3f < %.2f:\n%s", tl.Precision(), corpus.ClaimsPrecisionTarget, strings.Join(errs, "\n"))
	}
	t.Logf("claims: precision %.3f, recall %.3f on %d sentences", tl.Precision(), tl.Recall(), tl.Items)
}

// TestMatcherCorpusRaisesNoClaims: the matcher's corpus is 400-odd ordinary
// sentences naming companies, lists and orders ("removed from the base",
// "delisted in New York"); read on three dates, none is flagged.
func TestMatcherCorpusRaisesNoClaims(t *testing.T) {
	items, err := corpus.ReadAll(corpus.Default)
	if err != nil {
		t.Fatal(err)
	}
	d := compiledDataset(t)
	for _, date := range []string{"2021-02-10", "2022-03-01", "2026-06-01"} {
		day, _ := engine.ParseDay(date)
		for _, it := range items {
			for _, c := range d.Claims(it.Text, d.Find(it.Text), day) {
				t.Errorf("%s: line %d %q flagged %s: %s", date, it.Line, it.Text, c.Kind, c.Record)
			}
		}
	}
}
