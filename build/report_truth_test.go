//go:build !js

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The report words a company's standing as its card does: a start known
// only from a later edition is "at the latest", a vacatur says so, and a
// listing that moved from one entry to another has no break (the invented
// dataset in data/testdata/courts).
func TestReportSaysWhatTheRecordSupports(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "draft.html")
	draft := `<article><p>Acme Unknown Holdings and Acme Renamed Group were named.</p>
<p>Acme Vacated Corporation went to court.</p></article>`
	if err := os.WriteFile(file, []byte(draft), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runBuild(t, "report", "-data", "data/testdata/courts", "-date", "2021-05-26", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"mil-list as of 2026-11-01: Listed since 2022-10-05 at the latest; not checked after 2026-06-10",
		"mil-list as of 2026-11-01: Listed since 2021-06-03; not checked after 2026-06-10",
		"ban-list on the article's date: Not listed: the Fixture District Court vacated the designation on 2021-05-25",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
}
