package engine

import (
	"slices"
	"strings"
	"unicode"
)

// The press of other scripts writes a company's name in its own script
// with the name the lists use in parentheses after it: "Айфлайтек
// (iFlytek)", "نوكتك (Nuctech)", "सेंसटाइम (SenseTime)", "중국선박그룹(CSSC)",
// "寧徳時代新能源科技（CATL）". Where the name in parentheses is a mention,
// the words before it are the same party: a gloss. Only a run of one
// other script counts (Cyrillic, Arabic, Devanagari, Hangul, katakana),
// never Latin ("the chipmaker (SMIC)") nor Chinese characters, which run
// on into the sentence without spaces. Blind-labelled excerpts in 15
// languages marked these names (December 2026); the dataset cannot list
// every transliteration the press invents.
//
// In Latin script, European press translates a body's full name and puts
// the acronym the lists use after it: "la Corporación Nacional de Petróleo
// Marino de China (CNOOC)", "l'Istituto di tecnologia di Harbin (HIT)".
// There a gloss needs a word that heads a body's name (Corporación,
// Universität, Istituto, Group) capitalized, with the words after it up to
// the parenthesis and the capitalized words before it ("Nationale
// Universität für Verteidigungstechnologie"); "the chipmaker (SMIC)" has
// none, so it stays what it was.

// glossCompanyWords and glossLegalWords: Hindi's word for company, and the
// words of a legal form after it.
var (
	glossCompanyWords = foldedWords("कंपनी", "कम्पनी")
	glossLegalWords   = foldedWords("लिमिटेड", "प्राइवेट", "प्राईवेट", "कंपनी", "कम्पनी")
)

// allGlossLegal: every word read so far is a word of a legal form.
func allGlossLegal(x []rune, words [][2]int) bool {
	for _, w := range words {
		if !foldedIn(x[w[0]:w[1]], glossLegalWords) {
			return false
		}
	}
	return true
}

// foldedIn: the word w of the exact text, folded, is one of words (folded
// by foldedWords): "की" is folded "कि", Persian "که" is "كه".
func foldedIn(w []rune, words []string) bool {
	f, _ := NormalizeName(string(w))
	return inWords(f, words)
}

// glossWordsMax bounds a gloss of words (Cyrillic, Arabic, Devanagari).
const glossWordsMax = 6

// glossStops end a gloss: prepositions, conjunctions and postpositions,
// and the nouns that describe a company rather than name it.
var glossStops = foldedWords("в", "во", "на", "и", "с", "со", "по", "из", "для", "от", "что", "как", "а", "но", "у",
	"к", "о", "об", "при", "за", "под", "над", "же", "это", "также", "компания", "компании",
	"की", "के", "का", "ने", "में", "को", "से", "और", "पर", "है", "हैं", "था", "थी", "ये", "यह", "वह", "तथा", "एवं",
	"या", "भी", "तो", "लिए", "द्वारा", "वाली", "वाले", "वाला", "कंपनी", "चीनी", "अमेरिकी", "निर्माता",
	"في", "من", "على", "إلى", "مع", "عن", "و", "أن", "التي", "الذي", "در", "از", "به", "با", "را", "که", "این", "برای")

// foldedWords returns words as the folded text writes them (Persian ک and
// ی as Arabic ك and ي).
func foldedWords(words ...string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = string(foldedNames(w)[0])
	}
	return out
}

// foldedNames returns each word folded as Text.Folded writes it, once.
func foldedNames(words ...string) [][]rune {
	var out [][]rune
	for _, w := range words {
		f, _ := NormalizeName(w)
		if !slices.ContainsFunc(out, func(o []rune) bool { return runesEqual(o, f) }) {
			out = append(out, f)
		}
	}
	return out
}

// glossPlaces are capitalized inside a Russian name without starting it.
var glossPlaces = [...]string{"китая", "китай", "кнр", "сша", "россии", "пекина", "гонконга", "шанхая"}

// glossHeads start an Arabic or Persian company's name ("شركة ...",
// "مؤسسة ...", "دانشگاه ..."); without one, the gloss is the last word.
var glossHeads = foldedWords("شركة", "شرکت", "مؤسسة", "مجموعة", "جامعة", "دانشگاه", "گروه", "معهد", "أكاديمية",
	"الشركة", "المؤسسة")

