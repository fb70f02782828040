package engine

// State is an entity's standing on one list on one day. docs/dataset.md
// defines each; this file is the one implementation.
type State uint8

const (
	NotListed State = iota // never listed, or not yet on that day
	Listed
	Enjoined  // a court barred enforcement; the designation still stood
	Vacated   // a court set the designation aside
	Removed   // the agency removed it
	ListEnded // the list itself no longer had legal effect
	Unknown   // before the earliest verified event of a listing whose earlier history is unknown
)

var stateNames = [...]string{"not-listed", "listed", "enjoined", "vacated", "removed", "list-ended", "unknown"}

func (s State) String() string { return stateNames[s] }

// ListStatus is where an entity stood on one list on one day.
type ListStatus struct {
	List  int32 // index of the list entity
	State State
	Since Day   // the event that put it there, NoDay for never listed
	Event Event // that event (its source names the court or agency)
	First Day   // the first listing on this list, NoDay if none
	// FirstKnown is false when First is only the earliest verified listing
	// (an entry whose earlier history is unknown), so it is not "added on".
	FirstKnown bool
	// Enjoined is the injunction in force when the list itself ended, so
	// that a card can say a court had already stopped enforcement.
	Enjoined *Event
	// SinceAtLatest is true when a listing's Since is only the earliest
	// verified day: the day before, the company's standing is unknown, so
	// the listing may have begun earlier ("listed since D at the latest").
	SinceAtLatest bool
	// Entry is the index in the entity's Entries of the entry that decided
	// the state, -1 if none.
	Entry int
}

// Listed reports whether the entity was on the list with effect: an
// injunction, a vacatur, a removal or the list's end all count as not listed.
func (s ListStatus) Listed() bool { return s.State == Listed }

// ListEnd is the day a list stopped having legal effect, NoDay if it has not.
func (d *Dataset) ListEnd(list int32) Day {
	for _, ev := range d.Entities[list].Events {
		if ev.Type == EvEnded {
			return ev.Day
		}
	}
	return NoDay
}

// ListStart is the day a list first named companies: its first edition,
// else the day it was established, NoDay if the dataset records neither.
// Before it nobody was on the list, whatever is unknown about later years.
func (d *Dataset) ListStart(list int32) Day {
	start, established := NoDay, NoDay
	for _, ev := range d.Entities[list].Events {
		switch {
		case ev.Type == EvEdition && (start == NoDay || ev.Day < start):
			start = ev.Day
		case ev.Type == EvEstablished && (established == NoDay || ev.Day < established):
			established = ev.Day
		}
	}
	if start == NoDay {
		return established
	}
	return start
}

// noEvent is the Event of a state that no event caused: it cites nothing.
var noEvent = Event{Day: NoDay, Source: -1, By: -1}

func (d *Dataset) entryStatus(en *Entry, day Day) ListStatus {
	st := ListStatus{List: en.List, State: NotListed, Since: NoDay, First: NoDay, Event: noEvent, Entry: -1}
	for _, ev := range en.Events {
		if ev.Type == EvListed && st.First == NoDay {
			st.First = ev.Day
		}
		if ev.Day > day {
			if st.State == NotListed && en.EarlierUnknown && day >= d.ListStart(en.List) {
				// The event that bounds what is unknown: the earliest
				// verified one, which the card cites.
				st.State, st.Event = Unknown, en.Events[0]
			}
			continue
		}
		next := st.State
		switch ev.Type {
		case EvListed, EvInjunctionLifted:
			next = Listed
		case EvEnjoined:
			next = Enjoined
		case EvVacated:
			next = Vacated
		case EvRemoved:
			next = Removed
		default:
			continue
		}
		st.State, st.Since, st.Event = next, ev.Day, ev
	}
	if st.State == Listed || st.State == Enjoined {
		if end := d.ListEnd(en.List); end != NoDay && end <= day {
			if st.State == Enjoined {
				ev := st.Event
				st.Enjoined = &ev
			}
			st.State, st.Since = ListEnded, end
			st.Event = Event{Day: end, Type: EvEnded, Source: -1, By: -1}
			for _, ev := range d.Entities[en.List].Events {
				if ev.Type == EvEnded {
					st.Event = ev
				}
			}
		}
	}
	return st
}

// rank orders states for combining several entries of one entity on one
// list (China Mobile Limited and its parent): listed beats enjoined beats
// any ended state, which beats never listed.
func rank(s State) int {
	switch s {
	case Listed:
		return 4
	case Enjoined:
		return 3
	case Unknown:
		return 2
	case NotListed:
		return 0
	}
	return 1
}

// laterWins decides between two entries in the same state: a listing in
// force counts from the earliest entry ("listed since 2021"), an ended one
// from the latest (the company was off the list only once every entry was),
// an unknown one from the earliest verified event.
func laterWins(s, best ListStatus) bool {
	switch s.State {
	case Listed, Enjoined:
		return s.Since < best.Since
	case Unknown:
		return s.Event.Day < best.Event.Day
	}
	return s.Since > best.Since
}

// combined is the entity's standing on one list from its entries
// e.Entries[i:j], all on that list: the highest-ranked entry's.
func (d *Dataset) combined(e *Entity, i, j int, day Day) ListStatus {
	var best ListStatus
	for k := i; k < j; k++ {
		s := d.entryStatus(&e.Entries[k], day)
		s.Entry = k
		if k == i || rank(s.State) > rank(best.State) || rank(s.State) == rank(best.State) && laterWins(s, best) {
			best = s
		}
	}
	return best
}

// listedRun moves a listing's Since back to the start of the unbroken
// stretch in which one entry or another was listed: an entry removed on
// the day a renamed or restructured entry is listed leaves no gap, so the
// company has been "listed since" the first of them.
func (d *Dataset) listedRun(e *Entity, i, j int, st ListStatus) ListStatus {
	for st.Since != NoDay {
		before := d.combined(e, i, j, st.Since-1)
		if before.State != Listed {
			st.SinceAtLatest = before.State == Unknown
			return st
		}
		st.Since, st.Event, st.Entry = before.Since, before.Event, before.Entry
	}
	return st
}

// Status returns the entity's standing on every list it was ever on, in the
// dataset's list order, on the given day.
func (d *Dataset) Status(entity int32, day Day) []ListStatus {
	var out []ListStatus
	e := &d.Entities[entity]
	for i := 0; i < len(e.Entries); {
		list := e.Entries[i].List
		first, unknownBefore := NoDay, false
		j := i
		for ; j < len(e.Entries) && e.Entries[j].List == list; j++ {
			en := &e.Entries[j]
			unknownBefore = unknownBefore || en.EarlierUnknown
			for _, ev := range en.Events {
				if ev.Type == EvListed && (first == NoDay || ev.Day < first) {
					first = ev.Day
				}
			}
		}
		best := d.combined(e, i, j, day)
		switch best.State {
		case Listed:
			best = d.listedRun(e, i, j, best)
		case Unknown:
			// What is verified is the company's next listing on this list,
			// by whichever entry.
			for k := i; k < j; k++ {
				for _, ev := range e.Entries[k].Events {
					if ev.Type == EvListed && ev.Day > day && ev.Day < best.Event.Day {
						best.Event = ev
					}
				}
			}
		}
		// Any entry of the company with an unknown earlier history may
		// predate the first verified listing, unless that was the list's start.
		best.First = first
		best.FirstKnown = first != NoDay && (!unknownBefore || first <= d.ListStart(list))
		out = append(out, best)
		i = j
	}
	return out
}
