package data_test

import (
	"strings"
	"sync"
	"testing"

	"factcard/data"
	"factcard/wasm/engine"
)

// The dated facts corrected after the audits of issues #16 and #21, pinned on
// the real dataset so that a data edit that changes one of them is deliberate.

var (
	realOnce     sync.Once
	realData     *data.Dataset
	realCompiled *engine.Dataset
	realErr      error
)

func loadReal(t *testing.T) (*data.Dataset, *engine.Dataset) {
	t.Helper()
	realOnce.Do(func() {
		realData, realErr = data.Load("../data")
		if realErr == nil {
			realCompiled = data.Compile(realData)
		}
	})
	if realErr != nil {
		t.Fatalf("loading the dataset: %v", realErr)
	}
	return realData, realCompiled
}

func statusOn(t *testing.T, d *engine.Dataset, entity, list, date string) engine.ListStatus {
	t.Helper()
	e := d.EntityIndex(entity)
	if e < 0 {
		t.Fatalf("no entity %q", entity)
	}
	day, ok := engine.ParseDay(date)
	if !ok {
		t.Fatalf("bad date %q", date)
	}
	for _, s := range d.Status(e, day) {
		if d.Entities[s.List].ID == list {
			return s
		}
	}
	t.Fatalf("%s has no entry on %s", entity, list)
	return engine.ListStatus{}
}

func TestCorrectedStatuses(t *testing.T) {
	_, d := loadReal(t)
	for _, tt := range []struct {
		entity, list, date string
		state              engine.State
	}{
		// AMEC and IDG Capital: added in the January 31, 2024 edition, removed
		// by FR Doc. 2024-30018 (dated the day the removal was reported).
		{"amec", "1260h", "2024-01-30", engine.NotListed},
		{"amec", "1260h", "2024-01-31", engine.Listed},
		{"amec", "1260h", "2024-12-17", engine.Listed},
		{"amec", "1260h", "2024-12-18", engine.Removed},
		{"amec", "1260h", "2026-11-26", engine.Removed},
		{"idg-capital", "1260h", "2024-01-30", engine.NotListed},
		{"idg-capital", "1260h", "2024-01-31", engine.Listed},
		{"idg-capital", "1260h", "2024-12-18", engine.Removed},
		// CASIC, AVIC, CEC and CNNC on the first edition, released 2021-06-03.
		{"casic", "1260h", "2021-06-03", engine.Listed},
		{"casic", "1260h", "2022-01-01", engine.Listed},
		{"avic", "1260h", "2021-06-03", engine.Listed},
		{"china-electronics-corporation", "1260h", "2021-06-03", engine.Listed},
		{"china-electronics-corporation", "1260h", "2024-06-01", engine.Listed},
		{"cnnc", "1260h", "2021-06-03", engine.Listed},
		{"cnnc", "1260h", "2024-06-01", engine.Listed},
		// Aerosun: previously listed on the January 2024 edition, so on the
		// 2022 edition at the latest; its earlier history stays unknown.
		{"aerosun", "1260h", "2022-10-05", engine.Listed},
		{"aerosun", "1260h", "2022-10-04", engine.Unknown},
		// The rulings that upheld DJI's and Hesai's listings change no status.
		{"dji", "1260h", "2025-09-26", engine.Listed},
		{"hesai", "1260h", "2025-07-11", engine.Listed},
		// China Mobile and China Telecom on the first edition (the BBC and
		// OpenSanctions agree), listed without a break since.
		{"china-mobile", "1260h", "2021-06-02", engine.NotListed},
		{"china-mobile", "1260h", "2021-06-03", engine.Listed},
		{"china-mobile", "1260h", "2023-06-01", engine.Listed},
		{"china-telecom", "1260h", "2021-06-03", engine.Listed},
		{"china-telecom", "1260h", "2024-06-01", engine.Listed},
		{"china-telecom", "1260h", "2025-01-07", engine.Listed},
		// MGI Tech and Origincell: new in the January 2025 edition (Digitimes
		// and OpenSanctions agree), so not "unknown" before it.
		{"origincell", "1260h", "2025-01-06", engine.NotListed},
		{"origincell", "1260h", "2025-01-07", engine.Listed},
		// Luokung's case ended after the list's effect had ended: the note of
		// June 15, 2021 changes nothing, so it stays "list ended".
		{"luokung", "ccmc-1237", "2021-06-02", engine.Enjoined},
		{"luokung", "ccmc-1237", "2021-06-15", engine.ListEnded},
		// Knownsec and CIECC: added in the October 5, 2022 edition (American
		// Military News and OpenSanctions agree); CIECC removed in January 2024.
		{"knownsec", "1260h", "2022-10-04", engine.NotListed},
		{"knownsec", "1260h", "2022-10-05", engine.Listed},
		{"ciecc", "1260h", "2022-10-04", engine.NotListed},
		{"ciecc", "1260h", "2022-10-05", engine.Listed},
		{"ciecc", "1260h", "2024-01-30", engine.Listed},
		{"ciecc", "1260h", "2024-01-31", engine.Removed},
		{"ciecc", "1260h", "2026-11-26", engine.Removed},
		// The merged Xi'an Aircraft entry and the unprinted Wenchong shipyard
		// stay listed through the June 2026 notice.
		{"avic", "1260h", "2026-06-08", engine.Listed},
		{"cssc-offshore-marine-engineering", "1260h", "2026-06-08", engine.Listed},
	} {
		if s := statusOn(t, d, tt.entity, tt.list, tt.date); s.State != tt.state {
			t.Errorf("%s on %s, %s: %v since %s, want %v", tt.entity, tt.list, tt.date, s.State, s.Since, tt.state)
		}
	}
	// Their first listing is the edition that added them, so it is known, not "at the latest".
	for _, tt := range []struct{ entity, date, first string }{
		{"casic", "2022-01-01", "2021-06-03"},
		{"china-electronics-corporation", "2022-01-01", "2021-06-03"},
		{"cnnc", "2022-01-01", "2021-06-03"},
		{"knownsec", "2023-01-01", "2022-10-05"},
		{"china-mobile", "2023-01-01", "2021-06-03"},
		{"china-telecom", "2023-01-01", "2021-06-03"},
		{"ciecc", "2023-01-01", "2022-10-05"},
	} {
		if s := statusOn(t, d, tt.entity, "1260h", tt.date); !s.FirstKnown || s.First.String() != tt.first {
			t.Errorf("%s's first 1260H listing: %s (known %v), want %s, known", tt.entity, s.First, s.FirstKnown, tt.first)
		}
	}
}

