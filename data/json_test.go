package data

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// TestEveryExportedFieldHasAJSONName: `export -format json` prints the
// dataset's types as they are, so every field of every type reachable from
// Dataset names its JSON key (a lower-case key, as in the rest of the JSON),
// or says it is left out; none falls back to its Go name ("ID",
// "LegalNames").
func TestEveryExportedFieldHasAJSONName(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(ty reflect.Type) {
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice || ty.Kind() == reflect.Map {
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct || seen[ty] {
			return
		}
		seen[ty] = true
		for i := 0; i < ty.NumField(); i++ {
			f := ty.Field(i)
			if !f.IsExported() {
				continue
			}
			if f.Anonymous && f.Tag.Get("json") == "" {
				walk(f.Type) // its fields are promoted into this object
				continue
			}
			name := strings.Split(f.Tag.Get("json"), ",")[0]
			if name == "" || name != "-" && !unicode.IsLower(rune(name[0])) {
				t.Errorf("%s.%s has no lower-case json name (tag %q)", ty.Name(), f.Name, f.Tag)
			}
			if name != "-" {
				walk(f.Type)
			}
		}
	}
	walk(reflect.TypeOf(Dataset{}))
	if len(seen) < 7 {
		t.Errorf("walked only %d types", len(seen))
	}
}
