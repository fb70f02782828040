//go:build !js

// Package report checks articles against the dataset with the engine the
// widget runs: it finds the article body and date in HTML, Markdown or text
// as the widget does, lists every mention with its status on the article's
// date and today, flags statements the record contradicts, and writes the
// result as text, Markdown or JSON. Directories are checked in parallel.
package report

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/goccy/go-json"

	"factcard/wasm/engine"
)

// List is a mention's standing on one list, on the article's date (nil
// when the date is unknown or the record does not say) and today.
type List struct {
	List         string `json:"list"`
	ListedOnDate *bool  `json:"listedOnDate"`
	ListedToday  bool   `json:"listedToday"`
	StateOnDate  string `json:"stateOnDate,omitempty"`
	StateToday   string `json:"stateToday"`
	TextOnDate   string `json:"textOnDate,omitempty"`
	TextToday    string `json:"textToday"`
}

// Mention is one mention of a listed company, list or order; Start and
// End are UTF-16 offsets into the article text the report extracted.
type Mention struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Text  string `json:"text"`
	Start int32  `json:"start"`
	End   int32  `json:"end"`
	// Misspelled: the text misspells the name (Text is what it wrote).
	Misspelled bool   `json:"misspelled,omitempty"`
	Lists      []List `json:"lists"`
}

// Claim is a statement of the article that the record contradicts, in the
// shape the widget receives too.
type Claim = engine.ClaimView

// File is the report on one article.
type File struct {
	File           string    `json:"file,omitempty"`
	DatasetVersion string    `json:"datasetVersion"`
	AsOf           string    `json:"asOf"`
	ArticleDate    *string   `json:"articleDate"`
	Mentions       []Mention `json:"mentions"`
	Claims         []Claim   `json:"claims"`
	Bytes          int       `json:"-"` // the file's size
}

// Stdin is the file name that stands for standard input.
const Stdin = "-"

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

// ReadArticle reads one file named on the command line ("-" is standard
// input), refusing one over the size limit before reading it.
func ReadArticle(name string) ([]byte, error) {
	if name == Stdin {
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

// Budget is the bytes of article files checked at once, and
// MemoryLimit the Go runtime's soft memory limit for a report: about
// 18 bytes per byte of text in flight, plus room for the dataset and the
// collector.
const (
	Budget      = 2 * engine.MaxText
	MemoryLimit = 24 * Budget
)

// Files checks files in parallel, one worker per core and under
// Budget, and returns the reports in the order of files. The first
// unreadable file stops the run.
func Files(d *engine.Dataset, files []string, override engine.Day, progress func(done, total, bytes int)) ([]File, error) {
	budget := newMemoryBudget(Budget)
	reports := make([]File, len(files))
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
				b, err := ReadArticle(files[i])
				if err == nil {
					reports[i], err = checkWith(&t, d, files[i], b, override)
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

// ProgressTo draws a progress bar on a terminal, and nothing when the
// stream is piped or redirected.
func ProgressTo(f *os.File) func(done, total, bytes int) {
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

func ExpandFiles(args []string) ([]string, error) {
	var files []string
	for _, a := range args {
		if a == Stdin {
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
func Check(d *engine.Dataset, name string, b []byte, override engine.Day) (File, error) {
	return checkWith(&engine.Text{}, d, name, b, override)
}

// checkWith is reportFile with a Text to reuse between files.
func checkWith(t *engine.Text, d *engine.Dataset, name string, b []byte, override engine.Day) (File, error) {
	text, rawDate, err := ArticleFromFile(name, b)
	if err != nil {
		return File{}, err
	}
	day := override
	if day == engine.NoDay && rawDate != "" {
		if p, ok := engine.ParsePublished(rawDate); ok {
			day = p
		}
	}
	r := File{File: name, DatasetVersion: d.Version(), AsOf: d.AsOf.String(), Mentions: []Mention{}, Claims: []Claim{}, Bytes: len(b)}
	if day != engine.NoDay {
		s := day.String()
		r.ArticleDate = &s
	}
	t.Reset(text)
	mentions := d.FindText(t)
	cut := engine.NewSlicer16(text)
	r.Claims = append(r.Claims, d.ClaimViews(text, mentions, d.ClaimsText(t, mentions, day))...)
	// An entity's lists are the same at each of its mentions: a dense
	// article names the same few companies hundreds of times.
	listsOf := map[int32][]List{}
	for _, m := range mentions {
		e := &d.Entities[m.Entity]
		rm := Mention{ID: e.ID, Name: e.Name, Text: cut.Slice(m.Start, m.End), Start: m.Start, End: m.End, Misspelled: m.Misspelled}
		if lists, ok := listsOf[m.Entity]; ok {
			rm.Lists = lists
			r.Mentions = append(r.Mentions, rm)
			continue
		}
		rm.Lists = []List{}
		card := d.Card(m.Entity, day)
		for _, l := range card.Lists {
			rl := List{List: l.ID, ListedToday: l.AsOf.Listed, StateToday: l.AsOf.State, TextToday: l.AsOf.Text}
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

func WriteText(w io.Writer, r File, markdown bool) {
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

// WriteJSON writes the JSON contract: one report as an object, several as
// an array in which each names its file.
func WriteJSON(w io.Writer, reports []File) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if len(reports) == 1 {
		one := reports[0]
		one.File = ""
		return enc.Encode(one)
	}
	return enc.Encode(reports)
}
