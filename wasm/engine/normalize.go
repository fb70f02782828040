package engine

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text is an article's text in the matcher's normalized form. Each normalized
// rune remembers the UTF-16 span of the original text it stands for, so that
// a match maps back to exact offsets in the page (JavaScript strings and DOM
// Range offsets count UTF-16 code units).
type Text struct {
	Folded []rune  // case-, width-, diacritic-, quote- and space-folded
	Exact  []rune  // the same runes with their case kept, for case-sensitive names
	Start  []int32 // UTF-16 offset where the original of rune i starts
	End    []int32 // UTF-16 offset just past it
	Quotes []int32 // indexes of the runes (spaces) that double quotes folded into
	// QuoteAt: the UTF-16 span of each quote itself, in the order of
	// Quotes: a mention that ends at a quote ends there, not after the
	// white space folded with it ("« … »").
	QuoteAt [][2]int32
	// scriptFrom, scriptTo: the first and one past the last rune of a
	// script the misspelling pass for other scripts reads (fuzzyscript.go),
	// which reads only between them; equal when there is none.
	scriptFrom, scriptTo int
}

// latin1Base maps U+00C0..U+017F to a base letter, 0 where there is none.
const latin1Base = "AAAAAA\x00CEEEEIIIIDNOOOOO\x00OUUUUY\x00\x00aaaaaa\x00ceeeeiiiidnooooo\x00ouuuuy\x00y" +
	"AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi\x00\x00JjKk\x00LlLlLlLlLlNnNnNn\x00\x00\x00OoOoOo\x00\x00RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZz\x00"

// foldRune returns the normalized form of r with its case kept; drop reports
// characters that carry no text (zero-width characters, soft hyphens,
// combining marks), space reports white space of any kind.
func foldRune(r rune) (out rune, drop, space bool) {
	if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
		return r, false, false // most of any text: skip the cases below
	}
	switch {
	case r == 0xAD || r == 0x200B || r == 0x200C || r == 0x200D || r == 0x2060 || r == 0xFEFF:
		return 0, true, false
	case r >= 0x300 && r <= 0x36F:
		return 0, true, false
	case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v' || r == 0xA0 || r == 0x3000 ||
		r == 0x85 || (r >= 0x2000 && r <= 0x200A) || r == 0x2028 || r == 0x2029 || r == 0x202F || r == 0x205F:
		return ' ', false, true
	case r >= 0x2010 && r <= 0x2015, r == 0x2212, r == 0xFE63, r == 0xFF0D:
		return '-', false, false
	case r == 0x2018 || r == 0x2019 || r == 0x201B || r == 0x2032 || r == 0x02BC || r == 0xFF07 || r == '`' || r == 0xB4:
		return '\'', false, false
	case isDoubleQuote(r):
		// Double quotes and guillemets separate words like a space: a name
		// quoted inside a name ('Joint Stock Company "Kaspersky Lab"',
		// «Kaspersky Lab») matches however it is quoted.
		return ' ', false, true
	case r >= 0x660 && r <= 0x669: // Arabic-Indic digits
		return '0' + r - 0x660, false, false
	case r >= 0x6F0 && r <= 0x6F9: // Persian digits
		return '0' + r - 0x6F0, false, false
	case r == 0x93C: // the Devanagari nukta: Hindi writes "ज़ेडटीई" and "जेडटीई" alike
		return 0, true, false
	case r >= 0x958 && r <= 0x95F: // letters with a nukta: the letter
		return foldRune(rune([...]uint16{0x915, 0x916, 0x917, 0x91C, 0x921, 0x922, 0x92B, 0x92F}[r-0x958]))
	case r >= 0x91F && r <= 0x922:
		// Retroflex ṭ ṭh ḍ ḍh as the dental t th d dh: Hindi writes a
		// foreign d or t with either ("डाहुआ" and "दहुआ" for Dahua; first
		// blind-labelled part).
		return r + 5, false, false
	case r == 0x93E:
		// The long-a sign: transliterations write it or leave it out
		// ("डाहुआ", "दहुआ"), as they do the long i and u below.
		return 0, true, false
	case r == 0x940 || r == 0x942 || r == 0x908 || r == 0x90A:
		// Long i and u as the short ones, as signs and as letters: Hindi
		// transliterates foreign names with either ("अलीबाबा" and
		// "अलिबाबा"; fourth blind-labelled part).
		return r - 1, false, false
	case r >= 0x966 && r <= 0x96F: // Devanagari digits
		return '0' + r - 0x966, false, false
	case r == 0x622 || r == 0x623 || r == 0x625 || r == 0x671: // alef with madda, hamza or wasla: alef
		return 0x627, false, false
	case r == 0x6CC || r == 0x649: // Persian and final yeh: Arabic yeh
		return 0x64A, false, false
	case r == 0x6A9: // Persian keheh: Arabic kaf
		return 0x643, false, false
	case r == 0x640 || r >= 0x64B && r <= 0x65F || r == 0x670: // tatweel, Arabic vowel marks
		return 0, true, false
	case r >= 0x4E00 && r <= 0x9FFF: // traditional and Japanese forms of Han characters (han.go)
		return foldHan(r), false, false
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
		return r - 0xFEE0, false, false
	case r >= 0xFF65 && r <= 0xFF9D:
		// Half-width katakana, as headlines and old systems write them
		// ("ﾌｧｰｳｪｲ"): the full-width letter, folded as one. The voicing
		// marks ﾞ and ﾟ stay as they are (joining them to the letter
		// before would fold two characters into one).
		return foldRune(rune(halfWidthKatakana[r-0xFF65]) + 0x3000)
	case r == 0x30FC:
		// The long-vowel mark: the press writes a foreign name with it or
		// without ("ファウェイ" and "ファーウェイ", "シャオミー" and "シャオミ";
		// second and fourth blind-labelled parts).
		return 0, true, false
	case r == 0x30A1 || r == 0x30A3 || r == 0x30A5 || r == 0x30A7 || r == 0x30A9:
		// Small katakana vowels as the large ones: the press writes
		// "ファーウエイ" for "ファーウェイ".
		return r + 1, false, false
	case r >= 0xC0 && r <= 0x17F:
		if b := latin1Base[r-0xC0]; b != 0 {
			return rune(b), false, false
		}
	}
	return r, false, false
}

