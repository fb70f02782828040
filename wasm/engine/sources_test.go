package engine_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"
)

// Every source links the document it names: never a search page, and an
// agency's own release, list or FAQ is on a government site or in a
// document archive, not in a trade-press article about it.
func TestSourcesLinkTheirDocuments(t *testing.T) {
	// Archives that serve copies of the documents themselves.
	archives := []string{"docslib.org"}
	for _, s := range realDataset(t).Sources {
		u, err := url.Parse(s.URL)
		if err != nil || u.Host == "" {
			t.Errorf("%s: %q is not a URL", s.ID, s.URL)
			continue
		}
		path := strings.ToLower(u.Path + "?" + u.RawQuery)
		if strings.Contains(path, "/search") || u.Query().Has("q") || u.Query().Has("query") || u.Query().Has("search") {
			t.Errorf("%s: %s is a search page, not a document", s.ID, s.URL)
		}
		host := strings.ToLower(u.Hostname())
		official := strings.HasSuffix(host, ".gov") || strings.HasSuffix(host, ".mil") || slices.ContainsFunc(archives, func(a string) bool {
			return host == a || strings.HasSuffix(host, "."+a)
		})
		if (s.Kind == "release" || s.Kind == "list" || s.Kind == "faq") && governmentPublisher(s.Publisher) && !official {
			t.Errorf("%s: %q by %s links %s, which is not the agency's site", s.ID, s.Title, s.Publisher, host)
		}
	}
}

func governmentPublisher(p string) bool {
	for _, w := range []string{"U.S. ", "Department of", "Federal Communications Commission", "Bureau of", "Office of", "Court", "White House", "Treasury"} {
		if strings.Contains(p, w) {
			return true
		}
	}
	return false
}
