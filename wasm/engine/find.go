package engine

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// Mention is a name found in text. Start and End are UTF-16 offsets into the
// original text; Entity and Pattern index the dataset.
type Mention struct {
	Entity  int32
	Pattern int32
	Start   int32
	End     int32
	// Misspelled: the text writes the name with a letter dropped, doubled
	// or swapped, or with a space inside (fuzzy.go); cards and reports say
	// what it wrote.
	Misspelled bool
}

// contextWindow is how many runes on each side of an ambiguous name are
// searched for one of its context words.
const contextWindow = 100

// longTokenRunes: a name inside a run of non-space characters this long is
// part of a URL, a hash or a base64 blob, not prose.
const longTokenRunes = 40

// fullNameWindow is how many runes before an ambiguous name the article may
// have named the same entity unambiguously ("China Aerospace Science and
// Technology Corporation ... CASC"), which then vouches for it.
const fullNameWindow = 1500

// Find returns the mentions in s, leftmost-longest and without overlap: among
// the candidates that pass their checks, the earliest start wins, and at the
// same start the longest ("China Mobile Communications Group" over "China
// Mobile").
func (d *Dataset) Find(s string) []Mention {
	return d.FindText(Normalize(s))
}

// candidate is a name found at [start, end) of the normalized text.
type candidate struct {
	start, end, pattern int32
	// vouched: a context-gated name without its context words, kept in case
	// the same entity is named unambiguously nearby.
	vouched    bool
	byList     bool // a mention of a list the party is on vouches too (TitleCaseOK)
	misspelled bool
	// namesake: not a mention; the text says this name is another party's
	// ("CloudWalk, the Brazilian payments fintech"), so it is not the
	// listed party's anywhere in the text.
	namesake bool
}

// verdict is what the checks say about one occurrence of a pattern.
type verdict uint8

const (
	rejected verdict = iota
	accepted
	needsVouch // accepted if the entity is named unambiguously nearby
	// needsListVouch: accepted if the entity is named nearby, or a list it
	// is on (TitleCaseOK).
	needsListVouch
	// namesake: rejected, and the name is another party's in this text.
	namesake
)

// FindText is Find on text already normalized.
func (d *Dataset) FindText(t *Text) []Mention {
	var cands []candidate
	a := &d.Auto
	state := int32(0)
	for i, r := range t.Folded {
		state = a.next(state, r)
		for s := state; s >= 0; s = a.Dict[s] {
			if a.Out[s] < 0 {
				continue
			}
			end := int32(i + 1)
			cands = d.consider(cands, t, a.Out[s], end-a.Depth[s], end)
		}
	}
	return d.choose(t, cands)
}

// consider checks the patterns that share one folded text at [start, end):
// the first accepted pattern decides; those that need vouching are kept
// aside. A list's accepted name keeps the other lists that share it too,
// for sharedListByParty to choose from.
func (d *Dataset) consider(cands []candidate, t *Text, first, start, end int32) []candidate {
	n := len(cands)
	firstList := int32(-1)     // the list whose name was accepted
	var listStart, listEnd int // and its span
	for p := first; p >= 0; p = d.Patterns[p].Next {
		pat := &d.Patterns[p]
		if firstList >= 0 && (d.Entities[pat.Entity].Kind != KindList || pat.Entity == firstList) {
			continue
		}
		v, s, e := d.accept(t, pat, int(start), int(end))
		if v != rejected && d.Entities[pat.Entity].Kind == KindList {
			before := e
			s, e = listPhrase(t, s, e)
			// In Chinese, Japanese and Korean a list's description
			// ("中国军事企业", Chinese military companies) names the list
			// only with a word for "list" after it ("“中国军事企业”清单");
			// alone it is the category a company is put in.
			if e == before && ListDescription(pat.Exact) {
				continue
			}
			// Its gloss in English is the category too: "均屬於「中國軍事企業」
			// （Chinese military companies），" (real excerpts).
			if e == before && cjkGlossed(t.Folded, s) && isDescription(pat.Exact) {
				continue
			}
		}
		if v != rejected && (d.Entities[pat.Entity].Kind == KindLaw || d.Entities[pat.Entity].Kind == KindList) && isSectionName(pat.Exact) {
			start := actBefore(t.Folded, s)
			if d.otherYearsAct(t.Folded, start, s, pat.Entity) {
				continue // "2025财年国防授权法第889条"
			}
			s = start
			if e < len(t.Folded) && (t.Folded[e] == '款') { // "第1260H条款", the clause
				e++
			}
		}
		// A name that is the number alone ("1260H", the list) is no section:
		// the act after it is not part of it.
		if v != rejected && (d.Entities[pat.Entity].Kind == KindLaw || d.Entities[pat.Entity].Kind == KindList) && isSectionNumber(pat.Exact) && !isDigit(pat.Exact[0]) {
			s = hindiActBefore(t.Folded, s)
			// Not past a quote (actAfter): „Section 889“ des NDAA.
			end := actAfter(t, e)
			if d.otherYearsAct(t.Folded, e, end, pat.Entity) {
				continue // "Section 1237 of the NDAA for Fiscal Year 2025"
			}
			e = end
		}
		// A law's name with its own year after it, in the words of any
		// language: "قانون شبكات الاتصالات الآمنة والموثوق بها لعام 2019".
		if v == accepted && d.Entities[pat.Entity].Kind == KindLaw && !isSectionNumber(pat.Exact) && !isSectionName(pat.Exact) {
			e = d.ownYearAfter(t.Folded, e, pat.Entity)
		}
		// A word for "list" before a law's section names the list the
		// section makes: "la lista de la Sección 1260H" is the 1260H list.
		if v == accepted && d.Entities[pat.Entity].Kind == KindLaw && isSectionNumber(pat.Exact) {
			// "a list known as Section 1260H" names it too, by its law's
			// section alone, which stays the mention (real excerpts,
			// December 2026).
			if at := listWordBefore(t.Folded, s); at < s || listCalledBefore(t.Folded, s) {
				if lp := d.listOfSection(pat.Entity); lp >= 0 {
					p, s = lp, at
				}
			}
		}
		if v != rejected && d.Entities[pat.Entity].Kind.IsParty() {
			s, e = quotedLegalName(t, s, e)
			s = arabicHeadBefore(t.Exact, s, e)
			s = headBefore(t.Exact, s)
			if isCJK(t.Folded[s]) {
				s = cjkPlaceBefore(t.Folded, s, e)
			} else {
				s = scriptPlaceBefore(t.Folded, s, e)
			}
		}
		switch {
		case v == accepted && firstList >= 0:
			// Another list's name for the same words, a choice for
			// sharedListByParty: the same span only, so that it cannot
			// win leftmost-longest over the first.
			if s == listStart && e == listEnd && pat.Flags&Blocker == 0 {
				cands = append(cands, candidate{start: int32(s), end: int32(e), pattern: p})
			}
		case v == accepted:
			cands = append(cands[:n], candidate{start: int32(s), end: int32(e), pattern: p})
			if d.Entities[pat.Entity].Kind != KindList {
				return cands
			}
			firstList, listStart, listEnd = pat.Entity, s, e
		case firstList >= 0:
		case v == needsVouch || v == needsListVouch:
			cands = append(cands, candidate{start: int32(s), end: int32(e), pattern: p, vouched: true, byList: v == needsListVouch})
		case v == namesake:
			cands = append(cands, candidate{start: int32(s), end: int32(e), pattern: p, namesake: true})
		}
	}
	return cands
}

