//go:build !js

package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/goccy/go-json"
	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/svg"

	"factcard/build/cli"
	"factcard/build/report"
	"factcard/data"
)

var buildCmd = &cli.Command{
	Name:    "build",
	Usage:   "build [-out DIR]",
	Summary: "validate and compile the dataset, build the wasm and widget into dist/",
	Help: `DESCRIPTION
    Validates data/ (as "check" does) and compiles it into the dataset file; builds wasm/bridge with GOOS=js
    GOARCH=wasm into the runtime (no data inside); joins widget/engine.js (with Go's wasm_exec.js in a private
    scope) and widget/factcard-worker.js into the engine loader, which runs as a Web Worker or on the main
    thread; minifies widget/card.js with Floating UI and the card's CSS into the card (loaded only on a page that
    may mention something); fills widget/keys.js, the prefilter's second stage, with the names' keys and joins the engine
    client (widget/client.js) into it (loaded only when the first stage finds a word of a name). Each of these is named by a hash of its bytes: factcard-HASH.wasm,
    factcard-data-HASH.bin, factcard-engine-HASH.js, factcard-card-HASH.js, factcard-keys-HASH.js. Inlines the
    page's CSS, the dataset version and each file's name and SHA-384 into widget/factcard.js (after the
    prefilter's first stage, widget/prefilter.js) and minifies it into
    factcard.js; renders data/CHANGELOG.md as changelog.html (the page every card links to, naming the
    dataset version built in); minifies index.html; writes .gz and .br copies of every file and a size report (sizes.txt)
    that gives each file's size and role. Copies the release files into DIR/factcard-VERSION/, factcard.js as
    factcard-HASH.js, so every name's bytes never change (serve it with a year-long cache; a dataset update
    adds only a new factcard-HASH.js and dataset), and prints the script tag to embed, with integrity= and
    crossorigin (also in that folder's embed.html). docs/embedding.md explains how to serve it.

FLAGS
    -out DIR   output directory (default "dist")

EXIT STATUS
    0 on success, 1 when the dataset or the build fails, 2 on bad usage.

EXAMPLE
    go run ./build && ls dist/`,
	Run: func(args []string) int {
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

// buildDist builds everything a page, the extension and the demo need, and
// prints the snippet a publisher pastes.
func buildDist(out string, log *os.File) error {
	_, err := buildRelease(out, log)
	return err
}

// release is what a build produced: its folder of immutable files under
// out/, the script tag that loads them, and the files factcard.js loads.
type release struct {
	dir, script, snippet string // script: factcard.js's name in dir
	dataset              *data.Dataset
	files                builtFiles
}

func buildRelease(out string, log *os.File) (*release, error) {
	d, err := cli.LoadDataset("data")
	if err != nil {
		return nil, fmt.Errorf("the dataset has errors")
	}
	compiled := data.Compile(d)
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	wasm, err := buildWasm(log)
	if err != nil {
		return nil, err
	}
	m := minifier()
	cardJS, err := cardScript()
	if err != nil {
		return nil, err
	}
	if cardJS, err = m.Bytes("application/javascript", cardJS); err != nil {
		return nil, fmt.Errorf("minifying widget/card.js: %w", err)
	}
	engineJS, err := engineScript()
	if err != nil {
		return nil, err
	}
	workerJS, err := os.ReadFile("widget/factcard-worker.js")
	if err != nil {
		return nil, err
	}
	// The engine file is the loader and the worker's message loop; the
	// semicolon keeps the second IIFE from being read as a call of the first.
	if engineJS, err = m.Bytes("application/javascript", append(append(engineJS, ";\n"...), workerJS...)); err != nil {
		return nil, fmt.Errorf("minifying widget/engine.js and widget/factcard-worker.js: %w", err)
	}
	pf, err := prefilterTables(compiled)
	if err != nil {
		return nil, fmt.Errorf("prefilter: %w", err)
	}
	keysJS, err := keysFile(pf)
	if err != nil {
		return nil, err
	}
	if keysJS, err = m.Bytes("application/javascript", keysJS); err != nil {
		return nil, fmt.Errorf("minifying widget/keys.js: %w", err)
	}
	hashed := builtFiles{
		"wasm":   contentNamed("factcard-", ".wasm", wasm),
		"data":   contentNamed("factcard-data-", ".bin", compiled.Encode()),
		"engine": contentNamed("factcard-engine-", ".js", engineJS),
		"card":   contentNamed("factcard-card-", ".js", cardJS),
		"keys":   contentNamed("factcard-keys-", ".js", keysJS),
	}
	widgetJS, err := widgetScript(compiled.Version(), hashed)
	if err != nil {
		return nil, err
	}
	prefilterJS, err := prefilterScript(pf)
	if err != nil {
		return nil, err
	}
	widgetJS = append(append(prefilterJS, '\n'), widgetJS...)
	files := map[string][]byte{}
	if files["factcard.js"], err = m.Bytes("application/javascript", widgetJS); err != nil {
		return nil, fmt.Errorf("minifying factcard.js: %w", err)
	}
	for _, f := range hashed {
		files[f.name] = f.bytes
	}
	changelog, err := os.ReadFile(changelogFile)
	if err != nil {
		return nil, err
	}
	if files[changelogName], err = changelogPage(changelog, compiled.Version(), compiled.AsOf.String()); err != nil {
		return nil, err
	}
	if files["THIRD-PARTY-LICENSES.txt"], err = floatingUILicense(); err != nil {
		return nil, err
	}
	page, err := os.ReadFile("index.html")
	if err != nil {
		return nil, err
	}
	if files["index.html"], err = m.Bytes("text/html", page); err != nil {
		return nil, fmt.Errorf("minifying index.html: %w", err)
	}
	if err := removeBuilt(out); err != nil {
		return nil, err
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(out, name), b, 0o644); err != nil {
			return nil, err
		}
	}
	served := append([]string{"factcard.js"}, hashed.names()...)
	if err := compressAndReport(out, append(served, "index.html"), log); err != nil {
		return nil, err
	}
	rel, err := writeRelease(out, served)
	if err != nil {
		return nil, err
	}
	rel.dataset = d
	rel.files = hashed
	fmt.Fprintf(log, "\nrelease %s/: serve it from a CDN with a year-long cache (docs/embedding.md), then embed:\n%s\n", rel.dir, rel.snippet)
	return rel, nil
}

// builtFile is a file factcard.js loads from beside itself, named by a hash
// of its bytes so that each name's bytes never change: a dataset update
// gives the dataset (and factcard.js) new names while the runtime's stay
// cached.
type builtFile struct {
	name, integrity string
	bytes           []byte
}

// builtFiles are the files factcard.js loads, by role: wasm, data, engine,
// card, keys.
type builtFiles map[string]builtFile

func (f builtFiles) names() []string {
	var names []string
	for _, role := range []string{"wasm", "data", "engine", "card", "keys"} {
		names = append(names, f[role].name)
	}
	return names
}

// contentNamed is b named prefix + the first 10 hex digits of its SHA-256 +
// ext.
func contentNamed(prefix, ext string, b []byte) builtFile {
	sum := sha256.Sum256(b)
	return builtFile{prefix + hex.EncodeToString(sum[:])[:10] + ext, subresourceIntegrity(b), b}
}

// builtPatterns match, by role, the content-named files a build writes to
// out/; a build removes the previous build's first.
var builtPatterns = map[string]string{"wasm": "factcard-*.wasm", "data": "factcard-data-*.bin",
	"engine": "factcard-engine-*.js", "card": "factcard-card-*.js", "keys": "factcard-keys-*.js"}

func removeBuilt(out string) error {
	for _, p := range builtPatterns {
		old, _ := filepath.Glob(filepath.Join(out, p))
		for _, o := range old {
			for _, suffix := range []string{"", ".br", ".gz"} {
				if err := os.Remove(o + suffix); err != nil && !os.IsNotExist(err) {
					return err
				}
			}
		}
	}
	return nil
}

// writeRelease copies the served files into out/factcard-VERSION/, where
// every file is named by a hash of its bytes (factcard.js as
// factcard-HASH.js), so that each URL's bytes never change and a folder
// uploaded over the previous one keeps the names, and the browser caches,
// of every file that did not change. The folder is written afresh.
func writeRelease(out string, served []string) (*release, error) {
	version, err := widgetVersion()
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(out, "factcard-"+version)
	if err := os.RemoveAll(dir); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	factcardJS, err := os.ReadFile(filepath.Join(out, "factcard.js"))
	if err != nil {
		return nil, err
	}
	scriptName := contentNamed("factcard-", ".js", factcardJS).name
	for _, f := range served {
		to := f
		if f == "factcard.js" {
			to = scriptName
		}
		for _, suffix := range []string{"", ".br", ".gz"} {
			b, err := os.ReadFile(filepath.Join(out, f+suffix))
			if err != nil {
				return nil, err
			}
			if err := os.WriteFile(filepath.Join(dir, to+suffix), b, 0o644); err != nil {
				return nil, err
			}
		}
	}
	// The changelog page is read by people, once: no compressed copies.
	changelog, err := os.ReadFile(filepath.Join(out, changelogName))
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, changelogName), changelog, 0o644); err != nil {
		return nil, err
	}
	snippet := embedSnippet("https://your.cdn/factcard/"+scriptName, factcardJS)
	if err := os.WriteFile(filepath.Join(dir, "embed.html"), []byte(snippet+"\n"), 0o644); err != nil {
		return nil, err
	}
	return &release{dir: dir, script: scriptName, snippet: snippet}, nil
}

