package engine

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// A list's acronym or description is often written inside the phrase that
// names the list: "die 1260H-Liste", "la liste NS-CMIC", "списка NS-CMIC",
// "قائمة 1260H", "1260H清单", "中国军事企业清单", "the Pentagon's list of
// Chinese military companies". The mention is that phrase, as every
// labeller of blind excerpts in 15 languages marked it (December 2026);
// a name that already holds a word for "list" ("Entity List", "实体清单",
// "lista de entidades") is left as it is.

// listWordsBefore stand before a list's name, each with the space
// or nothing that joins it to the name.
var listWordsBefore = foldedPhrases("liste ", "liste des ", "liste der ", "liste de la ", "lista ", "lista de la ", "lista de ", "lista do ", "lista da ",
	"lista delle ", "lista dei ", "elenco ", "elenco delle ", "elenco dei ", "list of ", "список ", "списка ", "списке ", "списку ",
	"списком ", "перечень ", "перечня ", "перечне ", "перечнем ", "قائمة ", "لائحة ", "فهرست ", "非sdn",
	// The list's owner between the word for list and the description
	// ("la lista del Pentágono de empresas militares chinas").
	"lista del pentágono de ", "lista do pentágono de ", "liste du pentagone des ", "lista del pentagono delle ",
	"lista del pentagono di ", "lista del departamento de defensa de ", "lista do departamento de defesa de ",
	// A black list, and a list called so ("die Schwarze Liste „1260H“",
	// "la liste dite « 1260H »", "a lista chamada “1260H”": real excerpts).
	"schwarze liste ", "schwarzen liste ", "liste dite ", "lista chamada ", "lista denominada ", "lista llamada ",
	"lista cosiddetta ", "so-called list ")

// listCalledPhrases say that a list is known by the name after them.
var listCalledPhrases = foldedPhrases("قائمة تعرف باسم ", "قائمة معروفة باسم ", "القائمة المعروفة باسم ", "list known as ",
	"list called ", "liste connue sous le nom de ", "lista conocida como ", "lista nota come ", "lista conhecida como ",
	"список, известный как ", "список известный как ", "список, известный под названием ")

// listCalledBefore: one of listCalledPhrases ends right before a of f.
func listCalledBefore(f []rune, a int) bool {
	for _, w := range listCalledPhrases {
		if n := utf8.RuneCountInString(w); a-n >= 0 && runesEqualString(f[a-n:a], w) {
			return true
		}
	}
	return false
}

// listWordBefore returns where a word for "list" right before a at f
// starts, or a.
func listWordBefore(f []rune, a int) int {
	start := a
	for _, w := range listWordsBefore {
		if n := utf8.RuneCountInString(w); a-n >= 0 && a-n < start && runesEqualString(f[a-n:a], w) && (a-n == 0 || !isWordRune(f[a-n-1])) {
			start = a - n
		}
	}
	return start
}

// listOfSection returns a pattern of the one list linked to a law (the
// list its section makes), or -1. It scans the dataset: a word for
// "list" before a section is rare.
func (d *Dataset) listOfSection(law int32) int32 {
	list := int32(-1)
	for e := range d.Entities {
		if d.Entities[e].Kind == KindList && slices.Contains(d.Entities[e].Linked, law) {
			if list >= 0 {
				return -1
			}
			list = int32(e)
		}
	}
	for p := range d.Patterns {
		if list >= 0 && d.Patterns[p].Entity == list && d.Patterns[p].Flags&Blocker == 0 {
			return int32(p)
		}
	}
	return -1
}

// listWordsAfter follow a list's name, folded, with what joins them to it.
var listWordsAfter = foldedPhrases("-liste", " liste", " list", "清单", "名单", "清單", "名單", "企业名单", "企業名單", "企业清单",
	"企業清單", "公司名单", "公司名單", "章节清单", "章節清單", "リスト", "のリスト", " 리스트",
	" 목록", " 명단", " सूची", " लिस्ट", " की सूची", " की अपनी सूची",
	// After a list's number and a space (after a number only: a quote
	// folds to a space too), the list of a law's section: "1260H 名單",
	// "1260H 條款名單" (real excerpts, December 2026).
	" 名單", " 名单", " 清單", " 清单", "條款名單", "条款名单", " 條款名單", " 条款名单")

// listWordsIn are the words for "list" that make a name a whole list name.
var listWordsIn = foldedPhrases("list", "清单", "名单", "清單", "名單", "リスト", "리스트", "목록", "список", "قائمة",
	"لائحة", "فهرست", "सूची", "लिस्ट", "elenco", "registro", "перечень", "명단")