// choose resolves candidates into mentions: unambiguous names first,
// leftmost-longest; then the ambiguous ones that an unambiguous mention of
// the same entity vouches for, and leftmost-longest again over both.
func (d *Dataset) choose(t *Text, cands []candidate) []Mention {
	cands = d.dropNamesakes(cands)
	order := func(a, b candidate) int {
		if a.start != b.start {
			return int(a.start - b.start)
		}
		if a.end != b.end {
			return int(b.end - a.end)
		}
		// Of two names that reach the same end, the one that spans more
		// itself: "達闥科技(香港)", a listed name, over "達闥科技" with the
		// place after it (cjkFormEnd).
		if la, lb := len(d.Patterns[a.pattern].Exact), len(d.Patterns[b.pattern].Exact); la != lb {
			return lb - la
		}
		return int(a.pattern - b.pattern)
	}
	slices.SortFunc(cands, order)
	// Translated names are names like the automaton's: they vouch for a
	// short form after them ("Corporación Nuclear Nacional China (CNNC)")
	// and win over the names inside them.
	if more := append(d.findTranslated(t, cands), d.findPermuted(t, cands)...); len(more) > 0 {
		// A few more, merged into the sorted many.
		slices.SortFunc(more, order)
		merged := make([]candidate, 0, len(cands)+len(more))
		i := 0
		for _, m := range more {
			for i < len(cands) && order(cands[i], m) <= 0 {
				merged = append(merged, cands[i])
				i++
			}
			merged = append(merged, m)
		}
		cands = append(merged, cands[i:]...)
	}
	cands = d.undesignated(t, cands)
	sure := d.leftmostLongest(cands)
	// An acronym the text defines as another body's is not a mention of
	// a listed one anywhere in the text.
	if defs := definedAcronyms(t, sure); len(defs) > 0 {
		cands = slices.DeleteFunc(cands, func(c candidate) bool {
			// The text as written, in capitals: a name in title case
			// ("Nata") matches "NATA" too.
			w := t.Exact[c.start:c.end]
			return allCaps(w) && !hasSpace(w) && inWords(lowerRunes(w), defs)
		})
		sure = d.leftmostLongest(cands)
	}
	if len(sure) < len(cands) {
		sureStarts := d.startsByEntity(sure)
		for i := range cands {
			c := &cands[i]
			if !c.vouched {
				continue
			}
			e := d.Patterns[c.pattern].Entity
			// Only the mentions within the windows can vouch (sure is
			// sorted by start): a dense text stays linear.
			if laterSure(sureStarts, *c, e) && !isLower(t.Exact[c.start]) {
				c.vouched = false
				continue
			}
			k, _ := slices.BinarySearchFunc(sure, c.start-fullNameWindow, func(m candidate, at int32) int { return int(m.start - at) })
			for _, m := range sure[k:] {
				if m.start > c.end+contextWindow {
					break
				}
				p := &d.Patterns[m.pattern]
				// Another mention, not a part of the same words ("Huawei"
				// in "Huawei Device").
				overlaps := m.start < c.end && c.start < m.end
				if p.Flags&Blocker != 0 || overlaps {
					continue
				}
				// A list's name in words of every day ("la liste des
				// entités") is vouched for by a party on that list named
				// in the same sentence or up to a paragraph before it
				// ("Cambricon ... ajoutés à la liste des entités",
				// "Hik-vision ... to comply with Section 889"), as a short
				// name by its party's full name; a party's title-case
				// acronym by a list it is on only in the same sentence.
				near := m.start >= c.start-contextWindow && m.start <= c.end+contextWindow
				before := m.start >= c.start-fullNameWindow && m.start <= c.end+contextWindow
				// An order's number alone beside another order named with
				// its word: "大統領令14032に取って代わられました。しかし、
				// 13959によって" (real excerpts, December 2026).
				if p.Entity == e && before ||
					before && d.Entities[e].Kind == KindList && d.onList(p.Entity, e) ||
					near && c.byList && d.onList(e, p.Entity) ||
					near && d.Entities[e].Kind == KindOrder && d.Entities[p.Entity].Kind == KindOrder && isNumber(d.Patterns[c.pattern].Exact) && !wordAfter(t.Exact, int(c.end)) {
					c.vouched = false
					break
				}
			}
		}
		d.vouchByGloss(t.Exact, cands)
		d.vouchByEnumeration(t.Folded, sure, cands)
		sure = d.leftmostLongest(cands)
	}
	d.sharedListByParty(sure, cands)
	sure = d.dropListAppositions(t, sure)
	// Each later pass adds mentions where none is yet, reading those
	// before it: sure stays sorted by start and without overlap.
	sure = withMentions(sure, d.definedShortForms(t, sure))
	sure = withMentions(sure, d.chineseShortForms(t, sure))
	sure = withMentions(sure, d.glosses(t.Exact, sure))
	sure = withLongNames(sure, d.findLongMisspelled(t, sure))
	sure = withMentions(sure, d.findMisspelled(t, sure))
	sure = withMentions(sure, d.findScriptMisspelled(t, sure))
	d.placesAfter(t, sure)
	var out []Mention
	for _, c := range sure {
		p := &d.Patterns[c.pattern]
		if p.Flags&Blocker == 0 {
			start, end := t.spanOf(c.start, c.end)
			out = append(out, Mention{Entity: p.Entity, Pattern: c.pattern, Start: start, End: end, Misspelled: c.misspelled})
		}
	}
	return out
}

// withLongNames adds long names found by a later pass: each takes the place
// of a mention inside it ("AVIC" in "AVIC Johnhon Optronic Technology").
func withLongNames(sure, long []candidate) []candidate {
	if len(long) == 0 {
		return sure
	}
	sure = slices.DeleteFunc(sure, func(c candidate) bool {
		return slices.ContainsFunc(long, func(l candidate) bool { return l.start <= c.start && c.end <= l.end })
	})
	return withMentions(sure, long)
}

// startsByEntity returns where each entity's sure mentions start, in order.
func (d *Dataset) startsByEntity(sure []candidate) map[int32][]int32 {
	out := map[int32][]int32{}
	for _, m := range sure {
		if d.Patterns[m.pattern].Flags&Blocker == 0 {
			e := d.Patterns[m.pattern].Entity
			out[e] = append(out[e], m.start)
		}
	}
	return out
}

// laterSure reports whether entity e is named surely after c and within
// fullNameWindow of it: a headline or lead that uses the short name before
// the story explains it ("CGN and its rival won approval ... The nuclear
// operator CGN") is vouched for as a full name before it would be.
func laterSure(starts map[int32][]int32, c candidate, e int32) bool {
	s := starts[e]
	k, _ := slices.BinarySearch(s, c.end)
	return k < len(s) && s[k] <= c.end+fullNameWindow
}

