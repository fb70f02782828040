package ofac

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"factcard/internal/fixture"
)

// realDir holds OFAC's NS-CMIC rows as of December 2025 (see ../shared/README.md).
const realDir = "../../../shared/sources/ofac-ns-cmic"

func parseReal(t *testing.T) []Row {
	t.Helper()
	fixture.Require(t, filepath.Join(realDir, PrimFile))
	rows, err := Parse(realDir)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func byName(rows []Row) map[string]Row {
	m := map[string]Row{}
	for _, r := range rows {
		m[r.Name] = r
	}
	return m
}

func TestParseRealCounts(t *testing.T) {
	rows := parseReal(t)
	if len(rows) != 68 {
		t.Fatalf("got %d rows, want 68", len(rows))
	}
	tranches := map[[3]string]int{}
	for _, r := range rows {
		tranches[[3]string{r.ListingDate, r.EffectiveDate, r.DivestmentDate}]++
		if len(r.Other) > 0 {
			t.Errorf("%s: unrecognised remarks %q", r.Name, r.Other)
		}
		if r.Program != Program {
			t.Errorf("%s: program %q", r.Name, r.Program)
		}
		if strings.Contains(r.Remarks, "-0-") {
			t.Errorf("%s: placeholder left in remarks", r.Name)
		}
	}
	want := map[[3]string]int{
		{"2021-06-03", "2021-08-02", "2022-06-03"}: 59, // EO 14032 Annex
		{"2021-12-10", "2022-02-08", "2022-12-10"}: 1,  // SenseTime
		{"2021-12-16", "2022-02-14", "2022-12-16"}: 8,  // December 16, 2021 additions
	}
	if !reflect.DeepEqual(tranches, want) {
		t.Errorf("tranches = %v, want %v", tranches, want)
	}
}

func TestParseRealRows(t *testing.T) {
	rows := byName(parseReal(t))
	tests := []struct {
		name                          string
		entNum                        int
		listing, effective, divestDay string
		tickers, isins                []string // a subset that must be present
		aliases, former, linked       []string // subsets
		uscc                          string
	}{
		{
			name: "CHINA MOBILE LIMITED", entNum: 30923,
			listing: "2021-06-03", effective: "2021-08-02", divestDay: "2022-06-03",
			tickers: []string{"CHL US", "941 HK"}, isins: []string{"US16941M1099", "HK0941009539"},
			aliases: []string{"CHINA MOBILE LTD"},
			linked:  []string{"CHINA MOBILE COMMUNICATIONS GROUP CO., LTD."},
		},
		{
			name: "CHINA TELECOM CORPORATION LIMITED", entNum: 30882,
			listing: "2021-06-03", effective: "2021-08-02", divestDay: "2022-06-03",
			tickers: []string{"CHA US", "0728 HK"}, isins: []string{"US1694261033", "CNE1000002V2"},
			aliases: []string{"CHINA TELECOM"},
			linked:  []string{"CHINA TELECOMMUNICATIONS CORPORATION"},
			uscc:    "9111000071093019X7",
		},
		{
			name: "SEMICONDUCTOR MANUFACTURING INTERNATIONAL CORPORATION", entNum: 30951,
			listing: "2021-06-03", effective: "2021-08-02", divestDay: "2022-06-03",
			tickers: []string{"688981 CN", "00981 HK"}, aliases: []string{"SMIC"},
		},
		{
			name: "AERO ENGINE CORPORATION OF CHINA", entNum: 30902,
			listing: "2021-06-03", effective: "2021-08-02", divestDay: "2022-06-03",
			aliases: []string{"AERO ENGINE CORP OF CHINA", "AECC"}, uscc: "91110000MA005UCQ5P",
		},
		{
			// Remarks continue in cons_comments.csv.
			name: "CHINA COMMUNICATIONS CONSTRUCTION COMPANY LIMITED", entNum: 30930,
			listing: "2021-06-03", effective: "2021-08-02", divestDay: "2022-06-03",
			tickers: []string{"601800 CN", "01800 HK"}, isins: []string{"CNE100001FN5"},
			aliases: []string{"CCCC"}, uscc: "91110000710934369E",
		},
		{
			name: "CHINA UNICOM (HONG KONG) LIMITED", entNum: 30924,
			listing: "2021-06-03", effective: "2021-08-02", divestDay: "2022-06-03",
			tickers: []string{"CHU US", "762 HK"}, former: []string{"CHINA UNICOM LIMITED"},
			linked: []string{"CHINA UNITED NETWORK COMMUNICATIONS GROUP CO., LTD."},
		},
		{
			name: "PROVEN GLORY CAPITAL LIMITED", entNum: 32089,
			listing: "2021-06-03", effective: "2021-08-02", divestDay: "2022-06-03",
			linked: []string{"HUAWEI INVESTMENT & HOLDING CO., LTD."},
		},
		{
			// OFAC writes "600677  CN" with two spaces; the parser collapses them.
			name: "AEROSPACE COMMUNICATIONS HOLDINGS GROUP COMPANY LIMITED", entNum: 32073,
			listing: "2021-06-03", effective: "2021-08-02", divestDay: "2022-06-03",
			tickers: []string{"600677 CN"}, former: []string{"AEROSPACE COMMUNICATIONS HOLDINGS COMPANY LIMITED"},
		},
		{
			name: "SENSETIME GROUP LIMITED", entNum: 33114,
			listing: "2021-12-10", effective: "2022-02-08", divestDay: "2022-12-10",
			aliases: []string{"SENSETIME GROUP LTD"},
		},
		{
			name: "SZ DJI TECHNOLOGY CO., LTD.", entNum: 33111,
			listing: "2021-12-16", effective: "2022-02-14", divestDay: "2022-12-16",
		},
		{
			name: "DAWNING INFORMATION INDUSTRY CO., LTD", entNum: 33113,
			listing: "2021-12-16", effective: "2022-02-14", divestDay: "2022-12-16",
			tickers: []string{"603019CN"}, aliases: []string{"SUGON"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ok := rows[tt.name]
			if !ok {
				t.Fatalf("row %q not found", tt.name)
			}
			if r.EntNum != tt.entNum {
				t.Errorf("EntNum = %d, want %d", r.EntNum, tt.entNum)
			}
			if r.ListingDate != tt.listing || r.EffectiveDate != tt.effective || r.DivestmentDate != tt.divestDay {
				t.Errorf("dates = %s/%s/%s, want %s/%s/%s", r.ListingDate, r.EffectiveDate, r.DivestmentDate,
					tt.listing, tt.effective, tt.divestDay)
			}
			if tt.uscc != "" && r.USCC != tt.uscc {
				t.Errorf("USCC = %q, want %q", r.USCC, tt.uscc)
			}
			contains(t, "Tickers", r.Tickers, tt.tickers)
			contains(t, "ISINs", r.ISINs, tt.isins)
			contains(t, "Aliases", r.Aliases, tt.aliases)
			contains(t, "FormerNames", r.FormerNames, tt.former)
			contains(t, "LinkedTo", r.LinkedTo, tt.linked)
		})
	}
}

// Every "Linked To" name is itself on the list.
func TestParseRealLinksResolve(t *testing.T) {
	rows := parseReal(t)
	names := byName(rows)
	n := 0
	for _, r := range rows {
		for _, l := range r.LinkedTo {
			n++
			if _, ok := names[l]; !ok {
				t.Errorf("%s: linked to %q, which is not a listed name", r.Name, l)
			}
		}
	}
	if n != 9 {
		t.Errorf("%d links, want 9", n)
	}
}

func contains(t *testing.T, field string, got, want []string) {
	t.Helper()
	for _, w := range want {
		found := false
		for _, g := range got {
			if g == w {
				found = true
			}
		}
		if !found {
			t.Errorf("%s = %q, missing %q", field, got, w)
		}
	}
}

func TestParseQuirks(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(PrimFile, ""+
		"1,\"ACME CO., LTD.\",-0- ,\"CMIC-EO13959\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"Equity Ticker 1  HK; ISIN X1; Listing Date (CMIC) 03 Jun 2021; Effective Date (CMIC) 02 Aug 2021; Purchase/Sales For Divestment Date (CMIC) 03 Jun 2022; Unified Social Credit Code (USCC) 91X \"\r\n"+
		"2,\"ACME SUB\",-0- ,\"CMIC-EO13959\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"Linked To: ACME CO., LTD.\"\r\n"+
		"3,\"OTHER\",\"individual\",\"SDGT] [IFSR\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"+
		"\x1a\r\n")
	write(CommentsFile, "1,\"(China); a.k.a. 'ACME'.\"\r\n")
	write(AltFile, "1,10,\"aka\",\"ACME LTD\",-0- \r\n1,11,\"fka\",\"OLD ACME\",-0- \r\n3,12,\"aka\",\"X\",-0- \r\n")
	write(AddFile, "1,20,-0- ,\"Beijing\",\"China\",-0- \r\n")

	rows, err := Parse(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("got %d rows, want 2 (non-CMIC row skipped)", len(rows))
	}
	a := rows[0]
	want := Row{
		EntNum: 1, Name: "ACME CO., LTD.", Program: Program,
		Remarks:       a.Remarks,
		Aliases:       []string{"ACME LTD", "ACME"},
		FormerNames:   []string{"OLD ACME"},
		Tickers:       []string{"1 HK"},
		ISINs:         []string{"X1"},
		USCC:          "91X",
		ListingDate:   "2021-06-03",
		EffectiveDate: "2021-08-02", DivestmentDate: "2022-06-03",
		Addresses: []Address{{Num: 20, City: "Beijing", Country: "China"}},
	}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("row 1 =\n%+v\nwant\n%+v", a, want)
	}
	if !reflect.DeepEqual(rows[1].LinkedTo, []string{"ACME CO., LTD."}) {
		t.Errorf("LinkedTo = %q", rows[1].LinkedTo)
	}
}

func TestParseErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name, prim, want string
	}{
		{"bad ent_num", "1,\"A\",-0- ,\"CMIC-EO13959\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \nx,\"B\",-0- ,\"CMIC-EO13959\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n", PrimFile + ":2:"},
		{"short row", "1,\"A\",-0- \n", PrimFile + ":1:"},
		{"bad date", "1,\"A\",-0- ,\"CMIC-EO13959\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"Listing Date (CMIC) 31 Foo 2021\"\n", "ent_num 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, PrimFile), []byte(tt.prim), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Parse(dir)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), PrimFile) {
				t.Errorf("err = %v, want one naming %q", err, tt.want)
			}
		})
	}
	if _, err := Parse(t.TempDir()); err == nil || !strings.Contains(err.Error(), PrimFile) {
		t.Errorf("missing file: err = %v", err)
	}
}
