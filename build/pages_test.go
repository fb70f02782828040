//go:build !js

package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"factcard/build/report"
	"factcard/data"
	"factcard/wasm/engine"

	"factcard/internal/fixture"
)

var update = flag.Bool("update", false, "rewrite the golden files")

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
	fixture.Require(t, pagesDir)
	pages, _ := filepath.Glob(filepath.Join(pagesDir, "*", "source.html"))
	if len(pages) == 0 {
		t.Fatalf("no pages in %s", pagesDir)
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
		r, err := report.Check(d, p, src, engine.NoDay)
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

// TestTrapPage: a page written for the tests, with names in navigation,
// cookie banners, badges, related links, share tools, form fields, editors,
// templates, code, URLs and hidden text. Only the prose mentions are found.
func TestTrapPage(t *testing.T) {
	src, err := os.ReadFile("build/testdata/traps.html")
	if err != nil {
		t.Fatal(err)
	}
	r, err := report.Check(compiledDataset(t), "traps.html", src, engine.NoDay)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range r.Mentions {
		got = append(got, m.ID+":"+m.Text)
	}
	want := "zte:ZTE,hikvision:Hikvision,eo-13959:Executive Order 13959,huawei:Huawei"
	if strings.Join(got, ",") != want {
		t.Errorf("marks %v\nwant %s", got, want)
	}
	if r.ArticleDate == nil || *r.ArticleDate != "2021-02-10" {
		t.Errorf("date %v", r.ArticleDate)
	}
}

// TestSharedPageDates: where readability's expected metadata has a
// publication time, factcard reads the same calendar day.
func TestSharedPageDates(t *testing.T) {
	d := compiledDataset(t)
	for _, p := range sharedPages(t) {
		meta, err := os.ReadFile(filepath.Join(filepath.Dir(p), "expected-metadata.json"))
		if err != nil {
			continue
		}
		var m struct {
			PublishedTime *string `json:"publishedTime"`
		}
		if err := json.Unmarshal(meta, &m); err != nil || m.PublishedTime == nil {
			continue
		}
		want, ok := engine.ParsePublished(*m.PublishedTime)
		if !ok {
			t.Fatalf("%s: cannot parse expected %q", p, *m.PublishedTime)
		}
		src, _ := os.ReadFile(p)
		r, err := report.Check(d, p, src, engine.NoDay)
		if err != nil {
			t.Fatal(err)
		}
		if r.ArticleDate == nil || *r.ArticleDate != want.String() {
			t.Errorf("%s: date %s, want %s", filepath.Base(filepath.Dir(p)), deref(r.ArticleDate), want)
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return "<none>"
	}
	return *s
}
