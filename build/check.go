//go:build !js

package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"factcard/data"
	"factcard/data/official"
	"factcard/wasm/engine"
)

var checkCmd = &command{
	name:       "check",
	usage:      "check [-data DIR]",
	standalone: true,
	summary:    "validate the dataset and list every error with file and line",
	help: `DESCRIPTION
    Loads every file of the dataset (dataset.yaml, sources/, entities/, listings/), validates ids, dates,
    sources, event order and list semantics (docs/dataset.md), and prints every problem as FILE:LINE: MESSAGE.
    Then it prints each list's coverage: how many of the official file's printed names
    (../shared/sources/official-lists-*) the engine finds listed the day after the file was read, and the names
    it misses.

FLAGS
    -data DIR       dataset directory, relative to where the command runs (default: the dataset built into the
                    program, which "go run ./build" takes from the checkout's data/)
    -official DIR   folder of the official list files (default "` + officialDir + `")

EXIT STATUS
    0 when the dataset is valid, 1 when it has errors, 2 on bad usage or a -data DIR that is not a folder.

EXAMPLE
    go run ./build check`,
	run: func(args []string) int {
		fs := flag.NewFlagSet("check", flag.ContinueOnError)
		dir := fs.String("data", "", "dataset directory (default: the built-in dataset)")
		off := fs.String("official", officialDir, "folder of the official list files, for coverage")
		if err := fs.Parse(args); err != nil {
			return 2
		}
		d, err := loadDataset(*dir)
		if err != nil {
			return exitStatus(err)
		}
		c := data.Compile(d)
		out := newOutput("check")
		fmt.Fprintf(out, "dataset %s: %d sources, %d entities, %d lists, %d names\n", c.Version(), len(c.Sources), len(c.Entities), len(c.Lists), len(c.Patterns))
		printCoverage(out, c, *off)
		return out.finish(0)
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

// errNotAFolder is a -data DIR that cannot be a dataset: bad usage.
var errNotAFolder = errors.New("not a folder")

// exitStatus is the status for a dataset that did not load: 2 for a -data
// DIR that is no folder, 1 for a dataset with errors.
func exitStatus(err error) int {
	if errors.Is(err, errNotAFolder) {
		return 2
	}
	return 1
}

// loadDataset loads and validates the dataset in dir, or the one built into
// the program when dir is "", printing every error.
func loadDataset(dir string) (*data.Dataset, error) {
	var d *data.Dataset
	var err error
	if dir == "" {
		d, err = data.LoadEmbedded()
	} else if st, serr := os.Stat(dir); serr != nil || !st.IsDir() {
		err = fmt.Errorf("-data %s: %w", dir, errNotAFolder)
		if serr != nil {
			err = fmt.Errorf("-data: %w (%w)", serr, errNotAFolder)
		}
	} else {
		d, err = data.Load(dir)
	}
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

// output buffers a command's standard output; finish flushes it and turns a
// write error (a full disk, a closed pipe) into exit status 2, so that a
// truncated report never passes for a complete one.
type output struct {
	*bufio.Writer
	cmd string
}

func newOutput(cmd string) *output { return &output{bufio.NewWriter(os.Stdout), cmd} }

func (o *output) finish(code int) int {
	if err := o.Flush(); err != nil {
		fmt.Fprintf(os.Stderr, "%s: writing the output: %v\n", o.cmd, err)
		return 2
	}
	return code
}
