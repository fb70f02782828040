//go:build !js

package report

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/goccy/go-json"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"factcard/wasm/engine"
)

// This file is the native twin of the widget's article finder
// (widget/factcard.js: FindArticle, articleText, findDate). Both follow the
// rules in docs/architecture.md, so that the report and the page find the
// same mentions at the same offsets; a browser test compares them.

// The rules below are the widget's too: the build writes these lists into
// widget/factcard.js (SKIP, BLOCKS, STRUCTURAL, BOILERPLATE), so they are
// said once, here.

// SkippedElements hold no article prose.
var SkippedElements = []string{"script", "style", "noscript", "template", "textarea", "input", "select", "option",
	"button", "svg", "math", "iframe", "object", "canvas", "video", "audio", "code", "pre", "kbd", "samp",
	"nav", "aside", "footer", "form", "head", "title"}

// BlockElements end a line of text: a name never runs across two of them.
var BlockElements = []string{"address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
	"figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "section", "table",
	"td", "th", "tr", "ul", "caption", "details", "summary"}

// StructuralElements are never skipped for a boilerplate word: page-level
// state classes such as "ads-enabled" or "has-big-ad" say nothing about the
// prose inside.
var StructuralElements = []string{"html", "body", "article", "main"}

// BoilerplateWords mark page furniture inside an article: share buttons,
// related-story teasers, ads, comment and cookie boxes. A class or id is
// split into words at punctuation and camelCase ("mbArticleShareBtn" has
// "share").
var BoilerplateWords = []string{"share", "sharing", "social", "related", "promo", "newsletter", "comment",
	"comments", "advert", "advertisement", "ad", "ads", "cookie", "consent", "subscribe", "recirc", "outbrain",
	"taboola", "sponsored", "badge", "badges", "teaser", "teasers", "recommended", "trending"}

var (
	skipped     = atomSet(SkippedElements)
	blocks      = atomSet(BlockElements)
	structural  = atomSet(StructuralElements)
	boilerplate = stringSet(BoilerplateWords)
)

// atomSet indexes element names by their atom; every name must have one
// (an element without an atom would stand for every unknown element).
func atomSet(names []string) map[atom.Atom]bool {
	set := make(map[atom.Atom]bool, len(names))
	for _, n := range names {
		a := atom.Lookup([]byte(n))
		if a == 0 {
			panic("article rules: " + n + " is not a known element")
		}
		set[a] = true
	}
	return set
}

func stringSet(words []string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[w] = true
	}
	return set
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func isSkipped(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if skipped[n.DataAtom] {
		return true
	}
	if v, ok := attr(n, "contenteditable"); ok && v != "false" {
		return true
	}
	if _, ok := attr(n, "hidden"); ok {
		return true
	}
	if v, _ := attr(n, "aria-hidden"); v == "true" {
		return true
	}
	if _, ok := attr(n, "data-factcard-skip"); ok {
		return true
	}
	if structural[n.DataAtom] {
		return false
	}
	cls, _ := attr(n, "class")
	id, _ := attr(n, "id")
	return hasBoilerplateToken(cls + " " + id)
}

func hasBoilerplateToken(s string) bool {
	word := make([]byte, 0, 16)
	flush := func() bool {
		hit := boilerplate[string(word)]
		word = word[:0]
		return hit
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			if i > 0 && s[i-1] >= 'a' && s[i-1] <= 'z' && flush() {
				return true
			}
			word = append(word, c+32)
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			word = append(word, c)
		default:
			if flush() {
				return true
			}
		}
	}
	return flush()
}

// articleText concatenates the prose under root: text nodes in document
// order, skipped subtrees left out, a newline at each block boundary.
func ArticleText(root *html.Node) string {
	var b strings.Builder
	newline := func() {
		s := b.String()
		if len(s) > 0 && s[len(s)-1] != '\n' {
			b.WriteByte('\n')
		}
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type == html.ElementNode && !isSkipped(c):
				block := blocks[c.DataAtom]
				if block {
					newline()
				}
				walk(c)
				if block {
					newline()
				}
			}
		}
	}
	walk(root)
	return b.String()
}