// listPhrase returns the bounds of the phrase that names a list around its
// name at [a, b) of text t. A name in quotes takes its quotes along when a
// word for "list" stands outside them: "liste des « entreprises militaires
// chinoises »", "„Communist Chinese Military Companies“-Liste",
// "“中国军事企业”清单".
func listPhrase(t *Text, a, b int) (int, int) {
	f := t.Folded
	if holdsListWord(f[a:b]) {
		return ownerBefore(f, a), ownerAfter(f, b)
	}
	// Quotes fold to spaces (beside a no-break space, two of them):
	// outer are the bounds with the quotes, where both sides have one.
	outerA, outerB := a, b
	if qa := quoteWithin(t, a-2, a); qa >= 0 {
		if qb := quoteWithin(t, b, b+2); qb >= 0 {
			outerA, outerB = qa, qb+1
		} else if g := glossEnd(f, b); g > b {
			// The gloss inside the quotes: "“中国军事企业(Chinese
			// Military Companies,CMC)”清单" (real excerpts).
			if qb := quoteWithin(t, g, g+2); qb >= 0 {
				outerA, outerB = qa, qb+1
			}
		}
	}
	start, end := a, b
	quoted := outerA < a
	for _, at := range [...]int{outerA, a} {
		if s := listWordBefore(f, at); s < at && s < start {
			start = s
			if quoted {
				end = max(end, outerB)
			}
		}
	}
	// A gloss in parentheses between the name and the word for list:
	// "“中国军事企业”( “Chinese military companies” )名单", "‘중국 군사 기업’
	// (Chinese military companies) 명단" (real excerpts).
	glossed := glossEnd(f, outerB)
	for _, w := range listWordsAfter {
		n := utf8.RuneCountInString(w)
		for _, at := range [...]int{outerB, b, glossed} {
			if at+n <= len(f) && at+n > end && runesEqualString(f[at:at+n], w) && (at+n == len(f) || !isWordRune(f[at+n]) || isCJK(f[at+n-1])) &&
				!(w[0] == ' ' && isHan(f[at+n-1]) && (at == 0 || !isDigit(f[at-1]) && f[at-1] != 'h')) {
				end = at + n
				if quoted {
					start = min(start, outerA)
				}
			}
		}
	}
	return start, ownerAfter(f, end)
}

// listOwnersAfter name the United States after a list's name in Persian,
// where the owner follows what it owns: "لیست سیاه وزارت
// بازرگانی آمریکا" (the blacklist of the Commerce Department of America),
// as the labellers of real excerpts marked it. (The agency after a list's
// own name is not part of it: "فهرست موجودیت" in "فهرست موجودیت وزارت
// بازرگانی آمریکا", the Entity List of the Commerce Department.)
var listOwnersAfter = foldedPhrases(" آمریکا", " امریکا", " ایالات متحده آمریکا", " ایالات متحده",
	// Arabic: the FCC's covered list, and an agency's name the list's name
	// ends in, made American ("القائمة المغطاة للجنة الاتصالات الفيدرالية",
	// "قائمة كيانات وزارة التجارة الأمريكية"; real excerpts, December 2026).
	" للجنة الاتصالات الفيدرالية الأمريكية", " للجنة الاتصالات الفيدرالية الأميركية", " للجنة الاتصالات الفيدرالية")

// agencyAdjectives follow an agency's name at the end of an Arabic list's
// name: "وزارة التجارة الأمريكية".
var agencyAdjectives = foldedPhrases(" الأمريكية", " الأميركية")
var arabicAgencyEnds = phraseRunes("وزارة التجارة", "وزارة الدفاع")

// ownerBefore returns where "US-" joined to a list's name before it at a
// of folded text starts, or a: German compounds the owner into the name
// ("auf der US-Entity-List", as labellers of real excerpts marked it).
func ownerBefore(f []rune, a int) int {
	if a >= 3 && runesEqualString(f[a-3:a], "us-") && (a == 3 || !isWordRune(f[a-4])) {
		return a - 3
	}
	return a
}

var (
	persianBlack    = []rune(foldedPhrases(" سیاه")[0])
	persianAgencies = foldedPhrases(" کمیسیون ارتباطات فدرال", " وزارت بازرگانی", " وزارت دفاع", " پنتاگون", " این وزارتخانه",
		// The government's, after its agency or alone: "فهرست سیاه وزارت
		// بازرگانی دولت آمریکا", "لیست سیاه واشنگتن" (real excerpts).
		" وزارت بازرگانی دولت آمریکا", " وزارت بازرگانی آمریکا", " وزارت دفاع آمریکا", " واشنگتن", " دولت آمریکا")
	persianBlackAdjectives = foldedPhrases(" اقتصادی", " تجاری")
)

