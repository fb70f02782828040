package official

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"factcard/data"
	"factcard/wasm/engine"
)

// EntityListID is the dataset's list entity for the Entity List.
const EntityListID = "entity-list"

// Group attaches the entries of a company readers know, at any address, to
// its curated entity: an entry belongs to it when its name or an alias
// contains one of the markers (compared folded).
type Group struct {
	Entity  string
	Markers []string
	// NameOnly: only the entry's name counts, not its aliases (SiCarrier is
	// also printed as "Huawei Starlight Engineering Department" but is a
	// company of its own).
	NameOnly bool
}

// Groups are the companies whose units are listed under their own names.
// CALT is CASC's 1st Academy: its entries count for both.
var Groups = []Group{
	{"huawei", []string{"Huawei"}, true},
	{"cetc", []string{"China Electronics Technology Group", "CETC"}, false},
	{"calt", []string{"China Academy of Launch Vehicle Technology", "CALT", "CASC) 1st Academy"}, false},
	{"casc", []string{"China Aerospace Science and Technology Corporation", "CASC", "China Academy of Launch Vehicle Technology",
		"China Academy of Space Technology", "Shanghai Academy of Spaceflight Technology"}, false},
	{"casic", []string{"China Aerospace Science and Industry Corporation", "CASIC"}, false},
	{"avic", []string{"Aviation Industry Corporation of China", "AVIC", "Aviation Industry of China"}, false},
	{"inspur", []string{"Inspur"}, false},
	{"smic", []string{"Semiconductor Manufacturing International", "SMIC"}, false},
	{"cssc", []string{"China State Shipbuilding Corporation", "CSSC"}, false},
}

// ListWords are words that make an acronym near them an Entity List party's
// ("HIT was added to the Entity List"). Context words are found as word
// prefixes of the folded text: "export control" also finds "export
// controls". "Sanction" and "blacklist" alone are left out: a volleyball
// federation sanctions a club and a regulator blacklists auditors ("The CEV
// sanctioned ...", "the CSRC has blacklisted ..." were marked); "trade
// blacklist" is the press's phrase for the list.
var ListWords = []string{"Entity List", "export control", "trade blacklist", "Commerce Department", "Department of Commerce",
	"Bureau of Industry and Security"}

// PersonWords make a listed person's name a mention: a name is shared by
// many people, so only the list's own name will do ("Zhao Gang was added
// to the Entity List"), not a sentence on export controls in general.
var PersonWords = []string{"Entity List"}

// Words1260H are the words that make an acronym near them a Section 1260H
// company's ("CGN is on the list of Chinese military companies"). Words as
// common in defense news as "Pentagon" are left out: "CCA" and "CEC" are also
// Pentagon programs.
var Words1260H = []string{"1260H", "Chinese military compan", "Chinese military-linked", "Pentagon blacklist", "Pentagon's blacklist"}

// WordsNSCMIC are the words that make an acronym near them an NS-CMIC
// company's: the investment ban's own names ("Treasury" alone is too common
// beside "CSC" or "CEC").
var WordsNSCMIC = []string{"CMIC", "Military-Industrial Complex", "OFAC", "investment ban", "investment blacklist"}

// WordsFCC are the words that make an acronym near them an FCC Covered List
// company's.
var WordsFCC = []string{"Covered List", "FCC", "Federal Communications Commission"}

// Import is the result of importing one official file.
type Import struct {
	Sources  []GenSource
	Entities []GenEntity
	Listing  GenListing
	// Findings are what a reviewer must read: where the official file
	// disagrees with a curated fact, cells that could not be read, names
	// left out of matching.
	Findings []string
}

// GenSource, GenEntity and GenListing are the generated files' records,
// written with only the keys they use.
type GenSource struct {
	ID        string `yaml:"id"`
	Title     string `yaml:"title"`
	Publisher string `yaml:"publisher"`
	Date      string `yaml:"date"`
	URL       string `yaml:"url"`
	Citation  string `yaml:"citation"`
	Kind      string `yaml:"kind"`
}

