package official

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"factcard/data"
	"factcard/internal/fixture"
	"factcard/wasm/engine"
)

const sharedDir = "../../../shared/sources/official-lists-2026-07"

func TestParseCitations(t *testing.T) {
	got, err := ParseCitations("66 FR 24266, 5/14/01.\n75 FR 78883, 12/17/10.\n85 FR 83421 12/22/20. 86 FR 67319")
	if err != nil {
		t.Fatal(err)
	}
	want := []Citation{{66, 24266, "2001-05-14"}, {75, 78883, "2010-12-17"}, {85, 83421, "2020-12-22"}, {86, 67319, ""}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	if c, _ := ParseCitations("64 FR 28909, 5/28/99"); c[0].Published != "1999-05-28" {
		t.Errorf("two-digit year 99: got %s", c[0].Published)
	}
	for _, bad := range []string{"", "see the rule", "84 FR 22963, 13/21/19"} {
		if _, err := ParseCitations(bad); err == nil {
			t.Errorf("ParseCitations(%q): no error", bad)
		}
	}
}

func TestCities(t *testing.T) {
	for addr, want := range map[string][]string{
		"Building 1, No. 66 Qinghe Middle Street, Haidian District, Beijing, China.": {"Beijing"},
		"A15, Shenfang Building, Huaqiang North Road, Futian District, Shenzhen, Guangdong, 518031, China; and A105, 1/F, New East Sun Industrial Building, 18 Shing Yip Street, Kwun Tong, Kowloon, Hong Kong.": {"Shenzhen", "Hong Kong"},
		"No. 8 Road, Hefei City, Anhui Province, China.": {"Hefei"},
		"": nil,
		// A street right before the country is not a city: nothing is guessed.
		"12 Some Road, China.": nil,
	} {
		if got := Cities(addr); !reflect.DeepEqual(got, want) {
			t.Errorf("Cities(%q) = %q, want %q", addr, got, want)
		}
	}
}

func TestKind(t *testing.T) {
	for name, want := range map[string]string{
		"Harbin Engineering University":                     "university",
		"Kashgar Prefecture Public Security Bureau":         "government",
		"54th Research Institute of China":                  "institute",
		"Liang Ping Huang":                                  "person",
		"Pera Global":                                       "company",
		"Kindroid":                                          "company",
		"HWA Create":                                        "company",
		"4Paradigm Technology Co., Ltd.":                    "company",
		"China Academy of Launch Vehicle Technology (CALT)": "institute",
		"Winninc Electronic":                                "company",
		"Harbin Institute of Technology":                    "university",
		"Beijing Graphene Institute Co., Ltd":               "company",
		"Centre Bright Electronics Company Limited":         "company",
	} {
		if got := Kind(name); got != want {
			t.Errorf("Kind(%q) = %s, want %s", name, got, want)
		}
	}
}

func TestMatchNamesPolicy(t *testing.T) {
	all := []string{"4Paradigm Technology Co., Ltd.", "4Paradigm", "HIT", "Silk Road", "Fourth Paradigm Beijing"}
	got := map[string]GenName{}
	for _, n := range matchNames(all, all, false, ListWords) {
		got[n.Text] = n
	}
	if n := got["4Paradigm Technology Co., Ltd."]; n.Case != "" || n.Context != nil {
		t.Errorf("full name should match alone in title case: %+v", n)
	}
	for _, short := range []string{"4Paradigm", "HIT", "Silk Road"} {
		n := got[short]
		if n.Case != "exact" || len(n.Context) == 0 {
			t.Errorf("%q must match only as written and with context: %+v", short, n)
		}
		for _, c := range n.Context {
			if c == short {
				t.Errorf("%q is its own context", short)
			}
		}
	}
	if n := got["Fourth Paradigm Beijing"]; n.Context != nil {
		t.Errorf("a three-word alias matches alone: %+v", n)
	}
	// A person's name never matches alone, and only beside the list's own
	// name: "The Chinese Football Association sanctioned Zhao Gang" and
	// "Fang Yu, an analyst, said the Commerce Department's rules" were
	// marked when the list's general words were context too.
	for _, n := range matchNames([]string{"Zhao Gang"}, []string{"Zhao Gang"}, true, ListWords) {
		if n.Case != "exact" || !slices.Equal(n.Context, PersonWords) {
			t.Errorf("person name: %+v", n)
		}
	}
	for _, w := range ListWords {
		if w == "sanction" || w == "blacklist" {
			t.Errorf("ListWords holds %q, which sports and finance news use for other things", w)
		}
	}
	// The list's own one-word name matches alone, as written.
	if n := matchNames([]string{"Kindroid"}, []string{"Kindroid"}, false, ListWords)[0]; n.Case != "exact" || n.Context != nil {
		t.Errorf("one-word official name: %+v", n)
	}
}

func TestNotAName(t *testing.T) {
	for a, bad := range map[string]bool{
		"HPSTAR; and":    true,
		"Rabat, Morocco": true,
		"Address 07":     true,
		"Huawei Technologies Research & Development (UK))":                                           true,
		"Fu Jirui. No. 2A Zhonghuan South Road, Wangjing, Chaoyang District, Beijing, China, 100102": true,
		"Biznest, LTD": false,
		"China Electronics Technology Group Corp. (CETC) 54th Research Institute": false,
	} {
		if got := NotAName(a) != ""; got != bad {
			t.Errorf("NotAName(%q) = %v, want %v", a, got, bad)
		}
	}
}

func TestDiff(t *testing.T) {
	ev := func(date, src string) []GenEvent { return []GenEvent{{Date: date, Type: "listed", Source: src}} }
	old := GenListing{List: "entity-list", Entries: []GenEntry{
		{Entity: "a", AsListed: "Alpha Co.", Events: ev("2020-01-01", "s1")},
		{Entity: "b", AsListed: "Beta Co.", Events: ev("2021-01-01", "s2")},
		{Entity: "c", AsListed: "Gamma Co.", Events: ev("2022-01-01", "s3")},
	}}
	var b bytes.Buffer
	imp := &Import{Listing: old}
	files, err := imp.Files("x")
	if err != nil {
		t.Fatal(err)
	}
	b.Write(files[filepath.Join("listings", data.GeneratedDir, "x.yaml")])
	same, err := Diff(b.Bytes(), old)
	if err != nil || len(same) != 0 {
		t.Fatalf("no change expected, got %q %v", same, err)
	}
	next := GenListing{List: "entity-list", Entries: []GenEntry{
		{Entity: "a", AsListed: "Alpha Co.", Events: append(ev("2020-01-01", "s1"), GenEvent{Date: "2024-01-01", Type: "note", Source: "s9"})},
		{Entity: "b", AsListed: "Beta Company Ltd.", Events: ev("2021-01-01", "s2")},
		{Entity: "d", AsListed: "Delta Co.", Events: ev("2023-01-01", "s4")},
	}}
	got, err := Diff(b.Bytes(), next)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"added    d: Delta Co.", "changed  a: Alpha Co.", "removed  c: Gamma Co.", "renamed  b: Beta Co. -> Beta Company Ltd."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Diff:\n got %q\nwant %q", got, want)
	}
}

