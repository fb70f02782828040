package engine_test

import (
	"slices"
	"strings"
	"testing"

	"factcard/wasm/engine"
)

// The card invariants of docs/card-statements.md, checked on every company
// of the real dataset and of the court fixture, on the days where a status
// can change: each event's day and the day before and after it, a day
// inside each listing, the list's start and end, 2026-11-01 and the
// dataset's as-of day. The expected standing is worked out here from the
// raw events, independently of Status.
func TestEveryCardStatementAgreesWithTheEvents(t *testing.T) {
	for name, d := range map[string]*engine.Dataset{"real": realDataset(t), "courts": courtsDataset(t)} {
		t.Run(name, func(t *testing.T) {
			cards, lines := 0, 0
			for i := range d.Entities {
				e := &d.Entities[i]
				if len(e.Entries) == 0 {
					continue
				}
				for _, date := range checkDays(d, e) {
					c := d.Card(int32(i), date)
					cards++
					for _, l := range c.Lists {
						r := rawStanding(d, e, d.EntityIndex(l.ID), date)
						for _, msg := range r.check(d, c, l.OnArticleDate, date) {
							t.Errorf("%s on %s, %s: %s\n  status %q\n  effect %q", e.ID, date, l.ID, msg, l.OnArticleDate.Text, l.OnArticleDate.Effect)
						}
						lines++
					}
				}
			}
			if cards < 10 || lines < cards {
				t.Fatalf("only %d cards with %d status lines checked", cards, lines)
			}
			t.Logf("%d cards, %d status lines", cards, lines)
		})
	}
}

// checkDays are the days on which e's card is rendered.
func checkDays(d *engine.Dataset, e *engine.Entity) []engine.Day {
	fixed, _ := engine.ParseDay("2026-11-01")
	days := []engine.Day{fixed, d.AsOf}
	for _, en := range e.Entries {
		for k, ev := range en.Events {
			days = append(days, ev.Day-1, ev.Day, ev.Day+1)
			if k+1 < len(en.Events) {
				days = append(days, (ev.Day+en.Events[k+1].Day)/2)
			} else {
				days = append(days, ev.Day+100)
			}
		}
		if start := listStart(d, en.List); start != engine.NoDay {
			days = append(days, start-1, start)
		}
		if end := listEnd(d, en.List); end != engine.NoDay {
			days = append(days, end-1, end, end+1)
		}
	}
	slices.Sort(days)
	return slices.Compact(days)
}

func listStart(d *engine.Dataset, list int32) engine.Day {
	start, established := engine.NoDay, engine.NoDay
	for _, ev := range d.Entities[list].Events {
		if ev.Type == engine.EvEdition && (start == engine.NoDay || ev.Day < start) {
			start = ev.Day
		}
		if ev.Type == engine.EvEstablished && (established == engine.NoDay || ev.Day < established) {
			established = ev.Day
		}
	}
	if start == engine.NoDay {
		return established
	}
	return start
}

func listEnd(d *engine.Dataset, list int32) engine.Day {
	for _, ev := range d.Entities[list].Events {
		if ev.Type == engine.EvEnded {
			return ev.Day
		}
	}
	return engine.NoDay
}

// raw is one entry's standing on one day, replayed from its events.
type raw struct {
	state string // a State name
	event engine.Event
}

func rawEntry(d *engine.Dataset, en *engine.Entry, date engine.Day) raw {
	r := raw{state: "not-listed"}
	for _, ev := range en.Events {
		if ev.Day > date {
			break
		}
		switch ev.Type {
		case engine.EvListed, engine.EvInjunctionLifted:
			r = raw{"listed", ev}
		case engine.EvEnjoined:
			r = raw{"enjoined", ev}
		case engine.EvVacated:
			r = raw{"vacated", ev}
		case engine.EvRemoved:
			r = raw{"removed", ev}
		}
	}
	if r.state == "not-listed" && en.EarlierUnknown && date < en.Events[0].Day && date >= listStart(d, en.List) {
		r.state = "unknown"
	}
	if end := listEnd(d, en.List); (r.state == "listed" || r.state == "enjoined") && end != engine.NoDay && end <= date {
		for _, ev := range d.Entities[en.List].Events {
			if ev.Type == engine.EvEnded {
				r = raw{"list-ended", ev}
			}
		}
	}
	return r
}