// Each corrected event, with the source it rests on.
func TestCorrectedEventsCiteTheirSources(t *testing.T) {
	ds, _ := loadReal(t)
	for _, tt := range []struct {
		list, entity, asListed, date, typ, source string
	}{
		{"ccmc-1237", "xiaomi", "Xiaomi Corporation", "2021-05-25", "vacated", "ddc-21-280-final-order"},
		{"ccmc-1237", "luokung", "Luokong Technology Corporation (LKCO)", "2021-06-15", "note", "luokung-2021-06-15-removal"},
		{"1260h", "amec", "Advanced Micro-Fabrication Equipment Inc. China (AMEC)", "2024-12-18", "removed", "fr-2024-30018"},
		{"1260h", "idg-capital", "IDG Capital Partners Co., Ltd. (IDG Capital)", "2024-12-18", "removed", "fr-2024-30018"},
		{"1260h", "casic", "China Aerospace Science and Industry Corporation Limited (CASIC)", "2021-06-03", "listed", "fr-2021-13753"},
		{"1260h", "avic", "Aviation Industry Corporation of China Ltd. (AVIC)", "2021-06-03", "listed", "fr-2021-13753"},
		{"1260h", "china-electronics-corporation", "China Electronics Corporation (CEC)", "2021-06-03", "listed", "fr-2021-13753"},
		{"1260h", "cnnc", "China National Nuclear Corporation (CNNC)", "2021-06-03", "listed", "fr-2021-13753"},
		{"1260h", "dji", "Shenzhen DJI Innovation Technology Co., Ltd. (DJI)", "2025-09-26", "upheld", "report-ddc-24-2970-2025-09-26"},
		{"1260h", "hesai", "Hesai Technology Co., Ltd.", "2025-07-11", "upheld", "report-ddc-24-1381-2025-07-11"},
		{"entity-list", "inspur", "Inspur Taiwan", "2025-03-25", "listed", "fr-2025-05427"},
		{"1260h", "china-mobile", "China Mobile Limited (China Mobile)", "2021-06-03", "listed", "fr-2021-13753"},
		{"1260h", "china-telecom", "China Telecommunications Corporation", "2021-06-03", "listed", "fr-2021-13753"},
		{"1260h", "bgi", "MGI Tech Co., Ltd. (MGI)", "2025-01-07", "listed", "dod-1260h-2025-01-07"},
		{"1260h", "knownsec", "Beijing Zhidao Chuangyu Information Technology Co., Ltd. (Knownsec)", "2022-10-05", "listed", "dod-1260h-2022-10-05"},
		{"1260h", "ciecc", "China International Engineering Consulting Corporation (CIECC)", "2022-10-05", "listed", "dod-1260h-2022-10-05"},
		{"1260h", "ciecc", "China International Engineering Consulting Corporation (CIECC)", "2024-01-31", "removed", "dod-1260h-2024-01-31"},
	} {
		if !hasEvent(ds, tt.list, tt.entity, tt.asListed, tt.date, tt.typ, tt.source) {
			t.Errorf("%s: no %s event of %s for %q citing %s", tt.list, tt.typ, tt.date, tt.asListed, tt.source)
		}
	}
	// Events of a list itself: the Affiliates rule and its one-year suspension.
	for _, tt := range []struct{ entity, date, typ, source string }{
		{"entity-list", "2025-09-29", "amended", "fr-90-47201"},
		{"entity-list", "2025-11-10", "amended", "fr-90-50857"},
	} {
		if !hasEntityEvent(ds, tt.entity, tt.date, tt.typ, tt.source) {
			t.Errorf("%s: no %s event of %s citing %s", tt.entity, tt.typ, tt.date, tt.source)
		}
	}
}

