//go:build !js

package cli

import (
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"

	"factcard/build/report"
	"factcard/data"
	"factcard/wasm/engine"
)

// Report checks articles: the report package behind flags.
var Report = &Command{
	Name:       "report",
	Usage:      "report [-date YYYY-MM-DD] [-format text|json|markdown] [-data DIR] FILE|DIR|-...",
	Standalone: true,
	Summary:    "check articles: every mention with its status on the article's date and today",
	Help: `DESCRIPTION
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
    or too large file (the message names the file) or output that cannot be written. "go run" reports any non-zero status as 1: install the tool
    (go install ./build/cmd/factcard) where the exact status matters.

EXAMPLE
    go run ./build report -date 2021-02-01 -format json draft.html`,
	Run: runReport,
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
		fmt.Fprintln(os.Stderr, "report: name at least one FILE or DIR (report -h shows the manual)")
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
	files, err := report.ExpandFiles(fs.Args())
	if err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		return 2
	}
	ds, err := LoadDataset(*dir)
	if err != nil {
		return 2
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		// The budget bounds the live memory; a soft limit keeps the
		// garbage collector from letting the heap grow to twice that.
		debug.SetMemoryLimit(report.MemoryLimit)
	}
	compiled := data.Compile(ds)
	reports, err := report.Files(compiled, files, override, report.ProgressTo(os.Stderr))
	if err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		return 2
	}
	conflicts := 0
	for _, r := range reports {
		conflicts += len(r.Claims)
	}
	out := NewOutput("report")
	if *format == "json" {
		report.WriteJSON(out, reports) // a write error is Finish's
	} else {
		for _, r := range reports {
			report.WriteText(out, r, *format == "markdown")
		}
	}
	if code := out.Finish(0); code != 0 {
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
