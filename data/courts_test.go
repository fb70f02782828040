package data

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// The court events of the fixture load: a vacatur after an injunction, a
// ruling that upholds a listing.
func TestCourtEventsLoad(t *testing.T) {
	if _, err := Load("testdata/courts"); err != nil {
		t.Fatalf("the fixture does not load:\n%v", err)
	}
}

// A ruling that upholds a listing presupposes one: without a listing in
// force it is an error naming the file and line.
func TestUpheldWhileNotListedIsRejected(t *testing.T) {
	b, err := os.ReadFile("testdata/courts/listings/export-list.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, "  - entity: acme-upheld\n    as-listed: Acme Upheld\n    events:\n      - {date: 2024-08-05, type: upheld, source: src-upheld}\n"...)
	dir := fixtureFrom(t, "testdata/courts", map[string]string{"listings/export-list.yaml": string(b)})
	_, err = Load(dir)
	line := strings.Count(string(b), "\n")
	want := "export-list.yaml:" + strconv.Itoa(line) + ": acme-upheld: upheld on 2024-08-05 while not listed"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("got %v, want an error containing %q", err, want)
	}
}
