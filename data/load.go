// Package data loads factcard's dataset from its YAML source files,
// validates it, and compiles it into the engine's compact form. It runs at
// build time and in the command-line tools, never in the browser.
package data

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

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
	ID        string `yaml:"id"`
	Title     string `yaml:"title"`
	Publisher string `yaml:"publisher"`
	Date      string `yaml:"date"`
	URL       string `yaml:"url"`
	Citation  string `yaml:"citation"`
	Kind      string `yaml:"kind"`
	Pos       `yaml:"-"`
}

// Name is a name the matcher finds. In YAML it is a plain string or a map.
type Name struct {
	Text    string   `yaml:"text"`
	Case    string   `yaml:"case"`
	Context []string `yaml:"context"`
	Unless  []string `yaml:"unless"`
	Pos     `yaml:"-"`
}

// Event is a dated fact.
type Event struct {
	Date   string `yaml:"date"`
	Type   string `yaml:"type"`
	Source string `yaml:"source"`
	By     string `yaml:"by"`
	Note   string `yaml:"note"`
	Pos    `yaml:"-"`
}

// Entity is a company, list, order or law (data/entities/<id>.yaml).
type Entity struct {
	ID           string   `yaml:"id"`
	Kind         string   `yaml:"kind"`
	Name         string   `yaml:"name"`
	Short        string   `yaml:"short"`
	Names        []Name   `yaml:"names"`
	LegalNames   []string `yaml:"legal-names"`
	FormerNames  []string `yaml:"former-names"`
	ChineseNames []string `yaml:"chinese-names"`
	Tickers      []string `yaml:"tickers"`
	ISINs        []string `yaml:"isins"`
	LinkedTo     []string `yaml:"linked-to"`
	Summary      string   `yaml:"summary"`
	Notes        string   `yaml:"notes"`
	Source       string   `yaml:"source"`
	Authority    string   `yaml:"authority"`
	Basis        string   `yaml:"basis"`
	Effect       string   `yaml:"effect"`
	EffectShort  string   `yaml:"effect-short"`
	Sanction     bool     `yaml:"sanction"`
	Number       string   `yaml:"number"`
	Title        string   `yaml:"title"`
	Citation     string   `yaml:"citation"`
	Events       []Event  `yaml:"events"`
	Pos          `yaml:"-"`
}

// Entry is one listed name on a list.
type Entry struct {
	Entity   string `yaml:"entity"`
	AsListed string `yaml:"as-listed"`
	// EarlierUnknown: the first event is the earliest one verified, and the
	// entity may have been listed before it.
	EarlierUnknown bool `yaml:"earlier-unknown"`
	// Names are the names the list prints for this entry (its name and
	// aliases, with their match rules); the matcher finds the entity by them.
	Names  []Name  `yaml:"names"`
	Events []Event `yaml:"events"`
	Pos    `yaml:"-"`
}

// PrintedNames are the printed names of one official entry.
type PrintedNames struct {
	Entity   string `yaml:"entity"`
	AsListed string `yaml:"as-listed"`
	Names    []Name `yaml:"names"`
	Pos      `yaml:"-"`
}

// Listing is one list's entries (data/listings/<list>.yaml).
type Listing struct {
	List string `yaml:"list"`
	// CheckedThrough is the latest day this file's research covers: changes
	// to the list after it are not recorded (cards say so).
	CheckedThrough string  `yaml:"checked-through"`
	Notes          string  `yaml:"notes"`
	Entries        []Entry `yaml:"entries"`
	// PrintedNames are names the official list prints for entries recorded
	// elsewhere (curated ones): the importer adds them so that the matcher
	// finds the entity under every printed name, without touching the
	// curated record.
	PrintedNames []PrintedNames `yaml:"printed-names"`
	Pos          `yaml:"-"`
}

// Meta is data/dataset.yaml.
type Meta struct {
	AsOf  string   `yaml:"as-of"`
	Lists []string `yaml:"lists"` // display order of the lists
	Notes string   `yaml:"notes"`
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
	Meta     Meta
	Sources  []*Source // sorted by id
	Entities []*Entity // curated in file order, then generated
	Listings []*Listing
	Hash     string // sha256 over every source file, in path order

	sourceByID map[string]*Source
	entityByID map[string]*Entity
}

// Source returns the source with the given id, or nil.
func (d *Dataset) Source(id string) *Source { return d.sourceByID[id] }

// Entity returns the entity with the given id, or nil.
func (d *Dataset) Entity(id string) *Entity { return d.entityByID[id] }

// Load reads and validates the dataset under dir. It returns either a whole
// dataset or, as Errors, every problem found: never a partial dataset.
func Load(dir string) (*Dataset, error) { return load(dir, true) }

