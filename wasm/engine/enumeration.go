package engine

import "slices"

// News lists companies by their short names: "AVIC, COMAC and AECC",
// "Huawei, ZTE y Hytera", "华为、中兴和海康". A short name that needs context
// (an acronym that is also a hospital's or a union's) is a listed party's in
// such a list of three or more, beside listed parties joined only by commas
// and a word for "and" (blind part 5: "AECC" after AVIC and COMAC). Two
// names and a comma are no list: "For the CSU, Huawei remains a risk",
// "Unlike AMEC, Huawei ..." (review).

// enumerationJoins are what stands between two names of a list of
// companies, folded.
var enumerationJoins = foldedPhrases(", and ", ", ", " and ", " & ", " y ", " e ", " et ", " und ", " и ", " و", " ve ",
	"、", "，", "和", "及", "與", "与", "と", " 및 ", ",")

// vouchByEnumeration vouches for each party's candidate that needs context
// and stands in a list of three or more companies with sure mentions of
// listed parties (sure is sorted by start).
func (d *Dataset) vouchByEnumeration(f []rune, sure, cands []candidate) {
	for i := range cands {
		c := &cands[i]
		if !c.vouched || !d.Entities[d.Patterns[c.pattern].Entity].Kind.IsParty() {
			continue
		}
		left, right := d.partyBefore(f, sure, int(c.start)), d.partyAfter(f, sure, int(c.end))
		if left >= 0 && right >= 0 ||
			left >= 0 && d.partyBefore(f, sure, int(sure[left].start)) >= 0 ||
			right >= 0 && d.partyAfter(f, sure, int(sure[right].end)) >= 0 ||
			right >= 0 && ideographicCommaAt(f, int(c.start)-1) && latinBefore(f, int(c.start)-1) ||
			left >= 0 && ideographicCommaAt(f, int(c.end)) && latinAfter(f, int(c.end)+1) {
			c.vouched = false
		}
	}
}

// ideographicCommaAt: f[i] is the enumeration comma of Chinese between two
// words: with a brand in Latin letters on its other side, the name beside
// it is one of a list of three or more ("DeepSeek、小米與京東方": a company
// the dataset does not hold, then two listed parties; real excerpts,
// December 2026). Japanese writes the same comma between clauses ("昨年、
// 高云と…"), and a Chinese list of people has names in Han characters: a
// Latin brand is what shows a list of companies.
func ideographicCommaAt(f []rune, i int) bool {
	return i > 0 && i+1 < len(f) && f[i] == '、' && f[i-1] != ' ' && f[i+1] != ' '
}

// latinBefore and latinAfter: a word of Latin letters or digits ends at i
// (starts at i), of two letters at least.
func latinBefore(f []rune, i int) bool {
	return i >= 2 && isLatin(f[i-1]) && isLatin(f[i-2])
}

func latinAfter(f []rune, i int) bool {
	return i+1 < len(f) && isLatin(f[i]) && isLatin(f[i+1])
}

// partyBefore returns the index in sure of a listed party's mention joined
// to a name starting at a by one of enumerationJoins, or -1.
func (d *Dataset) partyBefore(f []rune, sure []candidate, a int) int {
	for _, j := range enumerationJoins {
		n := len([]rune(j))
		at := a - n
		if at <= 0 || !runesEqualString(f[at:a], j) {
			continue
		}
		k, _ := slices.BinarySearchFunc(sure, int32(at), func(c candidate, x int32) int { return int(c.start - x) })
		for k--; k >= 0; k-- {
			if int(sure[k].end) == at && d.Entities[d.Patterns[sure[k].pattern].Entity].Kind.IsParty() {
				return k
			}
			if int(sure[k].end) < at {
				break
			}
		}
	}
	return -1
}

// partyAfter returns the index in sure of a listed party's mention joined
// to a name ending at b by one of enumerationJoins, or -1.
func (d *Dataset) partyAfter(f []rune, sure []candidate, b int) int {
	for _, j := range enumerationJoins {
		n := len([]rune(j))
		if b+n > len(f) || !runesEqualString(f[b:b+n], j) {
			continue
		}
		k, found := slices.BinarySearchFunc(sure, int32(b+n), func(c candidate, x int32) int { return int(c.start - x) })
		if found && d.Entities[d.Patterns[sure[k].pattern].Entity].Kind.IsParty() {
			return k
		}
	}
	return -1
}
