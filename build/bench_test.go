package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

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
		if _, err := reportFiles(d, files, engine.NoDay, nil); err != nil {
			b.Fatal(err)
		}
	}
}