// glossBefore returns where the gloss before the parenthesis at open in
// text x begins and ends, and whether there is one.
func glossBefore(x []rune, open int) (start, end int, ok bool) {
	end = open
	if end > 0 && x[end-1] == ' ' {
		end--
	}
	if end == 0 {
		return 0, 0, false
	}
	r := x[end-1]
	switch {
	case isHangul(r), isKatakana(r) || r == '・':
		same := isHangul
		if !isHangul(r) {
			same = func(r rune) bool { return isKatakana(r) || r == '・' }
		}
		start := end
		for start > 0 && same(x[start-1]) {
			start--
		}
		return start, end, end-start >= 2 && x[start] != '・'
	case isLatin(r) && isWordRune(r):
		return latinGloss(x, end)
	case isCyrillic(r), isArabic(r), isDevanagari(r):
		var words [][2]int // from the last word back
		i := end
		for len(words) < glossWordsMax && i > 0 {
			j := i
			for j > 0 && (isWordRune(x[j-1]) || isMark(x[j-1]) || x[j-1] == 0x200C) {
				j--
			}
			if j == i || !sameScript(x[j], r) {
				break
			}
			if w := x[j:i]; foldedIn(w, glossStops) {
				// "कंपनी लिमिटेड" is a legal form, Company Limited, not
				// a word for the company before its name ("कंटेम्पररी
				// एम्परेक्स टेक्नोलॉजी कंपनी लिमिटेड (CATL)"; real
				// excerpts, December 2026).
				if !foldedIn(w, glossCompanyWords) || len(words) == 0 || !allGlossLegal(x, words) {
					break
				}
			}
			for k := j; k < i; k++ {
				if unicode.IsDigit(x[k]) {
					return 0, 0, false
				}
			}
			words = append(words, [2]int{j, i})
			if j == 0 || x[j-1] != ' ' {
				break
			}
			i = j - 1
		}
		if len(words) == 0 || allGlossLegal(x, words) {
			return 0, 0, false // "लिमिटेड (CATL)": a legal form alone names no one
		}
		first := len(words) - 1
		switch {
		case isCyrillic(r):
			// A name starts with a capital after a word in lower case
			// ("... году Китайская государственная судостроительная
			// корпорация", "компанию Айфлайтек"); a place inside it
			// ("Корпорация коммерческих самолётов Китая") starts nothing.
			start := -1
			for k := 0; k <= first; k++ { // from the last word back
				w := x[words[k][0]:words[k][1]]
				if !isUpper(w[0]) || inWords(lowerRunes(w), glossPlaces[:]) {
					continue
				}
				start = k
				if k == first || !isUpper(x[words[k+1][0]]) {
					break
				}
			}
			if start < 0 {
				return 0, 0, false
			}
			first = start
		case isArabic(r):
			head := -1
			for k := first; k >= 0; k-- {
				if foldedIn(x[words[k][0]:words[k][1]], glossHeads) {
					head = k
					break
				}
			}
			// Without one, only a word that stands alone after a stop
			// word or a punctuation mark: "مع نوكتك".
			if head < 0 {
				// Three letters are a syllable of a name written in
				// parts ("سی‌ان‌اوک"), not a name.
				if len(words) > 1 || words[0][1]-words[0][0] < 4 {
					return 0, 0, false
				}
				// A word with the article al- is an Arabic word ("في
				// العالم (Xiaomi)", in the world), never a name written
				// in Arabic letters (real excerpts, December 2026).
				if w := x[words[0][0]:]; w[0] == 'ا' && w[1] == 'ل' {
					return 0, 0, false
				}
				head = 0
			}
			first = head
		}
		return words[first][0], end, true
	}
	return 0, 0, false
}

// latinGlossWordsMax bounds a translated name from its head word to the
// parenthesis.
const latinGlossWordsMax = 10

// latinGlossHeads are the nouns that head a body's name, accents folded
// and in lower case, in the languages whose press translates names.
var latinGlossHeads = [...]string{"corporacion", "corporacao", "corporazione", "corporation", "societe", "sociedad",
	"sociedade", "societa", "academie", "academia", "accademia", "akademie", "academy", "universitat", "universidad",
	"universidade", "universita", "universite", "university", "istituto", "instituto", "institut", "institute",
	"grupo", "gruppo", "groupe", "gruppe", "group", "compania", "companhia", "compagnia", "compagnie", "company",
	"empresa", "azienda", "banco", "banca", "banque", "bank", "administracion", "administracao", "amministrazione",
	"administration", "agencia", "agenzia", "agence", "agency", "centro", "centre", "center", "zentrum",
	"laboratorio", "laboratoire", "laboratory", "fabrica", "fabbrica", "konzern", "gesellschaft", "industria",
	"industrie", "industries", "escuela", "ecole", "scuola", "hochschule", "colegio", "college"}