// ownerAfter returns where the owner after a list's name ending at end of
// folded text f ends, or end.
func ownerAfter(f []rune, end int) int {
	if end == 0 || !isArabic(f[end-1]) {
		return end // "Entity List آمریکا": the name in Latin letters is the list's own
	}
	// A black list is the agency's that keeps it: "فهرست سیاه کمیسیون ارتباطات
	// فدرال", the FCC's blacklist (real excerpts).
	if runesHaveSuffix(f[:end], persianBlack) {
		end = longestAfter(f, longestAfter(f, end, persianBlackAdjectives), persianAgencies)
	}
	// Arabic writes the owner of a black list after it with li- ("of"):
	// "القائمة السوداء للبنتاغون", "القائمة السوداء الاقتصادية للحكومة
	// الأمريكية", "القائمة السوداء للجنة الاتصالات الفيدرالية الأمريكية", as
	// the labellers of real excerpts marked them.
	if runesHaveSuffix(f[:end], arabicBlack) {
		return longestAfter(f, longestAfter(f, end, arabicBlackAdjectives), arabicOwners)
	}
	for _, a := range arabicAgencyEnds {
		if runesHaveSuffix(f[:end], a) {
			return longestAfter(f, end, agencyAdjectives)
		}
	}
	return longestAfter(f, end, listOwnersAfter)
}

var (
	arabicBlack           = []rune(foldedPhrases(" السوداء")[0])
	arabicBlackAdjectives = foldedPhrases(" الاقتصادية", " التجارية")
	arabicOwners          = foldedPhrases(" للحكومة الأمريكية", " للحكومة الأميركية", " للبنتاغون", " للبنتاجون",
		" لوزارة التجارة الأمريكية", " لوزارة التجارة الأميركية", " لوزارة التجارة", " لوزارة الدفاع الأمريكية",
		" لوزارة الدفاع", " للجنة الاتصالات الفيدرالية الأمريكية", " للجنة الاتصالات الفيدرالية الأميركية",
		" للجنة الاتصالات الفيدرالية", " الأمريكية", " الأميركية", " الخاصة بها")
)

// longestAfter returns where the longest of phrases at end of folded text
// f, ending a word, ends, or end.
func longestAfter(f []rune, end int, phrases []string) int {
	best := end
	for _, w := range phrases {
		if n := utf8.RuneCountInString(w); end+n <= len(f) && end+n > best && runesEqualString(f[end:end+n], w) && (end+n == len(f) || !isWordRune(f[end+n])) {
			best = end + n
		}
	}
	return best
}

// glossEnd returns where a parenthesis that starts at i of folded text
// (a space before it allowed) ends, when it holds no more than
// glossMaxRunes, or i.
func glossEnd(f []rune, i int) int {
	k := i
	if k < len(f) && f[k] == ' ' {
		k++
	}
	if k >= len(f) || f[k] != '(' {
		return i
	}
	for j := k + 1; j < len(f) && j-k <= glossMaxRunes; j++ {
		switch {
		case f[j] == ')':
			return j + 1
		case f[j] == '(' || isCJK(f[j]):
			return i // a parenthesis in the text's own script is no gloss: "（华为、中兴通讯）"
		}
	}
	return i
}

const glossMaxRunes = 80

// isDescription reports a list's name in words that describe what it
// holds ("Chinese military companies"), not a name of its own ("NS-CMIC",
// "Entity List"): words in lower case, and no word for list.
func isDescription(name []rune) bool {
	return slices.ContainsFunc(name, isLower) && slices.Contains(name, ' ') && !holdsListWord(lowerRunes(name))
}

// cjkGlossed reports a name at s of folded text in parentheses right after
// Chinese, Japanese or Korean text (quotes fold to spaces) that is not a
// list's name with its word for list: a gloss of a description, which
// names the list no more than the description does.
func cjkGlossed(f []rune, s int) bool {
	k := s - 1
	for k >= 0 && f[k] == ' ' {
		k--
	}
	if k < 0 || f[k] != '(' {
		return false
	}
	k--
	for k >= 0 && f[k] == ' ' {
		k--
	}
	if k < 0 || !isCJK(f[k]) {
		return false
	}
	for _, w := range listWordsAfter { // "“中国军事企业”清单 (Chinese Military Companies)": the list's
		if n := utf8.RuneCountInString(w); k+1-n >= 0 && runesEqualString(f[k+1-n:k+1], w) {
			return false
		}
	}
	return true
}

// ListDescription reports a list's name in Chinese, Japanese or Korean
// that describes what the list holds ("中国军事企业") without a word for
// "list" or a number ("第889条" names a law's section): it names the list
// only with a word for "list" after it.
func ListDescription(name []rune) bool {
	if len(name) == 0 || !isCJK(name[0]) || slices.ContainsFunc(name, isDigit) {
		return false
	}
	return !holdsListWord(lowerRunes(name))
}

// holdsListWord reports a word for "list" in a name in lower case.
func holdsListWord(lower []rune) bool {
	return slices.ContainsFunc(listWordsIn, func(w string) bool { return runesContain(lower, w) })
}

// quoteWithin returns the index of the first quote (a folded space) in
// [from, to) of t's text, or -1.
func quoteWithin(t *Text, from, to int) int {
	k, _ := slices.BinarySearch(t.Quotes, int32(from))
	if k < len(t.Quotes) && int(t.Quotes[k]) < to {
		return int(t.Quotes[k])
	}
	return -1
}

