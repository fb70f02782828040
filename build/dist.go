package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/goccy/go-json"
	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/svg"

	"factcard/data"
)

var buildCmd = &command{
	name:    "build",
	usage:   "build [-out DIR]",
	summary: "validate and compile the dataset, build the wasm and widget into dist/",
	help: `DESCRIPTION
    Validates data/ (as "check" does) and compiles it into wasm/bridge/dataset.bin; builds wasm/bridge with
    GOOS=js GOARCH=wasm into factcard.wasm; joins Go's wasm_exec.js, widget/factcard.js and widget/card.css into
    one minified factcard.js; minifies index.html; writes .gz and .br copies of every file and a size report
    (sizes.txt).

FLAGS
    -out DIR   output directory (default "dist")

EXIT STATUS
    0 on success, 1 when the dataset or the build fails, 2 on bad usage.

EXAMPLE
    go run ./build && ls dist/`,
	run: func(args []string) int {
		fs := flag.NewFlagSet("build", flag.ContinueOnError)
		out := fs.String("out", "dist", "output directory")
		if err := fs.Parse(args); err != nil {
			return 2
		}
		if err := buildDist(*out, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "build:", err)
			return 1
		}
		return 0
	},
}

// bridgeDataset is where the build puts the compiled dataset for go:embed.
const bridgeDataset = "wasm/bridge/dataset.bin"

// buildDist builds everything a page, the extension and the demo need.
func buildDist(out string, log *os.File) error {
	d, err := loadDataset("data")
	if err != nil {
		return fmt.Errorf("the dataset has errors")
	}
	compiled := data.Compile(d)
	if err := os.WriteFile(bridgeDataset, compiled.Encode(), 0o644); err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(out, "factcard.wasm"), "./wasm/bridge")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	cmd.Stdout, cmd.Stderr = log, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("building the wasm: %w", err)
	}
	widgetJS, err := widgetScript(compiled.Version())
	if err != nil {
		return err
	}
	execJS, err := wasmExecJS()
	if err != nil {
		return err
	}
	workerJS, err := os.ReadFile("widget/factcard-worker.js")
	if err != nil {
		return err
	}
	m := minifier()
	files := map[string][]byte{}
	if files["factcard.js"], err = m.Bytes("application/javascript", widgetJS); err != nil {
		return fmt.Errorf("minifying factcard.js: %w", err)
	}
	if files["factcard-worker.js"], err = m.Bytes("application/javascript", append(append(execJS, '\n'), workerJS...)); err != nil {
		return fmt.Errorf("minifying factcard-worker.js: %w", err)
	}
	page, err := os.ReadFile("index.html")
	if err != nil {
		return err
	}
	if files["index.html"], err = m.Bytes("text/html", page); err != nil {
		return fmt.Errorf("minifying index.html: %w", err)
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(out, name), b, 0o644); err != nil {
			return err
		}
	}
	return compressAndReport(out, log)
}

func minifier() *minify.M {
	m := minify.New()
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("text/css", css.Minify)
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFunc("image/svg+xml", svg.Minify)
	return m
}

// widgetScript joins Go's wasm_exec.js (the runtime glue that must match the
// Go version that built the wasm) with the widget, and inlines the card's CSS.
func widgetScript(version string) ([]byte, error) {
	execJS, err := wasmExecJS()
	if err != nil {
		return nil, err
	}
	widget, err := os.ReadFile("widget/factcard.js")
	if err != nil {
		return nil, err
	}
	cardCSS, err := os.ReadFile("widget/card.css")
	if err != nil {
		return nil, err
	}
	pageCSS, err := os.ReadFile("widget/page.css")
	if err != nil {
		return nil, err
	}
	m := minifier()
	for _, c := range []*[]byte{&cardCSS, &pageCSS} {
		if *c, err = m.Bytes("text/css", *c); err != nil {
			return nil, fmt.Errorf("minifying CSS: %w", err)
		}
	}
	quote := func(b []byte) []byte { q, _ := json.Marshal(string(b)); return q }
	for placeholder, value := range map[string][]byte{
		`"__CARD_CSS__"`:        quote(cardCSS),
		`"__PAGE_CSS__"`:        quote(pageCSS),
		`"__DATASET_VERSION__"`: quote([]byte(version)),
	} {
		if !bytes.Contains(widget, []byte(placeholder)) {
			return nil, fmt.Errorf("widget/factcard.js lacks the placeholder %s", placeholder)
		}
		widget = bytes.ReplaceAll(widget, []byte(placeholder), value)
	}
	// wasm_exec.js defines globalThis.Go; the widget wraps itself in its own
	// function scope.
	return append(append(execJS, '\n'), widget...), nil
}

// wasmExecJS is Go's JavaScript glue for GOOS=js, from the Go that builds
// the wasm (the two must match).
func wasmExecJS() ([]byte, error) {
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOROOT: %w", err)
	}
	return os.ReadFile(filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"))
}

// compressAndReport writes .gz and .br copies and prints the sizes.
func compressAndReport(out string, log *os.File) error {
	var report strings.Builder
	report.WriteString(fmt.Sprintf("%-16s %10s %10s %10s\n", "file", "raw", "gzip -9", "brotli 11"))
	var total [3]int
	for _, name := range []string{"factcard.wasm", "factcard.js", "factcard-worker.js", "index.html"} {
		raw, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			return err
		}
		gz, br := compress(raw)
		if err := os.WriteFile(filepath.Join(out, name+".gz"), gz, 0o644); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, name+".br"), br, 0o644); err != nil {
			return err
		}
		report.WriteString(fmt.Sprintf("%-16s %10s %10s %10s\n", name, kb(len(raw)), kb(len(gz)), kb(len(br))))
		if name == "factcard.wasm" || name == "factcard.js" {
			total[0] += len(raw)
			total[1] += len(gz)
			total[2] += len(br)
		}
	}
	report.WriteString(fmt.Sprintf("%-16s %10s %10s %10s\n", "widget total", kb(total[0]), kb(total[1]), kb(total[2])))
	fmt.Fprint(log, report.String())
	return os.WriteFile(filepath.Join(out, "sizes.txt"), []byte(report.String()), 0o644)
}

// compress returns gzip -9 and brotli 11 copies, as a server would send them.
func compress(raw []byte) (gz, br []byte) {
	var g, b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&g, gzip.BestCompression)
	zw.Write(raw)
	zw.Close()
	bw := brotli.NewWriterLevel(&b, brotli.BestCompression)
	bw.Write(raw)
	bw.Close()
	return g.Bytes(), b.Bytes()
}

func kb(n int) string { return strconv.FormatFloat(float64(n)/1000, 'f', 1, 64) + " KB" }
