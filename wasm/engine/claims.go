package engine

import (
	"slices"
	"strings"
)

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
	ClaimMembership  = "membership" // on, added to or removed from a list the record contradicts
	ClaimCount       = "count"      // the number of companies on a list or in an order's annex
	ClaimOrderDate   = "order-date" // the date of an executive order
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
		var companies, lists, orders []m
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
			case kind == KindOrder:
				orders = append(orders, m{k, span{a, b}})
			}
		}
		// Only sentences about one company, or else about one list or
		// order as a whole, are read at all.
		if len(companies) > 1 || len(companies) == 0 && len(lists)+len(orders) != 1 {
			continue
		}
		words := lowerWords(t.Folded[sen.a:sen.b])
		if hedged(words) || quoted(t, sen) {
			continue
		}
		if len(companies) == 0 {
			claim := Claim{List: -1, Source: -1}
			var about m
			if len(lists) == 1 {
				about = lists[0]
			} else {
				about = orders[0]
			}
			claim.Mention = about.i
			entity := mentions[about.i].Entity
			if n := companyCount(t.Folded, sen); n.count >= 0 {
				if d.checkCount(&claim, entity, n.count, hasAny(words, "annex"), day) {
					claim.Start, claim.End = t.Start[n.a], t.End[n.b-1]
					out = append(out, claim)
				}
				continue
			}
			if dates := scanDates(t.Exact, sen); len(orders) == 1 && len(dates) == 1 &&
				(hasAny(words, "signed", "issued", "dated") || precedes(t.Exact, about.span, dates[0].span)) {
				if d.checkOrderDate(&claim, entity, dates[0].day) {
					claim.Start, claim.End = t.Start[dates[0].a], t.End[dates[0].b-1]
					out = append(out, claim)
				}
			}
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
		// Removal from a list: the list named, or at least the word "list"
		// ("removed from the base", "delisted in New York" are not about one).
		case (hasPhrase(words, "removed", "from") || hasPhrase(words, "taken", "off") || hasPhrase(words, "struck", "from") ||
			hasPhrase(words, "dropped", "from")) && (len(lists) > 0 || hasAny(words, "list", "blacklist", "lists")) ||
			hasAny(words, "delisted") && len(lists) > 0:
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
		case len(lists) == 1 && (hasAny(words, "since") || hasAny(words, "added", "placed", "put", "designated", "blacklisted", "listed")) &&
			sinceYear(t.Exact, sen).day != NoDay:
			year := sinceYear(t.Exact, sen)
			if d.checkListedSince(&claim, entity, mentions[lists[0].i].Entity, year.day) {
				claim.Start, claim.End = t.Start[year.a], t.End[year.b-1]
				out = append(out, claim)
			}
		case len(lists) == 1 && len(dates) == 0:
			said := ""
			switch {
			case hasAny(words, "added", "placed", "designated", "blacklisted") || hasPhrase(words, "put", "on") || hasPhrase(words, "put", "it", "on"):
				said = "added to"
			case hasPhrase(words, "remains", "on") || hasPhrase(words, "remain", "on") || hasPhrase(words, "still", "on") ||
				hasPhrase(words, "is", "on") || hasPhrase(words, "are", "on") || hasPhrase(words, "stays", "on") ||
				hasPhrase(words, "sits", "on") || hasPhrase(words, "is", "listed", "on") || hasPhrase(words, "remains", "listed") ||
				hasPhrase(words, "is", "one", "of", "the") || hasPhrase(words, "remains", "one", "of", "the"):
				said = "on"
			default:
				continue
			}
			if d.checkMembership(&claim, entity, mentions[lists[0].i].Entity, said, day) {
				claim.Start, claim.End = t.Start[sen.a], t.End[sen.b-1]
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
		// Nothing on that list: a contradiction only where the record holds
		// the whole list.
		return list >= 0 && d.checkMembership(c, entity, list, "removed from", day)
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

// checkMembership checks that entity was on list on day ("on"), had been
// added to it by then ("added to"), or was ever on it ("removed from", when
// it has no entry there). It flags only what the record states: no entry on
// a list held in full, an addition after day, or an entry that had ended.
func (d *Dataset) checkMembership(c *Claim, entity, list int32, said string, day Day) bool {
	l := &d.Entities[list]
	end := d.ListEnd(list)
	if l.CheckedThrough != NoDay && day > l.CheckedThrough && (end == NoDay || day < end) {
		return false // later changes are not recorded
	}
	name := d.entityName(entity)
	c.Kind, c.List = ClaimMembership, list
	c.Says = name + " was " + said + " the " + l.Name
	var st *ListStatus
	for _, s := range d.Status(entity, day) {
		if s.List == list {
			st = &s
		}
	}
	if st == nil {
		if !l.Complete {
			return false // the record may lack the entry
		}
		c.Record = "The record holds every entry of the " + l.Name + " through " + l.CheckedThrough.String() + ", and " + name + " is on none: it was never on it."
		c.Source = l.Source
		return true
	}
	if st.State == NotListed && st.First != NoDay && st.First > day && st.FirstKnown && said != "removed from" {
		c.Record = "The record shows " + name + " added to the " + l.Name + " only on " + st.First.String() + ", after " + day.String() + "."
		c.Source = d.firstListing(entity, list).Source
		return c.Source >= 0
	}
	if said != "on" {
		return false
	}
	switch st.State {
	case Removed, Vacated, ListEnded:
		how := "removed"
		switch st.State {
		case Vacated:
			how = "a court vacated the designation"
		case ListEnded:
			how = "the list stopped having legal effect"
		}
		c.Record = "The record shows " + name + " no longer on the " + l.Name + " on " + day.String() + ": " + how + " on " + st.Since.String() + "."
		c.Source = st.Event.Source
		if c.Source < 0 {
			c.Source = l.Source
		}
		return c.Source >= 0
	}
	return false
}

// firstListing is the earliest listed event of entity on list.
func (d *Dataset) firstListing(entity, list int32) Event {
	first := Event{Day: NoDay, Source: -1}
	for _, en := range d.Entities[entity].Entries {
		for _, ev := range en.Events {
			if en.List == list && ev.Type == EvListed && (first.Day == NoDay || ev.Day < first.Day) {
				first = ev
			}
		}
	}
	return first
}

// checkCount compares a count of companies with a list held in full,
// counted in the list's own entries (rows): with annex, those named on the
// list's first day (an order's annex); else those on it on day. An order
// stands for the list it established.
func (d *Dataset) checkCount(c *Claim, entity int32, said int, annex bool, day Day) bool {
	list, source := entity, d.Entities[entity].Source
	if d.Entities[entity].Kind == KindOrder {
		list = -1
		for i := range d.Entities {
			for _, ev := range d.Entities[i].Events {
				if d.Entities[i].Kind == KindList && ev.Type == EvEstablished && ev.By == entity {
					list, source = int32(i), ev.Source
				}
			}
		}
		if list < 0 || !annex {
			return false
		}
	}
	l := &d.Entities[list]
	first, end := NoDay, d.ListEnd(list) // the first day the list named companies
	for _, ev := range l.Events {
		if (ev.Type == EvEstablished || ev.Type == EvEdition) && (first == NoDay || ev.Day < first) {
			first = ev.Day
		}
	}
	if !l.Complete || first == NoDay || !annex && (day > l.CheckedThrough || end != NoDay && day >= end || day < first) {
		return false
	}
	count := 0
	for i := range d.Entities {
		for k := range d.Entities[i].Entries {
			en := &d.Entities[i].Entries[k]
			if en.List != list {
				continue
			}
			if annex {
				for _, ev := range en.Events {
					if ev.Type == EvListed && ev.Day == first {
						count++
						break
					}
				}
			} else if st := d.entryStatus(en, day).State; st == Listed || st == Enjoined {
				count++
			}
		}
	}
	if count == said || count == 0 {
		return false
	}
	c.Kind, c.List, c.Source = ClaimCount, list, source
	n, has := string(appendInt(nil, said)), string(appendInt(nil, count))
	if annex {
		c.Says = n + " companies named when the " + l.Name + " began"
		c.Record = "The record, which holds the whole list, has " + has + " entries listed on its first day, " + first.String() + "."
	} else {
		c.Says = n + " companies on the " + l.Name
		c.Record = "The record, which holds the whole list, has " + has + " entries on it on " + day.String() + "."
	}
	return source >= 0
}

// checkOrderDate compares a date given for an order with the order's
// signing, publication and effective dates; any of them is accepted.
func (d *Dataset) checkOrderDate(c *Claim, order int32, said Day) bool {
	var signed *Event
	for i, ev := range d.Entities[order].Events {
		if ev.Day == said {
			return false
		}
		if ev.Type == EvSigned {
			signed = &d.Entities[order].Events[i]
		}
	}
	if signed == nil || signed.Source < 0 {
		return false
	}
	c.Kind, c.Source = ClaimOrderDate, signed.Source
	c.Says = d.Entities[order].Name + " dated " + said.String()
	c.Record = "The record shows " + d.Entities[order].Name + " signed on " + signed.Day.String() + "."
	return true
}

// companyCount finds "the 59 companies", "all 44 firms", "list of 68
// entities": a definite total, not "five companies were added" or "12 of the
// companies". count is -1 when there is none, or more than one.
func companyCount(f []rune, sen span) struct {
	span
	count int
} {
	none := struct {
		span
		count int
	}{count: -1}
	var words []span
	for i := sen.a; i < sen.b; {
		if !isWordRune(f[i]) {
			i++
			continue
		}
		j := i
		for j < sen.b && (isWordRune(f[j]) || f[j] == '-') {
			j++
		}
		words = append(words, span{i, j})
		i = j
	}
	word := func(k int) string {
		if k < 0 || k >= len(words) {
			return ""
		}
		return string(f[words[k].a:words[k].b])
	}
	found := none
	for k := range words {
		n, ok := countWord(word(k))
		if !ok {
			continue
		}
		switch word(k - 1) {
		case "the", "all", "its", "of", "those":
		case "":
			// A sentence that opens with its count states a total only with
			// a verb of naming ("Fifty-eight companies were named in ...").
			if w := word(k + 3); (word(k+2) != "were" && word(k+2) != "are") ||
				w != "named" && w != "listed" && w != "designated" {
				continue
			}
		default:
			continue
		}
		if word(k+1) == "of" {
			continue
		}
		noun := -1
		for j := k + 1; j <= k+3 && j < len(words); j++ {
			switch word(j) {
			case "companies", "firms", "entities", "businesses", "corporations":
				noun = j
			}
			if noun >= 0 {
				break
			}
		}
		if noun < 0 {
			continue
		}
		if found.count >= 0 {
			return none // two counts: no guess
		}
		found.span, found.count = span{words[k].a, words[noun].b}, n
	}
	for k := range words {
		switch word(k) {
		case "added", "new", "more", "additional", "another", "removed", "including", "some", "several", "other", "first", "last", "remaining":
			return none // part of the list, not its total
		}
	}
	return found
}

// countWord reads a count written in digits (at most four) or in English
// words up to ninety-nine ("twelve", "fifty-eight").
func countWord(w string) (int, bool) {
	if len(w) <= 4 {
		if n, ok := atoi(w); ok {
			return n, true
		}
	}
	units := []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
		"thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	tens := []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	unit := func(s string) int {
		for i, u := range units {
			if s == u {
				return i + 1
			}
		}
		return 0
	}
	ten, rest, hyphen := w, "", false
	if i := strings.IndexByte(w, '-'); i >= 0 {
		ten, rest, hyphen = w[:i], w[i+1:], true
	}
	for i, t := range tens {
		if ten != t {
			continue
		}
		if !hyphen {
			return (i + 2) * 10, true
		}
		if u := unit(rest); u > 0 && u < 10 {
			return (i+2)*10 + u, true
		}
		return 0, false
	}
	if !hyphen {
		if u := unit(w); u > 0 {
			return u, true
		}
	}
	return 0, false
}

// precedes reports that the date follows the mention, with at most "of" or
// a comma between ("Executive Order 14032 of June 3, 2021").
func precedes(x []rune, mention, date span) bool {
	between := string(x[mention.b:date.a])
	for _, w := range []string{" of ", ", ", " "} {
		if between == w {
			return true
		}
	}
	return false
}

// quoted sentences report what someone said: the check leaves them alone.
// Double quotes, guillemets and corner brackets fold to spaces, so
// Text.Quotes says where they were.
func quoted(t *Text, sen span) bool {
	for _, q := range t.Quotes {
		if int(q) >= sen.a && int(q) < sen.b {
			return true
		}
	}
	return false
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
			"hopes", "try", "tries", "bid", "unless", "expected", "likely", "reportedly", "perhaps", "possibly":
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
	month := func(s string) int { return monthOf(s, [][12]string{monthNames[0].names}) }
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