func hasEntityEvent(ds *data.Dataset, entity, date, typ, source string) bool {
	e := ds.Entity(entity)
	if e == nil {
		return false
	}
	for _, ev := range e.Events {
		if ev.Date == date && ev.Type == typ && ev.Source == source {
			return true
		}
	}
	return false
}

func hasEvent(ds *data.Dataset, list, entity, asListed, date, typ, source string) bool {
	for _, l := range ds.Listings {
		if l.List != list {
			continue
		}
		for _, e := range l.Entries {
			if e.Entity != entity || e.AsListed != asListed {
				continue
			}
			for _, ev := range e.Events {
				if ev.Date == date && ev.Type == typ && ev.Source == source {
					return true
				}
			}
		}
	}
	return false
}

// docs/dataset.md: an Entity List listing is dated by the effective date of
// the rule that added it, and BIS rules take effect on or before publication.
// So a listing that cites a Federal Register rule cannot be dated after the
// rule's publication, and one dated only by the list's own cell (the
// publication date) must say in its note that the rule's DATES line was not
// read.
func TestEntityListDatesFollowTheStatedRule(t *testing.T) {
	ds, _ := loadReal(t)
	checked := 0
	for _, l := range ds.Listings {
		if l.List != "entity-list" {
			continue
		}
		for _, e := range l.Entries {
			for _, ev := range e.Events {
				if ev.Type != "listed" {
					continue
				}
				src := ds.Source(ev.Source)
				switch {
				case src.Kind == "federal-register" && ev.Date > src.Date:
					t.Errorf("%s %q: listed %s, after its rule's publication %s (%s)", e.Entity, e.AsListed, ev.Date, src.Date, src.ID)
				case src.Kind == "list" && !strings.Contains(ev.Note, "DATES line was not read"):
					t.Errorf("%s %q: dated %s by the list's cell without saying the rule's DATES line was not read", e.Entity, e.AsListed, ev.Date)
				}
				checked++
			}
		}
	}
	if checked < 50 {
		t.Fatalf("only %d Entity List listings checked", checked)
	}
}

// Sec. 889's list was re-checked: a card for a company named in the statute no
// longer says it was not checked after 2020-08-13.
func TestSec889IsCheckedThroughTheCoveredListOf2026(t *testing.T) {
	_, d := loadReal(t)
	c := d.Card(d.EntityIndex("huawei"), d.AsOf)
	for _, l := range c.Lists {
		if l.ID != "ndaa-889" {
			continue
		}
		if l.CheckedThrough != "2026-09-09" || strings.Contains(l.AsOf.Text, "2020-08-13") {
			t.Errorf("ndaa-889: checked through %s, today's status %q", l.CheckedThrough, l.AsOf.Text)
		}
		return
	}
	t.Fatal("huawei's card has no ndaa-889 line")
}

