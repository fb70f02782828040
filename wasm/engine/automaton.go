package engine

import "slices"

// Automaton is an Aho-Corasick automaton over folded runes, stored as flat
// arrays so that it can be serialized at build time and used in place.
// State 0 is the root. Edges of state s are EdgeRune/EdgeTo[EdgeStart[s]:
// EdgeStart[s+1]], sorted by rune for binary search. docs/matching.md says
// why it is hand-written.
type Automaton struct {
	EdgeStart []int32
	EdgeRune  []int32
	EdgeTo    []int32
	Fail      []int32
	Out       []int32 // first pattern whose folded text ends exactly here, -1 if none
	Dict      []int32 // nearest state on the failure chain with Out >= 0, -1 if none
	Depth     []int32 // length in runes of the path to the state
	// Shallow is the full transition of the shallowest states (the root
	// and its children and grandchildren, numbered first) for each ASCII
	// rune, failure links already followed: Shallow[s<<7|r]. Most steps of
	// a text start in or fall back to one of them, so this turns the
	// commonest step into one load (docs/matching.md, "The automaton").
	Shallow []int32
}

// shallowDepth: states this deep or less get a row of Shallow. Depth 2 is
// 686 states, 350 KB, built in a few milliseconds; depth 3 would be 1.8k
// states for little more speed.
const shallowDepth = 2

// BuildAutomaton builds the automaton for the folded patterns. Patterns with
// identical folded text share a state: the caller chains them with
// Pattern.Next, and Out holds the first of them.
//
// States are numbered breadth-first and edges are stored in that order, so
// the target of edge e is state e+1: the encoded dataset stores only each
// state's edge runes and output, and Decode recomputes the rest with link.
func BuildAutomaton(folded [][]rune, first []int32) Automaton {
	type node struct {
		next map[rune]int32
		out  int32
	}
	nodes := []node{{next: map[rune]int32{}, out: -1}}
	for p, f := range folded {
		s := int32(0)
		for _, r := range f {
			t, ok := nodes[s].next[r]
			if !ok {
				t = int32(len(nodes))
				nodes = append(nodes, node{next: map[rune]int32{}, out: -1})
				nodes[s].next[r] = t
			}
			s = t
		}
		if first[p] >= 0 {
			nodes[s].out = first[p]
		}
	}
	n := len(nodes)
	a := Automaton{EdgeStart: make([]int32, n+1), Out: make([]int32, n)}
	order := []int32{0} // old state numbers in breadth-first order
	for i := 0; i < len(order); i++ {
		old := &nodes[order[i]]
		a.EdgeStart[i] = int32(len(a.EdgeRune))
		runes := make([]rune, 0, len(old.next))
		for r := range old.next {
			runes = append(runes, r)
		}
		slices.Sort(runes)
		for _, r := range runes {
			a.EdgeRune = append(a.EdgeRune, r)
			a.EdgeTo = append(a.EdgeTo, int32(len(order)))
			order = append(order, old.next[r])
		}
		a.Out[i] = old.out
	}
	a.EdgeStart[n] = int32(len(a.EdgeRune))
	a.link()
	return a
}

// link computes what the edges determine: each state's depth, failure and
// dictionary links (the longest proper suffix that is a path from the root,
// and the nearest one of those with an output), and the table of Shallow.
// States are numbered breadth-first, so a state's parent and every state its
// failure link can reach come before it.
func (a *Automaton) link() {
	n := len(a.EdgeStart) - 1
	a.Fail, a.Dict, a.Depth = make([]int32, n), make([]int32, n), make([]int32, n)
	a.Dict[0] = -1
	for s := int32(0); s < int32(n); s++ {
		for e := a.EdgeStart[s]; e < a.EdgeStart[s+1]; e++ {
			r, t := a.EdgeRune[e], a.EdgeTo[e]
			a.Depth[t] = a.Depth[s] + 1
			if s == 0 {
				a.Fail[t], a.Dict[t] = 0, -1
				continue
			}
			f := a.Fail[s]
			for {
				if g := a.step(f, r); g >= 0 {
					f = g
					break
				}
				if f == 0 {
					break
				}
				f = a.Fail[f]
			}
			a.Fail[t] = f
			if a.Out[f] >= 0 {
				a.Dict[t] = f
			} else {
				a.Dict[t] = a.Dict[f]
			}
		}
	}
	a.shallowTable()
}

// shallowTable fills Shallow. A state's failure link is shallower, so its
// row is done before the state's own.
func (a *Automaton) shallowTable() {
	n := int32(0)
	for n < int32(len(a.Depth)) && a.Depth[n] <= shallowDepth {
		n++
	}
	a.Shallow = make([]int32, n<<7)
	for s := int32(0); s < n; s++ {
		// Where s has no edge for r, it goes where its failure link goes
		// (the root stays at the root, the zeros it starts with).
		row := a.Shallow[s<<7 : (s+1)<<7]
		if s != 0 {
			copy(row, a.Shallow[a.Fail[s]<<7:(a.Fail[s]+1)<<7])
		}
		for e := a.EdgeStart[s]; e < a.EdgeStart[s+1] && a.EdgeRune[e] < 128; e++ {
			row[a.EdgeRune[e]] = a.EdgeTo[e]
		}
	}
}

// isName reports whether folded is exactly the folded text of a pattern.
func (a *Automaton) isName(folded []rune) bool {
	s := int32(0)
	for _, r := range folded {
		if s = a.step(s, r); s < 0 {
			return false
		}
	}
	return a.Out[s] >= 0
}

// step follows the edge for r from s, -1 if there is none.
func (a *Automaton) step(s int32, r rune) int32 {
	lo, hi := a.EdgeStart[s], a.EdgeStart[s+1]
	if hi-lo <= 8 {
		// Most states have a few edges: a scan beats a binary search.
		for e := lo; e < hi; e++ {
			if a.EdgeRune[e] == r {
				return a.EdgeTo[e]
			}
		}
		return -1
	}
	if i, ok := slices.BinarySearch(a.EdgeRune[lo:hi], r); ok {
		return a.EdgeTo[lo+int32(i)]
	}
	return -1
}

// next is the automaton's transition function.
func (a *Automaton) next(s int32, r rune) int32 {
	for {
		if r < 128 && int(s)<<7 < len(a.Shallow) {
			return a.Shallow[s<<7|r]
		}
		if t := a.step(s, r); t >= 0 {
			return t
		}
		if s == 0 {
			return 0
		}
		s = a.Fail[s]
	}
}
