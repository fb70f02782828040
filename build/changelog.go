//go:build !js

package main

import (
	"bytes"
	"fmt"
	"html/template"

	"github.com/yuin/goldmark"
)

// changelogFile is the dataset's changelog, kept by hand with each data
// change (docs/dataset.md, the update routine).
const changelogFile = "data/CHANGELOG.md"

// changelogName is the page the build renders from it, shipped beside
// factcard.js (and in the extension), so that every card can link to what
// changed in the data it shows.
const changelogName = "changelog.html"

var changelogTemplate = template.Must(template.New("changelog").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>factcard: what changed in the dataset</title>
<style>:root{color-scheme:light dark}body{max-width:760px;margin:24px auto;padding:0 16px;font:15px/1.5 system-ui,sans-serif}li{margin:6px 0}code{font-size:.92em}.this{border:1px solid #8886;border-radius:6px;padding:8px 12px}</style>
</head><body>
<p class="this" id="this-version">This copy of factcard carries dataset version <code>{{.Version}}</code>: facts as of {{.AsOf}}.</p>
{{.Body}}
</body></html>
`))

// changelogPage renders the changelog (Markdown) as a page that names the
// dataset version this build carries.
func changelogPage(src []byte, version, asOf string) ([]byte, error) {
	var body bytes.Buffer
	// goldmark escapes raw HTML by default: the page holds only Markdown's own.
	if err := goldmark.Convert(src, &body); err != nil {
		return nil, fmt.Errorf("%s: %w", changelogFile, err)
	}
	var page bytes.Buffer
	err := changelogTemplate.Execute(&page, struct {
		Version, AsOf string
		Body          template.HTML
	}{version, asOf, template.HTML(body.String())})
	return page.Bytes(), err
}
