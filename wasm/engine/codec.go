package engine

import "errors"

// The compiled dataset's byte format: a magic string, then every field in a
// fixed order as unsigned LEB128 varints (signed values zig-zag encoded) and
// length-prefixed strings. Encode and Decode below are the only definition of
// the format; a test round-trips the real dataset through them.

const magic = "factcard-dataset-10\n"

// ErrCorrupt is returned for bytes that are not a compiled dataset.
var ErrCorrupt = errors.New("factcard: compiled dataset is corrupt or of another version")

type writer struct{ b []byte }

func (w *writer) uint(v uint64) {
	for v >= 0x80 {
		w.b = append(w.b, byte(v)|0x80)
		v >>= 7
	}
	w.b = append(w.b, byte(v))
}
func (w *writer) int(v int64)  { w.uint(uint64(v<<1) ^ uint64(v>>63)) }
func (w *writer) str(s string) { w.uint(uint64(len(s))); w.b = append(w.b, s...) }
func (w *writer) bool(v bool) {
	if v {
		w.uint(1)
	} else {
		w.uint(0)
	}
}
func (w *writer) strs(s []string) {
	w.uint(uint64(len(s)))
	for _, x := range s {
		w.str(x)
	}
}
func (w *writer) ints(s []int32) {
	w.uint(uint64(len(s)))
	for _, x := range s {
		w.int(int64(x))
	}
}

// runes are names: written as UTF-8, one byte a letter for Latin text.
func (w *writer) runes(s []rune) { w.str(string(s)) }

// wordLists numbers the distinct lists of context words among the patterns,
// from 1 (0 is no list): 8,700 patterns share about 900 lists, so each is
// written and decoded once and the patterns that share one share its slice.
// refs[i] are pattern i's Context and Unless lists by number.
func wordLists(ps []Pattern) (lists [][][]rune, refs [][2]int) {
	index := map[string]int{}
	refs = make([][2]int, len(ps))
	for i, p := range ps {
		for j, words := range [2][][]rune{p.Context, p.Unless} {
			if len(words) == 0 {
				continue
			}
			k := wordListKey(words)
			if index[k] == 0 {
				lists = append(lists, words)
				index[k] = len(lists)
			}
			refs[i][j] = index[k]
		}
	}
	return lists, refs
}

func wordListKey(words [][]rune) string {
	var k []rune
	for _, w := range words {
		k = append(append(k, w...), 0)
	}
	return string(k)
}

// reader reads from a string: decoded strings then point into the compiled
// dataset, which the wasm keeps in its data segment, without copies.
type reader struct {
	b   string
	err bool
}