// standing is an entity's entries on one list, replayed on one day.
type standing struct {
	entries []*engine.Entry
	list    int32
	raws    []raw
}

func rawStanding(d *engine.Dataset, e *engine.Entity, list int32, date engine.Day) standing {
	s := standing{list: list}
	for k := range e.Entries {
		if en := &e.Entries[k]; en.List == list {
			s.entries = append(s.entries, en)
			s.raws = append(s.raws, rawEntry(d, en, date))
		}
	}
	return s
}

func (s standing) any(state string) bool {
	return slices.ContainsFunc(s.raws, func(r raw) bool { return r.state == state })
}

func (s standing) at(d *engine.Dataset, date engine.Day) standing {
	out := standing{entries: s.entries, list: s.list}
	for _, en := range s.entries {
		out.raws = append(out.raws, rawEntry(d, en, date))
	}
	return out
}

// events returns the events of the entries (and of the list, with the list's
// own types) that match keep.
func (s standing) events(d *engine.Dataset, keep func(engine.Event) bool) []engine.Event {
	var out []engine.Event
	for _, en := range s.entries {
		for _, ev := range en.Events {
			if keep(ev) {
				out = append(out, ev)
			}
		}
	}
	for _, ev := range d.Entities[s.list].Events {
		if keep(ev) {
			out = append(out, ev)
		}
	}
	return out
}

func sameSource(d *engine.Dataset, c engine.Card, i int, src int32) bool {
	if i < 0 || src < 0 {
		return false
	}
	want, got := d.Sources[src], c.Sources[i]
	return got.Title == want.Title && got.URL == want.URL && got.Date == want.Day.String()
}

// citesOneOf reports whether the card source i is the source of one of evs.
func citesOneOf(d *engine.Dataset, c engine.Card, i int, evs []engine.Event) bool {
	return slices.ContainsFunc(evs, func(ev engine.Event) bool { return sameSource(d, c, i, ev.Source) })
}

func isEffectStart(ev engine.Event) bool {
	return ev.Type == engine.EvEffective || ev.Type == engine.EvPurchaseBan
}

