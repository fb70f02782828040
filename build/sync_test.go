//go:build !js

package main

import (
	"reflect"
	"strings"
	"testing"

	"factcard/data"
	"factcard/internal/fixture"
)

const syncFixtures = "build/testdata/sync"

// TestSyncFindsKnownDifferences: fixture copies of OFAC's CSV and of a parsed
// 1260H notice, written with known differences from a fixture dataset.
func TestSyncFindsKnownDifferences(t *testing.T) {
	d, err := data.Load(syncFixtures + "/data")
	if err != nil {
		t.Fatal(err)
	}
	type found struct{ Kind, Name, Entity string }
	for _, tc := range []struct {
		file string
		want []found
	}{
		{syncFixtures + "/ofac", []found{
			{"date", "BETA FIXTURE TELECOM COMPANY LIMITED", "beta"},     // listing date 04 Jun 2021, not 2021-06-03
			{"renamed", "GAMMA FIXTURE AERO GROUP CO., LTD", "gamma"},    // its old name is an a.k.a.
			{"new", "OMEGA FIXTURE INDUSTRIES COMPANY LIMITED", "omega"}, // a known entity, not on this list
			{"new", "ZETA UNKNOWN WIDGETS LIMITED", ""},                  // no entity of the dataset
			{"removed", "DELTA FIXTURE SHIPPING CO., LTD.", "delta"},     // not in the CSV any more
		}},
		// Alpha's subsidiary is named in the notes, Beta's removal is
		// recorded: neither is a difference.
		{syncFixtures + "/dow-1260h.json", []found{{"new", "Omega Fixture Industries Co., Ltd.", "omega"}}},
	} {
		l, err := readOfficial(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		diffs, err := syncList(d, l)
		if err != nil {
			t.Fatal(err)
		}
		var got []found
		for _, df := range diffs {
			got = append(got, found{df.Kind, df.Name, df.Entity})
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\ngot  %v\nwant %v", tc.file, got, tc.want)
		}
	}
}

// TestSyncCommand: the lines a maintainer would add, the source to cite, the
// exit status, and nothing written.
func TestSyncCommand(t *testing.T) {
	before := sourceSnapshot()
	out, errOut, code := runTool(t, "", nil, "sync", "-data", syncFixtures+"/data", syncFixtures+"/ofac")
	if code != 1 {
		t.Errorf("exit %d, want 1 (differences):\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		"ns-cmic: 5 entries in " + syncFixtures + "/ofac/cons_prim.csv; cite OFAC, Non-SDN consolidated list",
		"  NEW \"OMEGA FIXTURE INDUSTRIES COMPANY LIMITED\" (omega): on the official list, not in the dataset's listing\n" +
			"    add to data/listings/ns-cmic.yaml:\n" +
			"      - entity: omega\n" +
			"        as-listed: \"OMEGA FIXTURE INDUSTRIES COMPANY LIMITED\"\n" +
			"        events:\n" +
			"          - {date: 2025-12-17, type: listed, source: SOURCE-ID}\n" +
			"          - {date: 2026-02-16, type: effective, source: SOURCE-ID}\n" +
			"          - {date: 2026-12-17, type: divestment-deadline, source: SOURCE-ID}\n",
		"listed is 2021-06-04 on the official list, 2021-06-03 in the dataset",
		"{date: YYYY-MM-DD, type: removed, source: SOURCE-ID}",
		"and 1 new entries whose names are no entity of the dataset (-all lists them)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	out, _, _ = runTool(t, "", nil, "sync", "-all", "-data", syncFixtures+"/data", syncFixtures+"/ofac")
	if !strings.Contains(out, `NEW "ZETA UNKNOWN WIDGETS LIMITED"`) {
		t.Errorf("-all does not list the unknown new entry:\n%s", out)
	}
	if changed := changedFiles(before, sourceSnapshot()); len(changed) > 0 {
		t.Errorf("sync changed files: %v", changed)
	}
	_, errOut, code = runTool(t, "", nil, "sync", "-data", syncFixtures+"/data", "data/testdata/valid/dataset.yaml")
	if code != 2 || !strings.Contains(errOut, "dataset.yaml") {
		t.Errorf("sync of a file that is no official list: exit %d, %s", code, errOut)
	}
}

// TestSyncAgreesWithOFAC: OFAC's real CSV (../shared, December 2025) agrees
// with the dataset's NS-CMIC listing, entry by entry and date by date.
func TestSyncAgreesWithOFAC(t *testing.T) {
	l, err := readOfficial(fixture.Require(t, "../shared/sources/ofac-ns-cmic"))
	if err != nil {
		t.Fatal(err)
	}
	diffs, err := syncList(compiledSource(t), l)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Entries) != 68 || len(diffs) > 0 {
		t.Errorf("%d entries, differences: %+v", len(l.Entries), diffs)
	}
}

func compiledSource(t *testing.T) *data.Dataset {
	t.Helper()
	d, err := data.Load("data")
	if err != nil {
		t.Fatal(err)
	}
	return d
}
