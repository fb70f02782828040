package engine

import "slices"

// EffectState is what a list's prohibitions did to one company on one day.
// It differs from the listing state: a listed company may not yet be reached
// by them (Xiaomi's ban was to start three days after the court enjoined
// it), and an enjoined or delisted one is not.
type EffectState uint8

const (
	EffectNone       EffectState = iota // not listed, or its standing unknown: nothing to say
	EffectPending                       // listed; the prohibitions were to apply from a later day
	EffectInForce                       // listed, and the prohibitions applied
	EffectUnrecorded                    // listed; when they began to apply to it is not recorded
	EffectBarred                        // a court barred enforcement
	EffectNever                         // the listing was enjoined or ended before they were to apply
	EffectEnded                         // the listing ended
)

var effectNames = [...]string{"", "pending", "in-force", "unrecorded", "barred", "never", "ended"}

func (s EffectState) String() string { return effectNames[s] }

// Effect is the effect of a listing on one company on one day.
type Effect struct {
	State EffectState
	// Start is the event from which the prohibitions applied or were to
	// apply to this company (the listing itself for lists whose
	// prohibitions apply from the listing); Day is NoDay when the record
	// does not say.
	Start Event
	// Stop is the event that ended them or kept them from applying: an
	// injunction, a vacatur, a removal, the list's end.
	Stop Event
	// Next is a later stage of prohibitions in force from Start (Sec. 889's
	// second ban a year after its first), NoDay if none was still to come.
	Next Event
}

type startKind uint8

const (
	startDated      startKind = iota // an effective or purchase-ban event
	startAtListing                   // the list's prohibitions apply from the listing
	startUnrecorded                  // the list dates them per company, and not for this one
)

func isEffectStart(t EventType) bool { return t == EvEffective || t == EvPurchaseBan }

// datesPerCompany reports whether a list dates its prohibitions company by
// company (EO 13959's 60 days after a listing): some entry of it carries an
// effective or purchase-ban event.
func (d *Dataset) datesPerCompany(list int32) bool {
	for i := range d.Entities {
		for _, en := range d.Entities[i].Entries {
			if en.List == list && slices.ContainsFunc(en.Events, func(ev Event) bool { return isEffectStart(ev.Type) }) {
				return true
			}
		}
	}
	return false
}

// effectStages finds when a list's prohibitions reached an entry: its own
// effective or purchase-ban events; else, where the list dates them company
// by company, nothing; else the list's own effective events (a statute's
// dates for every listed company); else the listing itself. start is the
// first stage, next the first one still to come on day once start has come.
func (d *Dataset) effectStages(en *Entry, day Day, perCompany func(int32) bool) (start, next Event, kind startKind) {
	start, next = noEvent, noEvent
	stages := func(evs []Event, is func(EventType) bool) bool {
		for _, ev := range evs {
			switch {
			case !is(ev.Type):
			case start.Day == NoDay:
				start = ev
			case ev.Day > day && start.Day <= day:
				next = ev
				return true
			}
		}
		return start.Day != NoDay
	}
	switch {
	case stages(en.Events, isEffectStart):
		return start, next, startDated
	case perCompany(en.List):
		return start, next, startUnrecorded
	case stages(d.Entities[en.List].Events, func(t EventType) bool { return t == EvEffective }):
		return start, next, startDated
	}
	return start, next, startAtListing
}

// effect says what the list's prohibitions did to the entity on the day of
// st, a status that Status returned for it; perCompany is datesPerCompany,
// which a card asks once per list.
func (d *Dataset) effect(entity int32, st ListStatus, day Day, perCompany func(int32) bool) Effect {
	if st.Entry < 0 || st.State == NotListed || st.State == Unknown {
		return Effect{Start: noEvent, Stop: noEvent, Next: noEvent}
	}
	en := &d.Entities[entity].Entries[st.Entry]
	start, next, kind := d.effectStages(en, day, perCompany)
	if kind == startAtListing {
		start = st.Event // a listing in force names its listing event
		if st.State != Listed {
			for _, ev := range en.Events {
				if ev.Type == EvListed && ev.Day <= day {
					start = ev
				}
			}
		}
	}
	out := Effect{Start: start, Stop: noEvent, Next: noEvent}
	switch st.State {
	case Listed:
		switch {
		case kind == startUnrecorded:
			out.State = EffectUnrecorded
		case kind == startDated && day < start.Day:
			out.State = EffectPending
		default:
			out.State, out.Next = EffectInForce, next
		}
		return out
	case Enjoined:
		out.State, out.Stop = EffectBarred, st.Event
		return out
	}
	// Ended: the prohibitions never applied if a court barred them, or the
	// listing ended, before their start.
	out.Stop = st.Event
	cutoff := st.Event
	for _, ev := range en.Events {
		if ev.Type == EvEnjoined && ev.Day < cutoff.Day {
			cutoff = ev
			break
		}
	}
	if kind == startDated && start.Day >= cutoff.Day {
		out.State, out.Stop = EffectNever, cutoff
	} else {
		out.State = EffectEnded
	}
	return out
}
