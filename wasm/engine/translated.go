package engine

import (
	"maps"
	"math/bits"
	"slices"
	"strings"
	"unicode"
)

// Translated names. The press of other languages translates a Chinese state
// company's descriptive name word by word rather than transliterating it,
// in its own word order and grammar: "Национальная оффшорная нефтяная
// корпорация Китая", "चीन की राष्ट्रीय अपतटीय तेल कंपनी", "شرکت ملی نفت فلات
// قاره چین", "Corporación Nuclear Nacional China"; Hindi writes the English
// words in Devanagari ("एविएशन इंडस्ट्री कॉर्पोरेशन ऑफ चाइना"), and English
// moves its words too ("Aero Engine Group of China"). The four blind parts
// missed such names in Russian, Arabic, Persian, Hindi and Spanish; no list
// of translations can hold every grammar's forms.
//
// So a name is also read as a set of concepts. Each word of the name's
// English form maps to a concept (CHINA, NATIONAL, OFFSHORE, OIL), and each
// concept has the words, or word stems for languages with case endings,
// that eleven languages use for it (translatedWords). A run of words in the
// text, joined by spaces or hyphens, that maps to exactly the concepts of
// one name, one word per concept, is that name, in any order, with the
// language's small words between them (of, и, का, de) and a word for
// company, corporation or group in it. Only names of China (every
// descriptive state name has the word) with two concepts besides China are
// read, and a set two parties share is read as neither, so that "a Chinese
// oil company" or "a Chinese national oil company" is no name. In Latin
// script two of the words must be capitalized ("Corporación Nuclear
// Nacional China", not "a chinese national nuclear corporation"). As with
// misspelled long names (fuzzylong.go), the text must also name a listed
// party, a list, an order or a law nearby: the prefilter in the widget,
// which knows no translations, stays sound.