// The importer on the real official file and the real curated dataset.
func realImport(t *testing.T) (*File, *data.Dataset, *Import) {
	t.Helper()
	path := fixture.Require(t, filepath.Join(sharedDir, "bis-entity-list.json"))
	f, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	curated, err := data.LoadCurated("..")
	if err != nil {
		t.Fatal(err)
	}
	imp, err := ImportEntityList(f, curated)
	if err != nil {
		t.Fatal(err)
	}
	return f, curated, imp
}

// Importing the same file again gives the committed files byte for byte.
func TestImportIsCommittedAndIdempotent(t *testing.T) {
	_, curated, imp := realImport(t)
	files, err := imp.Files(EntityListID)
	if err != nil {
		t.Fatal(err)
	}
	for path, b := range files {
		old, err := os.ReadFile(filepath.Join("..", path))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(old, b) {
			t.Errorf("%s differs from a fresh import: run `go run ./build import`", path)
		}
	}
	for _, tg := range Targets[1:] {
		if tg.Aliases {
			continue
		}
		f, err := Read(filepath.Join(sharedDir, tg.File))
		if err != nil {
			t.Fatal(err)
		}
		pn := ImportPrintedNames(f, tg, curated)
		if len(pn.Listing.PrintedNames) == 0 {
			continue
		}
		files, _ := pn.Files(tg.List)
		for path, b := range files {
			if old, _ := os.ReadFile(filepath.Join("..", path)); !bytes.Equal(old, b) {
				t.Errorf("%s differs from a fresh import", path)
			}
		}
	}
}

