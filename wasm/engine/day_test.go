package engine

import "testing"

func TestDayRoundTrip(t *testing.T) {
	// Every day from 1900 to 2200 converts to civil and back, in order.
	prev := DayFromCivil(1899, 12, 31)
	for y := 1900; y <= 2200; y++ {
		for m := 1; m <= 12; m++ {
			for d := 1; d <= daysIn(y, m); d++ {
				day := DayFromCivil(y, m, d)
				if day != prev+1 {
					t.Fatalf("%04d-%02d-%02d is day %d, want %d", y, m, d, day, prev+1)
				}
				if yy, mm, dd := day.Civil(); yy != y || mm != m || dd != d {
					t.Fatalf("day %d -> %d-%d-%d, want %d-%d-%d", day, yy, mm, dd, y, m, d)
				}
				prev = day
			}
		}
	}
	if got := DayFromCivil(1970, 1, 1); got != 0 {
		t.Errorf("1970-01-01 = %d, want 0", got)
	}
	if s := DayFromCivil(2021, 1, 14).String(); s != "2021-01-14" {
		t.Errorf("String = %q", s)
	}
}

func TestParseDay(t *testing.T) {
	for _, bad := range []string{"", "2021-1-14", "2021-02-30", "2021-13-01", "20210114", "2021/01/14", "２０２１-01-14"} {
		if _, ok := ParseDay(bad); ok {
			t.Errorf("ParseDay(%q) accepted", bad)
		}
	}
	if d, ok := ParseDay("2024-02-29"); !ok || d.String() != "2024-02-29" {
		t.Errorf("leap day: %v %v", d, ok)
	}
}

func TestParsePublished(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2021-01-14", "2021-01-14"},
		{"2021-01-14T23:30:00-05:00", "2021-01-14"}, // the publisher's calendar day, not UTC's
		{"2021-01-14T02:00:00Z", "2021-01-14"},
		{"2017-11-03 03:01:00.000000", "2017-11-03"}, // engadget's form
		{" 2021-01-14 ", "2021-01-14"},
		{"20210114", "2021-01-14"},
		{"20210114T093000Z", "2021-01-14"},
		{"Thu, 14 Jan 2021 09:30:00 GMT", "2021-01-14"},
		{"January 14, 2021", "2021-01-14"},
		{"14 January 2021 09:30", "2021-01-14"},
		{"Updated 9:30 AM ET, Thu March 4, 2021", "2021-03-04"},
		{"", ""},
		{"yesterday", ""},
		{"2021-02-30T00:00:00Z", ""},
		{"2021-01-14junk", ""},
	}
	for _, tt := range tests {
		d, ok := ParsePublished(tt.in)
		got := ""
		if ok {
			got = d.String()
		}
		if got != tt.want {
			t.Errorf("ParsePublished(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestParsePublishedIn: visible dates as news sites print them, read with
// the page's language.
func TestParsePublishedIn(t *testing.T) {
	for _, tt := range []struct{ in, lang, want string }{
		{"May 1st, 2023", "en", "2023-05-01"},
		{"Published on May 2nd, 2023 at 9:30", "en-US", "2023-05-02"},
		{"June 23rd 2023", "", "2023-06-23"},
		{"2023/05/01", "", "2023-05-01"},
		{"2023/5/1 10:04", "ja", "2023-05-01"},
		{"2023.05.01", "ko", "2023-05-01"},
		{"2023. 5. 1.", "ko", "2023-05-01"},
		{"2023年5月1日", "zh-CN", "2023-05-01"},
		{"2023年05月01日 08:15", "ja", "2023-05-01"},
		{"2023년 5월 1일", "ko", "2023-05-01"},
		{"1. Mai 2023", "de", "2023-05-01"},
		{"3. März 2021, 14:05 Uhr", "de-DE", "2021-03-03"},
		{"1er mai 2023", "fr", "2023-05-01"},
		{"le 14 févr. 2021 à 09h30", "fr-FR", "2021-02-14"},
		{"publié le 3 août 2022", "fr", "2022-08-03"},
		{"1 de mayo de 2023", "es", "2023-05-01"},
		{"1º de maio de 2023", "pt-BR", "2023-05-01"},
		{"14 January 2021", "de", "2021-01-14"}, // English is tried on every page
		{"1. Mai 2023", "en", ""},               // German months only on German pages
		{"2023/13/01", "", ""},
		{"2023/05", "", ""},
		{"2023年2月30日", "zh", ""},
		{"Ju 1, 2023", "en", ""}, // June or July: too short to tell
	} {
		got := ""
		if d, ok := ParsePublishedIn(tt.in, tt.lang); ok {
			got = d.String()
		}
		if got != tt.want {
			t.Errorf("ParsePublishedIn(%q, %q) = %q, want %q", tt.in, tt.lang, got, tt.want)
		}
	}
}
