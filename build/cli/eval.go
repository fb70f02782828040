//go:build !js

package cli

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"factcard/build/corpus"
	"factcard/data"
)

// Eval scores the matcher and the claims check on their labelled corpora.
var Eval = &Command{
	Name:    "eval",
	Usage:   "eval [-corpus FILE,...] [-claims FILE] [-v]",
	Summary: "score the matcher and the claims check against their labelled corpora: precision and recall",
	Help: `DESCRIPTION
    Runs the engine on every sentence of the labelled corpus (sentences written for factcard, each with the
    mentions a careful reader expects) and prints true positives, false positives, false negatives, precision
    and recall per kind (category), per language, per part and in total. Categories named trap-* expect no
    mention. The corpus has two parts: the tuning part (corpus.yaml, corpus-realworld.yaml), used while
    building the matcher, and the held-back part (corpus-heldback.yaml), kept out of tuning.
    Then runs the claims check on its corpus (wasm/engine/testdata/claims.yaml: sentences with the date they are
    read on and the kind of claim the dataset contradicts, if any) and prints its precision and recall; a flag
    counts as right only with the labelled kind and a cited source.

FLAGS
    -corpus FILES  comma-separated corpus files (default: the three in wasm/engine/testdata); a file whose
                   name contains "heldback" is the held-back part
    -claims FILE   the claims corpus (default "wasm/engine/testdata/claims.yaml")
    -v             list every wrong or missed mention

EXIT STATUS
    0 when the targets are met (no false positive in trap-* categories; recall at least 0.98 in total; recall
    at least 0.97 and precision at least 0.99 on the held-back part; claims precision at least 0.98), 1 when
    not, 2 on bad usage or an unreadable corpus.

EXAMPLE
    go run ./build eval -v`,
	Run: func(args []string) int {
		fs := flag.NewFlagSet("eval", flag.ContinueOnError)
		files := fs.String("corpus", strings.Join(corpus.Default, ","), "labelled corpus files, comma-separated")
		claimsCorpus := fs.String("claims", corpus.DefaultClaims, "labelled claims corpus")
		verbose := fs.Bool("v", false, "list every error")
		if err := fs.Parse(args); err != nil {
			return 2
		}
		ds, err := LoadDataset("data")
		if err != nil {
			return 2
		}
		var items []corpus.Item
		for _, path := range strings.Split(*files, ",") {
			more, err := corpus.Read(path)
			if err != nil {
				fmt.Fprintln(os.Stderr, "eval:", err)
				return 2
			}
			items = append(items, more...)
		}
		claims, err := corpus.ReadClaims(*claimsCorpus)
		if err != nil {
			fmt.Fprintln(os.Stderr, "eval:", err)
			return 2
		}
		compiled := data.Compile(ds)
		s := corpus.Score(compiled, items)
		s.Print(os.Stdout, *verbose)
		if *files == strings.Join(corpus.Default, ",") {
			for _, path := range corpus.Blind {
				blind, err := corpus.Read(path)
				if err != nil {
					fmt.Fprintln(os.Stderr, "eval:", err)
					return 2
				}
				b := corpus.Score(compiled, blind)
				fmt.Printf("\nblind part (%s: labelled apart from the matcher; no target):\n", path)
				b.PrintSummary(os.Stdout)
			}
		}
		ct, cerrs := corpus.ScoreClaims(compiled, claims)
		fmt.Printf("\nclaims check: %d sentences, %d flags right, %d wrong, %d missed: precision %.3f (target >= %.2f), recall %.3f\n",
			ct.Items, ct.TP, ct.FP, ct.FN, ct.Precision(), corpus.ClaimsPrecisionTarget, ct.Recall())
		if *verbose {
			for _, e := range cerrs {
				fmt.Println(e)
			}
		}
		if !s.MeetsTargets() || ct.Precision() < corpus.ClaimsPrecisionTarget {
			return 1
		}
		return 0
	},
}
