//go:build !js

package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"factcard/data"
	"factcard/data/official"
	"factcard/wasm/engine"
)

// Check validates the dataset and prints its coverage of the official lists.
var Check = &Command{
	Name:       "check",
	Usage:      "check [-data DIR]",
	Standalone: true,
	Summary:    "validate the dataset and list every error with file and line",
	Help: `DESCRIPTION
    Loads every file of the dataset (dataset.yaml, sources/, entities/, listings/), validates ids, dates,
    sources, event order and list semantics (docs/dataset.md), and prints every problem as FILE:LINE: MESSAGE.
    Then it prints each list's coverage: how many of the official file's printed names
    (../shared/sources/official-lists-*) the engine finds listed the day after the file was read, and the names
    it misses.

FLAGS
    -data DIR       dataset directory, relative to where the command runs (default: the dataset built into the
                    program, which "go run ./build" takes from the checkout's data/)
    -official DIR   folder of the official list files (default "` + OfficialDir + `")

EXIT STATUS
    0 when the dataset is valid, 1 when it has errors, 2 on bad usage or a -data DIR that is not a folder.

EXAMPLE
    go run ./build check`,
	Run: func(args []string) int {
		fs := flag.NewFlagSet("check", flag.ContinueOnError)
		dir := fs.String("data", "", "dataset directory (default: the built-in dataset)")
		off := fs.String("official", OfficialDir, "folder of the official list files, for coverage")
		if err := fs.Parse(args); err != nil {
			return 2
		}
		d, err := LoadDataset(*dir)
		if err != nil {
			return ExitStatus(err)
		}
		c := data.Compile(d)
		out := NewOutput("check")
		fmt.Fprintf(out, "dataset %s: %d sources, %d entities, %d lists, %d names\n", c.Version(), len(c.Sources), len(c.Entities), len(c.Lists), len(c.Patterns))
		printCoverage(out, c, *off)
		return out.Finish(0)
	},
}

// printCoverage prints, per list, how many of the official file's printed
// names the dataset finds listed, and names the missing ones.
func printCoverage(w io.Writer, c *engine.Dataset, dir string) {
	if _, err := os.Stat(dir); err != nil {
		fmt.Fprintf(w, "coverage: skipped (no official list files in %s)\n", dir)
		return
	}
	for _, t := range official.Targets {
		cov, err := official.Measure(c, dir, t)
		if err != nil {
			fmt.Fprintf(w, "coverage %s: %v\n", t.List, err)
			continue
		}
		what := "entries"
		if t.Chinese {
			what = "entries with an address in China"
		}
		if t.Aliases {
			what = "printed names (entries, aliases, named subsidiaries)"
		}
		fmt.Fprintf(w, "coverage %-12s %4d of %4d %s of %s (%s) found listed on %s (%.1f%%)\n", t.List, cov.Found, cov.Names, what,
			t.File, cov.Extracted, cov.Day, 100*float64(cov.Found)/float64(max(cov.Names, 1)))
		if len(cov.InContext) > 0 {
			fmt.Fprintf(w, "    %d more are found in a line that also names the list (they match only with context): %s\n",
				len(cov.InContext), strings.Join(cov.InContext, ", "))
		}
		if cov.Skipped > 0 {
			fmt.Fprintf(w, "    %d entries name no party (a category of equipment, an address): not counted\n", cov.Skipped)
		}
		for _, m := range cov.Missing {
			fmt.Fprintf(w, "    missing: %s\n", m)
		}
	}
}
