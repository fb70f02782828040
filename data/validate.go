package data

import (
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"factcard/wasm/engine"
)

var idRE = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

var sourceKinds = map[string]bool{"federal-register": true, "release": true, "list": true, "court": true,
	"order": true, "statute": true, "faq": true}

func (l *loader) validate(d *Dataset) {
	d.sourceByID = map[string]*Source{}
	d.entityByID = map[string]*Entity{}
	if _, ok := engine.ParseDay(d.Meta.AsOf); !ok {
		l.add(d.Meta.atField("as-of", "as-of must be a date YYYY-MM-DD, got "+strconv.Quote(d.Meta.AsOf)))
	}
	for _, s := range d.Sources {
		if !idRE.MatchString(s.ID) {
			l.add(s.at("source id " + strconv.Quote(s.ID) + " must be a lowercase slug"))
		} else if prev := d.sourceByID[s.ID]; prev != nil {
			l.add(s.at("source id " + strconv.Quote(s.ID) + " is already defined at " + prev.File + ":" + strconv.Itoa(prev.Line)))
		}
		d.sourceByID[s.ID] = s
		if s.Title == "" || s.Publisher == "" {
			l.add(s.at("source " + s.ID + ": title and publisher are required"))
		}
		if u, err := url.Parse(s.URL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			l.add(s.atField("url", "source "+s.ID+": url must be an http(s) URL, got "+strconv.Quote(s.URL)))
		}
		if _, ok := engine.ParseDay(s.Date); !ok {
			l.add(s.atField("date", "source "+s.ID+": date must be YYYY-MM-DD, got "+strconv.Quote(s.Date)))
		}
		if !sourceKinds[s.Kind] {
			l.add(s.atField("kind", "source "+s.ID+": unknown kind "+strconv.Quote(s.Kind)))
		}
		if s.Effective != "" {
			if _, ok := engine.ParseDay(s.Effective); !ok || s.Kind != "federal-register" || s.Effective > s.Date {
				l.add(s.atField("effective", "source "+s.ID+": effective must be a date YYYY-MM-DD on or before the publication date of a federal-register source, got "+strconv.Quote(s.Effective)))
			}
		}
	}
	for _, e := range d.Entities {
		if !idRE.MatchString(e.ID) {
			l.add(e.at("entity id " + strconv.Quote(e.ID) + " must be a lowercase slug"))
		} else if prev := d.entityByID[e.ID]; prev != nil {
			l.add(e.at("entity id " + strconv.Quote(e.ID) + " is already defined at " + prev.File))
		}
		d.entityByID[e.ID] = e
	}
	for _, e := range d.Entities {
		l.validateEntity(d, e)
	}
	for _, id := range d.Meta.Lists {
		if e := d.entityByID[id]; e == nil || e.Kind != "list" {
			l.add(d.Meta.atField("lists", "lists: "+strconv.Quote(id)+" is not a list entity"))
		}
	}
	seenList := map[string]string{}
	for _, li := range d.Listings {
		if e := d.entityByID[li.List]; e == nil || e.Kind != "list" {
			l.add(li.atField("list", "list "+strconv.Quote(li.List)+" is not a list entity in data/entities"))
		}
		// One curated and one generated listings file per list.
		key := li.List
		if li.Generated() {
			key += "\x00generated"
		}
		if prev, ok := seenList[key]; ok {
			l.add(li.at("list " + li.List + " already has a listings file: " + prev))
		}
		seenList[key] = li.File
		if checked, ok := engine.ParseDay(li.CheckedThrough); !ok {
			l.add(li.atField("checked-through", "checked-through must be a date YYYY-MM-DD (the latest day this file's research covers), got "+strconv.Quote(li.CheckedThrough)))
		} else if asOf, ok := engine.ParseDay(d.Meta.AsOf); ok && checked > asOf {
			l.add(li.atField("checked-through", "checked-through "+li.CheckedThrough+" is after the dataset's as-of "+d.Meta.AsOf))
		}
		for i := range li.Entries {
			en := &li.Entries[i]
			l.validateEntry(d, en)
			// The names an entry is printed under are names of its entity.
			if e := d.entityByID[en.Entity]; e != nil {
				e.Names = append(e.Names, en.Names...)
			}
		}
		for _, pn := range li.PrintedNames {
			if e := d.entityByID[pn.Entity]; e == nil {
				l.add(pn.atField("entity", "printed names name unknown entity "+strconv.Quote(pn.Entity)))
			} else {
				e.Names = append(e.Names, pn.Names...)
			}
		}
	}
	for _, pn := range d.PressNames {
		e := d.entityByID[pn.Entity]
		if e == nil {
			l.add(pn.atField("entity", "press names name unknown entity "+strconv.Quote(pn.Entity)))
			continue
		}
		if len(pn.Names) == 0 {
			l.add(pn.at(pn.Entity + ": press names without a name"))
		}
		if len(pn.Seen) == 0 {
			l.add(pn.at(pn.Entity + ": press names need seen: the address of a page that writes them"))
		}
		for _, u := range pn.Seen {
			if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
				l.add(pn.atField("seen", pn.Entity+": seen must be web addresses, got "+strconv.Quote(u)))
			}
		}
		e.Names = append(e.Names, pn.Names...)
		e.NotNames = append(e.NotNames, pn.NotNames...)
	}
	l.validateNames(d)
}

