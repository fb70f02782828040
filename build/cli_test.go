//go:build !js

package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"factcard/wasm/engine"
)

var (
	toolOnce sync.Once
	toolPath string
	toolErr  error
)

// runTool builds the task runner once, as a newsroom would install it, and
// runs it in dir (the repository's root when "") with stdin, returning its
// output and exit status.
func runTool(t *testing.T, dir string, stdin io.Reader, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	toolOnce.Do(func() {
		tmp, err := os.MkdirTemp("", "factcard-tool-")
		if err != nil {
			toolErr = err
			return
		}
		toolPath = filepath.Join(tmp, "factcard")
		if out, err := exec.Command("go", "build", "-o", toolPath, "./build").CombinedOutput(); err != nil {
			toolErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if toolErr != nil {
		t.Fatal(toolErr)
	}
	cmd := exec.Command(toolPath, args...)
	cmd.Dir = dir
	cmd.Stdin = stdin
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

// outsideCheckout is a folder outside the repository holding an article
// named index.html (the demo page's name, which the tool used to read from
// the repository instead).
func outsideCheckout(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	article := `<html><head><meta property="article:published_time" content="2021-02-10"></head>
<body><article><p>Hytera Communications makes radios.</p></article></body></html>`
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestCLIReadsPathsWhereItRuns: report, check and export run from a folder
// outside any checkout, read the file named there, and use the dataset
// built into the binary.
func TestCLIReadsPathsWhereItRuns(t *testing.T) {
	dir := outsideCheckout(t)
	out, errOut, code := runTool(t, dir, nil, "report", "-format", "json", "index.html")
	if code != 0 || !strings.Contains(out, `"id": "hytera"`) || strings.Contains(out, `"xiaomi"`) {
		t.Errorf("report index.html outside the checkout: exit %d\n%s%s", code, out, errOut)
	}
	// From a sub-folder of the repository, too, the path is the caller's.
	sub := filepath.Join("wasm", "engine")
	_, errOut, code = runTool(t, sub, nil, "report", "index.html")
	if code != 2 || !strings.Contains(errOut, "index.html: no such file") {
		t.Errorf("report index.html from %s (where there is none): exit %d, %s", sub, code, errOut)
	}
	out, errOut, code = runTool(t, dir, nil, "check")
	if code != 0 || !strings.HasPrefix(out, "dataset ") {
		t.Errorf("check outside the checkout: exit %d\n%s%s", code, out, errOut)
	}
	out, _, code = runTool(t, dir, nil, "export", "-format", "csv")
	if code != 0 || strings.Count(out, "\n") < 100 {
		t.Errorf("export outside the checkout: exit %d, %d lines", code, strings.Count(out, "\n"))
	}
	// -data reads a folder relative to where the tool runs.
	abs, err := filepath.Abs("data/testdata/valid")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(abs, filepath.Join(dir, "mydata")); err != nil {
		t.Fatal(err)
	}
	out, errOut, code = runTool(t, dir, nil, "check", "-data", "mydata")
	if code != 0 || !strings.Contains(out, "2 entities") {
		t.Errorf("check -data mydata: exit %d\n%s%s", code, out, errOut)
	}
}

func TestCLIReadsStandardInput(t *testing.T) {
	article := "On 2021-02-10 Hytera Communications said it would appeal."
	out, errOut, code := runTool(t, t.TempDir(), strings.NewReader(article), "report", "-format", "json", "-")
	if code != 0 || !strings.Contains(out, `"id": "hytera"`) {
		t.Errorf("report - : exit %d\n%s%s", code, out, errOut)
	}
}

// TestCLIWriteErrorsFail: output that cannot be written (a full disk) is an
// error, not a silent success with a truncated report.
func TestCLIWriteErrorsFail(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full: %v", err)
	}
	defer full.Close()
	dir := outsideCheckout(t)
	for _, args := range [][]string{{"report", "index.html"}, {"export"}, {"check"}} {
		cmd := exec.Command(toolBinary(t), args...)
		cmd.Dir = dir
		cmd.Stdout = full
		var e bytes.Buffer
		cmd.Stderr = &e
		err := cmd.Run()
		ee, ok := err.(*exec.ExitError)
		if !ok || ee.ExitCode() != 2 || !strings.Contains(e.String(), "writing the output") {
			t.Errorf("%v > /dev/full: %v, %s", args, err, e.String())
		}
	}
}

// toolBinary is the built tool's path.
func toolBinary(t *testing.T) string {
	t.Helper()
	runTool(t, "", nil, "help")
	return toolPath
}

func TestCLIBadUsage(t *testing.T) {
	dir := outsideCheckout(t)
	for _, tc := range []struct {
		args    []string
		wantErr string
	}{
		{[]string{"report", "-date", "", "index.html"}, `-date "" is empty`},
		{[]string{"report", "-date", "0001-01-01", "index.html"}, `-date "0001-01-01" is out of range: the year must be from 1900 to 2200`},
		{[]string{"report", "-date", "9999-12-31", "index.html"}, "is out of range"},
		{[]string{"report", "-date", "2021-02-30", "index.html"}, `-date "2021-02-30" is not a date YYYY-MM-DD`},
		{[]string{""}, `unknown command ""`},
		{[]string{"check", "-data", "no-such-folder"}, "no-such-folder"},
		{[]string{"check", "-data", "index.html"}, "-data index.html: not a folder"},
		{[]string{"export", "-data", "no-such-folder"}, "no-such-folder"},
	} {
		_, errOut, code := runTool(t, dir, nil, tc.args...)
		if code != 2 || !strings.Contains(errOut, tc.wantErr) || strings.Contains(errOut, "panic") {
			t.Errorf("%q: exit %d, want 2 with %q:\n%s", tc.args, code, tc.wantErr, errOut)
		}
	}
}

// TestCLIRefusesTooLargeInput: an article over engine.MaxText is refused
// with a clear error before it is read (a 200 MB file used to take 3.7 GB).
func TestCLIRefusesTooLargeInput(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(engine.MaxText + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, errOut, code := runTool(t, dir, nil, "report", "big.txt")
	if code != 2 || !strings.Contains(errOut, "big.txt: larger than 16 MiB, the limit for one article") {
		t.Errorf("report of a file over the limit: exit %d\n%s", code, errOut)
	}
	_, errOut, code = runTool(t, dir, io.LimitReader(zeros{}, engine.MaxText+1), "report", "-")
	if code != 2 || !strings.Contains(errOut, "standard input: larger than 16 MiB") {
		t.Errorf("report - of input over the limit: exit %d\n%s", code, errOut)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
