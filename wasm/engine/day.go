package engine

import "strings"

// Day is a calendar day counted from 1970-01-01. The dataset and the cards
// deal in whole days; a hand-written conversion keeps the time package's
// zone tables out of the WebAssembly binary.
type Day int32

// NoDay marks an unknown date.
const NoDay Day = -1 << 31

// DayFromCivil converts a proleptic Gregorian date to a Day
// (Howard Hinnant's days_from_civil algorithm).
func DayFromCivil(y, m, d int) Day {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return Day(era*146097 + doe - 719468)
}

// Civil converts a Day back to year, month and day.
func (d Day) Civil() (y, m, dd int) {
	z := int(d) + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era = (z - 146096) / 146097
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	dd = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, dd
}

// String formats the day as YYYY-MM-DD, or "" for NoDay.
func (d Day) String() string {
	if d == NoDay {
		return ""
	}
	y, m, dd := d.Civil()
	b := make([]byte, 0, 10)
	b = appendPadded(b, y, 4)
	b = append(b, '-')
	b = appendPadded(b, m, 2)
	b = append(b, '-')
	b = appendPadded(b, dd, 2)
	return string(b)
}

func appendPadded(b []byte, v, width int) []byte {
	var tmp [8]byte
	i := len(tmp)
	for v > 0 || i > len(tmp)-width {
		i--
		tmp[i] = byte('0' + v%10)
		v /= 10
	}
	return append(b, tmp[i:]...)
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func validCivil(y, m, d int) bool {
	return y >= MinYear && y <= MaxYear && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}

// ParseDay parses exactly YYYY-MM-DD.
func ParseDay(s string) (Day, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return NoDay, false
	}
	y, ok1 := atoi(s[0:4])
	m, ok2 := atoi(s[5:7])
	d, ok3 := atoi(s[8:10])
	if !ok1 || !ok2 || !ok3 || !validCivil(y, m, d) {
		return NoDay, false
	}
	return DayFromCivil(y, m, d), true
}