func (l *loader) validateEntity(d *Dataset, e *Entity) {
	kind, ok := engine.ParseKind(e.Kind)
	if !ok {
		l.add(e.atField("kind", e.ID+": unknown kind "+strconv.Quote(e.Kind)+" (company, institute, university, government, person, list, order, law)"))
	}
	if e.Name == "" {
		l.add(e.at(e.ID + ": name is required"))
	}
	if ok && !kind.IsParty() {
		if e.Summary == "" {
			l.add(e.at(e.ID + ": a " + e.Kind + " needs a summary"))
		}
		if e.Source == "" {
			l.add(e.at(e.ID + ": a " + e.Kind + " needs a source"))
		}
	}
	if kind == engine.KindList && (e.Effect == "" || e.EffectShort == "") {
		l.add(e.at(e.ID + ": a list needs an effect and an effect-short"))
	}
	if len(e.EffectShort) > 120 {
		l.add(e.atField("effect-short", e.ID+": effect-short is one line on a card: 120 characters at most"))
	}
	if e.Source != "" && d.sourceByID[e.Source] == nil {
		l.add(e.atField("source", e.ID+": unknown source "+strconv.Quote(e.Source)))
	}
	for _, id := range e.LinkedTo {
		if d.entityByID[id] == nil {
			l.add(e.atField("linked-to", e.ID+": linked-to names unknown entity "+strconv.Quote(id)))
		}
	}
	for _, n := range e.Names {
		if n.Text == "" {
			l.add(n.at(e.ID + ": empty name"))
		}
		if n.Case != "" {
			if _, ok := engine.ParseCasePolicy(n.Case); !ok {
				l.add(n.atField("case", e.ID+": unknown case "+strconv.Quote(n.Case)+" (title, exact, any)"))
			}
		}
	}
	prev := ""
	for _, ev := range e.Events {
		t, ok := engine.ParseEventType(ev.Type)
		if ok && t.IsListingEvent() && t != engine.EvNote && t != engine.EvEffective && t != engine.EvRenamed && t != engine.EvCorrected {
			l.add(ev.at(e.ID + ": event type " + ev.Type + " belongs in a listings file"))
		}
		l.validateEvent(d, &ev, e.ID, ok, &prev)
	}
}

func (l *loader) validateEvent(d *Dataset, ev *Event, who string, typeOK bool, prev *string) {
	if !typeOK {
		l.add(ev.at(who + ": unknown event type " + strconv.Quote(ev.Type)))
	}
	if _, ok := engine.ParseDay(ev.Date); !ok {
		l.add(ev.at(who + ": event date must be YYYY-MM-DD, got " + strconv.Quote(ev.Date)))
	} else {
		if ev.Date < *prev {
			l.add(ev.at(who + ": event of " + ev.Date + " comes after one of " + *prev + ": events must be in date order"))
		}
		*prev = ev.Date
	}
	if ev.Source == "" {
		l.add(ev.at(who + ": event of " + ev.Date + " has no source"))
	} else if d.sourceByID[ev.Source] == nil {
		l.add(ev.atField("source", who+": event cites unknown source "+strconv.Quote(ev.Source)))
	}
	if ev.By != "" && d.entityByID[ev.By] == nil {
		l.add(ev.atField("by", who+": by names unknown entity "+strconv.Quote(ev.By)))
	}
}