// translatedWords: the concepts, each with its words in English first,
// then in other languages, folded as Text.Folded writes them where they are
// read. A word ending in "*" is a stem: every word it begins is that
// concept ("нефтян*": нефтяная, нефтяной, нефтяной). Two words joined by "_"
// are one word of the concept ("فلات_قاره", continental shelf: offshore).
// The order of the table fixes each concept's bit.
var translatedWords = [...]struct{ concept, words string }{
	{"china", "china chinese кита* китай* кнр صين* الصين* چين* چین* चीन चीनी चाइना चाइनीज चाईना chino chinos chinas chine chinois* cina cinese cinesi chines* chinesisch*"},
	{"org", "corporation corp company co group limited ltd holdings inc корпорац* компани* концерн* групп* شرك* مؤسس* مجموع* محدود* گروه شرکت निगम कंपनी कम्पनी कॉर्पोरेशन कॉरपोरेशन कार्पोरेशन कारपोरेशन कॉर्परेशन कॉर्प ग्रुप समूह लिमिटेड corporacion compania empresa grupo sociedad corporation societe groupe compagnie entreprise corporazione societa gruppo compagnia azienda corporacao companhia konzern gesellschaft gruppe unternehmen"},
	{"national", "national национальн* وطني* الوطني* قومي* القومي* ملی ملي राष्ट्रीय नेशनल nacional nationale nazionale nationaler nationalen"},
	{"nuclear", "nuclear ядерн* атомн* نووي* النووي* هسته_ای هستهای هسته‌ای परमाणु न्यूक्लियर nuclear nucleaire nucleare nuklear*"},
	{"offshore", "offshore оффшорн* офшорн* шельф* بحري* البحري* فلات_قاره دریایی دريايي अपतटीय ऑफशोर ऑफ़शोर offshore marino maritimo"},
	{"oil", "oil petroleum нефт* نفط* النفط* للنفط* نفت तेल ऑयल पेट्रोलियम petroleo petrole petroliere petrolio petrolifera oel ol"},
	{"aviation", "aviation авиац* авиационн* طيران* الطيران* هوانوردی हवाई_उद्योग विमानन एविएशन aviacion aeronautica aeronautique aviazione aeronautica aviacao luftfahrt*"},
	{"industry", "industry industries industrial промышленн* индустри* صناع* الصناع* صنايع صنعت صنایع उद्योग इंडस्ट्री इंडस्ट्रीज industria industrias industrial industrie industries industriel* industriale industrie industrias industrial"},
	{"aerospace", "aerospace аэрокосмическ* ракетно-космическ* فضاء* الفضاء* للفضاء* هوافضا एयरोस्पेस अंतरिक्ष aeroespacial aerospatial* aerospaziale"},
	{"science", "science sciences наук* научн* علوم* العلوم* للعلوم* विज्ञान साइंस ciencia ciencias cientifica sciences scientifique scienza scienze scientifica ciencia ciencias cientifica wissenschaft*"},
	{"technology", "technology technologies технолог* техническ* تكنولوج* التكنولوج* للتكنولوج* تقني* التقني* فناوری فناوري تکنولوژی تكنولوژي प्रौद्योगिकी टेक्नोलॉजी टेक्नोलॉजीज तकनीक tecnologia tecnologias tecnologica technologie technologies technologique tecnologie tecnologico technologie*"},
	{"electronics", "electronics electronic электрон* إلكترون* الإلكترون* للإلكترون* الكترون* الکترونیک الكترونيك इलेक्ट्रॉनिक्स इलेक्ट्रॉनिक इलेक्ट्रानिक्स electronica electronicas electronique* elettronica elettronico eletronica elektronik*"},
	{"general", "general генеральн* العامة عمومی عمومي जनरल general generale generales geral allgemein*"},
	{"power", "power энергет* электроэнерг* طاق* الطاق* للطاق* انرژی انرژي نیرو نيرو पावर ऊर्जा energia energie"},
	{"chemical", "chemical химическ* химии الكيمياوي* كيماوي* الكيماوي* كيميائي* الكيميائي* للكيماوي* شیمیایی شيميايي केमिकल रासायनिक रसायन quimica quimico chimique chimica quimica chemie*"},
	{"communications", "communications communication связ* коммуникац* اتصال* الاتصال* للاتصال* ارتباطات مخابرات कम्युनिकेशंस कम्युनिकेशन्स संचार comunicaciones communications comunicazioni comunicacoes kommunikation*"},
	{"construction", "construction строительн* строительств* بناء* البناء* للبناء* انشاء* الانشاء* إنشاء* الإنشاء* للإنشاء* ساختمان ساختمانی کنستراکشن कंस्ट्रक्शन निर्माण construccion construction construction costruzioni costruzione construcao"},
	{"engineering", "engineering инженерн* هندس* الهندس* للهندس* مهندسی مهندسي इंजीनियरिंग अभियांत्रिकी ingenieria ingenierie ingegneria engenharia ingenieur*"},
	{"state", "state государственн* دولت* الدولت* حكومي* الحكومي* دولتی دولتي स्टेट राज्य सरकारी estatal estado etat statale stato estatal staatlich*"},
	{"shipbuilding", "shipbuilding судостроительн* судостроени* بناء_السفن لبناء_السفن کشتی_سازی کشتیسازی जहाज_निर्माण जहाजनिर्माण शिपबिल्डिंग construccion_naval construction_navale construcoes_navais construcao_naval cantieristica schiffbau*"},
	{"commercial", "commercial коммерческ* تجاري* التجاري* تجاری تجاري वाणिज्यिक कमर्शियल comercial commerciale* commerciali kommerziell*"},
	{"aircraft", "aircraft авиастроительн* самолет* самолёт* طائرات* الطائرات* للطائرات* هواپیما* هواپيما* विमान एयरक्राफ्ट aviones aeronaves avions aeronefs aerei aeromobili avioes flugzeug*"},
	{"railway", "railway railways железнодорожн* سكك_حديد* السكك_الحديدي* راه_آهن راهآهن रेलवे ferrocarril* ferroviaire* chemins_de_fer ferroviaria ferroviario ferroviaria eisenbahn*"},
	{"engine", "engine engines двигател* двигателестроени* محرك* المحرك* موتور* इंजन motores moteurs motori motor triebwerk*"},
	{"aero", "aero авиа ایرو एयरो aero"},
	{"north", "north северн* الشمال* شمال* شمالی उत्तर नॉर्थ norte nord"},
	{"south", "south южн* الجنوب* جنوب* جنوبی दक्षिण साउथ sud"},
	{"international", "international международн* الدولي* دولي* بین_المللی بینالمللی अंतरराष्ट्रीय अंतर्राष्ट्रीय इंटरनेशनल internacional internationale internazionale"},
	{"marine", "marine морск* بحري* البحري* دریایی دريايي दरियाई मरीन marinos maritime marittimi maritimos"},
	{"containers", "containers контейнер* حاويات* الحاويات* کانتینر* कंटेनर contenedores conteneurs container contentores"},
}

