//go:build !js

package main

import (
	"io/fs"
	"path/filepath"
	"sort"
	"time"
)

type fileStamp struct {
	size int64
	mod  time.Time
}

// sourceSnapshot stamps every file of the source tree, leaving out what
// builds and tools own (.git, dist/, node_modules).
func sourceSnapshot() map[string]fileStamp {
	files := map[string]fileStamp{}
	filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules" || p == "dist") {
			return filepath.SkipDir
		}
		if info, err := d.Info(); err == nil && !d.IsDir() {
			files[p] = fileStamp{info.Size(), info.ModTime()}
		}
		return nil
	})
	return files
}

func changedFiles(before, after map[string]fileStamp) []string {
	var changed []string
	for p, a := range after {
		if b, ok := before[p]; !ok || b != a {
			changed = append(changed, p)
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			changed = append(changed, p)
		}
	}
	sort.Strings(changed)
	return changed
}