// validateEntry checks one list entry's history against the rules of
// docs/dataset.md: a listing starts with "listed", and a listing cannot end
// or be enjoined while not in force.
func (l *loader) validateEntry(d *Dataset, en *Entry) {
	who := en.Entity
	if d.entityByID[en.Entity] == nil {
		l.add(en.atField("entity", "entry names unknown entity "+strconv.Quote(en.Entity)))
	}
	if en.AsListed == "" {
		l.add(en.at(who + ": as-listed is required"))
	}
	if len(en.Events) == 0 {
		l.add(en.at(who + ": an entry needs at least a listed event"))
	}
	prev := ""
	state := engine.NotListed
	for _, ev := range en.Events {
		t, ok := engine.ParseEventType(ev.Type)
		if ok && !t.IsListingEvent() {
			l.add(ev.at(who + ": event type " + ev.Type + " does not belong in a listing"))
			ok = false
		}
		l.validateEvent(d, &ev, who, ok, &prev)
		if !ok {
			continue
		}
		on := state == engine.Listed || state == engine.Enjoined
		switch t {
		case engine.EvListed:
			if on {
				l.add(ev.at(who + ": listed on " + ev.Date + " while already listed (overlapping periods)"))
			}
			state = engine.Listed
		case engine.EvEnjoined:
			if state != engine.Listed {
				l.add(ev.at(who + ": enjoined on " + ev.Date + " while not listed"))
			}
			state = engine.Enjoined
		case engine.EvInjunctionLifted:
			if state != engine.Enjoined {
				l.add(ev.at(who + ": injunction-lifted on " + ev.Date + " without an injunction"))
			}
			state = engine.Listed
		case engine.EvVacated, engine.EvRemoved:
			if !on {
				l.add(ev.at(who + ": " + ev.Type + " on " + ev.Date + " while not listed"))
			}
			state = engine.Removed
		case engine.EvUpheld:
			// A ruling that upholds a listing changes no status, so it can
			// only concern a listing in force.
			if !on {
				l.add(ev.at(who + ": upheld on " + ev.Date + " while not listed"))
			}
		default:
			if state == engine.NotListed {
				l.add(ev.at(who + ": " + ev.Type + " on " + ev.Date + " before the entity was listed"))
			}
		}
	}
}

// validateNames rejects one name on two entities unless both restrict it
// with a context rule, or both are lists: the press wrote one phrase for a
// list and for the list that followed it ("la lista nera del Pentagono"),
// and the party beside it says which (engine.sharedListByParty).
func (l *loader) validateNames(d *Dataset) {
	type owner struct {
		entity  string
		name    Name
		context bool
		list    bool
	}
	seen := map[string]owner{}
	for _, e := range d.Entities {
		for _, n := range namesOf(e) {
			folded, _ := engine.NormalizeName(n.Text)
			if len(folded) == 0 {
				continue
			}
			k := string(folded)
			list := e.Kind == "list"
			if o, ok := seen[k]; ok && o.entity != e.ID && !(o.context && len(n.Context) > 0) && !(o.list && list) {
				l.add(n.at(e.ID + ": name " + strconv.Quote(n.Text) + " is also a name of " + o.entity +
					" (" + o.name.File + ":" + strconv.Itoa(o.name.Line) + "); give both a context rule or drop one"))
				continue
			}
			if _, ok := seen[k]; !ok {
				seen[k] = owner{e.ID, n, len(n.Context) > 0, list}
			}
		}
	}
}

// NamesOf lists the names the matcher looks for an entity by.
func NamesOf(e *Entity) []Name { return namesOf(e) }