// Curated entries are never generated again, and no curated date moves: a
// curated entry's dates are the same with or without the generated files.
func TestCuratedRecordsStayAuthoritative(t *testing.T) {
	_, curated, imp := realImport(t)
	curatedAs := map[string]bool{}
	for _, li := range curated.Listings {
		if li.List == EntityListID {
			for _, en := range li.Entries {
				curatedAs[en.Entity+"|"+en.AsListed] = true
			}
		}
	}
	for _, en := range imp.Listing.Entries {
		if curatedAs[en.Entity+"|"+en.AsListed] {
			t.Errorf("curated entry %s %q generated again", en.Entity, en.AsListed)
		}
	}
	for _, e := range imp.Entities {
		if curated.Entity(e.ID) != nil {
			t.Errorf("generated entity %s replaces a curated one", e.ID)
		}
	}
	full, err := data.Load("..")
	if err != nil {
		t.Fatal(err)
	}
	for _, li := range full.Listings {
		if li.Generated() {
			continue
		}
		for _, en := range li.Entries {
			for _, cl := range curated.Listings {
				if cl.List != li.List {
					continue
				}
				for _, ce := range cl.Entries {
					if ce.Entity == en.Entity && ce.AsListed == en.AsListed && !reflect.DeepEqual(eventDates(ce), eventDates(en)) {
						t.Errorf("%s %q: dates changed", en.Entity, en.AsListed)
					}
				}
			}
		}
	}
}

func eventDates(en data.Entry) []string {
	var out []string
	for _, ev := range en.Events {
		out = append(out, ev.Type+"@"+ev.Date)
	}
	return out
}

// Every generated entry follows the date rule: listed on its first Federal
// Register citation (publication, or the curated effective date), later
// citations as revisions; every event cites a Federal Register source.
func TestGeneratedDatesFollowTheRule(t *testing.T) {
	f, _, imp := realImport(t)
	byName := map[string]*Entry{}
	twice := map[string]bool{}
	for i := range f.Entries {
		n := f.Entries[i].Name
		twice[n] = byName[n] != nil
		byName[n] = &f.Entries[i]
	}
	srcs := map[string]GenSource{}
	for _, s := range imp.Sources {
		srcs[s.ID] = s
	}
	for _, en := range imp.Listing.Entries {
		oe := byName[en.AsListed]
		if twice[en.AsListed] {
			continue // listed twice under one name: which cell is which is not known here
		}
		cites, err := ParseCitations(oe.FederalRegister)
		if err != nil {
			t.Fatal(err)
		}
		first := en.Events[0]
		if first.Type != "listed" || srcs[first.Source].Citation != cites[0].String()+", "+srcs[first.Source].Date {
			t.Errorf("%s: first event %+v does not cite %s", en.AsListed, first, cites[0])
		}
		if cites[0].Published != "" && first.Date != cites[0].Published && !strings.Contains(first.Note, "effective "+first.Date+", published "+cites[0].Published) {
			t.Errorf("%s: listed %s, cell %s, and the note does not say it is the effective date", en.AsListed, first.Date, cites[0].Published)
		}
		if first.Date == cites[0].Published && !strings.Contains(first.Note, "dated by its Federal Register publication") && !strings.Contains(first.Note, "effective on publication") {
			t.Errorf("%s: the note does not say which date it is", en.AsListed)
		}
		for _, ev := range en.Events[1:] {
			if ev.Type != "note" || !strings.HasPrefix(ev.Note, "Entry revised by ") {
				t.Errorf("%s: a later citation must be a revision, got %+v", en.AsListed, ev)
			}
		}
	}
}

