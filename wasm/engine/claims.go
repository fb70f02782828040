package engine

import "slices"

// Claim is a statement near a mention that the record contradicts. The
// checker parses only a few kinds of statement, and only in sentences where
// it cannot be mistaken about which company and which date are meant: one
// company mention, one date, no hedging words. Everything else is left alone.
type Claim struct {
	Mention    int   // index into the mentions given to Claims
	Start, End int32 // UTF-16 span of the words that make the claim
	Kind       string
	Says       string // what the text states, in plain words
	Record     string // what the record shows
	Note       string // the record's own note on that fact, if any
	List       int32
	Source     int32
}

const (
	ClaimDivestment  = "divestment-deadline"
	ClaimRemoval     = "removal"
	ClaimListedSince = "listed-since"
)

type span struct{ a, b int } // normalized rune indexes [a, b)

type foundDate struct {
	span
	day Day
}

// Claims checks the sentences that contain mentions. The text must be the
// one the mentions were found in; articleDay is NoDay when unknown.
func (d *Dataset) Claims(s string, mentions []Mention, articleDay Day) []Claim {
	return d.ClaimsText(Normalize(s), mentions, articleDay)
}

// ClaimsText is Claims on text already normalized (the Text that FindText
// was given).
func (d *Dataset) ClaimsText(t *Text, mentions []Mention, articleDay Day) []Claim {
	day := articleDay
	if day == NoDay {
		day = d.AsOf
	}
	// Mentions as normalized indexes, grouped by sentence.
	type m struct {
		i int
		span
	}
	var out []Claim
	sentences := splitSentences(t.Exact)
	k := 0
	for _, sen := range sentences {
		var companies, lists []m
		for ; k < len(mentions); k++ {
			a := normIndex(t, mentions[k].Start)
			if a >= sen.b {
				break
			}
			b := normIndex(t, mentions[k].End)
			switch kind := d.Entities[mentions[k].Entity].Kind; {
			case kind.IsParty():
				companies = append(companies, m{k, span{a, b}})
			case kind == KindList:
				lists = append(lists, m{k, span{a, b}})
			}
		}
		if len(companies) != 1 {
			continue
		}
		words := lowerWords(t.Folded[sen.a:sen.b])
		if hedged(words) {
			continue
		}
		c := companies[0]
		entity := mentions[c.i].Entity
		dates := scanDates(t.Exact, sen)
		claim := Claim{Mention: c.i, List: -1, Source: -1}
		switch {
		case hasAny(words, "divest", "divestment", "sell", "selling", "sale", "sales", "dispose") &&
			hasAny(words, "until", "by", "deadline", "before", "later") && len(dates) == 1:
			if d.checkDivestment(&claim, entity, dates[0].day, day) {
				claim.Start, claim.End = t.Start[dates[0].a], t.End[dates[0].b-1]
				out = append(out, claim)
			}
		case hasPhrase(words, "removed", "from") || hasPhrase(words, "taken", "off") || hasPhrase(words, "delisted") ||
			hasPhrase(words, "struck", "from") || hasPhrase(words, "dropped", "from"):
			list := int32(-1)
			if len(lists) == 1 {
				list = mentions[lists[0].i].Entity
			} else if len(lists) > 1 {
				continue
			}
			if d.checkRemoval(&claim, entity, list, day) {
				claim.Start, claim.End = t.Start[sen.a], t.End[sen.b-1]
				out = append(out, claim)
			}
		case len(lists) == 1 && (hasAny(words, "since") || hasAny(words, "added", "placed", "put", "designated", "blacklisted", "listed")):
			year := sinceYear(t.Exact, sen)
			if year.day == NoDay {
				continue
			}
			if d.checkListedSince(&claim, entity, mentions[lists[0].i].Entity, year.day) {
				claim.Start, claim.End = t.Start[year.a], t.End[year.b-1]
				out = append(out, claim)
			}
		}
	}
	return out
}

func (d *Dataset) entityName(e int32) string {
	if s := d.Entities[e].Short; s != "" {
		return s
	}
	return d.Entities[e].Name
}

