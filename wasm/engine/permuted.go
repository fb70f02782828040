package engine

import "slices"

// Long names with their words in another order: "Huawei Holding &
// Investment Co." for Huawei Investment & Holding, "Beijing Zhongguancun
// Investment Development Center" for the listed "... Development
// Investment Center", "National Defense Technology University" for the
// National University of Defense Technology (blind part 5's word-order
// kind). A name of three words or more, less its legal forms and the small
// words between (of, and, &), is specific enough that the same words,
// capitalized, in a run of their own are that name in any order. As with
// misspelled long names, another candidate must stand near: the
// prefilter's second stage keys a name on its start, which a new order may
// not hold.

// permutedNames maps a bag of a name's words (permutedKey) to its pattern,
// -1 where two parties' names have the same words.
type permutedNames map[uint64]int32

// permutedMin and permutedMax bound the words of a name read in any order.
const permutedMin, permutedMax = 3, 8

// permutedSmall are the legal forms' words and the small words between a
// name's words, by wordHash: a word of a run that is not the name's own.
var permutedSmall = func() map[uint64]bool {
	out := map[uint64]bool{}
	for _, w := range [...]string{"of", "and", "&", "the", "de", "for", "co", "company", "corp", "corporation", "ltd",
		"limited", "inc", "incorporated", "llc", "plc", "pty", "group", "grp"} {
		out[wordHash([]rune(w))] = true
	}
	return out
}()

var permutedChina = [2]uint64{wordHash([]rune("china")), wordHash([]rune("chinese"))}

// permutedKey hashes a bag of words: the sum of their hashes, which no
// order changes, and their count.
func permutedKey(sum uint64, n int) uint64 { return sum*31 + uint64(n) }

func (d *Dataset) indexPermuted() permutedNames {
	out := permutedNames{}
	// short holds the words that make a bag distinct for the party whose
	// patterns come now (a party's patterns are consecutive): a slice of
	// a few hashes, read once per party, not a map per party.
	short, shortOf := []uint64(nil), int32(-1)
	for p := range d.Patterns {
		pat := &d.Patterns[p]
		if !d.Entities[pat.Entity].Kind.IsParty() || pat.Flags&(Blocker|FormRequired) != 0 || len(pat.Context) > 0 || !isLatin(pat.Exact[0]) {
			continue
		}
		// A name of ordinary words ("Quantum Science Research Center",
		// the place left out) reordered is anyone's: the bag must hold
		// China or a word of the party's short name ("Huawei",
		// "Zhongguancun").
		if shortOf != pat.Entity {
			short, shortOf = append(short[:0], permutedChina[0], permutedChina[1]), pat.Entity
			forEachWord([]rune(d.Entities[pat.Entity].Short), func(w []rune) {
				if h := wordHash(w); !permutedSmall[h] {
					short = append(short, h)
				}
			})
		}
		var sum uint64
		n, ok, distinct := 0, true, false
		forEachWord(pat.Exact, func(w []rune) {
			switch h := wordHash(w); {
			case permutedSmall[h]:
			case !isUpper(w[0]):
				ok = false
			default:
				sum += h
				n++
				distinct = distinct || slices.Contains(short, h)
			}
		})
		if !ok || !distinct || n < permutedMin || n > permutedMax {
			continue
		}
		k := permutedKey(sum, n)
		if q, seen := out[k]; !seen {
			out[k] = int32(p)
		} else if q >= 0 && d.Patterns[q].Entity != pat.Entity {
			out[k] = -1
		}
	}
	return out
}

// forEachWord calls fn with each run of word runes of s.
func forEachWord(s []rune, fn func(w []rune)) {
	for i := 0; i < len(s); {
		if !isWordRune(s[i]) && s[i] != '&' {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && isWordRune(s[j]) {
			j++
		}
		fn(s[i:j])
		i = j
	}
}

func (d *Dataset) permuted() permutedNames {
	if d.perm == nil {
		return d.indexPermuted()
	}
	return d.perm
}

// findPermuted returns a candidate for each run of capitalized words that
// is a long name in another order, near another candidate (cands sorted by
// start).
func (d *Dataset) findPermuted(t *Text, cands []candidate) []candidate {
	if len(cands) == 0 {
		return nil
	}
	x := t.Exact
	var pn permutedNames
	var out []candidate
	type word struct {
		start, end int
		hash       uint64
		content    bool
	}
	var run []word
	flush := func() {
		content := 0
		for _, w := range run {
			if w.content {
				content++
			}
		}
		if content < permutedMin {
			run = run[:0]
			return
		}
		for a := 0; a < len(run); a++ {
			if !run[a].content {
				continue
			}
			var sum uint64
			n, best := 0, -1
			var bestPattern int32
			for b := a; b < len(run) && n < permutedMax; b++ {
				if !run[b].content {
					continue
				}
				sum += run[b].hash
				n++
				if p, ok := pn[permutedKey(sum, n)]; ok && p >= 0 && n >= permutedMin {
					best, bestPattern = b, p
				}
			}
			if best < 0 {
				continue
			}
			s, e := run[a].start, run[best].end
			// A name written with its legal form is one only with a form
			// in the text too ("Alpha Trading Investments Limited"; its
			// words alone need context).
			formed := legalFormEnd(x, e)
			if hasLegalForm(d.Patterns[bestPattern].Exact) && formed == e && !slices.ContainsFunc(run[a:best], func(w word) bool { return !w.content && isLegalForm(x[w.start:w.end]) }) {
				continue
			}
			if d.candidateNear(cands, s, e) && inProse(x, s, e) {
				if d.Patterns[bestPattern].Flags&FormMayFollow != 0 || hasLegalForm(d.Patterns[bestPattern].Exact) {
					e = formed
				}
				out = append(out, candidate{start: int32(s), end: int32(e), pattern: bestPattern})
				for a < len(run) && run[a].start < e {
					a++
				}
				a--
			}
		}
		run = run[:0]
	}
	near := 0
	for i := 0; i < len(x); {
		if !isWordRune(x[i]) && x[i] != '&' {
			// A name's words are parted by spaces alone.
			if x[i] != ' ' && len(run) > 0 {
				flush()
			}
			i++
			continue
		}
		j := i + 1
		for j < len(x) && isWordRune(x[j]) {
			j++
		}
		if next := reach(cands, &near, i, longNameSpan, len(x)); next > j {
			// The words before it are too far from any candidate.
			if len(run) > 0 {
				flush()
			}
			i = next
			for i < len(x) && i > 0 && isWordRune(x[i-1]) {
				i++
			}
			continue
		}
		capital := isUpper(x[i]) && isLatin(x[i])
		if !capital && len(run) == 0 {
			i = j
			continue
		}
		h := wordHash(t.Folded[i:j])
		switch small := permutedSmall[h]; {
		case capital && !small:
			if pn == nil {
				pn = d.permuted()
			}
			run = append(run, word{start: i, end: j, hash: h, content: true})
		case len(run) > 0 && small:
			run = append(run, word{start: i, end: j})
		case len(run) > 0:
			flush()
		}
		i = j
	}
	if len(run) > 0 {
		flush()
	}
	return out
}

// hasLegalForm: one of name's words is a legal form.
func hasLegalForm(name []rune) bool {
	found := false
	forEachWord(name, func(w []rune) { found = found || isLegalForm(w) })
	return found
}