type GenEntity struct {
	ID      string `yaml:"id"`
	Kind    string `yaml:"kind"`
	Name    string `yaml:"name"`
	Summary string `yaml:"summary,omitempty"`
}

type GenName struct {
	Text    string   `yaml:"text"`
	Case    string   `yaml:"case,omitempty"`
	Context []string `yaml:"context,omitempty,flow"`
}

type GenEvent struct {
	Date   string `yaml:"date"`
	Type   string `yaml:"type"`
	Source string `yaml:"source"`
	Note   string `yaml:"note,omitempty"`
}

type GenEntry struct {
	Entity   string     `yaml:"entity"`
	AsListed string     `yaml:"as-listed"`
	Names    []GenName  `yaml:"names,omitempty"`
	Events   []GenEvent `yaml:"events"`
}

type GenListing struct {
	List           string       `yaml:"list"`
	CheckedThrough string       `yaml:"checked-through"`
	Notes          string       `yaml:"notes"`
	Entries        []GenEntry   `yaml:"entries,omitempty"`
	PrintedNames   []GenPrinted `yaml:"printed-names,omitempty"`
}

type GenPrinted struct {
	Entity   string    `yaml:"entity"`
	AsListed string    `yaml:"as-listed"`
	Names    []GenName `yaml:"names"`
}

// PublicationSourceID is the generated source for the list's own text.
func PublicationSourceID(f *File) string { return "ecfr-744-supp4-" + f.Extracted }

// frSourceID names the generated source of one Federal Register page.
func frSourceID(c Citation) string {
	return "fr-" + strconv.Itoa(c.Volume) + "-" + strconv.Itoa(c.Page) + "-cell"
}

