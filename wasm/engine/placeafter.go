package engine

// A company's name begins with its city or province in the lists
// ("Hangzhou Hikvision Digital Technology", "Changsha Jingjia
// Microelectronics"), and the press moves the place after the name:
// "Hikvision Digital Technology of Hangzhou", "Jingjia Microelectronics de
// Changsha", "First Machinery Group of Inner Mongolia". The labellers of
// blind part 5 marked the place with the name. Which place belongs to
// which name is in the dataset already: the words after the mention, put
// back in front of it, must be a name of the same party as the matcher
// reads it, so no list of places is kept here.

// placeJoins stand between a name and its place after it.
var placeJoins = [...]string{" of ", " de ", " di ", " du ", " da ", " do ", " aus "}

// placeWordsMax bounds the place's words ("Inner Mongolia").
const placeWordsMax = 2

// placesAfter extends each mention of a party whose place follows it
// (sure is sorted by start and without overlap).
func (d *Dataset) placesAfter(t *Text, sure []candidate) {
	x := t.Exact
	for i := range sure {
		c := &sure[i]
		if c.misspelled || !d.Entities[d.Patterns[c.pattern].Entity].Kind.IsParty() || !isLatin(x[c.start]) || !isUpper(x[c.start]) {
			continue
		}
		next := len(x)
		if i+1 < len(sure) {
			next = int(sure[i+1].start)
		}
		if end := d.placeAfter(x, c, next); end > 0 {
			c.end = int32(end)
		}
	}
}

// placeAfter returns where the place after the mention c ends, or 0.
func (d *Dataset) placeAfter(x []rune, c *candidate, next int) int {
	for _, join := range placeJoins {
		k := int(c.end)
		if !hasPrefixAt(x, k, join) {
			continue
		}
		k += len(join)
		for w, end := 0, k; w < placeWordsMax && end < len(x) && isLatin(x[end]) && isUpper(x[end]); w++ {
			j := end
			for j < len(x) && isWordRune(x[j]) {
				j++
			}
			if j <= next && d.namesParty(x[k:j], x[c.start:c.end], d.Patterns[c.pattern].Entity) {
				return j
			}
			if j >= len(x) || x[j] != ' ' {
				break
			}
			end = j + 1
		}
	}
	return 0
}

// namesParty: place and name, in that order, are one name of entity.
func (d *Dataset) namesParty(place, name []rune, entity int32) bool {
	text := string(place) + " " + string(name)
	for _, m := range d.Find(text) {
		if m.Start == 0 && m.Entity == entity && Slice16(text, 0, m.End) == text {
			return true
		}
	}
	return false
}
