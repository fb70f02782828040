package engine

import "slices"

// "Entity list" is also a term of software (a CRM's view of records, an
// ORM's list of entities, "实体列表" in a game engine) and of contracts (a
// schedule of a borrower's subsidiaries: 'Schedule 3 (the "Entity List")',
// "附件三“关联实体清单”", "別紙2「エンティティ・リスト」"), capitalized and
// translated alike. Every blind part held such traps in several languages,
// and a list of words of software and contracts (the names' `unless:`)
// never ends. What ends is what a text about the BIS list has: the United
// States, its Commerce Department, export controls, sanctions or a
// blacklist, or a listed party, another list, an order or a law. So a
// mention of the Entity List stands only where one of these is within
// fullNameWindow of it; a text with none of them is about something else.

// designationWords are the words, folded, by which text in the fourteen
// languages says it is about United States export controls or sanctions.
var designationWords = foldedPhrases(
	"u.s.", "united states", "american", "america", "washington", "commerce", "bureau of industry", "export control",
	"export-control", "export restriction", "export ban", "export administration", "sanction", "blacklist",
	"black list", "trade restriction", "federal register", "15 cfr", "trump", "biden",
	"us-", "usa", "amerikan", "vereinigte staaten", "handelsministerium", "exportkontroll", "exportbeschränk", "sanktion",
	"schwarze liste", "etats-unis", "americain", "commerce americain", "departement du commerce", "liste noire",
	"controle des exportations", "estados unidos", "ee. uu", "ee.uu", "eeuu", "estadounidense", "norteamerican",
	"departamento de comercio", "lista negra", "sancion", "exportacion", "eua", "norte-american", "sancoes", "sancao",
	"exportacao", "stati uniti", "statunitens", "dipartimento del commercio", "lista nera", "sanzion", "esportazion",
	"сша", "американ", "минторг", "министерств торговли", "министерство торговли", "министерства торговли", "санкц",
	"экспорт", "вашингтон", "черный список", "черного списка", "черном списке",
	"الأمريكي", "الامريكي", "الولايات المتحدة", "واشنطن", "وزارة التجارة", "عقوبات", "العقوبات", "القائمة السوداء",
	"تصدير", "الصادرات", "آمریکا", "امریکا", "ایالات متحده", "واشنگتن", "وزارت بازرگانی", "وزارت تجارت", "تحریم",
	"فهرست سیاه", "صادرات", "अमेरिका", "अमेरिकी", "अमरीका", "अमरीकी", "वाणिज्य", "प्रतिबंध", "निर्यात", "ब्लैकलिस्ट",
	"वाशिंगटन", "美国", "美國", "美方", "美商务部", "商务部", "商務部", "出口管制", "制裁", "黑名单", "黑名單", "华盛顿",
	"華盛頓", "拜登", "特朗普", "川普", "工业与安全局", "工業與安全局", "米国", "米商務省", "商務省", "アメリカ", "米政府",
	"輸出規制", "輸出管理", "禁輸", "ブラックリスト", "ワシントン", "미국", "상무부", "수출 통제", "수출통제", "제재",
	"블랙리스트", "워싱턴",
	// What happens to a party on the list, and to its trade: a contract's
	// schedule and a CRM's view are updated, exported and filtered, not
	// added to, placed on or designated.
	"added to", "adds", "placed on", "placing", "put on", "onto the", "on the entity list", "on the entities list",
	"removed from", "taken off", "designat", "entity list rule", "named in the", "blacklisted", "listed on", "licence", "license requirement",
	"licensing requirement", "export licen", "exports to", "exporter", "screening", "screen for", "screen against", "screens clients", "landete", "aufgenommen", "gesetzt",
	"auf der entity", "auf die entity", "steht auf", "stehen auf", "place sur", "placee sur", "inscrit", "ajoute", "figure sur",
	"figurent sur", "inclusion", "inclusao", "incluid", "anadid", "agregad", "figura en", "figuran en", "incluíd", "inserit", "aggiunt", "figura nell",
	"figurano", "figura na", "figuram",
	"внесен", "внесл", "включен", "включил", "попал", "أدرج", "مدرج", "إدراج", "ادراج", "اضافه شد", "قرار گرفت",
	"सूची में डाल", "शामिल", "列入", "纳入", "納入", "被列", "リストに追加", "追加した", "追加され", "掲載", "載った", "올라", "등재",
	"出口", "輸出", "수출",
	// China, in the alphabets whose software and contracts seldom name it.
	"china", "chinese", "beijing", "shanghai", "shenzhen", "hong kong", "pekin", "pequim", "chinois", "chine", "chino", "chinesisch", "cina", "cines", "китай", "кнр", "الصين", "الصيني",
	"چین", "चीन", "चीनी")

