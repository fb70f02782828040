package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
)

var testCmd = &command{
	name:    "test",
	usage:   "test [-short] [go test flags...]",
	summary: "install what the tests need (Chromium, axe-core), validate the dataset and run every test",
	help: `DESCRIPTION
    Installs Debian's chromium with apt-get when no Chromium is on PATH (root is needed for that) and axe-core
    with npm ci into build/npm (for the accessibility test), validates the
    dataset as "check" does, builds dist/ as "build" does, then runs go test ./... including the tests that drive
    headless Chromium. Extra arguments go to go test.

FLAGS
    -short   skip the browser tests

EXIT STATUS
    0 when everything passed, 1 when a check or test failed, 2 on bad usage.

EXAMPLE
    go run ./build test -run Browser -v`,
	run: func(args []string) int {
		fs := flag.NewFlagSet("test", flag.ContinueOnError)
		short := fs.Bool("short", false, "skip browser tests")
		if err := fs.Parse(args); err != nil {
			return 2
		}
		if !*short {
			for _, ensure := range []func() error{ensureChromium, ensureNpmTools} {
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
		return 0
	},
}

// npmTools is the folder of the browser-side test tools (axe-core, and
// mark.js for bench -browser), pinned by its package-lock.json.
const npmTools = "build/npm"

func ensureNpmTools() error {
	_, errAxe := os.Stat(npmTools + "/node_modules/axe-core/axe.min.js")
	_, errMark := os.Stat(npmTools + "/node_modules/mark.js/dist/mark.min.js")
	if errAxe == nil && errMark == nil {
		return nil
	}
	fmt.Println("test: installing the browser test tools with npm ci (axe-core, mark.js)")
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
	for _, args := range [][]string{{"update", "-qq"}, {"install", "-y", "-qq", "chromium"}} {
		cmd := exec.Command("apt-get", args...)
		cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, os.Stdout, os.Stderr
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("apt-get %v: %w", args, err)
		}
	}
	if chromiumPath() == "" {
		return fmt.Errorf("chromium is still not on PATH after apt-get install")
	}
	return nil
}
