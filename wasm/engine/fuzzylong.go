package engine

import "slices"

// Long names misspelled in one word: the press prints "Semiconductor
// Manufacturing Internatonal Corp.", "Contemporary Amprex Technology",
// "Yangtse Memory Technologies", "AVIC Johnhon Optronic Technology". A name
// of three words or more whose other words the text writes exactly is
// specific enough that one word at one edit (a letter dropped, added,
// changed, or two swapped) is a slip, not another party; the mention is
// marked Misspelled like a misspelled brand (fuzzy.go). The odd word has
// five letters or more, its first letter right and no digit ("13th" is not
// "14th": they are different institutes). Names gated by context, and
// names that are not in Latin letters, are left to the exact pass. As with
// the likelier slips of brands, the text must also name a listed party, a
// list, an order or a law nearby (a mention inside the name counts: "AVIC
// Johnhon Optronic"): a text whose only candidate is a misspelled long
// name is one the widget's prefilter lets by without asking the engine.

const (
	minLongNameWords = 3
	minOddWordRunes  = 5
	// minTwoEditRunes: a name's word this long may be written at two
	// edits ("Internation" for International, "Telecomunication"): so
	// long a word keeps its shape (fifth blind-labelled part).
	minTwoEditRunes = 10
)

// longNameWord is one word of a long name: the name's pattern and where
// the word starts in its text.
type longNameWord struct {
	hash    uint64 // wordHash of the word: most of a bucket is other words
	pattern int32
	at      int32
}

// longNames indexes the words of four letters or more of long names by a
// hash of their folded text, in buckets: built in two passes over the
// patterns without a string per word, as it runs whenever a page's
// dataset is decoded (BuildIndexes).
type longNames struct {
	starts  []int32 // bucket b's words are words[starts[b]:starts[b+1]]
	words   []longNameWord
	buckets uint64
}

const longNameBucketBits = 15

// longNameCommon: a bucket with more words than this holds a word many
// names share ("china", "technology", "group"), too common to start the
// comparison from; each name is found from its rarer words.
const longNameCommon = 128

// longNameSpan bounds how far a long name reaches from one of its words.
const longNameSpan = 200

// wordHash hashes a word folded to lower case (FNV-1a).
func wordHash(w []rune) uint64 {
	h := uint64(14695981039346656037)
	for _, r := range w {
		h = (h ^ uint64(lower(r))) * 1099511628211
	}
	return h
}

// longNameWords calls fn for each word of four letters or more of each long
// name: a name of parties, in Latin letters, without context rules.
func (d *Dataset) longNameWords(fn func(pattern int32, at int, w []rune)) {
	for i := range d.Patterns {
		p := &d.Patterns[i]
		if len(p.Context) > 0 || p.Flags&Blocker != 0 || p.Exact[0] > 0x24F || !d.Entities[p.Entity].Kind.IsParty() {
			continue
		}
		if n := wordCount(p.Exact); n < minLongNameWords || n > 12 {
			continue
		}
		for s, k := 0, 0; k <= len(p.Exact); k++ {
			if k == len(p.Exact) || p.Exact[k] == ' ' {
				if k-s >= 4 {
					fn(int32(i), s, p.Exact[s:k])
				}
				s = k + 1
			}
		}
	}
}

func wordCount(name []rune) int {
	n := 1
	for _, r := range name {
		if r == ' ' {
			n++
		}
	}
	return n
}

// BuildIndexes builds the indexes of names that the misspelling passes use
// (long names here, names in other scripts: fuzzyscript.go); Decode calls
// it, and so must whatever builds a Dataset otherwise (data.Compile). Built
// once, before any search, so that searches from several goroutines (the
// report) share them without a lock.
func (d *Dataset) BuildIndexes() {
	d.long = d.indexLongNames()
	d.script = d.indexScriptNames()
	d.trans = d.indexTranslated()
	d.perm = d.indexPermuted()
}

// longNames returns the index, built now if the dataset has none.
func (d *Dataset) longNames() *longNames {
	if d.long == nil {
		return d.indexLongNames()
	}
	return d.long
}

