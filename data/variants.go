package data

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"factcard/wasm/engine"
)

// matchName is one name the compiled matcher looks for.
type matchName struct {
	Name
	entity    string
	flags     engine.PatternFlags
	generated bool // a variant or an as-listed name, not written in names:
	// besideGiven: kept beside a name written in names: with the same
	// letters, as a reading of its own (a section in lower case with its
	// context words: "la section 1260H du NDAA", where "Section 1260H"
	// is the name in title case).
	besideGiven bool
}

// matchNames lists every name of every entity that the matcher looks for:
// the names written in the dataset (namesOf), each list entry's as-listed
// name and each legal name, and the variants generated from them
// (docs/matching.md, "Variants"). A generated name that another entity also
// has is left out: it would be ambiguous.
func matchNames(d *Dataset) []matchName {
	var explicit, generated []matchName
	// A generated name that two entities share goes to the one whose own
	// names: it comes from (rank 1) over one whose list entries or legal
	// names it comes from (rank 2), and to either over one whose name it is
	// only with its city or province left out (ranks 3 and 4: "HiSilicon
	// Technologies" is HiSilicon Technologies Co., Ltd, not Shanghai
	// HiSilicon Technologies Co., Ltd.); a name written in names: (rank 0)
	// is never overridden. Ties leave the name out.
	owners := map[string]map[string]int{} // folded text -> entity -> best rank
	own := func(m matchName, r int) {
		f, _ := engine.NormalizeName(m.Text)
		k := string(f)
		if owners[k] == nil {
			owners[k] = map[string]int{}
		}
		if old, ok := owners[k][m.entity]; !ok || r < old {
			owners[k][m.entity] = r
		}
	}
	asListed := map[string][]Name{}
	for _, li := range d.Listings {
		for _, en := range li.Entries {
			asListed[en.Entity] = append(asListed[en.Entity], Name{Text: en.AsListed, Pos: en.Pos})
		}
	}
	rules := newMatchRules(d)
	for _, e := range d.Entities {
		names := rules.namesOf(e)
		single := map[string]bool{} // one-word names written in the dataset
		given := map[string]Name{}  // every name written in the dataset, by folded text
		// gatedBase: the names, without their legal form, that the dataset
		// writes with a legal form and a context rule ("Farteco Ltd."):
		// no variant of another name makes them plain ("Farteco" from
		// "Farteco Limited" would match "Farteco Ltd." alone).
		gatedBase := map[string]bool{}
		for _, n := range names {
			f, _ := engine.NormalizeName(n.Text)
			if !strings.ContainsRune(string(f), ' ') {
				single[string(f)] = true
			}
			given[string(f)] = n
			if v := variantsOf(n.Text)[0]; len(n.Context) > 0 && v.stripped {
				bf, _ := engine.NormalizeName(v.text)
				gatedBase[string(bf)] = true
			}
		}
		for _, n := range names {
			m := matchName{Name: n, entity: e.ID}
			m.Text = withoutOwnAlias(withoutStrayFullStop(m.Text), given)
			if e.Kind == "company" && !hasCJK(n.Text) {
				m.flags |= engine.FormMayFollow
				if lowerOK(n) {
					m.flags |= engine.LowerOK
				}
				if titleCaseOK(n) {
					m.flags |= engine.TitleCaseOK
				}
				// "Huawei Technologies Co., Ltd." is "Huawei Technologies"
				// followed by a legal form, which the matcher accepts in
				// any spelling: the name without it is enough.
				// Not when the bare name has rules of its own ("BGI" needs
				// context; "BGI Group" does not).
				// Nor when the list writes the form in lower case ("Space
				// star technology co., LTD"), which the engine does not take
				// for a legal form: the name is kept whole.
				if v := variantsOf(n.Text)[0]; v.stripped && !strings.HasSuffix(strings.TrimSpace(n.Text), ")") && formCapitalized(n.Text, v.text) {
					f, _ := engine.NormalizeName(v.text)
					g, ok := given[string(f)]
					if ok && g.Case == n.Case && len(g.Context) == 0 && len(n.Context) == 0 || !ok && strings.ContainsRune(string(f), ' ') {
						m.Text = v.text
						// "General Technology Limited" is a listed
						// party; "General Technology" alone may be
						// anyone's.
						if !ok && formRequired(n) {
							m.flags |= engine.FormRequired | foreignForm(n.Text)
						}
					}
				}
			}
			explicit = append(explicit, m)
			own(m, 0)
			// generate adds text as a generated form of n, under n's rules.
			generate := func(n Name, text string, flags engine.PatternFlags) {
				g := matchName{Name: Name{Text: text, Case: n.Case, Context: n.Context, Unless: n.Unless, Pos: n.Pos}, entity: e.ID, generated: true, flags: flags}
				generated = append(generated, g)
				own(g, 1)
			}
			if stem, ok := chineseStem(n.Text); ok && e.Kind == "company" {
				// "中国联合网络通信集团" is written "中国联合网络通信股份有限公司"
				// too: the name without its 集团 or 有限公司 is a name with
				// another legal form after it (engine.FormRequired), not alone.
				generate(n, stem, engine.FormRequired)
			}
			if e.Kind == "law" || e.Kind == "list" { // a list named by its section (ndaa-889) keeps the words its data gives
				section := n
				section.Case, section.Context = "any", append(slices.Clone(n.Context), sectionContext...)
				// "section N" and "§ N" are any law's sections: they take the
				// defence act's own words, not the Pentagon's or a
				// contractor's ("§ 889 of the Civil Code", "41 U.S.C. § 889").
				bare := n
				bare.Case, bare.Context = "any", actWords
				for _, form := range sectionInOtherLanguages(n.Text) {
					if strings.HasPrefix(form, "section ") || strings.HasPrefix(form, "§") {
						generate(bare, form, 0)
					} else {
						generate(section, form, 0)
					}
					generated[len(generated)-1].besideGiven = true
				}
			}
			// isGiven: the entity's data gives this text as a name of its
			// own, with its own rules; a generated form does not repeat it.
			isGiven := func(text string) bool {
				f, _ := engine.NormalizeName(text)
				_, ok := given[string(f)]
				return ok
			}
			if partyWithVariants(e.Kind) {
				for _, form := range pinyinForms(n.Text) {
					// A romanization that is the brand with a space
					// ("Ali Baba" of 阿里巴巴) is the brand's to match,
					// under its rules (the folk tale is not Alibaba).
					if !isGiven(strings.ReplaceAll(form, " ", "")) {
						generate(n, form, 0)
					}
				}
				if form, ok := koreanChinaSpacing(n.Text); ok && !isGiven(form) {
					generate(n, form, 0)
				}
				for _, form := range koreanSpacings(n.Text) {
					if !isGiven(form) {
						generate(n, form, 0)
					}
				}
				if form, ok := katakanaV(n.Text); ok {
					generate(n, form, 0)
				}
			}
			for _, form := range traditionalForms(n.Text) {
				if !isGiven(form) {
					generate(n, form, 0)
				}
			}
			if form, ok := persianListWord(n.Text); ok && e.Kind == "list" && !isGiven(form) {
				generate(n, form, 0)
			}
			if e.Kind == "company" && n.Case == "exact" && len(n.Context) == 0 {
				for _, form := range spelledAcronyms(n.Text) {
					if !isGiven(form) {
						generate(n, form, 0)
					}
				}
			}
			if e.Kind == "company" {
				for _, form := range slices.Concat(joinedArabicScript(n.Text), russianCases(n.Text), russianPhraseCases(n.Text)) {
					generate(n, form, 0)
				}
			}
		}
		for _, n := range e.NotNames {
			explicit = append(explicit, matchName{Name: Name{Text: n, Case: "any", Pos: e.Pos}, entity: e.ID, flags: engine.Blocker})
		}
		// Variants for every party but a person: a university or an
		// institute is printed with its acronym in parentheses ("Beijing
		// University of Aeronautics and Astronautics (BUAA)") and written
		// without it, and in British spelling ("Centre", "Defence").
		if !partyWithVariants(e.Kind) {
			continue
		}
		sources := append([]Name(nil), names...)
		for _, n := range e.LegalNames {
			sources = append(sources, Name{Text: n, Pos: e.Pos})
		}
		sources = append(sources, asListed[e.ID]...)
		for i, n := range sources {
			n.Text = withoutStrayFullStop(n.Text)
			r := 1
			if i >= len(names) {
				r = 2
			}
			if hasCJK(n.Text) {
				for _, form := range placeBeforeBrand(n.Text, names) {
					generated = append(generated, matchName{Name: Name{Text: form, Case: n.Case, Pos: n.Pos}, entity: e.ID, generated: true})
					own(generated[len(generated)-1], r)
				}
				continue
			}
			variants := variantsOf(n.Text)
			for vi, v := range variants {
				// A university's or an institute's name is written as
				// printed, without its acronym, or in the other spelling;
				// the place shuffles of company names would add hundreds
				// of names for few readers.
				if e.Kind != "company" && vi > 0 && !spellingVariant(v.text) && !chinaSwapped(variants[0].text, v.text) && "The "+v.text != variants[0].text || v.curatedOnly && generatedFile(n.File) {
					continue
				}
				m := matchName{Name: Name{Text: v.text, Case: n.Case, Context: n.Context, Unless: n.Unless, Pos: n.Pos},
					entity: e.ID, flags: engine.FormMayFollow, generated: true}
				given := v.text == strings.TrimSpace(n.Text) // as the list or the dataset writes it
				f, _ := engine.NormalizeName(v.text)
				if len(n.Context) == 0 && gatedBase[string(f)] {
					continue
				}
				if !given && !strings.ContainsRune(string(f), ' ') && !single[string(f)] {
					if !v.stripped {
						continue // a one-word name that the dataset does not give: too plain
					}
					m.flags |= engine.FormRequired | foreignForm(n.Text)
				}
				// A form of an imported name made of ordinary words
				// ("Precision Measurement" from "Shanghai Precision
				// Measurement") may be anyone's: with a legal form only.
				if !given && len(n.Context) == 0 && listingFile(n.File) && ordinaryName(v.text, false) {
					if !v.stripped {
						continue
					}
					m.flags |= engine.FormRequired | foreignForm(n.Text)
				}
				generated = append(generated, m)
				if v.placeLeftOut {
					own(m, r+2) // after every form that leaves nothing out
				} else {
					own(m, r)
				}
			}
		}
	}
	out := explicit
	for _, m := range generated {
		f, _ := engine.NormalizeName(m.Text)
		// A name the entity gives in names: keeps the case and context
		// rules written there.
		if r := owners[string(f)]; (r[m.entity] > 0 || m.besideGiven) && soleBest(r, m.entity) {
			out = append(out, m)
		}
	}
	return out
}