// withMentions returns sure with more added, sorted by start.
func withMentions(sure, more []candidate) []candidate {
	if len(more) == 0 {
		return sure
	}
	sure = append(sure, more...)
	slices.SortFunc(sure, func(a, b candidate) int { return int(a.start - b.start) })
	return sure
}

// groupHeads are the words Romance languages put before a company's name
// for its group or corporation ("el Grupo Sinochem", "la Corporación CRRC",
// "o Grupo BGI"), as English puts "Group" after it: part of the mention.
var groupHeads = [...]string{"Grupo", "Gruppo", "Groupe", "Corporacion", "Corporacao", "Corporazione", "Compania", "Companhia"} // accents folded, as in Text.Exact

// headBefore returns where a group word right before a name at a starts,
// or a.
func headBefore(x []rune, a int) int {
	if a < 2 || x[a-1] != ' ' {
		return a
	}
	i := wordStart(x, a-1)
	if !inWords(x[i:a-1], groupHeads[:]) {
		return a
	}
	return i
}

// quotedFormsBefore are the legal forms a Russian register or court writes
// before a company's name in quotes: "АО «Лаборатория Касперского»", "ООО
// «Техкомпания Хуавэй»".
var quotedFormsBefore = [...]string{"АО", "ООО", "ПАО", "ЗАО", "ОАО", "АНО"}

// quotedLegalName returns the bounds of a name at [s, e) of t with the
// legal form before its opening quote and its closing quote, where the text
// writes them so, or s, e. The fourth blind part's labellers marked the
// whole ("АО «Лаборатория Касперского»"): the form and the quotes are the
// company's registered name.
func quotedLegalName(t *Text, s, e int) (int, int) {
	x := t.Exact
	q := -1 // the opening quote: just before the name, or inside it after its form
	if s > 0 && quoteWithin(t, s-1, s) >= 0 {
		q = s - 1
	} else if k := quoteWithin(t, s, e); k > s {
		q = k
	}
	if q < 1 {
		return s, e
	}
	i := wordStart(x, q)
	if i == q || !inWords(x[i:q], quotedFormsBefore[:]) {
		return s, e
	}
	// The whole quoted name only: "ООО «Касперский Груп»" is another
	// company, not the mention "Касперский" with a form.
	if e >= len(x) || quoteWithin(t, e, e+1) < 0 {
		return s, e
	}
	return min(s, i), e + 1
}

// arabicHeadBefore returns where a word for company right before a name at
// [a, b) in Arabic script starts (glossHeads: "شركة الصين الوطنية للنفط
// البحري", China National Offshore Oil Corporation; "شرکت ملی نفت فلات قاره
// چین"), when the name renders the company's English name with China in it
// (chinaWords), or a. Before a brand ("شركة هواوي") the word is the
// article's, not the name's: every labeller left it out there, and put it
// in the rendered names.
func arabicHeadBefore(x []rune, a, b int) int {
	if a < 2 || x[a-1] != ' ' || !unicode.Is(unicode.Arabic, x[a]) {
		return a
	}
	i := wordStart(x, a-1)
	if !foldedIn(x[i:a-1], glossHeads) || !slices.ContainsFunc(chinaWords, func(w []rune) bool { return runesContain(x[a:b], string(w)) }) {
		return a
	}
	return i
}

// dropNamesakes removes the namesake candidates and every candidate of the
// same entity near one: a name keeps one sense in a passage ("CloudWalk,
// the Brazilian payments fintech ... CloudWalk founder Luis Silva"; "CoStar
// Group shares fell ... CoStar, which is based in Arlington, Virginia"),
// not in a whole page of stories (namesakeReach either side).
func (d *Dataset) dropNamesakes(cands []candidate) []candidate {
	type sense struct {
		entity     int32
		start, end int32
	}
	var senses []sense
	for _, c := range cands {
		if c.namesake {
			senses = append(senses, sense{d.Patterns[c.pattern].Entity, c.start, c.end})
		}
	}
	if senses == nil {
		return cands
	}
	slices.SortFunc(senses, func(a, b sense) int { return int(a.start - b.start) })
	return slices.DeleteFunc(cands, func(c candidate) bool {
		if c.namesake {
			return true
		}
		// Only the senses that start within reach (a dense text stays
		// linear).
		e := d.Patterns[c.pattern].Entity
		k, _ := slices.BinarySearchFunc(senses, c.start-namesakeReach-maxNameRunes, func(s sense, at int32) int { return int(s.start - at) })
		for ; k < len(senses) && senses[k].start <= c.end+namesakeReach; k++ {
			if s := senses[k]; s.entity == e && c.start <= s.end+namesakeReach && c.end >= s.start-namesakeReach {
				return true
			}
		}
		return false
	})
}

// namesakeReach is how far from a namesake its entity's names keep that
// sense; maxNameRunes bounds a namesake's length for the search.
const (
	namesakeReach = 2000
	maxNameRunes  = 200
)

// onList: the party has an entry on the list.
func (d *Dataset) onList(party, list int32) bool {
	for _, en := range d.Entities[party].Entries {
		if en.List == list {
			return true
		}
	}
	return false
}

// leftmostLongest takes sorted candidates greedily without overlap, leaving
// out those still waiting to be vouched for.
func (d *Dataset) leftmostLongest(cands []candidate) []candidate {
	var out []candidate
	covered := int32(0)
	for _, c := range cands {
		if c.vouched || c.start < covered {
			continue
		}
		out = append(out, c)
		covered = c.end
	}
	return out
}