// translatedSmall are the words allowed between a name's words: of, and,
// the, for.
var translatedSmall = foldedWords("of", "and", "&", "the", "и", "و", "का", "की", "के", "ऑफ", "एंड", "व", "de", "del", "la", "el", "y", "e",
	"du", "des", "d", "et", "l", "di", "della", "dello", "delle", "dei", "do", "da", "dos", "das", "fur", "und", "der", "die")

// translatedAlone: in other scripts a translated name needs no other name
// near when it has three concepts besides China or one of these; "a Chinese
// railway construction company" or "a Chinese electronics technology
// company" describe many (review of this pass), "the Chinese national
// nuclear corporation" one.
var translatedAlone = []string{"nuclear", "offshore", "shipbuilding", "aerospace", "aircraft", "aviation", "engine", "aero"}

// translatedAnd are the small words for "and".
var translatedAnd = foldedWords("and", "&", "и", "و", "एंड", "और", "y", "e", "et", "und")

// translatedNames is the index: word and stem hashes to concept bits, and
// the concept sets of names.
type translatedNames struct {
	words     map[uint64]uint64           // wordHash of a whole word -> concepts
	stems     map[uint64]uint64           // wordHash of a stem -> concepts
	stemRunes [2]uint64                   // bit n: some stem has n runes; [0] in Latin letters, [1] in others
	pairs     map[uint64][]translatedPair // wordHash of a pair's first word -> its second words
	small     map[uint64]bool
	and       map[uint64]bool // the small words for "and"
	alone     map[int32]bool  // the names read with no other name near (translatedAlone)
	withAnd   map[int32]bool  // the names with "and" between their words
	// may: bit h&mayMask is set for the hash h of every word, stem and
	// pair's first word above: most words of a text are none, and one
	// bit test is cheaper than a map lookup.
	may      [mayMask/64 + 1]uint64
	names    map[uint64]int32 // a name's concepts -> its pattern, -1 where two parties share them
	keys     []uint64         // the names' keys, sorted: read in one order
	chinaBit uint64
	// distinctBits: concepts no ordinary description of a company has
	// (translatedAlone).
	distinctBits uint64
	orgBit       uint64
	maxConcept   int
}

// translatedForms calls fn with each form of a concept's words, folded: its
// word, or first word and second for a form of two words ("_"), and whether
// it is a stem ("*").
func translatedForms(words string, fn func(word, second []rune, stem bool)) {
	for _, w := range strings.Fields(words) {
		stem := strings.HasSuffix(w, "*")
		first, second, two := strings.Cut(strings.TrimSuffix(w, "*"), "_")
		if two {
			fn(foldedNames(first)[0], foldedNames(second)[0], stem)
		} else {
			fn(foldedNames(first)[0], nil, stem)
		}
	}
}

// translatedPair is the second word of a concept written in two words.
type translatedPair struct {
	second   []rune
	stem     bool
	concepts uint64
}

const mayMask = 1<<16 - 1

func (tn *translatedNames) mark(h uint64) { tn.may[h&mayMask/64] |= 1 << (h & 63) }

func (tn *translatedNames) mayHold(h uint64) bool { return tn.may[h&mayMask/64]&(1<<(h&63)) != 0 }

// translatedRunMax bounds a run of words read as one name.
const translatedRunMax = 14

// translated returns the index, built now if the dataset has none.
func (d *Dataset) translated() *translatedNames {
	if d.trans == nil {
		return d.indexTranslated()
	}
	return d.trans
}