// latinGlossStops are capitalized at a sentence's start without being part
// of a name: articles, prepositions, conjunctions.
var latinGlossStops = [...]string{"the", "a", "an", "la", "le", "les", "el", "los", "las", "il", "lo", "gli", "i",
	"o", "os", "as", "die", "der", "das", "des", "dem", "den", "ein", "eine", "einer", "un", "une", "una", "uno",
	"um", "uma", "in", "at", "on", "by", "for", "from", "with", "and", "or", "en", "de", "da", "do", "di", "del",
	"della", "dans", "bei", "mit", "von", "vom", "zur", "zum", "fur", "uber", "per", "por", "para", "com", "con",
	"et", "und", "y", "e", "ou", "oder", "since", "seit", "depuis", "desde", "dal", "dalla", "laut", "selon",
	"segun", "secondo", "according", "after", "nach", "apres", "despues", "dopo", "when", "als", "wenn", "quand",
	"cuando", "quando", "while", "wahrend", "pendant", "mientras", "mentre", "but", "aber", "mais", "pero", "ma",
	"mas", "also", "auch", "aussi", "tambien", "anche", "tambem"}

// latinGlossGlue join the capitalized words of a translated name.
var latinGlossGlue = [...]string{"de", "da", "do", "di", "del", "della", "delle", "degli", "dei", "des", "du", "dos", "das",
	"la", "le", "les", "el", "los", "las", "lo", "of", "the", "fur", "der", "y", "e", "et", "and", "und"}

// latinGloss returns where a translated name before the parenthesis
// ends at end begins (glossBefore).
func latinGloss(x []rune, end int) (start, stop int, ok bool) {
	var words [][2]int // from the last word back
	for i := end; len(words) < latinGlossWordsMax+4 && i > 0; {
		j := i
		for j > 0 && (isWordRune(x[j-1]) || (x[j-1] == '\'' || x[j-1] == '-') && j-1 > 0 && isWordRune(x[j-2])) {
			j--
		}
		if j == i {
			break
		}
		words = append(words, [2]int{j, i})
		if j < 2 || x[j-1] != ' ' || !isWordRune(x[j-2]) {
			break
		}
		i = j - 1
	}
	head := -1
	for k := 0; k < len(words) && k < latinGlossWordsMax; k++ {
		w := elided(x[words[k][0]:words[k][1]])
		if isUpper(w[0]) && inWords(lowerRunes(w), latinGlossHeads[:]) {
			head = k
			break
		}
	}
	if head < 0 {
		return 0, 0, false
	}
	// Back from the head over capitalized words and the small words that
	// join them ("Corporação da Indústria", "Nationale Universität"), to
	// the farthest capitalized one.
	first := head
	for k := head; k < len(words); k++ {
		w := x[words[k][0]:words[k][1]]
		if e := elided(w); len(e) < len(w) {
			if isUpper(e[0]) {
				first = k
			}
			break // "l'Istituto": the article starts nothing
		}
		lw := lowerRunes(w)
		if isUpper(w[0]) && !inWords(lw, latinGlossStops[:]) {
			first = k
		} else if k == head || !inWords(lw, latinGlossGlue[:]) {
			break
		}
	}
	if first == 0 {
		return 0, 0, false // the head word alone ("Group (ZTE)")
	}
	w := x[words[first][0]:words[first][1]]
	return words[first][1] - len(elided(w)), end, true
}

// elided returns a word without an article elided before it ("l'Istituto",
// "dell'Accademia", "d'Études").
func elided(w []rune) []rune {
	for i, r := range w {
		if r == '\'' && i > 0 && i <= 4 && i+1 < len(w) {
			return w[i+1:]
		}
	}
	return w
}

// sameScript: a is a letter of b's script (Cyrillic, Arabic, Devanagari,
// Hangul or katakana).
func sameScript(a, b rune) bool {
	switch {
	case isCyrillic(b):
		return isCyrillic(a)
	case isArabic(b):
		return isArabic(a)
	case isHangul(b):
		return isHangul(a)
	case isKatakana(b):
		return isKatakana(a)
	default:
		return isDevanagari(a)
	}
}

func isDevanagari(r rune) bool { return r >= 0x900 && r < 0x980 }

