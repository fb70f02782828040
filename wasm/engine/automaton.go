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
	// RootASCII is the root's transition for each ASCII rune (0 when there
	// is no edge): most text falls back to the root, so this turns the
	// commonest step into one load.
	RootASCII []int32
}

// BuildAutomaton builds the automaton for the folded patterns. Patterns with
// identical folded text share a state: the caller chains them with
// Pattern.Next, and Out holds the first of them.
func BuildAutomaton(folded [][]rune, first []int32) Automaton {
	type node struct {
		next  map[rune]int32
		out   int32
		depth int32
	}
	nodes := []node{{next: map[rune]int32{}, out: -1}}
	for p, f := range folded {
		s := int32(0)
		for _, r := range f {
			t, ok := nodes[s].next[r]
			if !ok {
				t = int32(len(nodes))
				nodes = append(nodes, node{next: map[rune]int32{}, out: -1, depth: nodes[s].depth + 1})
				nodes[s].next[r] = t
			}
			s = t
		}
		if first[p] >= 0 {
			nodes[s].out = first[p]
		}
	}
	n := len(nodes)
	a := Automaton{
		EdgeStart: make([]int32, n+1),
		Fail:      make([]int32, n),
		Out:       make([]int32, n),
		Dict:      make([]int32, n),
		Depth:     make([]int32, n),
	}
	for s := range nodes {
		a.EdgeStart[s] = int32(len(a.EdgeRune))
		runes := make([]rune, 0, len(nodes[s].next))
		for r := range nodes[s].next {
			runes = append(runes, r)
		}
		slices.Sort(runes)
		for _, r := range runes {
			a.EdgeRune = append(a.EdgeRune, r)
			a.EdgeTo = append(a.EdgeTo, nodes[s].next[r])
		}
		a.Out[s] = nodes[s].out
		a.Depth[s] = nodes[s].depth
	}
	a.EdgeStart[n] = int32(len(a.EdgeRune))
	a.RootASCII = make([]int32, 128)
	for e := a.EdgeStart[0]; e < a.EdgeStart[1]; e++ {
		if r := a.EdgeRune[e]; r < 128 {
			a.RootASCII[r] = a.EdgeTo[e]
		}
	}
	// Breadth-first: failure links point to the longest proper suffix that
	// is also a path from the root.
	a.Dict[0] = -1
	queue := []int32{}
	for e := a.EdgeStart[0]; e < a.EdgeStart[1]; e++ {
		t := a.EdgeTo[e]
		a.Fail[t] = 0
		a.Dict[t] = -1
		queue = append(queue, t)
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for e := a.EdgeStart[s]; e < a.EdgeStart[s+1]; e++ {
			r, t := a.EdgeRune[e], a.EdgeTo[e]
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
			queue = append(queue, t)
		}
	}
	return a
}

// step follows the edge for r from s, -1 if there is none.
func (a *Automaton) step(s int32, r rune) int32 {
	lo, hi := a.EdgeStart[s], a.EdgeStart[s+1]
	if i, ok := slices.BinarySearch(a.EdgeRune[lo:hi], r); ok {
		return a.EdgeTo[lo+int32(i)]
	}
	return -1
}

// next is the automaton's transition function.
func (a *Automaton) next(s int32, r rune) int32 {
	for s != 0 {
		if t := a.step(s, r); t >= 0 {
			return t
		}
		s = a.Fail[s]
	}
	if r < 128 {
		return a.RootASCII[r]
	}
	if t := a.step(0, r); t >= 0 {
		return t
	}
	return 0
}
