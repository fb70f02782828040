// Package engine is factcard's matcher and status logic. It is pure Go with
// no dependency on the browser, fmt, reflection or JSON decoding, so that the
// same code runs natively (tests, the report command) and in WebAssembly (the
// page widget and an extension's service worker) with a small binary.
package engine

// Kind is what an entity is.
type Kind uint8

const (
	KindCompany Kind = iota
	KindList
	KindOrder
	KindLaw
	// Listed parties that are not companies.
	KindInstitute
	KindUniversity
	KindGovernment
	KindPerson
)

var kindNames = [...]string{"company", "list", "order", "law", "institute", "university", "government", "person"}

// IsParty reports the kinds that lists name: companies, institutes,
// universities, government bodies and persons.
func (k Kind) IsParty() bool { return k == KindCompany || k >= KindInstitute }

func (k Kind) String() string { return kindNames[k] }

// ParseKind maps a dataset kind name to a Kind.
func ParseKind(s string) (Kind, bool) {
	for i, n := range kindNames {
		if n == s {
			return Kind(i), true
		}
	}
	return 0, false
}

// EventType is what happened on a dated event.
type EventType uint8

const (
	// Events in a listing.
	EvListed EventType = iota
	EvEffective
	EvPurchaseBan
	EvDivestmentDeadline
	EvEnjoined
	EvInjunctionLifted
	EvVacated
	EvUpheld
	EvRemoved
	EvRenamed
	EvCorrected
	EvNote
	// Events of an entity about itself.
	EvSigned
	EvPublished
	EvAmended
	EvRevoked
	EvSuperseded
	EvEstablished
	EvEdition
	EvEnded
)

var eventNames = [...]string{
	"listed", "effective", "purchase-ban", "divestment-deadline", "enjoined", "injunction-lifted",
	"vacated", "upheld", "removed", "renamed", "corrected", "note",
	"signed", "published", "amended", "revoked", "superseded", "established", "edition", "ended",
}

func (e EventType) String() string { return eventNames[e] }

// ParseEventType maps a dataset event type name to an EventType.
func ParseEventType(s string) (EventType, bool) {
	for i, n := range eventNames {
		if n == s {
			return EventType(i), true
		}
	}
	return 0, false
}

// IsListingEvent reports the types allowed in a listing's history.
func (e EventType) IsListingEvent() bool { return e <= EvNote }

// CasePolicy says how the case of a name in text must agree with the dataset.
type CasePolicy uint8

const (
	// CaseTitle: each word's initial must have the case the name gives it,
	// unless the text writes the name in capitals ("Xiaomi", "XIAOMI", not
	// "xiaomi"; "China Mobile", not "China mobile").
	CaseTitle CasePolicy = iota
	// CaseExact: only as written (acronyms such as DJI, SMIC, ZTE).
	CaseExact
	// CaseAny: any case.
	CaseAny
)

var caseNames = [...]string{"title", "exact", "any"}

func (c CasePolicy) String() string { return caseNames[c] }

// ParseCasePolicy maps a dataset case name to a CasePolicy.
func ParseCasePolicy(s string) (CasePolicy, bool) {
	for i, n := range caseNames {
		if n == s {
			return CasePolicy(i), true
		}
	}
	return 0, false
}

// Source is a primary source that events cite.
type Source struct {
	ID, Title, Publisher, URL, Citation, Kind string
	Day                                       Day
}

// Event is a dated fact with its source. Source and By index Dataset.Sources
// and Dataset.Entities; -1 means none.
type Event struct {
	Day    Day
	Type   EventType
	Source int32
	By     int32
	Note   string
}

// Entry is one listed name of an entity on one list, with its history.
type Entry struct {
	List     int32 // index of the list entity
	AsListed string
	// EarlierUnknown: before the first event the status is not known (the
	// first event is only the earliest verified one).
	EarlierUnknown bool
	Events         []Event
}

// Entity is a company, list, order or law.
type Entity struct {
	ID, Name, Short  string
	Kind             Kind
	Summary          string
	Title, Citation  string // orders and laws
	Number           string // executive order number
	Authority, Basis string // lists
	Effect           string
	EffectShort      string // one line for a company's card
	Sanction         bool
	CheckedThrough   Day  // lists: changes after this day are not recorded
	Complete         bool // lists: every entry is recorded, so no entry means never listed
	Source           int32
	Events           []Event
	Entries          []Entry // grouped by list, in the order of Dataset.Lists
	Linked           []int32
	LegalNames       []string
	FormerNames      []string
	ChineseNames     []string
	Tickers          []string
	ISINs            []string
}

// Pattern is one name the matcher looks for.
type Pattern struct {
	Entity  int32
	Case    CasePolicy
	Exact   []rune   // the name with case kept, normalized
	Context [][]rune // folded; when set, one must occur near the match
	Unless  [][]rune // folded; when one occurs near the match, it is not this name
	Next    int32    // next pattern with the same folded text, -1 at the end
	Flags   PatternFlags
}

// PatternFlags refine how a pattern matches (docs/matching.md, "Variants").
type PatternFlags uint8

const (
	// FormMayFollow: the name was stripped of its legal form at build time;
	// a legal form that follows it in the text ("Co., Ltd.", "Corp.",
	// "Limited", "Group") is part of the mention.
	FormMayFollow PatternFlags = 1 << iota
	// FormRequired: the stripped name is too plain alone (one word that is
	// not a name by itself); it matches only with a legal form after it.
	FormRequired
	// Blocker: a phrase that contains a name but means something else
	// ("China Mobile phones"); it wins leftmost-longest and marks nothing.
	Blocker
	// LowerOK: a one-word brand that may also be written in lower case
	// ("huawei"); handles and addresses are still rejected.
	LowerOK
	// ForeignFormOK: the list prints the name with a form of companies
	// outside China ("Innomics, Inc.", "Avicopter PLC"), so such a form
	// after it is its own, not another firm's.
	ForeignFormOK
	// TitleCaseOK: an acronym that is no word, which the press of some
	// languages writes in title case ("Zte", "Avic", "Cnooc" in Italian and
	// German); so written it is a mention only beside the party's name or a
	// list the party is on.
	TitleCaseOK
)

// Dataset is the compiled dataset: entities, sources and the automaton.
// data.Compile builds it at build time; the browser decodes it from bytes.
type Dataset struct {
	AsOf     Day
	Hash     string // content hash of the source files, hex
	Sources  []Source
	Entities []Entity
	Lists    []int32 // indexes of list entities, in display order
	Patterns []Pattern
	Auto     Automaton

	long   *longNames       // the long names' index (fuzzylong.go), set by BuildIndexes
	script scriptNames      // names in other scripts (fuzzyscript.go), set by BuildIndexes
	trans  *translatedNames // names read as concepts (translated.go), set by BuildIndexes
	perm   permutedNames    // long names' words in any order (permuted.go), set by BuildIndexes
}

// Version is the dataset version shown in every card and report.
func (d *Dataset) Version() string {
	h := d.Hash
	if len(h) > 12 {
		h = h[:12]
	}
	return d.AsOf.String() + "+" + h
}

// EntityIndex finds an entity by id, -1 if none.
func (d *Dataset) EntityIndex(id string) int32 {
	lo, hi := 0, len(d.Entities)
	for lo < hi { // entities are sorted by id
		m := (lo + hi) / 2
		if d.Entities[m].ID < id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.Entities) && d.Entities[lo].ID == id {
		return int32(lo)
	}
	return -1
}
