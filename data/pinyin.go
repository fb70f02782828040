package data

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"
)

// pinyinForms returns a four-character Chinese name romanized as the press
// writes it in a Latin-script story: two words of two syllables each, each
// capitalized ("海康威视" → "Haikang Weishi", "商汤科技" → "Shangtang
// Keji", "科大讯飞" → "Keda Xunfei"; the first and second blind parts wrote
// eight such names). A character with more than one reading gives each
// (长 is "zhang" and "chang"), so the one in use is among them; the others
// match nothing. Shorter names are left out: a two- or three-syllable
// romanization is often a word, a place or a person's name ("Zhongxing",
// "Da Jiang"), and the brands among them are in the data as the press
// writes them ("Xiaomi").
//
// go-pinyin (github.com/mozillazg/go-pinyin) holds the readings: a table of
// some 40,000 characters is not written by hand. It runs when the dataset
// is compiled, never in the browser.
func pinyinForms(name string) []string {
	if stem, ok := chineseStem(name); ok {
		name = stem
	}
	name = strings.TrimSpace(name)
	if utf8.RuneCountInString(name) != 4 {
		return nil
	}
	for _, r := range name {
		if !unicode.Is(unicode.Han, r) {
			return nil
		}
	}
	args := pinyin.NewArgs()
	args.Heteronym = true
	readings := pinyin.Pinyin(name, args)
	if len(readings) != 4 {
		return nil // a character go-pinyin does not know
	}
	forms := []string{""}
	for i, options := range readings {
		if len(options) == 0 {
			return nil
		}
		var next []string
		for _, f := range forms {
			for _, o := range slices.Compact(slices.Sorted(slices.Values(options))) {
				switch i {
				case 0:
					next = append(next, strings.ToUpper(o[:1])+o[1:])
				case 2:
					next = append(next, f+" "+strings.ToUpper(o[:1])+o[1:])
				default:
					next = append(next, f+o)
				}
			}
		}
		forms = next
		if len(forms) > 16 {
			return nil // too many readings to guess from
		}
	}
	return forms
}