// accept applies a pattern's checks to a match of its folded text at [a, b)
// and returns the verdict and where the mention starts (before an order word
// a number is the mention of) and ends (past a legal form the
// pattern allows).
func (d *Dataset) accept(t *Text, p *Pattern, a, b int) (verdict, int, int) {
	first, last := p.Exact[0], p.Exact[len(p.Exact)-1]
	if (isWordRune(first) || isMark(first)) && a > 0 && sameWord(first, t.Exact[a-1]) && !arabicProclitic(t.Exact, a) {
		return rejected, a, b
	}
	end := b
	chinese := isCJK(last) && !isKatakana(last) && !isHangul(last)
	if p.Flags&(FormMayFollow|FormRequired) != 0 && !chinese {
		end = legalFormEnd(t.Exact, b)
		// A name that ends in an abbreviated form takes its full stop:
		// "China Aero Engine Corp., set up in 2016".
		if end == b && b < len(t.Exact) && t.Exact[b] == '.' && endsWithAbbreviatedForm(p.Exact) {
			end = b + 1
		}
		if end == b && p.Flags&FormRequired != 0 {
			return rejected, a, b
		}
		if end == b && isLatin(last) {
			if d := descriptorEnd(t.Exact, b); d > b {
				end = legalFormEnd(t.Exact, d)
			}
		}
		// A name of plain words is a listed party only with a form such a
		// party has (Co., Ltd., Limited, Group); "General Technology Inc."
		// or "Pacific Star LLC" is an American or British firm.
		if p.Flags&FormRequired != 0 && p.Flags&ForeignFormOK == 0 && foreignFormWithin(t.Exact, b, end) {
			return rejected, a, b
		}
	}
	party := d.Entities[p.Entity].Kind != KindList && d.Entities[p.Entity].Kind != KindOrder
	if end == b && chinese && party {
		end = cjkFormEnd(t.Folded, b)
		if p.Flags&FormRequired != 0 && !cjkLegalFormWithin(t.Folded, b, end) {
			return rejected, a, b
		}
		if p.Flags&FormRequired == 0 && companyWordAlone(t.Folded, a, b, end) {
			end = b
		}
	}
	// after: where the word that holds the name ends, a form included.
	after := b
	if end == b && party && (isKatakana(last) || isHangul(last) || isArabic(last) || isDevanagari(last) || isCyrillic(last) ||
		b < len(t.Exact) && (isHangul(t.Exact[b]) || isKatakana(t.Exact[b]))) { // "BOE테크놀로지그룹"
		end = scriptFormEnd(t.Folded, b)
		after = end
	}
	if (isWordRune(last) || isMark(last)) && b < len(t.Exact) && sameWord(last, t.Exact[b]) {
		if !genitive(p, t.Exact, b) && !caseEnding(p, t.Exact, b) {
			return rejected, a, b
		}
		// The mark covers the word as written ("Huaweis", "Huaweiem"): a
		// mark that stops inside a word looks broken (blind-labelled
		// excerpts, December 2026).
		for end = b; end < len(t.Exact) && isWordRune(t.Exact[end]); end++ {
		}
	}
	// Katakana writes foreign words without spaces too, but a name in
	// katakana is a whole word: "シャオミン" (the given name Xiaoming) is not
	// Xiaomi's "シャオミ".
	if isKatakana(first) && a > 0 && isKatakana(t.Exact[a-1]) || isKatakana(last) && after < len(t.Exact) && isKatakana(t.Exact[after]) {
		return rejected, a, b
	}
	// Korean separates words by spaces and attaches particles after a
	// noun ("화웨이가"), never before it: a Hangul name starts a word and
	// ends it or a particle follows.
	if isHangul(first) && a > 0 && isHangul(t.Exact[a-1]) || isHangul(last) && after < len(t.Exact) && isHangul(t.Exact[after]) && !koreanParticle(t.Exact[after]) {
		return rejected, a, b
	}
	titleCased := false // written in a case the name allows only when vouched for
	// A brand written in lower case between words of a script without
	// capitals is as written as it can be ("في الصين dahua وشركة"; real
	// excerpts, December 2026); its context rules still apply.
	if !caseAgrees(p, t.Exact[a:b]) && !(len(p.Exact) >= 4 && isLatin(p.Exact[0]) && isTitleCase(p.Exact) && allLower(t.Exact[a:b]) && amidOtherScript(t.Exact, a, b)) {
		if !(p.Flags&TitleCaseOK != 0 && isTitleCase(t.Exact[a:b]) || lowerCaseBrand(p, t.Exact[a:b]) && !articleBefore(t.Exact, a)) {
			return rejected, a, b
		}
		titleCased = true
	}
	if end == b && p.Flags&LowerOK == 0 && !hasSpace(p.Exact) && foreignFormFollows(t.Exact, b) {
		return rejected, a, b
	}
	// Namesakes the sentence describes (namesakes.go): a party from
	// elsewhere, the start of an institution's name, a person's given name.
	if !isCJK(first) && foreignAppositive(t.Exact, a, end) {
		// A brand the sentence places elsewhere is another party's for
		// the passage; a name of several words or with a legal form
		// ("Hikvision USA, based in California") may be the listed
		// party's branch there, and only this mention is left out.
		if end > b || hasSpace(p.Exact) {
			return rejected, a, b
		}
		return namesake, a, b
	}
	if !isCJK(first) && p.Flags&LowerOK == 0 && end == b && institutionFollows(t.Exact, b) {
		return rejected, a, b
	}
	if !isCJK(first) && !hasSpace(p.Exact) && end == b && surnameBefore(t.Exact, a) {
		return rejected, a, b
	}
	if isAcronymPattern(p) && len(p.Context) > 0 && corporateNounFollows(t.Exact, b) || longerInstitution(p, t.Exact, b) {
		return rejected, a, b
	}
	if d.Entities[p.Entity].Kind == KindPerson && roleAppositive(t.Exact, b) {
		return rejected, a, b
	}
	if !isCJK(first) && !inProse(t.Exact, a, b) {
		return rejected, a, b
	}
	if allCaps(p.Exact) && !hasSpace(p.Exact) && exchangeTicker(t.Exact, a) {
		return rejected, a, b
	}
	if len(p.Unless) > 0 && hasContext(t.Folded, a, b, p.Unless) {
		// An acronym the text defines as the other thing ("минимальная
		// зарплата (SMIC)") is that thing wherever the text uses it.
		if isAcronymPattern(p) && a > 0 && b < len(t.Exact) && (t.Exact[a-1] == '(' || t.Exact[a-1] == '（') && (t.Exact[b] == ')' || t.Exact[b] == '）') {
			return namesake, a, b
		}
		return rejected, a, b
	}
	// A context word must stand beside the name, not be the name itself:
	// an imported alias lists its sibling names ("Inkson Ltd." beside
	// "Inkson Limited", "Fudan Micro" inside "Fudan Microelectronics").
	if len(p.Context) > 0 && d.Entities[p.Entity].Kind == KindOrder && isNumber(p.Exact) {
		start, end, ok := orderPhrase(t.Folded, a, b, p.Context)
		if !ok {
			if slices.ContainsFunc(p.Exact, func(r rune) bool { return r == ',' || r == '.' || r == ' ' }) {
				return rejected, a, b // "14.032 reais", "13,959 votes": an amount
			}
			return needsVouch, a, b
		}
		return accepted, start, end
	}
	if titleCased {
		// In the text of a script without capitals the brand's Latin
		// letters stand out whatever their case: "طائرة dji الخاصة به",
		// "मेरे पास dji का ड्रोन", "smic又有子公司" (blind parts 4 and 5).
		if allLower(t.Exact[a:b]) && amidOtherScript(t.Exact, a, end) {
			return accepted, a, end
		}
		return needsListVouch, a, end
	}
	if len(p.Context) > 0 && !hasContextOutside(t.Folded, a, end, p.Context) && !(isCJK(last) && productModelAfter(t.Exact, end)) &&
		!(d.Entities[p.Entity].Kind == KindList && isLower(p.Exact[0]) && capitalizedName(t.Exact[a:end]) && !capitalizedAfter(t.Exact, end)) {
		// A list the party is on, named in the same sentence, is context
		// in any language ("Sense Time ... la liste NS-CMIC"); not for a
		// person, whose name many people share ("David Lee").
		if party && d.Entities[p.Entity].Kind != KindPerson {
			return needsListVouch, a, end
		}
		return needsVouch, a, end
	}
	return accepted, a, end
}

