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
