package engine

import "slices"

// Namesakes: words that spell a listed name but name someone else, told
// apart by what the sentence itself says about them (docs/matching.md,
// "Namesakes"). Each rule is general; the lists below are the words that
// carry it.

// definedAcronyms returns the acronyms the text defines as something else:
// "(CASC)" after words whose initials spell it ("California Association of
// Student Councils (CASC)"), where no mention ends just before the
// parenthesis (then the expansion is the listed party's own name, "China
// Railway Construction Corporation (CRCC)"). Such an acronym names that
// other body everywhere in the text ("The CRCC exam ...").
func definedAcronyms(t *Text, sure []candidate) []string {
	x := t.Exact
	var defs []string
	for i := 1; i+3 < len(x); i++ {
		if x[i] != '(' || x[i-1] != ' ' {
			continue
		}
		j := i + 1
		for j < len(x) && j-i <= 7 && (isUpper(x[j]) && x[j] < 0x80 || x[j] >= '0' && x[j] <= '9') {
			j++
		}
		if j >= len(x) || x[j] != ')' || j-i-1 < 2 || j-i-1 > 6 {
			continue
		}
		acr := x[i+1 : j]
		k, _ := slices.BinarySearchFunc(sure, int32(i), func(c candidate, at int32) int { return int(c.start - at) })
		if k > 0 && sure[k-1].end >= int32(i-2) {
			continue // a listed name stands before it
		}
		if spelledBefore(x, i-1, acr) {
			defs = append(defs, string(lowerRunes(acr)))
		}
	}
	// Appositives: "NATA, the National Athletic Trainers' Association",
	// "PST, or Pacific Standard Time", "the China Securities Regulatory
	// Commission, or CSRC".
	for i := 0; i+2 < len(x); i++ {
		// An acronym here is ASCII capitals and digits, starting with a
		// capital: the commonest runes are ruled out by one comparison.
		if x[i] < 'A' || x[i] > 'Z' || i > 0 && isWordRune(x[i-1]) {
			continue
		}
		j := i
		for j < len(x) && j-i <= 6 && (isUpper(x[j]) && x[j] < 0x80 || x[j] >= '0' && x[j] <= '9') {
			j++
		}
		if j-i < 2 || j-i > 6 || j < len(x) && isWordRune(x[j]) {
			i = j
			continue
		}
		acr := x[i:j]
		after := -1
		for _, lead := range [...]string{", the ", ", or the ", ", or "} {
			if j+len(lead) < len(x) && runesEqualString(x[j:j+len(lead)], lead) {
				after = j + len(lead)
				break
			}
		}
		if after > 0 && !mentionAt(sure, after) && spelledAfter(x, after, acr) {
			defs = append(defs, string(lowerRunes(acr)))
		}
		if i >= 6 && runesEqualString(x[i-5:i], ", or ") && spelledBefore(x, i-5, acr) && !mentionEndsAt(sure, i-5) {
			defs = append(defs, string(lowerRunes(acr)))
		}
		i = j
	}
	return defs
}

func mentionAt(sure []candidate, at int) bool {
	k, _ := slices.BinarySearchFunc(sure, int32(at), func(c candidate, a int32) int { return int(c.start - a) })
	return k < len(sure) && sure[k].start == int32(at)
}

func mentionEndsAt(sure []candidate, at int) bool {
	for _, c := range sure {
		if c.end == int32(at) {
			return true
		}
	}
	return false
}