// Issue #21: a group's Entity List status comes from all its entries.
func TestGroupsAreDatedFromTheirEarliestEntry(t *testing.T) {
	fixture.Require(t, sharedDir)
	full, err := data.Load("..")
	if err != nil {
		t.Fatal(err)
	}
	d := data.Compile(full)
	list := d.EntityIndex(EntityListID)
	for id, want := range map[string]string{"cetc": "2001-05-14", "casc": "1999-05-28", "calt": "1999-05-28"} {
		var got string
		for _, st := range d.Status(d.EntityIndex(id), d.AsOf) {
			if st.List == list {
				got = st.First.String()
			}
		}
		if got != want {
			t.Errorf("%s first on the Entity List %s, want %s (its institutes' entries)", id, got, want)
		}
	}
	day, _ := engine.ParseDay("2020-12-13")
	for _, st := range d.Status(d.EntityIndex("casc"), day) {
		if st.List == list && !st.Listed() {
			t.Errorf("CASC on 2020-12-13: %s, want listed (its 1999 entries)", st.State)
		}
	}
}

// The measure: each printed name alone in a one-line article is
// found listed the day after the file. Persons' names and acronyms match only
// with context, so they are counted with the list named beside them: every
// printed name, the 1260H notice's short names in parentheses included, is
// found one way or the other.
func TestCoverage(t *testing.T) {
	fixture.Require(t, sharedDir)
	full, err := data.Load("..")
	if err != nil {
		t.Fatal(err)
	}
	d := data.Compile(full)
	for _, tg := range Targets {
		c, err := Measure(d, sharedDir, tg)
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Missing) > 0 || c.Found+len(c.InContext) != c.Names {
			t.Errorf("%s (aliases %v): %d+%d of %d found, missing %q", tg.List, tg.Aliases, c.Found, len(c.InContext), c.Names, c.Missing)
		}
	}
}

// An acronym a list prints matches beside that list's own words: a 1260H
// short name near "1260H" or "Chinese military companies", never alone nor
// beside words as common as "Pentagon" (issue 20: the 1260H names once carried the
// Entity List's words and matched in no 1260H story).
func TestPrintedAcronymsMatchBesideTheirListsWords(t *testing.T) {
	full, err := data.Load("..")
	if err != nil {
		t.Fatal(err)
	}
	d := data.Compile(full)
	day, _ := engine.ParseDay("2026-07-10")
	listedAs := func(text, entity, list string) bool {
		for _, m := range d.Find(text) {
			if d.Entities[m.Entity].ID != entity {
				continue
			}
			for _, st := range d.Status(m.Entity, day) {
				if st.List == d.EntityIndex(list) && st.Listed() {
					return true
				}
			}
		}
		return false
	}
	for _, c := range []struct{ acronym, entity, list string }{
		{"CGN", "cgn", "1260h"},
		{"CCA", "china-cargo-airlines", "1260h"},
		{"CEC", "china-electronics-corporation", "1260h"},
		{"CSGC", "china-south-industries", "1260h"},
		{"CTG", "china-three-gorges", "1260h"},
		{"COMEC", "cssc-offshore-marine-engineering", "1260h"},
		{"Sinotrans", "sinotrans-csc", "1260h"},
	} {
		for _, text := range []string{
			"The Pentagon added " + c.acronym + " to its list of Chinese military companies in June.",
			"Shares of " + c.acronym + " fell after the Pentagon blacklisted it.",
			c.acronym + " appears on the Department of War's Section 1260H list.",
		} {
			if !listedAs(text, c.entity, c.list) {
				t.Errorf("%q: %s not found listed on %s", text, c.entity, c.list)
			}
		}
		for _, text := range []string{
			"Shares of " + c.acronym + " fell on Monday.",
			"The Pentagon's " + c.acronym + " program was funded by the Department of Defense.",
		} {
			if listedAs(text, c.entity, c.list) {
				t.Errorf("%q: %s found without the list's words", text, c.entity)
			}
		}
	}
}

func TestLicenceRequirement(t *testing.T) {
	for cell, want := range map[string]string{
		"For all items subject to the EAR. (See §§ 734.9(e)(2) and 744.11 of the EAR) 4":          "For all items subject to the EAR. (See §§ 734.9(e)(2) and 744.11 of the EAR)",
		"For all items subject to the EAR. (See § 744.11 of the EAR).":                            "For all items subject to the EAR. (See § 744.11 of the EAR)",
		"For all items subject to the EAR (See §§ 734.9(g),3 746.8(a)(3), and 744.11 of the EAR)": "For all items subject to the EAR (See §§ 734.9(g),3 746.8(a)(3), and 744.11 of the EAR)",
	} {
		if got := LicenceRequirement(cell); got != want {
			t.Errorf("LicenceRequirement(%q) = %q, want %q", cell, got, want)
		}
	}
}