func textLen(n *html.Node) int { return len(strings.TrimSpace(ArticleText(n))) }

// findAll lists the elements under n that match, in document order.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	return find(n, match, false)
}

// findInProse is findAll without the subtrees that hold no prose.
func findInProse(n *html.Node, match func(*html.Node) bool) []*html.Node {
	return find(n, match, true)
}

func find(n *html.Node, match func(*html.Node) bool, prose bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if prose && isSkipped(n) {
			return
		}
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// FindArticle picks the article body: the <article> with the most text,
// else [itemprop=articleBody], else <main> or [role=main], else the element
// whose own paragraphs hold the most text, else <body>.
func FindArticle(doc *html.Node) *html.Node {
	largest := func(nodes []*html.Node) *html.Node {
		var best *html.Node
		bestLen := 0
		for _, n := range nodes {
			if l := textLen(n); l > bestLen {
				best, bestLen = n, l
			}
		}
		return best
	}
	if n := largest(findInProse(doc, func(n *html.Node) bool { return n.DataAtom == atom.Article })); n != nil {
		return n
	}
	if n := largest(findInProse(doc, func(n *html.Node) bool { v, _ := attr(n, "itemprop"); return v == "articleBody" })); n != nil {
		return n
	}
	if n := largest(findInProse(doc, func(n *html.Node) bool {
		v, _ := attr(n, "role")
		return n.DataAtom == atom.Main || v == "main"
	})); n != nil {
		return n
	}
	var best *html.Node
	bestLen := 0
	for _, n := range findInProse(doc, func(n *html.Node) bool { return true }) {
		l := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.P {
				l += textLen(c)
			}
		}
		if l > bestLen {
			best, bestLen = n, l
		}
	}
	if best != nil {
		return best
	}
	// As the widget's document.body: the body even when it looks skipped.
	if bodies := findAll(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body }); len(bodies) > 0 {
		return bodies[0]
	}
	return doc
}

