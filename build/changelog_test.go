//go:build !js

package main

import (
	"html"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestChangelogPage: the page a card links to renders every entry of
// data/CHANGELOG.md as a heading, names the dataset version it was built
// with, and never passes raw HTML through.
func TestChangelogPage(t *testing.T) {
	src, err := os.ReadFile(changelogFile)
	if err != nil {
		t.Fatal(err)
	}
	page, err := changelogPage(src, "2026-11-26+0123abcd", "2026-11-26")
	if err != nil {
		t.Fatal(err)
	}
	text := html.UnescapeString(string(page))
	if !strings.Contains(text, `dataset version <code>2026-11-26+0123abcd</code>: facts as of 2026-11-26.`) {
		t.Errorf("the page does not name its dataset version:\n%s", regexp.MustCompile(`<p class="this".*`).FindString(text))
	}
	entries := regexp.MustCompile(`(?m)^## (.+)$`).FindAllStringSubmatch(string(src), -1)
	if len(entries) == 0 {
		t.Fatalf("%s has no ## entries", changelogFile)
	}
	for _, e := range entries {
		if !strings.Contains(text, "<h2>"+e[1]+"</h2>") {
			t.Errorf("entry %q is not a heading of the page", e[1])
		}
	}

	hostile, err := changelogPage([]byte("## v\n\n<script>alert(1)</script>\n\nText <img src=x onerror=alert(2)>\n"), "v", "d")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(hostile), "<script>alert") || strings.Contains(string(hostile), "<img") {
		t.Errorf("raw HTML passed through:\n%s", hostile)
	}
}