func runesContain(r []rune, s string) bool {
	n := utf8.RuneCountInString(s)
	for i := 0; i+n <= len(r); i++ {
		if runesEqualString(r[i:i+n], s) {
			return true
		}
	}
	return false
}

// The Chinese, Japanese and Korean press write a law's section after the
// act's name and its fiscal year, as one phrase: "2019财年国防授权法第889条",
// "1999財年國防授權法第1237條", "2019年度国防権限法889条", "2024 회계연도
// 국방수권법 제805조". The mention runs over them (blind-labelled parts).

// actNames are the defence act's names that stand before a section.
var actNames = foldedNames("국방수권법안", "国防授权法案", "國防授權法案", "国防授权法", "國防授權法", "国防権限法", "国防授権法", "국방수권법",
	"《国防授权法案》", "《國防授權法案》", "《国防授权法》", "《國防授權法》", "ndaa",
	// The act by its Public Law number (Pub. L. 105-261, the FY1999 act).
	"105-261号公法", "105-261號公法", "公法105-261")

// actCountries stand between a fiscal year and the act's name:
// "2019年度米国国防権限法" (real excerpts, December 2026); without the
// year before them, the country is not part of the act's name ("미국
// 국방수권법 889조", as the second blind part marks it).
var actCountries = foldedNames("米国", "美国", "美國", "미국")

// fiscalYearWords follow the year before an act's name.
var fiscalYearWords = foldedNames("财年", "財年", "财政年度", "財政年度", "年会計年度", "会計年度", "年度", "회계연도", "年", "년")

// actGlosses stand between an act's name and its section: the act's short
// form in parentheses ("2024年度国防権限法（NDAA）第805条", "국방수권법(NDAA)
// 제889조"), and the book-title bracket that closes its name
// ("《2021财年国防授权法》第1260H条": the year is then inside the brackets).
var actGlosses = append(foldedNames("(ndaa)의", "(ndaa)", "》의", "》", "의"),
	// The quote that closes the act's name: "‘2021년 국방수권법’ 제1260H조"
	// (real excerpts, December 2026).
	[]rune("'"))

// isSectionName reports a section written in CJK or Korean words: "第889条",
// "889条", "제889조".
func isSectionName(name []rune) bool {
	n := len(name)
	if n > 2 && name[n-1] == '항' && name[n-2] == '조' { // "1260H 조항", the provision
		n--
	}
	return n > 1 && slices.ContainsFunc(name, isDigit) && (name[n-1] == '条' || name[n-1] == '條' || name[n-1] == '조')
}

// actBefore returns where the act's name, and the fiscal year before it,
// start before a section at a of folded text, or a. Korean puts a space
// between the words.
func actBefore(f []rune, a int) int {
	if a > 0 && isDigit(f[a]) && strings.ContainsRune(orderPrefixMarks, f[a-1]) {
		a-- // the ordinal prefix of a section the data writes without it ("889조")
	}
	at := a
	bracket := false
	if g := wordsEndingAt(f, a, actGlosses); g < a {
		at, bracket = g, f[g] == '》'
	} else if g := parenBefore(f, a); g < a {
		// The act's name in English in parentheses: "《1999财年国防授权法案》
		// (National Defense Authorization Act for Fiscal Year 1999,NDAA 1999)第1237条".
		at = g
		if at > 0 && f[at-1] == '》' {
			at, bracket = at-1, true
		}
	}
	act := wordsEndingAt(f, at, actNames)
	if act == at {
		return a
	}
	opening := func(k int) int { // the book-title bracket before the act's name, when it was closed
		if bracket && k > 0 && f[k-1] == '《' {
			return k - 1
		}
		return k
	}
	// The country inside the brackets: "2019财年《美国国防授权法》第889条"
	// (review, December 2026).
	if c := wordsEndingAt(f, act, actCountries); bracket && c < act && c > 0 && f[c-1] == '《' {
		act = c
	}
	fy := wordsEndingAt(f, act, fiscalYearWords)
	// Japanese joins the year to the act with の: "2019年度の国防権限法".
	if fy == act && act > 0 && f[act-1] == 'の' {
		if y := wordsEndingAt(f, act-1, fiscalYearWords); y < act-1 && yearBefore(f, y) < y {
			fy = y
		}
	}
	if c := wordsEndingAt(f, act, actCountries); fy == act && c < act {
		if y := wordsEndingAt(f, c, fiscalYearWords); y < c && yearBefore(f, y) < y {
			act, fy = c, y
		}
	}
	if fy == act && opening(act) < act {
		// The year before the brackets: "1999财年《国防授权法》第1237条"
		// (real excerpts, December 2026).
		act = opening(act)
		bracket = false
		fy = wordsEndingAt(f, act, fiscalYearWords)
	}
	if fy == act {
		return opening(act)
	}
	if digits := yearBefore(f, fy); digits < fy {
		return opening(digits)
	}
	return opening(act)
}

