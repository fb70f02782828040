package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"
)

var (
	toolOnce sync.Once
	toolPath string
	toolErr  error
)

// runBuild runs the compiled task runner and returns its output and exit
// status. (`go run` reports every failure as exit status 1, so the exit codes
// are tested on the binary, as a newsroom's CI would run it.)
func runBuild(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	toolOnce.Do(func() {
		dir, err := os.MkdirTemp("", "factcard-tool-")
		if err != nil {
			toolErr = err
			return
		}
		toolPath = filepath.Join(dir, "factcard")
		if out, err := exec.Command("go", "build", "-o", toolPath, "./build").CombinedOutput(); err != nil {
			toolErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if toolErr != nil {
		t.Fatal(toolErr)
	}
	cmd := exec.Command(toolPath, args...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	code = 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

const draftHTML = `<!doctype html><html><head>
<meta property="article:published_time" content="2021-02-10T09:00:00-05:00">
</head><body>
<nav>Huawei coverage</nav>
<article><h1>Phones</h1>
<p>😀 The maker <b>Xiao</b>mi sued over Executive Order 13959.</p>
<p>Huawei’s case is different.</p>
</article>
<footer>About Xiaomi</footer>
</body></html>`

func TestReportJSONContract(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "draft.html")
	if err := os.WriteFile(file, []byte(draftHTML), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runBuild(t, "report", "-format", "json", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r struct {
		DatasetVersion string  `json:"datasetVersion"`
		AsOf           string  `json:"asOf"`
		ArticleDate    *string `json:"articleDate"`
		Mentions       []struct {
			ID, Name, Text string
			Start, End     int
			Lists          []struct {
				List         string `json:"list"`
				ListedOnDate *bool  `json:"listedOnDate"`
				ListedToday  *bool  `json:"listedToday"`
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if r.ArticleDate == nil || *r.ArticleDate != "2021-02-10" || r.AsOf == "" || !strings.HasPrefix(r.DatasetVersion, r.AsOf) {
		t.Errorf("header: %+v", r)
	}
	var ids []string
	for _, m := range r.Mentions {
		ids = append(ids, m.ID)
	}
	// Nothing from <nav> or <footer>; Xiaomi across <b>; every mention once.
	if strings.Join(ids, ",") != "xiaomi,eo-13959,huawei" {
		t.Fatalf("mentions %v, want xiaomi,eo-13959,huawei", ids)
	}
	// start/end are UTF-16 offsets into the extracted article text.
	// Whitespace text nodes between blocks are kept; a newline ends each block.
	text := utf16.Encode([]rune("Phones\n\n😀 The maker Xiaomi sued over Executive Order 13959.\n\nHuawei’s case is different.\n\n"))
	for _, m := range r.Mentions {
		if got := string(utf16.Decode(text[m.Start:m.End])); got != m.Text {
			t.Errorf("%s: text[%d:%d] = %q, report says %q", m.ID, m.Start, m.End, got, m.Text)
		}
	}
	x := r.Mentions[0]
	if x.Text != "Xiaomi" || x.Name != "Xiaomi Corporation" || len(x.Lists) == 0 {
		t.Fatalf("xiaomi mention: %+v", x)
	}
	l := x.Lists[0]
	if l.List != "ccmc-1237" || l.ListedOnDate == nil || !*l.ListedOnDate || l.ListedToday == nil || *l.ListedToday {
		t.Errorf("xiaomi on ccmc-1237: %+v (want listed on 2021-02-10, not today)", l)
	}
}

func TestReportBadInput(t *testing.T) {
	_, errOut, code := runBuild(t, "report", "no/such/file.html")
	if code != 2 || !strings.Contains(errOut, "no/such/file.html") {
		t.Errorf("missing file: exit %d, stderr %q", code, errOut)
	}
	_, errOut, code = runBuild(t, "report", "-date", "2021-13-01", "x.txt")
	if code != 2 || !strings.Contains(errOut, "2021-13-01") {
		t.Errorf("bad date: exit %d, stderr %q", code, errOut)
	}
	out, _, code := runBuild(t, "report", "-h")
	if code != 0 || !strings.Contains(out, "EXIT STATUS") || !strings.Contains(out, "EXAMPLE") {
		t.Errorf("report -h: exit %d\n%s", code, out)
	}
}
