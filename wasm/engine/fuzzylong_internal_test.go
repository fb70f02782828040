package engine

import "testing"

// withinOneEdit and withinTwoEdits are the edits the long-name pass allows
// in one word: checked against a plain (optimal string alignment)
// Damerau–Levenshtein distance on every pair of short words over a small
// alphabet.
func TestWithinEdits(t *testing.T) {
	distance := func(a, b []rune) int {
		d := make([][]int, len(a)+1)
		for i := range d {
			d[i] = make([]int, len(b)+1)
			d[i][0] = i
		}
		for j := range d[0] {
			d[0][j] = j
		}
		for i := 1; i <= len(a); i++ {
			for j := 1; j <= len(b); j++ {
				cost := 1
				if a[i-1] == b[j-1] {
					cost = 0
				}
				d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
				if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
					d[i][j] = min(d[i][j], d[i-2][j-2]+1)
				}
			}
		}
		return d[len(a)][len(b)]
	}
	var words [][]rune
	var gen func(prefix []rune)
	gen = func(prefix []rune) {
		words = append(words, append([]rune(nil), prefix...))
		if len(prefix) == 5 {
			return
		}
		for _, r := range "abc" {
			gen(append(prefix, r))
		}
	}
	gen(nil)
	for _, a := range words {
		for _, b := range words {
			d := distance(a, b)
			if got, want := withinOneEdit(a, b), d == 1; got != want {
				t.Fatalf("withinOneEdit(%q, %q) = %v, want %v", string(a), string(b), got, want)
			}
			if got, want := withinTwoEdits(a, b), d <= 2; got != want {
				t.Fatalf("withinTwoEdits(%q, %q) = %v, want %v (distance %d)", string(a), string(b), got, want, d)
			}
		}
	}
}
