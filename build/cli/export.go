//go:build !js

package cli

import (
	"encoding/csv"
	"flag"
	"fmt"
	"os"

	"github.com/goccy/go-json"

	"factcard/data"
)

// Export writes the dataset for audit, as JSON or CSV.
var Export = &Command{
	Name:       "export",
	Usage:      "export [-format json|csv] [-data DIR]",
	Standalone: true,
	Summary:    "write the compiled dataset for audit, as JSON or CSV, to standard output",
	Help: `DESCRIPTION
    Writes the validated dataset: json gives every entity with its names, list entries and dated events, and
    every source; csv gives one row per event (entity, list, as-listed name, date, type, note, source title,
    source URL, citation), the form an auditor compares against a table of dated facts.

FLAGS
    -format FORMAT   json (default) or csv
    -data DIR        dataset directory, relative to where the command runs (default: the dataset built into
                     the program)

EXIT STATUS
    0 on success, 1 when the dataset has errors, 2 on bad usage or when the output cannot be written.

EXAMPLE
    go run ./build export -format csv > factcard-events.csv`,
	Run: func(args []string) int {
		fs := flag.NewFlagSet("export", flag.ContinueOnError)
		format := fs.String("format", "json", "json or csv")
		dir := fs.String("data", "", "dataset directory (default: the built-in dataset)")
		if err := fs.Parse(args); err != nil {
			return 2
		}
		if *format != "json" && *format != "csv" {
			fmt.Fprintf(os.Stderr, "export: unknown -format %q (json, csv)\n", *format)
			return 2
		}
		d, err := LoadDataset(*dir)
		if err != nil {
			return ExitStatus(err)
		}
		out := NewOutput("export")
		if *format == "json" {
			enc := json.NewEncoder(out)
			enc.SetIndent("", "  ")
			if err := enc.Encode(exportJSON(d)); err != nil {
				fmt.Fprintln(os.Stderr, "export: writing the output:", err)
				return 2
			}
		} else {
			w := csv.NewWriter(out)
			w.Write([]string{"entity", "list", "as_listed", "date", "type", "note", "source_title", "source_url", "citation"})
			for _, row := range exportRows(d) {
				w.Write(row)
			}
			w.Flush()
		}
		return out.Finish(0)
	},
}

func exportJSON(d *data.Dataset) map[string]any {
	c := data.Compile(d)
	return map[string]any{
		"datasetVersion": c.Version(),
		"asOf":           d.Meta.AsOf,
		"sources":        d.Sources,
		"entities":       d.Entities,
		"listings":       d.Listings,
	}
}

func exportRows(d *data.Dataset) [][]string {
	var rows [][]string
	row := func(entity, list, asListed string, ev data.Event) []string {
		s := d.Source(ev.Source)
		return []string{entity, list, asListed, ev.Date, ev.Type, ev.Note, s.Title, s.URL, s.Citation}
	}
	for _, e := range d.Entities {
		for _, ev := range e.Events {
			rows = append(rows, row(e.ID, "", "", ev))
		}
	}
	for _, li := range d.Listings {
		for _, en := range li.Entries {
			for _, ev := range en.Events {
				rows = append(rows, row(en.Entity, li.List, en.AsListed, ev))
			}
		}
	}
	return rows
}
