//go:build !js

package cli

import (
	"regexp"
	"strings"
	"testing"

	"github.com/goccy/go-json"

	"factcard/data"
)

// TestExportJSONKeysAreLowerCase: export -format json names every key as
// the rest of factcard's JSON does ("id", "legalNames"), never by a Go field
// name ("ID", "LegalNames").
func TestExportJSONKeysAreLowerCase(t *testing.T) {
	d, err := data.Load("../../data/testdata/valid")
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(exportJSON(d))
	if err != nil {
		t.Fatal(err)
	}
	out := string(b)
	if bad := regexp.MustCompile(`"[A-Z][A-Za-z]*":`).FindAllString(out, -1); len(bad) > 0 {
		t.Errorf("keys with Go names: %v", bad)
	}
	for _, want := range []string{`"id":"acme"`, `"asListed":"ACME FIXTURE CORP."`, `"checkedThrough":"2021-05-01"`, `"effectShort":"fixture effect"`, `"file":"valid/entities/acme.yaml"`} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %s:\n%s", want, out)
		}
	}
}
