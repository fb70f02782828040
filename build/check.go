package main

import (
	"errors"
	"flag"
	"fmt"
	"os"

	"factcard/data"
)

var checkCmd = &command{
	name:    "check",
	usage:   "check [-data DIR]",
	summary: "validate the dataset and list every error with file and line",
	help: `DESCRIPTION
    Loads every file under data/ (dataset.yaml, sources/, entities/, listings/), validates ids, dates, sources,
    event order and list semantics (docs/dataset.md), and prints every problem as FILE:LINE: MESSAGE.

FLAGS
    -data DIR   dataset directory (default "data")

EXIT STATUS
    0 when the dataset is valid, 1 when it has errors, 2 on bad usage.

EXAMPLE
    go run ./build check`,
	run: func(args []string) int {
		fs := flag.NewFlagSet("check", flag.ContinueOnError)
		dir := fs.String("data", "data", "dataset directory")
		if err := fs.Parse(args); err != nil {
			return 2
		}
		d, err := loadDataset(*dir)
		if err != nil {
			return 1
		}
		c := data.Compile(d)
		fmt.Printf("dataset %s: %d sources, %d entities, %d lists, %d names\n", c.Version(), len(c.Sources), len(c.Entities), len(c.Lists), len(c.Patterns))
		return 0
	},
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
