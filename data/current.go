package data

import "factcard/wasm/engine"

// scheduledEvents are dated in advance by the order or notice that makes a
// listing (an effective date, a divestment deadline): they may lie after the
// day the research covers. Every other event records something that
// happened, so it cannot be dated after the day its file was checked
// through: such a date is a typo or a fact nobody could have read.
var scheduledEvents = map[string]bool{"effective": true, "purchase-ban": true, "divestment-deadline": true}

// deriveAsOf sets the dataset's as-of, when dataset.yaml leaves it out, to
// the latest day a listing is checked through: one list change then touches
// one place, the listing's checked-through.
func deriveAsOf(d *Dataset) {
	if d.Meta.AsOf != "" {
		return
	}
	latest := engine.NoDay
	for _, li := range d.Listings {
		if day, ok := engine.ParseDay(li.CheckedThrough); ok && day > latest {
			latest = day
		}
	}
	d.Meta.AsOf = latest.String()
}

// validateCurrency refuses an event that happened after the day its file
// covers: a listing's events after its checked-through, an entity's own
// events after the dataset's as-of.
func (l *loader) validateCurrency(d *Dataset) {
	check := func(events []Event, who, bound, boundName string) {
		limit, ok := engine.ParseDay(bound)
		if !ok {
			return // reported by the validation of the bound itself
		}
		for _, ev := range events {
			if day, ok := engine.ParseDay(ev.Date); ok && day > limit && !scheduledEvents[ev.Type] {
				l.add(ev.atField("date", who+": "+ev.Type+" event of "+ev.Date+" is after the "+boundName+" "+bound+
					" (only effective dates and deadlines set in advance may be later)"))
			}
		}
	}
	for _, li := range d.Listings {
		for _, en := range li.Entries {
			check(en.Events, en.Entity, li.CheckedThrough, "listing's checked-through")
		}
	}
	for _, e := range d.Entities {
		check(e.Events, e.ID, d.Meta.AsOf, "dataset's as-of")
	}
}
