// Package ofac reads the Non-SDN Chinese Military-Industrial Complex Companies
// list (NS-CMIC, program tag "CMIC-EO13959") out of OFAC's legacy headerless
// consolidated CSV files: cons_prim.csv (one row per entity), cons_alt.csv
// (aliases), cons_add.csv (addresses) and cons_comments.csv (the overflow of
// remarks too long for cons_prim.csv).
//
// The files are OFAC's own: "-0-" (often followed by a space) stands for an
// empty field, fields carry trailing spaces, lines end in CRLF, and the
// remarks column packs the structured data (tickers, ISINs, CMIC dates,
// "Linked To") into one "; "-separated string ending in a full stop.
package ofac

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Program is the tag OFAC gives NS-CMIC entries in the consolidated files.
const Program = "CMIC-EO13959"

// File names inside the directory given to Parse.
const (
	PrimFile     = "cons_prim.csv"
	AltFile      = "cons_alt.csv"
	AddFile      = "cons_add.csv"
	CommentsFile = "cons_comments.csv"
)

// Address is one cons_add.csv row.
type Address struct {
	Num     int    // add_num
	Address string // street address
	City    string // city / province / postal code
	Country string
	Remarks string
}

// Row is one NS-CMIC entry, with its remarks parsed.
type Row struct {
	EntNum  int
	Name    string // as listed, e.g. "CHINA MOBILE LIMITED"
	Type    string // usually empty for non-SDN entities
	Program string
	Remarks string // the full remarks, cons_comments.csv overflow included

	Aliases     []string // a.k.a.: cons_alt.csv rows first, then "a.k.a. '...'" from the remarks
	FormerNames []string // f.k.a. (cons_alt.csv rows of type "fka")
	IssuerNames []string // "Issuer Name" / "alt. Issuer Name"
	Tickers     []string // "Equity Ticker" / "alt. Equity Ticker", as OFAC writes them ("941 HK")
	ISINs       []string
	TargetType  string // "Public Company", "State-Owned Enterprise", ...
	LEI         string // "Legal Entity Number"
	USCC        string // Unified Social Credit Code, without the "(China)" suffix
	// Other registration numbers, as OFAC writes them: "Company Number 0685974 (Hong Kong)".
	Registrations []string

	// Dates as "YYYY-MM-DD" ("" if absent).
	ListingDate    string // "Listing Date (CMIC)"
	EffectiveDate  string // "Effective Date (CMIC)": purchases are banned from this day
	DivestmentDate string // "Purchase/Sales For Divestment Date (CMIC)"

	LinkedTo []string // names of related listed entities, as OFAC writes them

	Addresses []Address
	Other     []string // remark items this parser does not recognise
}

