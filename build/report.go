package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/goccy/go-json"

	"factcard/data"
	"factcard/wasm/engine"
)

var reportCmd = &command{
	name:    "report",
	usage:   "report [-date YYYY-MM-DD] [-format text|json|markdown] [-data DIR] FILE|DIR...",
	summary: "check articles: every mention with its status on the article's date and today",
	help: `DESCRIPTION
    Reads text, HTML and Markdown files (directories are walked for .txt, .md, .html, .htm), finds the article
    body and its date as the widget does, and reports each mention of a listed company, list or order with its
    status on the article's date and as of the dataset's date, citing sources. Nothing is fetched.

FLAGS
    -date YYYY-MM-DD    the article's date; overrides the date found in the file
    -format FORMAT      text (default), json or markdown
    -data DIR           dataset directory (default "data")

OUTPUT (json)
    {"datasetVersion", "asOf", "articleDate", "mentions": [{"id", "name", "text", "start", "end",
    "lists": [{"list", "listedOnDate", "listedToday"}]}]}; start and end are UTF-16 offsets into the article
    text the report extracted. With several files, one such object per file in an array, each with "file".

EXIT STATUS
    0 when the files were checked, 2 on bad usage or an unreadable file (the message names the file).

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
	ID    string       `json:"id"`
	Name  string       `json:"name"`
	Text  string       `json:"text"`
	Start int32        `json:"start"`
	End   int32        `json:"end"`
	Lists []reportList `json:"lists"`
}

type fileReport struct {
	File           string          `json:"file,omitempty"`
	DatasetVersion string          `json:"datasetVersion"`
	AsOf           string          `json:"asOf"`
	ArticleDate    *string         `json:"articleDate"`
	Mentions       []reportMention `json:"mentions"`
}

func runReport(args []string) int {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	date := fs.String("date", "", "article date YYYY-MM-DD")
	format := fs.String("format", "text", "text, json or markdown")
	dir := fs.String("data", "data", "dataset directory")
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
	if *date != "" {
		d, ok := engine.ParseDay(*date)
		if !ok {
			fmt.Fprintf(os.Stderr, "report: -date %q is not YYYY-MM-DD\n", *date)
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
	compiled := data.Compile(ds)
	var reports []fileReport
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, "report:", err)
			return 2
		}
		r, err := reportFile(compiled, f, b, override)
		if err != nil {
			fmt.Fprintf(os.Stderr, "report: %s: %v\n", f, err)
			return 2
		}
		reports = append(reports, r)
	}
	switch *format {
	case "json":
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		if len(reports) == 1 {
			reports[0].File = ""
			enc.Encode(reports[0])
		} else {
			enc.Encode(reports)
		}
	default:
		for _, r := range reports {
			writeTextReport(os.Stdout, r, *format == "markdown")
		}
	}
	return 0
}

func expandFiles(args []string) ([]string, error) {
	var files []string
	for _, a := range args {
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
			case ".txt", ".md", ".html", ".htm":
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
	r := fileReport{File: name, DatasetVersion: d.Version(), AsOf: d.AsOf.String(), Mentions: []reportMention{}}
	if day != engine.NoDay {
		s := day.String()
		r.ArticleDate = &s
	}
	for _, m := range d.Find(text) {
		e := &d.Entities[m.Entity]
		rm := reportMention{ID: e.ID, Name: e.Name, Text: engine.Slice16(text, m.Start, m.End), Start: m.Start, End: m.End, Lists: []reportList{}}
		card := d.Card(m.Entity, day)
		for _, l := range card.Lists {
			rl := reportList{List: l.ID, ListedToday: l.AsOf.Listed, StateToday: l.AsOf.State, TextToday: l.AsOf.Text}
			if day != engine.NoDay {
				listed := l.OnArticleDate.Listed
				rl.ListedOnDate = &listed
				rl.StateOnDate, rl.TextOnDate = l.OnArticleDate.State, l.OnArticleDate.Text
			}
			rm.Lists = append(rm.Lists, rl)
		}
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
	for _, m := range r.Mentions {
		fmt.Fprintf(w, "%s%q at %d-%d: %s (%s)\n", bullet, m.Text, m.Start, m.End, m.Name, m.ID)
		for _, l := range m.Lists {
			if l.ListedOnDate != nil {
				fmt.Fprintf(w, "%s  %s on the article's date: %s\n", bullet, l.List, l.TextOnDate)
			}
			fmt.Fprintf(w, "%s  %s as of %s: %s\n", bullet, l.List, r.AsOf, l.TextToday)
		}
	}
	fmt.Fprintln(w)
}
