//go:build !js

package main

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestInstallsNothing: the newsroom's binary cannot run a program, serve or
// fetch anything, nor build the widget: none of the packages that would let
// it is among its dependencies.
func TestInstallsNothing(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 20 {
		t.Fatalf("only %d dependencies: %v", len(deps), deps)
	}
	for _, p := range deps {
		switch {
		case p == "os/exec", p == "net/http", strings.HasPrefix(p, "github.com/chromedp/"),
			strings.HasPrefix(p, "github.com/tdewolff/minify"), p == "factcard/build":
			t.Errorf("factcard depends on %s", p)
		}
	}
}

// TestCommands: the installed binary offers report, check, export and eval,
// refuses the task runner's commands, and reports a conflicting statement
// with exit status 1.
func TestCommands(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "factcard")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	run := func(stdin string, args ...string) (string, string, int) {
		cmd := exec.Command(bin, args...)
		cmd.Dir = t.TempDir() // outside the checkout
		cmd.Stdin = strings.NewReader(stdin)
		var o, e bytes.Buffer
		cmd.Stdout, cmd.Stderr = &o, &e
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return o.String(), e.String(), code
	}
	out, _, code := run("", "help")
	var listed []string
	_, commands, _ := strings.Cut(out, "COMMANDS\n")
	for _, line := range strings.Split(commands, "\n") {
		if strings.TrimSpace(line) == "" {
			break
		}
		listed = append(listed, strings.Fields(line)[0])
	}
	if code != 0 || strings.Join(listed, " ") != "report check export eval" {
		t.Errorf("factcard help: exit %d, commands %v\n%s", code, listed, out)
	}
	for _, name := range []string{"build", "test", "serve", "import"} {
		if _, errOut, code := run("", name); code != 2 || !strings.Contains(errOut, `unknown command "`+name+`"`) {
			t.Errorf("factcard %s: exit %d, %s", name, code, errOut)
		}
	}
	out, errOut, code := run("Investors have until November 11, 2021, to sell their Xiaomi shares.", "report", "-date", "2021-02-10", "-")
	if code != 1 || !strings.Contains(out, "CONFLICT (divestment-deadline)") || !strings.Contains(errOut, "1 statement(s) conflict") {
		t.Errorf("factcard report of a conflicting statement: exit %d\n%s%s", code, out, errOut)
	}
	if _, errOut, code := run("", "report"); code != 2 || !strings.Contains(errOut, "report -h shows the manual") {
		t.Errorf("factcard report without a file: exit %d, %s", code, errOut)
	}
}
