//go:build !js

// Package cli holds the newsroom's commands (report, check, export, eval)
// and the dispatcher that runs them. The factcard command (build/cmd/factcard)
// is these commands alone; the task runner (go run ./build) adds its own, so
// both run the same code.
package cli

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"factcard/data"
)

// Command is one subcommand with its manual.
type Command struct {
	Name, Usage, Summary string
	Help                 string
	Run                  func(args []string) int
	// Standalone commands (report, check, export) read paths relative to
	// where they run and need no checkout; the others run in the
	// repository's root, wherever they are started.
	Standalone bool
}

// Newsroom is the commands a newsroom installs as factcard.
var Newsroom = []*Command{Report, Check, Export, Eval}

// Program is how a tool is started (for its manuals) and what it is.
type Program struct {
	Invocation string // "factcard", "go run ./build"
	Title      string // the NAME line of the usage
	Commands   []*Command
	Default    *Command // run when no command is named; nil prints the usage
}

// Main runs the command args name and returns the exit status: 0 on
// success, 1 when the work found a problem, 2 on bad usage.
func (p *Program) Main(args []string) int {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help" {
		if p.Default == nil {
			p.printUsage(os.Stderr)
			return 2
		}
		return p.run(p.Default, args)
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "--help" {
		if len(args) > 1 {
			for _, c := range p.Commands {
				if c.Name == args[1] {
					p.printHelp(c)
					return 0
				}
			}
		}
		p.printUsage(os.Stdout)
		return 0
	}
	for _, c := range p.Commands {
		if c.Name == name {
			for _, a := range args[1:] {
				if a == "-h" || a == "-help" || a == "--help" {
					p.printHelp(c)
					return 0
				}
			}
			return p.run(c, args[1:])
		}
	}
	fmt.Fprintf(os.Stderr, "%s: unknown command %q\n\n", p.name(), name)
	p.printUsage(os.Stdout)
	return 2
}

// name is the program as messages name it: "build", "factcard".
func (p *Program) name() string {
	return filepath.Base(p.Invocation[strings.LastIndexByte(p.Invocation, ' ')+1:])
}

func (p *Program) run(c *Command, args []string) int {
	if !c.Standalone {
		if err := ChdirRoot(); err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", p.name(), err)
			return 2
		}
	}
	return c.Run(args)
}

func (p *Program) printUsage(w *os.File) {
	fmt.Fprintf(w, "NAME\n    %s\n\nUSAGE\n    %s [command] [flags]\n\nCOMMANDS\n", p.Title, p.Invocation)
	for _, c := range p.Commands {
		fmt.Fprintf(w, "    %-8s %s\n", c.Name, c.Summary)
	}
	if p.Default != nil {
		fmt.Fprintf(w, "\n    With no command, %s runs %q.", p.name(), p.Default.Name)
	}
	fmt.Fprintf(w, `
    "%[1]s help COMMAND" or "%[1]s COMMAND -h" shows a command's manual.

EXIT STATUS
    0 on success, 1 when the work found a problem (failing check, conflicting claim), 2 on bad usage or input.
`, p.Invocation)
}

// printHelp prints a command's manual, its examples written as this
// program is started.
func (p *Program) printHelp(c *Command) {
	help := strings.ReplaceAll(c.Help, invocationInManuals, p.Invocation)
	fmt.Printf("NAME\n    %s - %s\n\nUSAGE\n    %s %s\n\n%s\n", c.Name, c.Summary, p.Invocation, c.Usage, help)
}

// invocationInManuals is how the manuals write the program in examples.
const invocationInManuals = "go run ./build"

// ChdirRoot moves to the repository root, so that every path of a command
// that needs the checkout is relative to it wherever it was started.
func ChdirRoot() error {
	dir, err := os.Getwd()
	if err != nil {
		return err
	}
	for d := dir; ; d = filepath.Dir(d) {
		if isCheckout(d) {
			return os.Chdir(d)
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	// A tool built from a checkout and run elsewhere: the checkout it was
	// built from (build/cli/cli.go is three levels below the root).
	if _, file, _, ok := runtime.Caller(0); ok {
		if root := filepath.Dir(filepath.Dir(filepath.Dir(file))); isCheckout(root) {
			return os.Chdir(root)
		}
	}
	return fmt.Errorf("this command needs a factcard checkout: run it inside one (%s is not)", dir)
}

func isCheckout(dir string) bool {
	b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	return err == nil && strings.HasPrefix(string(b), "module factcard\n")
}

// OfficialDir is where the shared official list extracts sit beside the
// checkout.
const OfficialDir = "../shared/sources/official-lists-2026-07"

// errNotAFolder is a -data DIR that cannot be a dataset: bad usage.
var errNotAFolder = errors.New("not a folder")

// ExitStatus is the status for a dataset that did not load: 2 for a -data
// DIR that is no folder, 1 for a dataset with errors.
func ExitStatus(err error) int {
	if errors.Is(err, errNotAFolder) {
		return 2
	}
	return 1
}

// LoadDataset loads and validates the dataset in dir, or the one built into
// the program when dir is "", printing every error.
func LoadDataset(dir string) (*data.Dataset, error) {
	var d *data.Dataset
	var err error
	if dir == "" {
		d, err = data.LoadEmbedded()
	} else if st, serr := os.Stat(dir); serr != nil || !st.IsDir() {
		err = fmt.Errorf("-data %s: %w", dir, errNotAFolder)
		if serr != nil {
			err = fmt.Errorf("-data: %w (%w)", serr, errNotAFolder)
		}
	} else {
		d, err = data.Load(dir)
	}
	if err != nil {
		var errs data.Errors
		if errors.As(err, &errs) {
			for _, e := range errs {
				fmt.Fprintln(os.Stderr, e)
			}
			fmt.Fprintf(os.Stderr, "check: %d errors in the dataset\n", len(errs))
		} else {
			fmt.Fprintln(os.Stderr, "check:", err)
		}
		return nil, err
	}
	return d, nil
}

// Output buffers a command's standard output; Finish flushes it and turns a
// write error (a full disk, a closed pipe) into exit status 2, so that a
// truncated report never passes for a complete one.
type Output struct {
	*bufio.Writer
	cmd string
}

// NewOutput buffers standard output for the command cmd.
func NewOutput(cmd string) *Output { return &Output{bufio.NewWriter(os.Stdout), cmd} }

// Finish flushes the output and returns code, or 2 when it could not be
// written.
func (o *Output) Finish(code int) int {
	if err := o.Flush(); err != nil {
		fmt.Fprintf(os.Stderr, "%s: writing the output: %v\n", o.cmd, err)
		return 2
	}
	return code
}
