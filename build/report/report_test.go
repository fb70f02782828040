//go:build !js

package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"factcard/data"
	"factcard/wasm/engine"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the current output")

var compiled = sync.OnceValues(func() (*engine.Dataset, error) {
	d, err := data.Load("../../data")
	if err != nil {
		return nil, err
	}
	return data.Compile(d), nil
})

func compiledDataset(t testing.TB) *engine.Dataset {
	t.Helper()
	d, err := compiled()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// versionStandIn replaces the dataset's version (its as-of date and a hash
// of its files) in the golden files, so that a change to any data file does
// not touch them unless it changes what the report says.
const versionStandIn = "DATASET-VERSION"

// TestGolden pins the report's output on the articles in
// testdata/articles (HTML with furniture, a claim the record contradicts and
// a misspelling; Markdown with front matter; plain text; an article that
// names nothing): JSON for one file and for several, Markdown, text, and
// with -date given. Run with -update to accept a reviewed change.
func TestGolden(t *testing.T) {
	d := compiledDataset(t)
	files, err := ExpandFiles([]string{"testdata/articles"})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 4 {
		t.Fatalf("articles: %v", files)
	}
	all, err := Files(d, files, engine.NoDay, nil)
	if err != nil {
		t.Fatal(err)
	}
	override, _ := engine.ParseDay("2023-01-01")
	dated, err := Files(d, files, override, nil)
	if err != nil {
		t.Fatal(err)
	}
	text := func(markdown bool) func(*bytes.Buffer) error {
		return func(b *bytes.Buffer) error {
			for _, r := range all {
				WriteText(b, r, markdown)
			}
			return nil
		}
	}
	for _, tc := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"all.json", func(b *bytes.Buffer) error { return WriteJSON(b, all) }},
		{"one.json", func(b *bytes.Buffer) error { return WriteJSON(b, all[:1]) }},
		{"dated-2023-01-01.json", func(b *bytes.Buffer) error { return WriteJSON(b, dated) }},
		{"all.md", text(true)},
		{"all.txt", text(false)},
	} {
		var b bytes.Buffer
		if err := tc.write(&b); err != nil {
			t.Fatal(err)
		}
		got := strings.ReplaceAll(b.String(), d.Version(), versionStandIn)
		path := filepath.Join("testdata", "golden", tc.name)
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./build/report -update to write it)", err)
		}
		if got != string(want) {
			t.Errorf("%s changed; review the difference and run go test ./build/report -update to accept it:\n%s", path, lineDiff(string(want), got))
		}
	}
}

// lineDiff shows where got first departs from want: a few lines of each
// from there, numbered.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	first := 0
	for first < len(w) && first < len(g) && w[first] == g[first] {
		first++
	}
	var b strings.Builder
	for _, side := range []struct {
		sign  string
		lines []string
	}{{"-", w}, {"+", g}} {
		for i := first; i < min(first+6, len(side.lines)); i++ {
			b.WriteString(side.sign + " " + strconv.Itoa(i+1) + ": " + side.lines[i] + "\n")
		}
	}
	return b.String()
}
