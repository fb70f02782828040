package engine

import (
	"slices"
	"unicode/utf8"
)

// Mention is a name found in text. Start and End are UTF-16 offsets into the
// original text; Entity and Pattern index the dataset.
type Mention struct {
	Entity  int32
	Pattern int32
	Start   int32
	End     int32
}

// contextWindow is how many runes on each side of an ambiguous name are
// searched for one of its context words.
const contextWindow = 100

// longTokenRunes: a name inside a run of non-space characters this long is
// part of a URL, a hash or a base64 blob, not prose.
const longTokenRunes = 40

// Find returns the mentions in s, leftmost-longest and without overlap: among
// the candidates that pass their checks, the earliest start wins, and at the
// same start the longest ("China Mobile Communications Group" over "China
// Mobile").
func (d *Dataset) Find(s string) []Mention {
	return d.FindText(Normalize(s))
}

// FindText is Find on text already normalized.
func (d *Dataset) FindText(t *Text) []Mention {
	type cand struct{ start, end, pattern int32 }
	var cands []cand
	a := &d.Auto
	state := int32(0)
	for i, r := range t.Folded {
		state = a.next(state, r)
		for s := state; s >= 0; s = a.Dict[s] {
			if a.Out[s] < 0 {
				continue
			}
			end := int32(i + 1)
			start := end - a.Depth[s]
			for p := a.Out[s]; p >= 0; p = d.Patterns[p].Next {
				if d.accept(t, &d.Patterns[p], int(start), int(end)) {
					cands = append(cands, cand{start, end, p})
					break // same text, same span: the first accepted pattern decides
				}
			}
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if a.start != b.start {
			return int(a.start - b.start)
		}
		return int(b.end - a.end)
	})
	var out []Mention
	covered := int32(0)
	for _, c := range cands {
		if c.start < covered {
			continue
		}
		out = append(out, Mention{Entity: d.Patterns[c.pattern].Entity, Pattern: c.pattern, Start: t.Start[c.start], End: t.End[c.end-1]})
		covered = c.end
	}
	return out
}

// accept applies a pattern's checks to a match of its folded text at [a, b).
func (d *Dataset) accept(t *Text, p *Pattern, a, b int) bool {
	first, last := p.Exact[0], p.Exact[len(p.Exact)-1]
	if isWordRune(first) && a > 0 && isWordRune(t.Exact[a-1]) {
		return false
	}
	if isWordRune(last) && b < len(t.Exact) && isWordRune(t.Exact[b]) && !genitive(p, t.Exact, b) {
		return false
	}
	if !caseAgrees(p, t.Exact[a:b]) {
		return false
	}
	if !isCJK(first) && !inProse(t.Exact, a, b) {
		return false
	}
	if len(p.Context) > 0 && !hasContext(t.Folded, a, b, p.Context) {
		return false
	}
	if len(p.Unless) > 0 && hasContext(t.Folded, a, b, p.Unless) {
		return false
	}
	return true
}

// genitive accepts the German and Scandinavian genitive "s" written without
// an apostrophe ("Huaweis Umsatz"): one "s" after a name of four letters or
// more that ends in a lowercase letter. The mark stays on the name.
func genitive(p *Pattern, x []rune, b int) bool {
	last := p.Exact[len(p.Exact)-1]
	return len(p.Exact) >= 4 && isLower(last) && x[b] == 's' && (b+1 == len(x) || !isWordRune(x[b+1]))
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
	if allCaps(text) {
		return true
	}
	// Capitals in the name must be capitals in the text; a headline may
	// capitalize what the name writes in lower case ("CCMC List").
	for i, r := range p.Exact {
		initial := isWordRune(r) && (i == 0 || !isWordRune(p.Exact[i-1]))
		if initial && isUpper(r) && !isUpper(text[i]) {
			return false
		}
	}
	return true
}

// inProse rejects names that are part of a URL, a path, an address, a
// ticker written with an index prefix (".DJI", "^DJI" are the Dow Jones
// index), an identifier, or a long token such as a hash or base64 data. A
// slash between two names ("Huawei/ZTE") is prose.
func inProse(x []rune, a, b int) bool {
	if a > 0 {
		switch x[a-1] {
		case '.', '^', '$', '#', '@', '\\', '_', '=', '&', '?', '%':
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
		for ts > 0 && x[ts-1] != ' ' && at-ts <= longTokenRunes {
			ts--
		}
		for te < len(x) && x[te] != ' ' && te-at <= longTokenRunes {
			te++
		}
		if looksLikeAddress(x[ts:te]) {
			return false
		}
	}
	return true
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
	lo, hi := a-contextWindow, b+contextWindow
	if lo < 0 {
		lo = 0
	}
	if hi > len(folded) {
		hi = len(folded)
	}
	window := folded[lo:hi]
	for _, c := range contexts {
		for i := 0; i+len(c) <= len(window); i++ {
			if runesEqual(window[i:i+len(c)], c) {
				return true
			}
		}
	}
	return false
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