// chineseLegalSuffixes are the words of a Chinese legal form that end a
// name, longest first; descriptive words before them (科技, 电子) stay, as
// without them the name may be another company's ("中国电子" of 中国电子科技集团).
var chineseLegalSuffixes = []string{"有限责任公司", "有限責任公司", "股份有限公司", "有限公司", "公司", "集团", "集團", "控股"}

// chineseStem returns a Chinese name without its legal form, when at least
// four characters are left.
func chineseStem(name string) (string, bool) {
	stem := strings.TrimSpace(name)
	for cut := true; cut; {
		cut = false
		for _, suffix := range chineseLegalSuffixes {
			if s, ok := strings.CutSuffix(stem, suffix); ok && utf8.RuneCountInString(s) >= 4 && hasCJK(s) {
				stem, cut = s, true
				break
			}
		}
	}
	return stem, stem != strings.TrimSpace(name)
}

// joinedArabicScript returns a name of two to four words in Arabic letters
// with the spaces between them left out, all or some: Persian writers often
// leave out the space or the zero-width non-joiner between a name's words
// ("هایکویژن" for "هایک ویژن", "زدتی‌ای" for "زد تی ای"; second and fourth
// blind-labelled parts).
func joinedArabicScript(name string) []string {
	words := strings.Fields(name)
	if len(words) < 2 || len(words) > 4 {
		return nil
	}
	for _, r := range strings.Join(words, "") {
		if !unicode.Is(unicode.Arabic, r) || !unicode.IsLetter(r) {
			return nil
		}
	}
	var out []string
	// Each bit of joins says whether the space after that word is left out.
	for joins := 1; joins < 1<<(len(words)-1); joins++ {
		var b strings.Builder
		b.WriteString(words[0])
		for i, w := range words[1:] {
			if joins&(1<<i) == 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
		out = append(out, b.String())
	}
	return out
}

// sectionRE matches a law's section written alone: "Section 1237",
// "Sec. 1260H".
var sectionRE = regexp.MustCompile(`^(?:Section|Sec\.) ([0-9]+[A-Z]?)$`)

// sectionInOtherLanguages returns a section named alone ("Section 1237") in
// the words the press of the other languages uses for a law's section, as
// order numbers take theirs (fourth blind-labelled part: "第1237條", "제889조",
// "разделу 1260H"). A section number alone is any law's: these need a word of
// the defence act or the Pentagon nearby (sectionContext).
func sectionInOtherLanguages(name string) []string {
	m := sectionRE.FindStringSubmatch(strings.TrimSpace(name))
	if m == nil {
		return nil
	}
	var out []string
	for _, form := range sectionForms {
		out = append(out, strings.ReplaceAll(form, "N", m[1]))
	}
	if num, ok := strings.CutSuffix(m[1], "H"); ok {
		// Hindi spells the letter out: "धारा 1260एच".
		out = append(out, "धारा "+num+"एच", "खंड "+num+"एच")
	}
	return out
}

// sectionForms are the words for a law's section around its number N.
var sectionForms = []string{"第N条", "第N條", "N条", "제N조", "N조", "N 조항", "N조항", "sección N", "seção N", "secção N", "sezione N",
	"Abschnitt N", "Paragraf N", "раздел N", "раздела N", "разделу N", "разделом N", "разделе N", "статья N",
	"статьи N", "статье N", "البند N", "المادة N", "القسم N", "بخش N", "ماده N", "بند N", "धारा N", "खंड N",
	"section N", "§ N", "§N"}

// actWords are the defence act's own words, the context of a section
// written "section N" or "§ N", which any law has.
var actWords = []string{"NDAA", "National Defense Authorization", "Defense Authorization Act",
	"programmation militaire", "Autorización de Defensa", "Autorização de Defesa", "autorizzazione della difesa",
	"оборонном бюджете", "国防授权法", "国防権限法", "국방수권법", "autorisation de la défense", "Verteidigungsgenehmigungsgesetz"}

// sectionContext are the words of the defence act and of the Pentagon in the
// press languages, one of which must stand near a section written in them.
var sectionContext = []string{"NDAA", "国防授权法", "國防授權法", "国防権限法", "국방수권법", "Defensa Nacional",
	"Defesa Nacional", "Difesa", "Verteidigung", "Défense", "обороны", "الدفاع", "دفاع", "रक्षा", "एनडीएए", "Pentagon",
	"Пентагон", "五角大楼", "五角大樓", "国防部", "國防部", "국방부", "国防総省", "البنتاغون", "پنتاگون", "पेंटागन",
	"Pentágono", "Pentagone", "Pentagono", "оборонном бюджете", "programmation militaire", "Defense Authorization",
	// a word for the list the section makes, right before it ("la lista de
	// la Sección 1260H"; not "lista" alone, which any law's section has near)
	"lista de la sección", "lista section", "liste de la section", "liste section", "lista da seção",
	"lista della sezione"}

// russianPhraseCases returns the oblique cases of a Russian name of several
// words that starts with a feminine noun phrase, its adjectives and its
// noun declined and the rest (a genitive) kept: "Китайская корпорация
// космической науки и техники" is "Китайской корпорации …" after "у", "к" or
// "о", "Китайскую корпорацию …" as an object, "Китайской корпорацией …"
// after "с"; "Лаборатория Касперского" is "Лаборатории Касперского". The
// Russian press writes the translated names of Chinese state groups this way
// (corpus-blind parts: "Китайскую корпорацию", December 2026). Other
// genders and plurals are left out: no name in the data starts with one.
func russianPhraseCases(name string) []string {
	words := strings.Fields(name)
	if len(words) < 2 {
		return nil
	}
	for _, w := range words {
		for _, c := range w {
			if unicode.IsLetter(c) && !unicode.Is(unicode.Cyrillic, c) {
				return nil
			}
		}
	}
	// The phrase: adjectives in -ая/-яя, then the noun in -ия, -а or -я.
	adjectives := 0
	for adjectives < len(words) && (strings.HasSuffix(words[adjectives], "ая") || strings.HasSuffix(words[adjectives], "яя")) {
		adjectives++
	}
	if adjectives == len(words) {
		return nil
	}
	noun := []rune(words[adjectives])
	if len(noun) < 3 || adjectives == 0 && !strings.HasSuffix(words[0], "ия") {
		return nil // a foreign word in -а is not declined ("Чайна Мобайл")
	}
	stem, last := string(noun[:len(noun)-1]), noun[len(noun)-1]
	before := unicode.ToLower(noun[len(noun)-2])
	var nounCases [4]string // genitive, dative and prepositional; accusative; instrumental; genitive when it differs
	switch {
	case last == 'я' && before == 'и':
		nounCases = [4]string{stem + "и", stem + "ю", stem + "ей", ""}
	case last == 'я':
		nounCases = [4]string{stem + "е", stem + "ю", stem + "ей", stem + "и"}
	case last == 'а':
		genitive := stem + "ы"
		if strings.ContainsRune("гкхжшщч", before) {
			genitive = stem + "и"
		}
		instrumental := stem + "ой"
		if strings.ContainsRune("жшщчц", before) {
			instrumental = stem + "ей"
		}
		nounCases = [4]string{stem + "е", stem + "у", instrumental, genitive}
	default:
		return nil
	}
	adjective := func(w string, oblique bool) string {
		r := []rune(w)
		stem, soft := string(r[:len(r)-2]), strings.HasSuffix(w, "яя")
		switch {
		case oblique && soft:
			return stem + "ей"
		case oblique:
			return stem + "ой"
		case soft:
			return stem + "юю"
		}
		return stem + "ую"
	}
	phrase := func(oblique bool, noun string) string {
		out := make([]string, 0, len(words))
		for _, w := range words[:adjectives] {
			out = append(out, adjective(w, oblique))
		}
		out = append(out, noun)
		return strings.Join(append(out, words[adjectives+1:]...), " ")
	}
	forms := []string{phrase(true, nounCases[0]), phrase(false, nounCases[1]), phrase(true, nounCases[2])}
	if nounCases[3] != "" {
		forms = append(forms, phrase(true, nounCases[3]))
	}
	var out []string
	for _, f := range forms {
		if f != name && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// russianCases returns the forms Russian declines a company's one-word
// name into, as a foreign masculine noun: "Хуавэй" is "Хуавэя", "Хуавэю",
// "Хуавэем", "Хуавэе"; "Тенсент" is "Тенсента", "Тенсенту", "Тенсентом",
// "Тенсенте". A name ending in another vowel ("Сяоми") does not decline.
func russianCases(name string) []string {
	r := []rune(strings.TrimSpace(name))
	if len(r) < 4 || strings.ContainsAny(name, " -") {
		return nil
	}
	for _, c := range r {
		if !unicode.Is(unicode.Cyrillic, c) {
			return nil
		}
	}
	last := unicode.ToLower(r[len(r)-1])
	stem := string(r[:len(r)-1])
	soft := strings.ContainsRune("жчшщц", last)
	switch {
	case last == 'й':
		return []string{stem + "я", stem + "ю", stem + "ем", stem + "е"}
	case strings.ContainsRune("бвгджзклмнпрстфхцчшщ", last):
		instrumental := "ом"
		if soft {
			instrumental = "ем"
		}
		return []string{name + "а", name + "у", name + instrumental, name + "е"}
	}
	return nil
}

// foreignForm: the name as written ends in a legal form of companies
// outside China, Hong Kong and Macau (Inc., PLC, LLC, Pty), which the
// matcher then accepts after the plain words of the name.
func foreignForm(name string) engine.PatternFlags {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if engine.IsForeignListedForm(strings.Trim(w, ",")) {
			return engine.ForeignFormOK
		}
	}
	return 0
}

// spellingPairs are the American and British spellings variantsOf turns
// into each other.
var spellingPairs = [...][2]string{{"Center", "Centre"}, {"Defense", "Defence"}, {"Centre", "Center"}, {"Defence", "Defense"}}

// withoutStrayFullStop returns name without a full stop the list printed
// after a word that is no abbreviation ("Piotech." on the Entity List): as a
// name to match, the stop would take a sentence's full stop into the mention.
// persianListWord returns a Persian list name with its word for "list"
// in the other spelling: the press writes فهرست and the loanword لیست alike
// ("لیست سیاه وزارت بازرگانی آمریکا", "فهرست سیاه وزارت بازرگانی"; real
// excerpts, December 2026).
func persianListWord(name string) (string, bool) {
	for _, pair := range [][2]string{{"فهرست", "لیست"}, {"لیست", "فهرست"}} {
		if rest, ok := strings.CutPrefix(name, pair[0]+" "); ok {
			return pair[1] + " " + rest, true
		}
	}
	return "", false
}

// placeBeforeBrand returns the Chinese names made of the place a legal
// name starts with and a short name of the party that follows it:
// "杭州海康威视数字技术股份有限公司" gives "杭州海康威视" where 海康威视 is a name,
// as the press writes it ("杭州海康威视(002415)"; real excerpts, December
// 2026). The place is two to four Han characters, 市 or 省 included.
func placeBeforeBrand(legal string, names []Name) []string {
	var out []string
	l := []rune(strings.TrimSpace(legal))
	for _, n := range names {
		short := []rune(strings.TrimSpace(n.Text))
		if len(n.Context) > 0 || len(short) < 2 || !hasCJK(n.Text) {
			continue
		}
		for p := 2; p <= 4 && p+len(short) < len(l); p++ {
			if slices.Equal(l[p:p+len(short)], short) && !slices.ContainsFunc(l[:p], func(r rune) bool { return !unicode.Is(unicode.Han, r) }) {
				out = append(out, string(l[:p+len(short)]))
			}
		}
	}
	return out
}

// withoutOwnAlias cuts the party's own short name in parentheses from the
// end of a listed name: "Semiconductor Manufacturing International
// Corporation (SMIC)" is written so in the lists and in the press, and a
// reader sees two names of one party there, as the labellers of every
// blind corpus part marked them. The short name is found on its own: it is
// one of the party's names without context, or an acronym, which a
// parenthesis after a mention defines (wasm/engine, definedAcronyms).
func withoutOwnAlias(name string, given map[string]Name) string {
	t := strings.TrimSpace(name)
	i := strings.LastIndex(t, " (")
	if i <= 0 || !strings.HasSuffix(t, ")") {
		return name
	}
	alias, main := t[i+2:len(t)-1], strings.TrimRight(t[:i], " ,")
	f, _ := engine.NormalizeName(alias)
	// An acronym the name's initials spell ("SMIC"), not a place ("ComNet
	// (USA)"): the engine defines it as the party's after the name.
	if g, ok := given[string(f)]; ok && len(g.Context) == 0 || engine.DefinesShortForm(alias, main) {
		return main
	}
	return name
}

func withoutStrayFullStop(name string) string {
	t := strings.TrimSpace(name)
	rest, ok := strings.CutSuffix(t, ".")
	if !ok {
		return name
	}
	last := rest[strings.LastIndexAny(rest, " .")+1:]
	if utf8.RuneCountInString(last) < 4 || trailingLegalForm(last+".") || strings.ContainsAny(last, "()") || !strings.ContainsFunc(last, unicode.IsLower) {
		return name // "Co.", "Ltd.", "Corp.", "Inc.", an initial, "U.S.", "CETC-E."
	}
	return rest
}

// chinaSwapped reports whether v is name with its first word "China"
// written "Chinese" or back: the one reordering a university's or an
// institute's name takes ("China Academy of Space Technology", "Chinese
// Academy of Engineering Physics").
func chinaSwapped(name, v string) bool {
	if rest, ok := strings.CutPrefix(name, "China "); ok {
		return v == "Chinese "+rest
	}
	if rest, ok := strings.CutPrefix(name, "Chinese "); ok {
		return v == "China "+rest
	}
	return false
}

// spellingVariant: s holds a word of spellingPairs.
func spellingVariant(s string) bool {
	for _, pair := range spellingPairs {
		if strings.Contains(s, pair[0]) {
			return true
		}
	}
	return false
}

func partyWithVariants(kind string) bool {
	switch kind {
	case "company", "institute", "university", "government":
		return true
	}
	return false
}

// soleBest reports whether entity holds the best rank alone.
func soleBest(ranks map[string]int, entity string) bool {
	mine := ranks[entity]
	for e, r := range ranks {
		if e != entity && r <= mine {
			return false
		}
	}
	return true
}

// lowerOK: a one-word brand of five letters or more, in Latin or Cyrillic
// letters, written with an initial capital and no context rule, is also
// found in lower case ("huawei", "хуавей"); acronyms and names that need
// context are not.
func lowerOK(n Name) bool {
	if n.Case != "" && n.Case != "title" || len(n.Context) > 0 {
		return false
	}
	rs := []rune(n.Text)
	// A brand starts with a capital, or with a small letter before one
	// ("iFlytek").
	if len(rs) < 5 || !unicode.IsUpper(rs[0]) && !(rs[0] >= 'a' && rs[0] <= 'z' && rs[1] >= 'A' && rs[1] <= 'Z') {
		return false
	}
	lowers := 0
	for _, r := range rs {
		// Latin, or Cyrillic: a Russian forum writes "купил телефон
		// хуавей" as it writes "huawei" (sixth blind part).
		if !unicode.IsLetter(r) || unicode.Is(unicode.Cyrillic, r) != unicode.Is(unicode.Cyrillic, rs[0]) ||
			!unicode.Is(unicode.Cyrillic, r) && r > unicode.MaxLatin1 {
			return false
		}
		if unicode.IsLower(r) {
			lowers++
		}
	}
	return lowers*2 > len(rs)
}

// titleCaseOK: an acronym of three to six capitals, without context rules,
// that is no English word in lower case ("ZTE", "AVIC"; not "BEST").
func titleCaseOK(n Name) bool {
	if n.Case != "exact" || len(n.Context) > 0 || len(n.Text) < 3 || len(n.Text) > 6 {
		return false
	}
	for _, r := range n.Text {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return !ordinaryWords()[strings.ToLower(n.Text)]
}

// formCapitalized reports whether each word of the legal form that name
// adds to base begins with a capital, as the engine's legalFormEnd requires.
func formCapitalized(name, base string) bool {
	tail, ok := strings.CutPrefix(strings.TrimSpace(name), base)
	if !ok {
		return false
	}
	for _, w := range strings.FieldsFunc(tail, func(r rune) bool { return r == ' ' || r == ',' }) {
		if r := []rune(strings.TrimPrefix(w, "(")); len(r) == 0 || !unicode.IsUpper(r[0]) {
			return false
		}
	}
	return true
}

func hasCJK(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}

// variant is a generated form of a name; stripped says the legal form or a
// trailing alias was taken off (so a one-word result is still a name when a
// legal form follows it in the text).
type variant struct {
	text     string
	stripped bool
	// curatedOnly: a variant made for the names the project writes, not
	// for the imported lists' (a word in the other number, a court's
	// abbreviations): those would add to the dataset for names the press
	// seldom writes at all.
	curatedOnly bool
	// placeLeftOut: the name's city or province was left out ("HiSilicon
	// Technologies" of "Shanghai HiSilicon Technologies Co., Ltd."). Another
	// party whose own name it is without leaving anything out owns it
	// (matchNames).
	placeLeftOut bool
}

// legalWords are the words of a legal form that may end a name, folded and
// without trailing commas; the engine's legalForms accept the same words
// after a name in the text.
var legalWords = map[string]bool{"co.": true, "co": true, "company": true, "corp.": true, "corp": true,
	"corporation": true, "ltd.": true, "ltd": true, "limited": true, "(limited)": true, "inc.": true, "inc": true,
	"incorporated": true, "llc": true, "l.l.c.": true, "plc": true, "pty": true, "group": true, "(group)": true,
	"co.,ltd.": true, "co.,ltd": true}

// chinesePlaces are the provinces and cities that begin Chinese companies'
// English names or stand in parentheses inside them.
var chinesePlaces = map[string]bool{"Beijing": true, "Shanghai": true, "Shenzhen": true, "ShenZhen": true,
	"Hangzhou": true, "Guangzhou": true, "Chengdu": true, "Cheng Du": true, "Wuhan": true, "Tianjin": true,
	"Xiamen": true, "Zhejiang": true, "Jiangsu": true, "Jiangxi": true, "Anhui": true, "Sichuan": true,
	"Hubei": true, "Hunan": true, "Shaanxi": true, "Shanxi": true, "Shandong": true, "Guangdong": true,
	"Fujian": true, "Henan": true, "Hebei": true, "Liaoning": true, "Jilin": true, "Heilongjiang": true,
	"Yunnan": true, "Guizhou": true, "Xinjiang": true, "Hong Kong": true, "Chongqing": true, "Nanjing": true,
	"Suzhou": true, "Hefei": true, "Xi’an": true, "Xi'an": true, "Xian": true, "Harbin": true, "Shenyang": true,
	"Dalian": true, "Qingdao": true, "Changsha": true, "Zhuhai": true, "Dongguan": true, "Ningbo": true,
	"Wuxi": true, "Inner Mongolia": true, "Guangxi": true, "Hainan": true, "Zhengzhou": true, "Kunming": true,
	"Nanchang": true, "Fuzhou": true, "Jinan": true, "Lanzhou": true, "Taiyuan": true, "Changzhou": true}

// variantsOf generates the forms in which the press and the lists write a
// company name: without its legal form and trailing alias (the matcher
// accepts any legal form after it, engine.FormMayFollow), "X of China" as
// "China X", "China X Y" as "Chinese X Y", a city or province at the front,
// in parentheses inside, or left out, "&" as "and" and back, and a
// camel-case brand split in two ("CloudWalk", "Cloud Walk").
// trailingLegalForm: a legal-form word at the end of a name, with its comma
// or a stray full stop as printed ("Belt Consulting Co., Limited." on the
// Entity List kept the name from being stripped, so it matched only with
// context).
func trailingLegalForm(w string) bool {
	w = strings.ToLower(strings.TrimRight(w, ","))
	return legalWords[w] || strings.HasSuffix(w, ".") && legalWords[strings.TrimSuffix(w, ".")]
}

func variantsOf(name string) []variant {
	words := strings.Fields(name)
	stripped := false
	// A trailing alias in parentheses: "Hangzhou Hikvision ... (Hikvision)".
	if n := len(words); n > 1 && strings.HasSuffix(words[n-1], ")") && !legalWords[strings.ToLower(words[n-1])] {
		if i := openParen(words); i > 0 {
			words, stripped = words[:i], true
		}
	}
	form := "" // the first word of the legal form taken off
	for len(words) > 1 && trailingLegalForm(words[len(words)-1]) {
		form = strings.TrimRight(words[len(words)-1], ",")
		words, stripped = words[:len(words)-1], true
	}
	if len(words) > 0 {
		words[len(words)-1] = strings.TrimRight(words[len(words)-1], ",")
	}
	base := strings.Join(words, " ")
	out := []variant{{text: base, stripped: stripped}}
	add := func(s string) {
		if s != base && s != "" {
			out = append(out, variant{text: s, stripped: true})
		}
	}
	if rest, ok := strings.CutSuffix(base, " of China"); ok && strings.Contains(rest, " ") {
		add("China " + rest)
	}
	// A name the list prints with its article, "The Test Flying Academy of
	// South Africa", is written after another word without it ("durch die
	// Test Flying Academy", "the Test Flying Academy"; real excerpts,
	// December 2026).
	if rest, ok := strings.CutPrefix(base, "The "); ok && strings.Count(rest, " ") >= 2 {
		add(rest)
	}
	// "Chinese Academy of Engineering Physics" as the press writes it too,
	// "China Academy of Engineering Physics" (fourth blind part).
	if rest, ok := strings.CutPrefix(base, "Chinese "); ok && strings.Count(rest, " ") >= 1 {
		add("China " + rest)
	}
	if rest, ok := strings.CutPrefix(base, "China "); ok && strings.Count(rest, " ") >= 1 {
		add("Chinese " + rest)
		// And back: "China Aerospace Science and Technology Corporation"
		// as "Aerospace Science and Technology Corporation of China".
		switch form {
		case "Corporation", "Corp.", "Corp":
			add(rest + " Corporation of China")
			add(rest + " Corp. of China")
		case "Company", "Co.":
			add(rest + " Company of China")
		}
	}
	// A legal form inside the name, before "of China": "Corp. of China".
	for _, form := range [...][2]string{{" Corporation of ", " Corp. of "}, {" Corp of ", " Corp. of "}, {" Company of ", " Co. of "}} {
		if strings.Contains(base, form[0]) {
			add(strings.Replace(base, form[0], form[1], 1))
		}
	}
	// Another word in parentheses inside the name, unbracketed as the press
	// writes it: "China Telecom (Americas)" as "China Telecom Americas".
	if i := strings.Index(base, " ("); i > 0 {
		if j := strings.Index(base[i:], ")"); j > 2 {
			word := base[i+2 : i+j]
			if !chinesePlaces[word] && !strings.ContainsAny(word, " ,.") && word[0] >= 'A' && word[0] <= 'Z' {
				add(base[:i] + " " + word + base[i+j+1:])
			}
		}
	}
	addWithoutPlace := func(s string) {
		if s != base && s != "" {
			out = append(out, variant{text: s, stripped: true, placeLeftOut: true})
		}
	}
	for _, place := range placesIn(base) {
		inside := " (" + place + ")"
		switch {
		case strings.HasPrefix(base, place+" ") && strings.Contains(base[len(place)+1:], " "):
			rest := base[len(place)+1:]
			addWithoutPlace(rest)
			add(rest + inside)
		case strings.Contains(base, inside):
			rest := strings.Replace(base, inside, "", 1)
			addWithoutPlace(rest)
			add(place + " " + rest)
			add(strings.Replace(base, inside, " "+place, 1))
		}
	}
	for _, v := range out {
		other := ""
		switch {
		case strings.Contains(v.text, " & "):
			other = strings.ReplaceAll(v.text, " & ", " and ")
		case strings.Contains(v.text, " and "):
			other = strings.ReplaceAll(v.text, " and ", " & ")
		}
		if other != "" && other != base {
			out = append(out, variant{text: other, stripped: true, placeLeftOut: v.placeLeftOut})
		}
	}
	if split := splitCamel(base); split != "" {
		add(split)
	}
	// A word of a long name in the other number: the press writes "China
	// Electronic Technology Group" and "Hikvision Digital Technologies".
	// Names of three words or more, one word at a time, never the first;
	// matchNames keeps these for the names the project writes, not the
	// imported lists' (which would add 8% to the dataset for names the
	// press seldom writes at all).
	if words := strings.Fields(base); len(words) >= 3 {
		for i := 1; i < len(words); i++ {
			if other, ok := otherNumber[words[i]]; ok {
				if s := strings.Join(slices.Concat(words[:i], []string{other}, words[i+1:]), " "); s != base {
					out = append(out, variant{text: s, stripped: true, curatedOnly: true})
				}
			}
		}
	}
	// Court opinions and briefs abbreviate the words of a party's name
	// (The Bluebook, table T6): "Luokung Tech. Corp. v. Dep't of Def.",
	// "China Nat'l Offshore Oil". Every such word at once, as citation does.
	if words := strings.Fields(base); len(words) >= 2 {
		abbreviated := false
		for i := 1; i < len(words); i++ {
			if a, ok := citationAbbreviations[words[i]]; ok {
				words[i], abbreviated = a, true
			}
		}
		if abbreviated {
			out = append(out, variant{text: strings.Join(words, " "), stripped: true, curatedOnly: true})
		}
	}
	// American and British spelling: the lists write "Center" and
	// "Defense", the British and Commonwealth press "Centre" and "Defence".
	for _, v := range out {
		for _, pair := range spellingPairs {
			if strings.Contains(v.text, pair[0]) {
				add(strings.ReplaceAll(v.text, pair[0], pair[1]))
			}
		}
	}
	return out
}

// otherNumber pairs the words of company names that the press writes in
// either number.
var otherNumber = func() map[string]string {
	m := map[string]string{}
	for _, p := range [...][2]string{{"Technology", "Technologies"}, {"Electronic", "Electronics"},
		{"Telecommunication", "Telecommunications"}, {"Communication", "Communications"}, {"Industry", "Industries"},
		{"System", "Systems"}, {"Science", "Sciences"}, {"Material", "Materials"}, {"Instrument", "Instruments"}} {
		m[p[0]], m[p[1]] = p[1], p[0]
	}
	return m
}()

// citationAbbreviations are The Bluebook's (table T6) for the words of
// listed companies' names, as court opinions and briefs cite them.
var citationAbbreviations = map[string]string{"Technology": "Tech.", "Technologies": "Techs.", "International": "Int'l",
	"National": "Nat'l", "Manufacturing": "Mfg.", "Holdings": "Hldgs.", "Industry": "Indus.", "Industries": "Indus.",
	"Communications": "Commc'ns", "Telecommunications": "Telecomms.", "Electronic": "Elec.", "Electronics": "Elecs.",
	"Information": "Info.", "Science": "Sci.", "Sciences": "Scis.", "Development": "Dev.", "Engineering": "Eng'g",
	"Equipment": "Equip.", "Investment": "Inv.", "Research": "Rsch.", "University": "Univ.", "Institute": "Inst.",
	"Academy": "Acad.", "Laboratory": "Lab'y"}

// openParen returns the index of the word that opens the last parenthesis.
func openParen(words []string) int {
	for i := len(words) - 1; i > 0; i-- {
		if strings.HasPrefix(words[i], "(") {
			return i
		}
	}
	return -1
}

func placesIn(s string) []string {
	var out []string
	for p := range chinesePlaces {
		if strings.HasPrefix(s, p+" ") || strings.Contains(s, "("+p+")") {
			out = append(out, p)
		}
	}
	// In the order the name writes them, not the map's, which differs from
	// run to run: a name with two places ("Shanghai Fudan Microelectronics
	// (Hong Kong)") gave its variants in either order, and the compiled
	// dataset, whose file is named by its hash, changed from build to build.
	slices.SortFunc(out, func(a, b string) int { return cmp.Or(placeIndex(s, a)-placeIndex(s, b), strings.Compare(a, b)) })
	return out
}

// placeIndex returns where the place p stands in the name s.
func placeIndex(s, p string) int {
	if strings.HasPrefix(s, p+" ") {
		return 0
	}
	return strings.Index(s, "("+p+")")
}

// splitCamel splits a one-word brand made of two capitalized parts
// ("CloudWalk" as "Cloud Walk", "SenseTime" as "Sense Time"), the space the
// press sometimes inserts; "" when the name is not such a word.
func splitCamel(s string) string {
	if strings.ContainsRune(s, ' ') {
		return ""
	}
	rs := []rune(s)
	cut := -1
	for i := 1; i < len(rs); i++ {
		if unicode.IsUpper(rs[i]) {
			if cut >= 0 || !unicode.IsLower(rs[i-1]) {
				return ""
			}
			cut = i
		}
	}
	if cut < 3 || len(rs)-cut < 3 || !unicode.IsUpper(rs[0]) {
		return ""
	}
	return string(rs[:cut]) + " " + string(rs[cut:])
}

// BaseName is a company name without its trailing alias in parentheses and
// its legal form, as the matcher compares names: "Qihoo 360 Technology Co.
// Ltd." and "Qihoo 360 Technology Company" are both "Qihoo 360 Technology".
func BaseName(name string) string { return variantsOf(name)[0].text }

// katakanaV returns a katakana name with the v-sounds written as the press
// also writes them, ヴ for the b-row ("ハイクヴィジョン" for "ハイクビジョン",
// "メグヴィ" for "メグビー"; second blind part), when the name has one.
func katakanaV(name string) (string, bool) {
	var b strings.Builder
	changed := false
	for _, r := range name {
		if !unicode.In(r, unicode.Katakana) && r != 'ー' && r != '・' {
			return "", false
		}
		if v, ok := katakanaVForms[r]; ok {
			b.WriteString(v)
			changed = true
			continue
		}
		b.WriteRune(r)
	}
	return b.String(), changed
}

var katakanaVForms = map[rune]string{'バ': "ヴァ", 'ビ': "ヴィ", 'ブ': "ヴ", 'ベ': "ヴェ", 'ボ': "ヴォ"}

// koreanChinaPrefixes are the Korean words for China that begin a company's
// name, written with a space after them or joined ("차이나모바일" and "차이나
// 모바일", "중국 텔레콤"; first blind part).
var koreanChinaPrefixes = []string{"차이나", "중국"}

// koreanChinaSpacing returns a Korean name that begins with a word for China
// in the other spacing: joined if the name has a space after the word,
// spaced if not.
// koreanSpacings returns a Korean name of two to four words in Hangul with
// its spaces dropped in every other way: the press spaces compound nouns
// as it likes ("거래 제한 명단", "거래제한 명단", "거래제한명단"; "하이크 비전").
func koreanSpacings(name string) []string {
	words := strings.Fields(name)
	if len(words) < 2 || len(words) > 4 {
		return nil
	}
	for _, w := range words {
		for _, r := range w {
			if !unicode.Is(unicode.Hangul, r) {
				return nil
			}
		}
	}
	var out []string
	for mask := 0; mask < 1<<(len(words)-1); mask++ { // bit i: a space after word i
		if mask == 1<<(len(words)-1)-1 {
			continue // the name as written
		}
		var b strings.Builder
		for i, w := range words {
			b.WriteString(w)
			if i < len(words)-1 && mask&(1<<i) != 0 {
				b.WriteByte(' ')
			}
		}
		out = append(out, b.String())
	}
	return out
}

func koreanChinaSpacing(name string) (string, bool) {
	for _, p := range koreanChinaPrefixes {
		rest, ok := strings.CutPrefix(name, p)
		if !ok {
			continue
		}
		joined := strings.TrimPrefix(rest, " ")
		if utf8.RuneCountInString(joined) < 2 {
			return "", false
		}
		for _, r := range joined {
			if !unicode.Is(unicode.Hangul, r) {
				return "", false
			}
		}
		if rest != joined {
			return p + joined, true
		}
		return p + " " + joined, true
	}
	return "", false
}
