package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"factcard/data"
	"factcard/wasm/engine"
)

var update = flag.Bool("update", false, "rewrite the golden files")

const pagesDir = "../shared/testdata/pages"

func compiledDataset(t testing.TB) *engine.Dataset {
	t.Helper()
	d, err := data.Load("data")
	if err != nil {
		t.Fatal(err)
	}
	return data.Compile(d)
}

func sharedPages(t testing.TB) []string {
	t.Helper()
	pages, _ := filepath.Glob(filepath.Join(pagesDir, "*", "source.html"))
	if len(pages) == 0 {
		t.Skip("no shared test pages beside the repository")
	}
	return pages
}

// TestSharedPagesSnapshot pins what factcard marks on each real page in
// ../shared/testdata/pages, and the date it reads: reviewed by hand once
// (docs/matching.md), then any change shows up here. Run with -update to
// accept a reviewed change.
func TestSharedPagesSnapshot(t *testing.T) {
	d := compiledDataset(t)
	var b strings.Builder
	for _, p := range sharedPages(t) {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		r, err := reportFile(d, p, src, engine.NoDay)
		if err != nil {
			t.Fatal(err)
		}
		date := "none"
		if r.ArticleDate != nil {
			date = *r.ArticleDate
		}
		fmt.Fprintf(&b, "%s date=%s mentions=%d\n", filepath.Base(filepath.Dir(p)), date, len(r.Mentions))
		for _, m := range r.Mentions {
			fmt.Fprintf(&b, "  %d-%d %s %q\n", m.Start, m.End, m.ID, m.Text)
		}
	}
	golden := "build/testdata/pages.golden"
	if *update {
		os.MkdirAll(filepath.Dir(golden), 0o755)
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./build -run SharedPages -update, then review the file)", err)
	}
	if b.String() != string(want) {
		t.Errorf("marks on the shared pages changed; review and run with -update:\n--- got\n%s\n--- want\n%s", b.String(), want)
	}
}