// spelledAfter reports whether the words from start on begin with initials
// that spell acr, glue words taken or skipped.
func spelledAfter(x []rune, start int, acr []rune) bool {
	var words [][]rune
	for i := start; i < len(x) && len(words) < 2*len(acr)+2; {
		j := i
		for j < len(x) && x[j] != ' ' {
			j++
		}
		w := x[i:j]
		words = append(words, w)
		if len(w) == 0 || !isWordRune(w[len(w)-1]) && w[len(w)-1] != '&' && w[len(w)-1] != '\'' {
			break // punctuation ends the expansion after this word
		}
		i = j + 1
	}
	var spell func(wi, ai int) bool
	spell = func(wi, ai int) bool {
		if ai == len(acr) {
			return wi >= 2
		}
		if wi >= len(words) || len(words[wi]) == 0 {
			return false
		}
		w := words[wi]
		glue := inWords(lowerRunes(w), acronymGlue[:])
		if lower(w[0]) == lower(acr[ai]) && (ai > 0 || isUpper(w[0])) && spell(wi+1, ai+1) {
			return true
		}
		return glue && ai > 0 && spell(wi+1, ai)
	}
	return spell(0, 0)
}

// inWords reports whether w is one of words.
func inWords(w []rune, words []string) bool {
	return slices.ContainsFunc(words, func(s string) bool { return runesEqualString(w, s) })
}

// capitalWordAfter reports whether a space at b is followed by a
// capitalized word that is one of words ("PNC Bank", "Leon Technology Park").
func capitalWordAfter(x []rune, b int, words []string) bool {
	if b+2 >= len(x) || x[b] != ' ' || !isUpper(x[b+1]) {
		return false
	}
	k := b + 1
	for k < len(x) && isWordRune(x[k]) {
		k++
	}
	return inWords(x[b+1:k], words)
}

func lowerRunes(r []rune) []rune {
	out := make([]rune, len(r))
	for i, c := range r {
		out[i] = lower(c)
	}
	return out
}

// acronymGlue are words an acronym may skip ("Board of Education (BOE)"
// takes "of", "Conference on College Composition (CCC)" skips "on").
var acronymGlue = [...]string{"of", "and", "the", "for", "on", "in", "at", "to", "de", "du", "des", "la", "le", "del", "der", "und", "y", "et", "&"}

// spelledBefore reports whether the words that end at end (exclusive, a
// space) have initials that spell acr, the first a capital.
func spelledBefore(x []rune, end int, acr []rune) bool {
	var words [][]rune
	for i := end; i > 0 && len(words) < 2*len(acr)+2; {
		j := i
		for j > 0 && x[j-1] != ' ' {
			j--
		}
		w := x[j:i]
		if len(w) == 0 || !isWordRune(w[0]) && w[0] != '&' || !isWordRune(w[len(w)-1]) && w[len(w)-1] != '&' {
			break // punctuation ends the expansion
		}
		words = append(words, w)
		if j == 0 {
			break
		}
		i = j - 1
	}
	var spell func(wi, ai int) bool // words[wi:] (backwards) spell acr[:ai+1]
	spell = func(wi, ai int) bool {
		if ai < 0 {
			return wi >= 2 && isUpper(words[wi-1][0])
		}
		if wi >= len(words) {
			return false
		}
		w := words[wi]
		glue := inWords(lowerRunes(w), acronymGlue[:])
		if lower(w[0]) == lower(acr[ai]) && spell(wi+1, ai-1) {
			return true
		}
		return glue && spell(wi+1, ai)
	}
	return spell(0, len(acr)-1)
}

// isAcronymPattern: a name written in capitals only, matched as written.
func isAcronymPattern(p *Pattern) bool {
	return p.Case == CaseExact && len(p.Exact) >= 2 && len(p.Exact) <= 6 && allCaps(p.Exact) && !hasSpace(p.Exact)
}

