package engine_test

import (
	"slices"
	"strings"
	"testing"

	"factcard/wasm/engine"
)

// courtsDataset is the invented fixture in data/testdata/courts: one company
// per rule of docs/card-statements.md.
func courtsDataset(t *testing.T) *engine.Dataset {
	return compiledDataset(t, "../../data/testdata/courts")
}

// cardList renders the card of entity for date and returns its standing on
// list, failing the test if the card has no such list.
func cardList(t *testing.T, d *engine.Dataset, entity, list, date string) (engine.Card, engine.CardList) {
	t.Helper()
	c := d.Card(d.EntityIndex(entity), day(t, date))
	for _, l := range c.Lists {
		if l.ID == list {
			return c, l
		}
	}
	t.Fatalf("%s: no %s on its card", entity, list)
	return c, engine.CardList{}
}

func citedTitle(c engine.Card, i int) string {
	if i < 0 {
		return ""
	}
	return c.Sources[i].Title
}

// A court's final order vacating a designation ends the listing, and the
// card says so; the injunction before it kept the purchase ban from ever
// applying, and the effect line says that on every date.
func TestVacaturEndsTheListingAndSaysHow(t *testing.T) {
	d := courtsDataset(t)
	for _, tt := range []struct {
		date, state, text, effectState, effect, effectSource string
	}{
		{"2021-02-01", "listed", "Listed since 2021-01-14", "pending",
			"Not yet in force on this date: the list's prohibitions start to apply to it on 2021-03-15.",
			"Fixture notice of the purchase ban's start"},
		{"2021-04-01", "enjoined", "On the list, but the Fixture District Court barred enforcement on 2021-03-12", "barred",
			"Not in force: the Fixture District Court barred enforcement on 2021-03-12, before the list's prohibitions were to apply to it from 2021-03-15.",
			"Acme Vacated v. Fixture Agency, order granting a preliminary injunction"},
		{"2021-05-25", "vacated", "Not listed: the Fixture District Court vacated the designation on 2021-05-25", "never",
			"The list's prohibitions never applied to it: the Fixture District Court barred enforcement on 2021-03-12, before they were to apply from 2021-03-15.",
			"Acme Vacated v. Fixture Agency, order granting a preliminary injunction"},
	} {
		c, l := cardList(t, d, "acme-vacated", "ban-list", tt.date)
		st := l.OnArticleDate
		if st.State != tt.state || st.Text != tt.text || st.EffectState != tt.effectState || st.Effect != tt.effect {
			t.Errorf("on %s:\n got  %s %q / %s %q\n want %s %q / %s %q", tt.date, st.State, st.Text, st.EffectState, st.Effect,
				tt.state, tt.text, tt.effectState, tt.effect)
		}
		if got := citedTitle(c, st.EffectSource); got != tt.effectSource {
			t.Errorf("on %s: effect line cites %q, want %q", tt.date, got, tt.effectSource)
		}
	}
	// Long after, the vacatur still tells how the listing ended, and the
	// list's own later end does not replace it.
	c, l := cardList(t, d, "acme-vacated", "ban-list", "2026-11-01")
	if l.AsOf.State != "vacated" || citedTitle(c, l.AsOf.Source) != "Acme Vacated v. Fixture Agency, final order vacating the designation" {
		t.Errorf("today: %s %q cites %q", l.AsOf.State, l.AsOf.Text, citedTitle(c, l.AsOf.Source))
	}
	found := false
	for _, e := range c.Events {
		found = found || e.Type == "vacated" && e.Date == "2021-05-25" && citedTitle(c, e.Source) == "Acme Vacated v. Fixture Agency, final order vacating the designation"
	}
	if !found {
		t.Errorf("the timeline has no vacatur: %+v", c.Events)
	}
}

// A vacatur known from a report of the order names no court it cannot
// vouch for: the report's publisher is not the court.
func TestVacaturFromAReportSaysACourt(t *testing.T) {
	d := courtsDataset(t)
	c, l := cardList(t, d, "acme-reported", "ban-list", "2021-05-26")
	if st := l.OnArticleDate; st.Text != "Not listed: a court vacated the designation on 2021-05-25" ||
		citedTitle(c, st.Source) != "Fixture Newswire report of a final order vacating Acme Reported's designation" {
		t.Errorf("%q cites %q", st.Text, citedTitle(c, st.Source))
	}
}

