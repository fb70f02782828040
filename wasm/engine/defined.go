package engine

import "slices"

// An article that names a listed party in full and defines a short form in
// parentheses after it ("Harbin Institute of Technology (HIT)", "China
// Shipbuilding Industry Company Limited (CSICL)") goes on to use that short
// form for the party: "HIT students", "CSICL shares". The short form is then
// a mention of the party after its definition, though alone it is a word or
// another body's acronym (issue #14, abbreviations with context). The
// definition is two to six capitals and digits, right after the mention.

// abbreviates reports whether short can be a short form of name: a word of
// it ("BOE Technology Group (BOE)"), or its initials in order, words
// skipped ("Harbin Institute of Technology (HIT)", "China Electronics
// Technology Group Corporation (CETC)"), or any after a name in Han
// characters. A name of one word in another script ("بایدو (BIDU)",
// "바이두(BIDU)") stands before a ticker or a gloss, never a definition.
func abbreviates(short, name []rune) bool {
	if slices.ContainsFunc(name, func(r rune) bool { return isCJK(r) && !isHangul(r) && !isKatakana(r) }) {
		return true // "ハルビン工業大学（HIT）": a name in Han characters
	}
	words := wordsOf(name)
	for _, w := range words {
		if runesEqual(lowerRunes(w), lowerRunes(short)) {
			return true
		}
	}
	if len(words) < 2 {
		return false
	}
	k := 0
	for i, w := range words {
		if k < len(short) && lower(w[0]) == lower(short[k]) {
			k++
		} else if i == 0 {
			return !isLatin(w[0]) // a name in another script: its initials are not the short form's
		}
	}
	return k == len(short)
}

// definedShortForms returns a mention for the definition and for each later
// use of a short form the text defines right after a mention of a party,
// where no mention is already. One pass over the text finds every use of
// every short form, so a long text with many definitions stays linear.
func (d *Dataset) definedShortForms(t *Text, sure []candidate) []candidate {
	x := t.Exact
	type definition struct {
		pattern int32
		from    int // where its uses may start: after the parenthesis opens
	}
	var defs map[string]definition
	for _, c := range sure {
		// A party's short form, or a list's ("エンティティー・リスト（EL）").
		if k := d.Entities[d.Patterns[c.pattern].Entity].Kind; !k.IsParty() && k != KindList || d.Patterns[c.pattern].Flags&Blocker != 0 {
			continue
		}
		i := int(c.end)
		if i < len(x) && x[i] == ' ' {
			i++
		}
		if i >= len(x) || x[i] != '(' && x[i] != '（' {
			continue
		}
		j := i + 1
		for j < len(x) && j-i <= 7 && (x[j] >= 'A' && x[j] <= 'Z' || x[j] >= '0' && x[j] <= '9') {
			j++
		}
		if j >= len(x) || x[j] != ')' && x[j] != '）' || j-i-1 < 2 || x[i+1] < 'A' || x[i+1] > 'Z' {
			continue
		}
		if !abbreviates(x[i+1:j], x[c.start:c.end]) {
			continue // "Baidu (BIDU)": a ticker, not a short form
		}
		if defs == nil {
			defs = map[string]definition{}
		}
		// The first definition of a short form holds.
		if _, ok := defs[string(x[i+1:j])]; !ok {
			defs[string(x[i+1:j])] = definition{pattern: c.pattern, from: i + 1}
		}
	}
	if defs == nil {
		return nil
	}
	var out []candidate
	next := 0 // index into sure, sorted and without overlap
	for k := 0; k < len(x); k++ {
		if x[k] < 'A' || x[k] > 'Z' || k > 0 && isWordRune(x[k-1]) {
			continue
		}
		e := k + 1
		for e < len(x) && e-k <= 6 && (x[e] >= 'A' && x[e] <= 'Z' || x[e] >= '0' && x[e] <= '9') {
			e++
		}
		if e-k < 2 || e-k > 6 || e < len(x) && isWordRune(x[e]) {
			k = e
			continue
		}
		def, ok := defs[string(x[k:e])]
		for next < len(sure) && int(sure[next].end) <= k {
			next++
		}
		if ok && k >= def.from && (next == len(sure) || int(sure[next].start) >= e) {
			out = append(out, candidate{start: int32(k), end: int32(e), pattern: def.pattern})
		}
		k = e
	}
	return slices.Clip(out)
}