// foreignPlaces are countries, demonyms, states and cities outside China,
// Hong Kong and Macau (and Taiwan, left out: some listed parties are there).
// "Suma, the Yorkshire wholefood cooperative" and "Comac, the Italian maker of
// floor-cleaning machines" name namesakes.
var foreignPlaces = [...]string{"Aberdeen", "Alabama", "Alaska", "America", "American", "Amsterdam", "Argentina", "Argentine",
	"Arizona", "Athens", "Atlanta", "Auckland", "Austin", "Australia", "Australian", "Austria", "Austrian", "Bangalore",
	"Bangladesh", "Barcelona", "Belgian", "Belgium", "Berlin", "Birmingham", "Bogota", "Boston", "Brazil", "Brazilian",
	"Britain", "British", "Brussels", "Budapest", "Cairo", "California", "Californian", "Canada", "Canadian", "Chicago",
	"Chile", "Chilean", "Colombia", "Colombian", "Colorado", "Copenhagen", "Czech", "Dallas", "Danish", "Delhi", "Denmark",
	"Detroit", "Dublin", "Dutch", "Edinburgh", "Egypt", "Egyptian", "England", "English", "Finland", "Finnish", "Florida",
	"France", "French", "Frankfurt", "Geneva", "German", "Germany", "Ghana", "Glasgow", "Greece", "Greek", "Hamburg",
	"Hannover", "Hawaii", "Hawaiian", "Helsinki", "Houston", "Hungarian", "Hungary", "Illinois", "India", "Indian",
	"Indonesia", "Indonesian", "Iran", "Iranian", "Ireland", "Irish", "Israel", "Israeli", "Istanbul", "Italian", "Italy",
	"Japan", "Japanese", "Johannesburg", "Kenya", "Kenyan", "Korea", "Korean", "Lagos", "Leeds", "Leicester", "Lisbon",
	"London", "Madrid", "Malaysia", "Malaysian", "Manchester", "Massachusetts", "Melbourne", "Mexican", "Mexico", "Miami",
	"Michigan", "Milan", "Montreal", "Mumbai", "Munich", "Nairobi", "Netherlands", "Nigeria", "Nigerian", "Norway",
	"Norwegian", "Ohio", "Oregon", "Oslo", "Ottawa", "Pakistan", "Pakistani", "Paris", "Pennsylvania", "Peru", "Philippine",
	"Poland", "Polish", "Portugal", "Portuguese", "Prague", "Rome", "Russian", "Scotland", "Scottish", "Seattle", "Spain",
	"Spanish", "Stockholm", "Stuttgart", "Sweden", "Swedish", "Swiss", "Switzerland", "Sydney", "Texas", "Thai", "Thailand",
	"Toronto", "Turkey", "Turkish", "UK", "US", "U.S.", "Vancouver", "Vienna", "Vietnam", "Vietnamese", "Virginia", "Wales",
	"Warsaw", "Welsh", "Wisconsin", "Yorkshire", "Zurich", "Taiwan", "Taiwanese", "Winnipeg", "Calgary", "Perth",
	"Brisbane", "Adelaide", "Cardiff", "Bristol", "Oxford", "Cambridge", "Lyon", "Marseille", "Rotterdam", "Antwerp",
	"Osaka", "Kyoto", "Busan", "Manila", "Bangkok", "Hanoi", "Lima", "Santiago", "Denver", "Phoenix", "Portland",
	"Singapore", "Singaporean", "Monterrey", "Montana", "Georgia", "Louisiana", "Arizona", "Utah", "Nevada", "Idaho",
	"Iowa", "Kansas", "Kentucky", "Tennessee", "Alabama", "Minnesota", "Missouri", "Indiana", "Maryland", "Connecticut"}

// foreignPlacePairs are places of two words ("a New Mexico firm").
var foreignPlacePairs = [...]string{"New York", "New Mexico", "New Jersey", "New Zealand", "Bay Area", "Tel Aviv",
	"San Francisco", "Los Angeles", "San Diego", "San Jose", "Silicon Valley", "South Africa", "South African",
	"South Korea", "South Korean", "North Carolina", "South Carolina", "Costa Rica", "Puerto Rico", "Saudi Arabia",
	"Buenos Aires", "Sao Paulo", "Rio de", "Abu Dhabi", "Kuala Lumpur"}

func isForeignPlace(w []rune) bool {
	// "a Florida-based lender" is a Florida lender.
	if n := len(w); n > 6 && runesEqualString(w[n-6:], "-based") {
		w = w[:n-6]
	}
	return inWords(w, foreignPlaces[:])
}

