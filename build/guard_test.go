//go:build !js

package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestWasmKeepsOutHeavyPackages: the promise of docs/architecture.md, held
// by the dependency list itself: no fmt, reflect or JSON package in the
// wasm, nor embed, io/fs or time (the reason the dataset is a string
// constant).
func TestWasmKeepsOutHeavyPackages(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "./wasm/bridge")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		t.Fatalf("only %d dependencies: %v", len(deps), deps)
	}
	banned := map[string]bool{"fmt": true, "reflect": true, "encoding/json": true, "github.com/goccy/go-json": true,
		"embed": true, "io/fs": true, "time": true, "go.yaml.in/yaml/v3": true}
	for _, p := range deps {
		if banned[p] {
			t.Errorf("the wasm depends on %s", p)
		}
	}
}
