// Package data loads factcard's dataset from its YAML source files,
// validates it, and compiles it into the engine's compact form. It runs at
// build time and in the command-line tools, never in the browser.
package data

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Error is one problem in one file.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e Error) Error() string {
	if e.Line > 0 {
		return e.File + ":" + strconv.Itoa(e.Line) + ": " + e.Msg
	}
	return e.File + ": " + e.Msg
}

// Errors is every problem found; Load returns all of them at once.
type Errors []Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Source is a primary source (data/sources/*.yaml).
type Source struct {
	ID        string `yaml:"id" json:"id"`
	Title     string `yaml:"title" json:"title"`
	Publisher string `yaml:"publisher" json:"publisher"`
	Date      string `yaml:"date" json:"date"`
	URL       string `yaml:"url" json:"url"`
	Citation  string `yaml:"citation" json:"citation,omitempty"`
	Kind      string `yaml:"kind" json:"kind"`
	// Effective: a Federal Register rule's effective date as its DATES
	// line or the agency's table of its rules gives it, where it was read;
	// a rule takes effect on or before its publication (Date).
	Effective string `yaml:"effective" json:"effective,omitempty"`
	Pos       `yaml:"-"`
}

// Name is a name the matcher finds. In YAML it is a plain string or a map.
type Name struct {
	Text    string   `yaml:"text" json:"text"`
	Case    string   `yaml:"case" json:"case,omitempty"`
	Context []string `yaml:"context" json:"context,omitempty"`
	Unless  []string `yaml:"unless" json:"unless,omitempty"`
	Pos     `yaml:"-"`
}

// Event is a dated fact.
type Event struct {
	Date   string `yaml:"date" json:"date"`
	Type   string `yaml:"type" json:"type"`
	Source string `yaml:"source" json:"source,omitempty"`
	By     string `yaml:"by" json:"by,omitempty"`
	Note   string `yaml:"note" json:"note,omitempty"`
	Pos    `yaml:"-"`
}

// Entity is a company, list, order or law (data/entities/<id>.yaml).
type Entity struct {
	ID           string   `yaml:"id" json:"id"`
	Kind         string   `yaml:"kind" json:"kind"`
	Name         string   `yaml:"name" json:"name"`
	Short        string   `yaml:"short" json:"short,omitempty"`
	Names        []Name   `yaml:"names" json:"names,omitempty"`
	NotNames     []string `yaml:"not-names" json:"notNames,omitempty"` // phrases containing a name that mean something else
	LegalNames   []string `yaml:"legal-names" json:"legalNames,omitempty"`
	FormerNames  []string `yaml:"former-names" json:"formerNames,omitempty"`
	ChineseNames []string `yaml:"chinese-names" json:"chineseNames,omitempty"`
	Tickers      []string `yaml:"tickers" json:"tickers,omitempty"`
	ISINs        []string `yaml:"isins" json:"isins,omitempty"`
	LinkedTo     []string `yaml:"linked-to" json:"linkedTo,omitempty"`
	Summary      string   `yaml:"summary" json:"summary,omitempty"`
	Notes        string   `yaml:"notes" json:"notes,omitempty"`
	Source       string   `yaml:"source" json:"source,omitempty"`
	Authority    string   `yaml:"authority" json:"authority,omitempty"`
	Basis        string   `yaml:"basis" json:"basis,omitempty"`
	Effect       string   `yaml:"effect" json:"effect,omitempty"`
	EffectShort  string   `yaml:"effect-short" json:"effectShort,omitempty"`
	Sanction     bool     `yaml:"sanction" json:"sanction,omitempty"`
	Number       string   `yaml:"number" json:"number,omitempty"`
	Title        string   `yaml:"title" json:"title"`
	Citation     string   `yaml:"citation" json:"citation,omitempty"`
	Events       []Event  `yaml:"events" json:"events,omitempty"`
	Pos          `yaml:"-"`
}

// Entry is one listed name on a list.
type Entry struct {
	Entity   string `yaml:"entity" json:"entity"`
	AsListed string `yaml:"as-listed" json:"asListed,omitempty"`
	// EarlierUnknown: the first event is the earliest one verified, and the
	// entity may have been listed before it.
	EarlierUnknown bool `yaml:"earlier-unknown" json:"earlierUnknown,omitempty"`
	// Names are the names the list prints for this entry (its name and
	// aliases, with their match rules); the matcher finds the entity by them.
	Names  []Name  `yaml:"names" json:"names,omitempty"`
	Events []Event `yaml:"events" json:"events,omitempty"`
	Pos    `yaml:"-"`
}

// PrintedNames are the printed names of one official entry.
type PrintedNames struct {
	Entity   string `yaml:"entity" json:"entity"`
	AsListed string `yaml:"as-listed" json:"asListed,omitempty"`
	Names    []Name `yaml:"names" json:"names,omitempty"`
	Pos      `yaml:"-"`
}

// PressNames are names the press writes for one party, kept apart from its
// record so that an imported record can be generated again without losing
// them (data/press-names.yaml). Each was seen in press use: Seen gives where.
type PressNames struct {
	Entity string   `yaml:"entity" json:"entity"`
	Names  []Name   `yaml:"names" json:"names"`
	Seen   []string `yaml:"seen" json:"seen"`
	// NotNames are phrases holding one of the party's names that mean
	// something else, as in an entity file ("Cámbrico", the Cambrian in
	// Spanish, one letter from "Cambricon").
	NotNames []string `yaml:"not-names" json:"notNames,omitempty"`
	Pos      `yaml:"-"`
}

// Listing is one list's entries (data/listings/<list>.yaml).
type Listing struct {
	List string `yaml:"list" json:"list"`
	// CheckedThrough is the latest day this file's research covers: changes
	// to the list after it are not recorded (cards say so).
	CheckedThrough string `yaml:"checked-through" json:"checkedThrough,omitempty"`
	// Complete says the file holds every entry the list ever had, so a
	// company with no entry was never on it (the claims check relies on it).
	Complete bool    `yaml:"complete" json:"complete,omitempty"`
	Notes    string  `yaml:"notes" json:"notes,omitempty"`
	Entries  []Entry `yaml:"entries" json:"entries,omitempty"`
	// PrintedNames are names the official list prints for entries recorded
	// elsewhere (curated ones): the importer adds them so that the matcher
	// finds the entity under every printed name, without touching the
	// curated record.
	PrintedNames []PrintedNames `yaml:"printed-names" json:"printedNames,omitempty"`
	Pos          `yaml:"-"`
}

// Meta is data/dataset.yaml.
type Meta struct {
	AsOf  string   `yaml:"as-of" json:"asOf"`
	Lists []string `yaml:"lists" json:"lists,omitempty"` // display order of the lists
	Notes string   `yaml:"notes" json:"notes,omitempty"`
	Pos   `yaml:"-"`
}

// Pos records where a record starts, for error messages.
type Pos struct {
	File   string         `yaml:"-" json:"file"`
	Line   int            `yaml:"-" json:"line"`
	Fields map[string]int `yaml:"-" json:"-"` // line of each key
}

func (p Pos) at(msg string) Error { return Error{File: p.File, Line: p.Line, Msg: msg} }

// atField points at the line of one key of the record, or at the record.
func (p Pos) atField(field, msg string) Error {
	if l, ok := p.Fields[field]; ok {
		return Error{File: p.File, Line: l, Msg: msg}
	}
	return p.at(msg)
}

// Dataset is the loaded, validated dataset.
type Dataset struct {
	Meta     Meta       `json:"meta"`
	Sources  []*Source  `json:"sources"`  // sorted by id
	Entities []*Entity  `json:"entities"` // curated in file order, then generated
	Listings []*Listing `json:"listings"`
	// PressNames are names the press writes for parties whose records the
	// importer generates (data/press-names.yaml).
	PressNames []PressNames `json:"pressNames,omitempty"`
	Hash       string       `json:"hash"` // sha256 over every source file, in path order

	sourceByID map[string]*Source
	entityByID map[string]*Entity
}

// Source returns the source with the given id, or nil.
func (d *Dataset) Source(id string) *Source { return d.sourceByID[id] }

// Entity returns the entity with the given id, or nil.
func (d *Dataset) Entity(id string) *Entity { return d.entityByID[id] }

// Load reads and validates the dataset under dir. It returns either a whole
// dataset or, as Errors, every problem found: never a partial dataset.
// Errors name files as dir's last element and the path below it
// ("data/listings/ccmc-1237.yaml").
func Load(dir string) (*Dataset, error) { return LoadFS(os.DirFS(dir), rootName(dir)) }

// LoadCurated is Load without the importer's generated files: what the
// importer takes as authoritative.
func LoadCurated(dir string) (*Dataset, error) { return load(os.DirFS(dir), rootName(dir), false) }

// LoadFS is Load on a file system whose root holds dataset.yaml; name stands
// for that root in error messages.
func LoadFS(fsys fs.FS, name string) (*Dataset, error) { return load(fsys, name, true) }

// rootName is the name of dir's last element, as messages call it.
func rootName(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		return filepath.Base(abs)
	}
	return filepath.Base(dir)
}

func load(fsys fs.FS, name string, generated bool) (*Dataset, error) {
	l := &loader{fsys: fsys, name: name, hash: sha256.New()}
	d := &Dataset{}
	l.decodeFile("dataset.yaml", &d.Meta)
	for _, f := range l.glob("sources") {
		var srcs []*Source
		l.decodeFile(f, &srcs)
		d.Sources = append(d.Sources, srcs...)
	}
	d.Entities = decodeNamed(l, "entities", "id", func(e *Entity) (string, Pos) { return e.ID, e.Pos })
	d.Listings = decodeNamed(l, "listings", "list", func(li *Listing) (string, Pos) { return li.List, li.Pos })
	// Generated by the importer (data/official) from an official list: many
	// entities per file, and a list's generated entries beside its curated ones.
	if generated {
		for _, f := range l.globOptional(path.Join("sources", GeneratedDir)) {
			var srcs []*Source
			l.decodeFile(f, &srcs)
			d.Sources = append(d.Sources, srcs...)
		}
		for _, f := range l.globOptional(path.Join("entities", GeneratedDir)) {
			var ents []*Entity
			if l.decodeFile(f, &ents) {
				d.Entities = append(d.Entities, ents...)
			}
		}
		d.Listings = append(d.Listings, decodeNamedOptional(l, path.Join("listings", GeneratedDir), "list", func(li *Listing) (string, Pos) { return li.List, li.Pos })...)
		// Names for generated records, which only a whole dataset holds.
		if _, err := fs.Stat(fsys, PressNamesFile); err == nil {
			l.decodeFile(PressNamesFile, &d.PressNames)
		}
	}
	d.Hash = hex.EncodeToString(l.hash.Sum(nil))
	// A file that could not be decoded at all would make the validation
	// report its ids as dangling everywhere: validate only when every file
	// was read.
	deriveAsOf(d)
	if !l.dropped {
		l.validate(d)
		l.validateCurrency(d)
	}
	if len(l.errs) > 0 {
		sort.SliceStable(l.errs, func(i, j int) bool {
			a, b := l.errs[i], l.errs[j]
			if a.File != b.File {
				return a.File < b.File
			}
			return a.Line < b.Line
		})
		return nil, l.errs
	}
	return d, nil
}

// PressNamesFile holds the names the press writes for imported parties.
const PressNamesFile = "press-names.yaml"

// GeneratedDir is the folder, under sources/, entities/ and listings/, of the files the
// importer writes; curated files sit beside it and take precedence.
const GeneratedDir = "official"

// decodeNamed decodes one record per file of a folder whose file names are
// the records' ids.
func decodeNamed[T any](l *loader, folder, field string, id func(*T) (string, Pos)) []*T {
	return decodeFiles(l, l.glob(folder), field, id)
}

// decodeNamedOptional is decodeNamed on a folder that may be absent.
func decodeNamedOptional[T any](l *loader, folder, field string, id func(*T) (string, Pos)) []*T {
	return decodeFiles(l, l.globOptional(folder), field, id)
}

func decodeFiles[T any](l *loader, files []string, field string, id func(*T) (string, Pos)) []*T {
	var out []*T
	for _, f := range files {
		v := new(T)
		if !l.decodeFile(f, v) {
			continue
		}
		if got, pos := id(v); got != recordName(f) {
			l.add(pos.atField(field, field+" "+strconv.Quote(got)+" does not match the file name "+strconv.Quote(path.Base(f))))
		}
		out = append(out, v)
	}
	return out
}

type loader struct {
	fsys    fs.FS
	name    string // the root's name in error messages
	errs    Errors
	dropped bool // a file could not be decoded
	// misshapen: the file being decoded has a record that is not a map or
	// a list that is not a list.
	misshapen bool
	hash      interface {
		Write([]byte) (int, error)
		Sum([]byte) []byte
	}
}

func (l *loader) add(e Error) { l.errs = append(l.errs, e) }

// rel names a file of the dataset in messages.
func (l *loader) rel(name string) string { return l.name + "/" + name }

// glob lists a folder's data files, *.yaml and *.yml alike.
func (l *loader) glob(sub string) []string {
	files := l.globOptional(sub)
	if len(files) == 0 {
		l.add(Error{File: l.rel(sub), Msg: "no .yaml files"})
	}
	return files
}

// recordName is a data file's name without its .yaml or .yml extension.
func recordName(name string) string {
	base := path.Base(name)
	return strings.TrimSuffix(base, path.Ext(base))
}

// globOptional is glob on a folder that may be absent.
func (l *loader) globOptional(sub string) []string {
	var files []string
	for _, ext := range []string{"*.yaml", "*.yml"} {
		found, _ := fs.Glob(l.fsys, sub+"/"+ext)
		files = append(files, found...)
	}
	sort.Strings(files)
	return files
}

var lineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// decodeFile strictly decodes one YAML file into v, recording the file and
// line of every record, and reports whether it decoded without error.
func (l *loader) decodeFile(name string, v any) bool {
	rel := l.rel(name)
	b, err := fs.ReadFile(l.fsys, name)
	if err != nil {
		l.add(Error{File: rel, Msg: readProblem(err)})
		l.dropped = true
		return false
	}
	l.hash.Write([]byte(rel + "\x00"))
	l.hash.Write(b)
	l.hash.Write([]byte{0})
	if !l.decodeBytes(rel, b, v) {
		l.dropped = true
		return false
	}
	return true
}

// readProblem says why a file could not be read, without repeating its path.
func readProblem(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}

// decodeBytes decodes one file's bytes into v. A data file is one YAML
// document: a second document (after a --- line) is an error, never
// silently left out.
func (l *loader) decodeBytes(rel string, b []byte, v any) bool {
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err != nil {
		l.syntaxError(rel, b, err)
		return false
	}
	if len(root.Content) == 0 {
		l.add(Error{File: rel, Msg: "empty file"})
		return false
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	var doc yaml.Node
	ok := true
	for i := 0; ; i++ {
		doc = yaml.Node{}
		if err := dec.Decode(&doc); err != nil {
			if !errors.Is(err, io.EOF) {
				l.syntaxError(rel, b, err)
				ok = false
			}
			break
		}
		if i > 0 {
			l.add(Error{File: rel, Line: documentLine(b, &doc), Msg: "a second YAML document starts here: a data file holds one document, so remove the --- line or move the records into the first document"})
			ok = false
		}
	}
	// Unknown keys are reported and the rest of the file is still used, so
	// that one typo does not hide the other errors.
	l.misshapen = false
	before := len(l.errs)
	l.checkKeys(rel, root.Content[0], reflect.TypeOf(v), map[shapeCheck]bool{})
	// An empty document after "---" sits on the line after the file's
	// last (the parser's count): the error names the last line instead.
	if n := len(yamlLines(b)); n > 0 {
		for i := before; i < len(l.errs); i++ {
			l.errs[i].Line = min(l.errs[i].Line, n)
		}
	}
	if l.misshapen {
		// Decoding would leave empty records (a "- " item is a nil
		// record) for the validation to trip on: the shape errors stand
		// for the file.
		return false
	}
	if err := root.Content[0].Decode(v); err != nil {
		l.yamlError(rel, err)
		return false
	}
	setPos(reflect.ValueOf(v), root.Content[0], rel)
	return ok
}

// documentLine is the line of a document's --- marker: the nearest line
// starting with --- at or before its first node.
func documentLine(b []byte, doc *yaml.Node) int {
	line := doc.Line
	if len(doc.Content) > 0 {
		line = doc.Content[0].Line
	}
	lines := yamlLines(b)
	for i := min(line, len(lines)); i >= 1; i-- {
		if bytes.HasPrefix(lines[i-1], []byte("---")) {
			return i
		}
	}
	return max(line, 1)
}

func (l *loader) yamlError(rel string, err error) {
	var te *yaml.TypeError
	msgs := []string{err.Error()}
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	for _, m := range msgs {
		if g := lineRE.FindStringSubmatch(m); g != nil {
			n, _ := strconv.Atoi(g[1])
			l.add(Error{File: rel, Line: n, Msg: g[2]})
		} else {
			l.add(Error{File: rel, Msg: strings.TrimPrefix(m, "yaml: ")})
		}
	}
}

// syntaxError reports a YAML syntax error on the line where it is. The YAML
// library numbers a scanner error's line from 1 but a parser error's from 0,
// and then gives the line where the enclosing block or flow began; either
// gives no line for the first. A parser error is on the first line at which
// the text up to it fails to parse with the same problem.
func (l *loader) syntaxError(rel string, b []byte, err error) {
	m := strings.TrimPrefix(err.Error(), "yaml: ")
	line, problem := 0, m
	if g := lineRE.FindStringSubmatch(m); g != nil {
		line, _ = strconv.Atoi(g[1])
		problem = g[2]
	}
	if isParserProblem(problem) {
		lines := yamlLines(b)
		found := min(line+1, len(lines)) // at the end of the text, the problem is on its last line
		// The problem is near the start of its block: a bounded search
		// keeps a broken file of thousands of lines quick.
		for end := line + 1; end <= min(len(lines), line+100); end++ {
			var n yaml.Node
			perr := yaml.Unmarshal(bytes.Join(lines[:end], nil), &n)
			if perr != nil && strings.HasSuffix(perr.Error(), problem) {
				found = end
				break
			}
		}
		line = found
	}
	l.add(Error{File: rel, Line: max(line, 1), Msg: problem})
}

// yamlLines splits text after each line break as YAML counts them (\n,
// \r\n, a lone \r, NEL, LS and PS), so that line numbers agree with the
// library's.
func yamlLines(b []byte) [][]byte {
	var lines [][]byte
	start := 0
	for i := 0; i < len(b); i++ {
		end := -1
		switch {
		case b[i] == '\n':
			end = i + 1
		case b[i] == '\r':
			end = i + 1
			if i+1 < len(b) && b[i+1] == '\n' {
				end = i + 2
			}
		case bytes.HasPrefix(b[i:], []byte("\u0085")), bytes.HasPrefix(b[i:], []byte("\u2028")), bytes.HasPrefix(b[i:], []byte("\u2029")):
			_, size := utf8.DecodeRune(b[i:])
			end = i + size
		}
		if end > 0 {
			lines = append(lines, b[start:end])
			start = end
			i = end - 1
		}
	}
	return append(lines, b[start:])
}

// isParserProblem tells the YAML parser's problems (0-based lines) from the
// scanner's (1-based lines).
func isParserProblem(problem string) bool {
	return strings.HasPrefix(problem, "did not find expected ") || strings.HasPrefix(problem, "found duplicate %") ||
		problem == "found incompatible YAML document" || problem == "found undefined tag handle"
}

// yamlFields lists a struct's YAML keys.
func yamlFields(t reflect.Type) map[string]reflect.Type {
	m := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := strings.Split(f.Tag.Get("yaml"), ",")[0]
		if tag != "" && tag != "-" {
			m[tag] = f.Type
		}
	}
	return m
}

// shapeCheck is one node checked against one type: an alias repeats its
// anchor's node, which is checked once per type (billion-laughs files stay
// linear).
type shapeCheck struct {
	node *yaml.Node
	t    reflect.Type
}

// checkKeys reports unknown keys and wrong shapes with their lines, walking
// the YAML node tree alongside the Go type.
func (l *loader) checkKeys(rel string, n *yaml.Node, t reflect.Type, seen map[shapeCheck]bool) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if seen[shapeCheck{n, t}] {
		return
	}
	seen[shapeCheck{n, t}] = true
	switch t.Kind() {
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
				return
			}
			l.add(Error{File: rel, Line: n.Line, Msg: "expected a list"})
			l.misshapen = true
			return
		}
		for _, c := range n.Content {
			l.checkKeys(rel, c, t.Elem(), seen)
		}
	case reflect.Struct:
		if t == reflect.TypeOf(Name{}) && n.Kind == yaml.ScalarNode {
			return // a name may be a plain string
		}
		if n.Kind != yaml.MappingNode {
			l.add(Error{File: rel, Line: n.Line, Msg: "expected a map with keys"})
			l.misshapen = true
			return
		}
		fields := yamlFields(t)
		given := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			ft, ok := fields[k]
			switch {
			case !ok:
				l.add(Error{File: rel, Line: n.Content[i].Line, Msg: "unknown field " + strconv.Quote(k)})
			case given[k]:
				l.add(Error{File: rel, Line: n.Content[i].Line, Msg: "field " + strconv.Quote(k) + " given twice"})
			default:
				l.checkKeys(rel, n.Content[i+1], ft, seen)
			}
			given[k] = true
		}
	}
}

// UnmarshalYAML lets a name be written as a plain string.
func (n *Name) UnmarshalYAML(node *yaml.Node) error {
	if node.Kind == yaml.ScalarNode {
		n.Text = node.Value
		return nil
	}
	type plain Name
	return node.Decode((*plain)(n))
}

// setPos fills the pos of every struct in v from the matching YAML node.
func setPos(v reflect.Value, n *yaml.Node, file string) {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return
		}
		for i := 0; i < v.Len() && i < len(n.Content); i++ {
			setPos(v.Index(i), n.Content[i], file)
		}
	case reflect.Struct:
		if p := v.FieldByName("Pos"); p.IsValid() && p.Type() == reflect.TypeOf(Pos{}) {
			pos := Pos{File: file, Line: n.Line, Fields: map[string]int{}}
			for i := 0; n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
				pos.Fields[n.Content[i].Value] = n.Content[i].Line
			}
			p.Set(reflect.ValueOf(pos))
		}
		if n.Kind != yaml.MappingNode {
			return
		}
		fields := map[string]int{}
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			if tag := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]; tag != "" && tag != "-" {
				fields[tag] = i
			}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if fi, ok := fields[n.Content[i].Value]; ok {
				setPos(v.Field(fi), n.Content[i+1], file)
			}
		}
	}
}

// Generated reports whether the importer wrote this listings file.
func (li *Listing) Generated() bool {
	return filepath.Base(filepath.Dir(li.File)) == GeneratedDir
}
