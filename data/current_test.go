package data

import (
	"strings"
	"testing"
)

// An event that happened after the day its file was checked through is
// refused; a date set in advance (a deadline, an effective date) is not.
func TestEventsAfterTheCheckedDayAreRefused(t *testing.T) {
	listing := `list: test-list
checked-through: 2021-05-01
entries:
  - entity: acme
    as-listed: ACME FIXTURE CORP.
    events:
      - {date: 2020-02-01, type: listed, source: src-one}
      - {date: 2021-05-02, type: removed, source: src-one}
`
	entity := `id: test-list
kind: list
name: Fixture list
summary: A list for tests.
effect: Fixture effect.
effect-short: fixture effect
source: src-one
events:
  - {date: 2020-01-01, type: published, source: src-one}
  - {date: 2021-06-02, type: amended, source: src-one}
  - {date: 2030-01-01, type: effective, source: src-one}
`
	got := loadErrors(t, fixtureWith(t, map[string]string{"listings/test-list.yaml": listing, "entities/test-list.yaml": entity}))
	want := []string{
		"fixture/entities/test-list.yaml:10: test-list: amended event of 2021-06-02 is after the dataset's as-of 2021-06-01",
		"fixture/listings/test-list.yaml:8: acme: removed event of 2021-05-02 is after the listing's checked-through 2021-05-01",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("got  %s\nwant %s", got[i], want[i])
		}
	}
	// Dates set in advance may be later.
	scheduled := `list: test-list
checked-through: 2021-05-01
entries:
  - entity: acme
    as-listed: ACME FIXTURE CORP.
    events:
      - {date: 2020-02-01, type: listed, source: src-one}
      - {date: 2021-08-01, type: effective, source: src-one}
      - {date: 2022-06-01, type: divestment-deadline, source: src-one}
`
	if _, err := Load(fixtureWith(t, map[string]string{"listings/test-list.yaml": scheduled})); err != nil {
		t.Errorf("scheduled dates after checked-through: %v", err)
	}
}

// Without an as-of in dataset.yaml, the dataset is as of the latest day a
// listing is checked through.
func TestAsOfFollowsFromTheListings(t *testing.T) {
	d, err := Load(fixtureWith(t, map[string]string{"dataset.yaml": "lists: [test-list]\n"}))
	if err != nil {
		t.Fatal(err)
	}
	if d.Meta.AsOf != "2021-05-01" {
		t.Errorf("as-of is %q, want the listing's checked-through 2021-05-01", d.Meta.AsOf)
	}
	// A dataset.yaml that gives as-of keeps it.
	d, err = Load(fixtureWith(t, nil))
	if err != nil {
		t.Fatal(err)
	}
	if d.Meta.AsOf != "2021-06-01" {
		t.Errorf("as-of is %q, want 2021-06-01 as given", d.Meta.AsOf)
	}
}
