//go:build !js

package main

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"sort"
	"strings"
	"unicode"

	"factcard/data"
	"factcard/wasm/engine"
)

// The prefilter lets the widget skip the engine on pages that cannot hold a
// mention, in two stages, so that a page with no candidate downloads
// factcard.js alone (issue #13: at most 15 KB) and a page with a word of a
// name downloads one small file more, not the engine.
//
// Stage one, in factcard.js (widget/prefilter.js): every name has one key
// that a text holding the name must hold, once folded as the engine folds
// text: a word that is rare in prose ("huawei", "13959"), or for a name of
// common words a pair of them, glue skipped ("bank china"); chosen greedily so that few
// keys cover every name. Names that start with another script's letter
// (Chinese, Japanese, Russian) are covered by their first character.
// Stage one also finds words near a brand the engine takes misspelled
// ("Hauwei", "Hik vision"): those go straight to the engine.
//
// Stage two, factcard-keys-HASH.js (widget/keys.js), loaded only when stage
// one finds a word: every name has a key, the start of the name as the
// engine folds it; a text whose folded form holds no key has no mention.
// It is exact where stage one is coarse, so that a story that says "China"
// without naming a listed company does not download the engine.
//
// Both fold text with tables generated here from the engine's own
// Normalize. docs/performance.md explains the design and its numbers.

// Key lengths: a name that starts a word is keyed on up to 17 characters
// ("executive order 1", "china mobile"), rare in prose: 12 let "executive
// order" without a number and "navigational error" through on three of the
// shared pages without a mention, which then loaded the engine; 17 stops
// them for 5 KB more in the keys' file, 24 stops no more. Other names
// (Chinese, Japanese) are keyed on up to 4, as the widget hashes from
// every such character.
const (
	wordKeyRunes  = 17
	otherKeyRunes = engine.OtherKeyRunes // the engine's misspelling pass keeps them (fuzzyscript.go)
)

// foldedOf returns s folded as the engine folds text (case, width,
// diacritics, dashes, quotes and white space).
func foldedOf(s string) []rune { return engine.Normalize(s).Folded }

