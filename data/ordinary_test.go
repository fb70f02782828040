package data

import (
	"flag"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"

	"factcard/internal/fixture"
)

var updateWords = flag.Bool("update-words", false, "rewrite ordinary-words.txt from the system dictionary")

// systemDictionary is Debian's wamerican word list (SCOWL), which the test
// command installs.
const systemDictionary = "/usr/share/dict/words"

// TestOrdinaryWordsCurrent: ordinary-words.txt holds exactly the words of
// the dataset's names that the dictionary holds, so that a name imported
// later is judged by the same dictionary (go test ./data -run
// TestOrdinaryWordsCurrent -update-words rewrites it).
func TestOrdinaryWordsCurrent(t *testing.T) {
	b, err := os.ReadFile(fixture.Require(t, systemDictionary))
	if err != nil {
		t.Fatal(err)
	}
	dict := map[string]bool{}
	for _, w := range strings.Fields(string(b)) {
		if !strings.ContainsRune(w, '\'') {
			dict[strings.ToLower(w)] = true
		}
	}
	d, err := Load("../data")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var want []string
	addWords := func(name string) {
		for _, v := range variantsOf(name) {
			for _, w := range nameWords(v.text) {
				if !seen[w] && dict[w] && len(w) >= 2 && strings.IndexFunc(w, unicode.IsDigit) < 0 {
					seen[w] = true
					want = append(want, w)
				}
			}
		}
	}
	for _, e := range d.Entities {
		for _, n := range namesOf(e) {
			addWords(n.Text)
		}
		for _, n := range e.LegalNames {
			addWords(n)
		}
	}
	for _, li := range d.Listings {
		for _, en := range li.Entries {
			addWords(en.AsListed)
		}
	}
	slices.Sort(want)
	if *updateWords {
		header := "# The words of the dataset's names that Debian's wamerican dictionary (SCOWL) holds, folded.\n" +
			"# A name made only of these, places and legal forms is an ordinary name (data/ordinary.go).\n" +
			"# Generated: go test ./data -run TestOrdinaryWordsCurrent -update-words\n"
		if err := os.WriteFile("ordinary-words.txt", []byte(header+strings.Join(want, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	var have []string
	for w := range ordinaryWords() {
		have = append(have, w)
	}
	slices.Sort(have)
	if !slices.Equal(have, want) {
		var missing, extra []string
		for _, w := range want {
			if !ordinaryWords()[w] {
				missing = append(missing, w)
			}
		}
		for _, w := range have {
			if !seen[w] {
				extra = append(extra, w)
			}
		}
		t.Errorf("ordinary-words.txt is out of date (missing %v, not in any name %v): go test ./data -run TestOrdinaryWordsCurrent -update-words", missing, extra)
	}
}