// yearBefore returns where the four-digit year before a fiscal-year word at
// fy of folded text starts (a space between allowed), or fy.
func yearBefore(f []rune, fy int) int {
	year := fy
	if year > 0 && f[year-1] == ' ' {
		year--
	}
	digits := year
	for digits > 0 && isDigit(f[digits-1]) {
		digits--
	}
	if year-digits != 4 || digits > 0 && isWordRune(f[digits-1]) && !isCJK(f[digits-1]) {
		return fy
	}
	return digits
}

// parenBefore returns where a parenthesis of up to glossMaxRunes that
// closes right before a of folded text (a space between allowed) opens, or a.
func parenBefore(f []rune, a int) int {
	k := a
	if k > 0 && f[k-1] == ' ' {
		k--
	}
	if k == 0 || f[k-1] != ')' {
		return a
	}
	for j := k - 2; j >= 0 && k-j <= glossMaxRunes+2; j-- {
		switch {
		case f[j] == '(':
			return j
		case f[j] == ')' || isCJK(f[j]) && !isLatinGlossCJK(f, j):
			return a // "(华为和中兴的禁令)": not the act's name in English
		}
	}
	return a
}

// isLatinGlossCJK allows the Chinese words an English gloss of the act
// carries: "(National Defense Authorization Act for Fiscal Year 1999 ,下称“NDAA
// FY99”)", "hereinafter".
func isLatinGlossCJK(f []rune, j int) bool {
	for _, w := range glossHereinafter {
		n := len(w)
		for s := max(0, j-n+1); s <= j && s+n <= len(f); s++ {
			if runesEqual(f[s:s+n], w) {
				return true
			}
		}
	}
	return false
}

var glossHereinafter = foldedNames("下称", "下稱", "以下简称", "以下簡稱")

// wordsEndingAt returns where one of words ends at end of f (a space before
// end allowed) starts, or end.
func wordsEndingAt(f []rune, end int, words [][]rune) int {
	at := end
	if at > 0 && f[at-1] == ' ' {
		at--
	}
	for _, w := range words {
		if n := len(w); at-n >= 0 && runesEqual(f[at-n:at], w) {
			return at - n
		}
	}
	return end
}

// appositionReach is how far after a list's name a description of it in
// apposition may start ("the Entity List of the Commerce Department since
// 2019, the so-called blacklist").
const appositionReach = 80

// dropListAppositions removes a list's description in common words ("liste
// noire", "lista nera", "blacklist") set in apposition to a mention of the
// same list by its name, after it or before it: "l'Entity List, la liste
// noire du département américain du Commerce" and "sa liste noire
// commerciale, l'« Entity List »" name the list once, as every labeller of
// the blind parts marked them (third and fourth parts).
func (d *Dataset) dropListAppositions(t *Text, sure []candidate) []candidate {
	x := t.Exact
	// A description in quotes is a gloss ("the 实体清单, literally the
	// "entity list""), marked as well.
	glossed := func(c candidate) bool { return c.start > 0 && quoteWithin(t, int(c.start)-1, int(c.start)) >= 0 }
	var drop []int32 // starts of the mentions to drop
	prev := -1       // index in sure of the last list mention
	for i, c := range sure {
		p := &d.Patterns[c.pattern]
		if p.Flags&Blocker != 0 || d.Entities[p.Entity].Kind != KindList {
			continue
		}
		if prev >= 0 {
			a := sure[prev]
			if d.Patterns[a.pattern].Entity == p.Entity && apposition(x, int(a.end), int(c.start)) {
				switch lowA, lowC := isLower(x[a.start]), isLower(x[c.start]); {
				case lowC && !lowA && !glossed(c):
					drop = append(drop, c.start)
					continue // the name stays the one to compare with
				case lowA && !lowC && !glossed(a):
					drop = append(drop, a.start)
				}
			}
		}
		prev = i
	}
	if drop == nil {
		return sure
	}
	return slices.DeleteFunc(sure, func(c candidate) bool { return slices.Contains(drop, c.start) })
}

// apposition reports whether the words between a and b set what follows in
// apposition: a comma or a dash, then at most three words
// (an article, "so-called"), within appositionReach runes and one sentence.
func apposition(x []rune, a, b int) bool {
	if b-a > appositionReach || b <= a {
		return false
	}
	between := x[a:b]
	if slices.ContainsFunc(between, func(r rune) bool { return r == '.' || r == ';' || r == '。' || r == '!' || r == '?' }) {
		return false
	}
	// Not a parenthesis: "une liste des sociétés ... (NS-CMIC List)" glosses
	// the description with the name, and both are marked.
	k := len(between) - 1 // the last comma or dash
	for k >= 0 && !slices.Contains([]rune{',', '，', '—', '–'}, between[k]) {
		k--
	}
	if k < 0 {
		return false
	}
	words := 0
	for i := k + 1; i < len(between); i++ {
		if isWordRune(between[i]) && (i == k+1 || !isWordRune(between[i-1])) {
			words++
		}
	}
	return words <= 3
}