// foreignAppositive: the name is followed by ", a|an|the <Place> ...": the
// sentence says the party is from elsewhere.
func foreignAppositive(x []rune, a, b int) bool {
	if b < len(x) && x[b] == 's' {
		b++ // a genitive "s" the mark leaves out
	}
	// A ticker or a short form between: "ACM Research Inc. (NASDAQ: ACMR),
	// the Fremont, California-based ...".
	if b+2 < len(x) && x[b] == ' ' && x[b+1] == '(' {
		if k := slices.Index(x[b+2:min(len(x), b+42)], ')'); k >= 0 {
			b += 2 + k + 1
		}
	}
	for _, lead := range [...]string{", a ", ", an ", ", the ", " of ", ", which is based in ", ", based in ", ", headquartered in ", ", which is headquartered in "} {
		n := len(lead)
		if b+n < len(x) && runesEqualString(x[b:b+n], lead) {
			j := b + n
			k := j
			for k < len(x) && x[k] != ' ' && x[k] != ',' && x[k] != '.' && x[k] != ';' {
				k++
			}
			if isForeignPlace(x[j:k]) {
				return true
			}
			// A city before its state: "the Arlington, Virginia-based
			// real-estate data provider".
			if k+2 < len(x) && x[k] == ',' && x[k+1] == ' ' {
				m := k + 2
				for m < len(x) && x[m] != ' ' && x[m] != ',' && x[m] != '-' && m-k < 30 {
					m++
				}
				if m+6 <= len(x) && runesEqualString(x[m:m+6], "-based") && isForeignPlace(x[k+2:m]) {
					return true
				}
			}
			// Two words: "a New Mexico firm", "a Bay Area company".
			if k+1 < len(x) && x[k] == ' ' {
				m := k + 1
				for m < len(x) && x[m] != ' ' && x[m] != ',' && x[m] != '.' && x[m] != ';' {
					m++
				}
				pair := x[j:m]
				return inWords(pair, foreignPlacePairs[:])
			}
			return false
		}
	}
	// "<place>'s X" is not read: "America's Huawei ban" and "Germany's ZTE
	// decision" name the listed parties.
	return false
}

// institutionNouns: a name followed by one of these is the start of
// another name ("Leon Technology Park", "China Telecommunications Museum").
var institutionNouns = [...]string{"Park", "Institute", "Expo", "Museum", "University", "College", "School", "Association",
	"Society", "Conference", "Festival", "Award", "Awards", "Prize", "Street", "Road", "Avenue", "Square", "Building",
	"Tower", "Plaza", "Hospital", "Foundation", "Club", "Stadium", "Exhibition", "Fair", "Forum", "Summit", "Cup", "League",
	"Magazine", "Journal", "Library", "Theatre", "Theater", "Hotel", "Airport", "Station"}

// corporateNouns: an ambiguous acronym (one that needs context) or a
// misspelled brand (fuzzy.go) followed by one of these is another company's
// name ("PNC Bank", "PCL Construction", "CSC Global", "Xiomi Textiles").
var corporateNouns = [...]string{"Bank", "Financial", "Construction", "Global", "Worldwide", "Holdings", "Capital",
	"Partners", "Health", "Insurance", "Airlines", "Energy", "Foods", "Stores", "Realty", "Properties", "Media",
	"Sports", "Motors", "Pharma", "Logistics", "Consulting", "Services", "Textiles", "Textile", "Trading", "Industries",
	"Enterprises"}

func corporateNounFollows(x []rune, b int) bool { return capitalWordAfter(x, b, corporateNouns[:]) }

// longerInstitution: a name ending in University, Institute, Academy or
// College followed by "of <Capital>" is part of a longer name ("Tianjin
// University of Technology" is not Tianjin University).
func longerInstitution(p *Pattern, x []rune, b int) bool {
	if b+5 >= len(x) || !runesEqualString(x[b:b+4], " of ") || !isUpper(x[b+4]) {
		return false
	}
	k := len(p.Exact)
	for k > 0 && p.Exact[k-1] != ' ' {
		k--
	}
	return inWords(p.Exact[k:], []string{"University", "Institute", "Academy", "College"})
}