func (d *Dataset) indexTranslated() *translatedNames {
	tn := &translatedNames{words: map[uint64]uint64{}, stems: map[uint64]uint64{}, pairs: map[uint64][]translatedPair{},
		small: map[uint64]bool{}, and: map[uint64]bool{}, alone: map[int32]bool{}, withAnd: map[int32]bool{}, names: map[uint64]int32{}}
	for i, c := range translatedWords {
		bit := uint64(1) << i
		if slices.Contains(translatedAlone, c.concept) {
			tn.distinctBits |= bit
		}
		switch c.concept {
		case "china":
			tn.chinaBit = bit
		case "org":
			tn.orgBit = bit
		}
		translatedForms(c.words, func(f, second []rune, stem bool) {
			if second != nil {
				h := wordHash(f)
				tn.pairs[h] = append(tn.pairs[h], translatedPair{second: second, stem: stem, concepts: bit})
				tn.mark(h)
				return
			}
			if stem {
				tn.stems[wordHash(f)] |= bit
				tn.mark(wordHash(f))
				script := 1
				if isLatin(f[0]) {
					script = 0
				}
				tn.stemRunes[script] |= 1 << min(len(f), 63)
			} else {
				tn.words[wordHash(f)] |= bit
				tn.mark(wordHash(f))
			}
		})
	}
	for _, w := range translatedAnd {
		tn.and[wordHash([]rune(w))] = true
	}
	for _, w := range translatedSmall {
		tn.small[wordHash([]rune(w))] = true
		tn.mark(wordHash([]rune(w)))
	}
	// Each English name of a party whose every word is a concept.
	for p := range d.Patterns {
		pat := &d.Patterns[p]
		if !d.Entities[pat.Entity].Kind.IsParty() || pat.Flags&Blocker != 0 || len(pat.Context) > 0 {
			continue
		}
		set, ok := tn.englishConcepts(pat.Exact)
		if !ok || set&tn.chinaBit == 0 || bits.OnesCount64(set&^(tn.chinaBit|tn.orgBit)) < 2 {
			continue
		}
		key := set &^ tn.orgBit
		if rest := key &^ tn.chinaBit; bits.OnesCount64(rest) >= 3 || rest&tn.distinctBits != 0 {
			tn.alone[int32(p)] = true
		}
		if runesContain(lowerRunes(pat.Exact), " and ") || runesContain(pat.Exact, "&") {
			tn.withAnd[int32(p)] = true
		}
		if q, seen := tn.names[key]; !seen {
			tn.names[key] = int32(p)
		} else if q >= 0 && d.Patterns[q].Entity != pat.Entity {
			tn.names[key] = -1
		}
	}
	tn.keys = slices.Sorted(maps.Keys(tn.names))
	return tn
}

// englishConcepts returns the concepts of a name written in English words,
// and whether every word is one.
func (tn *translatedNames) englishConcepts(name []rune) (uint64, bool) {
	var set uint64
	words := 0
	for i := 0; i < len(name); {
		if !isWordRune(name[i]) {
			i++
			continue
		}
		j := i
		for j < len(name) && isWordRune(name[j]) {
			j++
		}
		h := wordHash(name[i:j]) // folds to lower case
		c := tn.words[h]
		switch {
		case c != 0:
			set |= c & -c // an English word is its first concept
			words++
		case tn.small[h]:
		default:
			return 0, false
		}
		i = j
	}
	return set, words > 1
}

// translatedToken is one word of the text that names a concept or is a
// small word between them.
type translatedToken struct {
	start, end int32
	concepts   uint64 // 0: a small word
	and        bool   // a small word for "and"
	capital    bool
	latin      bool
}

// findTranslated returns a candidate for each translated name in the text
// near another candidate (cands, sorted by start).
func (d *Dataset) findTranslated(t *Text, cands []candidate) []candidate {
	if len(cands) == 0 && t.scriptFrom == t.scriptTo {
		return nil
	}
	var tn *translatedNames
	x, f := t.Exact, t.Folded
	var out []candidate
	var run []translatedToken
	flush := func() {
		out = d.translatedRuns(t, tn, run, cands, out)
		run = run[:0]
	}
	near := 0
	for i := 0; i < len(f); {
		if !translatedWordRune(f[i]) {
			// A name's words are parted by spaces, hyphens and elisions
			// ("d'État") alone.
			if f[i] != ' ' && f[i] != '-' && f[i] != '\'' && len(run) > 0 {
				flush()
			}
			i++
			continue
		}
		j := i + 1
		for j < len(f) && translatedWordRune(f[j]) {
			j++
		}
		// Latin words are read only near a candidate (a name in Latin
		// letters needs one); the words of other scripts everywhere.
		if i < t.scriptFrom || i >= t.scriptTo {
			next := reach(cands, &near, i, translatedSpan, len(f))
			if i < t.scriptFrom {
				next = min(next, t.scriptFrom)
			}
			if next > j {
				if len(run) > 0 {
					flush()
				}
				i = next
				for i < len(f) && i > 0 && translatedWordRune(f[i-1]) {
					i++
				}
				continue
			}
		}
		// A name in Latin letters starts capitalized: a lower-case word
		// starts none (most words of most texts).
		if len(run) == 0 && isLatin(x[i]) && !isUpper(x[i]) {
			i = j
			continue
		}
		if tn == nil {
			tn = d.translated()
		}
		concepts, start, end, h := tn.wordConcepts(f, i, j)
		if len(run) > 0 && scriptOf(x[run[0].start]) != scriptOf(x[i]) {
			flush() // "China National Offshore Oil Corporation وشركتها"
		}
		switch {
		case concepts != 0:
			run = append(run, translatedToken{start: int32(start), end: int32(end), concepts: concepts, capital: isUpper(x[start]), latin: isLatin(x[start])})
			j = end
		case len(run) > 0 && tn.mayHold(h) && tn.small[h]:
			run = append(run, translatedToken{start: int32(i), end: int32(j), and: tn.and[h]})
		case len(run) > 0:
			flush()
		}
		i = j
	}
	if len(run) > 0 {
		flush()
	}
	return out
}

