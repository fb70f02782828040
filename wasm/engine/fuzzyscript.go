package engine

import "slices"

// Names in other scripts written one letter off or split in two: the press
// transliterates brands in Persian, Arabic, Hindi, Russian, Korean and
// Japanese more ways than any list holds ("شیاومی" beside "شیائومی",
// "کسپراسکی" for "کسپرسکی", "シャオミー" for "シャオミ"), and splits them
// with a space or a middle dot ("تن سنت", "센스 타임", "センス・タイム").
// A word of one script (a run of its letters) that is not already part of
// a mention is compared with the parties' one-word names in that script:
//   - a letter added, dropped, or two swapped (a letter for another is too
//     often another word in these scripts: "هوائي", aerial, for "هواوي"),
//     in names of five letters or more, six in Arabic letters and
//     Devanagari, whose short words are often a name less one letter
//     ("باید", must, is "بایدو" less its last; "शामी" is "शाओमी" less a
//     vowel), and no letter dropped in katakana and Hangul; alone in names of seven or more
//     whose first otherKeyRunes letters the word keeps (the widget's
//     prefilter keys a name on those letters: keeping them keeps a text
//     with such a word in the engine's hands), else only beside another
//     mention, as a misspelled short brand (fuzzy.go, vouchedNear);
//   - two words that, joined, are a name of four letters or more: only
//     beside another mention.
// Such mentions are marked Misspelled, and the card says what the text
// wrote.

// OtherKeyRunes is how many first letters of a name in another script the
// widget's prefilter keys it on (build/prefilter.go).
const OtherKeyRunes = 4

// ScriptAloneRunes: a name in another script this long is read misspelled
// without another mention, in any case ("хуавее" for Хуавей): the widget's
// prefilter keys it in any case too (build/prefilter.go).
const ScriptAloneRunes = minScriptAloneRunes

const (
	minScriptEditRunes  = 5
	minScriptAloneRunes = 7
	minScriptJoinRunes  = 4
)

// scriptNames indexes the parties' one-word names in other scripts by
// their first letter.
type scriptNames map[rune][]int32

// fuzzyScript reports the scripts whose words this pass reads.
func fuzzyScript(r rune) bool {
	return isArabic(r) || isDevanagari(r) || isHangul(r) || isKatakana(r) || isCyrillic(r)
}

func (d *Dataset) indexScriptNames() scriptNames {
	out := scriptNames{}
	for i := range d.Patterns {
		p := &d.Patterns[i]
		if len(p.Exact) < minScriptJoinRunes || !fuzzyScript(p.Exact[0]) || p.Flags&Blocker != 0 || len(p.Context) > 0 ||
			!d.Entities[p.Entity].Kind.IsParty() || slices.ContainsFunc(p.Exact, func(r rune) bool { return !fuzzyScript(r) && !isMark(r) }) {
			continue
		}
		first := lower(p.Exact[0])
		out[first] = append(out[first], int32(i))
	}
	return out
}

// scriptNameIndex returns the index, built now if the dataset has none.
func (d *Dataset) scriptNameIndex() scriptNames {
	if d.script == nil {
		return d.indexScriptNames()
	}
	return d.script
}