// namesOf lists the names the matcher looks for: the entity's names, a
// company's canonical and short names, and an order's number in the forms
// that texts use.
func namesOf(e *Entity) []Name {
	names := append([]Name(nil), e.Names...)
	explicit := map[string]bool{}
	for _, n := range e.Names {
		f, _ := engine.NormalizeName(n.Text)
		explicit[string(f)] = true
	}
	if k, _ := engine.ParseKind(e.Kind); k.IsParty() {
		// The canonical and short names are names too, unless the entity
		// lists them itself with their own case or context rules.
		for _, s := range []string{e.Name, e.Short} {
			if f, _ := engine.NormalizeName(s); s != "" && !explicit[string(f)] {
				names = append(names, Name{Text: s, Pos: e.Pos})
			}
		}
	}
	if e.Kind == "order" && e.Title != "" {
		// Lawyers and the press cite an order by its title ("the order
		// titled 'Addressing the Threat Posed by TikTok'"), the long ones by
		// the part before ", and Taking Additional Steps".
		// The White House names its orders "Executive Order on <title>",
		// and the press copies it: that is one mention, not the title
		// after two words.
		for _, t := range []string{e.Title, "Executive Order on " + e.Title} {
			names = append(names, Name{Text: t, Case: "any", Pos: e.Pos})
			if head, _, ok := strings.Cut(t, ", and "); ok {
				names = append(names, Name{Text: head, Case: "any", Pos: e.Pos})
			}
		}
	}
	if e.Kind == "order" && e.Number != "" {
		for _, f := range []string{"Executive Order %", "Executive Order No. %", "Executive Order No %",
			"Executive Order Number %", "E.O. %", "E.O.%", "EO %", "EO%"} {
			names = append(names, Name{Text: replacePct(f, e.Number), Case: "any", Pos: e.Pos})
		}
		// The bare number is the order's mention where the text calls it an
		// order nearby: "Executive Orders 13959 and 14032", "Executive
		// Order (the "Order") 13959", "第13959号行政命令".
		names = append(names, Name{Text: e.Number, Case: "any", Context: orderWords, Pos: e.Pos})
		// Legal citation writes the number with a thousands comma and
		// cites the order's Federal Register page: "Exec. Order No.
		// 13,959, 85 Fed. Reg. 73,185".
		if g := groupThousands(e.Number); g != e.Number {
			names = append(names, Name{Text: g, Case: "any", Context: orderWords, Pos: e.Pos})
			// Portuguese, German and Spanish group with a full stop
			// ("ordem executiva 14.032"): an order word must stand just
			// before it (wasm/engine/ordernumber.go), so a decimal is safe.
			names = append(names, Name{Text: strings.ReplaceAll(g, ",", "."), Case: "any", Context: orderWords, Pos: e.Pos})
			// French groups with a (non-breaking) space: "décret 13 959".
			names = append(names, Name{Text: strings.ReplaceAll(g, ",", " "), Case: "any", Context: orderWords, Pos: e.Pos})
		}
		if vol, page, ok := strings.Cut(e.Citation, " FR "); ok {
			for _, f := range []string{vol + " FR " + page, vol + " Fed. Reg. " + page, vol + " Fed. Reg. " + groupThousands(page)} {
				if !slices.ContainsFunc(names, func(n Name) bool { return n.Text == f }) {
					names = append(names, Name{Text: f, Case: "exact", Pos: e.Pos})
				}
			}
		}
	}
	return names
}

// groupThousands writes a number of five digits or more with commas
// between groups of three ("13959" as "13,959"), as legal citation does.
func groupThousands(n string) string {
	if len(n) < 5 || strings.IndexFunc(n, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return n
	}
	for i := len(n) - 3; i > 0; i -= 3 {
		n = n[:i] + "," + n[i:]
	}
	return n
}

// orderWords are the words for an executive order in the languages the
// matcher reads; one of them beside a bare order number makes the number a
// mention, with the word when it stands right before (wasm/engine/ordernumber.go).
var orderWords = []string{"executive order", "exec. order", "e.o.", "eos", "行政命令", "行政令", "总统令", "總統令", "大統領令", "執行令",
	"Executive-Order", "Präsidialerlass", "Exekutivverordnung", "Dekret", "décret", "ordre exécutif", "orden ejecutiva", "órdenes ejecutivas", "ordem executiva",
	"указ", "أمر تنفيذي", "الأمر التنفيذي", "فرمان اجرایی", "دستور اجرایی", "कार्यकारी आदेश", "ordine esecutivo",
	"exekutivní příkaz", "výkonné nařízení", "exekutivní nařízení", "exekutivního nařízení", "výkonného nařízení",
	"Präsidialverfügung", "Exekutivanordnung", "Präsidialverordnung", "Präsidialdekret", "행정명령", "eo",
	// Words that name an order only right before one of the orders'
	// numbers (wasm/engine/ordernumber.go): decree, order, regulation.
	"decreto", "ordens executivas", "ordini esecutivi", "Verordnung", "исполнительный указ", "исполнительные указы",
	"الأمر", "الأمران التنفيذيان", "الأوامر التنفيذية", "فرمان", "فرمان‌های اجرایی", "आदेश", "एग्जीक्यूटिव ऑर्डर",
	"oe", "decreto executivo", "decretos executivos", "decreto presidenziale", "decreti presidenziali", "decreto esecutivo", "decreti esecutivi",
	"للأمر التنفيذي", "الأمرين التنفيذيين"}

func replacePct(f, n string) string {
	for i := 0; i < len(f); i++ {
		if f[i] == '%' {
			return f[:i] + n + f[i+1:]
		}
	}
	return f
}