// embedSnippet is the script tag for factcard.js at src, pinned by its hash.
func embedSnippet(src string, factcardJS []byte) string {
	return `<script src="` + src + `" integrity="` + subresourceIntegrity(factcardJS) + `" crossorigin="anonymous" defer></script>`
}

// subresourceIntegrity is the SRI value of b, as integrity= attributes and
// fetch's integrity option take it.
func subresourceIntegrity(b []byte) string {
	sum := sha512.Sum384(b)
	return "sha384-" + base64.StdEncoding.EncodeToString(sum[:])
}

// widgetVersion is factcard.js's VERSION, the one version of the widget and
// the extension.
func widgetVersion() (string, error) {
	src, err := os.ReadFile("widget/factcard.js")
	if err != nil {
		return "", err
	}
	m := regexp.MustCompile(`const VERSION = "(\d+\.\d+\.\d+)";`).FindSubmatch(src)
	if m == nil {
		return "", fmt.Errorf("widget/factcard.js: no VERSION constant")
	}
	return string(m[1]), nil
}

// buildWasm builds wasm/bridge, the runtime without the dataset, and
// returns its bytes.
func buildWasm(log *os.File) ([]byte, error) {
	tmp, err := os.MkdirTemp("", "factcard-wasm-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	wasm := filepath.Join(tmp, "factcard.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", wasm, "./wasm/bridge")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	cmd.Stdout, cmd.Stderr = log, os.Stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("building the wasm: %w", err)
	}
	return os.ReadFile(wasm)
}