// sharedListByParty: a phrase that two lists share names the one that a
// party beside it is on and the other is not. The press wrote "la lista
// nera del Pentagono" for the Section 1237 list in 2020-21 and for the 1260H
// list since: beside Xiaomi, on the first only, it is the first. Without
// such a party the mention stays with the list that choose gave it (the
// first in the dataset's order). sure and cands are sorted by start.
func (d *Dataset) sharedListByParty(sure, cands []candidate) {
	for i, c := range sure {
		a := d.Patterns[c.pattern].Entity
		if d.Entities[a].Kind != KindList {
			continue
		}
		k, _ := slices.BinarySearchFunc(cands, c.start, func(m candidate, at int32) int { return int(m.start - at) })
		for _, o := range cands[k:] {
			if o.start != c.start {
				break
			}
			b := d.Patterns[o.pattern].Entity
			if o.end != c.end || o.vouched || b == a || d.Entities[b].Kind != KindList || d.Patterns[o.pattern].Flags&Blocker != 0 {
				continue
			}
			if d.partyOnlyOn(sure, c, b, a) && !d.partyOnlyOn(sure, c, a, b) {
				sure[i] = o
				break
			}
		}
	}
}

// partyOnlyOn reports whether a party on list on and not on list off is
// named within contextWindow of c.
func (d *Dataset) partyOnlyOn(sure []candidate, c candidate, on, off int32) bool {
	k, _ := slices.BinarySearchFunc(sure, c.start-contextWindow, func(m candidate, at int32) int { return int(m.start - at) })
	for _, m := range sure[k:] {
		if m.start > c.end+contextWindow {
			break
		}
		p := &d.Patterns[m.pattern]
		if e := p.Entity; p.Flags&Blocker == 0 && d.Entities[e].Kind.IsParty() && d.onList(e, on) && !d.onList(e, off) {
			return true
		}
	}
	return false
}

// The press of every language writes a section's act after it, as its
// name's short form: "Section 889 des NDAA 2019", "sezione 1260H del NDAA
// 2021", "разделу 889 NDAA", "раздел 805 NDAA-2024", "بخش 889 قانون NDAA",
// "Sec. 1260H NDAA FY2021"; Hindi writes it before, "NDAA की धारा 889".
// The labellers of blind part 5 marked the act with the section in all
// three parts, as the dataset's own long names do ("Section 889 of the John
// S. McCain National Defense Authorization Act for Fiscal Year 2019").

// actJoins stand between a section and the act's short form after it.
var actJoins = foldedPhrases("of the ", "of ", "des ", "der ", "du ", "del ", "de la ", "de ", "della ", "dello ",
	"dell'", "da ", "do ", "من ", "قانون ", "")

// isSectionNumber: a name written in letters that ends in its section's
// number ("Section 889", "разделу 1260H"), not one in CJK words.
func isSectionNumber(name []rune) bool {
	n := len(name)
	return n > 1 && !isCJK(name[0]) && (isDigit(name[n-1]) || (name[n-1] == 'H' || name[n-1] == 'h') && isDigit(name[n-2]))
}

// actAfter returns where the act after a section ending at e of t ends, or
// e: its short form ("Section 889 des NDAA 2019") or its name, in any
// language, with its fiscal year ("Sección 1260H de la Ley de Autorización
// de Defensa Nacional para el año fiscal 2021", "Section 889(a)(1)(B) of the
// John S. McCain National Defense Authorization Act for Fiscal Year 2019"),
// as the labellers of blind parts 5 and 6 marked them in every language.
// The subsections after the number ("(a)(1)(B)") are part of the section
// before its act; with no act after them the mention is the section alone,
// as the project corpus marks it.
func actAfter(t *Text, e int) int {
	f := t.Folded
	section := e
	e = subsections(f, e)
	if e+1 >= len(f) || f[e] != ' ' {
		return section
	}
	for _, join := range actJoins {
		k := e + 1
		if !hasPrefixAt(f, k, join) {
			continue
		}
		k += len([]rune(join))
		if end := actName(t, k); end > k && !quoteBetween(t, e, end) {
			return end
		}
		// A fiscal year before the act: "FY2024 NDAA".
		if y := fiscalYear(f, k); y > k && y < len(f) && f[y] == ' ' {
			k = y + 1
		}
		if !hasPrefixAt(f, k, "ndaa") || k+4 < len(f) && isWordRune(f[k+4]) {
			continue
		}
		end := k + 4
		// And after it: "NDAA 2019", "NDAA-2024", "NDAA FY2021", "NDAA de 2019".
		for _, sep := range [...]string{" ", "-", " de ", " of ", " for "} {
			if y := fiscalYear(f, end+len(sep)); hasPrefixAt(f, end, sep) && y > end+len(sep) {
				return y
			}
		}
		if quoteBetween(t, e, end) {
			continue
		}
		return end
	}
	return section
}