func atoi(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// monthNames are the months as news sites print them, by language (the
// page's primary language subtag); English is also tried on every page.
var monthNames = [...]struct {
	lang  string
	names [12]string
}{
	{"en", [12]string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}},
	{"de", [12]string{"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"}},
	{"fr", [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}},
	{"es", [12]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"}},
	{"it", [12]string{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"}},
	{"pt", [12]string{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"}},
	{"nl", [12]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}},
}

// ParsePublished reads a publication date in English or ISO forms; see
// ParsePublishedIn.
func ParsePublished(s string) (Day, bool) { return ParsePublishedIn(s, "en") }

// ParsePublishedIn reads the date a page gives for its publication, in the
// forms that news sites write, for a page in language lang (a BCP 47 tag
// such as "de-DE"; "" is English): ISO 8601 with or without a time and zone
// ("2021-01-14", "2021-01-14T09:30:00-05:00", "2017-11-03 03:01:00.000000"),
// compact "20210114", year first with slashes or dots ("2023/05/01",
// "2023.05.01"), Chinese, Japanese and Korean "2023年5月1日" / "2023년 5월
// 1일", and forms with a month name in the page's language or English
// ("Thu, 14 Jan 2021 09:30:00 GMT", "May 1st, 2023", "1. Mai 2023", "1er mai
// 2023"). The calendar date is taken as written, in the publisher's own
// zone: that is the date a reader sees on the page.
func ParsePublishedIn(s, lang string) (Day, bool) {
	s = trimSpace(s)
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		if d, ok := ParseDay(s[:10]); ok && (len(s) == 10 || s[10] == 'T' || s[10] == ' ' || s[10] == 't') {
			return d, true
		}
		return NoDay, false
	}
	if len(s) >= 8 {
		if y, ok := atoi(s[:8]); ok && (len(s) == 8 || s[8] == 'T') {
			yy, mm, dd := y/10000, y/100%100, y%100
			if validCivil(yy, mm, dd) {
				return DayFromCivil(yy, mm, dd), true
			}
		}
	}
	if d, ok := parseYearFirst(s); ok {
		return d, true
	}
	// Word forms: pick out a day number, a month name and a four-digit year.
	names := [][12]string{monthNames[0].names} // English
	primary, _, _ := strings.Cut(toLowerASCII(lang), "-")
	for _, t := range monthNames[1:] {
		if t.lang == primary {
			names = append([][12]string{t.names}, names...)
		}
	}
	year, month, day := 0, 0, 0
	for _, w := range splitWords(s) {
		if n, digits, ok := ordinal(w); ok {
			switch {
			case digits == 4 && year == 0:
				year = n
			case digits <= 2 && day == 0:
				day = n
			}
			continue
		}
		if month == 0 {
			month = monthOf(w, names)
		}
		if year != 0 && month != 0 && day != 0 {
			break
		}
	}
	if validCivil(year, month, day) {
		return DayFromCivil(year, month, day), true
	}
	return NoDay, false
}

// parseYearFirst reads "2023/05/01", "2023.05.01", "2023. 5. 1." and the
// CJK "2023年5月1日" / "2023년 5월 1일": a four-digit year, then month and day,
// each followed by one separator.
func parseYearFirst(s string) (Day, bool) {
	var parts [3]int
	i := 0
	for k := range parts {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		n, ok := atoi(s[i:j])
		if !ok || (k == 0) != (j-i == 4) || k > 0 && j-i > 2 {
			return NoDay, false
		}
		parts[k] = n
		rest := s[j:]
		sep := ""
		for _, p := range []string{"/", ".", "年", "月", "日", "년", "월", "일"} {
			if strings.HasPrefix(rest, p) {
				sep = p
				break
			}
		}
		if sep == "" && k < 2 {
			return NoDay, false
		}
		i = j + len(sep)
	}
	if !validCivil(parts[0], parts[1], parts[2]) {
		return NoDay, false
	}
	return DayFromCivil(parts[0], parts[1], parts[2]), true
}

// ordinal reads a number as days are printed: "1", "01", "1st", "2nd",
// "3rd", "4th", "1er", "1re", "1º"; it returns the value and its count of
// digits.
func ordinal(w string) (n, digits int, ok bool) {
	for digits < len(w) && w[digits] >= '0' && w[digits] <= '9' {
		digits++
	}
	if digits == 0 {
		return 0, 0, false
	}
	switch toLowerASCII(w[digits:]) {
	case "", "st", "nd", "rd", "th", "er", "re", "e", "º", "ª":
		n, _ = atoi(w[:digits])
		return n, digits, true
	}
	return 0, 0, false
}

// monthOf is the month (1-12) that word w names in one of the tables, by its
// full name or an abbreviation of at least three letters that only one
// month of that table starts with ("Sept", "févr", "Mär"); 0 if none.
func monthOf(w string, tables [][12]string) int {
	w = lowerLatin1(strings.TrimSuffix(w, "."))
	if len([]rune(w)) < 3 {
		return 0
	}
	for _, t := range tables {
		found := 0
		for i, name := range t {
			if name == w {
				return i + 1
			}
			if strings.HasPrefix(name, w) {
				if found != 0 {
					found = -1
					break
				}
				found = i + 1
			}
		}
		if found > 0 {
			return found
		}
	}
	return 0
}

func trimSpace(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t' || s[len(s)-1] == '\n' || s[len(s)-1] == '\r') {
		s = s[:len(s)-1]
	}
	return s
}

// splitWords splits at ASCII characters that are not letters or digits
// (non-ASCII letters, as in "März" or "août", stay in their words), and
// skips a clock time so that "09:30" is not read as a day.
func splitWords(s string) []string {
	var words []string
	start := -1
	for i := 0; i <= len(s); i++ {
		alnum := i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i]|0x20 >= 'a' && s[i]|0x20 <= 'z' || s[i] >= 0x80)
		if alnum && start < 0 {
			start = i
		}
		if !alnum && start >= 0 {
			if i < len(s) && s[i] == ':' {
				start = -1
				continue // the hour of a time
			}
			if start > 0 && s[start-1] == ':' {
				start = -1
				continue // minutes or seconds
			}
			words = append(words, s[start:i])
			start = -1
		}
	}
	return words
}

// lowerLatin1 lowers ASCII and Latin-1 letters ("MÄRZ", "Août"), all that
// month names need, without the Unicode case tables of strings.ToLower.
func lowerLatin1(s string) string {
	r := []rune(s)
	for i, c := range r {
		if c >= 'A' && c <= 'Z' || c >= 0xC0 && c <= 0xDE && c != 0xD7 {
			r[i] = c + 32
		}
	}
	return string(r)
}

func toLowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}
