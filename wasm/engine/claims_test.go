package engine_test

import (
	"os"
	"strings"
	"testing"

	"factcard/wasm/engine"
)

func claimsIn(t *testing.T, text, date string) []engine.Claim {
	t.Helper()
	d := realDataset(t)
	day := engine.NoDay
	if date != "" {
		day = dayOf(t, date)
	}
	return d.Claims(text, d.Find(text), day)
}

func dayOf(t *testing.T, s string) engine.Day {
	d, ok := engine.ParseDay(s)
	if !ok {
		t.Fatalf("bad date %q", s)
	}
	return d
}

func TestClaims(t *testing.T) {
	tests := []struct {
		name, text, date string
		kind, says       string // "" when the sentence must not be flagged
		record           string
	}{
		{"wrong divestment deadline", "Investors have until November 11, 2021, to sell their Xiaomi shares.", "2021-02-10",
			engine.ClaimDivestment, "November 11, 2021", "2022-01-14"},
		{"right divestment deadline", "Investors have until January 14, 2022 to sell their Xiaomi shares.", "2021-02-10", "", "", ""},
		{"no later than", "Funds must sell their Xiaomi stock no later than November 11, 2021.", "2021-02-10",
			engine.ClaimDivestment, "November 11, 2021", "2022-01-14"},
		{"iso date", "Holders of Xiaomi stock must divest by 2021-11-11.", "2021-02-10", engine.ClaimDivestment, "2021-11-11", "2022-01-14"},
		{"removal while enjoined", "Xiaomi was removed from the CCMC list in March.", "2021-04-01",
			engine.ClaimRemoval, "Xiaomi was removed from the CCMC list in March.", "District Court"},
		{"removal while listed", "Xiaomi was removed from the blacklist.", "2021-02-01", engine.ClaimRemoval, "Xiaomi was removed from the blacklist.", "still listed"},
		{"removal after the list ended", "Xiaomi was removed from the CCMC list.", "2021-07-01", "", "", ""},
		{"hedged removal", "Xiaomi asked the court to have it removed from the list.", "2021-02-01", "", "", ""},
		{"negated removal", "Xiaomi has not been removed from the list.", "2021-02-01", "", "", ""},
		{"listed since, right", "Huawei has been on the Entity List since 2019.", "2021-02-01", "", "", ""},
		{"listed since, wrong", "Huawei has been on the Entity List since 2017.", "2021-02-01", engine.ClaimListedSince, "2017", "2019-05-16"},
		{"two companies: no guess", "Huawei and ZTE have been on the Entity List since 2017.", "2021-02-01", "", "", ""},
		{"two dates: no guess", "Between January 14, 2021 and November 11, 2021 investors had to sell Xiaomi shares.", "2021-02-01", "", "", ""},
		{"removed from a complete list it was never on", "ZTE was removed from the NS-CMIC list.", "2023-05-01",
			engine.ClaimMembership, "ZTE was removed from the NS-CMIC list.", "never on it"},
		{"removed from an incomplete list: the record cannot say", "Xiaomi was removed from the Entity List.", "2022-01-01", "", "", ""},
		{"on a list before its addition", "DJI is on the NS-CMIC list.", "2021-10-01",
			engine.ClaimMembership, "DJI is on the NS-CMIC list.", "only on 2021-12-16"},
		{"remains on an ended list", "Huawei remains on the CCMC list.", "2022-03-01",
			engine.ClaimMembership, "Huawei remains on the CCMC list.", "stopped having legal effect on 2021-06-03"},
		{"on the list, as recorded", "Hikvision is on the NS-CMIC list.", "2021-07-01", "", "", ""},
		{"on the list after checked-through: unknown", "Xiaomi is on the NS-CMIC list.", "2026-11-01", "", "", ""},
		{"quoted", "Analysts wrote \"ZTE was removed from the NS-CMIC list\" by mistake.", "2023-05-01", "", "", ""},
		{"annex count", "The ban covers the 58 companies of the annex to Executive Order 14032.", "2021-07-01",
			engine.ClaimCount, "58 companies", "59 entries listed on its first day, 2021-06-03"},
		{"annex count, right", "The ban covers the 59 companies of the annex to Executive Order 14032.", "2021-07-01", "", "", ""},
		{"list size", "The Pentagon has named the 45 companies on the CCMC list.", "2021-02-10",
			engine.ClaimCount, "45 companies", "44 entries on it on 2021-02-10"},
		{"a part, not the total", "Treasury added the 8 companies to the NS-CMIC list in December.", "2022-01-10", "", "", ""},
		{"order date", "Executive Order 14032 of June 4, 2021 replaced the earlier order.", "2021-07-01",
			engine.ClaimOrderDate, "June 4, 2021", "signed on 2021-06-03"},
		{"order date, publication", "Executive Order 14032 was published on June 7, 2021.", "2021-07-01", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := claimsIn(t, tt.text, tt.date)
			if tt.kind == "" {
				if len(cs) != 0 {
					t.Fatalf("flagged %+v", cs)
				}
				return
			}
			if len(cs) != 1 {
				t.Fatalf("got %d claims, want 1: %+v", len(cs), cs)
			}
			c := cs[0]
			if c.Kind != tt.kind || engine.Slice16(tt.text, c.Start, c.End) != tt.says || !strings.Contains(c.Record, tt.record) || c.Source < 0 {
				t.Errorf("claim %+v (span %q), want kind %s, span %q, record containing %q, a source", c,
					engine.Slice16(tt.text, c.Start, c.End), tt.kind, tt.says, tt.record)
			}
		})
	}
}

// BenchmarkClaims: the claims check beside the matcher on the same text,
// every sentence of the claims corpus repeated, so that each of its checks
// runs many times; compare the two sub-benchmarks' ns/op as a ratio.
func BenchmarkClaims(b *testing.B) {
	d := realDataset(b)
	corpus, err := os.ReadFile("testdata/claims.yaml")
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for i := 0; i < 20; i++ {
		for _, line := range strings.Split(string(corpus), "\n") {
			if _, rest, ok := strings.Cut(line, `text: "`); ok {
				sentence, _, _ := strings.Cut(rest, `", date:`)
				sb.WriteString(strings.ReplaceAll(sentence, `\"`, `"`) + "\n")
			}
		}
	}
	text := sb.String()
	day := dayOf(&testing.T{}, "2022-03-01")
	t := &engine.Text{}
	b.Run("find", func(b *testing.B) {
		for b.Loop() {
			t.Reset(text)
			d.FindText(t)
		}
	})
	b.Run("find+claims", func(b *testing.B) {
		for b.Loop() {
			t.Reset(text)
			d.ClaimsText(t, d.FindText(t), day)
		}
	})
}