// foldedPhrases returns phrases as the folded text writes them, their
// spaces kept ("सूची" with the short vowel of the fold).
func foldedPhrases(phrases ...string) []string {
	out := make([]string, len(phrases))
	for i, p := range phrases {
		var b []rune
		for _, r := range p {
			if f, drop, _ := foldRune(r); !drop {
				b = append(b, lower(f))
			}
		}
		out[i] = string(b)
	}
	return out
}

// halfWidthKatakana maps U+FF65…U+FF9D to their full-width letters, less
// 0x3000 (one byte each).
var halfWidthKatakana = [...]byte{0xFB, 0xF2, 0xA1, 0xA3, 0xA5, 0xA7, 0xA9, 0xE3, 0xE5, 0xE7, 0xC3, 0xFC,
	0xA2, 0xA4, 0xA6, 0xA8, 0xAA, 0xAB, 0xAD, 0xAF, 0xB1, 0xB3, 0xB5, 0xB7, 0xB9, 0xBB, 0xBD, 0xBF, 0xC1, 0xC4, 0xC6,
	0xC8, 0xCA, 0xCB, 0xCC, 0xCD, 0xCE, 0xCF, 0xD2, 0xD5, 0xD8, 0xDB, 0xDE, 0xDF, 0xE0, 0xE1, 0xE2, 0xE4, 0xE6, 0xE8,
	0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEF, 0xF3}

// isDoubleQuote reports double quotes, guillemets and CJK corner brackets:
// they fold to a space, and Text.Quotes remembers where they were.
func isDoubleQuote(r rune) bool {
	return r == '"' || r == 0x201C || r == 0x201D || r == 0x201E || r == 0x201F || r == 0x2033 || r == 0xFF02 ||
		r == 0xAB || r == 0xBB || r == 0x2039 || r == 0x203A || r >= 0x300C && r <= 0x300F
}

func lower(r rune) rune {
	if r < 0x80 {
		if r >= 'A' && r <= 'Z' {
			return r + 32
		}
		return r
	}
	return unicode.ToLower(r)
}

// Normalize folds text for matching. Runs of white space become one space;
// characters that carry no text are dropped, and their UTF-16 units are
// counted in the span of the rune before them.
func Normalize(s string) *Text {
	t := &Text{}
	t.Reset(s)
	return t
}

