//go:build !js

package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"factcard/build/cli"
)

var testCmd = &cli.Command{
	Name:    "test",
	Usage:   "test [-short] [go test flags...]",
	Summary: "install what the tests need (Chromium, axe-core, web-ext), validate the dataset and run every test",
	Help: `DESCRIPTION
    Installs Debian's chromium with apt-get when no Chromium is on PATH (root is needed for that), Debian's
    wamerican word list when /usr/share/dict/words is missing (data/ordinary-words.txt is checked against it), and axe-core
    (for the accessibility test) and web-ext (to lint the Firefox extension) with npm ci into build/npm; validates the
    dataset as "check" does, builds dist/ as "build" does, then runs go test ./... including the tests that drive
    headless Chromium. Extra arguments go to go test.

    Then, without -short, fuzzes every fuzz target (func FuzzX in a _test.go file) for -fuzztime each, as
    CI's short fuzz run. A target that stops with only Go 1.26's fuzz-coordinator deadline error
    (go.dev/issue/75804: no failing input, none written) is fuzzed again, at most three times.

FLAGS
    -short          skip the browser tests and the fuzzing
    -fuzztime D     how long to fuzz each target (default 10s; 0 skips fuzzing)

EXIT STATUS
    0 when everything passed, 1 when a check or test failed, 2 on bad usage.

EXAMPLE
    go run ./build test -run Browser -v`,
	Run: func(args []string) int {
		fs := flag.NewFlagSet("test", flag.ContinueOnError)
		short := fs.Bool("short", false, "skip browser tests and fuzzing")
		fuzztime := fs.Duration("fuzztime", 10*time.Second, "time to fuzz each target")
		if err := fs.Parse(args); err != nil {
			return 2
		}
		if !*short {
			for _, ensure := range []func() error{ensureChromium, ensureDictionary, ensureNpmTools} {
				if err := ensure(); err != nil {
					fmt.Fprintln(os.Stderr, "test:", err)
					return 1
				}
			}
		}
		if err := buildDist("dist", os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "test:", err)
			return 1
		}
		goArgs := []string{"test", "-count=1", "-timeout=30m"}
		if *short {
			goArgs = append(goArgs, "-short")
		}
		goArgs = append(goArgs, fs.Args()...)
		goArgs = append(goArgs, "./...")
		cmd := exec.Command("go", goArgs...)
		cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			return 1
		}
		if *short || *fuzztime <= 0 {
			return 0
		}
		targets, err := fuzzTargets(".")
		if err != nil {
			fmt.Fprintln(os.Stderr, "test:", err)
			return 1
		}
		for _, ft := range targets {
			if err := fuzz(ft, *fuzztime); err != nil {
				fmt.Fprintln(os.Stderr, "test:", err)
				return 1
			}
		}
		return 0
	},
}

// fuzzAttempts bounds the reruns of a target that hit the Go 1.26 fuzz
// coordinator's deadline race (see fuzz).
const fuzzAttempts = 3

// fuzz runs one target for d. Go before 1.27 can fail a duration-limited run
// with a bare "context deadline exceeded" when -fuzztime ends while a worker
// is busy (go.dev/issue/75804, fixed in Go 1.27); no input fails then and none
// is written. Such a run is repeated, up to fuzzAttempts times; any other
// failure, or one that wrote a failing input to testdata/fuzz, fails at once.
func fuzz(ft fuzzTarget, d time.Duration) error {
	corpusDir := filepath.Join(ft.pkg, "testdata", "fuzz", ft.name)
	for attempt := 1; ; attempt++ {
		before := filesIn(corpusDir)
		fmt.Printf("test: fuzzing %s in %s for %s\n", ft.name, ft.pkg, d)
		var out bytes.Buffer
		cmd := exec.Command("go", "test", "-run=^$", "-fuzz=^"+ft.name+"$", "-fuzztime="+d.String(), ft.pkg)
		cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, io.MultiWriter(os.Stdout, &out), io.MultiWriter(os.Stderr, &out)
		err := cmd.Run()
		if err == nil {
			return nil
		}
		if !coordinatorDeadlineRace(out.String()) || len(filesIn(corpusDir)) > len(before) {
			return fmt.Errorf("fuzzing %s in %s failed: %v", ft.name, ft.pkg, err)
		}
		if attempt == fuzzAttempts {
			return fmt.Errorf("fuzzing %s in %s: the fuzz coordinator's deadline race (go.dev/issue/75804) %d times in a row", ft.name, ft.pkg, attempt)
		}
		fmt.Printf("test: %s stopped with the fuzz coordinator's deadline race (go.dev/issue/75804), no failing input written; fuzzing it again\n", ft.name)
	}
}

