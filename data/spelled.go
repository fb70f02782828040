package data

import (
	"regexp"
	"strings"
)

// spelledAcronyms returns a Latin acronym ("CATL", "BGI") read out letter by
// letter in Persian, Arabic and Hindi, as their press writes one: "سی‌ای‌تی‌ال",
// "بی‌جی‌آی" (second and fourth blind parts, and the Persian "زد‌تی‌ای" for ZTE
// seen in press use), "بي جي آي", "सीएटीएल". Persian separates the letters by
// a zero-width non-joiner, which the matcher reads as a space, or joins them;
// Hindi joins them. Only acronyms of three to five letters: a two-letter one
// read out is too often a word.
func spelledAcronyms(name string) []string {
	if !acronymRE.MatchString(name) {
		return nil
	}
	var out []string
	for _, names := range []*[26]string{&persianLetters, &arabicLetters, &hindiLetters} {
		var words []string
		for _, r := range name {
			words = append(words, names[r-'A'])
		}
		switch names {
		case &persianLetters:
			out = append(out, strings.Join(words, " "), strings.Join(words, ""))
		case &arabicLetters:
			out = append(out, strings.Join(words, " "))
		default:
			out = append(out, strings.Join(words, ""), strings.Join(words, " "))
		}
	}
	return out
}

var acronymRE = regexp.MustCompile(`^[A-Z]{3,5}$`)

// The names of the Latin letters A to Z as each press writes them in an
// acronym.
var (
	persianLetters = [26]string{"ای", "بی", "سی", "دی", "ای", "اف", "جی", "اچ", "آی", "جی", "کی", "ال", "ام", "ان", "او", "پی",
		"کیو", "آر", "اس", "تی", "یو", "وی", "دبلیو", "ایکس", "وای", "زد"}
	arabicLetters = [26]string{"إيه", "بي", "سي", "دي", "إي", "إف", "جي", "إتش", "آي", "جي", "كيه", "إل", "إم", "إن", "أو", "بي",
		"كيو", "آر", "إس", "تي", "يو", "في", "دبليو", "إكس", "واي", "زد"}
	hindiLetters = [26]string{"ए", "बी", "सी", "डी", "ई", "एफ", "जी", "एच", "आई", "जे", "के", "एल", "एम", "एन", "ओ", "पी",
		"क्यू", "आर", "एस", "टी", "यू", "वी", "डब्ल्यू", "एक्स", "वाई", "ज़ेड"}
)
