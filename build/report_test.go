//go:build !js

package main

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// runBuild runs the compiled task runner in the repository's root and
// returns its output and exit status. (`go run` reports every failure as
// exit status 1, so the exit codes are tested on the binary, as a newsroom's
// CI would run it.)
func runBuild(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runTool(t, "", nil, args...)
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

func TestReportConflictFailsTheCheck(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "draft.md")
	os.WriteFile(draft, []byte("Investors have until November 11, 2021, to sell their Xiaomi shares.\n"), 0o644)
	ok := filepath.Join(dir, "ok.txt")
	os.WriteFile(ok, []byte("Huawei has been on the Entity List since 2019.\n"), 0o644)

	out, errOut, code := runBuild(t, "report", "-date", "2021-02-10", draft)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s%s", code, out, errOut)
	}
	for _, want := range []string{"CONFLICT (divestment-deadline)", "November 11, 2021", "2022-01-14", "source: Executive Order 13974"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if _, _, code := runBuild(t, "report", "-date", "2021-02-10", ok); code != 0 {
		t.Errorf("a correct draft: exit %d, want 0", code)
	}
}

func TestReportDirectoryInParallel(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 40; i++ {
		body := fmt.Sprintf("Story %d. Huawei and Xiaomi were in the news.\n", i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("story-%02d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "image.png"), []byte{0x89, 'P', 'N', 'G'}, 0o644)
	out, errOut, code := runBuild(t, "report", "-format", "json", "-date", "2021-02-10", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.Contains(errOut, "files,") {
		t.Errorf("progress bar drawn although stderr is not a terminal: %q", errOut)
	}
	var reports []struct {
		File     string
		Mentions []struct{ ID string }
	}
	if err := json.Unmarshal([]byte(out), &reports); err != nil {
		t.Fatal(err)
	}
	if len(reports) != 40 {
		t.Fatalf("%d reports, want 40 (the .png is not an article)", len(reports))
	}
	for i, r := range reports {
		if want := fmt.Sprintf("story-%02d.txt", i); filepath.Base(r.File) != want || len(r.Mentions) != 2 {
			t.Errorf("report %d: %s with %d mentions, want %s with 2", i, r.File, len(r.Mentions), want)
		}
	}
}

func TestServeSendsCompressedCopies(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "factcard.wasm"), []byte("raw"), 0o644)
	os.WriteFile(filepath.Join(dir, "factcard.wasm.br"), []byte("brotli"), 0o644)
	os.WriteFile(filepath.Join(dir, "factcard.wasm.gz"), []byte("gzip"), 0o644)
	for _, tc := range []struct{ accept, body, encoding string }{
		{"gzip, deflate, br", "brotli", "br"},
		{"gzip", "gzip", "gzip"},
		{"", "raw", ""},
	} {
		req := httptest.NewRequest("GET", "/factcard.wasm", nil)
		req.Header.Set("Accept-Encoding", tc.accept)
		rec := httptest.NewRecorder()
		distHandler(dir).ServeHTTP(rec, req)
		if rec.Body.String() != tc.body || rec.Header().Get("Content-Encoding") != tc.encoding || rec.Header().Get("Content-Type") != "application/wasm" {
			t.Errorf("Accept-Encoding %q: body %q, encoding %q, type %q", tc.accept, rec.Body.String(), rec.Header().Get("Content-Encoding"), rec.Header().Get("Content-Type"))
		}
	}
}

func TestReportMarkdownFrontMatter(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "draft.md")
	os.WriteFile(draft, []byte("---\ntitle: \"Xiaomi in court\"\ndate: 2021-02-10T08:00:00-05:00\n---\nXiaomi sued the Pentagon.\n"), 0o644)
	out, errOut, code := runBuild(t, "report", "-format", "json", draft)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r struct {
		ArticleDate *string `json:"articleDate"`
		Mentions    []struct {
			ID         string
			Start, End int
		}
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	// The title in the front matter is not article text: one mention, at
	// the start of the body.
	if r.ArticleDate == nil || *r.ArticleDate != "2021-02-10" || len(r.Mentions) != 1 || r.Mentions[0].Start != 0 {
		t.Errorf("got %+v", r)
	}
}
