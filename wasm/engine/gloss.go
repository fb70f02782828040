package engine

import "unicode"

// The press of other scripts writes a company's name in its own script
// with the name the lists use in parentheses after it: "Айфлайтек
// (iFlytek)", "نوكتك (Nuctech)", "सेंसटाइम (SenseTime)", "중국선박그룹(CSSC)",
// "寧徳時代新能源科技（CATL）". Where the name in parentheses is a mention,
// the words before it are the same party: a gloss. Only a run of one
// other script counts (Cyrillic, Arabic, Devanagari, Hangul, katakana),
// never Latin ("the chipmaker (SMIC)") nor Chinese characters, which run
// on into the sentence without spaces. Blind-labelled excerpts in 15
// languages marked these names (December 2026); the dataset cannot list
// every transliteration the press invents.

// glossWordsMax bounds a gloss of words (Cyrillic, Arabic, Devanagari).
const glossWordsMax = 6

// glossStops end a gloss: prepositions, conjunctions and postpositions,
// and the nouns that describe a company rather than name it.
var glossStops = [...]string{"в", "во", "на", "и", "с", "со", "по", "из", "для", "от", "что", "как", "а", "но", "у",
	"к", "о", "об", "при", "за", "под", "над", "же", "это", "также", "компания", "компании",
	"की", "के", "का", "ने", "में", "को", "से", "और", "पर", "है", "हैं", "था", "थी", "ये", "यह", "वह", "तथा", "एवं",
	"या", "भी", "तो", "लिए", "द्वारा", "वाली", "वाले", "वाला", "कंपनी", "चीनी", "अमेरिकी", "निर्माता",
	"في", "من", "على", "إلى", "مع", "عن", "و", "أن", "التي", "الذي", "در", "از", "به", "با", "را", "که", "این", "برای"}

// glossPlaces are capitalized inside a Russian name without starting it.
var glossPlaces = [...]string{"китая", "китай", "кнр", "сша", "россии", "пекина", "гонконга", "шанхая"}

// glossHeads start an Arabic or Persian company's name ("شركة ...",
// "مؤسسة ...", "دانشگاه ..."); without one, the gloss is the last word.
var glossHeads = [...]string{"شركة", "شرکت", "مؤسسة", "مجموعة", "جامعة", "دانشگاه", "گروه", "معهد", "أكاديمية",
	"الشركة", "المؤسسة"}

// glossBefore returns where the gloss before the parenthesis at open in
// text x begins and ends, and whether there is one.
func glossBefore(x []rune, open int) (start, end int, ok bool) {
	end = open
	if end > 0 && x[end-1] == ' ' {
		end--
	}
	if end == 0 {
		return 0, 0, false
	}
	r := x[end-1]
	switch {
	case isHangul(r), isKatakana(r) || r == '・':
		same := isHangul
		if !isHangul(r) {
			same = func(r rune) bool { return isKatakana(r) || r == '・' }
		}
		start := end
		for start > 0 && same(x[start-1]) {
			start--
		}
		return start, end, end-start >= 2 && x[start] != '・'
	case unicode.Is(unicode.Cyrillic, r), isArabic(r), isDevanagari(r):
		var words [][2]int // from the last word back
		i := end
		for len(words) < glossWordsMax && i > 0 {
			j := i
			for j > 0 && (isWordRune(x[j-1]) || isMark(x[j-1]) || x[j-1] == 0x200C) {
				j--
			}
			if j == i || !sameScript(x[j], r) || inWords(lowerRunes(x[j:i]), glossStops[:]) {
				break
			}
			for k := j; k < i; k++ {
				if unicode.IsDigit(x[k]) {
					return 0, 0, false
				}
			}
			words = append(words, [2]int{j, i})
			if j == 0 || x[j-1] != ' ' {
				break
			}
			i = j - 1
		}
		if len(words) == 0 {
			return 0, 0, false
		}
		first := len(words) - 1
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			// A name starts with a capital after a word in lower case
			// ("... году Китайская государственная судостроительная
			// корпорация", "компанию Айфлайтек"); a place inside it
			// ("Корпорация коммерческих самолётов Китая") starts nothing.
			start := -1
			for k := 0; k <= first; k++ { // from the last word back
				w := x[words[k][0]:words[k][1]]
				if !isUpper(w[0]) || inWords(lowerRunes(w), glossPlaces[:]) {
					continue
				}
				start = k
				if k == first || !isUpper(x[words[k+1][0]]) {
					break
				}
			}
			if start < 0 {
				return 0, 0, false
			}
			first = start
		case isArabic(r):
			head := -1
			for k := first; k >= 0; k-- {
				if inWords(x[words[k][0]:words[k][1]], glossHeads[:]) {
					head = k
					break
				}
			}
			// Without one, only a word that stands alone after a stop
			// word or a punctuation mark: "مع نوكتك".
			if head < 0 {
				if len(words) > 1 {
					return 0, 0, false
				}
				head = 0
			}
			first = head
		}
		return words[first][0], end, true
	}
	return 0, 0, false
}

func sameScript(a, b rune) bool {
	switch {
	case unicode.Is(unicode.Cyrillic, b):
		return unicode.Is(unicode.Cyrillic, a)
	case isArabic(b):
		return isArabic(a)
	default:
		return isDevanagari(a)
	}
}

func isDevanagari(r rune) bool { return r >= 0x900 && r < 0x980 }

// glosses returns a mention for each gloss before a mention of a party in
// parentheses (sorted, not overlapping): of the same pattern, so of the
// same party. A list's name is a phrase of its own language ("فهرست
// نهادها (Entity List)"), not a gloss to guess at.
func (d *Dataset) glosses(x []rune, sure []candidate) []candidate {
	var out []candidate
	for k, c := range sure {
		if !d.Entities[d.Patterns[c.pattern].Entity].Kind.IsParty() {
			continue
		}
		open := int(c.start) - 1
		if open < 1 || x[open] != '(' && x[open] != '（' || int(c.end) >= len(x) {
			continue
		}
		switch x[c.end] {
		case ')', '）', ',', '·', ';', '、', '/':
		default:
			continue
		}
		start, end, ok := glossBefore(x, open)
		if !ok || k > 0 && int(sure[k-1].end) > start {
			continue
		}
		out = append(out, candidate{start: int32(start), end: int32(end), pattern: c.pattern})
	}
	return out
}