func (d *Dataset) indexLongNames() *longNames {
	ln := &longNames{buckets: 1 << longNameBucketBits}
	ln.starts = make([]int32, ln.buckets+1)
	d.longNameWords(func(_ int32, _ int, w []rune) { ln.starts[wordHash(w)&(ln.buckets-1)+1]++ })
	for b := 1; b < len(ln.starts); b++ {
		ln.starts[b] += ln.starts[b-1]
	}
	ln.words = make([]longNameWord, ln.starts[ln.buckets])
	fill := append([]int32(nil), ln.starts[:ln.buckets]...)
	d.longNameWords(func(p int32, at int, w []rune) {
		h := wordHash(w)
		b := h & (ln.buckets - 1)
		ln.words[fill[b]] = longNameWord{hash: h, pattern: p, at: int32(at)}
		fill[b]++
	})
	return ln
}

// findLongMisspelled adds a mention for each long name the text writes
// with one word misspelled, where no mention is already.
func (d *Dataset) findLongMisspelled(t *Text, found []candidate) []candidate {
	x, f := t.Exact, t.Folded
	var ln *longNames
	var out []candidate
	// free: no mention overlaps [a, b) but a shorter one inside it (found
	// is sorted and without overlap, out grows in order).
	free := func(a, b int) bool {
		k, _ := slices.BinarySearchFunc(found, int32(a), func(c candidate, at int32) int { return int(c.start - at) })
		for k = max(k-1, 0); k < len(found) && int(found[k].start) < b; k++ {
			c := found[k]
			inside := int(c.start) >= a && int(c.end) <= b && int(c.end-c.start) < b-a
			if a < int(c.end) && !inside {
				return false
			}
		}
		return len(out) == 0 || int(out[len(out)-1].end) <= a
	}
	near := 0 // the first of found that may stand near the word at i
	for i := 0; i < len(x); i++ {
		// Names here are in Latin letters: a capital A-Z or of Latin-1 and
		// Latin Extended.
		if r := x[i]; (r < 'A' || r > 'Z') && (r < 0xC0 || r > 0x24F || !isUpper(r)) || i > 0 && isWordRune(x[i-1]) {
			continue
		}
		j := i + 1
		for j < len(x) && isWordRune(x[j]) {
			j++
		}
		if j-i < 4 {
			i = j
			continue
		}
		// Nothing is compared where no mention stands near (the pass needs
		// one): most capitalized words of most texts.
		next := reach(found, &near, i, longNameSpan, len(x))
		if next == len(x) {
			break
		}
		if next > j {
			i = next - 1 // the words before it are too far from any mention
			continue
		}
		if ln == nil {
			ln = d.longNames()
		}
		h := wordHash(f[i:j])
		b := h & (ln.buckets - 1)
		if ln.starts[b+1]-ln.starts[b] > longNameCommon {
			i = j
			continue
		}
		for _, nw := range ln.words[ln.starts[b]:ln.starts[b+1]] {
			if nw.hash != h {
				continue
			}
			name := d.Patterns[nw.pattern].Exact
			if a, end, ok := longNameAt(x, f, i, j, name, int(nw.at)); ok && free(a, end) && inProse(x, a, end) && d.mentionNear(found, a, end, anyEntity) {
				if d.Patterns[nw.pattern].Flags&FormMayFollow != 0 {
					end = legalFormEnd(x, end)
				}
				out = append(out, candidate{start: int32(a), end: int32(end), pattern: nw.pattern, misspelled: true})
				break
			}
		}
		i = j
	}
	return out
}

func anyEntity(int32) bool { return true }

// reach moves *near past the candidates (sorted by start) too far before i
// for a name of up to span runes at i to stand near them, and returns where
// the text within reach of the next one begins: end when none is left. The
// passes that need a mention near skip the text before it.
func reach(cands []candidate, near *int, i, span, end int) int {
	for *near < len(cands) && int(cands[*near].start) < i-fullNameWindow-span {
		*near++
	}
	if *near == len(cands) {
		return end
	}
	return int(cands[*near].start) - contextWindow - span
}

