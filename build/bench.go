//go:build !js

package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"factcard/build/cli"
	"factcard/build/corpus"
	"factcard/build/report"
	"factcard/data"
	"factcard/wasm/engine"
)

var benchCmd = &cli.Command{
	Name:    "bench",
	Usage:   "bench [-size] [-browser]",
	Summary: "measure matching speed and report throughput against alternatives, side by side",
	Help: `DESCRIPTION
    Runs, in one process and on the same input (the article text of every page in ../shared/testdata/pages, or
    the labelled corpus when they are absent):
      - factcard's matcher (Aho-Corasick over normalized text, with all checks);
      - one case-insensitive Go regexp of every name, leftmost-longest (the usual alternative);
      - the naive reference matcher (every name at every position).
    It prints time per pass, throughput and the ratio of each alternative to factcard, then the report's
    throughput on an archive of 400 files with one worker and with one worker per core (MB/s per core).
    With -size it also builds the wasm and a trivial Go wasm program and prints their compressed sizes side by
    side: the Go runtime's floor against factcard.

    With -browser it runs instead, in one headless Chromium, over every page in ../shared/testdata/pages and
    synthetic articles of 10 KB, 100 KB, 1 MB and 10 MB, each loaded as a first visit with factcard included as
    a publisher would: the time from the end of the page's parse to factcard:ready, the longest main-thread task
    meanwhile, the bytes of factcard's files sent, then factcard's scan of the body (destroy() + scan) against
    one combined RegExp of the same names over the body's text nodes and mark.js (build/npm) with the names as
    a keyword array; per page, the geometric mean of the ratios, and the scan's time per MB of text.

FLAGS
    -size      also compare the wasm's size with the Go runtime's floor (takes a minute)
    -browser   the comparison in headless Chromium (a few minutes; needs Chromium and npm ci in build/npm)

EXIT STATUS
    0 on success, 1 when a measurement could not be made.

EXAMPLE
    go run ./build bench -size`,
	Run: runBench,
}

// pagesDir holds the real news pages that tests and benchmarks read.
const pagesDir = "../shared/testdata/pages"

func benchInput() (string, error) {
	pages, _ := filepath.Glob(filepath.Join(pagesDir, "*", "source.html"))
	var b strings.Builder
	for _, p := range pages {
		src, err := os.ReadFile(p)
		if err != nil {
			return "", err
		}
		text, _, err := report.ArticleFromFile(p, src)
		if err != nil {
			return "", err
		}
		b.WriteString(text)
	}
	if b.Len() == 0 {
		items, err := corpus.Read(corpus.Default[0])
		if err != nil {
			return "", err
		}
		for _, it := range items {
			b.WriteString(it.Text + "\n")
		}
	}
	return b.String(), nil
}

// alternativeRegexp is what a widget without factcard's matcher would do:
// one case-insensitive alternation of every name, leftmost-longest.
func alternativeRegexp(d *engine.Dataset) *regexp.Regexp {
	var alts []string
	for _, p := range d.Patterns {
		alts = append(alts, regexp.QuoteMeta(string(p.Exact)))
	}
	re := regexp.MustCompile(`(?i)\b(?:` + strings.Join(alts, "|") + `)\b`)
	re.Longest()
	return re
}

