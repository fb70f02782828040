//go:build !js

package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/goccy/go-json"

	"factcard/data"
	"factcard/wasm/engine"
)

var reportCmd = &command{
	name:       "report",
	usage:      "report [-date YYYY-MM-DD] [-format text|json|markdown] [-data DIR] FILE|DIR|-...",
	standalone: true,
	summary:    "check articles: every mention with its status on the article's date and today",
	help: `DESCRIPTION
    Reads text, HTML and Markdown files (directories are walked for .txt, .md, .html, .htm; - is standard
    input; paths are relative to where the command runs), finds the article
    body and its date as the widget does, and reports each mention of a listed company, list or order with its
    status on the article's date and as of the dataset's date, citing sources. Nothing is fetched. A Markdown
    file's front matter is not article text; its date, published or publishDate field gives the date.

FLAGS
    -date YYYY-MM-DD    the article's date, a year from 1900 to 2200; overrides the date found in the file
    -format FORMAT      text (default), json or markdown
    -data DIR           dataset directory (default: the dataset built into the program)

OUTPUT (json)
    {"datasetVersion", "asOf", "articleDate", "mentions": [{"id", "name", "text", "start", "end",
    "lists": [{"list", "listedOnDate", "listedToday"}]}]}; start and end are UTF-16 offsets into the article
    text the report extracted. With several files, one such object per file in an array, each with "file".

    Each statement that the record contradicts (a wrong divestment deadline, "removed from the list" for what
    was an injunction, a wrong year of listing) is reported as a CONFLICT with what the record shows and its
    source; JSON adds them under "claims". Directories are checked in parallel, one file per core at a time,
    with a progress bar when standard error is a terminal. A file over 16 MiB (engine.MaxText) is refused:
    checking keeps about 18 bytes of memory per byte of article, and files in flight together are held
    under a budget of 2 x 16 MiB, with a soft memory limit of 768 MiB (GOMEMLIMIT overrides it).

EXIT STATUS
    0 when no statement conflicts with the record, 1 when at least one does, 2 on bad usage, an unreadable
    or too large file (the message names the file) or output that cannot be written. "go run" reports any non-zero status as 1: build the tool
    (go build -o factcard ./build) where the exact status matters.

EXAMPLE
    go run ./build report -date 2021-02-01 -format json draft.html`,
	run: runReport,
}

type reportList struct {
	List         string `json:"list"`
	ListedOnDate *bool  `json:"listedOnDate"`
	ListedToday  bool   `json:"listedToday"`
	StateOnDate  string `json:"stateOnDate,omitempty"`
	StateToday   string `json:"stateToday"`
	TextOnDate   string `json:"textOnDate,omitempty"`
	TextToday    string `json:"textToday"`
}

type reportMention struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Text  string `json:"text"`
	Start int32  `json:"start"`
	End   int32  `json:"end"`
	// Misspelled: the text misspells the name (Text is what it wrote).
	Misspelled bool         `json:"misspelled,omitempty"`
	Lists      []reportList `json:"lists"`
}

type reportSource struct {
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	URL       string `json:"url"`
	Citation  string `json:"citation,omitempty"`
	Date      string `json:"date"`
}

type reportClaim struct {
	ID     string        `json:"id"`
	Kind   string        `json:"kind"`
	Text   string        `json:"text"`
	Start  int32         `json:"start"`
	End    int32         `json:"end"`
	Says   string        `json:"says"`
	Record string        `json:"record"`
	Note   string        `json:"note,omitempty"`
	List   string        `json:"list,omitempty"`
	Source *reportSource `json:"source,omitempty"`
}

type fileReport struct {
	File           string          `json:"file,omitempty"`
	DatasetVersion string          `json:"datasetVersion"`
	AsOf           string          `json:"asOf"`
	ArticleDate    *string         `json:"articleDate"`
	Mentions       []reportMention `json:"mentions"`
	Claims         []reportClaim   `json:"claims"`
	bytes          int
}

