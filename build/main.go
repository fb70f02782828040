//go:build !js

// Command build is factcard's task runner: `go run ./build` builds dist/, and
// its subcommands serve the demo, check the dataset, report on articles and
// run the tests. `go run ./build help` lists them.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

type command struct {
	name, usage, summary string
	help                 string
	run                  func(args []string) int
	// standalone commands (report, check, export) read paths relative to
	// where they run and need no checkout; the others run in the
	// repository's root, wherever they are started.
	standalone bool
}

var commands []*command

func init() {
	commands = []*command{buildCmd, extensionCmd, serveCmd, checkCmd, importCmd, exportCmd, reportCmd, syncCmd, evalCmd, benchCmd, testCmd}
}

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help" {
		return runCommand(buildCmd, args)
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "--help" {
		if len(args) > 1 {
			for _, c := range commands {
				if c.name == args[1] {
					printHelp(c)
					return 0
				}
			}
		}
		printUsage()
		return 0
	}
	for _, c := range commands {
		if c.name == name {
			for _, a := range args[1:] {
				if a == "-h" || a == "-help" || a == "--help" {
					printHelp(c)
					return 0
				}
			}
			return runCommand(c, args[1:])
		}
	}
	fmt.Fprintf(os.Stderr, "build: unknown command %q\n\n", name)
	printUsage()
	return 2
}

func runCommand(c *command, args []string) int {
	if !c.standalone {
		if err := chdirRoot(); err != nil {
			fmt.Fprintln(os.Stderr, "build:", err)
			return 2
		}
	}
	return c.run(args)
}

func printUsage() {
	fmt.Println(`NAME
    build - factcard's task runner

USAGE
    go run ./build [command] [flags]

COMMANDS`)
	for _, c := range commands {
		fmt.Printf("    %-8s %s\n", c.name, c.summary)
	}
	fmt.Println(`
    With no command, build runs "build".
    "go run ./build help COMMAND" or "go run ./build COMMAND -h" shows a command's manual.

EXIT STATUS
    0 on success, 1 when the work found a problem (failing check, conflicting claim), 2 on bad usage or input.`)
}

func printHelp(c *command) {
	fmt.Printf("NAME\n    %s - %s\n\nUSAGE\n    go run ./build %s\n\n%s\n", c.name, c.summary, c.usage, c.help)
}

// chdirRoot moves to the repository root, so that every path in the task
// runner is relative to it wherever the command was started.
func chdirRoot() error {
	dir, err := os.Getwd()
	if err != nil {
		return err
	}
	for d := dir; ; d = filepath.Dir(d) {
		if b, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil && len(b) > 14 && string(b[:14]) == "module factcar" {
			return os.Chdir(d)
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	// Tests run in build/; the source file's location is the fallback.
	_, file, _, ok := runtime.Caller(0)
	if ok {
		return os.Chdir(filepath.Dir(filepath.Dir(file)))
	}
	return fmt.Errorf("cannot find the factcard repository root from %s", dir)
}