// actYearIn returns the four-digit year written in f[a:b] (a fiscal year
// an act after a section was named with), or 0.
func actYearIn(f []rune, a, b int) int {
	for i := a; i+4 <= b; i++ {
		if (i == a || !isDigit(f[i-1])) && isDigit(f[i]) && isDigit(f[i+1]) && isDigit(f[i+2]) && isDigit(f[i+3]) &&
			(i+4 == len(f) || !isDigit(f[i+4])) && (f[i] == '1' && f[i+1] == '9' || f[i] == '2' && f[i+1] == '0') {
			return int(f[i]-'0')*1000 + int(f[i+1]-'0')*100 + int(f[i+2]-'0')*10 + int(f[i+3]-'0')
		}
	}
	return 0
}

// otherYearsAct reports whether the act written in f[a:b] beside a
// section names another fiscal year than the first year in the entity's
// name ("… for Fiscal Year 1999", "Section 889 of the FY2019 NDAA"):
// another year's act has its own section of that number.
func (d *Dataset) otherYearsAct(f []rune, a, b int, entity int32) bool {
	y := actYearIn(f, a, b)
	if y == 0 {
		return false
	}
	name := []rune(d.Entities[entity].Name)
	want := actYearIn(name, 0, len(name))
	return want != 0 && y != want
}

// ownYearAfter returns where the year in the entity's name, written after
// its mention ending at e of folded text in one of actYears' forms, ends,
// or e.
func (d *Dataset) ownYearAfter(f []rune, e int, entity int32) int {
	name := []rune(d.Entities[entity].Name)
	want := actYearIn(name, 0, len(name))
	if want == 0 {
		return e
	}
	for _, y := range actYears {
		before, after := y[0], y[1]
		if !runesHavePrefixAt(f, e, before) {
			continue
		}
		at := e + len(before)
		if n := fiscalYear(f, at); n > at && actYearIn(f, at, n) == want && runesHavePrefixAt(f, n, after) {
			return n + len(after)
		}
	}
	return e
}

// quoteBetween reports a double quote folded into a space between a and b
// of t: an act named in quotes ("Section 889 of the "National Defense
// Authorization Act"") is another span than the section's.
func quoteBetween(t *Text, a, b int) bool {
	k, _ := slices.BinarySearch(t.Quotes, int32(a))
	return k < len(t.Quotes) && int(t.Quotes[k]) < b
}

// subsections returns where the subsections after a section's number at e
// of folded text end ("889(a)(1)(B)"), or e.
func subsections(f []rune, e int) int {
	for e < len(f) && f[e] == '(' {
		k := e + 1
		for k < len(f) && k-e <= 4 && (isDigit(f[k]) || f[k] >= 'a' && f[k] <= 'z') {
			k++
		}
		if k == e+1 || k >= len(f) || f[k] != ')' {
			break
		}
		e = k + 1
	}
	return e
}

// actNamesAfter are the defence act's names as the press of each language
// writes them after a section, folded; the longer first.
var actNamesAfter = phraseRunes("national defense authorization act", "ley de autorización de defensa nacional",
	"loi de programmation militaire américaine", "loi de programmation militaire",
	"loi d'autorisation de la défense nationale", "legge di autorizzazione della difesa nazionale",
	"lei de autorização de defesa nacional", "закона об оборонном бюджете сша", "закона об оборонном бюджете",
	"قانون تفويض الدفاع الوطني", "قانون مجوز دفاع ملی",
	// Real excerpts, December 2026: "section 1237 de la loi sur
	// l'autorisation de la défense nationale", "Abschnitt 1237 des
	// Nationalen Verteidigungsgenehmigungsgesetz".
	"loi sur l'autorisation de la défense nationale", "nationalen verteidigungsgenehmigungsgesetzes",
	"nationalen verteidigungsgenehmigungsgesetz")

// actYears are the words around the fiscal year after an act's name:
// before the year, and after it.
var actYears = foldedPairs([][2]string{{" for fiscal year (fy) ", ""}, {" for fiscal year ", ""}, {" for fy ", ""}, {" para el año fiscal ", ""},
	{" del año fiscal ", ""}, {" pour l'exercice ", ""}, {" pour l'année fiscale ", ""}, {" per l'anno fiscale ", ""},
	{" para o ano fiscal de ", ""}, {" para o ano fiscal ", ""}, {" на ", " финансовый год"}, {" of ", ""},
	{" للسنة المالية ", ""}, {" لعام ", ""}, {" سال مالی ", ""}, {" برای سال مالی ", ""}, {" de ", ""}, {" for ", ""}, {" ", ""}})

// foldedPairs folds each pair of phrases as the text is, spaces kept.
func foldedPairs(pairs [][2]string) [][2][]rune {
	out := make([][2][]rune, len(pairs))
	for i, p := range pairs {
		out[i] = [2][]rune{[]rune(foldedPhrases(p[0])[0]), []rune(foldedPhrases(p[1])[0])}
	}
	return out
}