func (d *Dataset) checkDivestment(c *Claim, entity int32, said, day Day) bool {
	var best *Event
	var bestList int32
	for _, en := range d.Entities[entity].Entries {
		for i := range en.Events {
			ev := &en.Events[i]
			if ev.Type != EvDivestmentDeadline {
				continue
			}
			if ev.Day == said {
				return false // the text agrees with one of the records
			}
			if best == nil || d.entryStatus(&en, day).Listed() {
				best, bestList = ev, en.List
			}
		}
	}
	if best == nil {
		return false // no recorded deadline: nothing to compare with
	}
	c.Kind = ClaimDivestment
	c.Says = "a divestment deadline of " + said.String()
	c.Record = "The record's divestment deadline for " + d.entityName(entity) + " on the " + d.Entities[bestList].Name +
		" is " + best.Day.String() + "."
	c.Note = best.Note
	c.List, c.Source = bestList, best.Source
	return true
}

func (d *Dataset) checkRemoval(c *Claim, entity, list int32, day Day) bool {
	var statuses []ListStatus
	for _, st := range d.Status(entity, day) {
		if list < 0 || st.List == list {
			statuses = append(statuses, st)
		}
	}
	if len(statuses) == 0 {
		return false // the record has nothing on that list
	}
	for _, st := range statuses {
		switch st.State {
		case Removed, Vacated, ListEnded, Unknown:
			return false // consistent, or not known
		}
	}
	st := statuses[0]
	for _, s := range statuses {
		if s.State == Enjoined {
			st = s
		}
	}
	name, listName := d.entityName(entity), d.Entities[st.List].Name
	c.Kind = ClaimRemoval
	c.Says = name + " was removed from a list"
	c.List = st.List
	switch st.State {
	case Enjoined:
		c.Record = "The record shows no removal by " + day.String() + ": " + name + " was still on the " + listName +
			"; " + d.court(st.Event) + " had barred enforcement on " + st.Since.String() + " (an injunction, not a removal)."
		c.Source = st.Event.Source
	case Listed:
		c.Record = "The record shows " + name + " still listed on the " + listName + " on " + day.String() + "."
		c.Source = st.Event.Source
	default:
		c.Record = "The record shows " + name + " was not on the " + listName + " by " + day.String() + "."
	}
	return true
}

func (d *Dataset) checkListedSince(c *Claim, entity, list int32, year Day) bool {
	var first *Event
	for _, en := range d.Entities[entity].Entries {
		if en.List != list {
			continue
		}
		if en.EarlierUnknown {
			return false
		}
		for i := range en.Events {
			if ev := &en.Events[i]; ev.Type == EvListed && (first == nil || ev.Day < first.Day) {
				first = ev
			}
		}
	}
	if first == nil {
		return false // no entry: the record may be incomplete, never guess
	}
	fy, _, _ := first.Day.Civil()
	sy, _, _ := year.Civil()
	if fy == sy {
		return false
	}
	c.Kind = ClaimListedSince
	c.Says = d.entityName(entity) + " listed in " + string(appendInt(nil, sy))
	c.Record = "The record shows " + d.entityName(entity) + " first added to the " + d.Entities[list].Name + " on " +
		first.Day.String() + "."
	c.List, c.Source = list, first.Source
	return true
}

// normIndex finds the normalized rune that starts at UTF-16 offset u.
func normIndex(t *Text, u int32) int {
	i, _ := slices.BinarySearch(t.Start, u)
	return i
}

// splitSentences splits at ! ? 。！？, line breaks, and a full stop followed
// by a space and a capital letter ("Nov. 11" and "E.O. 13959" stay whole).
func splitSentences(x []rune) []span {
	var out []span
	start := 0
	for i := 0; i < len(x); i++ {
		end := false
		switch x[i] {
		case '!', '?', '。', '！', '？', '\n':
			end = true
		case '.':
			end = i+2 < len(x) && x[i+1] == ' ' && isUpper(x[i+2])
		}
		if end || i == len(x)-1 {
			if i+1 > start {
				out = append(out, span{start, i + 1})
			}
			start = i + 1
		}
	}
	return out
}

func lowerWords(f []rune) []string {
	var out []string
	w := []rune{}
	for i := 0; i <= len(f); i++ {
		if i < len(f) && (isWordRune(f[i]) || f[i] == '\'') {
			w = append(w, f[i])
			continue
		}
		if len(w) > 0 {
			out = append(out, string(w))
			w = w[:0]
		}
	}
	return out
}

func hasAny(words []string, any ...string) bool {
	for _, w := range words {
		for _, a := range any {
			if w == a {
				return true
			}
		}
	}
	return false
}

