//go:build !js

package main

import (
	"encoding/json"
	"regexp"
	"slices"
	"testing"

	"factcard/build/report"
)

// TestWidgetHoldsTheReportsArticleRules: the widget's lists of skipped and
// block elements, structural elements and boilerplate words are the
// report's, written in by the build (widget/factcard.js holds only
// placeholders), so the page and the report cannot drift apart.
func TestWidgetHoldsTheReportsArticleRules(t *testing.T) {
	js, err := widgetScript("version", builtFiles{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		want []string
	}{
		{"SKIP", append(slices.Clone(report.SkippedElements), "factcard-card")},
		{"BLOCKS", report.BlockElements},
		{"STRUCTURAL", report.StructuralElements},
		{"BOILERPLATE", report.BoilerplateWords},
	} {
		m := regexp.MustCompile(`const ` + tc.name + ` = new Set\((\[[^\]]*\])\);`).FindSubmatch(js)
		if m == nil {
			t.Errorf("the built widget has no %s set", tc.name)
			continue
		}
		var got []string
		if err := json.Unmarshal(m[1], &got); err != nil {
			t.Errorf("%s: %v in %s", tc.name, err, m[1])
			continue
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s in the built widget:\n%q\nwant the report's\n%q", tc.name, got, tc.want)
		}
	}
	if m := regexp.MustCompile(`"__[A-Z_]+__"`).Find(js); m != nil {
		t.Errorf("the built widget still holds the placeholder %s", m)
	}
}
