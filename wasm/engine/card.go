package engine

import (
	"slices"
	"strings"
)

// Card is everything a context card or a report line says about an entity,
// computed for an article's date and for the dataset's as-of date. The
// widget and the report both render it, so they cannot disagree.
type Card struct {
	ID, Kind, Name, Short   string
	Summary, Effect         string
	Title, Citation, Number string
	Authority, Basis        string
	Sanction                bool
	ArticleDate, AsOf       string // YYYY-MM-DD; ArticleDate "" when unknown
	Version                 string
	Lists                   []CardList
	Events                  []CardEvent
	Sources                 []CardSource
	Linked                  []CardLink
	OnNoListOnArticleDate   bool // a company on none of the lists on the article's date
	Tickers, ChineseNames   []string
	SourceIndex             int // the document itself (orders, lists), -1 if none
}

// CardList is the entity's standing on one list.
type CardList struct {
	ID, Name, Effect string
	EffectShort      string
	Sanction         bool
	AsListed         []string
	OnArticleDate    CardStatus // zero State when the article date is unknown
	AsOf             CardStatus
	FirstListed      string // the first listing, empty when only a later edition is verified
	CheckedThrough   string // the list's changes after this day are not recorded
}

// CardStatus is one standing in plain words, each sentence with the one
// source that supports it.
type CardStatus struct {
	State  string
	Listed bool
	Since  string
	Text   string
	Source int // index into Card.Sources, -1 if none
	// Effect says what the list's prohibitions did to this company on this
	// day; "" when it was not listed or its standing is unknown.
	Effect       string
	EffectState  string
	EffectSource int // index into Card.Sources, -1 if none
}

// CardEvent is one line of the timeline.
type CardEvent struct {
	Date, Type, List, AsListed, Note string
	By                               string // name of the amending or replacing entity
	Source                           int    // index into Card.Sources, -1 if none
}

// CardSource is a cited primary source. The tags are the JSON keys that
// the engine's writer uses too (jsonWriter.source), for the report.
type CardSource struct {
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	URL       string `json:"url"`
	Citation  string `json:"citation,omitempty"`
	Date      string `json:"date"`
}

// CardLink is a related entity.
type CardLink struct{ ID, Name string }

// Card builds the card of an entity for an article dated articleDay (NoDay
// when unknown).
func (d *Dataset) Card(entity int32, articleDay Day) Card {
	e := &d.Entities[entity]
	c := Card{
		ID: e.ID, Kind: e.Kind.String(), Name: e.Name, Short: e.Short, Summary: e.Summary, Effect: e.Effect,
		Title: e.Title, Citation: e.Citation, Number: e.Number, Authority: e.Authority,
		Basis: e.Basis, Sanction: e.Sanction, ArticleDate: articleDay.String(), AsOf: d.AsOf.String(),
		Version: d.Version(), Tickers: e.Tickers, ChineseNames: e.ChineseNames, SourceIndex: -1,
	}
	srcIndex := map[int32]int{}
	cite := func(s int32) int {
		if s < 0 {
			return -1
		}
		if i, ok := srcIndex[s]; ok {
			return i
		}
		src := &d.Sources[s]
		srcIndex[s] = len(c.Sources)
		c.Sources = append(c.Sources, CardSource{Title: src.Title, Publisher: src.Publisher, URL: src.URL, Citation: src.Citation, Date: src.Day.String()})
		return srcIndex[s]
	}
	c.SourceIndex = cite(e.Source)
	byName := func(by int32) string {
		if by < 0 {
			return ""
		}
		return d.Entities[by].Name
	}
	for _, ev := range e.Events {
		c.Events = append(c.Events, CardEvent{Date: ev.Day.String(), Type: ev.Type.String(), Note: ev.Note, By: byName(ev.By), Source: cite(ev.Source)})
	}
	// Whether a list dates its prohibitions per company takes a pass over
	// the dataset: once per list of the card.
	var askedLists []int32
	var perCompanyAnswers []bool
	perCompany := func(list int32) bool {
		if i := slices.Index(askedLists, list); i >= 0 {
			return perCompanyAnswers[i]
		}
		askedLists, perCompanyAnswers = append(askedLists, list), append(perCompanyAnswers, d.datesPerCompany(list))
		return perCompanyAnswers[len(perCompanyAnswers)-1]
	}
	asOf := d.Status(entity, d.AsOf)
	var onDate []ListStatus
	if articleDay != NoDay {
		onDate = d.Status(entity, articleDay)
	}
	// "On none of the lists" only when every list's standing is known.
	onNone := true
	for i, st := range asOf {
		list := &d.Entities[st.List]
		cl := CardList{ID: list.ID, Name: list.Name, Effect: list.Effect, EffectShort: list.EffectShort, Sanction: list.Sanction,
			CheckedThrough: list.CheckedThrough.String()}
		if st.FirstKnown {
			cl.FirstListed = st.First.String()
		}
		cl.AsOf = d.statusView(entity, st, d.AsOf, cite, perCompany)
		if onDate != nil {
			cl.OnArticleDate = d.statusView(entity, onDate[i], articleDay, cite, perCompany)
			onNone = onNone && !onDate[i].Listed() && onDate[i].State != Unknown
		}
		for _, en := range e.Entries {
			if en.List != st.List {
				continue
			}
			cl.AsListed = append(cl.AsListed, en.AsListed)
			for _, ev := range en.Events {
				c.Events = append(c.Events, CardEvent{Date: ev.Day.String(), Type: ev.Type.String(), List: list.Name,
					AsListed: en.AsListed, Note: ev.Note, By: byName(ev.By), Source: cite(ev.Source)})
			}
		}
		if end := d.ListEnd(st.List); end != NoDay && st.First != NoDay {
			for _, ev := range list.Events {
				if ev.Type == EvEnded {
					c.Events = append(c.Events, CardEvent{Date: ev.Day.String(), Type: ev.Type.String(), List: list.Name, Note: ev.Note, By: byName(ev.By), Source: cite(ev.Source)})
				}
			}
		}
		c.Lists = append(c.Lists, cl)
	}
	c.OnNoListOnArticleDate = e.Kind.IsParty() && articleDay != NoDay && onNone
	slices.SortStableFunc(c.Events, func(a, b CardEvent) int { return strings.Compare(a.Date, b.Date) })
	for _, l := range e.Linked {
		c.Linked = append(c.Linked, CardLink{ID: d.Entities[l].ID, Name: d.Entities[l].Name})
	}
	return c
}