// hasPhrase reports the words in order, next to each other.
func hasPhrase(words []string, phrase ...string) bool {
	for i := 0; i+len(phrase) <= len(words); i++ {
		ok := true
		for j, p := range phrase {
			if words[i+j] != p {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// hedged sentences state no fact: negations, questions of whether, plans,
// requests and lawsuits seeking something.
func hedged(words []string) bool {
	for i, w := range words {
		if w == "no" && i+1 < len(words) && words[i+1] == "later" {
			continue // "no later than" states a deadline
		}
		switch w {
		case "not", "never", "no", "whether", "if", "could", "would", "may", "might", "should", "seek", "seeks",
			"sought", "ask", "asks", "asked", "asking", "want", "wants", "plan", "plans", "urge", "urges", "hope",
			"hopes", "try", "tries", "bid", "unless", "expected", "likely", "reportedly":
			return true
		}
		if len(w) > 3 && w[len(w)-3:] == "n't" {
			return true
		}
	}
	return false
}

// scanDates finds full dates in a sentence: "November 11, 2021",
// "Nov. 11, 2021", "11 November 2021", "2021-11-11".
func scanDates(x []rune, sen span) []foundDate {
	type tok struct {
		a, b int
		s    string
	}
	var toks []tok
	for i := sen.a; i < sen.b; {
		if !isWordRune(x[i]) {
			i++
			continue
		}
		j := i
		for j < sen.b && (isWordRune(x[j]) || x[j] == '-' && j+1 < sen.b && x[j+1] >= '0' && x[j+1] <= '9') {
			j++
		}
		toks = append(toks, tok{i, j, string(x[i:j])})
		i = j
	}
	month := func(s string) int {
		if len(s) < 3 {
			return 0
		}
		l := toLowerASCII(s)
		for i, n := range monthNames {
			full := fullMonths[i]
			if l == n || l == full || (len(l) >= 3 && len(l) <= len(full) && full[:len(l)] == l && l != "mar" && l != "may") {
				return i + 1
			}
		}
		if l == "mar" || l == "may" {
			for i, n := range monthNames {
				if l == n {
					return i + 1
				}
			}
		}
		return 0
	}
	num := func(s string, maxLen int) int {
		if len(s) > maxLen {
			return -1
		}
		n, ok := atoi(s)
		if !ok {
			return -1
		}
		return n
	}
	var out []foundDate
	for i := 0; i < len(toks); i++ {
		if d, ok := ParseDay(toks[i].s); ok {
			out = append(out, foundDate{span{toks[i].a, toks[i].b}, d})
			continue
		}
		if i+2 >= len(toks) {
			continue
		}
		y := num(toks[i+2].s, 4)
		if len(toks[i+2].s) != 4 {
			continue
		}
		if mo := month(toks[i].s); mo > 0 {
			if dd := num(toks[i+1].s, 2); validCivil(y, mo, dd) {
				out = append(out, foundDate{span{toks[i].a, toks[i+2].b}, DayFromCivil(y, mo, dd)})
				i += 2
			}
		} else if dd := num(toks[i].s, 2); dd > 0 {
			if mo := month(toks[i+1].s); validCivil(y, mo, dd) {
				out = append(out, foundDate{span{toks[i].a, toks[i+2].b}, DayFromCivil(y, mo, dd)})
				i += 2
			}
		}
	}
	return out
}

var fullMonths = [...]string{"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december"}

// sinceYear finds "since 2019" or "in 2019" in a sentence, as January 1 of
// that year.
func sinceYear(x []rune, sen span) foundDate {
	words := []span{}
	for i := sen.a; i < sen.b; {
		if !isWordRune(x[i]) {
			i++
			continue
		}
		j := i
		for j < sen.b && isWordRune(x[j]) {
			j++
		}
		words = append(words, span{i, j})
		i = j
	}
	for k := 1; k < len(words); k++ {
		prev := toLowerASCII(string(x[words[k-1].a:words[k-1].b]))
		w := string(x[words[k].a:words[k].b])
		if (prev == "since" || prev == "in") && len(w) == 4 {
			if y, ok := atoi(w); ok && y >= 1990 && y <= 2100 {
				return foundDate{words[k], DayFromCivil(y, 1, 1)}
			}
		}
	}
	return foundDate{day: NoDay}
}
