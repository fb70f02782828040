package engine

import (
	"unicode"
	"unicode/utf8"
)

// A bare order number ("13959") is a mention only where an order word names
// it: "Executive Order 13959", "E.O. No. 13,959", "Executive Order (the
// "Order") 13959", "Executive Orders 13959, 13974 and 14032", "大統領令第13959号",
// "第13959号行政令". An order word somewhere in the same 100 runes is not
// enough: a count ("13959 families"), a postcode or an archive number in a
// sentence that also speaks of a decree is no order. A bare number with no
// order word beside it is still found when the article names the order in
// full nearby (it is then vouched for, as context-gated names are).

// orderGapWords may stand between an order word and its number.
var orderGapWords = [...]string{"no", "nos", "nr", "n", "num", "number", "numbers", "and", "or", "und", "et", "y", "e",
	"и", "или", "№", "第", "رقم", "شماره", "președintelui", "президента", "сша", "as", "amended", "by", "of", "the",
	"presidentiel", "presidencial", "presidenziale", "presidential"}

// orderWordEndings are the Russian case endings of "указ" ("указом 13959",
// "по указу 14032"); "указал" (he pointed out) is not one.
var orderWordEndings = [...]string{"а", "у", "ом", "е", "ы", "ов", "ами"}

// orderGapRunes bounds how far before the number the order word may end.
const orderGapRunes = 80

// isNumber: the pattern is digits, perhaps grouped by commas or full
// stops ("13,959", "13.959").
func isNumber(r []rune) bool {
	for _, c := range r {
		if (c < '0' || c > '9') && c != ',' && c != '.' {
			return false
		}
	}
	return len(r) > 0
}

// orderWordBeside reports whether an order word ends just before the number
// at [a, b) in folded text, past gap words, other numbers, punctuation and
// one parenthetical, or follows it ("13959号行政令").
func orderWordBeside(f []rune, a, b int, words [][]rune) bool {
	// After: Chinese and Japanese write the number first.
	j := b
	for j < len(f) && j-b < 3 && (f[j] == ' ' || f[j] == '号' || f[j] == '號') {
		j++
	}
	if j > b || j < len(f) {
		for _, w := range words {
			if j+len(w) <= len(f) && runesEqual(f[j:j+len(w)], w) {
				return true
			}
		}
	}
	// Before.
	i := a
	parens := 0
	for i > 0 && a-i <= orderGapRunes {
		if endsWithOrderWord(f[:i], words) {
			return true
		}
		r := f[i-1]
		switch {
		case r == ')' || r == '）':
			if parens > 0 {
				return false
			}
			parens++
			k := i - 1
			for k > 0 && f[k-1] != '(' && f[k-1] != '（' && i-k < 40 {
				k--
			}
			if k == 0 || f[k-1] != '(' && f[k-1] != '（' {
				return false
			}
			i = k - 1
		case r >= '0' && r <= '9' || r == ' ' || r == ',' || r == '.' || r == ';' || r == ':' || r == '-' || r == '–' ||
			r == '#' || r == '°' || r == 'º' || r == '"' || r == '\'' || r == '、' || r == '，':
			i--
		case isWordRune(r) || isCJK(r) || r == '№':
			k := i
			for k > 0 && (isWordRune(f[k-1]) || isCJK(f[k-1]) && f[k-1] == '第' || f[k-1] == '№') && i-k < 20 {
				k--
				if f[k] == '第' || f[k] == '№' {
					break
				}
			}
			if !gapWord(f[k:i]) {
				return false
			}
			i = k
		default:
			return false
		}
	}
	return false
}

// endsWithOrderWord: the text ends with an order word, or with its plural
// ("Executive Orders").
func endsWithOrderWord(f []rune, words [][]rune) bool {
	for _, w := range words {
		n := len(w)
		if n <= len(f) && runesEqual(f[len(f)-n:], w) && wordStartsAt(f, len(f)-n, w[0]) {
			return true
		}
		if n+1 <= len(f) && f[len(f)-1] == 's' && runesEqual(f[len(f)-n-1:len(f)-1], w) && wordStartsAt(f, len(f)-n-1, w[0]) {
			return true
		}
		if !unicode.Is(unicode.Cyrillic, w[0]) {
			continue
		}
		for _, e := range orderWordEndings {
			m := utf8.RuneCountInString(e)
			if n+m <= len(f) && runesEqual(f[len(f)-n-m:len(f)-m], w) && runesEqualString(f[len(f)-m:], e) && wordStartsAt(f, len(f)-n-m, w[0]) {
				return true
			}
		}
	}
	return false
}

func wordStartsAt(f []rune, at int, first rune) bool {
	return at == 0 || !isWordRune(first) || !sameWord(first, f[at-1])
}

func gapWord(w []rune) bool {
	for _, g := range orderGapWords {
		if runesEqualString(w, g) {
			return true
		}
	}
	return false
}
