// Package official imports the official list publications (parsed copies
// in ../shared/sources/official-lists-*) into generated, reviewable dataset
// files beside the curated ones, and measures how much of each list the
// dataset covers. It runs at build time only.
package official

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// File is one official list as parsed from its publication: the entries'
// cells are the publication's verbatim text.
type File struct {
	ListID     string  `json:"list_id"`
	SourceFile string  `json:"source_file"`
	Extracted  string  `json:"extracted"` // YYYY-MM-DD: the day the publication was read
	Count      int     `json:"count"`
	Entries    []Entry `json:"entities"`
	Path       string  `json:"-"`
}

// Entry is one entry of an official list.
type Entry struct {
	Name            string   `json:"name"`
	Aliases         []string `json:"aliases"`
	Country         string   `json:"country"`
	Address         string   `json:"address"`
	FederalRegister string   `json:"federal_register"`
	Notes           string   `json:"notes"` // the Entity List's licence requirement cell
	Index           int      `json:"-"`     // position in the file, for messages
}

// Read reads and checks an official list file; its errors name the file and
// the entry.
func Read(path string) (*File, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f := &File{Path: path}
	if err := json.Unmarshal(b, f); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	var errs []string
	if f.Count != len(f.Entries) {
		errs = append(errs, fmt.Sprintf("%s: count is %d but the file holds %d entries", path, f.Count, len(f.Entries)))
	}
	if !dateRE.MatchString(f.Extracted) {
		errs = append(errs, fmt.Sprintf("%s: extracted must be YYYY-MM-DD, got %q", path, f.Extracted))
	}
	for i := range f.Entries {
		e := &f.Entries[i]
		e.Index = i
		e.Name = strings.TrimSpace(e.Name)
		if e.Name == "" {
			errs = append(errs, fmt.Sprintf("%s: entry %d has no name", path, i))
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return f, nil
}

var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// Chinese reports whether an entry has an address in China, Hong Kong or
// Macau. The Entity List files Hong Kong and Macau entries under China;
// the other lists name them.
func (e *Entry) Chinese() bool {
	switch strings.ToLower(e.Country) {
	case "china", "hong kong", "macau", "macao", "prc", "people's republic of china":
		return true
	}
	return false
}

// Citation is one Federal Register citation of an Entity List entry's
// Federal Register cell.
type Citation struct {
	Volume, Page int
	Published    string // YYYY-MM-DD, "" when the cell gives no date
}

func (c Citation) String() string { return strconv.Itoa(c.Volume) + " FR " + strconv.Itoa(c.Page) }

var citationRE = regexp.MustCompile(`(\d+)\s*FR\s*(\d+)(?:\s*,?\s*(\d{1,2})/(\d{1,2})/(\d{2,4}))?`)

// ParseCitations reads a Federal Register cell ("66 FR 24266, 5/14/01.\n75
// FR 78883, 12/17/10."), in its order: the first citation added the entry,
// the later ones revised it.
func ParseCitations(cell string) ([]Citation, error) {
	var out []Citation
	for _, m := range citationRE.FindAllStringSubmatch(cell, -1) {
		c := Citation{}
		c.Volume, _ = strconv.Atoi(m[1])
		c.Page, _ = strconv.Atoi(m[2])
		if m[3] != "" {
			mo, _ := strconv.Atoi(m[3])
			d, _ := strconv.Atoi(m[4])
			y, _ := strconv.Atoi(m[5])
			if y < 100 {
				// The Entity List began in 1997: two-digit years 97-99 are 1990s.
				if y >= 90 {
					y += 1900
				} else {
					y += 2000
				}
			}
			if mo < 1 || mo > 12 || d < 1 || d > 31 {
				return nil, fmt.Errorf("bad date in Federal Register cell %q", cell)
			}
			c.Published = fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no Federal Register citation in cell %q", cell)
	}
	return out, nil
}

var addressLabelRE = regexp.MustCompile(`^Address \d+$`)

// AddressOnly reports an entry that lists an address, not a party: the
// Entity List names some Hong Kong addresses "Address 01" to "Address 18".
func (e *Entry) AddressOnly() bool { return addressLabelRE.MatchString(e.Name) }
