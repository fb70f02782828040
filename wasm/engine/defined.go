package engine

import "slices"

// An article that names a listed party in full and defines a short form in
// parentheses after it ("Harbin Institute of Technology (HIT)", "China
// Shipbuilding Industry Company Limited (CSICL)") goes on to use that short
// form for the party: "HIT students", "CSICL shares". The short form is then
// a mention of the party after its definition, though alone it is a word or
// another body's acronym (issue #14, abbreviations with context). The
// definition is two to six capitals and digits, right after the mention.

// definedShortForms returns a mention for the definition and for each later
// use of a short form the text defines right after a mention of a party,
// where no mention is already.
func (d *Dataset) definedShortForms(t *Text, sure []candidate) []candidate {
	x := t.Exact
	var out []candidate
	for _, c := range sure {
		if !d.Entities[d.Patterns[c.pattern].Entity].Kind.IsParty() || d.Patterns[c.pattern].Flags&Blocker != 0 {
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
		short := x[i+1 : j]
		for k := i + 1; k+len(short) <= len(x); k++ {
			if x[k] != short[0] || !runesEqual(x[k:k+len(short)], short) ||
				k > 0 && isWordRune(x[k-1]) || k+len(short) < len(x) && isWordRune(x[k+len(short)]) {
				continue
			}
			m := candidate{start: int32(k), end: int32(k + len(short)), pattern: c.pattern}
			overlaps := func(o candidate) bool { return o.start < m.end && m.start < o.end }
			if !slices.ContainsFunc(sure, overlaps) && !slices.ContainsFunc(out, overlaps) {
				out = append(out, m)
			}
		}
	}
	return out
}