func (d *Dataset) statusView(entity int32, st ListStatus, day Day, cite func(int32) int, perCompany func(int32) bool) CardStatus {
	v := CardStatus{State: st.State.String(), Listed: st.Listed(), Since: st.Since.String(), Source: -1, EffectSource: -1}
	if st.State != NotListed {
		// The event the sentence names: the listing, the injunction, the
		// end, or for an unknown standing the earliest verified listing.
		v.Source = cite(st.Event.Source)
	}
	since := st.Since.String()
	switch st.State {
	case Listed:
		v.Text = "Listed since " + since
		if st.SinceAtLatest {
			v.Text += " at the latest"
		}
	case NotListed:
		switch {
		case st.First != NoDay && st.First > day && st.FirstKnown:
			v.Text = "Not yet listed (added " + st.First.String() + ")"
		case st.First != NoDay && st.First > day:
			// Only the date of a later edition is verified: the list had
			// not started, which is all that can be said.
			v.Text = "Not yet listed: the list's first edition came out on " + d.ListStart(st.List).String()
		default:
			v.Text = "Not on this list"
		}
	case Enjoined:
		v.Text = "On the list, but " + d.court(st.Event) + " barred enforcement on " + since
	case Vacated:
		v.Text = "Not listed: " + d.court(st.Event) + " vacated the designation on " + since
	case Unknown:
		v.Text = "Not verified: the dataset confirms this listing only from " + st.Event.Day.String()
	case Removed:
		v.Text = "Not listed: removed on " + since
	case ListEnded:
		v.Text = "Not in effect: the list itself stopped having legal effect on " + since
		if inj := st.Enjoined; inj != nil {
			v.Text += ", after " + d.court(*inj) + " had barred enforcement on " + inj.Day.String()
		}
	}
	d.effectView(&v, entity, st, day, cite, perCompany)
	if end := d.ListEnd(st.List); end != NoDay && end <= day {
		return v // an ended list cannot change later
	}
	if checked := d.Entities[st.List].CheckedThrough; checked != NoDay && day > checked {
		v.Text += "; not checked after " + checked.String()
	}
	return v
}

// effectView words the effect of a listing on the day of v, citing the
// event whose date the sentence gives.
func (d *Dataset) effectView(v *CardStatus, entity int32, st ListStatus, day Day, cite func(int32) int, perCompany func(int32) bool) {
	ef := d.effect(entity, st, day, perCompany)
	v.EffectState = ef.State.String()
	if ef.State == EffectNone {
		return
	}
	start, stop := ef.Start.Day.String(), ef.Stop.Day.String()
	cited := ef.Stop
	switch ef.State {
	case EffectPending:
		v.Effect = "Not yet in force on this date: the list's prohibitions start to apply to it on " + start + "."
		cited = ef.Start
	case EffectInForce:
		v.Effect = d.Entities[st.List].EffectShort
		if ef.Next.Day != NoDay {
			v.Effect += " Not all of it yet on this date: a further stage starts on " + ef.Next.Day.String() + "."
		}
		cited = ef.Start
	case EffectUnrecorded:
		v.Effect = "The record does not say from when the list's prohibitions applied to it."
	case EffectBarred:
		v.Effect = "Not in force: " + d.court(ef.Stop) + " barred enforcement on " + stop
		if ef.Start.Day != NoDay && ef.Start.Day >= ef.Stop.Day {
			v.Effect += ", before the list's prohibitions were to apply to it from " + start
		}
		v.Effect += "."
	case EffectNever:
		if ef.Stop.Type == EvEnjoined {
			v.Effect = "The list's prohibitions never applied to it: " + d.court(ef.Stop) + " barred enforcement on " + stop
		} else {
			v.Effect = "The list's prohibitions never applied to it: its listing ended on " + stop
		}
		v.Effect += ", before they were to apply from " + start + "."
	case EffectEnded:
		if ef.Start.Day == NoDay {
			v.Effect = "Not in force since " + stop + "."
		} else {
			v.Effect = "No longer in force since " + stop + "."
		}
	}
	v.EffectSource = cite(cited.Source)
}

// court names the court of a court event by the publisher of its source
// when that is the court's own document ("the U.S. District Court for the
// District of Columbia"), else "a court".
func (d *Dataset) court(ev Event) string {
	// A report of a ruling names its publisher, not the court.
	if ev.Source < 0 || d.Sources[ev.Source].Kind != "court" {
		return "a court"
	}
	s := d.Sources[ev.Source].Publisher
	if len(s) > 4 && (s[:4] == "the " || s[:4] == "The ") {
		s = s[4:]
	}
	return "the " + s
}
