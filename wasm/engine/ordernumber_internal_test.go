package engine

import "testing"

// An order word anywhere within 100 runes made a bare number an order: "the
// decree ... 13959 families", "CEDEX 14032", "указал ... 13959 квартир"
// were marked (review of false marks in 14 languages, December 2026).
func TestOrderWordBeside(t *testing.T) {
	words := [][]rune{[]rune("executive order"), []rune("e.o."), []rune("decret"), []rune("указ"), []rune("行政令"), []rune("大統領令")}
	for _, c := range []struct {
		text string
		want bool
	}{
		{"executive order 13959 bans", true},
		{"executive orders 13959, 13974 and 14032", true},
		{"executive order (the order) 13959", true},
		{"executive order no. 13,959", true},
		{"e.o. 13959, as amended by e.o. 14032", true},
		{"decret presidentiel 14032", true},
		{"указом 13959", true},
		{"по указу № 14032", true},
		{"第13959号行政令", true},
		{"大統領令第13959号", true},
		{"the decret helps 13959 families", false},
		{"указал, что построено 13959 квартир", false},
		{"executive order on housing: 13959 families", false},
		{"13959 people", false},
	} {
		f := []rune(c.text)
		// The number is the text's last run of digits (and grouping commas).
		b := len(f)
		for b > 0 && (f[b-1] < '0' || f[b-1] > '9') {
			b--
		}
		a := b
		for a > 0 && (f[a-1] >= '0' && f[a-1] <= '9' || f[a-1] == ',' && a > 1 && f[a-2] >= '0' && f[a-2] <= '9') {
			a--
		}
		if got := orderWordBeside(f, a, b, words); got != c.want {
			t.Errorf("orderWordBeside(%q, %q) = %v, want %v", c.text, string(f[a:b]), got, c.want)
		}
	}
}
