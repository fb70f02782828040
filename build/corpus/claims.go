//go:build !js

package corpus

import (
	"errors"
	"fmt"
	"strings"

	"factcard/wasm/engine"
)

// The claims check's labelled corpus: sentences written for factcard, each
// with the kind of claim the dataset contradicts, or none.

// DefaultClaims is the claims corpus, relative to the repository root.
const DefaultClaims = "wasm/engine/testdata/claims.yaml"

// ClaimsPrecisionTarget: a flag tells a writer their sentence is wrong, so
// almost every flag must be right.
const ClaimsPrecisionTarget = 0.98

// ClaimItem is one labelled sentence of the claims corpus.
type ClaimItem struct {
	Text string `yaml:"text"`
	Date string `yaml:"date"`
	Flag string `yaml:"flag"` // the kind the record contradicts; "" when it does not
	Line int    `yaml:"-"`
}

// ReadClaims reads the claims corpus, refusing a sentence without a date.
func ReadClaims(path string) ([]ClaimItem, error) {
	items, lines, err := readList[ClaimItem](path)
	if err != nil {
		return nil, err
	}
	var errs []string
	for i := range items {
		items[i].Line = lines[i]
		if _, ok := engine.ParseDay(items[i].Date); !ok {
			errs = append(errs, fmt.Sprintf("%s:%d: date must be YYYY-MM-DD, got %q", path, lines[i], items[i].Date))
		}
	}
	if len(errs) > 0 {
		return nil, errors.New(strings.Join(errs, "\n"))
	}
	return items, nil
}

// ScoreClaims runs the claims check on each sentence for its date. A flag
// is right when its kind is the label's and it cites a source; anything
// else flagged is a false positive, a label without its flag a miss.
func ScoreClaims(d *engine.Dataset, items []ClaimItem) (Tally, []string) {
	var t Tally
	var errs []string
	for _, it := range items {
		t.Items++
		day, _ := engine.ParseDay(it.Date)
		found := false
		for _, c := range d.Claims(it.Text, d.Find(it.Text), day) {
			if c.Kind == it.Flag && c.Source >= 0 && !found {
				found = true
				t.TP++
				continue
			}
			t.FP++
			errs = append(errs, fmt.Sprintf("line %d false flag %s (source %d) on %q (%s): %s", it.Line, c.Kind, c.Source, it.Text, it.Date, c.Record))
		}
		if it.Flag != "" && !found {
			t.FN++
			errs = append(errs, fmt.Sprintf("line %d missed %s in %q (%s)", it.Line, it.Flag, it.Text, it.Date))
		}
	}
	return t, errs
}