// startsWord reports folded characters after which a name that starts with
// a letter or digit cannot start: the widget's test, which the engine's
// isWordRune implies. They are also the characters of stage one's words.
func startsWord(r rune) bool { return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' }

// prefilterKey returns a folded name's key: its first wordKeyRunes
// characters when it starts with a letter or digit, else its first
// otherKeyRunes; only characters of the Basic Multilingual Plane (one
// UTF-16 unit, as the widget reads text).
func prefilterKey(folded []rune) ([]rune, error) {
	n := otherKeyRunes
	if len(folded) > 0 && startsWord(folded[0]) {
		n = wordKeyRunes
	}
	k := folded[:min(n, len(folded))]
	for i, r := range k {
		if r >= 0x10000 {
			k = k[:i]
			break
		}
	}
	if len(k) == 0 {
		return nil, fmt.Errorf("the name %q has no character the prefilter can key on", string(folded))
	}
	return k, nil
}

// nameWords returns the words of a folded name: its runs of a–z and 0–9.
// Inside the name each is delimited by other characters, so a text holding
// the name holds each as a whole word; at the name's start the engine
// requires a word start, and at its end at most a genitive "s" may follow
// ("Huaweis"), which the widget strips.
func nameWords(folded []rune) []string {
	var words []string
	start := -1
	for i := 0; i <= len(folded); i++ {
		if i < len(folded) && startsWord(folded[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			words = append(words, string(folded[start:i]))
			start = -1
		}
	}
	return words
}

// nameKeys returns the keys stage one may take for a folded name: its
// words that are not common (a brand, an acronym, a long number:
// data.CommonWord); else the pairs of its adjacent words, skipping glue
// ("bank china" for "Bank of China", "david lee"), as a pair of common words
// is rarer in prose than either; else its one word.
func nameKeys(name []rune) []string {
	ws := nameWords(name)
	var keys []string
	for _, w := range ws {
		if len(w) >= 3 && !data.CommonWord(w) && !proseWords[w] {
			keys = append(keys, w)
		}
	}
	if len(keys) > 0 {
		return keys
	}
	prev, glue := "", data.GlueWords()
	for _, w := range ws {
		if slices.Contains(glue, w) {
			continue
		}
		if prev != "" {
			keys = append(keys, prev+" "+w)
		}
		prev = w
	}
	// A pair that news prose writes every day is a key only when the name
	// has no other.
	if rarer := slices.DeleteFunc(slices.Clone(keys), func(k string) bool { return dailyPairs[k] }); len(rarer) > 0 {
		keys = rarer
	}
	if len(keys) > 0 || len(ws) == 0 {
		return keys
	}
	return ws[:1]
}

// dailyPairs are pairs of common words that news prose writes every day,
// folded: places, institutions and business phrases. "united states" was
// the key of names such as the Committee on Foreign Investment in the
// United States and sent most American stories to stage two.
var dailyPairs = map[string]bool{}

func init() {
	for _, p := range strings.Split(`united states|united kingdom|united nations|arab emirates|hong kong|new york|new zealand|`+
		`south korea|north korea|south africa|saudi arabia|middle east|east asia|southeast asia|asia pacific|south china|`+
		`european union|white house|supreme court|prime minister|vice president|federal reserve|wall street|`+
		`supply chain|supply chains|r d|one world|real estate|stock exchange|state media|state owned|news agency`, "|") {
		dailyPairs[p] = true
	}
}

// proseWords are words of other languages' prose as frequent as English's
// commonest (articles, prepositions, conjunctions), folded: data.CommonWord
// knows English only, and a name's key "des" (from "liste des entités")
// sent 12 of the 25 shared texts in French and German to stage two.
var proseWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		des les une est pour dans par sur aux qui que avec son ses mais plus cette entre nous vous ils elle leur comme tout
		der die das und den dem ein eine einen von mit fur auf ist sich nicht auch bei als nach wie aus zum zur sind wird oder
		los las del por para con una dos nos com uma nao como mas sus pelo pela
		della delle dei degli nel nella sono alla dal
		het een van voor met zijn niet
		ale jsou pro tak jak jako nebo jeho pri jest nie sie oraz przez`) {
		proseWords[w] = true
	}
}

// formName: one common word that the engine takes only with a legal form
// after it ("Best Co., Ltd."). Stage one checks the word, then any form's
// first word, and sends such a text straight to the engine, so stage two
// holds no key for it ("best partner" is not a candidate). A name that
// starts with another script's character is keyed on that instead.
func formName(name []rune, formRequired bool) (string, bool) {
	if !formRequired || startsOtherScript(name) {
		return "", false
	}
	keys := nameKeys(name)
	if len(keys) == 1 && !strings.Contains(keys[0], " ") && data.CommonWord(keys[0]) {
		return keys[0], true
	}
	return "", false
}

// takesCaseEnding: the engine may read a Czech, Slovak or Polish case
// ending after the name (find.go, caseEnding: a coined brand, LowerOK).
// The genitive "s" stage one reads after any of its words.
func takesCaseEnding(p *engine.Pattern) bool { return p.Flags&engine.LowerOK != 0 }

// endingWords returns the stage-one words (of words) that end a name that
// takes a case ending: its last word, or its last two words as a pair
// (glue skipped, as nameKeys pairs them).
func endingWords(d *engine.Dataset, isWord map[string]bool) []string {
	var out []string
	glue := data.GlueWords()
	for i := range d.Patterns {
		p := &d.Patterns[i]
		if !takesCaseEnding(p) {
			continue
		}
		ws := nameWords(foldedOf(string(p.Exact)))
		ws = slices.DeleteFunc(ws, func(w string) bool { return slices.Contains(glue, w) })
		if len(ws) == 0 {
			continue
		}
		last := ws[len(ws)-1]
		ends := []string{last}
		if len(ws) > 1 {
			ends = append(ends, ws[len(ws)-2]+" "+last)
		}
		for _, w := range ends {
			if isWord[w] {
				out = append(out, w)
			}
		}
	}
	return slices.Compact(slices.Sorted(slices.Values(out)))
}

// anyCaseWords returns the stage-one words (not pairs: a name's folded word
// is never one) that some name
// holds with an initial the engine may find in lower case: a name of any
// case, a brand it takes in lower case, a word the name writes in lower
// case; or one whose words it cannot pair with the folded ones (then all).
func anyCaseWords(d *engine.Dataset, isWord map[string]bool) []string {
	anyCase := map[string]bool{}
	for i := range d.Patterns {
		p := &d.Patterns[i]
		if p.Flags&engine.Blocker != 0 {
			continue
		}
		folded := nameWords(foldedOf(string(p.Exact)))
		runs := letterRuns(p.Exact)
		// Each run of letters must fold to the word in the same place, its
		// first letter to the word's, or the initials cannot be told ("Æ"
		// folds to nothing: "Æther" would be the word "ther", whose "t" no
		// text capitalizes).
		aligned := len(runs) == len(folded)
		for k := 0; aligned && k < len(runs); k++ {
			ws, first := nameWords(foldedOf(string(runs[k]))), foldedOf(string(runs[k][:1]))
			aligned = len(ws) == 1 && ws[0] == folded[k] && len(first) > 0 && first[0] == rune(folded[k][0])
		}
		for k, w := range folded {
			if isWord[w] && (p.Case == engine.CaseAny || p.Flags&engine.LowerOK != 0 || !aligned || !unicode.IsUpper(runs[k][0])) {
				anyCase[w] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(anyCase))
}

// letterRuns returns the runs of letters and digits of name, as written.
func letterRuns(name []rune) [][]rune {
	var out [][]rune
	start := -1
	for i := 0; i <= len(name); i++ {
		if i < len(name) && (unicode.IsLetter(name[i]) || unicode.IsDigit(name[i])) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, name[start:i])
			start = -1
		}
	}
	return out
}

// startsOtherScript: stage one keys the name on its first character, one of
// another script (or of no word at all).
func startsOtherScript(name []rune) bool {
	return !startsWord(name[0]) && (name[0] >= 0x80 || len(nameWords(name)) == 0)
}

// coarseTables returns stage one's keys, chosen greedily so that each name
// has one of them (nameKeys); the common words that are names only with a
// legal form after them; and the first characters of the names that start
// with another script's character.
func coarseTables(names [][]rune, formRequired []bool) (words, formNames []string, starts []rune, err error) {
	var choices [][]string // per name that needs a key: the keys it may take
	startSet := map[rune]bool{}
	for i, name := range names {
		if startsOtherScript(name) {
			if name[0] >= 0x10000 {
				return nil, nil, nil, fmt.Errorf("the name %q starts outside the Basic Multilingual Plane", string(name))
			}
			startSet[name[0]] = true
			continue
		}
		keys := nameKeys(name)
		if w, ok := formName(name, formRequired[i]); ok {
			formNames = append(formNames, w)
			continue
		}
		slices.Sort(keys)
		choices = append(choices, slices.Compact(keys))
	}
	// Greedy set cover: take the key most uncovered names have (ties: the
	// shorter, which every page downloads, then the first in order), until
	// every name has one.
	covered := make([]bool, len(choices))
	left := len(choices)
	for left > 0 {
		count := map[string]int{}
		for i, ws := range choices {
			if !covered[i] {
				for _, w := range ws {
					count[w]++
				}
			}
		}
		best := ""
		for w, n := range count {
			if b := count[best]; n > b || n == b && (len(w) < len(best) || len(w) == len(best) && w < best) {
				best = w
			}
		}
		words = append(words, best)
		for i, ws := range choices {
			if !covered[i] && slices.Contains(ws, best) {
				covered[i] = true
				left--
			}
		}
	}
	sort.Strings(words)
	sort.Strings(formNames)
	formNames = slices.Compact(formNames)
	for r := range startSet {
		starts = append(starts, r)
	}
	sort.Slice(starts, func(i, j int) bool { return starts[i] < starts[j] })
	return words, formNames, starts, nil
}

func isSurrogate(r rune) bool { return r >= 0xD800 && r <= 0xDFFF }

// prefilter holds the tables of both stages.
type prefilter struct {
	words []string // stage one: one word, or pair of words, of each name
	// endingWords: the words that end a name after which the engine may
	// read a case ending ("Hikvisionu"); stage one reads one only after
	// them ("make" is no case of the acronym MAK), a genitive "s" after
	// any word.
	endingWords []string
	// anyCaseWords: the words (not pairs) that some name holding them may
	// write with a lower-case initial; stage one reads every other word
	// only where the text capitalizes it, as the engine reads those names
	// (caseAgrees): "cas" in French prose is no CAS.
	anyCaseWords []string
	// formNames, forms: stage one: common words that are names only
	// followed by a legal form, and the first words of the forms.
	formNames, forms []string
	starts           []rune   // stage one: first characters of names in other scripts
	brands           []string // stage one: brands the engine finds misspelled
	// Stage two: keys of names that end with a letter or digit and are
	// whole (endKeys: the engine takes them only where a word ends, or a
	// genitive "s" follows), and the others' keys.
	keys, endKeys []string
	// anyCaseKeys: the keys that a name may start in lower case (a brand
	// the engine takes in lower case, a name of any case, one that starts
	// with no capital). Every other key is only the start of names whose
	// first letter the engine takes as a capital only (caseAgrees), so
	// stage two ignores it after a lower-case letter ("best", "found").
	anyCaseKeys []string
	// fold: runs of characters and what the engine folds them to (only
	// characters that fold into a word's or key's character), foldRuns;
	// drop: runs of the characters the engine drops.
	fold, drop string
	// letters: runs of Latin letters the engine keeps as they are (a word
	// goes on across them: "Kașpersky" is one word, a misspelling of
	// Kaspersky) and that no name holds; stage one reads them as a letter
	// of a word that matches no name's.
	letters string
	// chinaKeys, companyKeys: stage two: the starts (otherKeyRunes) of the
	// words for China and for a company in other scripts: a text with one
	// of each may hold a translated name, which the engine reads with no
	// other name near (translated.go).
	chinaKeys, companyKeys []string
	// keyFold: the runs of characters that fold into a character only
	// stage two's keys hold (traditional forms of the Han characters inside
	// names): stage two adds them to stage one's table when it loads.
	keyFold string
}

// prefilterTables returns the tables of both stages for d's names.
func prefilterTables(d *engine.Dataset) (*prefilter, error) {
	pf := &prefilter{}
	endsWord := map[string]bool{}                 // false once any name has the key as a mere prefix
	anyCase := map[string]bool{}                  // keys some name may start in lower case
	inKeys := map[rune]bool{'-': true, ' ': true} // stage one reads words, dashes and space
	for r := 'a'; r <= 'z'; r++ {
		inKeys[r] = true
	}
	for r := '0'; r <= '9'; r++ {
		inKeys[r] = true
	}
	var names [][]rune
	var formRequired []bool
	for i := range d.Patterns {
		if d.Patterns[i].Flags&engine.Blocker != 0 {
			continue // a phrase that marks nothing ("China Mobile phones")
		}
		name := foldedOf(string(d.Patterns[i].Exact))
		names = append(names, name)
		formRequired = append(formRequired, d.Patterns[i].Flags&engine.FormRequired != 0)
		if _, ok := formName(name, formRequired[len(formRequired)-1]); ok {
			continue // stage one decides it (formName)
		}
		k, err := prefilterKey(name)
		if err != nil {
			return nil, err
		}
		if strings.ContainsRune(string(k), '|') {
			return nil, fmt.Errorf("the key %q holds the separator |", string(k))
		}
		whole := len(k) == len(name) && startsWord(k[len(k)-1])
		if prev, ok := endsWord[string(k)]; !ok || prev {
			endsWord[string(k)] = whole
		}
		// A long name in another script the engine also reads misspelled
		// in any case (fuzzyscript.go) is keyed in any case ("хуавее").
		if p := &d.Patterns[i]; p.Case == engine.CaseAny || p.Flags&engine.LowerOK != 0 || !unicode.IsUpper(p.Exact[0]) ||
			startsOtherScript(name) && len(p.Exact) >= engine.ScriptAloneRunes {
			anyCase[string(k)] = true
		}
		for _, r := range k {
			inKeys[r] = true
		}
	}
	var err error
	if pf.words, pf.formNames, pf.starts, err = coarseTables(names, formRequired); err != nil {
		return nil, err
	}
	china, company := engine.TranslatedKeys()
	pf.chinaKeys, pf.companyKeys = translatedKeys(china), translatedKeys(company)
	for _, k := range slices.Concat(pf.chinaKeys, pf.companyKeys) {
		for _, r := range k {
			inKeys[r] = true
		}
	}
	// Stage one lets a text with a word for China through to stage two.
	for _, k := range pf.chinaKeys {
		if r := []rune(k)[0]; !slices.Contains(pf.starts, r) {
			pf.starts = append(pf.starts, r)
		}
	}
	slices.Sort(pf.starts)
	isWord := map[string]bool{}
	for _, w := range pf.words {
		isWord[w] = true
	}
	pf.endingWords = endingWords(d, isWord)
	pf.anyCaseWords = anyCaseWords(d, isWord)
	for _, r := range pf.starts {
		inKeys[r] = true
	}
	pf.forms = engine.LegalFormWords()
	pf.brands = slices.Compact(slices.Sorted(slices.Values(d.MisspellingTargets())))
	for _, b := range pf.brands {
		if len(nameWords([]rune(b))) != 1 || nameWords([]rune(b))[0] != b {
			return nil, fmt.Errorf("the misspelling target %q is not one word of a-z and 0-9", b)
		}
	}
	for k, whole := range endsWord {
		if whole {
			pf.endKeys = append(pf.endKeys, k)
		} else {
			pf.keys = append(pf.keys, k)
		}
	}
	for k := range anyCase {
		pf.anyCaseKeys = append(pf.anyCaseKeys, k)
	}
	sort.Strings(pf.keys)
	sort.Strings(pf.endKeys)
	sort.Strings(pf.anyCaseKeys)
	// Stage one folds only into words' characters (a-z, 0-9, dash, space).
	// A character that folds into the first character of a name in another
	// script (華 into 华) joins the starts instead, which costs stage one
	// less than a fold would; every other fold is stage two's (keyFold).
	isStart := map[rune]bool{}
	for _, r := range pf.starts {
		isStart[r] = true
	}
	inNames := map[rune]bool{}
	for _, name := range names {
		for _, r := range name {
			inNames[r] = true
		}
	}
	var folds, keyFolds, drops, letters foldRuns
	for r := rune(0); r < 0x10000; r++ {
		if isSurrogate(r) {
			continue
		}
		out := foldedOf(string(r))
		switch {
		case len(out) == 0:
			drops.add(r, 0)
		case out[0] == r && r >= 0x80 && (r < 0x250 || r >= 0x1E00 && r <= 0x1EFF) && unicode.IsLetter(r) && !inNames[r]:
			letters.add(r, 0) // the engine's isLatin letters
		case out[0] != r && inKeys[out[0]] && out[0] < 0x80:
			folds.add(r, out[0])
		case out[0] != r && inKeys[out[0]]:
			keyFolds.add(r, out[0])
			if isStart[out[0]] {
				pf.starts = append(pf.starts, r)
			}
		case out[0] == r:
		default:
			continue
		}
		// A key's character must be its own folded form, or the widget
		// would fold the text and the key apart.
		if inKeys[r] && (len(out) == 0 || out[0] != r) {
			return nil, fmt.Errorf("the key character %q folds to %q", r, string(out))
		}
	}
	pf.fold, pf.keyFold, pf.drop, pf.letters = folds.encode(true), keyFolds.encode(true), drops.encode(false), letters.encode(false)
	return pf, nil
}

// foldRuns gathers the fold table as runs, which the widget's tables carry
// in a few bytes where pairs took hundreds (full-width letters, accented
// Latin letters, combining marks): characters from..to that fold to one
// character, or to consecutive ones (mode '+').
type foldRuns []foldRun

type foldRun struct {
	from, to, target rune
	mode             byte // '=' one target, '+' target+(r-from)
}

func (runs *foldRuns) add(r, target rune) {
	if n := len(*runs); n > 0 {
		last := &(*runs)[n-1]
		if r == last.to+1 {
			switch {
			case last.mode == '=' && target == last.target:
				last.to = r
				return
			case (last.mode == '+' || last.to == last.from) && target == last.target+(r-last.from):
				last.to, last.mode = r, '+'
				return
			}
		}
	}
	*runs = append(*runs, foldRun{r, r, target, '='})
}

// encode writes each run as from, to, mode and target (four UTF-16 units),
// or, without targets (the drop table), as from and to.
func (runs foldRuns) encode(targets bool) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteRune(r.from)
		b.WriteRune(r.to)
		if targets {
			b.WriteByte(r.mode)
			b.WriteRune(r.target)
		}
	}
	return b.String()
}

// prefilterScript renders widget/prefilter.js, stage one, with pf's
// tables.
func prefilterScript(pf *prefilter) ([]byte, error) {
	return fillTables("widget/prefilter.js", map[string]string{
		`"__PREFILTER_WORDS__"`:      frontCoded(marked(marked(pf.words, pf.endingWords, endingMark), pf.anyCaseWords, anyCaseMark)),
		`"__PREFILTER_STARTS__"`:     string(pf.starts),
		`"__PREFILTER_BRANDS__"`:     strings.Join(pf.brands, "|"),
		`"__PREFILTER_GLUE__"`:       strings.Join(data.GlueWords(), "|"),
		`"__PREFILTER_FORM_NAMES__"`: strings.Join(pf.formNames, "|"),
		`"__PREFILTER_FORMS__"`:      strings.Join(pf.forms, "|"),
		`"__PREFILTER_FOLD__"`:       pf.fold,
		`"__PREFILTER_DROP__"`:       pf.drop,
		`"__PREFILTER_LETTERS__"`:    pf.letters,
	})
}

// translatedKeys cuts words to the keys stage two reads in other scripts
// (their first otherKeyRunes characters), once each.
func translatedKeys(words []string) []string {
	var out []string
	for _, w := range words {
		r := []rune(w)
		if k := string(r[:min(len(r), otherKeyRunes)]); !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// marked returns words with mark after each of some (which hold no
// mark yet).
func marked(words, some []string, mark string) []string {
	out := slices.Clone(words)
	for i, w := range out {
		if slices.Contains(some, strings.TrimRight(w, endingMark+anyCaseMark)) {
			out[i] = w + mark
		}
	}
	return out
}

// The marks after a word of stage one's list (no word holds them): it
// takes a case ending (endingWords), it may be written in lower case
// (anyCaseWords).
const endingMark, anyCaseMark = "*", "^"

// frontCoded writes sorted words each as the length of the start it shares
// with the word before (a capital: A for none, B for one character, up to
// Z) and the rest: "huawei", "huaxin" become "AhuaweiDxin". Words and keys
// are folded text, so a capital never occurs inside one; it saved about 900
// of stage one's 6,200 bytes brotli of words.
func frontCoded(words []string) string {
	sorted := slices.Sorted(slices.Values(words))
	var b strings.Builder
	var prev []rune
	for _, s := range sorted {
		// Runes are UTF-16 units here: the tables hold no character
		// beyond the Basic Multilingual Plane (jsString refuses one).
		w := []rune(s)
		n := 0
		for n < len(prev) && n < len(w) && n < 25 && prev[n] == w[n] {
			n++
		}
		b.WriteByte(byte('A' + n))
		b.WriteString(string(w[n:]))
		prev = w
	}
	return b.String()
}

// keysScript renders widget/keys.js, stage two, with pf's tables.
func keysScript(pf *prefilter) ([]byte, error) {
	return fillTables("widget/keys.js", map[string]string{
		`"__PREFILTER_KEYS__"`:          frontCoded(pf.keys),
		`"__PREFILTER_END_KEYS__"`:      frontCoded(pf.endKeys),
		`"__PREFILTER_ANY_CASE_KEYS__"`: frontCoded(pf.anyCaseKeys),
		`"__PREFILTER_KEY_FOLD__"`:      pf.keyFold,
		`"__PREFILTER_CHINA_KEYS__"`:    frontCoded(pf.chinaKeys),
		`"__PREFILTER_COMPANY_KEYS__"`:  frontCoded(pf.companyKeys),
	})
}

// fillTables reads a script and fills each placeholder with its table as a
// string literal (jsString).
func fillTables(file string, tables map[string]string) ([]byte, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	values := map[string][]byte{}
	for placeholder, table := range tables {
		quoted, err := jsString(table)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		values[placeholder] = []byte(quoted)
	}
	return fillPlaceholders(file, src, values)
}

// jsString quotes s as a JavaScript string literal in printable ASCII,
// with every other character written as ~ and four hex digits (decoded by
// widget/prefilter.js): the minifier would turn \u escapes back into UTF-8,
// and a script served without a charset is read in the page's encoding.
func jsString(s string) (string, error) {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '~' || r >= 0x10000:
			return "", fmt.Errorf("the prefilter cannot carry the character %q", r)
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "~%04x", r)
		}
	}
	b.WriteByte('"')
	return b.String(), nil
}
