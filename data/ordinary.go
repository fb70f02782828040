package data

import (
	_ "embed"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unicode"

	"factcard/wasm/engine"
)

// ordinaryWordsFile holds the words of the dataset's names that are
// ordinary English words or common proper names (the dictionary's), one a
// line; TestOrdinaryWordsCurrent keeps it equal to the dictionary's words
// among the names.
//
//go:embed ordinary-words.txt
var ordinaryWordsFile string

var ordinaryWords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(ordinaryWordsFile, "\n") {
		if w := strings.TrimSpace(line); w != "" && !strings.HasPrefix(w, "#") {
			m[w] = true
		}
	}
	return m
})

// nameWords splits a name into its words, folded: letters and digits, with
// the places of chinesePlaces kept as one word each ("hong kong").
func nameWords(name string) []string {
	s := " " + name + " "
	for p := range chinesePlaces {
		if strings.Contains(p, " ") {
			s = strings.ReplaceAll(s, p, strings.ReplaceAll(p, " ", "_"))
		}
	}
	f := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' })
	for i, w := range f {
		f[i] = strings.ToLower(strings.ReplaceAll(w, "_", " "))
	}
	return f
}

// glueWords join the words of a name and say nothing about whose it is.
var glueWords = map[string]bool{"of": true, "and": true, "the": true, "for": true, "in": true, "de": true}

// GlueWords returns glueWords, sorted: the widget's prefilter skips them
// when it pairs a name's words (build/prefilter.go).
func GlueWords() []string {
	return slices.Sorted(maps.Keys(glueWords))
}

// ordinaryName reports whether a Latin-script name is made only of
// ordinary words, places, legal forms and glue, in three words or fewer
// ("Galaxy Electronics", "Precision Measurement", "Hong Kong Development",
// "General Technology Limited"): such a name is as likely another
// organisation's as a listed party's. A place makes the party's own listed
// name specific ("Beijing Institute of Technology"), not an alias or a
// variant, so canonical says whether places count as distinctive. A word
// that is not the dictionary's ("Chitron", "Jingce"), or a number of two
// digits or more ("764"), is distinctive.
func ordinaryName(name string, canonical bool) bool {
	if hasCJK(name) {
		return false
	}
	ordinary := ordinaryWords()
	content := 0
	for _, w := range nameWords(name) {
		if glueWords[w] || legalWords[w] {
			continue
		}
		content++
		digits := strings.IndexFunc(w, unicode.IsDigit) >= 0
		switch {
		case isPlace(w):
			if canonical {
				return false
			}
		case digits && len(w) >= 2, !digits && len(w) >= 2 && !ordinary[w]:
			return false
		}
	}
	return content > 0 && content <= 3
}

func isPlace(folded string) bool {
	for p := range chinesePlaces {
		if strings.ToLower(p) == folded {
			return true
		}
	}
	return false
}

// matchRules applies to the names of the dataset the rules that keep ten
// times the names exact (docs/matching.md §9, "Imported names"): an
// imported name made of ordinary words and no legal form ("Galaxy
// Electronics", "Hudson Technologies", "Silk Road") is found as written and
// only beside a name of a list its party is on or one of the party's other
// names (or when such a name vouches for it); a person's alias ("David Lee", "Cherry") only
// beside another of that person's names, not beside the list's words alone,
// which every story on export controls holds.
type matchRules struct {
	d        *Dataset
	lists    map[string][]string // entity -> the lists it is on
	asListed map[string][]string // entity -> its as-listed names
}

func newMatchRules(d *Dataset) *matchRules {
	r := &matchRules{d: d, lists: map[string][]string{}, asListed: map[string][]string{}}
	for _, li := range d.Listings {
		for _, en := range li.Entries {
			if !slices.Contains(r.lists[en.Entity], li.List) {
				r.lists[en.Entity] = append(r.lists[en.Entity], li.List)
			}
			r.asListed[en.Entity] = append(r.asListed[en.Entity], en.AsListed)
		}
	}
	return r
}

// namesOf is the package's namesOf with these rules applied.
func (r *matchRules) namesOf(e *Entity) []Name {
	names := namesOf(e)
	canonical := map[string]bool{foldName(e.Name): true} // its own listed names
	for _, a := range r.asListed[e.ID] {
		canonical[foldName(a)] = true
	}
	out := make([]Name, 0, len(names))
	for _, n := range names {
		switch f := foldName(n.Text); {
		case e.Kind == "person" && len(n.Context) > 0 && !canonical[f]:
			n.Context = ownNames(n.Context, names, e.Name)
		case generatedFile(n.File) && (len(n.Context) > 0 || !variantsOf(n.Text)[0].stripped) && ordinaryName(n.Text, canonical[f]):
			n.Case, n.Context = "exact", r.namesNear(e, n, names)
		}
		out = append(out, n)
	}
	return out
}

// formRequired: an imported name written with a legal form whose words
// without it are ordinary ("General Technology Limited") is found only with
// a legal form after it.
func formRequired(n Name) bool {
	v := variantsOf(n.Text)[0]
	return v.stripped && len(n.Context) == 0 && listingFile(n.File) && ordinaryName(v.text, false)
}

// listingFile: a list's names, as the official lists print them or as a
// curated listings file copies them ("John Holland Group Pty Ltd.", whose
// "John Holland" without its form is anyone's name).
func listingFile(file string) bool {
	dir := path.Dir(filepath.ToSlash(file))
	return generatedFile(file) || path.Base(dir) == "listings"
}

// ownNames keeps the context words that are the person's own names; the
// canonical name when none is.
func ownNames(context []string, names []Name, canonical string) []string {
	var out []string
	for _, c := range context {
		for _, n := range names {
			if foldName(n.Text) == foldName(c) {
				out = append(out, c)
				break
			}
		}
	}
	if len(out) == 0 {
		out = []string{canonical}
	}
	return out
}

// namesNear: the names of the lists e is on and e's other names, the
// context of an imported name made of ordinary words. The list's words
// alone ("sanction", "export control") are in every story on export
// controls, where "Silk Road" or "Pure Technology" may still be anyone's.
func (r *matchRules) namesNear(e *Entity, n Name, names []Name) []string {
	var out []string
	add := func(s string) {
		if s != "" && foldName(s) != foldName(n.Text) && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, id := range r.lists[e.ID] {
		if l := r.d.entityByID[id]; l != nil {
			for _, ln := range namesOf(l) {
				add(ln.Text)
			}
		}
	}
	for _, o := range names {
		add(o.Text)
	}
	return out
}

func foldName(s string) string {
	f, _ := engine.NormalizeName(s)
	return string(f)
}

// generatedFile reports whether a data file is one the importer wrote.
func generatedFile(file string) bool {
	return file != "" && path.Base(path.Dir(filepath.ToSlash(file))) == GeneratedDir
}

// CommonWord reports whether a folded word of a name (a–z and 0–9) is as
// likely in any article as in a listed party's name: a dictionary word, a
// place, a legal form or glue, a number of up to four digits or an ordinal
// ("2021", "10th"). The widget's prefilter keys names on their other words
// (build/prefilter.go).
func CommonWord(w string) bool {
	if ordinaryWords()[w] || isPlace(w) || glueWords[w] || legalWords[w] {
		return true
	}
	if strings.Trim(w, "0123456789") == "" {
		return len(w) <= 4 // years and counts are in every article
	}
	if w[0] >= '0' && w[0] <= '9' {
		switch strings.TrimLeft(w, "0123456789") {
		case "st", "nd", "rd", "th":
			return true
		}
	}
	return false
}
