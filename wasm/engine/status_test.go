package engine_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"factcard/wasm/engine"
)

func day(t testing.TB, s string) engine.Day {
	d, ok := engine.ParseDay(s)
	if !ok {
		t.Fatalf("bad date %q", s)
	}
	return d
}

func statusOn(t *testing.T, d *engine.Dataset, entity, list, date string) engine.ListStatus {
	t.Helper()
	e := d.EntityIndex(entity)
	if e < 0 {
		t.Fatalf("no entity %q", entity)
	}
	for _, s := range d.Status(e, day(t, date)) {
		if d.Entities[s.List].ID == list {
			return s
		}
	}
	t.Fatalf("%s has no entry on %s", entity, list)
	return engine.ListStatus{}
}

// Xiaomi on the Sec. 1237 list: designated 2021-01-14, enjoined 2021-03-12,
// designation vacated by the court's final order of 2021-05-25, before the
// list's legal effect ended with EO 14032 (docs/dataset.md).
func TestStatusXiaomi(t *testing.T) {
	d := realDataset(t)
	for _, tt := range []struct {
		date  string
		state engine.State
	}{
		{"2021-01-13", engine.NotListed},
		{"2021-01-14", engine.Listed},
		{"2021-02-10", engine.Listed},
		{"2021-03-11", engine.Listed},
		{"2021-03-12", engine.Enjoined},
		{"2021-05-24", engine.Enjoined},
		{"2021-05-25", engine.Vacated},
		{"2026-11-26", engine.Vacated},
	} {
		s := statusOn(t, d, "xiaomi", "ccmc-1237", tt.date)
		if s.State != tt.state {
			t.Errorf("xiaomi on %s: %v, want %v", tt.date, s.State, tt.state)
		}
		if s.Listed() != (tt.state == engine.Listed) {
			t.Errorf("xiaomi on %s: Listed() = %v", tt.date, s.Listed())
		}
	}
	// Today's status says how the listing ended: the court's vacatur.
	if s := statusOn(t, d, "xiaomi", "ccmc-1237", "2026-11-26"); s.Since.String() != "2021-05-25" {
		t.Errorf("today's status dates from %s, want the vacatur of 2021-05-25", s.Since)
	}
}

func TestStatusNotYetListed(t *testing.T) {
	d := realDataset(t)
	c := d.Card(d.EntityIndex("huawei"), day(t, "2018-06-01"))
	if !c.OnNoListOnArticleDate {
		t.Errorf("Huawei in mid-2018 should be on none of the lists: %+v", c.Lists)
	}
	for _, l := range c.Lists {
		if l.OnArticleDate.Listed {
			t.Errorf("%s: listed in 2018?", l.ID)
		}
		if l.ID == "entity-list" && !strings.HasPrefix(l.OnArticleDate.Text, "Not yet listed (added 2019-") {
			t.Errorf("entity-list text %q", l.OnArticleDate.Text)
		}
	}
}

func TestCardJSONIsValidAndComplete(t *testing.T) {
	d := realDataset(t)
	for i := range d.Entities {
		c := d.Card(int32(i), day(t, "2021-02-10"))
		b := c.AppendJSON(nil)
		var v map[string]any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatalf("%s: card JSON does not parse: %v\n%s", d.Entities[i].ID, err, b)
		}
		if v["id"] != d.Entities[i].ID || v["datasetVersion"] != d.Version() {
			t.Fatalf("%s: id/version wrong in %s", d.Entities[i].ID, b)
		}
		lists, _ := v["lists"].([]any)
		if len(lists) != len(c.Lists) {
			t.Fatalf("%s: %d lists in JSON, %d in card", d.Entities[i].ID, len(lists), len(c.Lists))
		}
		srcs, _ := v["sources"].([]any)
		for _, e := range c.Events {
			if e.Source < 0 || e.Source >= len(srcs) {
				t.Fatalf("%s: event %+v cites no source in the card", d.Entities[i].ID, e)
			}
		}
	}
}

func TestCodecRoundTrip(t *testing.T) {
	d := realDataset(t)
	b := d.Encode()
	got, err := engine.Decode(string(b))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, d) {
		t.Fatal("Decode(Encode(d)) differs from d")
	}
	// Truncated or altered bytes give an error, never a panic or a dataset
	// with dangling indexes.
	for n := 0; n < len(b); n += 1 + n/7 {
		if _, err := engine.Decode(string(b[:n])); err == nil {
			t.Fatalf("truncated to %d bytes: no error", n)
		}
	}
	step := max(corruptStep, len(b)/corruptions)
	for i := len("factcard-dataset-8\n"); i < len(b); i += step {
		c := append([]byte(nil), b...)
		c[i] ^= 0x5a
		if ds, err := engine.Decode(string(c)); err == nil {
			for j := range ds.Entities {
				ds.Card(int32(j), engine.NoDay) // must not panic
			}
			ds.Find("Xiaomi Huawei China Mobile DJI 小米集团 Executive Order 13959")
		}
	}
}

// corruptStep: every corruptStep-th byte of the compiled dataset is altered
// once in TestCodecRoundTrip, but at most about corruptions bytes in all, as
// each altered copy renders every card (the test would grow with the square
// of the dataset).
var corruptStep, corruptions = 97, 500