// ImportEntityList generates the Entity List's entries for every entry with
// an address in China, Hong Kong or Macau and for every entry of a group
// (Groups) anywhere, from the official file f. curated is the dataset
// without generated files: its entries are authoritative and are not
// generated again; where f disagrees with them, Findings say so.
func ImportEntityList(f *File, curated *data.Dataset) (*Import, error) {
	imp := &Import{}
	pubID := PublicationSourceID(f)
	imp.Sources = append(imp.Sources, GenSource{
		ID:        pubID,
		Title:     "Supplement No. 4 to Part 744—Entity List (15 CFR part 744, Supp. No. 4), text on the eCFR as read on " + f.Extracted,
		Publisher: "Office of the Federal Register, National Archives and Records Administration (eCFR); U.S. Department of Commerce, Bureau of Industry and Security",
		Date:      f.Extracted,
		URL:       "https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C/part-744/appendix-Supplement%20No.%204%20to%20Part%20744",
		Citation:  "15 CFR part 744, Supplement No. 4",
		Kind:      "list",
	})

	effective := effectiveDates(curated)
	curatedNames := curatedNameOwners(curated)
	listedOwners := curatedListedOwners(curated)
	pairs := pairCurated(f, curated, imp)

	// Dates of citations whose cell gives none, from another cell citing
	// the same page with a date.
	pageDates := map[[2]int]string{}
	for _, e := range f.Entries {
		cs, _ := ParseCitations(e.FederalRegister)
		for _, c := range cs {
			if c.Published != "" {
				pageDates[[2]int{c.Volume, c.Page}] = c.Published
			}
		}
	}

	sources := map[string]GenSource{}
	ids := map[string]bool{}
	for _, e := range curated.Entities {
		ids[e.ID] = true
	}
	type pending struct {
		entry   GenEntry
		names   []string // official name first, then aliases
		entity  *GenEntity
		grouped bool
		// printedOnly: a curated entry's printed names, not an entry.
		printedOnly bool
	}
	var all []*pending
	generatedByName := map[string]string{}
	for i := range f.Entries {
		oe := &f.Entries[i]
		groups := groupsOf(oe)
		if !oe.Chinese() && len(groups) == 0 {
			continue
		}
		if oe.AddressOnly() {
			imp.Findings = append(imp.Findings, fmt.Sprintf("%s entry %d %q lists an address, not a party (%s): left out", f.ListID, i, oe.Name, oe.Address))
			continue
		}
		for _, a := range oe.Aliases {
			if why := NotAName(a); why != "" {
				imp.Findings = append(imp.Findings, fmt.Sprintf("%s entry %d %q: alias cell %q %s: left out", f.ListID, i, oe.Name, a, why))
			}
		}
		if owner, ok := pairs[i]; ok {
			// Curated: only the names it is printed under are added.
			all = append(all, &pending{entry: GenEntry{Entity: owner, AsListed: oe.Name}, names: matchedNamesOfEntry(oe), printedOnly: true})
			continue
		}
		cites, err := ParseCitations(oe.FederalRegister)
		if err != nil {
			imp.Findings = append(imp.Findings, fmt.Sprintf("%s entry %d %q: %v; entry left out", f.ListID, i, oe.Name, err))
			continue
		}
		for k := range cites {
			if cites[k].Published == "" {
				cites[k].Published = pageDates[[2]int{cites[k].Volume, cites[k].Page}]
			}
		}
		if cites[0].Published == "" {
			imp.Findings = append(imp.Findings, fmt.Sprintf("%s entry %d %q: the first citation %s has no date here or in another cell; entry left out", f.ListID, i, oe.Name, cites[0]))
			continue
		}
		events := entryEvents(oe, cites, effective, pubID, sources)
		targets := groups
		if len(targets) == 0 {
			if owner := curatedNames[fold(oe.Name)]; owner != "" {
				targets = []string{owner}
			}
		}
		if len(targets) == 0 {
			// A name or alias that another list prints as a curated entry's
			// full name ("Forensic Genomics International (FGI)", listed by
			// DoD under BGI Group) names that entry's party.
			for _, n := range namesOfEntry(oe) {
				if owner := listedOwners[listedKey(n)]; owner != "" {
					targets = []string{owner}
					break
				}
			}
		}
		if len(targets) == 0 {
			if id := generatedByName[fold(oe.Name)]; id != "" {
				targets = []string{id} // the same party listed again (another address)
			}
		}
		if len(targets) > 0 {
			// The names go to the first target only (CALT before CASC): a
			// name finds one entity; the others still count the entry.
			for k, t := range targets {
				p := &pending{entry: GenEntry{Entity: t, AsListed: oe.Name, Events: events}, grouped: true}
				if k == 0 {
					p.names = matchedNamesOfEntry(oe)
				}
				all = append(all, p)
			}
			continue
		}
		id := Slug(oe.Name)
		if id == "" {
			id = "entity-list-entry"
		}
		for n := 2; ids[id]; n++ {
			id = Slug(oe.Name) + "-" + strconv.Itoa(n)
		}
		ids[id] = true
		generatedByName[fold(oe.Name)] = id
		ent := &GenEntity{ID: id, Kind: Kind(oe.Name), Name: oe.Name}
		all = append(all, &pending{entry: GenEntry{Entity: id, AsListed: oe.Name, Events: events}, names: matchedNamesOfEntry(oe), entity: ent})
	}

	// A name on two generated entities, or already a curated name of
	// another entity, would match ambiguously: it stays in the card's
	// "also listed as" but is not matched.
	owners := map[string]map[string]bool{}
	for _, p := range all {
		for _, n := range p.names {
			k := fold(n)
			if owners[k] == nil {
				owners[k] = map[string]bool{}
			}
			owners[k][p.entry.Entity] = true
		}
	}
	// A party's kind decides its names' rules in each of its entries.
	kinds := map[string]string{}
	for _, p := range all {
		if p.entity != nil {
			kinds[p.entity.ID] = p.entity.Kind
		}
	}
	// A name the curated records give another entity is theirs.
	curatedOwner := func(k string) string { return curatedNames[k] }
	for _, p := range all {
		var kept []string
		for _, n := range p.names {
			k := fold(n)
			if o := curatedOwner(k); o != "" && o != p.entry.Entity {
				imp.Findings = append(imp.Findings, fmt.Sprintf("%q (listed for %q) is a curated name of %s: not matched for %s", n, p.entry.AsListed, o, p.entry.Entity))
				continue
			}
			if curatedNames[k] == p.entry.Entity {
				continue // the curated entity already has this name
			}
			if len(owners[k]) > 1 {
				imp.Findings = append(imp.Findings, fmt.Sprintf("%q is printed for %d listed parties (%s): not matched", n, len(owners[k]), strings.Join(sortedKeys(owners[k]), ", ")))
				continue
			}
			kept = append(kept, n)
		}
		p.entry.Names = matchNames(kept, p.names, kinds[p.entry.Entity] == "person", ListWords)
	}
	// A party listed twice may print one name as an entry's own name (two
	// words: alone) and as another entry's alias (with context): it keeps
	// the rule of its own name, once.
	plain := map[string]bool{} // entity and folded name
	for _, p := range all {
		for _, n := range p.entry.Names {
			if len(n.Context) == 0 {
				plain[p.entry.Entity+"\x00"+fold(n.Text)] = true
			}
		}
	}
	for _, p := range all {
		names := p.entry.Names[:0]
		for _, n := range p.entry.Names {
			if len(n.Context) == 0 || !plain[p.entry.Entity+"\x00"+fold(n.Text)] {
				names = append(names, n)
			}
		}
		p.entry.Names = names
	}
	imp.Findings = dedupe(imp.Findings)

	for _, p := range all {
		if p.printedOnly {
			if len(p.entry.Names) > 0 {
				imp.Listing.PrintedNames = append(imp.Listing.PrintedNames, GenPrinted{Entity: p.entry.Entity, AsListed: p.entry.AsListed, Names: p.entry.Names})
			}
			continue
		}
		if p.entity != nil {
			p.entity.Summary = summary(p.entity.Kind, f.Entries[indexOf(f, p.entry.AsListed)])
			imp.Entities = append(imp.Entities, *p.entity)
		}
		imp.Listing.Entries = append(imp.Listing.Entries, p.entry)
	}
	for _, s := range sources {
		imp.Sources = append(imp.Sources, s)
	}
	sort.Slice(imp.Sources[1:], func(i, j int) bool { return imp.Sources[1+i].ID < imp.Sources[1+j].ID })
	sort.Slice(imp.Entities, func(i, j int) bool { return imp.Entities[i].ID < imp.Entities[j].ID })
	sort.SliceStable(imp.Listing.Entries, func(i, j int) bool {
		a, b := imp.Listing.Entries[i], imp.Listing.Entries[j]
		if a.Entity != b.Entity {
			return a.Entity < b.Entity
		}
		return a.AsListed < b.AsListed
	})
	imp.Listing.List = EntityListID
	imp.Listing.CheckedThrough = f.Extracted
	imp.Listing.Notes = "GENERATED by `go run ./build import` from " + f.SourceFile + " (15 CFR 744 Supp. No. 4, eCFR text as read on " +
		f.Extracted + "): every entry with an address in China, Hong Kong or Macau, and every entry of the groups in " +
		"data/official/entitylist.go at any address, except those whose curated entry in data/listings/entity-list.yaml " +
		"is authoritative. Do not edit: change the curated files or the importer and import again. DATES: the first " +
		"citation of an entry's Federal Register cell is the rule that added it, dated by the rule's effective date where " +
		"a curated record gives it, otherwise by the cell's date, which is the rule's Federal Register publication date " +
		"(each listed event says which); later citations are revisions of the entry."
	return imp, nil
}

