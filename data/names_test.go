package data

import (
	"slices"
	"strings"
	"testing"

	"factcard/wasm/engine"
)

// TestEveryListedNameIsFound runs the compiled matcher over every name the
// dataset holds: each list entry's as-listed name and each name and legal
// name of an entity, in a plain sentence. The whole name must come back as
// one mention of its own entity; an alias in parentheses after it ("...
// Co., Ltd. (Hikvision)") may be a mention of its own. Names that need
// context words, as-listed ones included, are probed in
// TestContextNamesNeedContext.
func TestEveryListedNameIsFound(t *testing.T) {
	d, err := Load("../data")
	if err != nil {
		t.Fatal(err)
	}
	c := Compile(d)
	rules := newMatchRules(d)
	type probe struct{ entity, name, where string }
	var probes []probe
	// An as-listed name that its entity's names give only with context (a
	// person's name on the Entity List) is probed with its context below.
	gated := map[string]bool{} // entity and folded name
	for _, e := range d.Entities {
		for _, n := range rules.namesOf(e) {
			if len(n.Context) > 0 {
				gated[e.ID+"\x00"+baseName(n.Text)] = true
			}
		}
	}
	for _, e := range d.Entities {
		for _, n := range rules.namesOf(e) {
			if len(n.Context) == 0 && !formRequired(n) {
				delete(gated, e.ID+"\x00"+baseName(n.Text))
			}
		}
	}
	for _, li := range d.Listings {
		for _, en := range li.Entries {
			if en.AsListed != "" && !gated[en.Entity+"\x00"+baseName(en.AsListed)] {
				probes = append(probes, probe{en.Entity, en.AsListed, li.Pos.File})
			}
		}
	}
	for _, e := range d.Entities {
		for _, n := range rules.namesOf(e) {
			if len(n.Context) == 0 {
				probes = append(probes, probe{e.ID, n.Text, e.Pos.File})
			}
		}
		for _, n := range e.LegalNames {
			probes = append(probes, probe{e.ID, n, e.Pos.File})
		}
	}
	// A name that the dataset gives to two entities can only be found as
	// one of them; either counts (validate.go reports such names when the
	// dataset writes them twice in names:).
	owners := map[string]map[string]bool{}
	for _, p := range probes {
		k := baseName(p.name)
		if owners[k] == nil {
			owners[k] = map[string]bool{}
		}
		owners[k][p.entity] = true
	}
	missed := 0
	for _, p := range probes {
		text := "The report named " + p.name + " on Monday."
		// A list described in Chinese, Japanese or Korean is named with a
		// word for "list" after it (wasm/engine/listphrase.go).
		described := engine.ListDescription([]rune(p.name))
		if described {
			text = "The report named " + p.name + "清单 on Monday."
		}
		if p.entity == "entity-list" {
			// The Entity List's name stands only where the text is about
			// export controls (wasm/engine/listcontext.go).
			text = strings.TrimSuffix(text, ".") + ", under U.S. export controls."
		}
		start := int32(len("The report named "))
		ok := false
		// A full stop after a form that takes none ("Co., Limited.") is
		// left out of the mention: got+"." is the whole name.
		whole, main := strings.TrimSpace(p.name), withoutTrailingAlias(p.name)
		for _, m := range c.Find(text) {
			got := engine.Slice16(text, m.Start, m.End)
			if owners[baseName(p.name)][c.Entities[m.Entity].ID] && m.Start == start && (got == whole || got == main || got+"." == whole || described && got == whole+"清单") {
				ok = true
			}
		}
		if !ok {
			missed++
			t.Errorf("%s: %s %q is not found as a whole (found %v)", p.where, p.entity, p.name, describe(c, text))
		}
	}
	t.Logf("%d names probed, %d missed", len(probes), missed)
}

// withoutTrailingAlias cuts a parenthesis that ends a name:
// "Zhejiang Dahua Technology Co., Ltd. (Dahua)" is written that way in the
// list, and its two parts are two mentions.
func withoutTrailingAlias(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndex(s, " ("); i > 0 {
			return strings.TrimRight(s[:i], " ,") // "Poly Asia Pacific Ltd., (PAPL)"
		}
	}
	return s
}

