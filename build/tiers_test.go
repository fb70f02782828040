//go:build !js

// These tests build and run Go natively.

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// buildChangedSources lists the files in the source tree that building dist/
// into a temporary folder (TestMain) created, changed or removed.
var buildChangedSources []string

// TestBuildWritesNoSourceFile: building dist/ to a temporary folder leaves
// the source tree as it was (it used to write wasm/bridge/dataset_gen.go).
func TestBuildWritesNoSourceFile(t *testing.T) {
	if builtDist == "" {
		t.Skip("dist/ is built only for the browser tests (not in -short mode)")
	}
	if len(buildChangedSources) > 0 {
		t.Errorf("building into a temporary folder changed source files: %v", buildChangedSources)
	}
}

// freshClone copies the files git tracks, as a clone would have them (no
// dist/, no node_modules, nothing generated), into a temporary folder.
func freshClone(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("git", "ls-files", "-z").Output()
	if err != nil {
		t.Skipf("not a git checkout: %v", err)
	}
	dir := t.TempDir()
	for _, p := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		b, err := os.ReadFile(p)
		if os.IsNotExist(err) {
			continue // deleted in the work tree
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestFreshCloneVetsAndSkipsTheBrowser: on a fresh clone, go vet passes for
// both targets (the wasm's dataset is a committed placeholder, not a file
// that only a build writes), and the -short tier needs no browser and no
// axe-core: the browser tests skip instead of failing.
func TestFreshCloneVetsAndSkipsTheBrowser(t *testing.T) {
	// It needs no browser, so it runs in -short too (about 25 s).
	dir := freshClone(t)
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	run := func(env []string, args ...string) string {
		t.Helper()
		cmd := exec.Command(goBin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), env...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Errorf("go %s (%s) on a fresh clone: %v\n%s", strings.Join(args, " "), strings.Join(env, " "), err, out)
		}
		return string(out)
	}
	run(nil, "vet", "./...")
	run([]string{"GOOS=js", "GOARCH=wasm"}, "vet", "./...")
	// PATH holds only Go: no Chromium, no npm.
	out := run([]string{"PATH=" + filepath.Dir(goBin), "CI="}, "test", "-short", "-count=1", "-v", "-run", "Browser", "./build")
	if n := strings.Count(out, "--- SKIP: TestBrowser"); n < 5 || strings.Contains(out, "--- FAIL") {
		t.Errorf("the browser tests in -short mode on a fresh clone: %d skipped\n%s", n, out)
	}
}