// A listing known only from a later edition makes the card say "not
// verified", never "on none of the lists": for every company, on the day
// before each of its earliest verified listings.
func TestCardNeverImpliesUnknownAsNotListed(t *testing.T) {
	d := realDataset(t)
	checked := 0
	for i, e := range d.Entities {
		for _, en := range e.Entries {
			if !en.EarlierUnknown || len(en.Events) == 0 {
				continue
			}
			c := d.Card(int32(i), en.Events[0].Day-1)
			if c.OnNoListOnArticleDate {
				t.Errorf("%s on %s: card says 'on none of the lists' although its %s standing is unknown", e.ID, en.Events[0].Day-1, d.Entities[en.List].ID)
			}
			for _, l := range c.Lists {
				// Another entry of the same company may be listed; it must
				// never read as not listed.
				if l.ID == d.Entities[en.List].ID && l.OnArticleDate.State != "unknown" && !l.OnArticleDate.Listed {
					t.Errorf("%s on %s: %s says %q", e.ID, en.Events[0].Day-1, l.ID, l.OnArticleDate.Text)
				}
			}
			checked++
		}
	}
	if checked == 0 {
		t.Skip("no listing with an unknown earlier history left")
	}
}

// Two entries of one company on one list (Huawei Technologies since 2021,
// Huawei Investment & Holding verified only from 2025): the card says
// listed since the earliest.
func TestStatusCombinesEntriesFromTheEarliest(t *testing.T) {
	d := realDataset(t)
	s := statusOn(t, d, "huawei", "1260h", "2026-11-26")
	if s.State != engine.Listed || s.Since.String() != "2021-06-03" {
		t.Errorf("huawei on 1260h today: %v since %s, want listed since 2021-06-03", s.State, s.Since)
	}
}

// Before a list's first edition, an entry known only from a later edition
// must not read as "added" on that later date (China Mobile's 1260H entry
// is verified only from 2025; the list began in 2021).
func TestCardDoesNotDateUnverifiedAdditions(t *testing.T) {
	d := realDataset(t)
	checked := 0
	for i, e := range d.Entities {
		for _, en := range e.Entries {
			if !en.EarlierUnknown {
				continue
			}
			start := d.ListStart(en.List)
			if start == engine.NoDay {
				continue
			}
			c := d.Card(int32(i), start-1)
			for _, l := range c.Lists {
				if l.ID != d.Entities[en.List].ID || l.OnArticleDate.Listed {
					continue
				}
				// Only a listing in the list's first edition is known to be the first.
				if strings.Contains(l.OnArticleDate.Text, "added") && l.FirstListed != start.String() {
					t.Errorf("%s on %s: %s says %q", e.ID, start-1, l.ID, l.OnArticleDate.Text)
				}
				checked++
			}
		}
	}
	if checked == 0 {
		t.Fatal("no entry with an unknown earlier history on a list with a known start")
	}
}

// A status after the last day a list's file was checked says so; an ended
// list cannot change, so its status carries no such caveat.
func TestCardSaysWhenAListWasLastChecked(t *testing.T) {
	d := realDataset(t)
	c := d.Card(d.EntityIndex("china-mobile"), day(t, "2021-02-10"))
	seen := map[string]bool{}
	for _, l := range c.Lists {
		seen[l.ID] = true
		checked, ok := engine.ParseDay(l.CheckedThrough)
		if !ok {
			t.Fatalf("%s: no checked-through date", l.ID)
		}
		for _, s := range []struct {
			st  engine.CardStatus
			day engine.Day
		}{{l.OnArticleDate, day(t, "2021-02-10")}, {l.AsOf, d.AsOf}} {
			caveat := strings.HasSuffix(s.st.Text, "; not checked after "+l.CheckedThrough)
			if want := s.day > checked && s.st.State != "list-ended"; caveat != want {
				t.Errorf("%s on %s: %q (checked through %s)", l.ID, s.day, s.st.Text, l.CheckedThrough)
			}
		}
	}
	if !seen["ccmc-1237"] || !seen["1260h"] {
		t.Fatalf("china-mobile card lists %v", seen)
	}
}

// Dated facts of the 1260H editions, each read in its primary text (the
// January 2025 list, the June 2026 Federal Register notice): a data edit
// that changes one of them must be deliberate.
func TestStatus1260HEditions(t *testing.T) {
	d := realDataset(t)
	for _, tt := range []struct {
		entity, date string
		state        engine.State
	}{
		{"tencent", "2025-01-06", engine.NotListed}, // verified as new in 2025
		{"tencent", "2025-01-07", engine.Listed},    // added in the January 2025 edition
		{"alibaba", "2026-06-07", engine.NotListed}, // first named in June 2026
		{"alibaba", "2026-06-08", engine.Listed},
		{"costar-group", "2026-06-07", engine.Listed}, // removed by the June 2026 notice
		{"costar-group", "2026-06-08", engine.Removed},
		{"ymtc", "2026-11-26", engine.Listed}, // kept in June 2026 despite the withdrawn February notice
		{"megvii", "2025-01-07", engine.Removed},
		{"cnooc", "2026-11-26", engine.Listed}, // two units removed in 2026; the parent stays
	} {
		if s := statusOn(t, d, tt.entity, "1260h", tt.date); s.State != tt.state {
			t.Errorf("%s on %s: %v since %s, want %v", tt.entity, tt.date, s.State, s.Since, tt.state)
		}
	}
}