// wordAfter: a word of a script with spaces follows the number ending at
// b ("13959 units", "13959 personnes"): a count, not an order.
func wordAfter(x []rune, b int) bool {
	if b < len(x) && x[b] == ' ' {
		b++
	}
	return b < len(x) && (isWordRune(x[b]) && !isDigit(x[b]))
}

// capitalizedName: a list's generic words, which the dataset writes in
// lower case, written as a proper name, each
// word but the small ones capitalized ("la Lista de Entidades", "la Liste
// des Entités"), where the generic phrase needs a word of export control
// near: a sentence's start capitalizes one word, a proper name every one
// (real excerpts, December 2026).
func capitalizedName(w []rune) bool {
	words, glue := 0, 0
	for i := 0; i < len(w); {
		j := i
		for j < len(w) && isWordRune(w[j]) {
			j++
		}
		switch {
		case j == i:
		case isLower(w[i]) && inWords(lowerRunes(w[i:j]), latinGlossGlue[:]):
			glue++
		case isUpper(w[i]):
			words++
		default:
			return false
		}
		i = j + 1
	}
	// With a small word between ("Lista de Entidades"): an English
	// heading capitalizes every word ("Covered List"), other languages'
	// headings do not. And only the words for entities: "Lista Negra do
	// Comércio Eletrônico" is a consumer body's, not the Entity List.
	return words >= 2 && glue > 0 && entityWord(w)
}

// entityWord: w holds the Romance words for entities ("Entidades",
// "Entités", "Entità").
func entityWord(w []rune) bool {
	l := lowerRunes(w)
	return runesContain(l, "entidad") || runesContain(l, "entit")
}

// capitalizedAfter: the next word after end, past small words, is
// capitalized: the phrase goes on as a longer title ("Lista de Entidades
// Financieras Supervisadas", "Liste des Entités Non Vérifiées").
func capitalizedAfter(x []rune, end int) bool {
	for i := end; i < len(x); {
		for i < len(x) && x[i] == ' ' {
			i++
		}
		j := i
		for j < len(x) && isWordRune(x[j]) {
			j++
		}
		if j == i {
			return false
		}
		if isUpper(x[i]) {
			return true
		}
		if !inWords(lowerRunes(x[i:j]), latinGlossGlue[:]) {
			return false
		}
		i = j
	}
	return false
}

// amidOtherScript: the nearest letters before a and after b, across spaces
// and punctuation, are of scripts without capitals (Arabic, Devanagari,
// Hangul, Chinese, kana).
func amidOtherScript(x []rune, a, b int) bool {
	return uncasedNear(x, a-1, -1) && uncasedNear(x, b, 1)
}

func uncasedNear(x []rune, i, step int) bool {
	for n := 0; i >= 0 && i < len(x) && n < 3; i, n = i+step, n+1 {
		r := x[i]
		switch {
		case isArabic(r) || isDevanagari(r) || isCJK(r): // isCJK holds Hangul and kana
			return true
		case unicode.IsLetter(r) || isDigit(r):
			return false
		}
	}
	return false
}

// productModelAfter: a product's model follows at b, in Latin letters and
// digits: "小米15 Ultra", "小米SU7", "华为Mate 60". A Chinese brand that is
// also a word (小米, millet) is the brand before one; before digits alone
// it may be a quantity ("小米15元").
func productModelAfter(x []rune, b int) bool {
	j, letter := b, false
	for j < len(x) && j-b < 12 && (x[j] >= '0' && x[j] <= '9' || x[j] >= 'A' && x[j] <= 'Z' || x[j] >= 'a' && x[j] <= 'z') {
		letter = letter || x[j] > '9'
		j++
	}
	if j == b || j < len(x) && isWordRune(x[j]) && !isCJK(x[j]) {
		return false
	}
	// Digits alone need a Latin word after them ("15 Ultra", "14 Pro").
	return letter || j+1 < len(x) && x[j] == ' ' && isUpper(x[j+1]) && x[j+1] < 0x80
}

// isTitleCase: a capital, then lower-case letters only ("Zte").
func isTitleCase(w []rune) bool {
	if len(w) < 2 || !isUpper(w[0]) {
		return false
	}
	for _, r := range w[1:] {
		if !isLower(r) {
			return false
		}
	}
	return true
}

// lowerCaseBrand: a Latin acronym of three letters or more written all in
// lower case, as social posts write brands ("lol smic shipping 5nm chips
// while on the entity list", "ｄｊｉ官網"). It is a mention only when
// vouched for: the same party named as written nearby, or a list it is on
// in the same sentence; alone it may be a word ("le smic"). A brand in
// title case is left out: in lower case it is too often a word of the
// passage ("Autel Robotics ... l'autel de Notre-Dame", third blind part).
func lowerCaseBrand(p *Pattern, text []rune) bool {
	// The acronyms a title case is allowed for (TitleCaseOK: no context
	// rules, not an ordinary word); "best" or "bise" are words first.
	return len(p.Exact) >= 3 && p.Flags&TitleCaseOK != 0 && isLatin(p.Exact[0]) && allLower(text)
}

// articleBefore: the word before a is an article or a determiner; a
// lower-case acronym after one is a noun of the language ("le smic", the
// French minimum wage).
func articleBefore(x []rune, a int) bool {
	if a < 2 || x[a-1] != ' ' && x[a-1] != '\'' {
		return false
	}
	w := lowerRunes(x[wordStart(x, a-1) : a-1])
	if x[a-1] == '\'' {
		return inWords(w, []string{"l", "d"}) // "l'smic"
	}
	return inWords(w, articles[:])
}

var articles = [...]string{"the", "a", "an", "le", "la", "les", "du", "des", "un", "une", "el", "los", "las", "il", "lo", "gli",
	"der", "die", "das", "den", "dem", "ein", "eine", "o", "os", "as", "um", "uma", "its", "their", "his", "her", "our", "my", "your"}

// legalForms are the words of a company's legal form, folded, as the press
// and the lists write them after a name.
var legalForms = [...]string{"co.", "co", "co.,", "company", "corp.", "corp", "corporation", "ltd.", "ltd", "limited",
	"inc.", "inc", "incorporated", "llc", "l.l.c.", "plc", "pty", "group", "(group)", "(limited)", "(ltd)", "co.,ltd.",
	"co.,ltd", "co.ltd.", "grp.", "grp"}