// The importer's decisions on a small official file against the real
// curated records: a curated entry is not generated again and a contradicting
// date is a finding; a group's entry abroad attaches to the group; another
// country's entry is left out; a new party becomes an entity of its kind.
func TestImportDecisions(t *testing.T) {
	curated, err := data.LoadCurated("..")
	if err != nil {
		t.Fatal(err)
	}
	f := &File{ListID: "bis-entity-list", SourceFile: "test", Extracted: "2026-07-09", Entries: []Entry{
		{Name: "Huawei Technologies Co., Ltd.", Country: "China", FederalRegister: "80 FR 1, 1/2/15"},
		{Name: "Huawei Technologies Japan K.K.", Country: "Japan", Address: "Tokyo, Japan.", FederalRegister: "84 FR 43495, 8/21/19"},
		{Name: "Acme Widgets Co., Ltd.", Aliases: []string{"ACME", "Acme Widgets Shenzhen Branch"}, Country: "China",
			Address: "No. 1 Road, Nanshan District, Shenzhen, Guangdong, China.", FederalRegister: "88 FR 13675, 3/6/23.\n89 FR 1, 1/2/24",
			Notes: "For all items subject to the EAR. (See § 744.11 of the EAR)"},
		{Name: "Somewhere Trading LLC", Country: "Russia", FederalRegister: "88 FR 13675, 3/6/23"},
	}}
	for i := range f.Entries {
		f.Entries[i].Index = i
	}
	imp, err := ImportEntityList(f, curated)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, en := range imp.Listing.Entries {
		got = append(got, en.Entity+": "+en.AsListed)
	}
	want := []string{"acme-widgets-co-ltd: Acme Widgets Co., Ltd.", "huawei: Huawei Technologies Japan K.K."}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("entries %q, want %q", got, want)
	}
	if len(imp.Entities) != 1 || imp.Entities[0].Kind != "company" || !strings.Contains(imp.Entities[0].Summary, "Shenzhen") {
		t.Errorf("entities: %+v", imp.Entities)
	}
	disagrees := false
	for _, fd := range imp.Findings {
		disagrees = disagrees || strings.Contains(fd, `curated huawei entry "Huawei Technologies Co., Ltd."`) && strings.Contains(fd, "80 FR 1 of 2015-01-02")
	}
	if !disagrees {
		t.Errorf("no finding for the contradicting date: %q", imp.Findings)
	}
	acme := imp.Listing.Entries[0]
	if len(acme.Events) != 2 || acme.Events[0].Date != "2023-03-06" || acme.Events[1].Type != "note" || acme.Events[1].Date != "2024-01-02" {
		t.Errorf("acme events: %+v", acme.Events)
	}
	for _, n := range acme.Names {
		if n.Text == "ACME" && (n.Case != "exact" || len(n.Context) == 0) {
			t.Errorf("acronym without its rules: %+v", n)
		}
	}
	if !strings.Contains(acme.Events[0].Note, "Also listed as: ACME; Acme Widgets Shenzhen Branch. Address in Shenzhen. Licence requirement: For all items subject to the EAR. (See § 744.11 of the EAR).") {
		t.Errorf("note: %s", acme.Events[0].Note)
	}
}

// TestRuleDatesHoldForTheirRuleOnly: two rules published the same day (90
// FR 14035 and 90 FR 14046, both of 2025-03-28) are told apart by page, so
// a curated effective date of one is not given to the other's entries.
func TestRuleDatesHoldForTheirRuleOnly(t *testing.T) {
	r := ruleDates{dayKey(90, "2025-03-28"): {{firstPage: 14046, effective: "2025-03-25"}}}
	for _, tc := range []struct {
		c    Citation
		want string
	}{
		{Citation{90, 14048, "2025-03-28"}, "2025-03-25"},
		{Citation{90, 14046, "2025-03-28"}, "2025-03-25"},
		{Citation{90, 14035, "2025-03-28"}, ""},
		{Citation{90, 14048, "2025-03-27"}, ""},
	} {
		if got := r.of(tc.c); got != tc.want {
			t.Errorf("%v %s: effective %q, want %q", tc.c, tc.c.Published, got, tc.want)
		}
	}
}

