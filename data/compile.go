package data

import (
	"slices"
	"sort"

	"factcard/wasm/engine"
)

// Compile turns a validated dataset into the engine's form, automaton
// included, so that nothing is parsed or built when a page loads.
func Compile(d *Dataset) *engine.Dataset {
	asOf, _ := engine.ParseDay(d.Meta.AsOf)
	out := &engine.Dataset{AsOf: asOf, Hash: d.Hash}

	srcs := append([]*Source(nil), d.Sources...)
	sort.Slice(srcs, func(i, j int) bool { return srcs[i].ID < srcs[j].ID })
	srcIdx := map[string]int32{}
	for i, s := range srcs {
		day, _ := engine.ParseDay(s.Date)
		srcIdx[s.ID] = int32(i)
		out.Sources = append(out.Sources, engine.Source{ID: s.ID, Title: s.Title, Publisher: s.Publisher, URL: s.URL, Citation: s.Citation, Kind: s.Kind, Day: day})
	}
	ents := append([]*Entity(nil), d.Entities...)
	sort.Slice(ents, func(i, j int) bool { return ents[i].ID < ents[j].ID })
	entIdx := map[string]int32{}
	for i, e := range ents {
		entIdx[e.ID] = int32(i)
	}
	ref := func(m map[string]int32, id string) int32 {
		if id == "" {
			return -1
		}
		return m[id]
	}
	events := func(evs []Event) []engine.Event {
		var o []engine.Event
		for _, ev := range evs {
			day, _ := engine.ParseDay(ev.Date)
			t, _ := engine.ParseEventType(ev.Type)
			o = append(o, engine.Event{Day: day, Type: t, Source: ref(srcIdx, ev.Source), By: ref(entIdx, ev.By), Note: ev.Note})
		}
		return o
	}

	// Lists in display order: dataset.yaml's order, then the rest by id.
	listRank := map[string]int{}
	for _, id := range d.Meta.Lists {
		listRank[id] = len(listRank)
	}
	for _, e := range ents {
		if _, ok := listRank[e.ID]; !ok && e.Kind == "list" {
			listRank[e.ID] = len(listRank)
		}
	}
	out.Lists = make([]int32, len(listRank))
	for id, r := range listRank {
		out.Lists[r] = entIdx[id]
	}

	for _, e := range ents {
		kind, _ := engine.ParseKind(e.Kind)
		ce := engine.Entity{ID: e.ID, Name: e.Name, Short: e.Short, Kind: kind, Summary: e.Summary,
			Title: e.Title, Citation: e.Citation, Number: e.Number, Authority: e.Authority, Basis: e.Basis,
			Effect: e.Effect, EffectShort: e.EffectShort, Sanction: e.Sanction, Source: ref(srcIdx, e.Source), Events: events(e.Events),
			LegalNames: e.LegalNames, FormerNames: e.FormerNames, ChineseNames: e.ChineseNames,
			Tickers: e.Tickers, ISINs: e.ISINs, CheckedThrough: engine.NoDay}
		for _, id := range e.LinkedTo {
			ce.Linked = append(ce.Linked, entIdx[id])
		}
		out.Entities = append(out.Entities, ce)
	}
	for _, li := range d.Listings {
		list := entIdx[li.List]
		// A list's curated file (loaded first) says how far its research
		// goes; a generated file only where there is none.
		if !li.Generated() || out.Entities[list].CheckedThrough == engine.NoDay {
			out.Entities[list].CheckedThrough, _ = engine.ParseDay(li.CheckedThrough)
		}
		out.Entities[list].Complete = out.Entities[list].Complete || li.Complete
		for _, en := range li.Entries {
			e := &out.Entities[entIdx[en.Entity]]
			e.Entries = append(e.Entries, engine.Entry{List: list, AsListed: en.AsListed, EarlierUnknown: en.EarlierUnknown, Events: events(en.Events)})
		}
	}
	for i := range out.Entities {
		entries := out.Entities[i].Entries
		sort.SliceStable(entries, func(a, b int) bool {
			return listRank[out.Entities[entries[a].List].ID] < listRank[out.Entities[entries[b].List].ID]
		})
	}

	// Patterns: one per distinct (entity, folded name); names with the same
	// folded text (allowed only with context rules) share an automaton state.
	var folded [][]rune
	var first []int32
	byText := map[string]int{}
	last := map[int]int32{}
	// Names that differ only in case stay separate patterns: under the
	// title and exact policies "ENTITY LIST" and "Entity List" are different
	// names.
	type key struct {
		entity  int32
		text    string
		policy  engine.CasePolicy
		blocker bool
	}
	seen := map[key]int32{}
	for _, n := range matchNames(d) {
		ei := entIdx[n.entity]
		f, exact := engine.NormalizeName(n.Text)
		cp, _ := engine.ParseCasePolicy(n.Case)
		k := key{ei, string(exact), cp, n.flags&engine.Blocker != 0}
		if len(f) == 0 {
			continue
		}
		if pi, ok := seen[k]; ok {
			// The same name from two sources: it may stand alone if
			// either lets it.
			p := &out.Patterns[pi]
			required := p.Flags & n.flags & engine.FormRequired
			p.Flags = (p.Flags|n.flags)&^engine.FormRequired | required
			// Each source's context words count ("CGN" beside "nuclear"
			// or beside "Entity List"); none when either needs none.
			if len(p.Context) == 0 || len(n.Context) == 0 {
				p.Context = nil
			} else {
				p.Context = addContexts(p.Context, n.Context)
			}
			// Words that rule a name out do so whichever source gave
			// them ("Costar Group" from the list's as-listed name and
			// from the dataset's name, which says "unless Zillow").
			p.Unless = addContexts(p.Unless, n.Unless)
			continue
		}
		p := engine.Pattern{Entity: ei, Case: cp, Exact: exact, Next: -1, Flags: n.flags}
		p.Context = addContexts(nil, n.Context)
		for _, c := range n.Unless {
			cf, _ := engine.NormalizeName(c)
			p.Unless = append(p.Unless, cf)
		}
		pi := int32(len(out.Patterns))
		seen[k] = pi
		out.Patterns = append(out.Patterns, p)
		t, ok := byText[string(f)]
		if !ok {
			t = len(folded)
			byText[string(f)] = t
			folded = append(folded, f)
			first = append(first, pi)
		} else {
			out.Patterns[last[t]].Next = pi
		}
		last[t] = pi
	}
	// An entity's words that rule a name out hold for every spelling of it
	// in the chain of one folded text: the NS-CMIC list prints "COSTAR
	// GROUP CO., LTD.", whose "COSTAR" matches "Costar" too.
	for _, pi := range first {
		for a := pi; a >= 0; a = out.Patterns[a].Next {
			for b := pi; b >= 0; b = out.Patterns[b].Next {
				pa, pb := &out.Patterns[a], &out.Patterns[b]
				if a != b && pa.Entity == pb.Entity && pb.Flags&engine.Blocker == 0 {
					for _, u := range pa.Unless {
						if !slices.ContainsFunc(pb.Unless, func(h []rune) bool { return slices.Equal(h, u) }) {
							pb.Unless = append(pb.Unless, u)
						}
					}
				}
			}
		}
	}
	out.Auto = engine.BuildAutomaton(folded, first)
	out.BuildIndexes()
	return out
}

// addContexts adds the folded context words that are not there yet.
func addContexts(have [][]rune, words []string) [][]rune {
	for _, c := range words {
		cf, _ := engine.NormalizeName(c)
		if !slices.ContainsFunc(have, func(h []rune) bool { return slices.Equal(h, cf) }) {
			have = append(have, cf)
		}
	}
	return have
}