func indexOf(f *File, name string) int {
	for i := range f.Entries {
		if f.Entries[i].Name == name {
			return i
		}
	}
	return 0
}

func dedupe(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func sortedKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// fold is the matcher's folded form of a name, so that names compare as the
// engine would see them.
func fold(s string) string {
	f, _ := engine.NormalizeName(s)
	return string(f)
}

func groupsOf(e *Entry) []string {
	var out []string
	for _, g := range Groups {
		texts := append([]string{e.Name}, e.Aliases...)
		if g.NameOnly {
			texts = texts[:1]
		}
	next:
		for _, m := range g.Markers {
			for _, t := range texts {
				if containsWord(t, m) {
					out = append(out, g.Entity)
					break next
				}
			}
		}
	}
	return out
}

// containsWord: marker occurs in text as whole words, in the case written
// for acronyms ("CETC" but not "Cetco"), any case otherwise.
func containsWord(text, marker string) bool {
	t, m := text, marker
	if !allCaps(marker) {
		t, m = strings.ToLower(text), strings.ToLower(marker)
	}
	for i := 0; ; {
		j := strings.Index(t[i:], m)
		if j < 0 {
			return false
		}
		a, b := i+j, i+j+len(m)
		if (a == 0 || !isWordByte(t[a-1])) && (b == len(t) || !isWordByte(t[b])) {
			return true
		}
		i = a + 1
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// namesOfEntry is an entry's name and its aliases, without the cells the
// parsed copy split wrongly (NotAName).
func namesOfEntry(e *Entry) []string {
	out := []string{e.Name}
	seen := map[string]bool{fold(e.Name): true}
	for _, a := range e.Aliases {
		a = strings.TrimSpace(a)
		if a != "" && !seen[fold(a)] && NotAName(a) == "" {
			seen[fold(a)] = true
			out = append(out, a)
		}
	}
	return out
}

// matchedNamesOfEntry are the names the matcher looks for: the printed
// ones and the acronym a name prints after it ("National University of
// Defense Technology (NUDT)"), which the list gives as a name too.
func matchedNamesOfEntry(e *Entry) []string {
	out := namesOfEntry(e)
	seen := map[string]bool{}
	for _, n := range out {
		seen[fold(n)] = true
	}
	for _, n := range out {
		if _, acronym := splitAcronym(n); acronym != "" && !seen[fold(acronym)] {
			seen[fold(acronym)] = true
			out = append(out, acronym)
		}
	}
	return out
}

// parenAcronymRE is a name followed by an acronym in parentheses: capitals
// and digits, with spaces or hyphens between ("(NUDT)", "(CETC 14)").
var parenAcronymRE = regexp.MustCompile(`^(.*\S) \(([A-Z][A-Z0-9]*(?:[ -][A-Z0-9]+)*)\)$`)

// splitAcronym returns the name before an acronym in parentheses and the
// acronym, or n and "" when it ends in none (or in a place: "(Hong Kong)").
func splitAcronym(n string) (name, acronym string) {
	m := parenAcronymRE.FindStringSubmatch(n)
	if m == nil || letters(m[2]) < 2 || slices.Contains(engine.LegalFormWords(), strings.ToLower(m[2])) {
		return n, "" // "(LIMITED)" is a form
	}
	return m[1], m[2]
}

var (
	addressPartRE = regexp.MustCompile(`^Address \d+|\. No\. |\b(?:Road|Street|District|Province)\b.*\bChina\b|, (?:[A-Z][a-z]+, )?(?:China|Hong Kong|Morocco)$`)
)

// NotAName says why an alias cell of the parsed copy is not a name (an
// address, a fragment split at "; and"), or "" for a name. Such cells are
// left out of matching and cards.
func NotAName(a string) string {
	switch {
	case strings.Contains(a, ";"):
		return "holds a ';' (a fragment of a list of names or addresses)"
	case strings.Count(a, "(") != strings.Count(a, ")"):
		return "has unbalanced parentheses (cut off)"
	case addressPartRE.MatchString(a):
		return "holds an address"
	}
	return ""
}

// matchNames turns an entry's printed names into matcher names. Acronyms and
// short or one-word names match only as written and only near another name
// of the same party or listWords, the words naming the list that printed
// them; the rest in title case.
func matchNames(kept, all []string, person bool, listWords []string) []GenName {
	// The context names: the official name and at most two more long names
	// (a group's dozen institute names would each be stored again).
	var long []string
	for _, n := range all {
		if !needsContext(n) && len(long) < 3 {
			// A name with its acronym vouches without it too.
			bare, _ := splitAcronym(n)
			long = append(long, bare)
		}
	}
	var out []GenName
	for _, n := range kept {
		// A person's name is shared by many people: never evidence alone.
		// An alias of two words ("Silk Road", "Moore Threads") may be
		// ordinary words: only with context.
		alias := len(all) > 0 && n != all[0]
		if !needsContext(n) && !person && !(alias && words(n) <= 2) {
			out = append(out, GenName{Text: n})
			continue
		}
		if !person && ownOneWordName(n, all) {
			out = append(out, GenName{Text: n, Case: "exact"})
			continue
		}
		g := GenName{Text: n, Case: "exact", Context: append([]string(nil), listWords...)}
		if person {
			g.Context = append([]string(nil), PersonWords...)
		}
		for _, l := range long {
			if l != n {
				g.Context = append(g.Context, l)
			}
		}
		out = append(out, g)
	}
	return out
}

// needsContext: a name of at most four letters, or of one word (an acronym
// such as "HIT" or "CAST", or an ordinary word), is not evidence alone.
func needsContext(n string) bool {
	return letters(n) <= 4 || words(n) <= 1 || allCaps(n) && words(n) <= 2
}

// ownOneWordName: the list's own name for a party is one word of five
// letters or more ("Intellifusion", "IMAXChip", "Kindroid"): it is matched
// alone, but only as written.
func ownOneWordName(n string, all []string) bool {
	return len(all) > 0 && n == all[0] && words(n) == 1 && letters(n) >= 5
}

// entryEvents: the first citation is the listing, the later ones revisions.
func entryEvents(oe *Entry, cites []Citation, effective ruleDates, pubID string, sources map[string]GenSource) []GenEvent {
	var evs []GenEvent
	for k, c := range cites {
		sid := frSourceID(c)
		if c.Published != "" {
			if _, ok := sources[sid]; !ok {
				sources[sid] = GenSource{
					ID:        sid,
					Title:     "Federal Register rule amending the Entity List, cited at " + c.String() + " in the entry's Federal Register cell",
					Publisher: "U.S. Department of Commerce, Bureau of Industry and Security",
					Date:      c.Published,
					URL:       "https://www.govinfo.gov/link/fr/" + strconv.Itoa(c.Volume) + "/" + strconv.Itoa(c.Page),
					Citation:  c.String() + ", " + c.Published,
					Kind:      "federal-register",
				}
			}
		} else {
			sid = pubID
		}
		if k == 0 {
			date, how := c.Published, "dated by its Federal Register publication"
			if eff := effective.of(c); eff == c.Published {
				how = "effective on publication"
			} else if eff != "" {
				date, how = eff, "effective "+eff+", published "+c.Published
			}
			note := "Added by " + c.String() + " (" + how + ")."
			if aliases := namesOfEntry(oe)[1:]; len(aliases) > 0 {
				note += " Also listed as: " + strings.Join(aliases, "; ") + "."
			}
			if cities := Cities(oe.Address); len(cities) > 0 {
				note += " Address in " + strings.Join(cities, ", ") + "."
			} else if !oe.Chinese() {
				note += " Listed under " + oe.Country + "."
			}
			if req := LicenceRequirement(oe.Notes); req != "" {
				note += " Licence requirement: " + req + "."
			}
			evs = append(evs, GenEvent{Date: date, Type: "listed", Source: sid, Note: strings.ReplaceAll(note, "..", ".")})
			continue
		}
		if c.Published == "" {
			continue // an undated revision cannot be placed in the history
		}
		if c.Published < evs[0].Date {
			continue // a cell out of order: the history keeps its start
		}
		evs = append(evs, GenEvent{Date: c.Published, Type: "note", Source: sid, Note: "Entry revised by " + c.String() + " (Federal Register publication)."})
	}
	sort.SliceStable(evs[1:], func(i, j int) bool { return evs[1+i].Date < evs[1+j].Date })
	return evs
}

var footnoteRE = regexp.MustCompile(`\)\s*\d{1,2}$`)

// LicenceRequirement is the entry's licence requirement cell as printed,
// without the eCFR's trailing footnote number ("... of the EAR) 4").
func LicenceRequirement(cell string) string {
	return strings.TrimRight(footnoteRE.ReplaceAllString(strings.TrimSpace(cell), ")"), ".")
}

func summary(kind string, e Entry) string {
	what := map[string]string{"company": "Company", "institute": "Research institute", "university": "University",
		"government": "Government body", "person": "Person"}[kind]
	s := what + " on the Entity List"
	if cities := Cities(e.Address); len(cities) > 0 {
		s += ", listed at an address in " + strings.Join(cities, ", ")
	}
	return s + "."
}

// ruleDates are the effective dates of Entity List rules that curated
// records give, by volume and publication date, each with the rule's first
// page: two rules published the same day (90 FR 14035 and 90 FR 14046 on
// 2025-03-28) may differ, so a date holds only for the rule whose pages the
// cell cites.
type ruleDates map[string][]ruleDate

type ruleDate struct {
	firstPage int
	effective string
}

func dayKey(volume int, published string) string { return strconv.Itoa(volume) + "|" + published }

// of returns the effective date of the rule a cell cites: the known rule of
// that day with the last first page at or before the cited page; "" when
// the cell cites a page before every known rule of that day (another rule).
func (r ruleDates) of(c Citation) string {
	best := ruleDate{firstPage: -1}
	for _, rd := range r[dayKey(c.Volume, c.Published)] {
		if rd.firstPage <= c.Page && rd.firstPage > best.firstPage {
			best = rd
		}
	}
	return best.effective
}

// effectiveDates reads the effective dates of Entity List rules from the
// curated records: a Federal Register source with its effective date, and a
// curated listed event citing a Federal Register source (the event's date
// is the rule's effective date); the source's citation gives the rule's
// first page.
func effectiveDates(d *data.Dataset) ruleDates {
	out := ruleDates{}
	// add records that the rule s cites took effect on effective.
	add := func(s *data.Source, effective string) {
		cs, err := ParseCitations(s.Citation)
		if err != nil {
			return
		}
		k := dayKey(cs[0].Volume, s.Date)
		if !slices.Contains(out[k], ruleDate{cs[0].Page, effective}) {
			out[k] = append(out[k], ruleDate{cs[0].Page, effective})
		}
	}
	for _, s := range d.Sources {
		if s.Effective != "" {
			add(s, s.Effective)
		}
	}
	for _, li := range d.Listings {
		if li.List != EntityListID {
			continue
		}
		for _, en := range li.Entries {
			for _, ev := range en.Events {
				s := d.Source(ev.Source)
				if ev.Type == "listed" && s != nil && s.Kind == "federal-register" {
					add(s, ev.Date)
				}
			}
		}
	}
	return out
}

// curatedNameOwners maps each folded name of a curated entity to it.
func curatedNameOwners(d *data.Dataset) map[string]string {
	out := map[string]string{}
	for _, e := range d.Entities {
		for _, n := range data.NamesOf(e) {
			out[fold(n.Text)] = e.ID
		}
	}
	return out
}

// curatedListedOwners maps each name a curated entry is listed under, as the
// matcher compares names (data.BaseName: without its short form in
// parentheses and legal form), to the entry's entity: DoD's 1260H list names
// "Forensic Genomics International (FGI)" under BGI Group, so the Entity
// List's "Forensic Genomics International" is BGI's entry, not a company of
// its own. Names of fewer than three words, and a name two entities are
// listed under, own nothing.
func curatedListedOwners(d *data.Dataset) map[string]string {
	listed := map[string]string{}
	ambiguous := map[string]bool{}
	for _, li := range d.Listings {
		for _, en := range li.Entries {
			k := listedKey(en.AsListed)
			if k == "" {
				continue
			}
			if owner, ok := listed[k]; ok && owner != en.Entity {
				ambiguous[k] = true
			}
			listed[k] = en.Entity
		}
	}
	for k := range ambiguous {
		delete(listed, k)
	}
	return listed
}

// listedKey is the key of curatedListedOwners, "" for a name too short to
// name one party.
func listedKey(name string) string {
	base := data.BaseName(name)
	if words(base) < 3 {
		return ""
	}
	return fold(base)
}

// pairCurated finds the official entry of each curated Entity List entry:
// the one whose name or an alias is the curated as-listed name, or else the
// only one that contains it. It reports curated entries with no official
// entry and curated first dates the official cell contradicts.
func pairCurated(f *File, d *data.Dataset, imp *Import) map[int]string {
	pairs := map[int]string{}
	for _, li := range d.Listings {
		if li.List != EntityListID {
			continue
		}
		for _, en := range li.Entries {
			want := fold(en.AsListed)
			var exact, partial []int
			for i := range f.Entries {
				for _, n := range namesOfEntry(&f.Entries[i]) {
					fn := fold(n)
					if fn == want {
						exact = append(exact, i)
						break
					}
					if strings.Contains(fn, want) {
						partial = append(partial, i)
						break
					}
				}
			}
			match := exact
			if len(match) == 0 {
				match = partial
			}
			if len(match) != 1 {
				if len(en.Events) > 0 && lastState(en) != "removed" {
					imp.Findings = append(imp.Findings, fmt.Sprintf("curated %s entry %q (%s:%d): %d official entries match its name; not paired",
						en.Entity, en.AsListed, en.File, en.Line, len(match)))
				}
				continue
			}
			i := match[0]
			pairs[i] = en.Entity
			oe := &f.Entries[i]
			if len(exact) == 0 {
				imp.Findings = append(imp.Findings, fmt.Sprintf("curated %s entry %q (%s:%d) is printed as %q", en.Entity, en.AsListed, en.File, en.Line, oe.Name))
			}
			cites, err := ParseCitations(oe.FederalRegister)
			if err != nil || len(en.Events) == 0 || en.Events[0].Type != "listed" {
				continue
			}
			first := en.Events[0].Date
			if c := cites[0]; c.Published != "" && first != c.Published && !withinDays(first, c.Published, 7) {
				imp.Findings = append(imp.Findings, fmt.Sprintf("curated %s entry %q (%s:%d) is listed from %s, but the official cell's first citation is %s of %s",
					en.Entity, en.AsListed, en.File, en.Line, first, c, c.Published))
			}
		}
	}
	return pairs
}

func lastState(en data.Entry) string { return en.Events[len(en.Events)-1].Type }

// withinDays: an effective date a few days before publication is the same rule.
func withinDays(a, b string, n int) bool {
	ta, err1 := time.Parse("2006-01-02", a)
	tb, err2 := time.Parse("2006-01-02", b)
	if err1 != nil || err2 != nil {
		return false
	}
	d := tb.Sub(ta).Hours() / 24
	return d >= 0 && d <= float64(n)
}
