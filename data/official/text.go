package official

import (
	"regexp"
	"strings"
	"unicode"
)

// provinces are the address parts between a city and the country that are
// not the city: China's provinces and autonomous regions.
var provinces = map[string]bool{}

func init() {
	for _, p := range strings.Split("anhui beijing chongqing fujian gansu guangdong guangxi guizhou hainan hebei "+
		"heilongjiang henan hubei hunan jiangsu jiangxi jilin liaoning ningxia qinghai shaanxi shandong shanghai "+
		"shanxi sichuan tianjin tibet xinjiang yunnan zhejiang", " ") {
		provinces[p] = true
	}
	provinces["inner mongolia"] = true
}

var postcodeRE = regexp.MustCompile(`^[\d\s-]+$`)

// Cities returns the city of each of an entry's addresses, as the address
// writes it, in order and without repeats. Municipalities that are also
// provinces (Beijing, Shanghai) are their own city. An address whose city
// cannot be told apart is left out rather than guessed.
func Cities(address string) []string {
	var out []string
	seen := map[string]bool{}
	for _, a := range splitAddresses(address) {
		if c := city(a); c != "" && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

var addressSepRE = regexp.MustCompile(`;\s*(?:and\s+)?|\.\s+and\s+|,\s+and\s+(?:at\s+)?`)

func splitAddresses(address string) []string {
	address = regexp.MustCompile(`\([^)]*\)`).ReplaceAllString(address, "")
	return addressSepRE.Split(address, -1)
}

func city(addr string) string {
	parts := strings.Split(strings.TrimRight(strings.TrimSpace(addr), ". "), ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	if len(parts) == 0 {
		return ""
	}
	last := strings.ToLower(parts[len(parts)-1])
	switch last {
	case "hong kong", "kowloon, hong kong":
		return "Hong Kong"
	case "macau", "macao":
		return "Macau"
	}
	if strings.HasSuffix(last, "hong kong") {
		return "Hong Kong"
	}
	if last != "china" && last != "prc" && last != "p.r. china" && last != "p.r.c." {
		return ""
	}
	for i := len(parts) - 2; i >= 0; i-- {
		p := parts[i]
		lp := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(p, " Province"), " Municipality"))
		lp = strings.TrimSuffix(lp, " autonomous region")
		switch {
		case p == "" || postcodeRE.MatchString(p):
			continue
		case lp == "beijing" || lp == "shanghai" || lp == "tianjin" || lp == "chongqing":
			return titleWord(lp)
		case provinces[lp] || strings.HasSuffix(strings.ToLower(p), " province") || strings.Contains(lp, "uyghur") || strings.Contains(lp, "zhuang"):
			continue
		}
		c := strings.TrimSuffix(strings.TrimSuffix(p, " City"), " city")
		c = strings.TrimSpace(strings.TrimRight(c, "0123456789 "))
		// A city is a short place name, not a street or a district.
		if c == "" || strings.ContainsAny(c, "0123456789") || len(strings.Fields(c)) > 3 || hasAnyWord(c, "road", "street", "district", "building", "floor", "room", "zone", "park", "avenue", "lu", "no.", "town", "village", "county") {
			return ""
		}
		return c
	}
	return ""
}

func titleWord(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

func hasAnyWord(s string, words ...string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		for _, x := range words {
			if w == x {
				return true
			}
		}
	}
	return false
}

// Kind says what an Entity List party is from the words of its name; the
// dataset's kinds are company, institute, university, government and person.
func Kind(name string) string {
	l := " " + strings.ToLower(strings.NewReplacer(",", " ", "(", " ", ")", " ", ".", " ").Replace(name)) + " "
	has := func(ws ...string) bool {
		for _, w := range ws {
			if strings.Contains(l, " "+w+" ") || strings.HasSuffix(w, "*") && strings.Contains(l, " "+strings.TrimSuffix(w, "*")) {
				return true
			}
		}
		return false
	}
	switch {
	case has("university", "college", "school") || strings.Contains(l, " institute of technology ") ||
		strings.Contains(l, " institute of science and technology "):
		return "university"
	case has("co", "ltd", "limited", "inc", "company", "corporation", "llc"):
		return "company" // a legal form: a company, whatever its name says
	case has("bureau", "ministry", "police", "public security", "people's liberation army", "pla", "government",
		"procuratorate", "administration", "commission", "committee", "department", "armed police"):
		return "government"
	case has("institute", "academy", "laboratory", "lab", "research center", "research centre", "center", "centre"):
		return "institute"
	case personName(name) && !has("co", "company", "ltd", "limited", "inc", "corp", "corporation", "group", "llc",
		"trading", "technology", "technologies", "tech", "electronic", "electronics", "industry", "industries", "international",
		"holdings", "global", "capital", "research", "display", "microelectronics", "microsystems", "systems",
		"semiconductor", "network", "networks", "science", "scientech", "create", "supply", "solutions", "partners",
		"china", "beijing", "shanghai", "shenzhen", "hong", "kong", "the", "of", "and"):
		return "person"
	}
	return "company"
}

var personWordRE = regexp.MustCompile(`^[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?$`)

// personName: two to four capitalized words of letters ("Liang Ping Huang",
// "Cho-Man Wong"), none an acronym or a run-together brand.
func personName(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 2 || len(ws) > 4 {
		return false
	}
	for _, w := range ws {
		if !personWordRE.MatchString(w) {
			return false
		}
	}
	return true
}

// letters counts the letters and digits of a name.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// words counts a name's words.
func words(s string) int {
	return len(strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' }))
}

// allCaps reports a name written in capitals (an acronym such as "HIT").
func allCaps(s string) bool {
	up := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		up = up || unicode.IsUpper(r)
	}
	return up
}

var slugRE = regexp.MustCompile(`[^a-z0-9]+`)

// Slug makes an entity id from a name: lowercase ASCII words joined by
// hyphens, at most 60 characters, cut at a word.
func Slug(name string) string {
	s := strings.Map(func(r rune) rune {
		if r > unicode.MaxASCII {
			return ' '
		}
		return unicode.ToLower(r)
	}, strings.ReplaceAll(name, "'", ""))
	s = strings.Trim(slugRE.ReplaceAllString(s, "-"), "-")
	for len(s) > 60 {
		i := strings.LastIndexByte(s[:60], '-')
		if i <= 0 {
			s = s[:60]
			break
		}
		s = s[:i]
	}
	return s
}