// baseName is a name without its legal form, folded: the names that two
// entities share are compared this way.
func baseName(s string) string {
	f, _ := engine.NormalizeName(variantsOf(s)[0].text)
	return string(f)
}

func describe(c *engine.Dataset, text string) []string {
	var out []string
	for _, m := range c.Find(text) {
		out = append(out, c.Entities[m.Entity].ID+"="+engine.Slice16(text, m.Start, m.End))
	}
	return out
}

// TestContextNamesNeedContext probes every context-gated name of the
// dataset: alone in a sentence it is not a mention of its entity; with its
// first context word beside it, it is.
func TestContextNamesNeedContext(t *testing.T) {
	d, err := Load("../data")
	if err != nil {
		t.Fatal(err)
	}
	c := Compile(d)
	rules := newMatchRules(d)
	// A list phrase the press uses for two lists ("lista del Pentágono" for
	// both 1237 and 1260H) is one name on each; which list a mention is
	// goes by the parties and years around it (wasm/engine/find.go,
	// sharedListByParty), so beside a bare context word either list is right.
	sharedBy := map[string]map[string]bool{}
	for _, e := range d.Entities {
		if e.Kind != "list" {
			continue
		}
		for _, n := range rules.namesOf(e) {
			k := foldName(n.Text)
			if sharedBy[k] == nil {
				sharedBy[k] = map[string]bool{}
			}
			sharedBy[k][e.ID] = true
		}
	}
	probed := 0
	for _, e := range d.Entities {
		names := rules.namesOf(e)
		plain := map[string]bool{} // names the entity also gives without context (press names)
		for _, n := range names {
			if len(n.Context) == 0 {
				plain[foldName(n.Text)] = true
			}
		}
		// A brand given without context and its descriptive words
		// ("Phytium" and "Phytium Technology") are found as one mention
		// wherever the brand is (wasm/engine, descriptorEnd).
		brandAndWords := func(text string) bool {
			for _, n := range names {
				if rest, ok := strings.CutPrefix(text, strings.TrimSpace(n.Text)); ok && len(n.Context) == 0 && rest != "" && engine.Descriptive(rest) {
					return true
				}
			}
			return false
		}
		for _, n := range names {
			if len(n.Context) == 0 || plain[foldName(n.Text)] || brandAndWords(n.Text) {
				continue
			}
			probed++
			alone := "The report named " + n.Text + " on Monday."
			for _, m := range c.Find(alone) {
				if c.Entities[m.Entity].ID == e.ID && engine.Slice16(alone, m.Start, m.End) == n.Text {
					t.Errorf("%s: %q is found without context in %q", e.ID, n.Text, alone)
				}
			}
			near := "The report named " + n.Text + " beside " + n.Context[0] + " on Monday."
			if e.Kind == "list" && engine.ListDescription([]rune(n.Text)) {
				// A description of the list names it with a word for
				// "list" after it (wasm/engine/listphrase.go).
				near = "The report named " + n.Text + "清单 beside " + n.Context[0] + " on Monday."
			}
			if e.Kind == "order" {
				// An order number needs its order word just before it
				// (wasm/engine/ordernumber.go).
				near = "The report named " + n.Context[0] + " " + n.Text + " on Monday."
			}
			found := false
			for _, m := range c.Find(near) {
				// An order word and number may be one name of their own
				// ("executive order 14034"): the number ends the mention.
				id := c.Entities[m.Entity].ID
				if e.Kind == "list" && sharedBy[foldName(n.Text)][id] {
					id = e.ID
				}
				if got := engine.Slice16(near, m.Start, m.End); id == e.ID && (got == n.Text || e.Kind == "order" && strings.HasSuffix(got, " "+n.Text) || e.Kind == "list" && strings.HasPrefix(got, n.Text)) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: %q is not found beside its context word in %q (found %v)", e.ID, n.Text, near, describe(c, near))
			}
		}
	}
	if probed < 20 {
		t.Errorf("only %d context-gated names", probed)
	}
}

