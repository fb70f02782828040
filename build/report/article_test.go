//go:build !js

package report

import (
	"strings"
	"testing"
)

// TestDeepHTMLIsRead: a page nested deeper than 512 elements, which Go's
// HTML parser refuses, is read as a browser reads it.
func TestDeepHTMLIsRead(t *testing.T) {
	page := "<html><body><article>" + strings.Repeat("<div><span>", 1000) + "<p>Hytera Communications makes radios.</p>" +
		strings.Repeat("</span></div>", 1000) + "<p>Its shares fell.</p></article></body></html>"
	text, _, err := ArticleFromFile("deep.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "Hytera Communications makes radios.") || !strings.Contains(text, "Its shares fell.") {
		t.Errorf("text of the deep page: %q", text)
	}
	// Script inside the deep part stays out of the text.
	page = "<html><body><article>" + strings.Repeat("<div>", 600) + "<script>var Hytera = 1;</script><p>Radios.</p>" + strings.Repeat("</div>", 600) + "</article></body></html>"
	text, _, err = ArticleFromFile("deep.html", []byte(page))
	if err != nil || strings.Contains(text, "Hytera") || !strings.Contains(text, "Radios.") {
		t.Errorf("deep page with a script: %q, %v", text, err)
	}
}
