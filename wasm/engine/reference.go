package engine

// FindNaive is the reference matcher that Find is tested against (and
// benchmarked against): it tries every name at every position, with no
// automaton, then applies the same checks and the same leftmost-longest
// choice. The widget never calls it, so it is not linked into the wasm.
func (d *Dataset) FindNaive(s string) []Mention {
	t := Normalize(s)
	// Patterns with the same folded text are chained; the chain's head
	// stands for all of them, as in the automaton.
	head := make([]bool, len(d.Patterns))
	for i := range head {
		head[i] = true
	}
	for _, p := range d.Patterns {
		if p.Next >= 0 {
			head[p.Next] = false
		}
	}
	var cands []candidate
	for i := range t.Folded {
		for pi := range d.Patterns {
			p := &d.Patterns[pi]
			if !head[pi] || i+len(p.Exact) > len(t.Folded) {
				continue
			}
			same := true
			for k, r := range p.Exact {
				if lower(r) != t.Folded[i+k] {
					same = false
					break
				}
			}
			if same {
				cands = d.consider(cands, t, int32(pi), int32(i), int32(i+len(p.Exact)))
			}
		}
	}
	return d.choose(t, cands)
}
