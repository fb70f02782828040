//go:build !js

package report

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseHTML parses a page as a browser does. Go's HTML parser refuses a page
// nested deeper than 512 elements; a browser reads it, attaching what lies
// deeper to the elements it has open. So a page the parser refuses is
// parsed again with the start and end tags beyond a depth left out and
// their text kept.
func parseHTML(b []byte) (*html.Node, error) {
	doc, err := html.Parse(bytes.NewReader(b))
	for _, depth := range []int{256, 64} {
		if err == nil || !strings.Contains(err.Error(), "exceeds 512 nodes") {
			break
		}
		doc, err = html.Parse(bytes.NewReader(flattenBeyond(b, depth)))
	}
	return doc, err
}

// flattenBeyond copies a page, leaving out the tags of elements opened
// deeper than depth (and their end tags), keeping all text.
func flattenBeyond(b []byte, depth int) []byte {
	z := html.NewTokenizer(bytes.NewReader(b))
	out := make([]byte, 0, len(b))
	type open struct {
		name string
		kept bool
	}
	var stack []open
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if voidElement[a] {
				break
			}
			// Raw-text elements keep their tags, or their content would
			// be read as text.
			kept := len(stack) < depth || rawTextElement[a]
			stack = append(stack, open{string(name), kept})
			if !kept {
				continue
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i].name == string(name) {
					kept := stack[i].kept
					stack = stack[:i]
					if !kept {
						raw = nil
					}
					break
				}
			}
		}
		out = append(out, raw...)
	}
}

var voidElement = map[atom.Atom]bool{atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Source: true,
	atom.Track: true, atom.Wbr: true}

var rawTextElement = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Textarea: true, atom.Title: true,
	atom.Xmp: true, atom.Iframe: true, atom.Noembed: true, atom.Noframes: true, atom.Noscript: true, atom.Plaintext: true}