func runReport(args []string) int {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	date := fs.String("date", "", "article date YYYY-MM-DD")
	format := fs.String("format", "text", "text, json or markdown")
	dir := fs.String("data", "", "dataset directory (default: the built-in dataset)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "report: name at least one FILE or DIR (see go run ./build help report)")
		return 2
	}
	if *format != "text" && *format != "json" && *format != "markdown" {
		fmt.Fprintf(os.Stderr, "report: unknown -format %q (text, json, markdown)\n", *format)
		return 2
	}
	override := engine.NoDay
	dateGiven := false
	fs.Visit(func(f *flag.Flag) { dateGiven = dateGiven || f.Name == "date" })
	if dateGiven {
		d, problem := parseDateFlag(*date)
		if problem != "" {
			fmt.Fprintf(os.Stderr, "report: -date %q %s\n", *date, problem)
			return 2
		}
		override = d
	}
	files, err := expandFiles(fs.Args())
	if err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		return 2
	}
	ds, err := loadDataset(*dir)
	if err != nil {
		return 2
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		// The budget bounds the live memory; a soft limit keeps the
		// garbage collector from letting the heap grow to twice that.
		debug.SetMemoryLimit(reportMemoryLimit)
	}
	compiled := data.Compile(ds)
	reports, err := reportFiles(compiled, files, override, progressTo(os.Stderr))
	if err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		return 2
	}
	conflicts := 0
	for _, r := range reports {
		conflicts += len(r.Claims)
	}
	out := newOutput("report")
	switch *format {
	case "json":
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		if len(reports) == 1 {
			reports[0].File = ""
			enc.Encode(reports[0])
		} else {
			enc.Encode(reports)
		}
	default:
		for _, r := range reports {
			writeTextReport(out, r, *format == "markdown")
		}
	}
	if code := out.finish(0); code != 0 {
		return code
	}
	if conflicts > 0 {
		fmt.Fprintf(os.Stderr, "report: %d statement(s) conflict with the record\n", conflicts)
		return 1
	}
	return 0
}

// parseDateFlag reads -date: a real day, in years an article about these
// lists can have.
func parseDateFlag(s string) (engine.Day, string) {
	if s == "" {
		return engine.NoDay, "is empty: give the article's date as YYYY-MM-DD, or leave -date out"
	}
	d, ok := engine.ParseDay(s)
	if ok {
		return d, ""
	}
	if y, err := strconv.Atoi(s[:min(4, len(s))]); err == nil && len(s) == 10 && (y < engine.MinYear || y > engine.MaxYear) {
		return engine.NoDay, "is out of range: the year must be from " + strconv.Itoa(engine.MinYear) + " to " + strconv.Itoa(engine.MaxYear)
	}
	return engine.NoDay, "is not a date YYYY-MM-DD"
}

// stdinName is the file name that stands for standard input.
const stdinName = "-"

// readLimited reads at most engine.MaxText bytes, and refuses more with an
// error that names the input, before reading it all.
func readLimited(r io.Reader, name string) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, engine.MaxText+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(b) > engine.MaxText {
		return nil, tooLarge(name)
	}
	return b, nil
}

func tooLarge(name string) error {
	return fmt.Errorf("%s: larger than %d MiB, the limit for one article: split it, or check its article text only", name, engine.MaxText>>20)
}

