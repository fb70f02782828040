//go:build !js

package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"factcard/build/cli"
	"factcard/data"
	"factcard/data/official"
)

var importCmd = &cli.Command{
	Name:    "import",
	Usage:   "import [-official DIR] [-data DIR] [-n]",
	Summary: "generate data/*/official/ from the official lists and show what changed",
	Help: `DESCRIPTION
    Reads the Entity List's official file (DIR/bis-entity-list.json: 15 CFR 744 Supp. No. 4, parsed with each
    entry's verbatim cells) and writes data/{sources,entities,listings}/official/entity-list.yaml: an entry for
    every party with an address in China, Hong Kong or Macau and for every entry of a known group (Huawei, CETC,
    CASC, CALT, CASIC, AVIC, Inspur, SMIC, CSSC) at any address. Curated records (the files outside official/)
    are authoritative: their entries are not generated again, and where the official file disagrees with one
    the import says so. It prints the change against the previous import (added, removed, renamed, changed
    entries) and the findings a reviewer must read. Then, from DIR/dow-1260h.json, DIR/ofac-nscmic.json and
    DIR/fcc-covered.json, it writes data/listings/official/<list>.yaml with the printed names (and named
    subsidiaries) of entries the curated files hold but the matcher does not yet find by those names. Importing
    the same files twice changes nothing.

FLAGS
    -official DIR   folder of the official list files (default "` + cli.OfficialDir + `")
    -data DIR       dataset directory (default "data")
    -n              print the changes without writing

EXIT STATUS
    0 when the import succeeded, 1 on an unreadable file or a dataset error, 2 on bad usage.

EXAMPLE
    go run ./build import && git diff --stat data/`,
	Run: func(args []string) int {
		fs := flag.NewFlagSet("import", flag.ContinueOnError)
		dir := fs.String("data", "data", "dataset directory")
		off := fs.String("official", cli.OfficialDir, "folder of the official list files")
		dry := fs.Bool("n", false, "print the changes without writing")
		if err := fs.Parse(args); err != nil {
			return 2
		}
		curated, err := data.LoadCurated(*dir)
		if err != nil {
			fmt.Fprintln(os.Stderr, "import: the curated dataset has errors:\n"+err.Error())
			return 1
		}
		f, err := official.Read(filepath.Join(*off, "bis-entity-list.json"))
		if err != nil {
			fmt.Fprintln(os.Stderr, "import:", err)
			return 1
		}
		imp, err := official.ImportEntityList(f, curated)
		if err != nil {
			fmt.Fprintln(os.Stderr, "import:", err)
			return 1
		}
		files, err := imp.Files(official.EntityListID)
		if err != nil {
			fmt.Fprintln(os.Stderr, "import:", err)
			return 1
		}
		listingPath := filepath.Join(*dir, "listings", data.GeneratedDir, official.EntityListID+".yaml")
		old, err := os.ReadFile(listingPath)
		if err != nil {
			old = nil
		}
		diff, err := official.Diff(old, imp.Listing)
		if err != nil {
			fmt.Fprintln(os.Stderr, "import:", err)
			return 1
		}
		for _, line := range diff {
			fmt.Println(line)
		}
		for _, line := range imp.Findings {
			fmt.Println("finding  " + line)
		}
		fmt.Printf("import: %d entries (%d new entities) from %s of %s; %d changes, %d findings\n",
			len(imp.Listing.Entries), len(imp.Entities), filepath.Base(f.Path), f.Extracted, len(diff), len(imp.Findings))
		if !*dry {
			changed, err := official.Write(*dir, files)
			if err != nil {
				fmt.Fprintln(os.Stderr, "import:", err)
				return 1
			}
			if len(changed) == 0 {
				fmt.Println("import: nothing changed")
			}
			for _, c := range changed {
				fmt.Println("wrote", filepath.Join(*dir, c))
			}
		}
		for _, t := range official.Targets[1:] {
			if t.Aliases {
				continue // the same file as the target before it
			}
			f, err := official.Read(filepath.Join(*off, t.File))
			if err != nil {
				fmt.Fprintln(os.Stderr, "import:", err)
				return 1
			}
			imp := official.ImportPrintedNames(f, t, curated)
			for _, line := range imp.Findings {
				fmt.Println("finding  " + line)
			}
			files, err := imp.Files(t.List)
			if err != nil {
				fmt.Fprintln(os.Stderr, "import:", err)
				return 1
			}
			fmt.Printf("import: %d %s entries gain printed names from %s\n", len(imp.Listing.PrintedNames), t.List, t.File)
			if *dry || len(imp.Listing.PrintedNames) == 0 {
				continue
			}
			changed, err := official.Write(*dir, files)
			if err != nil {
				fmt.Fprintln(os.Stderr, "import:", err)
				return 1
			}
			for _, c := range changed {
				fmt.Println("wrote", filepath.Join(*dir, c))
			}
		}
		if *dry {
			return 0
		}
		if _, err := cli.LoadDataset(*dir); err != nil {
			return 1
		}
		return 0
	},
}
