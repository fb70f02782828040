package official

import (
	"path/filepath"

	"factcard/wasm/engine"
)

// Target is one official file measured against one list of the dataset.
type Target struct {
	File    string // file name in the official folder
	List    string // the dataset's list entity
	Chinese bool   // only entries with an address in China, Hong Kong or Macau
	Aliases bool   // the aliases are listed names too (1260H's named subsidiaries)
	// Words name the list in a text: an acronym the list prints matches
	// only near them (or near another name of its party).
	Words []string
}

// Targets are the official files whose coverage `check` reports.
var Targets = []Target{
	{File: "bis-entity-list.json", List: EntityListID, Chinese: true, Words: ListWords},
	{File: "dow-1260h.json", List: "1260h", Chinese: true, Words: Words1260H},
	{File: "dow-1260h.json", List: "1260h", Chinese: true, Aliases: true, Words: Words1260H},
	{File: "ofac-nscmic.json", List: "ns-cmic", Words: WordsNSCMIC},
	{File: "fcc-covered.json", List: "fcc-covered", Words: WordsFCC},
}

// Coverage is how many of a file's printed names the dataset finds listed.
type Coverage struct {
	Target
	Day   engine.Day // the day measured: the day after the file was read
	Names int
	Found int
	// InContext are names found only when the line also names the list
	// ("X was added to the list"): names that match only with context.
	InContext []string
	Missing   []string // found neither alone nor beside the list's name
	Skipped   int      // entries that name no party (FCC categories of equipment, Entity List addresses)
	Extracted string
}

// Measure writes each printed name of the file's entries alone into a
// one-line article and asks the engine whether a party it finds there is
// listed on the target list the day after the file was read: what a reader
// of an article naming the entry would see.
func Measure(d *engine.Dataset, dir string, t Target) (*Coverage, error) {
	f, err := Read(filepath.Join(dir, t.File))
	if err != nil {
		return nil, err
	}
	extracted, _ := engine.ParseDay(f.Extracted)
	c := &Coverage{Target: t, Day: extracted + 1, Extracted: f.Extracted}
	list := d.EntityIndex(t.List)
	seen := map[string]bool{}
	for i := range f.Entries {
		e := &f.Entries[i]
		if t.Chinese && !e.Chinese() {
			continue
		}
		if e.Country == "" || e.AddressOnly() {
			c.Skipped++
			continue
		}
		names := []string{e.Name}
		if t.Aliases {
			names = namesOfEntry(e)
		}
		for _, n := range names {
			if seen[n] {
				continue
			}
			seen[n] = true
			c.Names++
			switch {
			case listedIn(d, n, list, c.Day):
				c.Found++
			case listedIn(d, n+" was added to the "+d.Entities[list].Name+".", list, c.Day):
				c.InContext = append(c.InContext, n)
			default:
				c.Missing = append(c.Missing, n)
			}
		}
	}
	return c, nil
}

func listedIn(d *engine.Dataset, text string, list int32, day engine.Day) bool {
	for _, m := range d.Find(text) {
		for _, st := range d.Status(m.Entity, day) {
			if st.List == list && st.Listed() {
				return true
			}
		}
	}
	return false
}
