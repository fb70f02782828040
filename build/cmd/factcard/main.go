//go:build !js

// Command factcard checks news articles against factcard's dataset from the
// command line: report, check, export and eval, the task runner's commands
// of the same names and nothing else (it installs nothing, builds nothing).
//
//	go install ./build/cmd/factcard
//	factcard report -date 2021-02-10 draft.html
package main

import (
	"os"

	"factcard/build/cli"
)

func main() {
	p := &cli.Program{Invocation: "factcard", Title: "factcard - check articles against factcard's dataset", Commands: cli.Newsroom}
	os.Exit(p.Main(os.Args[1:]))
}