// LoadCurated is Load without the importer's generated files: what the
// importer takes as authoritative.
func LoadCurated(dir string) (*Dataset, error) { return load(dir, false) }

func load(dir string, generated bool) (*Dataset, error) {
	l := &loader{dir: dir, hash: sha256.New()}
	d := &Dataset{}
	l.decodeFile(filepath.Join(dir, "dataset.yaml"), &d.Meta)
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
		for _, f := range l.globOptional(filepath.Join("sources", GeneratedDir)) {
			var srcs []*Source
			l.decodeFile(f, &srcs)
			d.Sources = append(d.Sources, srcs...)
		}
		for _, f := range l.globOptional(filepath.Join("entities", GeneratedDir)) {
			var ents []*Entity
			if l.decodeFile(f, &ents) {
				d.Entities = append(d.Entities, ents...)
			}
		}
		d.Listings = append(d.Listings, decodeNamedOptional(l, filepath.Join("listings", GeneratedDir), "list", func(li *Listing) (string, Pos) { return li.List, li.Pos })...)
	}
	d.Hash = hex.EncodeToString(l.hash.Sum(nil))
	// A file that could not be decoded at all would make the validation
	// report its ids as dangling everywhere: validate only when every file
	// was read.
	if !l.dropped {
		l.validate(d)
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
		if got, pos := id(v); got != strings.TrimSuffix(filepath.Base(f), ".yaml") {
			l.add(pos.atField(field, field+" "+strconv.Quote(got)+" does not match the file name "+strconv.Quote(filepath.Base(f))))
		}
		out = append(out, v)
	}
	return out
}

type loader struct {
	dir     string
	errs    Errors
	dropped bool // a file could not be decoded
	hash    interface {
		Write([]byte) (int, error)
		Sum([]byte) []byte
	}
}

func (l *loader) add(e Error) { l.errs = append(l.errs, e) }

func (l *loader) rel(path string) string {
	if r, err := filepath.Rel(filepath.Dir(l.dir), path); err == nil {
		return r
	}
	return path
}

func (l *loader) glob(sub string) []string {
	files := l.globOptional(sub)
	if len(files) == 0 {
		l.add(Error{File: l.rel(filepath.Join(l.dir, sub)), Msg: "no .yaml files"})
	}
	return files
}

func (l *loader) globOptional(sub string) []string {
	files, _ := filepath.Glob(filepath.Join(l.dir, sub, "*.yaml"))
	sort.Strings(files)
	return files
}

var lineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// decodeFile strictly decodes one YAML file into v, recording the file and
// line of every record, and reports whether it decoded without error.
func (l *loader) decodeFile(path string, v any) bool {
	rel := l.rel(path)
	b, err := os.ReadFile(path)
	if err != nil {
		l.add(Error{File: rel, Msg: err.Error()})
		l.dropped = true
		return false
	}
	l.hash.Write([]byte(filepath.ToSlash(rel) + "\x00"))
	l.hash.Write(b)
	l.hash.Write([]byte{0})
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err != nil {
		l.yamlError(rel, err)
		l.dropped = true
		return false
	}
	if len(root.Content) == 0 {
		l.add(Error{File: rel, Msg: "empty file"})
		l.dropped = true
		return false
	}
	// Unknown keys are reported and the rest of the file is still used, so
	// that one typo does not hide the other errors.
	l.checkKeys(rel, root.Content[0], reflect.TypeOf(v))
	if err := root.Content[0].Decode(v); err != nil {
		l.yamlError(rel, err)
		l.dropped = true
		return false
	}
	setPos(reflect.ValueOf(v), root.Content[0], rel)
	return true
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

// checkKeys reports unknown keys and wrong shapes with their lines, walking
// the YAML node tree alongside the Go type.
func (l *loader) checkKeys(rel string, n *yaml.Node, t reflect.Type) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
				return
			}
			l.add(Error{File: rel, Line: n.Line, Msg: "expected a list"})
			return
		}
		for _, c := range n.Content {
			l.checkKeys(rel, c, t.Elem())
		}
	case reflect.Struct:
		if t == reflect.TypeOf(Name{}) && n.Kind == yaml.ScalarNode {
			return // a name may be a plain string
		}
		if n.Kind != yaml.MappingNode {
			l.add(Error{File: rel, Line: n.Line, Msg: "expected a map with keys"})
			return
		}
		fields := yamlFields(t)
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			ft, ok := fields[k]
			switch {
			case !ok:
				l.add(Error{File: rel, Line: n.Content[i].Line, Msg: "unknown field " + strconv.Quote(k)})
			case seen[k]:
				l.add(Error{File: rel, Line: n.Content[i].Line, Msg: "field " + strconv.Quote(k) + " given twice"})
			default:
				l.checkKeys(rel, n.Content[i+1], ft)
			}
			seen[k] = true
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
