package data

import (
	"strings"
	"testing"

	"factcard/data/ofac"

	"factcard/internal/fixture"
)

// The NS-CMIC records are written from primary sources; OFAC's own list
// (../shared/sources/ofac-ns-cmic, December 2025) must agree with them:
// every OFAC row has an entry with the same name and dates, and every entry
// still listed has an OFAC row.
func TestNSCMICAgreesWithOFAC(t *testing.T) {
	dir := "../../shared/sources/ofac-ns-cmic"
	fixture.Require(t, dir)
	rows, err := ofac.Parse(dir)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Load("../data")
	if err != nil {
		t.Fatal(err)
	}
	var listing *Listing
	for _, l := range d.Listings {
		if l.List == "ns-cmic" && !l.Generated() {
			listing = l
		}
	}
	if listing == nil {
		t.Fatal("no ns-cmic listing")
	}
	type dates struct{ listed, effective, divest, removed string }
	entries := map[string]dates{}
	for _, en := range listing.Entries {
		var ds dates
		for _, ev := range en.Events {
			switch ev.Type {
			case "listed":
				ds.listed = ev.Date
			case "effective":
				ds.effective = ev.Date
			case "divestment-deadline":
				ds.divest = ev.Date
			case "removed":
				ds.removed = ev.Date
			}
		}
		entries[strings.ToUpper(en.AsListed)] = ds
	}
	seen := map[string]bool{}
	for _, r := range rows {
		name := strings.ToUpper(r.Name)
		seen[name] = true
		ds, ok := entries[name]
		if !ok {
			t.Errorf("OFAC row %d %q has no ns-cmic entry", r.EntNum, r.Name)
			continue
		}
		if ds.listed != r.ListingDate || ds.effective != r.EffectiveDate || ds.divest != r.DivestmentDate {
			t.Errorf("%q: dataset listed/effective/divest %s/%s/%s, OFAC %s/%s/%s", r.Name,
				ds.listed, ds.effective, ds.divest, r.ListingDate, r.EffectiveDate, r.DivestmentDate)
		}
		if ds.removed != "" {
			t.Errorf("%q: removed %s in the dataset but still on OFAC's December 2025 list", r.Name, ds.removed)
		}
	}
	for name, ds := range entries {
		if !seen[name] && ds.removed == "" {
			t.Errorf("entry %q is not on OFAC's list and has no removal", name)
		}
	}
	if len(rows) != 68 {
		t.Errorf("OFAC extract has %d rows, want 68", len(rows))
	}
}
