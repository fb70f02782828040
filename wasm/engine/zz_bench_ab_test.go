package engine_test

import (
	"os"
	"strings"
	"testing"

	"factcard/wasm/engine"
)

func benchText(b *testing.B, path string, times int) string {
	raw, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for _, line := range strings.Split(string(raw), "\n") {
		if i := strings.Index(line, "text: \""); i >= 0 {
			sb.WriteString(strings.Trim(line[i+6:], "\""))
			sb.WriteString("\n\n")
		}
	}
	return strings.Repeat(sb.String(), times)
}

func BenchmarkFindBlind2(b *testing.B) {
	d := realDataset(b)
	text := benchText(b, "testdata/corpus-blind-2.yaml", 3)
	t := &engine.Text{}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		t.Reset(text)
		d.FindText(t)
	}
}

func BenchmarkFindPages(b *testing.B) {
	d := realDataset(b)
	var sb strings.Builder
	dirs, _ := os.ReadDir("../../../shared/testdata/pages")
	for _, e := range dirs {
		files, _ := os.ReadDir("../../../shared/testdata/pages/" + e.Name())
		for _, f := range files {
			if strings.HasSuffix(f.Name(), ".html") {
				raw, _ := os.ReadFile("../../../shared/testdata/pages/" + e.Name() + "/" + f.Name())
				sb.Write(raw)
			}
		}
	}
	text := sb.String()
	t := &engine.Text{}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		t.Reset(text)
		d.FindText(t)
	}
}
