//go:build !js

package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/goccy/go-json"

	"factcard/build/cli"
	"factcard/data"
	"factcard/data/ofac"
)

var syncCmd = &cli.Command{
	Name:       "sync",
	Usage:      "sync [-data DIR] [-all] OFFICIAL...",
	Summary:    "compare official list files with the dataset and print what a maintainer would add",
	Standalone: true,
	Help: `DESCRIPTION
    Reads official machine-readable lists and prints how each differs from the dataset's listing: entries that
    are new, entries the dataset has as listed that the official list no longer holds, entries listed under
    another name, and listing, effective and divestment dates that differ. Each difference comes with the
    YAML line a maintainer would add to data/listings/LIST.yaml and the publication to cite. It writes nothing:
    every fact still needs its primary source read and cited.

    OFFICIAL is a folder of OFAC's legacy consolidated non-SDN CSV files (cons_prim.csv, with cons_alt.csv,
    cons_add.csv, cons_comments.csv beside it; its CMIC-EO13959 rows are the NS-CMIC list), or a JSON file
    {list_id, source_file, extracted, entities: [{name, aliases, effective_date, notes}]} as parsed from the
    official publications (list_id ofac-nscmic, dow-1260h, fcc-covered, bis-entity-list).

FLAGS
    -data DIR   dataset directory (default: the dataset built into the program)
    -all        list every new entry; by default only those whose name is an entity of the dataset are listed
                one by one, and the others are counted (the Entity List holds thousands outside its scope)

EXIT STATUS
    0 when the official files agree with the dataset, 1 when something differs, 2 on bad usage or an
    unreadable file.

EXAMPLE
    go run ./build sync ~/Downloads/ofac-non-sdn/ official-lists/dow-1260h.json`,
	Run: runSync,
}

// officialEntry is one entry of an official list.
type officialEntry struct {
	Name    string
	Aliases []string
	// Dates by dataset event type ("listed", "effective",
	// "divestment-deadline"), where the publication gives them.
	Dates map[string]string
	// Subsidiaries is the text naming the subsidiaries listed with it, as
	// the 1260H list's notes give them ("Listed together with
	// subsidiaries: A, B, and C."), folded by nameKey.
	Subsidiaries string
}

// officialList is one official publication's entries.
type officialList struct {
	List    string // the dataset's list id
	Cite    string // the publication a maintainer cites
	File    string
	Entries []officialEntry
}

// officialJSONLists maps a parsed publication's list_id to the dataset's
// list and the publication to cite.
var officialJSONLists = map[string]struct{ list, cite string }{
	"ofac-nscmic":     {"ns-cmic", "OFAC, Non-SDN Chinese Military-Industrial Complex Companies List (NS-CMIC), with the Treasury press release or Federal Register notice that made the change"},
	"dow-1260h":       {"1260h", "Department of War, Section 1260H list, as published in the Federal Register"},
	"fcc-covered":     {"fcc-covered", "FCC, List of Equipment and Services Covered By Section 2 of The Secure Networks Act, with the FCC public notice that changed it"},
	"bis-entity-list": {"entity-list", "BIS, 15 CFR part 744 Supplement No. 4 (Entity List), with the Federal Register rule that changed the entry"},
}

func runSync(args []string) int {
	fs := flag.NewFlagSet("sync", flag.ContinueOnError)
	dir := fs.String("data", "", "dataset directory (default: the built-in dataset)")
	all := fs.Bool("all", false, "list every new entry")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "sync: name at least one official file or OFAC folder (see go run ./build help sync)")
		return 2
	}
	var lists []officialList
	for _, path := range fs.Args() {
		l, err := readOfficial(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "sync:", err)
			return 2
		}
		lists = append(lists, l)
	}
	d, err := cli.LoadDataset(*dir)
	if err != nil {
		return 2
	}
	out := cli.NewOutput("sync")
	differences := 0
	for _, l := range lists {
		diffs, err := syncList(d, l)
		if err != nil {
			fmt.Fprintln(os.Stderr, "sync:", err)
			return 2
		}
		differences += len(diffs)
		writeSyncReport(out, l, diffs, *all)
	}
	if code := out.Finish(0); code != 0 {
		return code
	}
	if differences > 0 {
		return 1
	}
	return 0
}

