//go:build !js

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// widgetVendor is the folder of the code the build inlines into
// factcard.js, pinned by its package-lock.json and installed with npm ci.
const widgetVendor = "build/vendor"

// floatingUIFiles are Floating UI's UMD builds in dependency order, each
// with the module name the next one requires.
var floatingUIFiles = []struct{ module, path string }{
	{"@floating-ui/core", "node_modules/@floating-ui/core/dist/floating-ui.core.umd.min.js"},
	{"@floating-ui/dom", "node_modules/@floating-ui/dom/dist/floating-ui.dom.umd.min.js"},
}

// floatingUILicense is the notice that ships with the inlined code: each
// package's LICENSE, as MIT asks.
func floatingUILicense() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("factcard.js includes Floating UI (https://floating-ui.com), under the MIT License:\n")
	for _, f := range floatingUIFiles {
		text, err := os.ReadFile(filepath.Join(widgetVendor, "node_modules", f.module, "LICENSE"))
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&b, "\n%s\n\n%s", f.module, text)
	}
	return b.Bytes(), nil
}

// floatingUIExpression returns a JavaScript expression whose value is
// Floating UI's DOM module. Each UMD file runs in a function whose exports,
// module and require are local, so it takes its CommonJS branch: nothing
// reaches the page's globals, and a page's AMD define is never called.
func floatingUIExpression(log *os.File) ([]byte, error) {
	if err := npmCI(widgetVendor, floatingUIFiles[len(floatingUIFiles)-1].path, log); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString("(() => { const modules = {}; const require = (name) => modules[name];\n")
	for _, f := range floatingUIFiles {
		code, err := os.ReadFile(filepath.Join(widgetVendor, f.path))
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&b, "modules[%q] = ((module, exports, define) => {\n%s\n;return exports; })({}, {}, undefined);\n", f.module, code)
	}
	fmt.Fprintf(&b, "return modules[%q]; })()", floatingUIFiles[len(floatingUIFiles)-1].module)
	return b.Bytes(), nil
}

// npmCI installs the packages of dir's package-lock.json unless want (a file
// under dir) is already there.
func npmCI(dir, want string, log *os.File) error {
	if _, err := os.Stat(filepath.Join(dir, want)); err == nil {
		return nil
	}
	fmt.Fprintf(log, "installing %s with npm ci\n", dir)
	cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund", "--prefix", dir)
	cmd.Stdout, cmd.Stderr = log, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("npm ci in %s: %w", dir, err)
	}
	return nil
}