// Entries whose first edition was verified (two agreeing reproductions) no
// longer carry earlier-unknown, so cards state their start flatly.
func TestVerifiedFirstEditionsAreKnown(t *testing.T) {
	ds, _ := loadReal(t)
	verified := map[string]bool{
		"knownsec|Beijing Zhidao Chuangyu Information Technology Co., Ltd. (Knownsec)": true,
		"ciecc|China International Engineering Consulting Corporation (CIECC)":         true,
		"china-mobile|China Mobile Limited (China Mobile)":                             true,
		"china-telecom|China Telecommunications Corporation":                           true,
		"bgi|MGI Tech Co., Ltd. (MGI)":                                                 true,
		"origincell|Origincell Technology Co., Ltd.":                                   true,
	}
	found := 0
	for _, l := range ds.Listings {
		if l.List != "1260h" {
			continue
		}
		for _, e := range l.Entries {
			if !verified[e.Entity+"|"+e.AsListed] {
				continue
			}
			found++
			if e.EarlierUnknown {
				t.Errorf("%s %q: first edition verified, but still earlier-unknown", e.Entity, e.AsListed)
			}
		}
	}
	if found != len(verified) {
		t.Errorf("found %d of the %d verified 1260H entries", found, len(verified))
	}
}

// The five 1260H companies the audit of issue #21 names are on DoD's list
// released 2021-06-03 by its account, but no text of that edition (86 FR
// 33994) could be read: each rests on the first DoD list that was read (the
// October 2022 list PDF for SMIC and AVIC Heavy Machinery, as two reproductions
// agree; the January 2025 list PDF for the others), its start stays "at the
// latest", and before it the card says "not verified", never "not listed".
func TestAuditedFirstEditionsStayUnverified(t *testing.T) {
	ds, d := loadReal(t)
	for _, tt := range []struct{ entity, asListed, first, source string }{
		{"china-south-industries", "China South Industries Group Corporation (CSGC)", "2025-01-07", "dod-1260h-2025-01-07"},
		{"china-spacesat", "China SpaceSat Co., Ltd. (China SpaceSat)", "2025-01-07", "dod-1260h-2025-01-07"},
		{"cetc", "China Electronics Technology Group Corporation (CETC)", "2025-01-07", "dod-1260h-2025-01-07"},
		{"smic", "Semiconductor Manufacturing International Corporation (SMIC)", "2022-10-05", "dod-1260h-2022-10-05"},
		{"avic-heavy-machinery", "AVIC Heavy Machinery Company Limited (AVIC Heavy Machinery)", "2022-10-05", "dod-1260h-2022-10-05"},
	} {
		if s := statusOn(t, d, tt.entity, "1260h", "2021-06-04"); s.State != engine.Unknown {
			t.Errorf("%s on 2021-06-04: %v, want unknown (the 2021 edition was not read)", tt.entity, s.State)
		}
		if s := statusOn(t, d, tt.entity, "1260h", "2026-07-10"); s.State != engine.Listed || s.FirstKnown || s.First.String() != tt.first {
			t.Errorf("%s on 2026-07-10: %v, first %s (known %v), want listed since %s at the latest", tt.entity, s.State, s.First, s.FirstKnown, tt.first)
		}
		found := false
		for _, l := range ds.Listings {
			for _, e := range l.Entries {
				if l.List != "1260h" || e.Entity != tt.entity || e.AsListed != tt.asListed {
					continue
				}
				found = true
				if !e.EarlierUnknown || len(e.Events) == 0 || e.Events[0].Type != "listed" || e.Events[0].Source != tt.source {
					t.Errorf("%s %q: first event %+v (earlier-unknown %v), want listed citing %s", tt.entity, tt.asListed, e.Events[0], e.EarlierUnknown, tt.source)
				}
			}
		}
		if !found {
			t.Errorf("no 1260H entry %s %q", tt.entity, tt.asListed)
		}
	}
}