// roleWords: a listed person's name followed by ", a|an|the <role>" that
// no listed procurement agent holds is a namesake ("Zhao Gang, a professor
// at Tsinghua", "Ray Hui, a Hong Kong actor").
var roleWords = [...]string{"professor", "analyst", "partner", "actor", "actress", "singer", "footballer", "midfielder",
	"striker", "player", "coach", "chef", "violinist", "pianist", "artist", "painter", "teacher", "student", "spokesman",
	"spokeswoman", "spokesperson", "journalist", "reporter", "economist", "lawyer", "doctor", "nurse", "athlete",
	"skater", "writer", "novelist", "director", "photographer", "poet", "historian", "researcher", "scholar",
	"barrister", "solicitor", "judge", "lawmaker", "legislator", "senator", "minister", "diplomat", "ambassador",
	"official", "priest", "monk", "surgeon", "dancer", "composer", "blogger", "influencer"}

func roleAppositive(x []rune, b int) bool {
	for _, lead := range [...]string{", a ", ", an ", ", the "} {
		n := len(lead)
		if b+n >= len(x) || !runesEqualString(x[b:b+n], lead) {
			continue
		}
		// The role within the next four words ("a Hong Kong actor",
		// "a Shanghai-based analyst at Morningstar").
		j := b + n
		for w := 0; w < 4 && j < len(x); w++ {
			k := j
			for k < len(x) && x[k] != ' ' {
				k++
			}
			e := k
			for e > j && !isWordRune(x[e-1]) {
				e-- // "analyst," ends the appositive after it
			}
			if inWords(lowerRunes(x[j:e]), roleWords[:]) {
				return true
			}
			if e < k || k >= len(x) {
				return false
			}
			j = k + 1
		}
		return false
	}
	return false
}

func institutionFollows(x []rune, b int) bool { return capitalWordAfter(x, b, institutionNouns[:]) }

// chineseSurnames are common surnames in pinyin and Cantonese romanization:
// "Liu Huawei", "Chen Dahua" are people, whose given names a one-word
// brand may spell.
var chineseSurnames = [...]string{"Bai", "Cai", "Cao", "Chan", "Chen", "Cheng", "Cheung", "Chow", "Cui", "Dai", "Deng", "Ding",
	"Dong", "Du", "Duan", "Fang", "Feng", "Fu", "Gao", "Gong", "Gu", "Guo", "Han", "Hao", "Hou", "Hu", "Huang", "Jia",
	"Jiang", "Jin", "Kong", "Kwok", "Lai", "Lam", "Lau", "Lei", "Leung", "Li", "Liang", "Liao", "Lin", "Liu", "Lu", "Luo",
	"Mao", "Meng", "Mo", "Ng", "Pan", "Peng", "Qian", "Qin", "Qiu", "Ren", "Shao", "Shen", "Shi", "Song", "Su", "Sun",
	"Tan", "Tang", "Tao", "Tian", "Tsang", "Wang", "Wei", "Wong", "Wu", "Xia", "Xiao", "Xie", "Xiong", "Xu", "Xue", "Yan",
	"Yang", "Yao", "Ye", "Yeung", "Yin", "Yu", "Yuan", "Zeng", "Zhang", "Zhao", "Zheng", "Zhong", "Zhou", "Zhu", "Zou"}

// surnameBefore: a one-word name right after a surname is a given name.
func surnameBefore(x []rune, a int) bool {
	if a < 3 || x[a-1] != ' ' {
		return false
	}
	k := wordStart(x, a-1)
	if k > 0 && x[k-1] != ' ' && x[k-1] != '(' && x[k-1] != '"' {
		return false
	}
	w := x[k : a-1]
	return inWords(w, chineseSurnames[:])
}