// An Entity List party whose name or alias another list prints as a curated
// entry's full name is that entry's party: DoD lists "Forensic Genomics
// International (FGI)" under BGI Group and "Aerospace Star Space Technology
// Application Co., Ltd." under China SpaceSat, so BIS's entries of those
// names are BGI's and China SpaceSat's, not companies of their own; names
// are compared without their legal form ("Co. Ltd." and "Company").
func TestPartiesOtherListsNameAttachToTheirEntity(t *testing.T) {
	full, err := data.Load("..")
	if err != nil {
		t.Fatal(err)
	}
	d := data.Compile(full)
	for _, c := range []struct{ text, entity, since string }{
		{"Forensic Genomics International", "bgi", "2023-03-06"},
		{"Aerospace Star Technology Application Co., Ltd.", "china-spacesat", "2025-03-28"},
		{"Aerospace Star Space Technology Application Co., Ltd.", "china-spacesat", "2025-03-28"},
		// BIS lists Qihoo 360 twice (85 FR 34497): "Co. Ltd." at a Cayman
		// address (the curated entry) and "Company" in China.
		{"Qihoo 360 Technology Company", "qihoo-360", "2020-06-05"},
		{"Qihoo 360 Technology Co. Ltd.", "qihoo-360", "2020-06-05"},
	} {
		ms := d.Find("Shares of " + c.text + " fell.")
		if len(ms) != 1 || d.Entities[ms[0].Entity].ID != c.entity {
			t.Errorf("%q: found %v, want only %s", c.text, ms, c.entity)
			continue
		}
		since, _ := engine.ParseDay(c.since)
		listed := false
		for _, st := range d.Status(ms[0].Entity, since) {
			if st.List == d.EntityIndex(EntityListID) && st.Listed() && st.Since <= since {
				listed = true
			}
		}
		if !listed {
			t.Errorf("%s not on the Entity List on %s", c.entity, c.since)
		}
	}
	for _, id := range []string{"forensic-genomics-international", "aerospace-star-technology-application-co-ltd", "qihoo-360-technology-company"} {
		if d.EntityIndex(id) >= 0 {
			t.Errorf("entity %s still generated", id)
		}
	}
}

func TestCuratedListedOwners(t *testing.T) {
	d := &data.Dataset{Listings: []*data.Listing{
		{List: "1260h", Entries: []data.Entry{
			{Entity: "bgi", AsListed: "Forensic Genomics International (FGI)"},
			{Entity: "a", AsListed: "Shared Name Co., Ltd."},
		}},
		{List: "ns-cmic", Entries: []data.Entry{{Entity: "b", AsListed: "Shared Name Co., Ltd."}}},
	}}
	got := curatedListedOwners(d)
	for _, n := range []string{"Forensic Genomics International", "Forensic Genomics International (FGI)", "Forensic Genomics International Co., Ltd."} {
		if got[listedKey(n)] != "bgi" {
			t.Errorf("%q: owner %q, want bgi (short form and legal form aside)", n, got[listedKey(n)])
		}
	}
	if owner, ok := got[listedKey("Shared Name Company")]; ok {
		t.Errorf("a name two entities are listed under owns nothing, got %q", owner)
	}
	if k := listedKey("BGI Group"); k != "" {
		t.Errorf("a name of fewer than three words is no key: %q", k)
	}
}

// TestSplitAcronym: the acronym a listed name prints in parentheses is a
// name of its party; a place or a legal form in parentheses is not.
func TestSplitAcronym(t *testing.T) {
	for _, c := range []struct{ in, name, acronym string }{
		{"National University of Defense Technology (NUDT)", "National University of Defense Technology", "NUDT"},
		{"China Electronics Technology Group Corporation 14th Research Institute (CETC 14)", "China Electronics Technology Group Corporation 14th Research Institute", "CETC 14"},
		{"AccoTest Technology Co., Ltd. (Hong Kong)", "AccoTest Technology Co., Ltd. (Hong Kong)", ""},
		{"China Communications Construction Group (LIMITED)", "China Communications Construction Group (LIMITED)", ""},
		{"Huawei Technologies Co., Ltd.", "Huawei Technologies Co., Ltd.", ""},
	} {
		if name, acronym := splitAcronym(c.in); name != c.name || acronym != c.acronym {
			t.Errorf("splitAcronym(%q) = %q, %q; want %q, %q", c.in, name, acronym, c.name, c.acronym)
		}
	}
}