// actName returns where an act's name at k of t ends, with its fiscal year,
// or k. In English up to four words of its namesake come first, each
// capitalized or an initial ("the John S. McCain", "the William M. (Mac)
// Thornberry").
func actName(t *Text, k int) int {
	f, x := t.Folded, t.Exact
	at := k
	if hasPrefixAt(f, at, "the ") {
		at += 4
	}
	if hasPrefixAt(f, at, "annual ") { // "of the annual National Defense Authorization Act"
		at += len("annual ")
	}
	// A fiscal year before the name: "of the 2019 National Defense
	// Authorization Act", "of the FY 1999 National Defense Authorization Act".
	if y := fiscalYear(f, at); y > at && y < len(f) && f[y] == ' ' {
		at = y + 1
	}
	for words := 0; words <= 4; words++ {
		for _, act := range actNamesAfter {
			if !runesHavePrefixAt(f, at, act) || at+len(act) < len(f) && isWordRune(f[at+len(act)]) {
				continue
			}
			end := at + len(act)
			// Its short form in parentheses before its year: "the National
			// Defense Authorization Act (NDAA) for Fiscal Year (FY) 2019";
			// without a year after it, the short form is not the section's.
			for _, from := range [...]int{end + len(" (ndaa)"), end} {
				if from > end && !hasPrefixAt(f, end, " (ndaa)") {
					continue
				}
				for _, y := range actYears {
					before, after := y[0], y[1]
					if !runesHavePrefixAt(f, from, before) {
						continue
					}
					if n := fiscalYear(f, from+len(before)); n > from+len(before) && runesHavePrefixAt(f, n, after) {
						return n + len(after)
					}
				}
			}
			return end
		}
		// One word of the act's namesake: capitalized, an initial or a
		// nickname in parentheses, then a space.
		w := at
		for w < len(x) && (isWordRune(x[w]) || x[w] == '.' || x[w] == '(' || x[w] == ')' || x[w] == '\'') {
			w++
		}
		if w == at || w >= len(x) || x[w] != ' ' || !isUpper(x[at]) && !(x[at] == '(' && at+1 < len(x) && isUpper(x[at+1])) {
			return k
		}
		at = w + 1
	}
	return k
}

func runesHavePrefixAt(f []rune, k int, p []rune) bool {
	return k+len(p) <= len(f) && runesEqual(f[k:k+len(p)], p)
}

// fiscalYear returns where a year ("2021", "FY2021", "FY 2021", "fiscal
// year 2021") at k of folded text ends, or k.
func fiscalYear(f []rune, k int) int {
	at := k
	for _, p := range [...]string{"fiscal year ", "fy ", "fy"} {
		if hasPrefixAt(f, at, p) {
			at += len(p)
			break
		}
	}
	n := at
	for n < len(f) && isDigit(f[n]) {
		n++
	}
	if n-at != 4 || n < len(f) && isWordRune(f[n]) {
		return k
	}
	return n
}

// hindiActBefore returns where "NDAA की", and a fiscal year before it
// ("वित्त वर्ष 2024 के NDAA की धारा 805"), start before a section at a of
// folded text, or a.
func hindiActBefore(f []rune, a int) int {
	for _, act := range hindiActs {
		n := len(act)
		if a < n || !runesEqual(f[a-n:a], act) {
			continue
		}
		s := a - n
		if s > 0 && f[s-1] == ' ' {
			// "वित्त वर्ष 2024 के " before it.
			k := s - 1
			for _, of := range hindiOf {
				if k >= len(of) && runesEqual(f[k-len(of):k], of) {
					y := k - len(of)
					d := y
					for d > 0 && isDigit(f[d-1]) {
						d--
					}
					if y-d == 4 && d > 0 && f[d-1] == ' ' && hasSuffixAt(f, d-1, hindiFiscalYear) {
						return d - 1 - len(hindiFiscalYear)
					}
				}
			}
		}
		return s
	}
	return a
}

var (
	hindiActs = phraseRunes("ndaa की ", "ndaa के ", "ndaa का ", "एनडीएए की ", "एनडीएए के ", "एनडीएए का ",
		"राष्ट्रीय रक्षा प्राधिकरण अधिनियम की ", "राष्ट्रीय रक्षा प्राधिकरण अधिनियम के ")
	hindiOf         = phraseRunes(" के", " की", " का")
	hindiFiscalYear = phraseRunes("वित्त वर्ष")[0]
)

// phraseRunes folds phrases as the text is, spaces kept.
func phraseRunes(phrases ...string) [][]rune {
	var out [][]rune
	for _, p := range foldedPhrases(phrases...) {
		out = append(out, []rune(p))
	}
	return out
}

func hasPrefixAt(f []rune, k int, p string) bool {
	for _, r := range p {
		if k >= len(f) || f[k] != r {
			return false
		}
		k++
	}
	return true
}

// hasSuffixAt: f[:end] ends with s.
func hasSuffixAt(f []rune, end int, s []rune) bool {
	return end >= len(s) && runesEqual(f[end-len(s):end], s)
}