// check returns every way the status line st contradicts the raw events.
func (s standing) check(d *engine.Dataset, c engine.Card, st engine.CardStatus, date engine.Day) []string {
	var bad []string
	fail := func(msg string) { bad = append(bad, msg) }
	onDay := func(typ engine.EventType, day string) []engine.Event {
		return s.events(d, func(ev engine.Event) bool { return ev.Type == typ && ev.Day.String() == day })
	}
	listed, enjoined, unknown := s.any("listed"), s.any("enjoined"), s.any("unknown")
	want := ""
	switch {
	case listed:
		want = "listed"
	case enjoined:
		want = "enjoined"
	case unknown:
		want = "unknown"
	}
	if want != "" && st.State != want || want == "" && !slices.Contains([]string{"not-listed", "vacated", "removed", "list-ended"}, st.State) {
		fail("state " + st.State + ", the events give " + want)
		return bad
	}
	if st.Listed != listed {
		fail("listed flag disagrees with the events")
	}
	if st.Source >= 0 && st.State == "not-listed" {
		fail("a status of not listed cites a source")
	}
	// The sentence, and the one source beside it.
	var named []engine.Event
	switch st.State {
	case "listed":
		since, _ := engine.ParseDay(st.Since)
		if !strings.HasPrefix(st.Text, "Listed since "+st.Since) || since > date {
			fail("the listing's start is not stated as " + st.Since)
			break
		}
		// Unbroken from since to the date, and not listed the day before.
		for _, ev := range s.events(d, func(ev engine.Event) bool { return ev.Day > since && ev.Day <= date }) {
			if !s.at(d, ev.Day).any("listed") {
				fail("not listed on " + ev.Day.String() + ", between the start given and the date")
			}
		}
		before := s.at(d, since-1)
		if before.any("listed") {
			fail("already listed the day before " + st.Since)
		}
		if latest := strings.Contains(st.Text, " at the latest"); latest != before.any("unknown") {
			fail("\"at the latest\" must be said exactly when the standing the day before is unknown")
		}
		named = onDay(engine.EvListed, st.Since)
		named = append(named, onDay(engine.EvInjunctionLifted, st.Since)...)
	case "enjoined":
		if !strings.Contains(st.Text, " barred enforcement on "+st.Since) {
			fail("the injunction's date is not stated")
		}
		named = onDay(engine.EvEnjoined, st.Since)
	case "vacated":
		if !strings.Contains(st.Text, " vacated the designation on "+st.Since) {
			fail("the vacatur's date is not stated")
		}
		named = onDay(engine.EvVacated, st.Since)
	case "removed":
		if !strings.HasPrefix(st.Text, "Not listed: removed on "+st.Since) {
			fail("the removal's date is not stated")
		}
		named = onDay(engine.EvRemoved, st.Since)
	case "list-ended":
		if end := listEnd(d, s.list); end.String() != st.Since || !strings.Contains(st.Text, "stopped having legal effect on "+st.Since) {
			fail("the list's end is not stated")
		}
		named = onDay(engine.EvEnded, st.Since)
	case "unknown":
		next := engine.NoDay
		for _, ev := range s.events(d, func(ev engine.Event) bool { return ev.Type == engine.EvListed && ev.Day > date }) {
			if next == engine.NoDay || ev.Day < next {
				next = ev.Day
			}
		}
		if st.Text != "Not verified: the dataset confirms this listing only from "+next.String() {
			fail("the first verified listing after the date is " + next.String())
		}
		named = onDay(engine.EvListed, next.String())
	case "not-listed":
		future := s.events(d, func(ev engine.Event) bool { return ev.Type == engine.EvListed && ev.Day > date })
		if strings.HasPrefix(st.Text, "Not yet listed") != (len(future) > 0) {
			fail("\"not yet listed\" must be said exactly when a later listing is recorded")
		}
		// "Added D" claims nobody was listed before D: only an entry whose
		// earlier history is unknown could have been, and only after the
		// list's start.
		if _, added, ok := strings.Cut(st.Text, "(added "); ok && added[:10] > listStart(d, s.list).String() {
			for _, en := range s.entries {
				if en.EarlierUnknown {
					fail("an addition date is given although an entry's earlier history is unknown")
				}
			}
		}
	}
	if st.Source >= 0 && !citesOneOf(d, c, st.Source, named) {
		fail("the status cites a source that none of the events it names cites")
	}
	if st.State != "not-listed" && st.Source < 0 {
		fail("the status cites nothing")
	}
	bad = append(bad, s.checkEffect(d, c, st, date)...)
	return bad
}