// undesignated drops the candidates of lists that need a designation near
// them (the Entity List, NeedsDesignation) where the text has none: no
// designationWords and no other candidate within fullNameWindow.
func (d *Dataset) undesignated(t *Text, cands []candidate) []candidate {
	var drop []int
	var designations []int // found on the first need
	found := false
	for i, c := range cands {
		// A name found beside its own context words ("liste des
		// entités" beside BIS) has its designation.
		if !d.needsDesignation(c.pattern) || c.namesake || !c.vouched && len(d.Patterns[c.pattern].Context) > 0 {
			continue
		}
		if d.otherCandidateNear(cands, i) {
			continue
		}
		if !found {
			designations, found = designationsIn(t), true
		}
		k, _ := slices.BinarySearch(designations, int(c.start)-fullNameWindow)
		if k < len(designations) && designations[k] <= int(c.end)+fullNameWindow {
			continue
		}
		drop = append(drop, i)
	}
	if len(drop) == 0 {
		return cands
	}
	out := cands[:0]
	for i, c := range cands {
		if _, dropped := slices.BinarySearch(drop, i); !dropped {
			out = append(out, c)
		}
	}
	return out
}

func (d *Dataset) needsDesignation(p int32) bool {
	e := &d.Entities[d.Patterns[p].Entity]
	return e.Kind == KindList && e.ID == "entity-list"
}

// otherCandidateNear: a candidate of a party, or of a list, order or law
// that needs no designation itself, stands within fullNameWindow of
// cands[i] (cands are sorted by start).
func (d *Dataset) otherCandidateNear(cands []candidate, i int) bool {
	c := cands[i]
	k, _ := slices.BinarySearchFunc(cands, c.start-fullNameWindow, func(o candidate, at int32) int { return int(o.start - at) })
	for ; k < len(cands) && cands[k].start <= c.end+fullNameWindow; k++ {
		o := cands[k]
		if k == i || o.namesake || d.Patterns[o.pattern].Flags&Blocker != 0 || d.needsDesignation(o.pattern) {
			continue
		}
		return true
	}
	return false
}

// designationByRune indexes designationWords by their first rune, so that
// a window is read once (review: a text with a thousand dropped mentions
// read each window once per word).
var designationByRune = func() map[rune][][]rune {
	out := map[rune][][]rune{}
	for _, w := range designationWords {
		r := []rune(w)
		out[r[0]] = append(out[r[0]], r)
	}
	return out
}()

// designationCapitals count only in capitals: "BIS" (German "bis", until),
// "US" (the pronoun).
var designationCapitals = [...]string{"BIS", "US", "USA"}

// designationsIn returns where designationWords and designationCapitals
// stand in text t, in order: found once per text, so that a page with a
// thousand mentions to check reads it once (review).
func designationsIn(t *Text) []int {
	f, x := t.Folded, t.Exact
	var out []int
	for k := 0; k < len(f); k++ {
		ws := designationByRune[f[k]]
		if len(ws) == 0 || k > 0 && isWordRune(f[k]) && isWordRune(f[k-1]) {
			continue
		}
		if designationAt(f, x, k, ws) {
			out = append(out, k)
		}
	}
	return out
}

// designationAt: one of ws starts at k, starting a word ("machine" holds no
// "chine") and ending one where it is of four letters or fewer ("usage"
// holds no "usa"), or one of designationCapitals does.
func designationAt(f, x []rune, k int, ws [][]rune) bool {
	for _, w := range ws {
		n := len(w)
		if k+n > len(f) || !runesEqual(f[k:k+n], w) {
			continue
		}
		if n <= 4 && isWordRune(w[n-1]) && k+n < len(f) && isWordRune(f[k+n]) {
			continue
		}
		return true
	}
	for _, c := range designationCapitals {
		n := len(c)
		if x[k] == rune(c[0]) && k+n <= len(x) && runesEqualString(x[k:k+n], c) && (k+n == len(x) || !isWordRune(x[k+n])) {
			return true
		}
	}
	return false
}
