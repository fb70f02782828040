package engine

// Misspellings (docs/matching.md, "Misspellings"): the press prints brands
// with a letter dropped, doubled or swapped ("Hauwei", "Hikvison",
// "Xiaommi") or with a space inside ("Hik vision"). Rather than list every
// misspelling, the matcher compares capitalized words with the one-word
// brands of six letters or more (the LowerOK patterns) after the exact pass:
// a word at one edit from a brand, with the brand's first letter, is a
// mention marked Misspelled, and the card and the report say what the text
// wrote. Real names sit one edit from short brands (Xiaomin, Xiaomei and
// Xiami beside Xiaomi), so the edits allowed grow with the brand's length:
// two letters swapped and a letter doubled in any brand, a vowel for a
// vowel inside it; a letter dropped from seven letters on; any letter added
// or substituted from eight.

const (
	minFuzzyRunes      = 6 // shorter brands have too many words one edit away
	minSubstituteRunes = 8
	minDropRunes       = 7
)

// fuzzyTargets indexes the brands by their folded first letter.
type fuzzyTargets [128][]int32

func (d *Dataset) fuzzyTargets() *fuzzyTargets {
	var ft fuzzyTargets
	for i := range d.Patterns {
		p := &d.Patterns[i]
		if p.Flags&LowerOK == 0 || len(p.Exact) < minFuzzyRunes {
			continue
		}
		if f := lower(p.Exact[0]); f < 128 {
			ft[f] = append(ft[f], int32(i))
		}
	}
	return &ft
}

// findMisspelled adds mentions for capitalized words (or two words joined)
// that are one edit from a brand, where no mention is already.
func (d *Dataset) findMisspelled(t *Text, found []candidate) []candidate {
	var ft *fuzzyTargets
	x, f := t.Exact, t.Folded
	next := 0 // index into found, which is sorted and without overlap
	var out []candidate
	for i := 0; i < len(x); i++ {
		if r := x[i]; r < 'A' || r > 'Z' || i > 0 && isWordRune(x[i-1]) {
			continue
		}
		if ft == nil {
			ft = d.fuzzyTargets()
		}
		if len(ft[f[i]]) == 0 {
			continue
		}
		j := i + 1
		for j < len(x) && isWordRune(x[j]) {
			j++
		}
		for next < len(found) && found[next].end <= int32(i) {
			next++
		}
		if next < len(found) && found[next].start < int32(j) || j-i > 16 {
			i = j
			continue
		}
		for _, pi := range ft[f[i]] {
			p := &d.Patterns[pi]
			end := -1
			if j-i >= minFuzzyRunes-1 && oneEdit(f[i:j], p.Exact, len(p.Exact) >= minSubstituteRunes) {
				end = j
			} else if e := joinedWord(x, f, i, j, p.Exact); e > 0 && (next >= len(found) || found[next].start >= int32(e)) {
				end = e
			}
			if end > 0 && inProse(x, i, end) {
				out = append(out, candidate{start: int32(i), end: int32(end), pattern: pi, misspelled: true})
				j = end
				break
			}
		}
		i = j
	}
	return out
}

// joinedWord: the word at [i, j) and the next one, in lower case, joined,
// spell the name ("Hik vision"); returns the end of the second word, or 0.
// Two capitalized words ("Sense Time") are a name of their own, which the
// dataset gives with its own rules or not at all; at the start of a sentence
// the capital says nothing, and two ordinary words ("Ten cent coins") are
// likelier than a split brand.
func joinedWord(x, f []rune, i, j int, name []rune) int {
	if j+1 >= len(x) || x[j] != ' ' || j-i >= len(name) || !isLower(x[j+1]) {
		return 0
	}
	for n := i; n < j; n++ {
		if f[n] != lower(name[n-i]) {
			return 0
		}
	}
	if sentenceStart(x, i) {
		return 0
	}
	k := j + 1
	for k < len(x) && isWordRune(x[k]) {
		k++
	}
	if (j-i)+(k-j-1) != len(name) {
		return 0
	}
	for n, r := range name {
		at := i + n
		if n >= j-i {
			at++ // past the space
		}
		if f[at] != lower(r) {
			return 0
		}
	}
	return k
}

// sentenceStart reports whether the word at i begins the text, a sentence or
// a quotation.
func sentenceStart(x []rune, i int) bool {
	k := i - 1
	for k >= 0 && x[k] == ' ' {
		k--
	}
	if k < 0 {
		return true
	}
	switch x[k] {
	case '.', '!', '?', ':', '"', '\'', '(', '\n':
		return true
	}
	return false
}

// oneEdit reports whether word (folded) is one deletion, insertion or
// transposition of two adjacent letters away from name (and, with
// substitute, one substitution), never touching the first letter and never
// equal to it.
func oneEdit(word, name []rune, substitute bool) bool {
	a, b := len(word), len(name)
	if a-b > 1 || b-a > 1 || a < 2 || word[0] != lower(name[0]) {
		return false
	}
	i := 0
	for i < a && i < b && word[i] == lower(name[i]) {
		i++
	}
	if i == a && i == b {
		return false // the same word: the exact pass decided
	}
	rest := func(wi, ni int) bool {
		if a-wi != b-ni {
			return false
		}
		for k := 0; wi+k < a; k++ {
			if word[wi+k] != lower(name[ni+k]) {
				return false
			}
		}
		return true
	}
	switch {
	case a == b+1:
		// A letter doubled ("Xiaommi"); another letter added only in a
		// long brand: "Xiaomin" and "Xiaomei" are given names.
		return (substitute || word[i] == word[i-1]) && rest(i+1, i)
	case a+1 == b:
		// A letter dropped, in brands of seven letters or more: "Xiami"
		// is another company.
		return b >= minDropRunes && rest(i, i+1)
	}
	if i+1 < a && word[i] == lower(name[i+1]) && word[i+1] == lower(name[i]) && rest(i+2, i+2) {
		return true // two letters swapped
	}
	if !rest(i+1, i+1) {
		return false
	}
	// One letter for another: any letter in a long brand; in a shorter one
	// only a vowel for a vowel inside the word ("Luokong", "Huawai"), the
	// commonest slip of transliteration; the ending stays ("Xiaoma" is a
	// name of its own).
	return substitute || i+1 < b && isVowel(word[i]) && isVowel(lower(name[i]))
}

func isVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}