// checkEffect checks the effect line against the effective and purchase-ban
// events: what the list's prohibitions did to this company on this date.
func (s standing) checkEffect(d *engine.Dataset, c engine.Card, st engine.CardStatus, date engine.Day) []string {
	var bad []string
	fail := func(msg string) { bad = append(bad, msg) }
	allowed := map[string][]string{
		"not-listed": {""}, "unknown": {""},
		"listed":   {"pending", "in-force", "unrecorded"},
		"enjoined": {"barred"},
		"vacated":  {"never", "ended"}, "removed": {"never", "ended"}, "list-ended": {"never", "ended"},
	}
	if !slices.Contains(allowed[st.State], st.EffectState) {
		return []string{"effect " + st.EffectState + " for a status of " + st.State}
	}
	if st.EffectState == "" {
		if st.Effect != "" || st.EffectSource >= 0 {
			fail("an effect line without a listing")
		}
		return bad
	}
	// Where the record dates the prohibitions: the entries' own events, else
	// none if the list dates them per company, else the list's events.
	var own []engine.Event
	for _, en := range s.entries {
		for _, ev := range en.Events {
			if isEffectStart(ev) {
				own = append(own, ev)
			}
		}
	}
	perCompany := false
	for i := range d.Entities {
		for _, en := range d.Entities[i].Entries {
			perCompany = perCompany || en.List == s.list && slices.ContainsFunc(en.Events, isEffectStart)
		}
	}
	starts := own
	if len(own) == 0 && !perCompany {
		for _, ev := range d.Entities[s.list].Events {
			if ev.Type == engine.EvEffective {
				starts = append(starts, ev)
			}
		}
	}
	dated := len(starts) > 0
	if len(own) == 0 && perCompany && st.State == "listed" && st.EffectState != "unrecorded" {
		fail("the list dates its prohibitions per company and not for this one, yet the card says " + st.EffectState)
	}
	switch st.EffectState {
	case "pending":
		if !dated || !slices.ContainsFunc(starts, func(ev engine.Event) bool {
			return ev.Day > date && strings.Contains(st.Effect, ev.Day.String()) && sameSource(d, c, st.EffectSource, ev.Source)
		}) {
			fail("\"not yet in force\" without a later recorded start, cited")
		}
		if slices.ContainsFunc(starts, func(ev engine.Event) bool { return ev.Day <= date }) {
			fail("\"not yet in force\" after a recorded start")
		}
	case "in-force":
		if !strings.HasPrefix(st.Effect, d.Entities[s.list].EffectShort) {
			fail("in force, but not in the list's words")
		}
		if dated && !slices.ContainsFunc(starts, func(ev engine.Event) bool { return ev.Day <= date && sameSource(d, c, st.EffectSource, ev.Source) }) {
			fail("in force before any recorded start, or citing something else")
		}
		if !dated && !sameSource(d, c, st.EffectSource, mustListing(s, d, st.Since).Source) {
			fail("in force from the listing, but not citing it")
		}
	case "unrecorded":
		if dated && len(own) > 0 {
			fail("the start is recorded, yet the card says it is not")
		}
	case "barred":
		if !strings.Contains(st.Effect, "barred enforcement on "+st.Since) || !citesOneOf(d, c, st.EffectSource, s.events(d, func(ev engine.Event) bool { return ev.Type == engine.EvEnjoined })) {
			fail("barred without the injunction and its source")
		}
	case "never":
		// Some injunction or end came before every recorded start.
		stops := s.events(d, func(ev engine.Event) bool {
			return (ev.Type == engine.EvEnjoined || ev.Type == engine.EvVacated || ev.Type == engine.EvRemoved || ev.Type == engine.EvEnded) &&
				ev.Day <= date && strings.Contains(st.Effect, ev.Day.String()) && sameSource(d, c, st.EffectSource, ev.Source)
		})
		if len(stops) == 0 || !dated || slices.ContainsFunc(starts, func(ev engine.Event) bool { return ev.Day < stops[0].Day }) {
			fail("\"never applied\" although a recorded start came before the injunction or end it names")
		}
	case "ended":
		if !strings.Contains(st.Effect, "in force since "+st.Since) || st.EffectSource < 0 {
			fail("ended without the day it ended, cited")
		}
	}
	return bad
}

func mustListing(s standing, d *engine.Dataset, since string) engine.Event {
	for _, ev := range s.events(d, func(ev engine.Event) bool { return ev.Type == engine.EvListed && ev.Day.String() == since }) {
		return ev
	}
	return engine.Event{Source: -1}
}
