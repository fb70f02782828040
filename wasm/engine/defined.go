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

// DefinesShortForm reports whether short in parentheses after name is a
// short form the engine takes as the party's where the text defines it: two
// to six capitals and digits that abbreviate the name (data/variants.go
// cuts such a short form from a listed name, to be found on its own).
func DefinesShortForm(short, name string) bool {
	s, n := []rune(short), []rune(name)
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return abbreviates(s, n)
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

// The Chinese press shortens a company's name to its first two characters
// once the article writes it out ("海康威视 ... 海康", "中芯國際 ... 中芯",
// "长鑫存储 ... 长鑫"; fourth blind-labelled part). Two characters alone are
// often a word or a place, so the short form is a mention only within
// fullNameWindow of the full name, and never where the two characters begin
// many names or are a common word (chineseShortStops).

// chineseShortStops are the first two characters of listed names that are a
// word, a place or the start of other bodies' names: China, the Academy of
// Sciences, north, the state, defence, aerospace, the Yangtze, dawn, wave,
// "know", "fourth", Moore's law...
var chineseShortStops = foldedNames("中国", "中华", "中科", "中天", "中际", "中航", "中电", "中船", "中化", "云天", "北方",
	"卡巴", "同方", "哈尔", "国家", "国投", "国防", "大全", "天马", "摩尔", "曙光", "洪都", "浪潮", "知道", "科大", "第四",
	"航天", "航空", "西北", "长江", "三峡", "华大", "新疆", "东方", "南方", "西安", "工业", "电子")

// chineseShortForms returns mentions of the two-character short forms of the
// Chinese names mentioned in full in sure, near them and where no mention is
// already. One pass over the text finds them all.
func (d *Dataset) chineseShortForms(t *Text, sure []candidate) []candidate {
	f := t.Folded
	type fullName struct {
		pattern    int32
		start, end int32 // the first mention's start, the last one's end
	}
	var shorts map[[2]rune]fullName
	for _, c := range sure {
		p := &d.Patterns[c.pattern]
		if p.Flags&Blocker != 0 || len(p.Exact) < 4 || !d.Entities[p.Entity].Kind.IsParty() || !allHan(p.Exact) {
			continue
		}
		key := [2]rune{foldedRune(p.Exact[0]), foldedRune(p.Exact[1])}
		if slices.ContainsFunc(chineseShortStops, func(s []rune) bool { return s[0] == key[0] && s[1] == key[1] }) ||
			slices.ContainsFunc(cjkPlaces, func(s []rune) bool { return len(s) == 2 && s[0] == key[0] && s[1] == key[1] }) ||
			d.Auto.isName(key[:]) {
			continue
		}
		if shorts == nil {
			shorts = map[[2]rune]fullName{}
		}
		if old, ok := shorts[key]; ok {
			if d.Patterns[old.pattern].Entity == p.Entity {
				old.end = c.end
				shorts[key] = old
			}
			continue // two entities' names start alike: the first keeps the short form
		}
		shorts[key] = fullName{pattern: c.pattern, start: c.start, end: c.end}
	}
	if shorts == nil {
		return nil
	}
	var out []candidate
	next := 0 // index into sure, sorted and without overlap
	for i := 0; i+1 < len(f); i++ {
		if f[i] < 0x3400 {
			continue // no Han character: skip the map
		}
		full, ok := shorts[[2]rune{f[i], f[i+1]}]
		if !ok {
			continue
		}
		for next < len(sure) && int(sure[next].end) <= i {
			next++
		}
		if next < len(sure) && int(sure[next].start) < i+2 {
			continue // inside a mention: the full name itself, or another
		}
		if int32(i) >= full.start-fullNameWindow && int32(i) <= full.end+fullNameWindow {
			out = append(out, candidate{start: int32(i), end: int32(i + 2), pattern: full.pattern})
			i++
		}
	}
	return out
}

// allHan reports a name written in Han characters only.
func allHan(name []rune) bool {
	return !slices.ContainsFunc(name, func(r rune) bool { return !isHan(r) })
}

// isHan reports a Han character: CJK, not kana or Hangul.
func isHan(r rune) bool { return isCJK(r) && r > 0x30FF && !isHangul(r) }

// foldedRune returns r as folded text writes it.
func foldedRune(r rune) rune {
	out, _, _ := foldRune(r)
	return lower(out)
}