// readOfficial reads an OFAC CSV folder or a parsed publication's JSON.
func readOfficial(path string) (officialList, error) {
	st, err := os.Stat(path)
	if err != nil {
		return officialList{}, err
	}
	if st.IsDir() {
		rows, err := ofac.Parse(path)
		if err != nil {
			return officialList{}, err
		}
		l := officialList{List: "ns-cmic", File: filepath.Join(path, ofac.PrimFile),
			Cite: "OFAC, Non-SDN consolidated list (CMIC-EO13959 entries), with the Treasury press release or Federal Register notice that made the change"}
		for _, r := range rows {
			e := officialEntry{Name: r.Name, Aliases: append(append([]string{}, r.Aliases...), r.FormerNames...), Dates: map[string]string{}}
			for typ, date := range map[string]string{"listed": r.ListingDate, "effective": r.EffectiveDate, "divestment-deadline": r.DivestmentDate} {
				if date != "" {
					e.Dates[typ] = date
				}
			}
			l.Entries = append(l.Entries, e)
		}
		return l, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return officialList{}, err
	}
	var doc struct {
		ListID     string `json:"list_id"`
		SourceFile string `json:"source_file"`
		Extracted  string `json:"extracted"`
		Entities   []struct {
			Name          string   `json:"name"`
			Aliases       []string `json:"aliases"`
			EffectiveDate *string  `json:"effective_date"`
			Notes         *string  `json:"notes"`
		} `json:"entities"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return officialList{}, fmt.Errorf("%s: %w", path, err)
	}
	known, ok := officialJSONLists[doc.ListID]
	if !ok {
		return officialList{}, fmt.Errorf("%s: list_id %q is not a list the dataset keeps", path, doc.ListID)
	}
	l := officialList{List: known.list, File: path, Cite: known.cite + " (" + doc.SourceFile + " as of " + doc.Extracted + ")"}
	for i, en := range doc.Entities {
		if strings.TrimSpace(en.Name) == "" {
			return officialList{}, fmt.Errorf("%s: entity %d has no name", path, i+1)
		}
		e := officialEntry{Name: en.Name, Aliases: en.Aliases, Dates: map[string]string{}}
		if en.Notes != nil {
			if _, rest, ok := strings.Cut(*en.Notes, "Listed together with subsidiaries: "); ok {
				rest, _, _ = strings.Cut(rest, " | ")
				e.Subsidiaries = nameKey(rest)
			}
		}
		// Only OFAC's entries carry dates that are the dataset's events: its
		// notes give "Listing Date (CMIC): 03 Jun 2021" and effective_date is
		// the effective date. The other publications' dates are those of
		// their latest edition.
		if doc.ListID == "ofac-nscmic" {
			if en.EffectiveDate != nil {
				e.Dates["effective"] = *en.EffectiveDate
			}
			if en.Notes != nil {
				if _, rest, ok := strings.Cut(*en.Notes, "Listing Date (CMIC): "); ok {
					if day, ok := parseOFACDay(strings.SplitN(rest, ";", 2)[0]); ok {
						e.Dates["listed"] = day
					}
				}
			}
		}
		l.Entries = append(l.Entries, e)
	}
	return l, nil
}

// parseOFACDay reads OFAC's "03 Jun 2021".
func parseOFACDay(s string) (string, bool) {
	f := strings.Fields(s)
	if len(f) != 3 {
		return "", false
	}
	months := []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	for i, m := range months {
		if strings.EqualFold(f[1], m) {
			day, err1 := strconv.Atoi(f[0])
			year, err2 := strconv.Atoi(f[2])
			if err1 != nil || err2 != nil {
				return "", false
			}
			return fmt.Sprintf("%04d-%02d-%02d", year, i+1, day), true
		}
	}
	return "", false
}

// syncDiff is one difference between an official list and the dataset.
type syncDiff struct {
	Kind   string // new, removed, renamed, date
	Name   string // the official name, or the dataset's as-listed for removed
	Entity string // the dataset entity, when known
	Detail string
	Add    string // the YAML a maintainer would add
	Known  bool   // for new: the name is an entity of the dataset
}

// nameKey folds a company name for comparison: publications differ in case,
// punctuation, spacing, the spelling of corporate suffixes ("CO., LTD" and
// "Company Limited") and a short name in parentheses at the end
// ("Alibaba Group Holding Limited (Alibaba)").
func nameKey(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndex(s, " ("); i > 0 {
			s = s[:i]
		}
	}
	var words []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if long, ok := suffixWords[w]; ok {
			w = long
		}
		if w != "" {
			words = append(words, w)
		}
	}
	return strings.Join(words, " ")
}

// suffixWords spells out abbreviations of company names; "" drops a word.
var suffixWords = map[string]string{"co": "company", "ltd": "limited", "corp": "corporation", "inc": "incorporated",
	"and": "", "the": ""}

// specificName reports whether a name is specific enough to identify a
// dataset entity by: an acronym alone ("BGI") is shared by unrelated
// companies.
func specificName(s string) bool { return strings.Contains(nameKey(s), " ") }

// listedNow reports whether an entry's history leaves it on the list.
func listedNow(en *data.Entry) bool {
	on := false
	for _, ev := range en.Events {
		switch ev.Type {
		case "listed", "enjoined", "injunction-lifted":
			on = true
		case "removed", "vacated":
			on = false
		}
	}
	return on
}

// syncList compares one official list with the dataset's listing.
func syncList(d *data.Dataset, l officialList) ([]syncDiff, error) {
	var listing *data.Listing
	// The curated listing: the importer's file beside it holds only the
	// printed names of its entries, and sync's advice is for the curated one.
	for _, li := range d.Listings {
		if li.List == l.List && !li.Generated() {
			listing = li
		}
	}
	if listing == nil {
		return nil, fmt.Errorf("%s: the dataset has no listing %q", l.File, l.List)
	}
	// Names that identify a dataset entry: its as-listed name first, then
	// its entity's names.
	byAsListed := map[string]*data.Entry{}
	byEntityName := map[string]*data.Entry{}
	for i := range listing.Entries {
		en := &listing.Entries[i]
		byAsListed[nameKey(en.AsListed)] = en
	}
	for i := range listing.Entries {
		en := &listing.Entries[i]
		if e := d.Entity(en.Entity); e != nil {
			for _, n := range entityNames(e) {
				if _, taken := byEntityName[nameKey(n)]; !taken {
					byEntityName[nameKey(n)] = en
				}
			}
		}
	}
	entityByName := map[string]string{}
	for _, e := range d.Entities {
		for _, n := range entityNames(e) {
			entityByName[nameKey(n)] = e.ID
		}
	}
	var diffs []syncDiff
	matched := map[*data.Entry]bool{}
	for _, o := range l.Entries {
		en, exact := byAsListed[nameKey(o.Name)], true
		for _, a := range o.Aliases {
			if en == nil {
				en, exact = byAsListed[nameKey(a)], false
			}
		}
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			if en == nil && specificName(n) {
				en, exact = byEntityName[nameKey(n)], false
			}
		}
		if en == nil {
			diff := syncDiff{Kind: "new", Name: o.Name}
			for _, n := range append([]string{o.Name}, o.Aliases...) {
				if id := entityByName[nameKey(n)]; id != "" && diff.Entity == "" && specificName(n) {
					diff.Entity, diff.Known = id, true
				}
			}
			entity := diff.Entity
			if entity == "" {
				entity = "NEW-ENTITY-ID (add data/entities/NEW-ENTITY-ID.yaml)"
			}
			date := o.Dates["listed"]
			if date == "" {
				date = "YYYY-MM-DD"
			}
			diff.Detail = "on the official list, not in the dataset's listing"
			diff.Add = "  - entity: " + entity + "\n    as-listed: " + strconv.Quote(o.Name) + "\n    events:\n      - {date: " + date + ", type: listed, source: SOURCE-ID}"
			for _, typ := range []string{"effective", "divestment-deadline"} {
				if day := o.Dates[typ]; day != "" {
					diff.Add += "\n      - {date: " + day + ", type: " + typ + ", source: SOURCE-ID}"
				}
			}
			diffs = append(diffs, diff)
			continue
		}
		matched[en] = true
		// A publication may name a parent's subsidiaries as its aliases
		// (the 1260H list does) where the dataset keeps an entry for each.
		for _, a := range o.Aliases {
			if sub := byAsListed[nameKey(a)]; sub != nil {
				matched[sub] = true
			}
		}
		if !exact && nameKey(o.Name) != nameKey(en.AsListed) {
			diffs = append(diffs, syncDiff{Kind: "renamed", Name: o.Name, Entity: en.Entity,
				Detail: "the dataset has it as " + strconv.Quote(en.AsListed),
				Add:    "      - {date: YYYY-MM-DD, type: renamed, source: SOURCE-ID, note: " + strconv.Quote("Listed as '"+o.Name+"'.") + "}"})
		}
		if !listedNow(en) {
			diffs = append(diffs, syncDiff{Kind: "new", Name: o.Name, Entity: en.Entity, Known: true,
				Detail: "on the official list again, while the dataset's entry has ended",
				Add:    "      - {date: YYYY-MM-DD, type: listed, source: SOURCE-ID}"})
		}
		types := make([]string, 0, len(o.Dates))
		for typ := range o.Dates {
			types = append(types, typ)
		}
		sort.Strings(types)
		for _, typ := range types {
			official := o.Dates[typ]
			var have []string
			for _, ev := range en.Events {
				if ev.Type == typ {
					have = append(have, ev.Date)
				}
			}
			if len(have) == 0 {
				diffs = append(diffs, syncDiff{Kind: "date", Name: o.Name, Entity: en.Entity,
					Detail: typ + " " + official + " is not in the dataset's entry",
					Add:    "      - {date: " + official + ", type: " + typ + ", source: SOURCE-ID}"})
			} else if typ != "listed" && !slices.Contains(have, official) || typ == "listed" && have[len(have)-1] != official {
				diffs = append(diffs, syncDiff{Kind: "date", Name: o.Name, Entity: en.Entity,
					Detail: typ + " is " + official + " on the official list, " + strings.Join(have, ", ") + " in the dataset",
					Add:    "      - {date: " + official + ", type: " + typ + ", source: SOURCE-ID}  (after reading the notice: correct or add)"})
			}
		}
	}
	for i := range listing.Entries {
		en := &listing.Entries[i]
		key := " " + nameKey(en.AsListed) + " "
		for _, o := range l.Entries {
			if o.Subsidiaries != "" && strings.Contains(" "+o.Subsidiaries+" ", key) {
				matched[en] = true
			}
		}
		if !matched[en] && listedNow(en) {
			diffs = append(diffs, syncDiff{Kind: "removed", Name: en.AsListed, Entity: en.Entity,
				Detail: "listed in the dataset, not on the official list",
				Add:    "      - {date: YYYY-MM-DD, type: removed, source: SOURCE-ID}"})
		}
	}
	return diffs, nil
}

// entityNames is every name a dataset entity is known by.
func entityNames(e *data.Entity) []string {
	names := []string{e.Name}
	names = append(names, e.LegalNames...)
	names = append(names, e.FormerNames...)
	for _, n := range e.Names {
		names = append(names, n.Text)
	}
	return names
}

func writeSyncReport(w io.Writer, l officialList, diffs []syncDiff, all bool) {
	fmt.Fprintf(w, "%s: %d entries in %s; cite %s\n", l.List, len(l.Entries), l.File, l.Cite)
	if len(diffs) == 0 {
		fmt.Fprintf(w, "  agrees with data/listings/%s.yaml\n\n", l.List)
		return
	}
	unknownNew := 0
	for _, d := range diffs {
		if d.Kind == "new" && !d.Known && !all {
			unknownNew++
			continue
		}
		who := strconv.Quote(d.Name)
		if d.Entity != "" {
			who += " (" + d.Entity + ")"
		}
		fmt.Fprintf(w, "  %s %s: %s\n", strings.ToUpper(d.Kind), who, d.Detail)
		fmt.Fprintf(w, "    add to data/listings/%s.yaml:\n", l.List)
		for _, line := range strings.Split(d.Add, "\n") {
			fmt.Fprintf(w, "    %s\n", line)
		}
	}
	if unknownNew > 0 {
		fmt.Fprintf(w, "  and %d new entries whose names are no entity of the dataset (-all lists them)\n", unknownNew)
	}
	fmt.Fprintln(w)
}