func minifier() *minify.M {
	m := minify.New()
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("text/css", css.Minify)
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFunc("image/svg+xml", svg.Minify)
	return m
}

// widgetParts are the files widget/factcard.js is written in, by concern,
// each joined at its placeholder inside factcard.js's closure (they share
// its constants and state).
var widgetParts = []struct{ placeholder, file string }{
	{`"__ARTICLE__";`, "widget/article.js"},
	{`"__MARKS__";`, "widget/marks.js"},
}

// widgetScript is widget/factcard.js with its parts joined in, the page's
// CSS, the dataset version and the names and hashes of the files it loads.
func widgetScript(version string, files builtFiles) ([]byte, error) {
	widget, err := os.ReadFile("widget/factcard.js")
	if err != nil {
		return nil, err
	}
	parts := map[string][]byte{}
	for _, p := range widgetParts {
		if parts[p.placeholder], err = os.ReadFile(p.file); err != nil {
			return nil, err
		}
	}
	if widget, err = fillPlaceholders("widget/factcard.js", widget, parts); err != nil {
		return nil, err
	}
	type file struct {
		Name      string `json:"name"`
		Integrity string `json:"integrity"`
	}
	byRole := map[string]file{}
	for role, f := range files {
		byRole[role] = file{f.name, f.integrity}
	}
	filesJSON, err := json.Marshal(byRole)
	if err != nil {
		return nil, err
	}
	return fillPlaceholders("widget/factcard.js", widget, map[string][]byte{
		`"__DATASET_VERSION__"`: quoteJS([]byte(version)),
		`"__FILES__"`:           filesJSON,
		// The article rules, said once in build/report.
		`"__SKIPPED_ELEMENTS__"`:    quoteJSList(report.SkippedElements),
		`"__BLOCK_ELEMENTS__"`:      quoteJSList(report.BlockElements),
		`"__STRUCTURAL_ELEMENTS__"`: quoteJSList(report.StructuralElements),
		`"__BOILERPLATE_WORDS__"`:   quoteJSList(report.BoilerplateWords),
	})
}

// keysFile is factcard-keys.js: widget/keys.js (the prefilter's second
// stage) with pf's tables, and the engine client (widget/client.js) joined
// in with the WebAssembly check it shares with the engine. A page loads it
// once the first stage finds a word of a name, before it needs the engine.
func keysFile(pf *prefilter) ([]byte, error) {
	keys, err := keysScript(pf)
	if err != nil {
		return nil, err
	}
	client, err := os.ReadFile("widget/client.js")
	if err != nil {
		return nil, err
	}
	wasmCheck, err := os.ReadFile("widget/wasmproblem.js")
	if err != nil {
		return nil, err
	}
	if client, err = fillPlaceholders("widget/client.js", client, map[string][]byte{`"__WASM_PROBLEM__";`: wasmCheck}); err != nil {
		return nil, err
	}
	return fillPlaceholders("widget/keys.js", keys, map[string][]byte{`"__ENGINE_CLIENT__";`: client})
}