// translatedSpan bounds how long a translated name is, in runes.
const translatedSpan = 120

// translatedWordRune: letters, digits and the marks of scripts such as
// Devanagari, whose vowel signs are marks.
func translatedWordRune(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return !isCJK(r) && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// scriptOf tells apart the scripts a translated name is written in: a name
// is in one.
func scriptOf(r rune) int {
	switch {
	case isLatin(r):
		return 0
	case isCyrillic(r):
		return 1
	case isArabic(r):
		return 2
	case isDevanagari(r):
		return 3
	}
	return 4
}

// arabicPrefixes are the article and the clitics Arabic writes joined to a
// word: "والتكنولوجيا", "للنفط".
var arabicPrefixes = foldedNames("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل")

// wordConcepts returns the concepts of the word at [i, j) of the folded
// text f, or of it and the next word, and where the name's word starts and
// ends: after a joined "and" (Arabic و), which is not the name's.
func (tn *translatedNames) wordConcepts(f []rune, i, j int) (concepts uint64, start, end int, hash uint64) {
	c, h := tn.conceptsOf(f[i:j])
	if !tn.mayHold(h) {
		// Neither a word, a pair's first word, nor a small word.
	} else if pairs := tn.pairs[h]; len(pairs) > 0 && j+1 < len(f) && f[j] == ' ' {
		k := j + 1
		for k < len(f) && translatedWordRune(f[k]) {
			k++
		}
		for _, p := range pairs {
			if n := len(p.second); n <= k-j-1 && runesEqual(f[j+1:j+1+n], p.second) && (p.stem || n == k-j-1) {
				return p.concepts, i, k, h
			}
		}
	}
	if c != 0 {
		return c, i, j, h
	}
	if isArabic(f[i]) {
		for _, p := range arabicPrefixes {
			if j-i > len(p)+1 && runesEqual(f[i:i+len(p)], p) {
				if c, _ := tn.conceptsOf(f[i+len(p) : j]); c != 0 {
					if p[0] == 'و' {
						return c, i + 1, j, h
					}
					return c, i, j, h
				}
			}
		}
	}
	return 0, i, j, h
}

// conceptsOf returns the concepts of one folded word, as a whole word or by
// its longest stem, and the word's wordHash.
func (tn *translatedNames) conceptsOf(w []rune) (uint64, uint64) {
	h := uint64(14695981039346656037)
	var found uint64
	stems := tn.stemRunes[1]
	if isLatin(w[0]) {
		stems = tn.stemRunes[0]
	}
	for n, r := range w {
		h = (h ^ uint64(lower(r))) * 1099511628211
		if n+1 < 64 && stems&(1<<(n+1)) != 0 && tn.mayHold(h) {
			if c := tn.stems[h]; c != 0 {
				found = c
			}
		}
	}
	if !tn.mayHold(h) {
		return found, h
	}
	if c := tn.words[h]; c != 0 {
		return c, h
	}
	return found, h
}

// translatedRuns reads a run of concept words and small words: the longest
// stretch of it, from its left, that is one name.
func (d *Dataset) translatedRuns(t *Text, tn *translatedNames, run []translatedToken, cands, out []candidate) []candidate {
	for a := 0; a < len(run); a++ {
		// A name in Latin letters starts capitalized: "le groupe China
		// General Nuclear Power" is a description, then the name.
		if run[a].concepts == 0 || run[a].latin && !run[a].capital {
			continue
		}
		best, bestPattern := -1, int32(-1)
		for b := a + 1; b < len(run) && b < a+translatedRunMax; b++ {
			if run[b].concepts == 0 {
				continue
			}
			if p := tn.nameOf(run[a : b+1]); p >= 0 {
				best, bestPattern = b, p
			}
		}
		if best < 0 {
			continue
		}
		s, e := int(run[a].start), int(run[best].end)
		// A word for company before the party's own name in its own
		// words is a description, not a word of a translated name
		// ("der Unternehmen China Railway Construction"; real excerpts,
		// December 2026): the exact name stands alone.
		if run[a].latin && run[a].concepts&^tn.orgBit == 0 && d.exactAt(cands, int32(run[a+1].start), d.Patterns[bestPattern].Entity) {
			continue
		}
		if inProse(t.Exact, s, e) && (!run[a].latin && tn.alone[bestPattern] || d.candidateNear(cands, s, e)) {
			out = append(out, candidate{start: int32(s), end: int32(e), pattern: bestPattern})
			a = best
		}
	}
	return out
}

// exactAt: a candidate of the exact pass for entity starts at start.
func (d *Dataset) exactAt(cands []candidate, start, entity int32) bool {
	k, _ := slices.BinarySearchFunc(cands, start, func(c candidate, start int32) int { return int(c.start - start) })
	for ; k < len(cands) && cands[k].start == start; k++ {
		if d.Patterns[cands[k].pattern].Entity == entity {
			return true
		}
	}
	return false
}

// candidateNear: a candidate of the exact pass stands near [a, b), or inside
// it: a name the widget's prefilter lets through.
func (d *Dataset) candidateNear(cands []candidate, a, b int) bool {
	k, _ := slices.BinarySearchFunc(cands, int32(a-fullNameWindow), func(c candidate, start int32) int { return int(c.start - start) })
	for ; k < len(cands) && cands[k].start <= int32(b+contextWindow); k++ {
		// A candidate still to be vouched for (a lower-case "avic") is one
		// the prefilter may stop.
		if !cands[k].namesake && !cands[k].vouched && d.Patterns[cands[k].pattern].Flags&Blocker == 0 {
			return true
		}
	}
	return false
}

// nameOf returns the pattern of the name a stretch of words is, or -1.
func (tn *translatedNames) nameOf(words []translatedToken) int32 {
	var union uint64
	var prev uint64
	concepts, capitals, latin, org, and := 0, 0, false, false, false
	for _, w := range words {
		if w.concepts == 0 {
			prev = 0
			and = and || w.and
			continue
		}
		if w.concepts&tn.orgBit != 0 && w.concepts&^tn.orgBit == 0 {
			org = true
			if w.capital {
				capitals++
			}
			prev = 0
			continue
		}
		union |= w.concepts
		// Two words in a row for one concept are one ("فلات قاره" is
		// read as a pair already; "научно-технической" is two).
		if w.concepts != prev {
			concepts++
		}
		prev = w.concepts
		if w.capital && w.concepts&tn.chinaBit == 0 {
			capitals++
		}
		latin = latin || w.latin
	}
	if !org || latin && capitals < 2 {
		return -1
	}
	// Each word names one of the name's concepts, and every concept is
	// named, once.
	for _, key := range tn.keys {
		p := tn.names[key]
		if p < 0 || bits.OnesCount64(key) != concepts || union&key != key {
			continue
		}
		// "Chinese aviation and industrial corporations" is no name
		// without "and" (AVIC); "Science and Industry" is one with it.
		if tn.everyWordIn(words, key) && (!and || tn.withAnd[p]) {
			return p
		}
	}
	return -1
}

func (tn *translatedNames) everyWordIn(words []translatedToken, key uint64) bool {
	var seen uint64
	for _, w := range words {
		c := w.concepts &^ tn.orgBit
		if w.concepts == 0 || c == 0 && w.concepts&tn.orgBit != 0 {
			continue
		}
		if c&key == 0 {
			return false
		}
		seen |= c & key
	}
	return seen == key
}

// TranslatedKeys returns, folded, the words for China and for a company in
// the scripts other than Latin, as the widget's prefilter must key them: a
// translated name in those scripts is read with no other candidate near, so
// the prefilter lets through a text that holds one of each. An Arabic word
// comes with each article and clitic the engine reads before it.
func TranslatedKeys() (china, company []string) {
	for _, c := range translatedWords[:2] {
		var out []string
		translatedForms(c.words, func(f, _ []rune, _ bool) {
			if isLatin(f[0]) {
				return
			}
			out = append(out, string(f))
			if isArabic(f[0]) {
				for _, p := range arabicPrefixes {
					out = append(out, string(p)+string(f))
				}
			}
		})
		if c.concept == "china" {
			china = out
		} else {
			company = out
		}
	}
	return china, company
}
