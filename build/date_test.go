//go:build !js

package main

import (
	"net/http"
	"strings"
	"testing"

	"factcard/build/report"
)

// datePages are pages whose dates disagree or are only printed; want is
// the day both the report and the widget take, source what the widget says
// it used.
var datePages = []struct {
	name, html, want, source string
}{
	{"og-is-modified", `<html lang="en"><head>
<meta property="article:published_time" content="2023-05-02T08:10:00Z">
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-05-01T21:30:00-04:00", "dateModified": "2023-05-02T08:10:00Z"}</script>
</head><body><article><p>Huawei is on the Entity List.</p></article></body></html>`, "2023-05-01", "JSON-LD datePublished"},
	{"itemprop-earliest", `<html><head><meta property="article:published_time" content="2021-02-11"><meta name="parsely-pub-date" content="2021-02-12"></head>
<body><article><span itemprop="datePublished" content="2021-02-10"></span><p>Xiaomi went to court.</p></article></body></html>`, "2021-02-10", "itemprop=datePublished"},
	{"german-printed", `<html lang="de"><head></head><body><article><header><time>1. Mai 2023</time></header><p>Huawei steht auf der Entity List.</p></article></body></html>`, "2023-05-01", "article header <time>"},
	{"french-printed", `<html lang="fr"><head></head><body><article><header><p>Publié le <time>1er mai 2023</time></p></header><p>Huawei figure sur l'Entity List.</p></article></body></html>`, "2023-05-01", "article header <time>"},
	{"chinese-printed", `<html lang="zh-CN"><head></head><body><article><header><time>2023年5月1日 08:00</time></header><p>华为被列入实体清单。</p></article></body></html>`, "2023-05-01", "article header <time>"},
	{"english-ordinal", `<html lang="en-US"><head><meta property="article:published_time" content="not a date"></head><body><article><header><time>May 1st, 2023</time></header><p>Huawei is on the Entity List.</p></article></body></html>`, "2023-05-01", "article header <time>"},
	{"slashes-in-datetime", `<html lang="ja"><head></head><body><article><header><time datetime="2023/05/01">5月1日</time></header><p>Huawei.</p></article></body></html>`, "2023-05-01", "article header <time>"},
}

// TestFindDateNative: the report takes the earliest declared publication
// date and reads printed dates in the page's language.
func TestFindDateNative(t *testing.T) {
	for _, p := range datePages {
		_, date, err := report.ArticleFromFile(p.name+".html", []byte(p.html))
		if err != nil {
			t.Fatal(err)
		}
		if date != p.want {
			t.Errorf("%s: date %q, want %q", p.name, date, p.want)
		}
	}
}

// TestBrowserFindDate: the widget takes the same day and names its source
// in factcard:ready's detail.
func TestBrowserFindDate(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("/", distHandler(builtDist))
	for _, p := range datePages {
		page := strings.Replace(p.html, "</body>", `<script src="/factcard.js" defer></script></body>`, 1)
		mux.HandleFunc("/dates/"+p.name, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(page))
		})
	}
	ctx := newBrowser(t)
	url := serveDist(t, mux)
	for _, p := range datePages {
		navigate(t, ctx, url+"/dates/"+p.name)
		ev := waitEvent(t, ctx)
		if ev.Type != "factcard:ready" {
			t.Fatalf("%s: %+v", p.name, ev)
		}
		source := eval[string](t, ctx, `window.__factcardEvents[0].detail.articleDateSource || ""`)
		if ev.Detail.ArticleDate == nil || *ev.Detail.ArticleDate != p.want || source != p.source {
			t.Errorf("%s: articleDate %v from %q, want %s from %q", p.name, deref(ev.Detail.ArticleDate), source, p.want, p.source)
		}
	}
}