func isCyrillic(r rune) bool { return r >= 0x400 && r <= 0x4FF }

// glosses returns a mention for each gloss before a mention of a party in
// parentheses (sorted, not overlapping): of the same pattern, so of the
// same party. A list's name is a phrase of its own language ("فهرست
// نهادها (Entity List)"), not a gloss to guess at.
func (d *Dataset) glosses(x []rune, sure []candidate) []candidate {
	var out []candidate
	for k, c := range sure {
		if !d.Entities[d.Patterns[c.pattern].Entity].Kind.IsParty() {
			if start, end, ok := listGlossBefore(x, c, d.Patterns[c.pattern].Exact); ok && (k == 0 || int(sure[k-1].end) <= start) {
				out = append(out, candidate{start: int32(start), end: int32(end), pattern: c.pattern})
			}
			continue
		}
		open := int(c.start) - 1
		if open < 1 || x[open] != '(' && x[open] != '（' || int(c.end) >= len(x) {
			continue
		}
		switch x[c.end] {
		case ')', '）', ',', '·', ';', '、', '/':
		default:
			continue
		}
		start, end, ok := glossBefore(x, open)
		if !ok || k > 0 && int(sure[k-1].end) > start {
			continue
		}
		out = append(out, candidate{start: int32(start), end: int32(end), pattern: c.pattern})
	}
	return out
}

// listGlossBefore returns the phrase a list's own name in parentheses
// glosses ("거래제한 기업 목록(Entity List)", "список организаций (Entity List)",
// "«فهرست پوششی» (Covered List)"): the press of other scripts names the list
// in its words and puts the list's name after it, and readers, as the
// labellers of the blind parts and real excerpts, mark both. Only a phrase
// with a word for list, where a head-initial language starts it and Korean
// ends it, up to listGlossWords words; not past a particle or possessive.
func listGlossBefore(x []rune, c candidate, name []rune) (start, end int, ok bool) {
	open := int(c.start) - 1
	if open < 1 || x[open] != '(' && x[open] != '（' || int(c.end) >= len(x) || x[c.end] != ')' && x[c.end] != '）' ||
		!runesContain(lowerRunes(name), "list") {
		return 0, 0, false
	}
	end = open
	if end > 0 && x[end-1] == ' ' {
		end--
	}
	if end > 0 && (x[end-1] == '»' || x[end-1] == '’' || x[end-1] == '”' || x[end-1] == '\'') {
		end-- // "«فهرست پوششی» (Covered List)": the quotes are the text's
	}
	if end > 0 && x[end-1] == '」' || end > 0 && isHan(x[end-1]) && (x[end] == '”' || x[end] == ' ') {
		return hanListGloss(x, end)
	}
	var words [][2]int // from the last word back
	for i := end; len(words) < listGlossWords && i > 0; {
		j := i
		for j > 0 && (isWordRune(x[j-1]) || isHangul(x[j-1]) || isMark(x[j-1]) || x[j-1] == 0x200C || x[j-1] == '-') {
			j--
		}
		if j == i {
			break
		}
		words = append(words, [2]int{j, i})
		if j == 0 || x[j-1] != ' ' {
			break
		}
		i = j - 1
	}
	if len(words) == 0 {
		return 0, 0, false
	}
	last := lowerRunes(x[words[0][0]:words[0][1]])
	if isHangul(last[0]) {
		if !slices.ContainsFunc(koreanListWords, func(w []rune) bool { return runesHaveSuffix(last, w) }) {
			return 0, 0, false
		}
		first := 0
		for k := 1; k < len(words); k++ {
			w := x[words[k][0]:words[k][1]]
			if !isHangul(w[0]) || strings.ContainsRune(koreanWordEnds, w[len(w)-1]) {
				break
			}
			first = k
		}
		return words[first][0], end, true
	}
	for k := len(words) - 1; k >= 0; k-- { // the word for list nearest the start
		w := lowerRunes(x[words[k][0]:words[k][1]])
		if slices.ContainsFunc(headListWords, func(l []rune) bool { return runesEqual(w, l) }) {
			return words[k][0], end, true
		}
	}
	return 0, 0, false
}

const listGlossWords = 4

