package engine

import "testing"

// Counts written in words were missed ("Fifty-eight companies were named in
// the annex ...", claims.yaml); a word that only looks like one is no count.
func TestCountWord(t *testing.T) {
	for _, c := range []struct {
		w  string
		n  int
		ok bool
	}{
		{"59", 59, true}, {"1106", 1106, true}, {"12345", 0, false}, {"twelve", 12, true}, {"fifty", 50, true},
		{"fifty-eight", 58, true}, {"ninety-nine", 99, true}, {"fifty-twelve", 0, false}, {"one", 1, true},
		{"eight-fifty", 0, false}, {"forty-", 0, false}, {"none", 0, false}, {"", 0, false},
	} {
		if n, ok := countWord(c.w); n != c.n || ok != c.ok {
			t.Errorf("countWord(%q) = %d, %v; want %d, %v", c.w, n, ok, c.n, c.ok)
		}
	}
}
