package engine

import "unicode/utf8"

// A list's acronym or description is often written inside the phrase that
// names the list: "die 1260H-Liste", "la liste NS-CMIC", "списка NS-CMIC",
// "قائمة 1260H", "1260H清单", "中国军事企业清单", "the Pentagon's list of
// Chinese military companies". The mention is that phrase, as every
// labeller of blind excerpts in 15 languages marked it (December 2026);
// a name that already holds a word for "list" ("Entity List", "实体清单",
// "lista de entidades") is left as it is.

// listWordsBefore stand before a list's name, folded, each with the space
// or nothing that joins it to the name.
var listWordsBefore = [...]string{"liste ", "liste des ", "liste der ", "lista ", "lista de ", "lista do ", "lista da ",
	"lista delle ", "lista dei ", "elenco delle ", "elenco dei ", "list of ", "список ", "списка ", "списке ", "списку ",
	"списком ", "قائمة ", "لائحة ", "فهرست ", "非sdn"}

// listWordsAfter follow a list's name, folded, with what joins them to it.
var listWordsAfter = [...]string{"-liste", " liste", " list", "清单", "名单", "清單", "名單", "リスト", " 리스트",
	" 목록", " सूची", " लिस्ट"}

// listWordsIn are the words for "list" that make a name a whole list name.
var listWordsIn = [...]string{"list", "清单", "名单", "清單", "名單", "リスト", "리스트", "목록", "список", "قائمة",
	"لائحة", "فهرست", "सूची", "लिस्ट", "elenco", "registro"}

// listPhrase returns the bounds of the phrase that names a list around its
// name at [a, b) in folded text.
func listPhrase(f []rune, a, b int) (int, int) {
	for _, w := range listWordsIn {
		if runesContain(f[a:b], w) {
			return a, b
		}
	}
	start, end := a, b
	for _, w := range listWordsBefore {
		n := utf8.RuneCountInString(w)
		if a-n >= 0 && a-n < start && runesEqualString(f[a-n:a], w) && (a-n == 0 || !isWordRune(f[a-n-1])) {
			start = a - n
		}
	}
	for _, w := range listWordsAfter {
		n := utf8.RuneCountInString(w)
		if b+n <= len(f) && b+n > end && runesEqualString(f[b:b+n], w) && (b+n == len(f) || !isWordRune(f[b+n]) || isCJK(f[b+n-1])) {
			end = b + n
		}
	}
	return start, end
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