// LegalFormWords returns the first word (a–z) of each legal form: the
// widget's prefilter keys a name that needs a form on its last word and
// one of these (build/prefilter.go).
func LegalFormWords() []string {
	var out []string
	for _, f := range legalForms {
		i := 0
		for i < len(f) && f[i] == '(' {
			i++
		}
		j := i
		for j < len(f) && f[j] >= 'a' && f[j] <= 'z' {
			j++
		}
		if w := f[i:j]; !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// endsWithAbbreviatedForm: the name's last word is a legal form that is
// written with a full stop ("Corp", "Co", "Ltd", "Inc").
func endsWithAbbreviatedForm(name []rune) bool {
	i := len(name)
	for i > 0 && name[i-1] != ' ' {
		i--
	}
	w := lowerRunes(name[i:])
	return runesEqualString(w, "corp") || runesEqualString(w, "co") || runesEqualString(w, "ltd") || runesEqualString(w, "inc") || runesEqualString(w, "grp")
}

// legalFormEnd returns where a legal form written after a name at b ends
// ("Huawei Technologies| Co., Ltd."), or b when none follows. Each word must
// be capitalized (unless the name's text is in capitals): "the Xiaomi
// company" is not a legal form.
func legalFormEnd(x []rune, b int) int {
	end := b
	i := b
	for {
		// A comma may join two words of the form without a space
		// ("Co.,Ltd."), not the name and the form.
		comma := i < len(x) && x[i] == ','
		if comma {
			i++
		}
		if i < len(x) && x[i] == ' ' {
			i++
		} else if !comma || end == b {
			return end
		}
		j := i
		for j < len(x) && !formWordEnds(x[j], j > i) {
			j++
		}
		// "Co.," ends a word at the comma; "(Group)" keeps its parenthesis.
		if j < len(x) && x[j] == ')' && i < j && x[i] == '(' {
			j++
		}
		// A full stop after a form that has none ("Limited.", "Corporation.,
		// Ltd." as a list prints it) is the sentence's, or a slip: the form
		// ends before it, and the form may go on after it.
		stop := j
		if j == i || !isLegalForm(x[i:j]) {
			if j-i < 2 || x[j-1] != '.' || !isLegalForm(x[i:j-1]) {
				return end
			}
			stop = j - 1
		}
		if k := i; x[k] == '(' && k+1 < j {
			k++
			if !isUpper(x[k]) {
				return end
			}
		} else if !isUpper(x[k]) {
			return end
		}
		end, i = stop, j
	}
}

// The press goes on from a company's brand with the words of its name
// that describe the business ("Quectel Wireless", "Hesai Technologies",
// "Hikvision Digital Technology", "China Mobile International"), which
// readers and every labeller of the real excerpts (December 2026) take as
// part of the name. companyDescriptors end such a run; the words of
// descriptorsBefore only go before one of them ("Digital Technology").
var companyDescriptors = []string{"technology", "technologies", "tech", "wireless", "international", "holdings",
	"holding", "electronics", "communications", "solutions", "systems", "robotics"}
var descriptorsBefore = []string{"digital", "information", "intelligent", "science", "sciences", "semiconductor",
	"network", "networks", "software", "memory", "microelectronics", "electronic"}

// Descriptive reports whether words (after a brand, with a space before
// them) are descriptive words the mention runs over: a name that is a
// brand and such words is found wherever the brand is.
func Descriptive(words string) bool {
	x := []rune(words)
	return descriptorEnd(x, 0) == len(x)
}

// descriptorEnd returns where the descriptive words after a brand ending at
// b of exact text end, or b: up to three capitalized words, the last of
// companyDescriptors.
func descriptorEnd(x []rune, b int) int {
	end, i := b, b
	for words := 0; words < 3 && i+1 < len(x) && x[i] == ' ' && isUpper(x[i+1]); words++ {
		j := i + 1
		for j < len(x) && unicode.IsLetter(x[j]) && j-i <= 16 {
			j++
		}
		if j < len(x) && (isWordRune(x[j]) || x[j] == '-') {
			return end // "Wireless2", "Tech-savvy"
		}
		var buf [16]rune
		w := buf[:0]
		for _, r := range x[i+1 : j] {
			w = append(w, lower(r))
		}
		is := func(words []string) bool {
			return slices.ContainsFunc(words, func(d string) bool { return runesEqualString(w, d) })
		}
		switch {
		case is(companyDescriptors):
			end = j
		case !is(descriptorsBefore):
			return end
		}
		i = j
	}
	return end
}

// formWordEnds reports whether r ends a word of a legal form: a space or
// punctuation (the Arabic comma too: "Co. Ltd،"), a quote or an apostrophe
// ("Ltd.’s shares", "Co., Ltd.'는"), and a character of a script written
// without spaces or a full-width form after it ("Co., Ltd.は",
// "Corporation（SMIC）": blind-labelled excerpts in Japanese and Korean,
// fourth part); an opening parenthesis ends a word that does not start
// with it ("(Group)" is one).
func formWordEnds(r rune, inWord bool) bool {
	switch r {
	case ' ', ',', ')', ';', ':', '\'', '’', '"', '“', '”', '\n', '،', '؛':
		return true
	case '(':
		return inWord
	}
	return isCJK(r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}

func hasSpace(r []rune) bool { return slices.Contains(r, ' ') }

// foreignForms are legal forms of companies outside China, Hong Kong and
// Macau: "Consys GmbH" is a German firm, not the listed Consys.
var foreignForms = [...]string{"gmbh", "ag", "kg", "s.a.", "sa", "s.l.", "s.r.l.", "srl", "sas", "sarl", "s.p.a.", "spa", "b.v.",
	"bv", "n.v.", "nv", "oy", "oyj", "ab", "a/s", "as", "asa", "s.r.o.", "a.s.", "sp.", "ltda.", "ltda", "kft.", "zrt.", "k.k."}

// foreignFormFollows: the word after b (past one space) is a foreign legal
// form written as one ("GmbH", "S.A."), so the one-word name before it is
// another company's. A brand of its own (LowerOK: "Huawei GmbH") keeps its
// mention: the group's units abroad carry such forms.
func foreignFormFollows(x []rune, b int) bool {
	if b+1 >= len(x) || x[b] != ' ' {
		return false
	}
	j := b + 1
	for j < len(x) && j-b <= 7 && x[j] != ' ' && x[j] != ',' && x[j] != ';' && x[j] != ')' {
		j++
	}
	w := x[b+1 : j]
	if len(w) > 0 && w[len(w)-1] == '.' && !isUpper(w[0]) {
		return false
	}
	if len(w) == 0 || !isUpper(w[0]) {
		return false
	}
	var buf [8]rune
	if len(w) > len(buf) {
		return false
	}
	for i, r := range w {
		buf[i] = lower(r)
	}
	for _, f := range foreignForms {
		if runesEqualString(buf[:len(w)], f) {
			return true
		}
	}
	// A sentence's full stop after the form ("... Consys AG.").
	if w[len(w)-1] == '.' {
		for _, f := range foreignForms {
			if runesEqualString(buf[:len(w)-1], f) {
				return true
			}
		}
	}
	return false
}

// arabicProclitic: Arabic writes "and", "for", "with", "so" and "like"
// as one letter joined to the next word ("وهواوي", "لهواوي"): a name may
// start after one that itself starts a word.
func arabicProclitic(x []rune, a int) bool {
	switch x[a-1] {
	case 'و', 'ل', 'ب', 'ف', 'ك':
		return isArabic(x[a]) && (a == 1 || !isWordRune(x[a-2]))
	}
	return false
}

func isArabic(r rune) bool { return r >= 0x600 && r <= 0x6FF }

// koreanParticles are the first syllables of the particles and words that
// follow a name in Korean ("화웨이는", "샤오미의", "텐센트가", "화웨이 측"
// written together, "화웨이폰", "화웨이용" and "화웨이향": for, bound for,
// in the second and third blind parts); another syllable makes a longer word
// ("화웨이브", "샤오미니").
const koreanParticles = "은는이가을를의에와과도만로으께한라처보부까랑하측사등제폰및조마뿐밖였용향발계쪽엔나"

func koreanParticle(r rune) bool {
	for _, p := range koreanParticles {
		if r == p {
			return true
		}
	}
	return false
}

func isHangul(r rune) bool { return r >= 0xAC00 && r <= 0xD7AF }

// foreignListedForms are legal forms of American, British and Australian
// companies, in lower case: after a plain-word name they mean another firm,
// unless the list prints the name with one (ForeignFormOK, set by
// data.Compile through IsForeignListedForm).
var foreignListedForms = []string{"inc", "inc.", "incorporated", "llc", "l.l.c.", "plc", "pty"}

// IsForeignListedForm reports whether w, in lower case, is one of them.
func IsForeignListedForm(w string) bool { return slices.Contains(foreignListedForms, w) }

// foreignFormWithin: the legal form at [b, end) holds a form of companies
// outside China, Hong Kong and Macau.
func foreignFormWithin(x []rune, b, end int) bool {
	for i := b; i < end; {
		for i < end && !isWordRune(x[i]) {
			i++
		}
		j := i
		for j < end && (isWordRune(x[j]) || x[j] == '.') {
			j++
		}
		if inWords(lowerRunes(x[i:j]), foreignListedForms) {
			return true
		}
		i = j
	}
	return false
}

func isKatakana(r rune) bool { return r >= 0x30A1 && r <= 0x30FA || r == 0x30FC }

func isLegalForm(w []rune) bool {
	if len(w) > 12 {
		return false
	}
	var buf [12]rune
	for i, r := range w {
		buf[i] = lower(r)
	}
	for _, f := range legalForms {
		if runesEqualString(buf[:len(w)], f) {
			return true
		}
	}
	return false
}

// runesEqualString reports whether r spells s, in any script.
func runesEqualString(r []rune, s string) bool {
	if len(r) > len(s) {
		return false // every rune takes at least one byte
	}
	i := 0
	for _, c := range s {
		if i >= len(r) || r[i] != c {
			return false
		}
		i++
	}
	return i == len(r)
}

// sameWord reports whether the text's rune r continues the word that the
// name's rune at its edge starts or ends. A change of script is a word
// boundary: Arabic and Persian attach "و" (and) or "ها" (plural) to a Latin
// name ("وDJI"), Russian text may set a Latin name against Cyrillic. A
// Devanagari vowel sign continues a word ("हुआवे" is not a word of "हुआवेई").
func sameWord(name, r rune) bool {
	return (isWordRune(r) || isMark(r)) && isLatin(name) == isLatin(r)
}

func isLatin(r rune) bool { return r < 0x250 || r >= 0x1E00 && r <= 0x1EFF }

// caseEndings are the endings Czech, Slovak and Polish add to a foreign
// brand ("Huaweie", "Huaweiem", "Hikvisionu", "Tencentem").
var caseEndings = [...]string{"u", "e", "em", "a", "ovi", "om", "ou", "y"}

// caseEnding accepts one of caseEndings after a brand of its own (LowerOK:
// a coined word, never an ordinary one); the mark stays on the brand.
func caseEnding(p *Pattern, x []rune, b int) bool {
	if p.Flags&LowerOK == 0 || !isLower(p.Exact[len(p.Exact)-1]) {
		return false
	}
	for _, e := range caseEndings {
		n := len(e)
		if b+n <= len(x) && runesEqualString(x[b:b+n], e) && (b+n == len(x) || !isWordRune(x[b+n])) {
			return true
		}
	}
	return false
}

// genitive accepts the German and Scandinavian genitive "s" written without
// an apostrophe ("Huaweis Umsatz"): one "s" after a name of four letters or
// more that ends in a lowercase letter. The mark stays on the name.
func genitive(p *Pattern, x []rune, b int) bool {
	last := p.Exact[len(p.Exact)-1]
	if x[b] != 's' || b+1 < len(x) && isWordRune(x[b+1]) {
		return false
	}
	// An acronym takes it too ("SMICs Aktien", "DJIs Drohnen"), if the
	// text writes it in capitals. A name of several words ends in a word
	// whose plural it would be ("Haige Communication" before "s"), which
	// a phrase that is no name takes too ("China Mobile Games").
	return (!hasSpace(p.Exact) || p.Flags&Blocker != 0) && (len(p.Exact) >= 4 && isLower(last) || len(p.Exact) >= 3 && allCaps(p.Exact) && allCaps(x[b-len(p.Exact):b]))
}

func caseAgrees(p *Pattern, text []rune) bool {
	switch p.Case {
	case CaseAny:
		return true
	case CaseExact:
		same := true
		for i, r := range p.Exact {
			if text[i] != r {
				same = false
				break
			}
		}
		// A headline in capitals may write a mixed-case name in capitals
		// ("ADDED TO ENTITY LIST"); an acronym stays as written.
		return same || hasLower(p.Exact) && allCaps(text)
	}
	if allCaps(text) || p.Flags&LowerOK != 0 && allLower(text) {
		return true
	}
	// Capitals in the name must be capitals in the text; a headline may
	// capitalize what the name writes in lower case ("CCMC List"). A long
	// name of four capitalized words or more may have one word after its
	// first in lower case, as the press slips ("China academy of Launch
	// Vehicle Technology"; real excerpts, December 2026): so long a name
	// is the party's however it is cased.
	capitals, slips := 0, 0
	for i, r := range p.Exact {
		initial := isWordRune(r) && (i == 0 || !isWordRune(p.Exact[i-1]))
		if !initial || !isUpper(r) {
			continue
		}
		capitals++
		if !isUpper(text[i]) {
			if i == 0 {
				return false
			}
			slips++
		}
	}
	return slips == 0 || slips == 1 && capitals >= 4
}

// stockExchanges are written before a ticker: "(NYSE: BYD)" is Boyd
// Gaming's, "(Nasdaq: HSAI)" a code, not a name.
var stockExchanges = [...]string{"nyse", "nasdaq", "amex", "otc", "otcqx", "otc markets", "nyse american", "lse", "tsx",
	"asx", "hkex", "sehk", "sse", "szse", "tse", "bolsa"}

// exchangeTicker: the text before a is an exchange's name and a colon.
func exchangeTicker(x []rune, a int) bool {
	i := a
	for i > 0 && x[i-1] == ' ' {
		i--
	}
	if i == 0 || x[i-1] != ':' {
		return false
	}
	j := i - 1
	for j > 0 && (isWordRune(x[j-1]) || x[j-1] == ' ') && i-1-j < 14 {
		j--
	}
	w := lowerRunes(x[j : i-1])
	for len(w) > 0 && w[0] == ' ' {
		w = w[1:]
	}
	for len(w) > 0 && w[len(w)-1] == ' ' {
		w = w[:len(w)-1] // French typography: "NYSE : BYD"
	}
	for _, e := range stockExchanges {
		if runesEqualString(w, e) || len(w) > len(e) && runesEqualString(w[len(w)-len(e):], e) && w[len(w)-len(e)-1] == ' ' {
			return true
		}
	}
	return false
}

// inProse rejects names that are part of a URL, a path, an address, a
// ticker written with an index prefix (".DJI", "^DJI" are the Dow Jones
// index), an identifier, or a long token such as a hash or base64 data. A
// slash between two names ("Huawei/ZTE") is prose.
func inProse(x []rune, a, b int) bool {
	if a > 0 {
		switch x[a-1] {
		case '#':
			// A hashtag names the brand ("#hikvision"); a '#' inside a
			// token is an address's fragment or an index code.
			if a > 1 && !tokenBreak(x[a-2]) {
				return false
			}
		case '.':
			// "No.13959", "n.13959": a number after the abbreviation
			// for number is an order's (real excerpts, December 2026).
			if !isDigit(x[a]) || !numberAbbreviationBefore(x, a-1) {
				return false
			}
		case '^', '$', '@', '\\', '_', '=', '&', '?', '%':
			return false
		}
	}
	if b < len(x) {
		switch x[b] {
		case '\\', '_', '@', '=':
			return false
		case '.':
			if b+1 < len(x) && isWordRune(x[b+1]) {
				return false
			}
		}
	}
	// The space-delimited tokens where the name starts and ends.
	for _, at := range [2]int{a, b - 1} {
		ts, te := at, at+1
		// Past longTokenRunes the token is an address whatever else it
		// holds: stop there, so a text without spaces stays linear.
		for ts > 0 && !tokenBreak(x[ts-1]) && at-ts <= longTokenRunes {
			ts--
		}
		for te < len(x) && !tokenBreak(x[te]) && te-at <= longTokenRunes {
			te++
		}
		if looksLikeAddress(x[ts:te]) {
			return false
		}
	}
	return true
}

// numberAbbreviationBefore: the word that ends at the full stop at dot is
// an abbreviation of "number" ("No", "n", "Nr").
func numberAbbreviationBefore(x []rune, dot int) bool {
	k := wordStart(x, dot)
	return k < dot && inWords(lowerRunes(x[k:dot]), []string{"no", "n", "nr", "nos", "num"})
}

// tokenBreak: a character that ends a token as a space does. Chinese and
// Japanese write Latin names between their own characters without spaces
// ("中国的通信机器大手Huaweiとその関連会社"): the whole paragraph was one long
// token, taken for an address, and the name was lost.
func tokenBreak(r rune) bool {
	return r == ' ' || isCJK(r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}

// looksLikeAddress: a URL, a domain, an e-mail address or a file path.
func looksLikeAddress(tok []rune) bool {
	if len(tok) > longTokenRunes {
		return true
	}
	if len(tok) > 0 && tok[0] == '/' {
		return true
	}
	for i := 0; i+1 < len(tok); i++ {
		switch {
		case tok[i] == ':' && i+2 < len(tok) && tok[i+1] == '/' && tok[i+2] == '/':
			return true
		case tok[i] == '@' && isWordRune(tok[i+1]):
			return true
		case tok[i] == '.' && i > 0 && isWordRune(tok[i-1]) && tok[i+1] >= 'a' && tok[i+1] <= 'z':
			return true // "mi.com", "huawei.com/en"
		case tok[i] == '/' && tok[i+1] == '/':
			return true
		}
	}
	return false
}

func hasContext(folded []rune, a, b int, contexts [][]rune) bool {
	return contextNear(folded, a, b, contexts, false)
}

// hasContextOutside is hasContext without the occurrences that lie within
// the mention [a, b) itself.
func hasContextOutside(folded []rune, a, b int, contexts [][]rune) bool {
	return contextNear(folded, a, b, contexts, true)
}

func contextNear(folded []rune, a, b int, contexts [][]rune, outside bool) bool {
	lo, hi := a-contextWindow, b+contextWindow
	if lo < 0 {
		lo = 0
	}
	if hi > len(folded) {
		hi = len(folded)
	}
	window := folded[lo:hi]
	for _, c := range contexts {
		first := c[0]
		for i := 0; i+len(c) <= len(window); i++ {
			// The first rune rules out most places at one comparison.
			if window[i] != first || outside && lo+i >= a && lo+i+len(c) <= b {
				continue
			}
			if startsInsideWord(folded, lo+i, first) {
				continue
			}
			if runesEqual(window[i:i+len(c)], c) {
				return true
			}
		}
	}
	return false
}

// startsInsideWord: a context word in Latin or Cyrillic script (a stem:
// "export" for "exports", "санкц" for "санкции") must start a word; inside
// another one it says nothing ("gene" in "generalmente" beside the airport
// code BGI, "commerce" in "ecommerce"). Arabic and Persian attach "و" and
// "ال" in front of words, and CJK has no spaces, so theirs may start anywhere.
func startsInsideWord(folded []rune, at int, first rune) bool {
	if at == 0 || !isWordRune(first) || !isLatin(first) && !isCyrillic(first) {
		return false
	}
	prev := folded[at-1]
	return sameWord(first, prev)
}

func runesEqual(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Slice16 returns the part of s between UTF-16 offsets start and end.
func Slice16(s string, start, end int32) string {
	return NewSlicer16(s).Slice(start, end)
}

// Slicer16 cuts one string at UTF-16 offsets. It walks on from the start of
// the previous cut, so cuts in increasing order (the mentions of a text)
// cost one pass over the string in all, where Slice16 for each would rescan
// from the beginning.
type Slicer16 struct {
	s   string
	at  int   // byte offset of the cursor
	u16 int32 // the cursor's UTF-16 offset
}

func NewSlicer16(s string) *Slicer16 { return &Slicer16{s: s} }

// Slice returns the part between UTF-16 offsets start and end; an offset
// past the end or inside a surrogate pair stands for the end of the string.
func (c *Slicer16) Slice(start, end int32) string {
	bs := c.seek(start)
	at, u16 := c.at, c.u16
	be := c.seek(end)
	c.at, c.u16 = at, u16
	if bs > be {
		return ""
	}
	return c.s[bs:be]
}

// seek moves the cursor to UTF-16 offset u and returns its byte offset.
func (c *Slicer16) seek(u int32) int {
	if u < c.u16 {
		c.at, c.u16 = 0, 0
	}
	for c.u16 < u && c.at < len(c.s) {
		r, size := utf8.DecodeRuneInString(c.s[c.at:])
		c.at += size
		if r >= 0x10000 {
			c.u16 += 2
		} else {
			c.u16++
		}
	}
	if c.u16 != u {
		return len(c.s)
	}
	return c.at
}

func allCaps(text []rune) bool {
	for _, r := range text {
		if isLower(r) {
			return false
		}
	}
	return true
}

func hasLower(text []rune) bool { return !allCaps(text) }

func allLower(text []rune) bool {
	for _, r := range text {
		if isUpper(r) {
			return false
		}
	}
	return true
}