// TestVariantsStripTheLegalForm pins the base name a legal form is cut
// from. The Entity List prints "Belt Consulting Co., Limited." with a full
// stop after the form; it was not cut, so the name matched only with context.
func TestVariantsStripTheLegalForm(t *testing.T) {
	for _, c := range []struct {
		name, base string
		stripped   bool
	}{
		{"Belt Consulting Co., Limited.", "Belt Consulting", true},
		{"Huawei Technologies Co., Ltd.", "Huawei Technologies", true},
		{"Benico Limited", "Benico", true},
		{"Inspur Group", "Inspur", true},
		{"Sugon", "Sugon", false},
		{"Limited.", "Limited.", false},
		{"Dr. No.", "Dr. No.", false},
	} {
		v := variantsOf(c.name)[0]
		if v.text != c.base || v.stripped != c.stripped {
			t.Errorf("variantsOf(%q)[0] = %q, stripped %v; want %q, %v", c.name, v.text, v.stripped, c.base, c.stripped)
		}
	}
}

// TestSectionsInOtherLanguages pins the forms a law's section takes in the
// press languages. The fourth blind part wrote "धारा 1260एच" (Hindi spells
// the letter out) and "第805条"; a name that is not a section gives none.
func TestSectionsInOtherLanguages(t *testing.T) {
	for _, c := range []struct {
		name string
		want []string
		not  []string
	}{
		{"Section 1260H", []string{"第1260H条", "제1260H조", "разделу 1260H", "بخش 1260H", "धारा 1260एच"}, nil},
		{"Section 805", []string{"第805条", "제805조", "البند 805"}, []string{"धारा 805एच"}},
		{"Sec. 889", []string{"889条", "sección 889"}, nil},
		{"Section 1260H list", nil, []string{"第1260H条"}},
	} {
		got := sectionInOtherLanguages(c.name)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("sectionInOtherLanguages(%q) lacks %q: %q", c.name, w, got)
			}
		}
		for _, w := range c.not {
			if slices.Contains(got, w) {
				t.Errorf("sectionInOtherLanguages(%q) has %q", c.name, w)
			}
		}
	}
}

// TestNameWithoutPlaceIsThePartyWithoutOne: where one listed party's name is
// another's with a city or province in front ("HiSilicon Technologies Co.,
// Ltd" and "Shanghai HiSilicon Technologies Co., Ltd."), the name without the
// place, as the press writes it without its legal form, is the party whose
// name it is. Both parties' variants give it; until December 2026 the tie
// left it out, and "HiSilicon Technologies Co., Ltd" was found only as
// "HiSilicon" (first blind-labelled part).
func TestNameWithoutPlaceIsThePartyWithoutOne(t *testing.T) {
	d, err := Load("../data")
	if err != nil {
		t.Fatal(err)
	}
	c := Compile(d)
	bases := map[string][]string{} // base name as written -> entities
	for _, li := range d.Listings {
		for _, en := range li.Entries {
			if en.AsListed != "" {
				b := variantsOf(withoutStrayFullStop(en.AsListed))[0].text
				if !slices.Contains(bases[b], en.Entity) {
					bases[b] = append(bases[b], en.Entity)
				}
			}
		}
	}
	pairs := 0
	for withPlace, others := range bases {
		for _, place := range placesIn(withPlace) {
			rest, ok := strings.CutPrefix(withPlace, place+" ")
			owners := bases[rest]
			if !ok || len(owners) != 1 || slices.Contains(others, owners[0]) || !strings.Contains(rest, " ") {
				continue
			}
			pairs++
			text := "The report named " + rest + " on Monday."
			start, end := int32(len("The report named ")), int32(len("The report named ")+len(rest))
			found := false
			for _, m := range c.Find(text) {
				found = found || c.Entities[m.Entity].ID == owners[0] && m.Start == start && m.End == end
			}
			if !found {
				t.Errorf("%q (the name of %s; %s is %q) is found as %v", rest, owners[0], strings.Join(others, ", "), withPlace, describe(c, text))
			}
		}
	}
	if pairs == 0 {
		t.Fatal("no listed name is another's with a place in front: the test reads nothing")
	}
	t.Logf("%d names probed beside the same name with a place in front", pairs)
}
