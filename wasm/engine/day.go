package engine

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

var monthNames = [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// ParsePublished reads the date a page's metadata gives for its publication,
// in the forms that news sites write: ISO 8601 with or without a time and zone
// ("2021-01-14", "2021-01-14T09:30:00-05:00", "2017-11-03 03:01:00.000000"),
// compact "20210114", and RFC 1123 / human forms with an English month name
// ("Thu, 14 Jan 2021 09:30:00 GMT", "January 14, 2021", "14 January 2021").
// The calendar date is taken as written, in the publisher's own zone: that is
// the date a reader sees on the page.
func ParsePublished(s string) (Day, bool) {
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
	// Word forms: pick out a day number, a month name and a four-digit year.
	year, month, day := 0, 0, 0
	for _, w := range splitWords(s) {
		if n, ok := atoi(w); ok {
			switch {
			case len(w) == 4 && year == 0:
				year = n
			case len(w) <= 2 && day == 0:
				day = n
			}
			continue
		}
		if len(w) >= 3 && month == 0 {
			lw := toLowerASCII(w[:3])
			for i, name := range monthNames {
				if lw == name {
					month = i + 1
				}
			}
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

func trimSpace(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t' || s[len(s)-1] == '\n' || s[len(s)-1] == '\r') {
		s = s[:len(s)-1]
	}
	return s
}

// splitWords splits at anything that is not an ASCII letter or digit, and
// stops at a clock time so that "09:30" is not read as a day.
func splitWords(s string) []string {
	var words []string
	start := -1
	for i := 0; i <= len(s); i++ {
		alnum := i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i]|0x20 >= 'a' && s[i]|0x20 <= 'z')
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

func toLowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}
