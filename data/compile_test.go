package data

import (
	"bytes"
	"testing"
)

// TestCompileIsDeterministic: the compiled dataset is served under a name
// made of its hash, so the same files must compile to the same bytes every
// time. Map order once leaked into the order of a name's variants (a name
// with two places, placesIn); compiling a few times catches such a leak
// with near certainty, as Go randomizes map order on every range.
func TestCompileIsDeterministic(t *testing.T) {
	d, err := LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	want := Compile(d).Encode()
	for i := 0; i < 4; i++ {
		if got := Compile(d).Encode(); !bytes.Equal(got, want) {
			t.Fatalf("compile %d gave %d bytes that differ from the first compile's %d", i+2, len(got), len(want))
		}
	}
}