func runBench(args []string) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	size := fs.Bool("size", false, "compare wasm sizes")
	browser := fs.Bool("browser", false, "compare in headless Chromium")
	only := fs.String("pages", "", "with -browser: only the pages whose name matches this regular expression, and no routes table")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	ds, err := cli.LoadDataset("data")
	if err != nil {
		return 1
	}
	d := data.Compile(ds)
	if *browser {
		filter, err := regexp.Compile(*only)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench: -pages:", err)
			return 2
		}
		if err := runBrowserBench(d, os.Stdout, filter, *only == ""); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			return 1
		}
		return 0
	}
	text, err := benchInput()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		return 1
	}
	re := alternativeRegexp(d)
	fmt.Printf("input: %d bytes of article text, %d names\n\n", len(text), len(d.Patterns))
	results := []struct {
		name string
		run  func()
	}{
		{"factcard (Aho-Corasick)", func() { d.Find(text) }},
		{"Go regexp alternation", func() { re.FindAllStringIndex(text, -1) }},
		{"naive reference", func() { d.FindNaive(text) }},
	}
	var base float64
	fmt.Printf("%-26s %14s %10s %8s\n", "matcher", "time/pass", "MB/s", "ratio")
	for i, r := range results {
		res := testing.Benchmark(func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				r.run()
			}
		})
		ns := float64(res.NsPerOp())
		if i == 0 {
			base = ns
		}
		fmt.Printf("%-26s %14s %10.1f %7.1fx\n", r.name, time.Duration(ns).Round(time.Microsecond), float64(len(text))/ns*1e3, ns/base)
	}

	// The report over an archive: one worker, then one per core.
	dir, err := os.MkdirTemp("", "factcard-bench-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	var files []string
	chunk := len(text)/20 + 1
	for i := 0; i < 400; i++ {
		start := (i * chunk) % len(text)
		body := text[start:min(len(text), start+chunk)]
		f := filepath.Join(dir, fmt.Sprintf("a%03d.txt", i))
		if err := os.WriteFile(f, []byte(body), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			return 1
		}
		files = append(files, f)
	}
	fmt.Printf("\nreport on %d files:\n", len(files))
	procs := runtime.GOMAXPROCS(0)
	var one float64
	for _, workers := range []int{1, procs} {
		runtime.GOMAXPROCS(workers)
		start := time.Now()
		var total int
		for rep := 0; rep < 3; rep++ {
			rs, err := report.Files(d, files, engine.NoDay, nil)
			if err != nil {
				fmt.Fprintln(os.Stderr, "bench:", err)
				return 1
			}
			for _, r := range rs {
				total += r.Bytes
			}
		}
		mbps := float64(total) / 1e6 / time.Since(start).Seconds()
		if workers == 1 {
			one = mbps
		}
		fmt.Printf("  %d worker(s): %7.1f MB/s, %6.1f MB/s per core, %.2fx one worker\n", workers, mbps, mbps/float64(workers), mbps/one)
	}
	runtime.GOMAXPROCS(procs)

	if *size {
		if err := compareSizes(); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			return 1
		}
	}
	return 0
}

// compareSizes builds factcard's wasm and a trivial syscall/js program with
// the same flags and prints their sizes compressed as the server sends them.
func compareSizes() error {
	dir, err := os.MkdirTemp("", "factcard-size-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	rel, err := buildRelease(dir, os.Stderr)
	if err != nil {
		return err
	}
	trivial := filepath.Join(dir, "trivial")
	os.MkdirAll(trivial, 0o755)
	os.WriteFile(filepath.Join(trivial, "main.go"), []byte("package main\n\nimport \"syscall/js\"\n\nfunc main() {\n\tjs.Global().Set(\"ready\", true)\n\tselect {}\n}\n"), 0o644)
	os.WriteFile(filepath.Join(trivial, "go.mod"), []byte("module trivial\n\ngo 1.26\n"), 0o644)
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(dir, "trivial.wasm"), ".")
	cmd.Dir = trivial
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("building the trivial program: %v\n%s", err, out)
	}
	sizes := func(b []byte) (raw, gz, br int) {
		g, r := compress(b)
		return len(b), len(g), len(r)
	}
	trivialWasm, err := os.ReadFile(filepath.Join(dir, "trivial.wasm"))
	if err != nil {
		return err
	}
	fr, fg, fb := sizes(rel.files["wasm"].bytes)
	tr, tg, tb := sizes(trivialWasm)
	dr, dg, db := sizes(rel.files["data"].bytes)
	fmt.Printf("\nwasm size (same build flags)   %10s %10s %10s\n", "raw", "gzip -9", "brotli 11")
	fmt.Printf("  Go runtime floor (trivial)   %10s %10s %10s\n", kb(tr), kb(tg), kb(tb))
	fmt.Printf("  factcard's runtime (.wasm)   %10s %10s %10s\n", kb(fr), kb(fg), kb(fb))
	fmt.Printf("  its dataset (.bin)           %10s %10s %10s\n", kb(dr), kb(dg), kb(db))
	fmt.Printf("  runtime / floor              %9.2fx %9.2fx %9.2fx\n", float64(fr)/float64(tr), float64(fg)/float64(tg), float64(fb)/float64(tb))
	return nil
}
