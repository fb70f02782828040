package engine

import "slices"

// Misspellings (docs/matching.md, "Misspellings"): the press prints brands
// with a letter dropped, doubled or swapped ("Hauwei", "Hikvison",
// "Xiaommi"), a letter for one that sounds the same ("Norinko", "Huawey"),
// or with a space inside ("Hik vision"). Rather than list every
// misspelling, the matcher compares capitalized words with the one-word
// brands of six letters or more (the LowerOK patterns) after the exact pass:
// a word at one edit from a brand, with the brand's first letter, is a
// mention marked Misspelled, and the card and the report say what the text
// wrote. Real names sit one edit from short brands (Xiaomin, Xiaomei and
// Xiami beside Xiaomi), so the edits allowed alone grow with the brand's
// length: two letters swapped, a letter doubled or a double written once,
// and a letter (or a doubled letter) for one of the same sound in any
// brand, a vowel for a vowel inside it; a letter dropped from seven letters
// on; any letter added or substituted from eight. Two edits that are
// likelier slips than names only when the article also names the brand
// correctly nearby (fullNameWindow before, contextWindow after), another
// listed party, or a list, an order or a law: a letter dropped from a
// six-letter brand
// ("Huawei ... Huwei's lawyers", "Huwei was added to the Entity List") and
// a brand shorter than eight letters split into two capitalized words
// ("Tencent ... Ten Cent shares"; joinedWord).

const (
	minFuzzyRunes      = 6 // shorter brands have too many words one edit away
	minSubstituteRunes = 8
	// minSwapRunes: a five-letter brand with two letters swapped ("Dahau",
	// five times in the blind parts) is a slip when vouched for; no other
	// edit of so short a brand is read.
	minSwapRunes = 5
)

// edit is how a word relates to a brand it may misspell.
type edit uint8

const (
	noEdit      edit = iota
	editAlone        // a misspelling on its own
	editVouched      // a misspelling if the brand is named correctly nearby
)

// fuzzyTargets indexes the brands by their folded first letter.
type fuzzyTargets [128][]int32

func (d *Dataset) fuzzyTargets() *fuzzyTargets {
	var ft fuzzyTargets
	for i := range d.Patterns {
		p := &d.Patterns[i]
		if p.Flags&LowerOK == 0 && !gatedBrand(p) || len(p.Exact) < minSwapRunes {
			continue
		}
		if f := lower(p.Exact[0]); f < 128 {
			ft[f] = append(ft[f], int32(i))
		}
	}
	return &ft
}

