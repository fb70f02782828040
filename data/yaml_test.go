package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fixtureWith copies testdata/valid, a small dataset that loads, into a
// temporary folder with some files replaced (an empty text deletes one).
func fixtureWith(t testing.TB, files map[string]string) string {
	t.Helper()
	return fixtureFrom(t, "testdata/valid", files)
}

// fixtureFrom is fixtureWith for another dataset in testdata. The copy's
// folder is named "fixture", as error messages show it.
func fixtureFrom(t testing.TB, base string, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "fixture")
	if err := os.CopyFS(dir, os.DirFS(base)); err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		var err error
		if text == "" {
			err = os.Remove(path)
		} else {
			err = os.WriteFile(path, []byte(text), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// loadErrors loads a fixture and returns its errors, one per line.
func loadErrors(t *testing.T, dir string) []string {
	t.Helper()
	d, err := Load(dir)
	if err == nil {
		t.Fatalf("loaded %d entities without an error", len(d.Entities))
	}
	if d != nil {
		t.Fatal("Load returned a dataset along with errors")
	}
	return strings.Split(err.Error(), "\n")
}

func TestValidFixtureLoads(t *testing.T) {
	d, err := Load(fixtureWith(t, nil))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Entities) != 2 || len(d.Listings) != 1 || len(d.Listings[0].Entries) != 1 {
		t.Errorf("loaded %d entities and %d listings", len(d.Entities), len(d.Listings))
	}
}

// A --- line inside a data file starts a second YAML document, which the
// loader used to drop silently, with whatever it held (an impossible date, a
// javascript: URL). Every byte is loaded or an error.
func TestSecondDocumentIsAnError(t *testing.T) {
	listing := `list: test-list
checked-through: 2021-05-01
entries:
  - entity: acme
    as-listed: ACME FIXTURE CORP.
    events:
      - {date: 2020-02-01, type: listed, source: src-one}
---
list: test-list
entries:
  - entity: acme
    events:
      - {date: 2020-02-30, type: listed, source: src-one}
`
	sources := `- id: src-one
  title: Fixture source one
  publisher: Fixture Agency
  date: 2020-01-01
  url: https://example.org/one
  kind: release
---

# a comment between the marker and the records
- id: src-evil
  title: Hidden
  publisher: Nobody
  date: 2020-01-01
  url: "javascript:alert(1)"
  kind: release
`
	got := loadErrors(t, fixtureWith(t, map[string]string{"listings/test-list.yaml": listing, "sources/fixture.yaml": sources}))
	want := []string{
		"fixture/listings/test-list.yaml:8: a second YAML document starts here",
		"fixture/sources/fixture.yaml:7: a second YAML document starts here",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("error %d is %q, want it to start %q", i, got[i], want[i])
		}
	}
}

// A document marker at the top of a file is one document, not two.
func TestLeadingDocumentMarkerIsFine(t *testing.T) {
	b, _ := os.ReadFile("testdata/valid/listings/test-list.yaml")
	if _, err := Load(fixtureWith(t, map[string]string{"listings/test-list.yaml": "---\n" + string(b)})); err != nil {
		t.Fatal(err)
	}
}

// Syntax errors name the line where the problem is (the YAML library gives
// the line before, or none, for its parser's errors).
func TestSyntaxErrorLines(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string
	}{
		{"list: test-list\nentries:\n  - entity: acme\n    as-listed: [unclosed\n", "fixture/listings/test-list.yaml:4: did not find expected ',' or ']'"},
		{"list: test-list\nentries:\n  - entity: acme\n - entity: ghost\n", "fixture/listings/test-list.yaml:4: did not find expected key"},
		{"list: test-list\nentries: [\n", "fixture/listings/test-list.yaml:3: did not find expected node content"},
		{"list: test-list\n  checked-through: 2021-05-01\n", "fixture/listings/test-list.yaml:2: mapping values are not allowed in this context"},
		{"list: test-list\nnotes: \"open\n", "fixture/listings/test-list.yaml:2: found unexpected end of stream"},
		{"list: a: b\n", "fixture/listings/test-list.yaml:1: mapping values are not allowed in this context"},
		{"list: test-list\n\tentries: []\n", "fixture/listings/test-list.yaml:2: found a tab character that violates indentation"},
	} {
		got := loadErrors(t, fixtureWith(t, map[string]string{"listings/test-list.yaml": tc.text}))
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("%q:\ngot  %s\nwant %s", tc.text, strings.Join(got, "\n     "), tc.want)
		}
	}
}

// A YAML alias is the value of its anchor, not a wrong type.
func TestAliasesAreValues(t *testing.T) {
	entity := `id: acme
kind: company
name: Acme Fixture Corporation
names:
  - text: Acme Fixture
    context: &ctx [rocket, anvil]
  - text: AFC
    case: exact
    context: *ctx
`
	d, err := Load(fixtureWith(t, map[string]string{"entities/acme.yaml": entity}))
	if err != nil {
		t.Fatal(err)
	}
	names := d.Entity("acme").Names
	if len(names) != 2 || strings.Join(names[1].Context, ",") != "rocket,anvil" {
		t.Errorf("names are %+v", names)
	}
	// An alias to the wrong shape is still a wrong shape, on the alias's
	// anchor line.
	entity = "id: acme\nkind: company\nname: Acme Fixture Corporation\nnotes: &n Some notes.\nnames: *n\n"
	got := loadErrors(t, fixtureWith(t, map[string]string{"entities/acme.yaml": entity}))
	if len(got) == 0 || !strings.Contains(got[0], "fixture/entities/acme.yaml:4: expected a list") {
		t.Errorf("got %q", got)
	}
}

// An alias bomb (a file of a few KB that expands to millions of records) is
// refused quickly, and checking its shape stays linear.
func TestAliasBombIsRefused(t *testing.T) {
	bomb := "list: test-list\nentries:\n  - &ent\n    entity: acme\n    events: &events\n" +
		"      - &ev {date: 2020-02-01, type: listed, source: src-one}\n" + strings.Repeat("      - *ev\n", 2000) +
		strings.Repeat("  - *ent\n", 2000)
	start := time.Now()
	got := loadErrors(t, fixtureWith(t, map[string]string{"listings/test-list.yaml": bomb}))
	if len(got) != 1 || !strings.Contains(got[0], "excessive aliasing") {
		t.Errorf("got %q", got)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("refusing the bomb took %v", d)
	}
}

// Data files may be named *.yml as well as *.yaml.
func TestYMLFilesAreRead(t *testing.T) {
	entity := "id: acme-two\nkind: company\nname: Acme Two Fixture\nnames: [Acme Two]\n"
	d, err := Load(fixtureWith(t, map[string]string{"entities/acme-two.yml": entity}))
	if err != nil {
		t.Fatal(err)
	}
	if d.Entity("acme-two") == nil {
		t.Error("entities/acme-two.yml was not read")
	}
	got := loadErrors(t, fixtureWith(t, map[string]string{"entities/other.yml": entity}))
	if len(got) != 1 || !strings.Contains(got[0], `id "acme-two" does not match the file name "other.yml"`) {
		t.Errorf("got %q", got)
	}
}