// hanListGloss returns a Chinese list's phrase in quotes that ends at end
// before the list's own name in parentheses: "“受限名单”(Covered List)",
// "“中共军工企业名单”(List of Chinese Military Companies)" (real excerpts,
// December 2026): from the opening quote, which bounds it, to a word for
// list. Chinese writes no spaces: a space there is a quote the text's
// normalization turned into one.
func hanListGloss(x []rune, end int) (start, stop int, ok bool) {
	if x[end-1] == '」' {
		end--
	}
	w := x[:end]
	if !slices.ContainsFunc(hanListWords, func(l []rune) bool { return runesHaveSuffix(w, l) }) {
		return 0, 0, false
	}
	for k := end - 1; k >= 0 && end-k <= hanListGlossMax; k-- {
		switch {
		case x[k] == '“' || x[k] == '「' || x[k] == ' ': // the text's quotes are spaces here
			return k + 1, end, k+1 < end-2
		case !isHan(x[k]):
			return 0, 0, false
		}
	}
	return 0, 0, false
}

const hanListGlossMax = 20

var hanListWords = [][]rune{[]rune("名单"), []rune("名單"), []rune("清单"), []rune("清單")}

// koreanWordEnds end a word that is not part of a list's description
// before it: particles and the verb endings before a noun ("상무부의",
// "제품을", "취득해야만 하는").
const koreanWordEnds = "은는이가을를의에와과도로으께서며고면던된될할"

var (
	koreanListWords = foldedNames("목록", "명단", "리스트")
	headListWords   = foldedNames("список", "списка", "списке", "списку", "списком", "перечень", "перечня", "перечне",
		"قائمة", "القائمة", "لائحة", "فهرست", "لیست", "liste", "lista", "elenco")
)

func runesHaveSuffix(r, s []rune) bool {
	return len(r) >= len(s) && runesEqual(r[len(r)-len(s):], s)
}

// vouchByGloss accepts a name waiting for context ("NUDT", "CAEP": acronyms
// of other bodies too) when it stands in parentheses after a translation
// of its party's name: a Latin gloss (latinGloss) that shares at least two
// words with the party's English name, by the stem a translation keeps
// ("Académie chinoise de physique de l'ingénieur (CAEP)" for "Chinese
// Academy of Engineering Physics": acad, phys). "Comité Asiático de
// Educación Popular (CAEP)" shares none.
func (d *Dataset) vouchByGloss(x []rune, cands []candidate) {
	for i := range cands {
		c := &cands[i]
		open := int(c.start) - 1
		if !c.vouched || open < 1 || x[open] != '(' && x[open] != '（' || int(c.end) >= len(x) || x[c.end] != ')' && x[c.end] != '）' {
			continue
		}
		start, end, ok := glossBefore(x, open)
		if !ok || !isWordRune(x[end-1]) && !isHangul(x[end-1]) {
			continue
		}
		gloss := lowerRunes(x[start:end])
		if isLatin(x[end-1]) {
			c.vouched = sharedStems(gloss, []rune(d.Entities[d.Patterns[c.pattern].Entity].Name)) < 2
			continue
		}
		// In another script the translation is not compared with the
		// English name; a translated name of a Chinese body says China
		// ("شرکت ملی هسته‌ای چین (CNNC)", "중국광핵그룹(CGN)").
		c.vouched = !slices.ContainsFunc(chinaWords, func(w []rune) bool { return runesContain(gloss, string(w)) })
	}
}

// chinaWords are the words for China and Chinese in the scripts glosses are
// read in, folded (Persian letters as Arabic ones).
var chinaWords = foldedNames("چین", "الصين", "الصيني", "китая", "китайск", "चीन", "चाइना", "중국")

// sharedStems counts the words of name, of five letters or more and other
// than China's, whose first four letters begin a word of gloss or whose
// first five occur inside one (German compounds: "Verteidigungstechnologie"
// for "Technology"). gloss is in lower case.
func sharedStems(gloss, name []rune) int {
	n := 0
	for _, w := range wordsOf(lowerRunes(name)) {
		if len(w) < 5 || runesEqualString(w[:4], "chin") {
			continue
		}
		for _, g := range wordsOf(gloss) {
			if len(g) >= 4 && runesEqual(g[:4], w[:4]) || len(g) > 5 && runesContain(g, string(w[:5])) {
				n++
				break
			}
		}
	}
	return n
}

// wordsOf splits r into its runs of word runes.
func wordsOf(r []rune) [][]rune {
	var out [][]rune
	for i := 0; i < len(r); {
		j := i
		for j < len(r) && isWordRune(r[j]) {
			j++
		}
		if j > i {
			out = append(out, r[i:j])
			i = j
		} else {
			i++
		}
	}
	return out
}