// gatedBrand: a one-word brand in title case that needs a context word
// ("Dahua": also a place and a name). Its misspellings need one too.
func gatedBrand(p *Pattern) bool {
	if len(p.Context) == 0 || p.Case != CaseTitle || len(p.Exact) == 0 || p.Exact[0] < 'A' || p.Exact[0] > 'Z' {
		return false
	}
	for _, r := range p.Exact[1:] {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// MisspellingTargets returns the brands a misspelling may stand for, in
// lower case: the widget's prefilter (build/prefilter.go) lets through a
// text with a word near one of them, so that it never drops a text where
// findMisspelled would find a mention.
func (d *Dataset) MisspellingTargets() []string {
	var out []string
	for _, list := range d.fuzzyTargets() {
		for _, pi := range list {
			name := d.Patterns[pi].Exact
			b := make([]rune, len(name))
			for i, r := range name {
				b[i] = lower(r)
			}
			out = append(out, string(b))
		}
	}
	return out
}

// findMisspelled adds mentions for capitalized words (or two words joined)
// that are one edit from a brand, where no mention is already.
func (d *Dataset) findMisspelled(t *Text, found []candidate) []candidate {
	var ft *fuzzyTargets
	x, f := t.Exact, t.Folded
	next := 0 // index into found, which is sorted and without overlap
	var out, pending []candidate
	for i := 0; i < len(x); i++ {
		// A word's start is a capital, or a small letter before one as
		// brands write it ("iFytek" for iFlytek; real excerpts, December
		// 2026).
		if r := x[i]; (r < 'A' || r > 'Z') && !(r >= 'a' && r <= 'z' && i+1 < len(x) && x[i+1] >= 'A' && x[i+1] <= 'Z') || i > 0 && isWordRune(x[i-1]) || i > 1 && x[i-1] == '\'' && isWordRune(x[i-2]) {
			continue // not a word's start, or a name's after O' or d'
		}
		if ft == nil {
			ft = d.fuzzyTargets()
		}
		if len(ft[f[i]]) == 0 {
			continue
		}
		j := i + 1
		for j < len(x) && isWordRune(x[j]) {
			j++
		}
		for next < len(found) && found[next].end <= int32(i) {
			next++
		}
		if next < len(found) && found[next].start < int32(j) || j-i > 16 {
			i = j
			continue
		}
		// The lengths a brand may have: one edit from this word, or this
		// word and the next one joined.
		joined := -1
		if j+1 < len(x) && x[j] == ' ' {
			k := j + 1
			for k < len(x) && isWordRune(x[k]) {
				k++
			}
			joined = k - i - 1
		}
		capitals := allCaps(x[i:j])
		// A capital inside the word that the brand has not ("UniTre" for
		// Unitree) is another name's spelling, not a slip.
		innerCapital := !capitals && slices.ContainsFunc(x[i+1:j], isUpper)
		for _, pi := range ft[f[i]] {
			p := &d.Patterns[pi]
			if n := len(p.Exact); (n < j-i-1 || n > j-i+1) && n != joined {
				continue // neither could spell it: skip the checks below
			}
			end, how := -1, noEdit
			if capitals && !allCaps(p.Exact) {
				continue // a ticker ("BIDU", "HSAI"), not a slip of the brand's spelling
			}
			if innerCapital && !slices.ContainsFunc(p.Exact[1:], isUpper) {
				continue
			}
			if j-i >= minSwapRunes {
				how = oneEdit(f[i:j], p.Exact)
				end = j
			}
			if how == noEdit && len(p.Exact) >= minFuzzyRunes { // a five-letter brand in two words is a name ("He Sai", "Da Hua")
				if e, h := joinedWord(x, f, i, j, p.Exact); e > 0 && (next >= len(found) || found[next].start >= int32(e)) {
					end, how = e, h
				}
			}
			if how != noEdit && len(p.Context) > 0 {
				// A gated brand's slip needs its context word and to be
				// vouched for: its context words are generic ("GPU",
				// "chip" for Biren: "Matt O'Brien ... Nvidia's GPU").
				if !hasContextOutside(f, i, end, p.Context) || len(p.Unless) > 0 && hasContext(f, i, end, p.Unless) {
					how = noEdit
				} else {
					how = editVouched
				}
			}
			if how == editVouched && !d.vouchedNear(found, i, end) {
				// Another misspelling may vouch for it ("Hik Vision and
				// Dahau cameras"): decided after this pass.
				if inProse(x, i, end) && !foreignAppositive(x, i, end) && !institutionFollows(x, end) && !corporateNounFollows(x, end) && !d.Auto.isName(f[i:end]) {
					pending = append(pending, candidate{start: int32(i), end: int32(end), pattern: pi, misspelled: true})
				}
				how = noEdit
			}
			// The namesake rules of exact names hold for misspelled ones
			// ("Sense Time, a Danish watch brand"; "Hik Vision Park").
			// A span that is itself a name the dataset gives ("Sense Time",
			// which SenseTime's data gates by context) was decided by the
			// exact pass and its rules.
			if how != noEdit && inProse(x, i, end) && !foreignAppositive(x, i, end) && !institutionFollows(x, end) && !corporateNounFollows(x, end) && !d.Auto.isName(f[i:end]) {
				out = append(out, candidate{start: int32(i), end: int32(end), pattern: pi, misspelled: true})
				j = end
				break
			}
		}
		i = j
	}
	if len(pending) > 0 && len(out) > 0 {
		all := slices.Concat(found, out)
		slices.SortFunc(all, func(a, b candidate) int { return int(a.start - b.start) })
		// out and pending are both in text order and apart: one walk
		// tells whether a pending word overlaps a mention already made.
		n, k := len(out), 0
		for _, c := range pending {
			for k < n && out[k].end <= c.start {
				k++
			}
			if (k == n || out[k].start >= c.end) && d.vouchedNear(all, int(c.start), int(c.end)) {
				out = append(out, c)
			}
		}
		slices.SortFunc(out, func(a, b candidate) int { return int(a.start - b.start) })
	}
	return out
}

// vouchedNear reports whether found (sorted by start) holds, starting
// within fullNameWindow before [a, b) or contextWindow after it (as
// context-gated names are vouched for: find.go, choose), a mention of a
// party (the brand's own included) or of a list, an order or a law: a story
// about a designation or a listed party makes a near-miss of a listed brand
// a slip rather than a namesake ("Huwei was added to the Entity List",
// "Hik Vision and Dahau cameras"). Another misspelling counts too
// (findMisspelled decides those after its pass).
func (d *Dataset) vouchedNear(found []candidate, a, b int) bool {
	return d.mentionNear(found, a, b, func(m int32) bool {
		kind := d.Entities[m].Kind
		return kind == KindList || kind == KindOrder || kind == KindLaw || kind.IsParty()
	})
}

// mentionNear reports whether found (sorted by start) holds a mention (no
// blocker) starting within fullNameWindow before [a, b) or contextWindow
// after it, of an entity that ok accepts.
func (d *Dataset) mentionNear(found []candidate, a, b int, ok func(entity int32) bool) bool {
	k, _ := slices.BinarySearchFunc(found, int32(a-fullNameWindow), func(c candidate, start int32) int { return int(c.start - start) })
	for ; k < len(found) && found[k].start <= int32(b+contextWindow); k++ {
		if p := &d.Patterns[found[k].pattern]; p.Flags&Blocker == 0 && ok(p.Entity) {
			return true
		}
	}
	return false
}

// joinedWord: the word at [i, j) and the next one, joined, spell the name;
// returns the end of the second word and how sure the join is, or 0. A
// lower-case second part ("Hik vision") is a split brand, except at the
// start of a sentence, where the capital says nothing and two ordinary
// words ("Ten cent coins") are likelier. Two capitalized words are often a
// name of their own ("Ten Cent"): a split brand only when the article
// names the brand correctly nearby, and never before a third capitalized
// word ("Ten Cent Store"); a brand of eight letters or more ("Hik Vision",
// "Kasper Sky") also alone, unless a capitalized word stands before it
// ("Professor Loong Son").
func joinedWord(x, f []rune, i, j int, name []rune) (int, edit) {
	if j+1 >= len(x) || x[j] != ' ' || j-i >= len(name) {
		return 0, noEdit
	}
	how := editAlone
	if !isLower(x[j+1]) {
		how = editVouched
	} else if sentenceStart(x, i) {
		return 0, noEdit
	}
	for n := i; n < j; n++ {
		if f[n] != lower(name[n-i]) {
			return 0, noEdit
		}
	}
	k := j + 1
	for k < len(x) && isWordRune(x[k]) {
		k++
	}
	if (j-i)+(k-j-1) != len(name) {
		return 0, noEdit
	}
	if how == editVouched {
		if k+1 < len(x) && x[k] == ' ' && isUpper(x[k+1]) {
			return 0, noEdit // a third capitalized word: a name of its own ("Ten Cent Store")
		}
		if len(name) >= minSubstituteRunes && !capitalizedWordBefore(x, i) {
			how = editAlone
		}
	}
	for n, r := range name {
		at := i + n
		if n >= j-i {
			at++ // past the space
		}
		if f[at] != lower(r) {
			return 0, noEdit
		}
	}
	return k, how
}

// capitalizedWordBefore reports whether a capitalized word ends one space
// before i.
func capitalizedWordBefore(x []rune, i int) bool {
	if i < 2 || x[i-1] != ' ' || !isWordRune(x[i-2]) {
		return false
	}
	return isUpper(x[wordStart(x, i-1)])
}

// wordStart returns where the word that ends at end starts.
func wordStart(x []rune, end int) int {
	for end > 0 && isWordRune(x[end-1]) {
		end--
	}
	return end
}

// sentenceStart reports whether the word at i begins the text, a sentence or
// a quotation.
func sentenceStart(x []rune, i int) bool {
	k := i - 1
	for k >= 0 && x[k] == ' ' {
		k--
	}
	if k < 0 {
		return true
	}
	switch x[k] {
	case '.', '!', '?', ':', '"', '\'', '(', '\n':
		return true
	}
	return false
}

// oneEdit says whether word (folded) is one edit from name, never touching
// the first letter and never equal to it, and whether that edit is a
// misspelling alone or only beside the name written correctly.
func oneEdit(word, name []rune) edit {
	a, b := len(word), len(name)
	if a-b > 1 || b-a > 1 || a < 2 || word[0] != lower(name[0]) {
		return noEdit
	}
	long := b >= minSubstituteRunes
	i := 0
	for i < a && i < b && word[i] == lower(name[i]) {
		i++
	}
	if i == a && i == b {
		return noEdit // the same word: the exact pass decided
	}
	rest := func(wi, ni int) bool {
		if a-wi != b-ni {
			return false
		}
		for k := 0; wi+k < a; k++ {
			if word[wi+k] != lower(name[ni+k]) {
				return false
			}
		}
		return true
	}
	alone := func(ok bool) edit {
		if ok {
			return editAlone
		}
		return noEdit
	}
	switch {
	case a == b+1:
		// A letter doubled ("Xiaommi"); another letter added only in a
		// long brand: "Xiaomin" and "Xiaomei" are given names.
		return alone((long || word[i] == word[i-1]) && rest(i+1, i))
	case a+1 == b:
		if !rest(i, i+1) {
			return noEdit
		}
		// A double written once ("Megvi"), the mirror of a letter
		// doubled, and another letter dropped: the blind-labelled parts
		// found "Xiomi" and "Xaomi" in product reviews with no list or
		// party near, four times in three parts. The words one letter
		// short of a brand that are names of their own are the brand's
		// not-names ("Xiami", another company; "Huwei Township"), which
		// the exact pass finds first.
		return editAlone
	}
	swapped := i+1 < a && word[i] == lower(name[i+1]) && word[i+1] == lower(name[i]) && rest(i+2, i+2)
	if b < minFuzzyRunes {
		if swapped && a == b {
			return editVouched
		}
		return noEdit
	}
	if swapped {
		return editAlone // two letters swapped
	}
	// A doubled letter for a doubled letter of the same sound ("Megvee").
	if i+1 < b && lower(name[i]) == lower(name[i+1]) && word[i] == word[i+1] && soundAlike(word[i], lower(name[i])) && rest(i+2, i+2) {
		return editAlone
	}
	if !rest(i+1, i+1) {
		return noEdit
	}
	// One letter for another: any letter in a long brand; a letter of the
	// same sound anywhere ("Norinko", "Huawey"); in a shorter brand a vowel
	// for a vowel inside the word ("Luokong", "Huawai"), the commonest slip
	// of transliteration, while the ending keeps its sound ("Xiaoma" is a
	// name of its own).
	return alone(long || soundAlike(word[i], lower(name[i])) || i+1 < b && isVowel(word[i]) && isVowel(lower(name[i])))
}

// soundAlike: two letters that English spelling of Chinese and Russian
// names uses for the same sound.
func soundAlike(r, s rune) bool {
	return soundClass(r) != 0 && soundClass(r) == soundClass(s)
}

func soundClass(r rune) uint8 {
	switch r {
	case 'c', 'k', 'q':
		return 1
	case 'i', 'y', 'e':
		return 2
	case 's', 'z':
		return 3
	case 'v', 'w':
		return 4
	}
	return 0
}

func isVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}
