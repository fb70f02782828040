package data

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"go.yaml.in/yaml/v3"
)

// validFS is testdata/valid in memory, for the fuzz target to vary.
func validFS(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("testdata/valid"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(os.DirFS("testdata/valid"), p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// yamlDocuments counts the documents in a YAML stream, or -1 when it does
// not parse.
func yamlDocuments(b []byte) int {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	for n := 0; ; n++ {
		var doc yaml.Node
		if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
			return n
		} else if err != nil {
			return -1
		}
	}
}

// FuzzLoad loads the fixture dataset with a listings file and a sources file
// replaced by fuzzed bytes. Whatever the bytes, Load does not panic; it
// returns a dataset or errors, never both; every error names a file of the
// dataset and a line inside it; and a dataset is returned only when each
// file is one YAML document (nothing was left unread).
func FuzzLoad(f *testing.F) {
	base := validFS(f)
	f.Add(base["listings/test-list.yaml"].Data, base["sources/fixture.yaml"].Data)
	for _, dir := range []string{"testdata/broken", "testdata/syntax"} {
		l, _ := os.ReadFile(dir + "/listings/test-list.yaml")
		s, _ := os.ReadFile(dir + "/sources/fixture.yaml")
		f.Add(l, s)
	}
	f.Add([]byte("list: test-list\n---\nlist: x\n"), []byte("- &s {id: a}\n- *s\n"))
	f.Add([]byte("list: test-list\nentries:\n  - &e {entity: acme, events: [{date: 2020-01-01, type: listed, source: src-one}]}\n  - *e\n"), base["sources/fixture.yaml"].Data)
	f.Fuzz(func(t *testing.T, listing, sources []byte) {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		fsys["listings/test-list.yaml"] = &fstest.MapFile{Data: listing}
		fsys["sources/fixture.yaml"] = &fstest.MapFile{Data: sources}
		d, err := LoadFS(fsys, "fixture")
		if (d == nil) == (err == nil) {
			t.Fatalf("Load returned dataset %v and error %v", d != nil, err)
		}
		if err == nil {
			for _, b := range [][]byte{listing, sources} {
				if n := yamlDocuments(b); n != 1 {
					t.Fatalf("loaded a file of %d YAML documents without an error:\n%q", n, b)
				}
			}
			return
		}
		var errs Errors
		if !errors.As(err, &errs) || len(errs) == 0 {
			t.Fatalf("error %T %v is not a list of errors", err, err)
		}
		for _, e := range errs {
			name, ok := strings.CutPrefix(e.File, "fixture/")
			if !ok {
				t.Fatalf("error %q names no file of the dataset", e)
			}
			if file, ok := fsys[name]; ok && e.Line > len(yamlLines(file.Data)) {
				t.Fatalf("error %q is past the end of the file (%d lines)", e, len(yamlLines(file.Data)))
			}
			if e.Line < 0 || e.Msg == "" {
				t.Fatalf("error %+v has no line or no message", e)
			}
		}
	})
}
