//go:build !js

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"factcard/internal/fixture"
)

// TestBridgeUnderNode runs wasm/bridge's own tests (argument checks, a panic
// answered as {error}) inside Go's wasm under Node, as Go's misc/wasm runner
// does. It needs no browser, so it runs in -short mode too; without Node it
// skips on a developer's machine and fails in CI.
func TestBridgeUnderNode(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		if fixture.InCI() {
			t.Fatal("node is not on PATH: the bridge's tests run in Go's wasm under Node")
		}
		t.Skip("node is not on PATH (this test fails in CI)")
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	runner := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "go_js_wasm_exec")
	cmd := exec.Command("go", "test", "-count=1", "-exec="+runner, "./wasm/bridge")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("wasm/bridge tests under Node: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "ok  \tfactcard/wasm/bridge") {
		t.Errorf("wasm/bridge tests did not report ok:\n%s", out)
	}
}