// coordinatorDeadlineRace reports whether a failed fuzz run's output shows
// only the coordinator's own deadline error: the target failed with the
// bare message and nothing else reported a failing input.
func coordinatorDeadlineRace(output string) bool {
	return strings.Contains(output, "\n    context deadline exceeded\n") &&
		!strings.Contains(output, "Failing input written to")
}

// filesIn lists the names in dir, none when it does not exist.
func filesIn(dir string) []string {
	entries, _ := os.ReadDir(dir)
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	return names
}

type fuzzTarget struct{ pkg, name string }

var fuzzFuncRE = regexp.MustCompile(`(?m)^func (Fuzz\w+)\(\w+ \*testing\.F\)`)

// fuzzTargets finds every fuzz target under root, as ./package paths.
func fuzzTargets(root string) ([]fuzzTarget, error) {
	var targets []fuzzTarget
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") && p != root) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range fuzzFuncRE.FindAllSubmatch(b, -1) {
			targets = append(targets, fuzzTarget{"./" + filepath.ToSlash(filepath.Dir(p)), string(m[1])})
		}
		return nil
	})
	return targets, err
}

// npmTools is the folder of the test tools from npm (axe-core, web-ext, and
// mark.js for bench -browser), pinned by its package-lock.json.
const npmTools = "build/npm"

func ensureNpmTools() error {
	_, axeErr := os.Stat(npmTools + "/node_modules/axe-core/axe.min.js")
	_, webExtErr := os.Stat(npmTools + "/node_modules/.bin/web-ext")
	_, markErr := os.Stat(npmTools + "/node_modules/mark.js/dist/mark.min.js")
	if axeErr == nil && webExtErr == nil && markErr == nil {
		return nil
	}
	fmt.Println("test: installing the test tools with npm ci (axe-core, web-ext, mark.js)")
	cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund", "--prefix", npmTools)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("npm ci in %s: %w", npmTools, err)
	}
	return nil
}

// chromiumPath finds a Chromium the browser tests can drive.
func chromiumPath() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

func ensureChromium() error {
	if chromiumPath() != "" {
		return nil
	}
	fmt.Println("test: installing chromium with apt-get (needed by the browser tests)")
	if err := aptGetInstall("chromium"); err != nil {
		return err
	}
	if chromiumPath() == "" {
		return fmt.Errorf("chromium is still not on PATH after apt-get install")
	}
	return nil
}

// ensureDictionary installs Debian's English word list, against which
// data's TestOrdinaryWordsCurrent checks data/ordinary-words.txt.
func ensureDictionary() error {
	if _, err := os.Stat("/usr/share/dict/words"); err == nil {
		return nil
	}
	fmt.Println("test: installing wamerican with apt-get (the word list of data/ordinary-words.txt)")
	return aptGetInstall("wamerican")
}

func aptGetInstall(pkg string) error {
	for _, args := range [][]string{{"update", "-qq"}, {"install", "-y", "-qq", pkg}} {
		cmd := exec.Command("apt-get", args...)
		cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, os.Stdout, os.Stderr
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("apt-get %v: %w", args, err)
		}
	}
	return nil
}