// readArticle reads one file named on the command line ("-" is standard
// input), refusing one over the size limit before reading it.
func readArticle(name string) ([]byte, error) {
	if name == stdinName {
		return readLimited(os.Stdin, "standard input")
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > engine.MaxText {
		return nil, tooLarge(name)
	}
	return readLimited(f, name)
}

// memoryBudget holds the bytes of the files being checked at once under a
// limit, so that a directory of large files is not multiplied by the number
// of workers.
type memoryBudget struct {
	mu   sync.Mutex
	cond *sync.Cond
	left int64
}

func newMemoryBudget(n int64) *memoryBudget {
	b := &memoryBudget{left: n}
	b.cond = sync.NewCond(&b.mu)
	return b
}

// take waits until n bytes are free. n never exceeds the whole budget
// (files are at most engine.MaxText).
func (b *memoryBudget) take(n int64) {
	b.mu.Lock()
	for b.left < n {
		b.cond.Wait()
	}
	b.left -= n
	b.mu.Unlock()
}

func (b *memoryBudget) give(n int64) {
	b.mu.Lock()
	b.left += n
	b.mu.Unlock()
	b.cond.Broadcast()
}

// reportBudget is the bytes of article files checked at once, and
// reportMemoryLimit the Go runtime's soft memory limit for a report: about
// 18 bytes per byte of text in flight, plus room for the dataset and the
// collector.
const (
	reportBudget      = 2 * engine.MaxText
	reportMemoryLimit = 24 * reportBudget
)

// reportFiles checks files in parallel, one worker per core and under
// reportBudget, and returns the reports in the order of files. The first
// unreadable file stops the run.
func reportFiles(d *engine.Dataset, files []string, override engine.Day, progress func(done, total, bytes int)) ([]fileReport, error) {
	budget := newMemoryBudget(reportBudget)
	reports := make([]fileReport, len(files))
	errs := make([]error, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done, total := 0, 0
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var t engine.Text
			for i := range jobs {
				size := int64(engine.MaxText)
				if st, err := os.Stat(files[i]); err == nil && st.Mode().IsRegular() {
					size = min(st.Size(), size)
				}
				budget.take(size)
				b, err := readArticle(files[i])
				if err == nil {
					reports[i], err = reportFileWith(&t, d, files[i], b, override)
					if err != nil {
						err = fmt.Errorf("%s: %w", files[i], err)
					}
				}
				budget.give(size)
				errs[i] = err
				mu.Lock()
				done++
				total += len(b)
				if progress != nil {
					progress(done, len(files), total)
				}
				mu.Unlock()
			}
		}()
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return reports, nil
}

// progressTo draws a progress bar on a terminal, and nothing when the
// stream is piped or redirected.
func progressTo(f *os.File) func(done, total, bytes int) {
	st, err := f.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	start := time.Now()
	return func(done, total, bytes int) {
		if total < 2 {
			return
		}
		const width = 30
		n := done * width / total
		mbps := float64(bytes) / 1e6 / max(time.Since(start).Seconds(), 1e-3)
		fmt.Fprintf(f, "\r[%s%s] %d/%d files, %.1f MB/s", strings.Repeat("#", n), strings.Repeat(".", width-n), done, total, mbps)
		if done == total {
			fmt.Fprintln(f)
		}
	}
}

func expandFiles(args []string) ([]string, error) {
	var files []string
	for _, a := range args {
		if a == stdinName {
			if !slices.Contains(files, a) {
				files = append(files, a) // standard input is read once
			}
			continue
		}
		st, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			files = append(files, a)
			continue
		}
		err = filepath.WalkDir(a, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			switch strings.ToLower(filepath.Ext(p)) {
			case ".txt", ".md", ".markdown", ".html", ".htm":
				if !d.IsDir() {
					files = append(files, p)
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(files)
	return files, nil
}

// reportFile checks one article with the same engine the widget runs.
func reportFile(d *engine.Dataset, name string, b []byte, override engine.Day) (fileReport, error) {
	return reportFileWith(&engine.Text{}, d, name, b, override)
}

// reportFileWith is reportFile with a Text to reuse between files.
func reportFileWith(t *engine.Text, d *engine.Dataset, name string, b []byte, override engine.Day) (fileReport, error) {
	text, rawDate, err := articleFromFile(name, b)
	if err != nil {
		return fileReport{}, err
	}
	day := override
	if day == engine.NoDay && rawDate != "" {
		if p, ok := engine.ParsePublished(rawDate); ok {
			day = p
		}
	}
	r := fileReport{File: name, DatasetVersion: d.Version(), AsOf: d.AsOf.String(), Mentions: []reportMention{}, Claims: []reportClaim{}, bytes: len(b)}
	if day != engine.NoDay {
		s := day.String()
		r.ArticleDate = &s
	}
	t.Reset(text)
	mentions := d.FindText(t)
	cut := engine.NewSlicer16(text)
	for _, c := range d.ClaimsText(t, mentions, day) {
		rc := reportClaim{ID: d.Entities[mentions[c.Mention].Entity].ID, Kind: c.Kind, Text: cut.Slice(c.Start, c.End),
			Start: c.Start, End: c.End, Says: c.Says, Record: c.Record, Note: c.Note}
		if c.List >= 0 {
			rc.List = d.Entities[c.List].ID
		}
		if c.Source >= 0 {
			s := &d.Sources[c.Source]
			rc.Source = &reportSource{Title: s.Title, Publisher: s.Publisher, URL: s.URL, Citation: s.Citation, Date: s.Day.String()}
		}
		r.Claims = append(r.Claims, rc)
	}
	// An entity's lists are the same at each of its mentions: a dense
	// article names the same few companies hundreds of times.
	listsOf := map[int32][]reportList{}
	for _, m := range mentions {
		e := &d.Entities[m.Entity]
		rm := reportMention{ID: e.ID, Name: e.Name, Text: cut.Slice(m.Start, m.End), Start: m.Start, End: m.End, Misspelled: m.Misspelled}
		if lists, ok := listsOf[m.Entity]; ok {
			rm.Lists = lists
			r.Mentions = append(r.Mentions, rm)
			continue
		}
		rm.Lists = []reportList{}
		card := d.Card(m.Entity, day)
		for _, l := range card.Lists {
			rl := reportList{List: l.ID, ListedToday: l.AsOf.Listed, StateToday: l.AsOf.State, TextToday: l.AsOf.Text}
			if day != engine.NoDay {
				if l.OnArticleDate.State != engine.Unknown.String() {
					listed := l.OnArticleDate.Listed
					rl.ListedOnDate = &listed
				}
				rl.StateOnDate, rl.TextOnDate = l.OnArticleDate.State, l.OnArticleDate.Text
			}
			rm.Lists = append(rm.Lists, rl)
		}
		listsOf[m.Entity] = rm.Lists
		r.Mentions = append(r.Mentions, rm)
	}
	return r, nil
}

func writeTextReport(w io.Writer, r fileReport, markdown bool) {
	date := "unknown (statuses are as of the dataset's date only)"
	if r.ArticleDate != nil {
		date = *r.ArticleDate
	}
	head, bullet := "", "  "
	if markdown {
		head, bullet = "## ", "- "
	}
	name := r.File
	if name == "" {
		name = "article"
	}
	fmt.Fprintf(w, "%s%s\n", head, name)
	fmt.Fprintf(w, "%sarticle date: %s; dataset %s (as of %s)\n", bullet, date, r.DatasetVersion, r.AsOf)
	if len(r.Mentions) == 0 {
		fmt.Fprintf(w, "%sno mentions of listed companies, lists or orders\n", bullet)
	}
	for _, c := range r.Claims {
		fmt.Fprintf(w, "%sCONFLICT (%s) at %d-%d: the text states %s. %s\n", bullet, c.Kind, c.Start, c.End, c.Says, c.Record)
		if c.Note != "" {
			fmt.Fprintf(w, "%s  note: %s\n", bullet, c.Note)
		}
		if c.Source != nil {
			fmt.Fprintf(w, "%s  source: %s, %s, %s <%s>\n", bullet, c.Source.Title, c.Source.Publisher, c.Source.Date, c.Source.URL)
		}
	}
	for _, m := range r.Mentions {
		fmt.Fprintf(w, "%s%q at %d-%d: %s (%s)\n", bullet, m.Text, m.Start, m.End, m.Name, m.ID)
		if m.Misspelled {
			fmt.Fprintf(w, "%s  written here as %q, a misspelling of the name\n", bullet, m.Text)
		}
		for _, l := range m.Lists {
			if l.ListedOnDate != nil {
				fmt.Fprintf(w, "%s  %s on the article's date: %s\n", bullet, l.List, l.TextOnDate)
			}
			fmt.Fprintf(w, "%s  %s as of %s: %s\n", bullet, l.List, r.AsOf, l.TextToday)
		}
	}
	fmt.Fprintln(w)
}
