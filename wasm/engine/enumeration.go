package engine

import "slices"

// News lists companies by their short names: "AVIC, COMAC and AECC",
// "Huawei, ZTE y Hytera", "华为、中兴和海康". A short name that needs context
// (an acronym that is also a hospital's or a union's) is a listed party's in
// such a list when a listed party stands next to it, joined only by a comma
// or a word for "and" (blind part 5: "AECC" after AVIC and COMAC).

// enumerationJoins are what stands between two names of a list of
// companies, folded.
var enumerationJoins = foldedPhrases(", ", " and ", ", and ", " & ", " y ", " e ", " et ", " und ", " и ", " و", " ve ",
	"、", "，", "和", "及", "與", "与", "と", " 및 ", ",")

// vouchByEnumeration vouches for each party's candidate that needs context
// and stands in a list of companies beside a sure mention of a party
// (sure is sorted by start).
func (d *Dataset) vouchByEnumeration(f []rune, sure, cands []candidate) {
	for i := range cands {
		c := &cands[i]
		if !c.vouched || !d.Entities[d.Patterns[c.pattern].Entity].Kind.IsParty() {
			continue
		}
		for _, j := range enumerationJoins {
			n := len([]rune(j))
			if d.partyEndsAt(sure, int(c.start)-n) && runesEqualString(f[int(c.start)-n:c.start], j) ||
				int(c.end)+n <= len(f) && runesEqualString(f[c.end:int(c.end)+n], j) && d.partyStartsAt(sure, int(c.end)+n) {
				c.vouched = false
				break
			}
		}
	}
}

func (d *Dataset) partyEndsAt(sure []candidate, at int) bool {
	if at <= 0 {
		return false
	}
	k, _ := slices.BinarySearchFunc(sure, int32(at), func(c candidate, a int32) int { return int(c.start - a) })
	for k = max(k-1, 0); k >= 0 && k < len(sure) && int(sure[k].start) < at; k-- {
		if int(sure[k].end) == at {
			return d.Entities[d.Patterns[sure[k].pattern].Entity].Kind.IsParty()
		}
		if int(sure[k].end) < at {
			return false
		}
	}
	return false
}

func (d *Dataset) partyStartsAt(sure []candidate, at int) bool {
	k, found := slices.BinarySearchFunc(sure, int32(at), func(c candidate, a int32) int { return int(c.start - a) })
	return found && d.Entities[d.Patterns[sure[k].pattern].Entity].Kind.IsParty()
}
