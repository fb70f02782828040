package engine

import "slices"

// FindNaive is the reference matcher that Find is tested against (and
// benchmarked against): it tries every name at every position, with no
// automaton, then applies the same checks and the same leftmost-longest
// choice. The widget never calls it, so it is not linked into the wasm.
func (d *Dataset) FindNaive(s string) []Mention {
	t := Normalize(s)
	type cand struct{ start, end, pattern int }
	var cands []cand
	for i := range t.Folded {
		for pi := range d.Patterns {
			p := &d.Patterns[pi]
			if i+len(p.Exact) > len(t.Folded) {
				continue
			}
			same := true
			for k, r := range p.Exact {
				if lower(r) != t.Folded[i+k] {
					same = false
					break
				}
			}
			if same && d.accept(t, p, i, i+len(p.Exact)) {
				cands = append(cands, cand{i, i + len(p.Exact), pi})
			}
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if a.start != b.start {
			return a.start - b.start
		}
		if a.end != b.end {
			return b.end - a.end
		}
		return a.pattern - b.pattern
	})
	var out []Mention
	covered := 0
	for _, c := range cands {
		if c.start < covered {
			continue
		}
		out = append(out, Mention{Entity: d.Patterns[c.pattern].Entity, Pattern: int32(c.pattern), Start: t.Start[c.start], End: t.End[c.end-1]})
		covered = c.end
	}
	return out
}