// longNameAt reports whether the text's word at [i, j) is the word at
// offset at of name and the text around it writes the rest of the name, one
// word at one edit (oddWord) and the others exactly, one space apart; and
// where that name starts and ends in the text.
func longNameAt(x, f []rune, i, j int, name []rune, at int) (int, int, bool) {
	if !foldedEqual(f[i:j], name[at:min(at+j-i, len(name))]) || at+j-i < len(name) && name[at+j-i] != ' ' {
		return 0, 0, false
	}
	// Back from the word to the name's start, then forward to its end,
	// word by word.
	a, k := i, at
	odd := false
	for k > 0 {
		ns := k - 1 // the name's previous word is [ns, k-1)
		for ns > 0 && name[ns-1] != ' ' {
			ns--
		}
		if a < 2 || x[a-1] != ' ' || !isWordRune(x[a-2]) {
			return 0, 0, false
		}
		ts := a - 1
		for ts > 0 && isWordRune(x[ts-1]) {
			ts--
		}
		if !wordMatches(x, f, ts, a-1, name[ns:k-1], &odd) {
			return 0, 0, false
		}
		a, k = ts, ns
	}
	b, k := j, at+j-i
	for k < len(name) {
		ne := k + 1 // the name's next word is [k+1, ne)
		for ne < len(name) && name[ne] != ' ' {
			ne++
		}
		if b+1 >= len(x) || x[b] != ' ' || !isWordRune(x[b+1]) {
			return 0, 0, false
		}
		te := b + 1
		for te < len(x) && isWordRune(x[te]) {
			te++
		}
		if !wordMatches(x, f, b+1, te, name[k+1:ne], &odd) {
			return 0, 0, false
		}
		b, k = te, ne
	}
	return a, b, odd
}

// wordMatches: the text's word [a, b) is the name's word w, or the one
// word at one edit (odd says whether that one is taken), with its capital
// if w has one.
func wordMatches(x, f []rune, a, b int, w []rune, odd *bool) bool {
	if foldedEqual(f[a:b], w) {
		return true
	}
	if *odd || isUpper(w[0]) && !isUpper(x[a]) || len(w) > 64 {
		return false
	}
	var buf [64]rune
	lw := buf[:len(w)]
	for k, r := range w {
		lw[k] = lower(r)
	}
	if !oddWord(f[a:b], lw) {
		return false
	}
	*odd = true
	return true
}

func foldedEqual(f, name []rune) bool {
	if len(f) != len(name) {
		return false
	}
	for k, r := range name {
		if f[k] != lower(r) {
			return false
		}
	}
	return true
}

// oddWord: the text's word w is one edit from the name's word n (both
// folded), or two where n has minTwoEditRunes letters or more, has five
// letters or more, the same first letter and no digit.
func oddWord(w, n []rune) bool {
	if len(w) < minOddWordRunes || len(n) < minOddWordRunes || w[0] != n[0] {
		return false
	}
	for _, r := range w {
		if r >= '0' && r <= '9' {
			return false
		}
	}
	for _, r := range n {
		if r >= '0' && r <= '9' {
			return false
		}
	}
	return withinOneEdit(w, n) || len(n) >= minTwoEditRunes && withinTwoEdits(w, n)
}

// withinTwoEdits: a and b are at most two edits apart (letters dropped,
// added or changed, neighbours swapped: the optimal string alignment
// distance), computed in rows of at most 65 cells.
func withinTwoEdits(a, b []rune) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 2 || len(b) > 64 {
		return false
	}
	var rows [3][65]int
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		least := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
			least = min(least, d)
		}
		if least > 2 {
			return false
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)] <= 2
}

// withinOneEdit: a and b differ by one letter dropped, added or changed,
// or two neighbouring letters swapped.
func withinOneEdit(a, b []rune) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if i == len(a) {
		return len(a) != len(b) // equal words are no edit
	}
	if len(a) < len(b) {
		return runesEqual(a[i:], b[i+1:])
	}
	if runesEqual(a[i+1:], b[i+1:]) {
		return true
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && runesEqual(a[i+2:], b[i+2:])
}
