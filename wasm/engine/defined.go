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
