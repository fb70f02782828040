//go:build !js

package main

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"html/template"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/goccy/go-json"

	"factcard/build/cli"
	"factcard/data"
)

var extensionCmd = &cli.Command{
	Name:    "extension",
	Usage:   "extension [-out DIR]",
	Summary: "build the browser extension for Chrome and Firefox into dist/",
	Help: `DESCRIPTION
    Runs "build", then assembles the Manifest V3 extension from widget/extension/ and the built files: the content
    scripts are the card, the engine loader and factcard.js, the background is widget/engine.js plus
    widget/extension/background.js, sources.html lists every source the dataset cites, and changelog.html (the build's) is what the cards
    and the popup link to for what changed in the dataset. Writes the unpacked extensions to
    DIR/extension/chrome and DIR/extension/firefox and their zips to DIR/factcard-chrome.zip and
    DIR/factcard-firefox.zip. One manifest serves both: the Chrome copy drops the Firefox-only keys
    (background.scripts, browser_specific_settings), the Firefox copy background.service_worker.

FLAGS
    -out DIR   output directory (default "dist")

EXIT STATUS
    0 on success, 1 when the build fails, 2 on bad usage.

EXAMPLE
    go run ./build extension && npx --prefix build/npm web-ext lint --source-dir dist/extension/firefox`,
	Run: func(args []string) int {
		fs := flag.NewFlagSet("extension", flag.ContinueOnError)
		out := fs.String("out", "dist", "output directory")
		if err := fs.Parse(args); err != nil {
			return 2
		}
		rel, err := buildRelease(*out, os.Stdout)
		if err == nil {
			err = buildExtension(*out, rel, os.Stdout)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "extension:", err)
			return 1
		}
		return 0
	},
}

// browsers are the extension's targets, each with the manifest keys it does
// not support (each browser warns about the other's background key).
var browsers = []struct {
	name string
	drop func(manifest map[string]any)
}{
	{"chrome", func(m map[string]any) {
		delete(m, "browser_specific_settings")
		delete(m["background"].(map[string]any), "scripts")
	}},
	{"firefox", func(m map[string]any) {
		delete(m["background"].(map[string]any), "service_worker")
	}},
}

// buildExtension assembles both extensions from the files buildRelease wrote
// to out.
func buildExtension(out string, rel *release, log *os.File) error {
	version, err := widgetVersion()
	if err != nil {
		return err
	}
	files := map[string][]byte{}
	for _, f := range []string{"factcard.js", changelogName} {
		if files[f], err = os.ReadFile(filepath.Join(out, f)); err != nil {
			return err
		}
	}
	names := map[string]string{}
	for role, f := range rel.files {
		files[f.name] = f.bytes
		names[role] = f.name
	}
	namesJSON, err := json.Marshal(names)
	if err != nil {
		return err
	}
	m := minifier()
	for _, f := range []string{"background.js", "popup.js", "popup.html", "popup.css"} {
		src, err := os.ReadFile(filepath.Join("widget/extension", f))
		if err != nil {
			return err
		}
		mime := map[string]string{".js": "application/javascript", ".html": "text/html", ".css": "text/css"}[filepath.Ext(f)]
		if files[f], err = m.Bytes(mime, src); err != nil {
			return fmt.Errorf("minifying widget/extension/%s: %w", f, err)
		}
	}
	// The background is the engine loader (widget/engine.js) and the
	// extension's glue, told the built files' names; the semicolon keeps the
	// second IIFE from being read as a call of the first (the minifier drops
	// the last one).
	engineJS, err := engineScript()
	if err != nil {
		return err
	}
	background, err := fillPlaceholders("widget/extension/background.js", files["background.js"], map[string][]byte{`"__FILES__"`: namesJSON})
	if err != nil {
		return err
	}
	if files["background.js"], err = m.Bytes("application/javascript", append(append(engineJS, ";\n"...), background...)); err != nil {
		return fmt.Errorf("minifying the background: %w", err)
	}
	if files["sources.html"], err = sourcesPage(rel.dataset); err != nil {
		return err
	}
	src, err := os.ReadFile("widget/extension/manifest.json")
	if err != nil {
		return err
	}
	for _, b := range browsers {
		var manifest map[string]any
		if err := json.Unmarshal(src, &manifest); err != nil {
			return fmt.Errorf("widget/extension/manifest.json: %w", err)
		}
		manifest["version"] = version
		b.drop(manifest)
		if files["manifest.json"], err = json.MarshalIndent(manifest, "", "  "); err != nil {
			return err
		}
		dir := filepath.Join(out, "extension", b.name)
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		var zipped bytes.Buffer
		zw := zip.NewWriter(&zipped)
		for _, name := range slices.Sorted(maps.Keys(files)) {
			if err := os.WriteFile(filepath.Join(dir, name), files[name], 0o644); err != nil {
				return err
			}
			w, err := zw.Create(name)
			if err != nil {
				return err
			}
			w.Write(files[name])
		}
		if err := zw.Close(); err != nil {
			return err
		}
		zipPath := filepath.Join(out, "factcard-"+b.name+".zip")
		if err := os.WriteFile(zipPath, zipped.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(log, "extension %s: %s (%s), unpacked in %s\n", b.name, zipPath, kb(zipped.Len()), dir)
	}
	return nil
}

var sourcesTemplate = template.Must(template.New("sources").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>factcard: the primary sources</title>
<style>:root{color-scheme:light dark}body{max-width:760px;margin:24px auto;padding:0 16px;font:15px/1.5 system-ui,sans-serif}li{margin:6px 0}.p{color:#4d5561}@media (prefers-color-scheme:dark){.p{color:#b8bfca}}</style>
</head><body><h1>The primary sources of factcard's dataset</h1>
<p>Every fact on a card cites one of these {{len .}} documents.</p>
<ol>{{range .}}<li><a href="{{.URL}}">{{.Title}}</a>{{if .Citation}} ({{.Citation}}){{end}} <span class="p">{{.Publisher}}, {{.Date}}</span></li>{{end}}</ol>
</body></html>
`))

// sourcesPage lists every source in the dataset, for the popup's link.
func sourcesPage(d *data.Dataset) ([]byte, error) {
	var b bytes.Buffer
	if err := sourcesTemplate.Execute(&b, d.Sources); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
