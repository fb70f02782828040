package engine

import (
	"strings"
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
//
// The mention is the phrase a reader reads as the order's name: the order
// word and what joins it to the number ("Orden Ejecutiva 13959", "décret
// présidentiel n° 14032", "Указом № 13959", "第13959号行政命令", "행정명령
// 제13959호"). In a series only the first number has the word beside it
// ("Executive Orders 13942", "13943" and "13971"): the others are the
// number alone, with a 号 or 호 written after it (review of blind-labelled
// excerpts in 15 languages, December 2026: every labeller marked the phrase).

// orderGapWords may stand between an order word and its number and are part
// of the order's name: "No.", "№", "n°", "رقم" (number), "شماره", an
// adjective ("présidentiel").
var orderGapWords = foldedPhrases("no", "nos", "nr", "n", "nº", "n°", "num", "number", "numbers", "№", "第", "제", "رقم", "رقمي", "رقما",
	"شماره", "संख्या", "președintelui", "президента", "сша", "presidentiel", "presidencial", "presidenziale", "presidential")

// orderSeriesWords join the numbers of a series or an amendment chain
// ("13959 and 14032", "E.O. 13959, as amended by E.O. 14032"): a number
// after one of them is an order, but the order word is not next to it.
var orderSeriesWords = foldedPhrases("and", "or", "und", "et", "y", "e", "и", "или", "و", "और", "तथा", "및", "as",
	"amended", "by", "of", "the")

// orderNumberMarks are written right after a number in Chinese, Japanese and
// Korean ("13959号", "第13959號", "제13959호"), and orderSeriesCJK join such
// numbers ("第13959号和第13974号行政命令", "13959号および14032号", "13942호와
// 13943호").
const (
	orderNumberMarks = "号號호"
	orderPrefixMarks = "第제"
	orderSeriesCJK   = "和及与與と및、，,와과"
)

// orderWordEndings are the Russian case endings of "указ" ("указом 13959",
// "по указу 14032"); "указал" (he pointed out) is not one.
var orderWordEndings = [...]string{"а", "у", "ом", "е", "ы", "ов", "ами"}

// orderGapRunes bounds how far before the number the order word may end.
const orderGapRunes = 80

// isNumber: the pattern is digits, perhaps grouped by commas, full stops or
// spaces ("13,959", "13.959", "13 959").
func isNumber(r []rune) bool {
	for _, c := range r {
		if (c < '0' || c > '9') && c != ',' && c != '.' && c != ' ' {
			return false
		}
	}
	return len(r) > 0
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isMark: a vowel sign or virama inside a word of an Indic script
// ("संख्या"): the blocks' characters that are neither letters, digits nor
// the danda (no Unicode mark tables, which would add to the wasm).
func isMark(r rune) bool {
	return r >= 0x900 && r < 0xE00 && r != 0x964 && r != 0x965 && !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// orderPhrase reports whether an order word names the number at [a, b) in
// folded text: it ends just before the number, past gap words, other
// numbers of a series, punctuation and one parenthetical, or follows it
// ("13959号行政令"); and the bounds of the mention: the number with the
// order word and gap words when they stand right before it, and a 号/호 and
// an order word right after it.
func orderPhrase(f []rune, a, b int, words [][]rune) (start, end int, ok bool) {
	start, end = a, b
	if a > 0 && strings.ContainsRune(orderPrefixMarks, f[a-1]) {
		start = a - 1
	}
	if b < len(f) && strings.ContainsRune(orderNumberMarks, f[b]) {
		end = b + 1
		// "13959号令", the Chinese press's short form of "Executive Order
		// No. 13959" (fourth blind-labelled part).
		if end < len(f) && f[end] == '令' && f[b] != '호' {
			return start, end + 1, true
		}
	}
	// After: Chinese, Japanese and Korean may write the number first, and a
	// series before its word ("第13959号和第13974号行政命令").
	for j, tight := end, true; j < len(f) && j-b <= orderGapRunes; {
		if f[j] == ' ' && j-end < 2 {
			j++
			continue
		}
		if n := orderWordAt(f, j, words); n > 0 && (isCJK(f[j]) || isHangul(f[j])) {
			if tight {
				end = j + n
			}
			return start, end, true
		}
		switch {
		case isDigit(f[j]) || strings.ContainsRune(orderNumberMarks, f[j]) || strings.ContainsRune(orderPrefixMarks, f[j]) ||
			strings.ContainsRune(orderSeriesCJK, f[j]) || f[j] == ' ':
			j++
		case runesHavePrefix(f[j:], "および"):
			j += 3
		default:
			j = len(f)
			continue
		}
		tight = false
	}
	// Before.
	i, tight, parens := start, true, 0
	for i > 0 && a-i <= orderGapRunes {
		if n := orderWordEndingAt(f, i, words); n > 0 {
			if tight {
				start = i - n
			}
			return start, end, true
		}
		r := f[i-1]
		switch {
		case r == ')' || r == '）':
			if parens > 0 {
				return a, b, false
			}
			parens++
			k := i - 1
			for k > 0 && f[k-1] != '(' && f[k-1] != '（' && i-k < 40 {
				k--
			}
			if k == 0 || f[k-1] != '(' && f[k-1] != '（' {
				return a, b, false
			}
			i = k - 1
		case r == ' ' || r == '.' || r == ':' || r == '-' || r == '–' || r == '#' || r == '°' || r == 'º' ||
			r == '"' || r == '\'' || r == '第' || r == '제' || r == '№':
			i--
		case isDigit(r) || r == ',' || r == ';' || strings.ContainsRune(orderNumberMarks, r) || strings.ContainsRune(orderSeriesCJK, r):
			i--
			tight = false
		case i >= 3 && runesHavePrefix(f[i-3:], "および"):
			i -= 3
			tight = false
		case isWordRune(r) || isMark(r):
			k := i
			for k > 0 && (isWordRune(f[k-1]) || isMark(f[k-1])) && i-k < 20 {
				k--
				if f[k] == '№' {
					break
				}
			}
			w := f[k:i]
			switch {
			case inWords(w, orderGapWords[:]):
			case inWords(w, orderSeriesWords[:]):
				tight = false
			default:
				return a, b, false
			}
			i = k
		default:
			return a, b, false
		}
	}
	return a, b, false
}

// orderWordAt returns the length of the longest order word at j, or 0.
func orderWordAt(f []rune, j int, words [][]rune) int {
	best := 0
	for _, w := range words {
		if n := len(w); n > best && j+n <= len(f) && runesEqual(f[j:j+n], w) {
			best = n
		}
	}
	return best
}

// orderWordEndingAt returns the length of the longest order word that ends
// the text f[:i] (an English plural "Executive Orders", a Russian case
// ending "указом" and an Arabic proclitic "بالأمر" included), or 0.
func orderWordEndingAt(f []rune, i int, words [][]rune) int {
	f = f[:i]
	best := 0
	for _, w := range words {
		n := len(w)
		if n > best && n <= len(f) && runesEqual(f[len(f)-n:], w) && orderWordStartsAt(f, len(f)-n, w[0]) {
			best = n
		}
		if n+1 > best && n+1 <= len(f) && f[len(f)-1] == 's' && runesEqual(f[len(f)-n-1:len(f)-1], w) && orderWordStartsAt(f, len(f)-n-1, w[0]) {
			best = n + 1
		}
		if !isCyrillic(w[0]) {
			continue
		}
		for _, e := range orderWordEndings {
			m := utf8.RuneCountInString(e)
			if n+m > best && n+m <= len(f) && runesEqual(f[len(f)-n-m:len(f)-m], w) && runesEqualString(f[len(f)-m:], e) && orderWordStartsAt(f, len(f)-n-m, w[0]) {
				best = n + m
			}
		}
	}
	return best
}

// orderWordStartsAt: a word starts at at, or an Arabic proclitic ("ب"
// in "بالأمر") is all that stands before it in its word.
func orderWordStartsAt(f []rune, at int, first rune) bool {
	return at == 0 || !isWordRune(first) || !sameWord(first, f[at-1]) || arabicProclitic(f, at)
}

func runesHavePrefix(r []rune, s string) bool {
	i := 0
	for _, c := range s {
		if i >= len(r) || r[i] != c {
			return false
		}
		i++
	}
	return true
}