// A ruling that upholds a listing is on the timeline with its source and
// changes no status.
func TestUpheldRulingChangesNoStatus(t *testing.T) {
	d := courtsDataset(t)
	_, before := cardList(t, d, "acme-upheld", "mil-list", "2024-08-04")
	c, after := cardList(t, d, "acme-upheld", "mil-list", "2024-08-05")
	if before.OnArticleDate != after.OnArticleDate || after.OnArticleDate.Text != "Listed since 2022-10-05" {
		t.Errorf("the ruling changed the status: %+v -> %+v", before.OnArticleDate, after.OnArticleDate)
	}
	found := false
	for _, e := range c.Events {
		found = found || e.Type == "upheld" && e.Date == "2024-08-05" && citedTitle(c, e.Source) == "Acme Upheld v. Fixture Agency, memorandum opinion"
	}
	if !found {
		t.Errorf("the timeline has no ruling: %+v", c.Events)
	}
}

// An entry removed on the day another entry of the same company is listed
// leaves no gap: the company is listed since the first of them.
func TestListedSinceIsContinuousAcrossEntries(t *testing.T) {
	d := courtsDataset(t)
	for _, date := range []string{"2025-01-06", "2025-01-07", "2026-11-01"} {
		c, l := cardList(t, d, "acme-renamed", "mil-list", date)
		if st := l.OnArticleDate; !strings.HasPrefix(st.Text, "Listed since 2021-06-03") || strings.Contains(st.Text, "at the latest") {
			t.Errorf("on %s: %q", date, st.Text)
		}
		if got := citedTitle(c, l.OnArticleDate.Source); got != "Fixture military list, first edition" {
			t.Errorf("on %s: cites %q, want the first edition", date, got)
		}
	}
}

// A start known only from a later edition is "at the latest", and before it
// the standing is "not verified", citing the edition that verifies it.
func TestUnknownEarlierHistorySaysAtTheLatest(t *testing.T) {
	d := courtsDataset(t)
	_, l := cardList(t, d, "acme-unknown", "mil-list", "2023-01-01")
	if l.OnArticleDate.Text != "Listed since 2022-10-05 at the latest" {
		t.Errorf("2023: %q", l.OnArticleDate.Text)
	}
	if !strings.HasPrefix(l.AsOf.Text, "Listed since 2022-10-05 at the latest;") {
		t.Errorf("today: %q", l.AsOf.Text)
	}
	c, l := cardList(t, d, "acme-unknown", "mil-list", "2022-01-01")
	st := l.OnArticleDate
	if st.State != "unknown" || st.Text != "Not verified: the dataset confirms this listing only from 2022-10-05" ||
		citedTitle(c, st.Source) != "Fixture military list, 2022 edition" || st.Effect != "" {
		t.Errorf("2022: %+v cites %q", st, citedTitle(c, st.Source))
	}
}

// What a list did to a company is told for that company on that date: per
// company dates, the list's own dates in stages, or the listing itself.
func TestEffectLinesFollowTheDate(t *testing.T) {
	d := courtsDataset(t)
	for _, tt := range []struct {
		entity, list, date, state, effect, source string
	}{
		{"acme-pending", "ban-list", "2020-12-13", "pending",
			"Not yet in force on this date: the list's prohibitions start to apply to it on 2021-01-11.", "Fixture notice of the purchase ban's start"},
		{"acme-pending", "ban-list", "2021-01-11", "in-force", "US persons could not buy its securities.", "Fixture notice of the purchase ban's start"},
		{"acme-pending", "ban-list", "2026-11-01", "ended", "No longer in force since 2021-06-03.", "Fixture order establishing the ban list"},
		{"acme-unrecorded", "ban-list", "2021-02-01", "unrecorded", "The record does not say from when the list's prohibitions applied to it.", ""},
		{"acme-unrecorded", "ban-list", "2026-11-01", "ended", "Not in force since 2021-06-03.", "Fixture order establishing the ban list"},
		{"acme-upheld", "mil-list", "2025-01-01", "pending",
			"Not yet in force on this date: the list's prohibitions start to apply to it on 2026-06-30.", "Fixture statute on contracts with listed companies"},
		{"acme-upheld", "mil-list", "2026-11-01",
			"in-force", "Not a sanction; no contracts with listed companies from 2026-06-30. Not all of it yet on this date: a further stage starts on 2027-06-30.",
			"Fixture statute on contracts with listed companies"},
		{"acme-upheld", "mil-list", "2027-07-01", "in-force", "Not a sanction; no contracts with listed companies from 2026-06-30.",
			"Fixture statute on contracts with listed companies"},
		{"acme-renamed", "export-list", "2020-01-01", "in-force", "Exports to it need a licence.", "Fixture export rule"},
		{"acme-renamed", "export-list", "2024-01-01", "ended", "No longer in force since 2023-01-01.", "Fixture export rule"},
		{"acme-renamed", "export-list", "2019-01-01", "", "", ""},
	} {
		c, l := cardList(t, d, tt.entity, tt.list, tt.date)
		st := l.OnArticleDate
		if st.EffectState != tt.state || st.Effect != tt.effect || citedTitle(c, st.EffectSource) != tt.source {
			t.Errorf("%s on %s, %s: %s %q citing %q\n want %s %q citing %q", tt.entity, tt.list, tt.date,
				st.EffectState, st.Effect, citedTitle(c, st.EffectSource), tt.state, tt.effect, tt.source)
		}
	}
}