// Parse reads the four files in dir and returns every CMIC-EO13959 entry in
// file order. cons_prim.csv is required; the others are optional. Errors name
// the file and line.
func Parse(dir string) ([]Row, error) {
	var rows []Row
	index := map[int]int{} // ent_num -> index in rows
	// rowOf finds the listed row a record of the other files belongs to;
	// records of entries outside the program are not an error.
	rowOf := func(rec []string) (int, bool, error) {
		n, err := strconv.Atoi(clean(rec[0]))
		if err != nil {
			return 0, false, fmt.Errorf("ent_num %q is not a number", rec[0])
		}
		i, ok := index[n]
		return i, ok, nil
	}

	err := readCSV(filepath.Join(dir, PrimFile), true, 12, func(rec []string, line int) error {
		program := clean(rec[3])
		if !hasProgram(program, Program) {
			return nil
		}
		n, err := strconv.Atoi(clean(rec[0]))
		if err != nil {
			return fmt.Errorf("ent_num %q is not a number", rec[0])
		}
		if _, dup := index[n]; dup {
			return fmt.Errorf("duplicate ent_num %d", n)
		}
		index[n] = len(rows)
		rows = append(rows, Row{
			EntNum:  n,
			Name:    clean(rec[1]),
			Type:    clean(rec[2]),
			Program: program,
			Remarks: rawClean(rec[11]),
		})
		return nil
	})
	if err != nil {
		return nil, err
	}

	// Remarks longer than OFAC's column width continue in cons_comments.csv.
	err = readCSV(filepath.Join(dir, CommentsFile), false, 2, func(rec []string, line int) error {
		i, ok, err := rowOf(rec)
		if ok {
			rows[i].Remarks += rawClean(rec[1])
		}
		return err
	})
	if err != nil {
		return nil, err
	}

	err = readCSV(filepath.Join(dir, AltFile), false, 5, func(rec []string, line int) error {
		i, ok, err := rowOf(rec)
		if !ok {
			return err
		}
		name := clean(rec[3])
		if name == "" {
			return nil
		}
		switch t := strings.ToLower(clean(rec[2])); t {
		case "aka", "nka":
			rows[i].Aliases = appendUnique(rows[i].Aliases, name)
		case "fka":
			rows[i].FormerNames = appendUnique(rows[i].FormerNames, name)
		default:
			return fmt.Errorf("unknown alt_type %q", t)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}

	err = readCSV(filepath.Join(dir, AddFile), false, 6, func(rec []string, line int) error {
		i, ok, err := rowOf(rec)
		if !ok {
			return err
		}
		num, _ := strconv.Atoi(clean(rec[1]))
		rows[i].Addresses = append(rows[i].Addresses, Address{
			Num:     num,
			Address: clean(rec[2]),
			City:    clean(rec[3]),
			Country: clean(rec[4]),
			Remarks: clean(rec[5]),
		})
		return nil
	})
	if err != nil {
		return nil, err
	}

	names := map[string]string{}
	for _, r := range rows {
		names[strings.ToUpper(r.Name)] = r.Name
	}
	for i := range rows {
		if err := parseRemarks(&rows[i], names); err != nil {
			return nil, fmt.Errorf("%s: ent_num %d: %w", filepath.Join(dir, PrimFile), rows[i].EntNum, err)
		}
	}
	return rows, nil
}

// readCSV calls fn for each record of path, which must have at least min
// fields. A missing optional file is not an error.
func readCSV(path string, required bool, min int, fn func(rec []string, line int) error) error {
	f, err := os.Open(path)
	if err != nil {
		if !required && errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = true
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err) // csv.ParseError carries the line
		}
		line, _ := r.FieldPos(0)
		// Old OFAC files end with a DOS end-of-file mark (0x1A) on its own line.
		if len(rec) == 1 && strings.Trim(rec[0], "\x1a \t") == "" {
			continue
		}
		if len(rec) < min {
			return fmt.Errorf("%s:%d: %d fields, want at least %d", path, line, len(rec), min)
		}
		if err := fn(rec, line); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
	}
}

// clean trims a field and maps OFAC's "-0-" placeholder to "".
func clean(s string) string {
	s = strings.TrimSpace(s)
	if s == "-0-" {
		return ""
	}
	return s
}

// rawClean is clean without trimming: remarks split across cons_prim.csv and
// cons_comments.csv must keep the space at the join.
func rawClean(s string) string {
	if strings.TrimSpace(s) == "-0-" {
		return ""
	}
	return s
}

// hasProgram reports whether a program field ("SDGT] [IFSR" for several
// programs) includes p.
func hasProgram(field, p string) bool {
	for _, f := range strings.Split(field, "] [") {
		if strings.TrimSpace(strings.Trim(f, "[]")) == p {
			return true
		}
	}
	return false
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return list
		}
	}
	return append(list, s)
}

