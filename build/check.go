package main

import (
	"errors"
	"flag"
	"fmt"
	"os"

	"factcard/data"
	"factcard/data/official"
	"factcard/wasm/engine"
)

var checkCmd = &command{
	name:    "check",
	usage:   "check [-data DIR]",
	summary: "validate the dataset and list every error with file and line",
	help: `DESCRIPTION
    Loads every file under data/ (dataset.yaml, sources/, entities/, listings/), validates ids, dates, sources,
    event order and list semantics (docs/dataset.md), and prints every problem as FILE:LINE: MESSAGE. Then it prints each list's coverage: how many of the
    official file's printed names (../shared/sources/official-lists-*) the engine finds listed the day after the
    file was read, and the names it misses.

FLAGS
    -data DIR       dataset directory (default "data")
    -official DIR   folder of the official list files (default "` + officialDir + `")

EXIT STATUS
    0 when the dataset is valid, 1 when it has errors, 2 on bad usage.

EXAMPLE
    go run ./build check`,
	run: func(args []string) int {
		fs := flag.NewFlagSet("check", flag.ContinueOnError)
		dir := fs.String("data", "data", "dataset directory")
		off := fs.String("official", officialDir, "folder of the official list files, for coverage")
		if err := fs.Parse(args); err != nil {
			return 2
		}
		d, err := loadDataset(*dir)
		if err != nil {
			return 1
		}
		c := data.Compile(d)
		fmt.Printf("dataset %s: %d sources, %d entities, %d lists, %d names\n", c.Version(), len(c.Sources), len(c.Entities), len(c.Lists), len(c.Patterns))
		printCoverage(c, *off)
		return 0
	},
}

// printCoverage prints, per list, how many of the official file's printed
// names the dataset finds listed, and names the missing ones.
func printCoverage(c *engine.Dataset, dir string) {
	if _, err := os.Stat(dir); err != nil {
		fmt.Printf("coverage: skipped (no official list files in %s)\n", dir)
		return
	}
	for _, t := range official.Targets {
		cov, err := official.Measure(c, dir, t)
		if err != nil {
			fmt.Printf("coverage %s: %v\n", t.List, err)
			continue
		}
		what := "entries"
		if t.Chinese {
			what = "entries with an address in China"
		}
		if t.Aliases {
			what = "printed names (entries, aliases, named subsidiaries)"
		}
		fmt.Printf("coverage %-12s %4d of %4d %s of %s (%s) found listed on %s (%.1f%%)\n", t.List, cov.Found, cov.Names, what,
			t.File, cov.Extracted, cov.Day, 100*float64(cov.Found)/float64(max(cov.Names, 1)))
		if cov.InContext > 0 {
			fmt.Printf("    %d of the missing are found in a line that also names the list (they match only with context)\n", cov.InContext)
		}
		if cov.Skipped > 0 {
			fmt.Printf("    %d entries name no party (a category of equipment, an address): not counted\n", cov.Skipped)
		}
		for _, m := range cov.Missing {
			fmt.Printf("    missing: %s\n", m)
		}
	}
}

// loadDataset loads and validates the dataset, printing every error.
func loadDataset(dir string) (*data.Dataset, error) {
	d, err := data.Load(dir)
	if err != nil {
		var errs data.Errors
		if errors.As(err, &errs) {
			for _, e := range errs {
				fmt.Fprintln(os.Stderr, e)
			}
			fmt.Fprintf(os.Stderr, "check: %d errors in the dataset\n", len(errs))
		} else {
			fmt.Fprintln(os.Stderr, "check:", err)
		}
		return nil, err
	}
	return d, nil
}