// A group's standing comes from all of its entries: an institute listed
// long before the group itself dates the group's listing.
func TestGroupListedFromItsEarliestEntry(t *testing.T) {
	d := courtsDataset(t)
	for date, want := range map[string]string{
		"1999-05-27": "Not yet listed (added 1999-05-28)",
		"2020-12-13": "Listed since 1999-05-28",
		"2026-11-01": "Listed since 1999-05-28; not checked after 2026-07-09",
	} {
		if _, l := cardList(t, d, "acme-group", "export-list", date); l.OnArticleDate.Text != want {
			t.Errorf("on %s: %q, want %q", date, l.OnArticleDate.Text, want)
		}
	}
}

// The Sec. 1237 purchase ban never reached Xiaomi or Luokung: a court
// enjoined it days before it was to start, and every card says so for its
// date (the real dataset).
func TestBanNeverReachedXiaomiOrLuokung(t *testing.T) {
	d := realDataset(t)
	for _, tt := range []struct{ entity, date, state, says string }{
		{"xiaomi", "2021-02-10", "pending", "start to apply to it on 2021-03-15"},
		{"xiaomi", "2021-04-01", "barred", "barred enforcement on 2021-03-12, before the list's prohibitions were to apply to it from 2021-03-15"},
		{"xiaomi", "2026-11-01", "never", "never applied to it"},
		{"luokung", "2021-05-06", "barred", "barred enforcement on 2021-05-05, before the list's prohibitions were to apply to it from 2021-05-08"},
		{"luokung", "2026-11-01", "never", "never applied to it"},
	} {
		_, l := cardList(t, d, tt.entity, "ccmc-1237", tt.date)
		if st := l.OnArticleDate; st.EffectState != tt.state || !strings.Contains(st.Effect, tt.says) {
			t.Errorf("%s on %s: %s %q, want %s saying %q", tt.entity, tt.date, st.EffectState, st.Effect, tt.state, tt.says)
		}
	}
}

// Every company in the dataset whose entry on a list was removed on the day
// another of its entries was listed (a rename or restructuring) reads as
// listed without a break, from before that day.
func TestReplacedEntriesKeepTheListingContinuous(t *testing.T) {
	d := realDataset(t)
	checked := 0
	for i, e := range d.Entities {
		for _, a := range e.Entries {
			for _, ev := range a.Events {
				if ev.Type != engine.EvRemoved {
					continue
				}
				for _, b := range e.Entries {
					if b.List != a.List || !slices.ContainsFunc(b.Events, func(x engine.Event) bool { return x.Type == engine.EvListed && x.Day == ev.Day }) {
						continue
					}
					for _, s := range d.Status(int32(i), ev.Day) {
						if s.List == a.List && (s.State != engine.Listed || s.Since >= ev.Day) {
							t.Errorf("%s on %s, %s: %v since %s, want listed since before the replacement", e.ID, ev.Day, d.Entities[a.List].ID, s.State, s.Since)
						}
					}
					checked++
				}
			}
		}
	}
	t.Logf("%d replaced entries checked", checked)
	if checked == 0 {
		t.Skip("no entry of the dataset is replaced by another on the day it is removed")
	}
}