func (r *reader) uint() uint64 {
	var v uint64
	for shift := uint(0); shift < 64; shift += 7 {
		if len(r.b) == 0 {
			r.err = true
			return 0
		}
		c := r.b[0]
		r.b = r.b[1:]
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	r.err = true
	return 0
}
func (r *reader) int() int64 { u := r.uint(); return int64(u>>1) ^ -int64(u&1) }
func (r *reader) count() int {
	n := r.uint()
	if n > uint64(len(r.b)) { // every element takes at least one byte
		r.err = true
		return 0
	}
	return int(n)
}
func (r *reader) str() string {
	n := r.count()
	s := r.b[:n]
	r.b = r.b[n:]
	return s
}
func (r *reader) bool() bool { return r.uint() != 0 }
func (r *reader) strs() []string {
	n := r.count()
	if n == 0 {
		return nil
	}
	s := make([]string, n)
	for i := range s {
		s[i] = r.str()
	}
	return s
}
func (r *reader) ints() []int32 {
	n := r.count()
	if n == 0 {
		return nil
	}
	s := make([]int32, n)
	for i := range s {
		s[i] = int32(r.int())
	}
	return s
}

// runes decodes a name into the next runes of arena, which holds every
// name's runes in one allocation: the dataset has some 12,000 names, and in
// WebAssembly an allocation each made decoding ten times slower than native.
func (r *reader) runes(arena *[]rune) []rune {
	s := r.str()
	if s == "" {
		return nil
	}
	a := *arena
	start := len(a)
	for _, c := range s {
		if len(a) == cap(a) {
			r.err = true // more runes than the header said
			return nil
		}
		a = append(a, c)
	}
	*arena = a
	return a[start:len(a):len(a)]
}

func (w *writer) events(evs []Event) {
	w.uint(uint64(len(evs)))
	for _, e := range evs {
		w.int(int64(e.Day))
		w.uint(uint64(e.Type))
		w.int(int64(e.Source))
		w.int(int64(e.By))
		w.str(e.Note)
	}
}

func (r *reader) events() []Event {
	n := r.count()
	if n == 0 {
		return nil
	}
	evs := make([]Event, n)
	for i := range evs {
		evs[i] = Event{Day: Day(r.int()), Type: EventType(r.uint()), Source: int32(r.int()), By: int32(r.int()), Note: r.str()}
		if int(evs[i].Type) >= len(eventNames) {
			r.err = true
		}
	}
	return evs
}

// Encode serializes the dataset.
func (d *Dataset) Encode() []byte {
	w := &writer{b: []byte(magic)}
	w.int(int64(d.AsOf))
	w.str(d.Hash)
	w.uint(uint64(len(d.Sources)))
	for _, s := range d.Sources {
		w.strs([]string{s.ID, s.Title, s.Publisher, s.URL, s.Citation, s.Kind})
		w.int(int64(s.Day))
	}
	w.uint(uint64(len(d.Entities)))
	for _, e := range d.Entities {
		w.strs([]string{e.ID, e.Name, e.Short, e.Summary, e.Title, e.Citation, e.Number, e.Authority, e.Basis, e.Effect, e.EffectShort})
		w.uint(uint64(e.Kind))
		w.bool(e.Sanction)
		w.int(int64(e.CheckedThrough))
		w.bool(e.Complete)
		w.int(int64(e.Source))
		w.events(e.Events)
		w.uint(uint64(len(e.Entries)))
		for _, en := range e.Entries {
			w.int(int64(en.List))
			w.str(en.AsListed)
			w.bool(en.EarlierUnknown)
			w.events(en.Events)
		}
		w.ints(e.Linked)
		for _, l := range [][]string{e.LegalNames, e.FormerNames, e.ChineseNames, e.Tickers, e.ISINs} {
			w.strs(l)
		}
	}
	w.ints(d.Lists)
	// Names are runes in one arena when decoded: its size comes first.
	lists, listRefs := wordLists(d.Patterns)
	runes := 0
	for _, p := range d.Patterns {
		runes += len(p.Exact)
	}
	for _, l := range lists {
		for _, c := range l {
			runes += len(c)
		}
	}
	w.uint(uint64(runes))
	w.uint(uint64(len(lists)))
	for _, l := range lists {
		w.uint(uint64(len(l)))
		for _, c := range l {
			w.runes(c)
		}
	}
	w.uint(uint64(len(d.Patterns)))
	for i, p := range d.Patterns {
		w.int(int64(p.Entity))
		w.uint(uint64(p.Case))
		w.runes(p.Exact)
		w.uint(uint64(listRefs[i][0])) // 0 for none
		w.uint(uint64(listRefs[i][1]))
		w.int(int64(p.Next))
		w.uint(uint64(p.Flags))
	}
	// The automaton: per state, its edge runes (the first, then the steps
	// between them) and its output; targets, depths and links follow from
	// the breadth-first numbering (Automaton.link).
	a := &d.Auto
	n := len(a.EdgeStart) - 1
	w.uint(uint64(n))
	for s := 0; s < n; s++ {
		lo, hi := a.EdgeStart[s], a.EdgeStart[s+1]
		w.uint(uint64(hi - lo))
		prev := int32(0)
		for _, r := range a.EdgeRune[lo:hi] {
			w.uint(uint64(r - prev))
			prev = r
		}
		w.uint(uint64(a.Out[s] + 1))
	}
	return w.b
}

// Decode reads a dataset that Encode wrote. It checks every index it reads,
// so that corrupt bytes give an error instead of a panic later.
func Decode(b string) (*Dataset, error) {
	if len(b) < len(magic) || b[:len(magic)] != magic {
		return nil, ErrCorrupt
	}
	r := &reader{b: b[len(magic):]}
	d := &Dataset{AsOf: Day(r.int()), Hash: r.str()}
	d.Sources = make([]Source, r.count())
	for i := range d.Sources {
		f := r.strs()
		if len(f) != 6 {
			return nil, ErrCorrupt
		}
		d.Sources[i] = Source{ID: f[0], Title: f[1], Publisher: f[2], URL: f[3], Citation: f[4], Kind: f[5], Day: Day(r.int())}
	}
	d.Entities = make([]Entity, r.count())
	for i := range d.Entities {
		f := r.strs()
		if len(f) != 11 {
			return nil, ErrCorrupt
		}
		e := Entity{ID: f[0], Name: f[1], Short: f[2], Summary: f[3], Title: f[4], Citation: f[5],
			Number: f[6], Authority: f[7], Basis: f[8], Effect: f[9], EffectShort: f[10]}
		e.Kind = Kind(r.uint())
		e.Sanction = r.bool()
		e.CheckedThrough = Day(r.int())
		e.Complete = r.bool()
		e.Source = int32(r.int())
		e.Events = r.events()
		if n := r.count(); n > 0 {
			e.Entries = make([]Entry, n)
		}
		for j := range e.Entries {
			e.Entries[j] = Entry{List: int32(r.int()), AsListed: r.str(), EarlierUnknown: r.bool(), Events: r.events()}
		}
		e.Linked = r.ints()
		e.LegalNames, e.FormerNames, e.ChineseNames, e.Tickers, e.ISINs = r.strs(), r.strs(), r.strs(), r.strs(), r.strs()
		if int(e.Kind) >= len(kindNames) {
			r.err = true
		}
		d.Entities[i] = e
	}
	d.Lists = r.ints()
	arena := make([]rune, 0, r.count()) // a rune takes a byte or more
	lists := make([][][]rune, r.count()+1)
	for i := 1; i < len(lists); i++ {
		lists[i] = make([][]rune, r.count())
		for j := range lists[i] {
			lists[i][j] = r.runes(&arena)
		}
	}
	list := func() [][]rune {
		i := r.uint()
		if i >= uint64(len(lists)) {
			r.err = true
			return nil
		}
		return lists[i]
	}
	d.Patterns = make([]Pattern, r.count())
	for i := range d.Patterns {
		p := Pattern{Entity: int32(r.int()), Case: CasePolicy(r.uint()), Exact: r.runes(&arena)}
		p.Context, p.Unless = list(), list()
		p.Next = int32(r.int())
		p.Flags = PatternFlags(r.uint())
		d.Patterns[i] = p
	}
	if !r.automaton(&d.Auto) {
		return nil, ErrCorrupt
	}
	if r.err || len(r.b) != 0 || !d.valid() {
		return nil, ErrCorrupt
	}
	d.BuildIndexes()
	return d, nil
}

// automaton reads what Encode wrote of the automaton and links it; false
// when the shape is not a breadth-first trie (every edge must lead to a
// later state, and there is one edge fewer than states).
func (r *reader) automaton(a *Automaton) bool {
	n := r.count()
	if n == 0 {
		return false
	}
	a.EdgeStart, a.Out = make([]int32, n+1), make([]int32, n)
	a.EdgeRune, a.EdgeTo = make([]int32, 0, n-1), make([]int32, 0, n-1) // a trie has one edge fewer than states
	for s := 0; s < n && !r.err; s++ {
		edges := int32(len(a.EdgeRune))
		if int(edges) < s {
			return false // an edge of state s would lead back to s or before
		}
		a.EdgeStart[s] = edges
		k := r.count()
		prev := rune(0)
		for j := 0; j < k; j++ {
			prev += rune(r.uint())
			a.EdgeRune = append(a.EdgeRune, prev)
			a.EdgeTo = append(a.EdgeTo, edges+int32(j)+1)
		}
		a.Out[s] = int32(r.uint()) - 1
	}
	if r.err || len(a.EdgeRune) != n-1 {
		return false
	}
	a.EdgeStart[n] = int32(len(a.EdgeRune))
	a.link()
	return true
}

// valid checks that every index in the dataset points where it may.
func (d *Dataset) valid() bool {
	ne, ns, np := int32(len(d.Entities)), int32(len(d.Sources)), int32(len(d.Patterns))
	in := func(i, n int32, optional bool) bool { return i >= 0 && i < n || optional && i == -1 }
	evsOK := func(evs []Event) bool {
		for _, e := range evs {
			if !in(e.Source, ns, true) || !in(e.By, ne, true) {
				return false
			}
		}
		return true
	}
	for _, e := range d.Entities {
		if !in(e.Source, ns, true) || !evsOK(e.Events) {
			return false
		}
		for _, en := range e.Entries {
			if !in(en.List, ne, false) || !evsOK(en.Events) {
				return false
			}
		}
		for _, l := range e.Linked {
			if !in(l, ne, false) {
				return false
			}
		}
	}
	for _, l := range d.Lists {
		if !in(l, ne, false) {
			return false
		}
	}
	for _, p := range d.Patterns {
		if !in(p.Entity, ne, false) || !in(p.Next, np, true) || int(p.Case) >= len(caseNames) {
			return false
		}
	}
	a := &d.Auto
	n := int32(len(a.Fail))
	if n == 0 || len(a.EdgeStart) != int(n)+1 || len(a.Out) != int(n) || len(a.Dict) != int(n) || len(a.Depth) != int(n) ||
		len(a.EdgeRune) != len(a.EdgeTo) || a.EdgeStart[n] != int32(len(a.EdgeTo)) {
		return false
	}
	for s := int32(0); s < n; s++ {
		if a.EdgeStart[s] < 0 || a.EdgeStart[s] > a.EdgeStart[s+1] || !in(a.Fail[s], n, false) ||
			!in(a.Out[s], np, true) || !in(a.Dict[s], n, true) {
			return false
		}
	}
	for _, t := range a.EdgeTo {
		if !in(t, n, false) {
			return false
		}
	}
	if len(a.Shallow) < 128 || len(a.Shallow)%128 != 0 {
		return false
	}
	for r, t := range a.Shallow[:128] {
		if !in(t, n, false) || t != 0 && a.step(0, rune(r)) != t {
			return false
		}
	}
	// The automaton's shape: depths grow by one along edges, failure and
	// dictionary links point to shallower states, and every pattern ending
	// at a state is as long as the state is deep. Find relies on all three
	// to compute match spans.
	if a.Depth[0] != 0 {
		return false
	}
	for s := int32(0); s < n; s++ {
		for e := a.EdgeStart[s]; e < a.EdgeStart[s+1]; e++ {
			if a.Depth[a.EdgeTo[e]] != a.Depth[s]+1 || e > a.EdgeStart[s] && a.EdgeRune[e-1] >= a.EdgeRune[e] {
				return false
			}
		}
		if s != 0 && a.Depth[a.Fail[s]] >= a.Depth[s] || a.Dict[s] >= 0 && a.Depth[a.Dict[s]] >= a.Depth[s] {
			return false
		}
		steps := 0
		for p := a.Out[s]; p >= 0; p = d.Patterns[p].Next {
			if steps++; steps > len(d.Patterns) || int32(len(d.Patterns[p].Exact)) != a.Depth[s] || a.Depth[s] == 0 {
				return false
			}
		}
	}
	return true
}
