//go:build !js

// Command build is factcard's task runner: `go run ./build` builds dist/, and
// its subcommands serve the demo, check the dataset, report on articles and
// run the tests. `go run ./build help` lists them. The newsroom's commands
// (report, check, export, eval) are package cli's, which build/cmd/factcard
// installs alone.
package main

import (
	"os"

	"factcard/build/cli"
)

var runner = &cli.Program{Invocation: "go run ./build", Title: "build - factcard's task runner"}

func init() {
	runner.Commands = []*cli.Command{buildCmd, extensionCmd, serveCmd, cli.Check, importCmd, cli.Export, cli.Report, syncCmd, cli.Eval, benchCmd, testCmd}
	runner.Default = buildCmd
}

func main() {
	os.Exit(runner.Main(os.Args[1:]))
}
