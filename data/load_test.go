package data

import (
	"errors"
	"strings"
	"testing"
)

func TestLoadsTheRealDataset(t *testing.T) {
	d, err := Load("../data")
	if err != nil {
		t.Fatalf("the dataset does not load:\n%v", err)
	}
	if len(d.Entities) < 50 || len(d.Sources) < 20 {
		t.Errorf("only %d entities and %d sources", len(d.Entities), len(d.Sources))
	}
	for _, id := range []string{"xiaomi", "huawei", "smic", "dji", "ccmc-1237", "ns-cmic", "1260h", "entity-list", "fcc-covered", "ndaa-889", "eo-13959", "eo-14032"} {
		if d.Entity(id) == nil {
			t.Errorf("entity %q is missing", id)
		}
	}
}

// A broken dataset fails with every error, each naming its file and line
// (the field's line where the error is about one field), and nothing
// half-loaded is returned.
func TestBrokenRecordsAreAllReported(t *testing.T) {
	d, err := Load("testdata/broken")
	if d != nil {
		t.Fatal("Load returned a dataset along with errors")
	}
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("error is %T, want Errors", err)
	}
	want := []string{
		`broken/dataset.yaml:1: as-of must be a date YYYY-MM-DD, got "2026-02-30"`,
		`broken/dataset.yaml:2: lists: "no-such-list" is not a list entity`,
		`broken/entities/acme-two.yaml:4: unknown field "nmae"`,
		`broken/sources/fixture.yaml:7: source id "src-one" is already defined at broken/sources/fixture.yaml:1`,
		`broken/sources/fixture.yaml:17: source src-bad: url must be an http(s) URL`,
		`broken/sources/fixture.yaml:16: source src-bad: date must be YYYY-MM-DD`,
		`broken/sources/fixture.yaml:18: source src-bad: unknown kind "blog"`,
		`broken/entities/acme.yaml:7: acme: unknown case "loud"`,
		`broken/entities/acme.yaml:8: acme: linked-to names unknown entity "nobody"`,
		`broken/entities/acme.yaml:5: acme: name "Acme Fixture" is also a name of acme-two`,
		`broken/entities/test-list.yaml:1: test-list: a list needs an effect`,
		`broken/entities/test-list.yaml:8: test-list: event of 2020-04-01 comes after one of 2020-05-01`,
		`broken/listings/test-list.yaml:7: acme: listed on 2020-03-01 while already listed`,
		`broken/listings/test-list.yaml:8: acme: event of 2020-02-15 comes after one of 2020-03-01`,
		`broken/listings/test-list.yaml:9: entry names unknown entity "ghost"`,
		`broken/listings/test-list.yaml:12: ghost: event cites unknown source "src-missing"`,
		`broken/listings/test-list.yaml:12: ghost: vacated on 2020-02-01 while not listed`,
		`broken/listings/test-list.yaml:13: ghost: event of 2020-03-01 has no source`,
		`broken/listings/test-list.yaml:14: checked-through must be a date YYYY-MM-DD (the latest day this file's research covers), got "last spring"`,
		`broken/press-names.yaml:1: press names name unknown entity "nobody"`,
		`broken/press-names.yaml:4: acme: press names need seen: the address of a page that writes them`,
		`broken/press-names.yaml:8: acme: seen must be web addresses, got "a newspaper"`,
	}
	got := err.Error()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("missing error %q", w)
		}
	}
	if len(errs) != len(want) {
		t.Errorf("got %d errors, want %d:\n%s", len(errs), len(want), got)
	}
}

func TestYAMLSyntaxErrorNamesTheLine(t *testing.T) {
	_, err := Load("testdata/syntax")
	if err == nil || !strings.Contains(err.Error(), "syntax/sources/s.yaml:") {
		t.Fatalf("got %v", err)
	}
}

// The dataset built into the program is the data/ folder it was built from.
func TestEmbeddedDatasetIsTheDataFolder(t *testing.T) {
	embedded, err := LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	onDisk, err := Load("../data")
	if err != nil {
		t.Fatal(err)
	}
	if embedded.Hash != onDisk.Hash || len(embedded.Entities) != len(onDisk.Entities) {
		t.Errorf("embedded %s (%d entities), data/ %s (%d)", embedded.Hash, len(embedded.Entities), onDisk.Hash, len(onDisk.Entities))
	}
}

// Press names (press-names.yaml) are names of their entity, whichever file
// holds its record: an imported record is generated again without them.
func TestPressNamesAreNames(t *testing.T) {
	d, err := Load(fixtureWith(t, map[string]string{"press-names.yaml": "- entity: acme\n  names: [\"艾克米\"]\n  seen: [\"https://example.org/acme-in-the-press\"]\n"}))
	if err != nil {
		t.Fatal(err)
	}
	c := Compile(d)
	got := c.Find("据报道，艾克米被列入清单。")
	if len(got) != 1 || c.Entities[got[0].Entity].ID != "acme" {
		t.Fatalf("press name not found: %+v", got)
	}
}
