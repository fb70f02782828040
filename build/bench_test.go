//go:build !js

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"factcard/build/corpus"
	"factcard/build/report"
	"factcard/wasm/engine"
)

// BenchmarkReportArchive: go test ./build -bench ReportArchive -cpu 1,2
func BenchmarkReportArchive(b *testing.B) {
	d := compiledDataset(b)
	text, err := benchInput()
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	var files []string
	chunk := len(text)/20 + 1
	total := 0
	for i := 0; i < 100; i++ {
		start := (i * chunk) % len(text)
		body := text[start:min(len(text), start+chunk)]
		f := filepath.Join(dir, fmt.Sprintf("a%03d.txt", i))
		os.WriteFile(f, []byte(body), 0o644)
		files = append(files, f)
		total += len(body)
	}
	b.SetBytes(int64(total))
	for b.Loop() {
		if _, err := report.Files(d, files, engine.NoDay, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// denseArticle repeats the labelled corpus (a mention in nearly every
// sentence) up to n bytes: the worst case for mapping mention offsets.
func denseArticle(tb testing.TB, n int) []byte {
	items, err := corpus.ReadAll(corpus.Default)
	if err != nil {
		tb.Fatal(err)
	}
	var b []byte
	for len(b) < n {
		for _, it := range items {
			b = append(b, it.Text...)
			b = append(b, '\n')
		}
	}
	return b[:n]
}

// BenchmarkReportDense: time per byte must stay flat from 100 KB to 400 KB
// (go test ./build -run - -bench ReportDense); it grew with the square of
// the size while each mention's text was cut by rescanning from the start.
func BenchmarkReportDense(b *testing.B) {
	d := compiledDataset(b)
	for _, kb := range []int{100, 400} {
		src := denseArticle(b, kb*1000)
		b.Run(fmt.Sprintf("%dKB", kb), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, err := report.Check(d, "dense.txt", src, engine.NoDay); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