// engineScript is widget/engine.js, the engine loader, with Go's
// wasm_exec.js (the runtime glue that must match the Go version that built
// the wasm) inlined into its private scope and the WebAssembly check it
// shares with factcard.js. The build joins it into factcard-engine.js and
// the extension's background.
func engineScript() ([]byte, error) {
	execJS, err := wasmExecJS()
	if err != nil {
		return nil, err
	}
	src, err := os.ReadFile("widget/engine.js")
	if err != nil {
		return nil, err
	}
	wasmCheck, err := os.ReadFile("widget/wasmproblem.js")
	if err != nil {
		return nil, err
	}
	return fillPlaceholders("widget/engine.js", src, map[string][]byte{
		`"__WASM_EXEC__";`:    execJS,
		`"__WASM_PROBLEM__";`: wasmCheck,
	})
}

// cardScript is widget/card.js, which factcard.js loads only on a page that
// may mention something, with Floating UI and the card's CSS inlined.
func cardScript() ([]byte, error) {
	src, err := os.ReadFile("widget/card.js")
	if err != nil {
		return nil, err
	}
	cardCSS, err := minifiedCSS("widget/card.css")
	if err != nil {
		return nil, err
	}
	// The marks' CSS comes with the card: a page needs it only once it has
	// marks, so a page with no candidate does not download it.
	pageCSS, err := minifiedCSS("widget/page.css")
	if err != nil {
		return nil, err
	}
	floatingUI, err := floatingUIExpression(os.Stderr)
	if err != nil {
		return nil, err
	}
	return fillPlaceholders("widget/card.js", src, map[string][]byte{
		`"__FLOATING_UI__"`: floatingUI,
		`"__CARD_CSS__"`:    quoteJS(cardCSS),
		`"__PAGE_CSS__"`:    quoteJS(pageCSS),
	})
}

// fillPlaceholders replaces each placeholder, which src (the file at name)
// must hold exactly once.
func fillPlaceholders(name string, src []byte, values map[string][]byte) ([]byte, error) {
	for placeholder, value := range values {
		if bytes.Count(src, []byte(placeholder)) != 1 {
			return nil, fmt.Errorf("%s must hold the placeholder %s exactly once", name, placeholder)
		}
		src = bytes.Replace(src, []byte(placeholder), value, 1)
	}
	return src, nil
}

func minifiedCSS(path string) ([]byte, error) {
	css, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if css, err = minifier().Bytes("text/css", css); err != nil {
		return nil, fmt.Errorf("minifying %s: %w", path, err)
	}
	return css, nil
}

// quoteJS is b as a JavaScript string literal.
func quoteJS(b []byte) []byte { q, _ := json.Marshal(string(b)); return q }

// quoteJSList writes strings as the elements of a JavaScript array: quoted,
// separated by commas.
func quoteJSList(list []string) []byte {
	var b []byte
	for i, s := range list {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, quoteJS([]byte(s))...)
	}
	return b
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

// compressAndReport writes .gz and .br copies of names and prints their
// sizes, the dataset's and the runtime's among them.
func compressAndReport(out string, names []string, log *os.File) error {
	var report strings.Builder
	report.WriteString(fmt.Sprintf("%-32s %10s %10s %10s\n", "file", "raw", "gzip -9", "brotli 11"))
	for _, name := range names {
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
		report.WriteString(fmt.Sprintf("%-32s %10s %10s %10s  %s\n", name, kb(len(raw)), kb(len(gz)), kb(len(br)), servedRole(name)))
	}
	fmt.Fprint(log, report.String())
	return os.WriteFile(filepath.Join(out, "sizes.txt"), []byte(report.String()), 0o644)
}

// servedRole says what a built file is, for the size report.
func servedRole(name string) string {
	switch {
	case name == "factcard.js":
		return "every page"
	case strings.HasPrefix(name, "factcard-data-"):
		return "the dataset: a page with a candidate; an update re-sends only this"
	case strings.HasSuffix(name, ".wasm"):
		return "the runtime: a page with a candidate"
	case strings.HasPrefix(name, "factcard-engine-"):
		return "the engine loader (worker or main thread): a page with a candidate"
	case strings.HasPrefix(name, "factcard-keys-"):
		return "the prefilter's names and the engine client: a page with a word of a name"
	case strings.HasPrefix(name, "factcard-card-"):
		return "the card: a page with a candidate"
	}
	return ""
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