// Reset normalizes s into t, reusing t's memory: a worker that checks many
// files keeps one Text.
func (t *Text) Reset(s string) {
	n := utf8.RuneCountInString(s)
	if cap(t.Folded) < n {
		t.Folded, t.Exact = make([]rune, 0, n), make([]rune, 0, n)
		t.Start, t.End = make([]int32, 0, n), make([]int32, 0, n)
	}
	t.Folded, t.Exact, t.Start, t.End, t.Quotes, t.QuoteAt = t.Folded[:0], t.Exact[:0], t.Start[:0], t.End[:0], t.Quotes[:0], t.QuoteAt[:0]
	t.scriptFrom, t.scriptTo = 0, 0
	var u16 int32
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		width := int32(1)
		if r >= 0x10000 {
			width = 2
		}
		out, drop, space := foldRune(r)
		if out >= 0x400 && fuzzyScript(out) {
			if t.scriptTo == 0 {
				t.scriptFrom = len(t.Folded)
			}
			t.scriptTo = len(t.Folded) + 1
		}
		n := len(t.Folded)
		if r == 0x200C && n > 0 && isArabic(t.Exact[n-1]) && !strings.HasPrefix(s[i:], "ها") {
			// Persian writes a half space (ZWNJ) between the parts of a
			// word and of a transliterated name ("زد‌تی‌ای"): it separates them
			// as a space would. Before the plural "ها" it joins, so that
			// "فهرست موجودیت‌ها" (lists of entities) stays one word.
			// Elsewhere it only shapes letters.
			out, drop, space = ' ', false, true
		}
		quote := space && isDoubleQuote(r)
		if r == '\'' || r == 0x2018 || r == 0x2019 {
			// Korean and Hindi quote with single quotes ("텐센트를 '중국
			// 군사기업' 목록에", "'चीनी सैन्य कंपनियों' की सूची"); beside a
			// character of a script without apostrophes, one is a quote,
			// and is read as a double one.
			next, _ := utf8.DecodeRuneInString(s[i:])
			if n > 0 && (isCJK(t.Exact[n-1]) || isDevanagari(t.Exact[n-1])) || isCJK(next) || isDevanagari(next) {
				out, drop, space, quote = ' ', false, true, true
			}
		}
		if out == '-' && n > 0 && isWordRune(t.Exact[n-1]) {
			// A word broken across lines by a hyphen ("Hua-\n wei") is
			// one word: the hyphen and the line break are dropped.
			if skip := lineBreakAfterHyphen(s[i:]); skip > 0 {
				t.End[n-1] = u16 + width + int32(skip)
				u16 += width + int32(skip)
				i += skip
				continue
			}
		}
		if (r == '\n' || r == '\r') && n > 0 && isCJK(t.Exact[n-1]) && !isHangul(t.Exact[n-1]) && cjkAfterBreak(s[i:]) {
			// Chinese and Japanese put no space between words: a line
			// break inside a name ("杭州海康\n威视") is the layout's.
			drop = true
		}
		switch {
		case drop:
			if n > 0 {
				t.End[n-1] = u16 + width
			}
		case space && n > 0 && t.Exact[n-1] == ' ':
			t.End[n-1] = u16 + width
		default:
			t.Exact = append(t.Exact, out)
			t.Folded = append(t.Folded, lower(out))
			t.Start = append(t.Start, u16)
			t.End = append(t.End, u16+width)
		}
		if quote {
			t.Quotes = append(t.Quotes, int32(len(t.Folded)-1))
			t.QuoteAt = append(t.QuoteAt, [2]int32{u16, u16 + width})
		}
		u16 += width
	}
}

// spanOf returns the UTF-16 span of folded runes [a, b): where a or b-1 is
// white space holding quotes, the span starts at the quote nearest the
// name (the last of that white space) or ends after the nearest (the
// first): "”“中国军事企业”清单" is marked from its own opening quote.
func (t *Text) spanOf(a, b int32) (int32, int32) {
	start, end := t.Start[a], t.End[b-1]
	if t.Exact[a] == ' ' {
		// The last quote folded into a: just before the first index
		// after a.
		if k, _ := slices.BinarySearch(t.Quotes, a+1); k > 0 && t.Quotes[k-1] == a {
			start = t.QuoteAt[k-1][0]
		}
	}
	if t.Exact[b-1] == ' ' {
		if k, ok := slices.BinarySearch(t.Quotes, b-1); ok {
			end = t.QuoteAt[k][1]
		}
	}
	return start, end
}

// cjkAfterBreak: after white space, s goes on with a Chinese or Japanese
// character.
func cjkAfterBreak(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '\t' && r != '\n' && r != '\r' && r != 0x3000 {
			return isCJK(r) && !isHangul(r)
		}
	}
	return false
}

// lineBreakAfterHyphen returns how many bytes (all of them one UTF-16 unit
// each) of white space, including a line break, follow a hyphen before a
// lower-case letter; 0 when that is not what follows.
func lineBreakAfterHyphen(s string) int {
	newline := false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			newline = true
		case ' ', '\t', '\r':
		default:
			r, _ := utf8.DecodeRuneInString(s[i:])
			if newline && isLower(r) {
				return i
			}
			return 0
		}
	}
	return 0
}

// NormalizeName folds a dataset name the way Normalize folds text.
func NormalizeName(s string) (folded, exact []rune) {
	t := Normalize(s)
	// A name never starts or ends with space.
	for len(t.Exact) > 0 && t.Exact[0] == ' ' {
		t.Exact, t.Folded = t.Exact[1:], t.Folded[1:]
	}
	for len(t.Exact) > 0 && t.Exact[len(t.Exact)-1] == ' ' {
		t.Exact, t.Folded = t.Exact[:len(t.Exact)-1], t.Folded[:len(t.Folded)-1]
	}
	return t.Folded, t.Exact
}

// isCJK reports scripts written without spaces between words, where names
// match without word boundaries.
func isCJK(r rune) bool {
	return r >= 0x3040 && r <= 0x30FF || r >= 0x3400 && r <= 0x4DBF || r >= 0x4E00 && r <= 0x9FFF ||
		r >= 0xF900 && r <= 0xFAFF || r >= 0xAC00 && r <= 0xD7AF || r >= 0x20000 && r <= 0x2FFFF
}

// isWordRune reports letters and digits of scripts that separate words with
// spaces: a Latin-script name must not start or end inside such a word.
func isWordRune(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return !isCJK(r) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func isUpper(r rune) bool {
	if r < 0x80 {
		return r >= 'A' && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

func isLower(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z'
	}
	return unicode.IsLower(r)
}