// findScriptMisspelled adds the mentions this pass finds where none is in
// found (sorted, without overlap).
func (d *Dataset) findScriptMisspelled(t *Text, found []candidate) []candidate {
	f := t.Folded
	var names scriptNames
	var out []candidate
	next := 0
	for i := t.scriptFrom; i < t.scriptTo && i < len(f); i++ {
		if f[i] < 0x400 || !fuzzyScript(f[i]) || i > 0 && (fuzzyScript(f[i-1]) || isMark(f[i-1])) {
			continue
		}
		j := scriptWordEnd(f, i)
		for next < len(found) && found[next].end <= int32(i) {
			next++
		}
		if next < len(found) && found[next].start < int32(j) {
			i = j - 1
			continue
		}
		if names == nil {
			if names = d.scriptNameIndex(); len(names) == 0 {
				return nil
			}
		}
		// The next word, for a name split in two.
		k, joinEnd := j, -1
		if k+1 < len(f) && (f[k] == ' ' || f[k] == '・') && fuzzyScript(f[k+1]) && (next >= len(found) || found[next].start > int32(k+1)) {
			joinEnd = scriptWordEnd(f, k+1)
			if next < len(found) && found[next].start < int32(joinEnd) {
				joinEnd = -1
			}
		}
		for _, pi := range names[f[i]] {
			name := d.Patterns[pi].Exact
			end, alone := -1, false
			switch {
			case scriptEditable(j-i, name) && scriptEdit(f[i:j], name, !isKatakana(name[0]) && !isHangul(name[0])):
				end = j
				alone = len(name) >= minScriptAloneRunes && j-i >= OtherKeyRunes && runesEqual(f[i:i+OtherKeyRunes], lowerRunes(name[:OtherKeyRunes]))
			case joinEnd > 0 && j-i < len(name) && runesEqual(f[i:j], lowerRunes(name[:j-i])):
				// A Korean particle may follow ("센스 타임은").
				rest := lowerRunes(name[j-i:])
				if runesEqual(f[k+1:joinEnd], rest) {
					end = joinEnd
				} else if r := k + 1 + len(rest); joinEnd > r && koreanParticle(f[r]) && runesEqual(f[k+1:r], rest) {
					end = r // "센스 타임에서"
				}
			}
			if end < 0 || !alone && !d.mentionNear(found, i, end, anyEntity) {
				continue
			}
			out = append(out, candidate{start: int32(i), end: int32(end), pattern: pi, misspelled: true})
			j = end
			break
		}
		i = j - 1
	}
	return out
}

// scriptWordEnd returns where the word of one script starting at i ends
// (its marks included).
func scriptWordEnd(f []rune, i int) int {
	j := i + 1
	for j < len(f) && (fuzzyScript(f[j]) && sameScript(f[j], f[i]) || isMark(f[j])) {
		j++
	}
	return j
}

// scriptEdit reports whether word is name (folded) with one letter added,
// dropped (where drops), or two adjacent letters swapped, the first letter
// kept. Katakana and Hangul drop none: a katakana name less a letter is
// often a word of its own ("ハイビジョン", high-definition, is
// "ハイクビジョン" less ク).
func scriptEdit(word, name []rune, drops bool) bool {
	a, b := len(word), len(name)
	if a-b > 1 || b-a > 1 || a < 2 || word[0] != lower(name[0]) {
		return false
	}
	i := 0
	for i < a && i < b && word[i] == lower(name[i]) {
		i++
	}
	same := func(w, n []rune) bool { return runesEqual(w, lowerRunes(n)) }
	switch {
	case i == a && i == b:
		return false
	case a == b+1:
		return same(word[i+1:], name[i:])
	case a+1 == b:
		return drops && same(word[i:], name[i+1:])
	}
	return i+1 < a && word[i] == lower(name[i+1]) && word[i+1] == lower(name[i]) && same(word[i+2:], name[i+2:])
}

// scriptEditable reports whether a word of wordLen letters may be name one
// letter off: a name of minEditRunes or more, or, in Arabic letters and
// Devanagari, a five-letter name with a letter added ("हुआवेई" for "हुआवे",
// fourth blind-labelled part): a short word there is often a name less a
// letter, seldom one more.
func scriptEditable(wordLen int, name []rune) bool {
	return len(name) >= minEditRunes(name[0]) || len(name) >= minScriptEditRunes && wordLen == len(name)+1
}

// minEditRunes is the shortest name in first's script that the pass
// reads one letter off: longer in Arabic letters and Devanagari.
func minEditRunes(first rune) int {
	if isArabic(first) || isDevanagari(first) {
		return minScriptEditRunes + 1
	}
	return minScriptEditRunes
}