// remark item prefixes, longest first where one is a prefix of another.
var prefixes = []struct {
	prefix string
	apply  func(r *Row, v string) error
}{
	{"alt. Equity Ticker ", func(r *Row, v string) error { r.Tickers = appendUnique(r.Tickers, v); return nil }},
	{"Equity Ticker ", func(r *Row, v string) error { r.Tickers = appendUnique(r.Tickers, v); return nil }},
	{"alt. Issuer Name ", func(r *Row, v string) error { r.IssuerNames = appendUnique(r.IssuerNames, v); return nil }},
	{"Issuer Name ", func(r *Row, v string) error { r.IssuerNames = appendUnique(r.IssuerNames, v); return nil }},
	{"alt. ISIN ", func(r *Row, v string) error { r.ISINs = appendUnique(r.ISINs, v); return nil }},
	{"ISIN ", func(r *Row, v string) error { r.ISINs = appendUnique(r.ISINs, v); return nil }},
	{"Target Type ", func(r *Row, v string) error { r.TargetType = v; return nil }},
	{"Legal Entity Number ", func(r *Row, v string) error { r.LEI = v; return nil }},
	{"Unified Social Credit Code (USCC) ", func(r *Row, v string) error {
		r.USCC = strings.TrimSpace(strings.TrimSuffix(v, "(China)"))
		return nil
	}},
	{"Company Number ", addRegistration("Company Number ")},
	{"Business Registration Number ", addRegistration("Business Registration Number ")},
	{"C.R. No. ", addRegistration("C.R. No. ")},
	{"Listing Date (CMIC) ", func(r *Row, v string) (err error) { r.ListingDate, err = date(v); return }},
	{"Effective Date (CMIC) ", func(r *Row, v string) (err error) { r.EffectiveDate, err = date(v); return }},
	{"Purchase/Sales For Divestment Date (CMIC) ", func(r *Row, v string) (err error) { r.DivestmentDate, err = date(v); return }},
	{"Linked To: ", func(r *Row, v string) error { r.LinkedTo = appendUnique(r.LinkedTo, v); return nil }},
	{"a.k.a. ", func(r *Row, v string) error { r.Aliases = appendUnique(r.Aliases, unquote(v)); return nil }},
	{"f.k.a. ", func(r *Row, v string) error { r.FormerNames = appendUnique(r.FormerNames, unquote(v)); return nil }},
}

// parseRemarks fills the structured fields of r from r.Remarks. names maps
// upper-cased listed names to themselves, to tell a "Linked To" name ending
// in "LTD." from the full stop that ends the remarks.
func parseRemarks(r *Row, names map[string]string) error {
	rem := strings.TrimSpace(r.Remarks)
	if rem == "" {
		return nil
	}
	items := strings.Split(rem, ";")
	for k, item := range items {
		item = strings.TrimSpace(item)
		last := k == len(items)-1
		if last {
			item = strings.TrimSuffix(item, ".")
		}
		if item == "" {
			continue
		}
		matched := false
		for _, p := range prefixes {
			if v, ok := strings.CutPrefix(item, p.prefix); ok {
				v = strings.Join(strings.Fields(v), " ") // "601698  CN" -> "601698 CN"
				if p.prefix == "Linked To: " {
					if full, ok := names[strings.ToUpper(v)+"."]; ok && last {
						v = full
					}
				}
				if err := p.apply(r, v); err != nil {
					return fmt.Errorf("%s: %w", strings.TrimSpace(p.prefix), err)
				}
				matched = true
				break
			}
		}
		if !matched {
			r.Other = append(r.Other, item)
		}
	}
	return nil
}

func addRegistration(prefix string) func(r *Row, v string) error {
	return func(r *Row, v string) error {
		r.Registrations = appendUnique(r.Registrations, prefix+v)
		return nil
	}
}

// date turns OFAC's "03 Jun 2021" into "2021-06-03".
func date(s string) (string, error) {
	for _, layout := range []string{"02 Jan 2006", "2 Jan 2006", "02 January 2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly), nil
		}
	}
	return "", fmt.Errorf("bad date %q", s)
}

func unquote(s string) string {
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		return s[1 : len(s)-1]
	}
	return s
}
