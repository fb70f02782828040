package engine

import (
	"slices"
	"unicode/utf8"
)

// A list's acronym or description is often written inside the phrase that
// names the list: "die 1260H-Liste", "la liste NS-CMIC", "списка NS-CMIC",
// "قائمة 1260H", "1260H清单", "中国军事企业清单", "the Pentagon's list of
// Chinese military companies". The mention is that phrase, as every
// labeller of blind excerpts in 15 languages marked it (December 2026);
// a name that already holds a word for "list" ("Entity List", "实体清单",
// "lista de entidades") is left as it is.

// listWordsBefore stand before a list's name, each with the space
// or nothing that joins it to the name.
var listWordsBefore = foldedPhrases("liste ", "liste des ", "liste der ", "lista ", "lista de ", "lista do ", "lista da ",
	"lista delle ", "lista dei ", "elenco delle ", "elenco dei ", "list of ", "список ", "списка ", "списке ", "списку ",
	"списком ", "перечень ", "перечня ", "перечне ", "перечнем ", "قائمة ", "لائحة ", "فهرست ", "非sdn")

// listWordsAfter follow a list's name, folded, with what joins them to it.
var listWordsAfter = foldedPhrases("-liste", " liste", " list", "清单", "名单", "清單", "名單", "リスト", "のリスト", " 리스트",
	" 목록", " 명단", " सूची", " लिस्ट")

// listWordsIn are the words for "list" that make a name a whole list name.
var listWordsIn = foldedPhrases("list", "清单", "名单", "清單", "名單", "リスト", "리스트", "목록", "список", "قائمة",
	"لائحة", "فهرست", "सूची", "लिस्ट", "elenco", "registro", "перечень", "명단")

// listPhrase returns the bounds of the phrase that names a list around its
// name at [a, b) of text t. A name in quotes takes its quotes along when a
// word for "list" stands outside them: "liste des « entreprises militaires
// chinoises »", "„Communist Chinese Military Companies“-Liste",
// "“中国军事企业”清单".
func listPhrase(t *Text, a, b int) (int, int) {
	f := t.Folded
	for _, w := range listWordsIn {
		if runesContain(f[a:b], w) {
			return a, b
		}
	}
	// Quotes fold to spaces (beside a no-break space, two of them):
	// outer are the bounds with the quotes, where both sides have one.
	outerA, outerB := a, b
	if qa := quoteWithin(t, a-2, a); qa >= 0 {
		if qb := quoteWithin(t, b, b+2); qb >= 0 {
			outerA, outerB = qa, qb+1
		}
	}
	start, end := a, b
	quoted := outerA < a
	for _, w := range listWordsBefore {
		n := utf8.RuneCountInString(w)
		for _, at := range [...]int{outerA, a} {
			if at-n >= 0 && at-n < start && runesEqualString(f[at-n:at], w) && (at-n == 0 || !isWordRune(f[at-n-1])) {
				start = at - n
				if quoted {
					end = max(end, outerB)
				}
			}
		}
	}
	for _, w := range listWordsAfter {
		n := utf8.RuneCountInString(w)
		for _, at := range [...]int{outerB, b} {
			if at+n <= len(f) && at+n > end && runesEqualString(f[at:at+n], w) && (at+n == len(f) || !isWordRune(f[at+n]) || isCJK(f[at+n-1])) {
				end = at + n
				if quoted {
					start = min(start, outerA)
				}
			}
		}
	}
	return start, end
}

// ListDescription reports a list's name in Chinese, Japanese or Korean
// that describes what the list holds ("中国军事企业") without a word for
// "list" or a number ("第889条" names a law's section): it names the list
// only with a word for "list" after it.
func ListDescription(name []rune) bool {
	if len(name) == 0 || !isCJK(name[0]) || slices.ContainsFunc(name, isDigit) {
		return false
	}
	f := lowerRunes(name)
	return !slices.ContainsFunc(listWordsIn[:], func(w string) bool { return runesContain(f, w) })
}

// quoteWithin returns the index of the first quote (a folded space) in
// [from, to) of t's text, or -1.
func quoteWithin(t *Text, from, to int) int {
	k, _ := slices.BinarySearch(t.Quotes, int32(from))
	if k < len(t.Quotes) && int(t.Quotes[k]) < to {
		return int(t.Quotes[k])
	}
	return -1
}

func runesContain(r []rune, s string) bool {
	n := utf8.RuneCountInString(s)
	for i := 0; i+n <= len(r); i++ {
		if runesEqualString(r[i:i+n], s) {
			return true
		}
	}
	return false
}