// findDate reads the article's publication date as the widget does: the
// earliest of the dates the page declares as its publication
// (article:published_time, JSON-LD datePublished, itemprop=datePublished,
// Parse.ly and Dublin Core metadata), else a <time> in the article's header
// (its datetime or its printed words), else a date in the canonical URL. It
// returns the day as YYYY-MM-DD, or "".
func FindDate(doc, article *html.Node) string {
	lang := ""
	for _, h := range findAll(doc, func(n *html.Node) bool { return n.DataAtom == atom.Html }) {
		lang, _ = attr(h, "lang")
	}
	parse := func(raw string) string {
		if d, ok := engine.ParsePublishedIn(raw, lang); ok && raw != "" {
			return d.String()
		}
		return ""
	}
	earliest := ""
	add := func(raw string) {
		if d := parse(raw); d != "" && (earliest == "" || d < earliest) {
			earliest = d
		}
	}
	metas := findAll(doc, func(n *html.Node) bool { return n.DataAtom == atom.Meta })
	metaValues := func(key string) []string {
		var vs []string
		for _, m := range metas {
			p, _ := attr(m, "property")
			nm, _ := attr(m, "name")
			if v, _ := attr(m, "content"); v != "" && (strings.EqualFold(p, key) || strings.EqualFold(nm, key)) {
				vs = append(vs, v)
			}
		}
		return vs
	}
	for _, v := range metaValues("article:published_time") {
		add(v)
	}
	for _, s := range findAll(doc, func(n *html.Node) bool {
		t, _ := attr(n, "type")
		return n.DataAtom == atom.Script && t == "application/ld+json"
	}) {
		if s.FirstChild == nil {
			continue
		}
		var v any
		if json.Unmarshal([]byte(cdataRE.ReplaceAllString(s.FirstChild.Data, "")), &v) == nil {
			jsonLDDates(v, add)
		}
	}
	for _, n := range findAll(doc, func(n *html.Node) bool { v, _ := attr(n, "itemprop"); return v == "datePublished" }) {
		v, _ := attr(n, "content")
		if v == "" {
			v, _ = attr(n, "datetime")
		}
		add(v)
	}
	for _, key := range []string{"parsely-pub-date", "dcterms.created", "dc.date.issued", "dc.date", "date", "pubdate"} {
		for _, v := range metaValues(key) {
			add(v)
		}
	}
	if earliest != "" {
		return earliest
	}
	if article != nil {
		for _, h := range findAll(article, func(n *html.Node) bool { return n.DataAtom == atom.Header }) {
			for _, t := range findAll(h, func(n *html.Node) bool { return n.DataAtom == atom.Time }) {
				v, _ := attr(t, "datetime")
				if v == "" {
					v = textContent(t)
				}
				if d := parse(v); d != "" {
					return d
				}
			}
		}
	}
	// Last, a date in the page's canonical URL path (/2015/03/18/).
	urls := metaValues("og:url")
	for _, l := range findAll(doc, func(n *html.Node) bool { r, _ := attr(n, "rel"); return n.DataAtom == atom.Link && r == "canonical" }) {
		href, _ := attr(l, "href")
		urls = append([]string{href}, urls...)
	}
	for _, u := range urls {
		if m := urlDateRE.FindStringSubmatch(u); m != nil {
			if d := parse(m[1] + "-" + m[2] + "-" + m[3]); d != "" {
				return d
			}
		}
	}
	return ""
}

// textContent is the DOM's textContent: every text node under n, joined.
func textContent(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textContent(c))
	}
	return b.String()
}

// cdataRE strips the CDATA wrapper some sites put around JSON-LD.
var cdataRE = regexp.MustCompile(`^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$`)

// urlDateRE finds /YYYY/MM/DD/ in a URL path.
var urlDateRE = regexp.MustCompile(`/((?:19|20)\d\d)/(\d\d)/(\d\d)/`)

// jsonLDDates passes every datePublished string in a JSON-LD value to add,
// also inside @graph and arrays.
func jsonLDDates(v any, add func(string)) {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			jsonLDDates(e, add)
		}
	case map[string]any:
		if s, ok := x["datePublished"].(string); ok {
			add(s)
		}
		if g, ok := x["@graph"]; ok {
			jsonLDDates(g, add)
		}
	}
}

// ArticleFromFile returns the article text and the raw date of a file:
// HTML is parsed; Markdown and plain text are taken whole, less a Markdown
// file's front matter, whose date, published or publishDate field gives the
// date.
func ArticleFromFile(name string, b []byte) (text, date string, err error) {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".html") || strings.HasSuffix(lower, ".htm") || bytes.HasPrefix(bytes.TrimSpace(b), []byte("<")) {
		doc, err := parseHTML(b)
		if err != nil {
			return "", "", err
		}
		art := FindArticle(doc)
		return ArticleText(art), FindDate(doc, art), nil
	}
	s := string(b)
	if rest, ok := strings.CutPrefix(s, "---\n"); ok && (strings.HasSuffix(lower, ".md") || strings.HasSuffix(lower, ".markdown")) {
		if front, body, ok := strings.Cut(rest, "\n---\n"); ok {
			for _, line := range strings.Split(front, "\n") {
				k, v, _ := strings.Cut(line, ":")
				switch strings.ToLower(strings.TrimSpace(k)) {
				case "date", "published", "publishdate", "pubdate":
					if date == "" {
						date = strings.Trim(strings.TrimSpace(v), `"'`)
					}
				}
			}
			return body, date, nil
		}
	}
	return s, "", nil
}
