package engine

// A small JSON writer: the bridge hands cards to JavaScript as JSON text,
// which the browser parses natively. Writing JSON needs no reflection, so
// encoding/json stays out of the WebAssembly binary.
type jsonWriter struct {
	b     []byte
	comma bool
}

func (w *jsonWriter) sep() {
	if w.comma {
		w.b = append(w.b, ',')
	}
	w.comma = true
}
func (w *jsonWriter) key(k string) {
	w.sep()
	w.b = appendJSONString(w.b, k)
	w.b = append(w.b, ':')
	w.comma = false
}
func (w *jsonWriter) open(c byte)  { w.sep(); w.b = append(w.b, c); w.comma = false }
func (w *jsonWriter) close(c byte) { w.b = append(w.b, c); w.comma = true }
func (w *jsonWriter) str(k, v string) {
	w.key(k)
	w.sep()
	w.b = appendJSONString(w.b, v)
}
func (w *jsonWriter) num(k string, v int) {
	w.key(k)
	w.sep()
	w.b = appendInt(w.b, v)
}
func (w *jsonWriter) boolean(k string, v bool) {
	w.key(k)
	w.sep()
	if v {
		w.b = append(w.b, "true"...)
	} else {
		w.b = append(w.b, "false"...)
	}
}
func (w *jsonWriter) strs(k string, v []string) {
	w.key(k)
	w.open('[')
	for _, s := range v {
		w.sep()
		w.b = appendJSONString(w.b, s)
	}
	w.close(']')
}

// appendJSONString quotes s as JSON: strconv.Quote's Go escapes (\x..) are
// not JSON, so control characters get \u escapes here.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, '\\', 'n')
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

func (w *jsonWriter) status(k string, s CardStatus) {
	w.key(k)
	w.open('{')
	w.str("state", s.State)
	w.boolean("listed", s.Listed)
	w.str("since", s.Since)
	w.str("text", s.Text)
	w.num("source", s.Source)
	w.str("effect", s.Effect)
	w.str("effectState", s.EffectState)
	w.num("effectSource", s.EffectSource)
	w.close('}')
}

func (w *jsonWriter) source(s CardSource) {
	w.open('{')
	for _, f := range [][2]string{{"title", s.Title}, {"publisher", s.Publisher}, {"url", s.URL}, {"citation", s.Citation}, {"date", s.Date}} {
		w.str(f[0], f[1])
	}
	w.close('}')
}

// AppendJSON writes the card as a JSON object.
func (c *Card) AppendJSON(b []byte) []byte {
	w := &jsonWriter{b: b}
	w.open('{')
	for _, f := range [][2]string{{"id", c.ID}, {"kind", c.Kind}, {"name", c.Name}, {"short", c.Short},
		{"summary", c.Summary}, {"effect", c.Effect}, {"title", c.Title}, {"citation", c.Citation},
		{"number", c.Number}, {"authority", c.Authority}, {"basis", c.Basis},
		{"articleDate", c.ArticleDate}, {"asOf", c.AsOf}, {"datasetVersion", c.Version}} {
		w.str(f[0], f[1])
	}
	w.boolean("sanction", c.Sanction)
	w.boolean("onNoListOnArticleDate", c.OnNoListOnArticleDate)
	w.num("source", c.SourceIndex)
	w.strs("tickers", c.Tickers)
	w.strs("chineseNames", c.ChineseNames)
	w.key("lists")
	w.open('[')
	for _, l := range c.Lists {
		w.open('{')
		w.str("id", l.ID)
		w.str("name", l.Name)
		w.str("effect", l.Effect)
		w.str("effectShort", l.EffectShort)
		w.boolean("sanction", l.Sanction)
		w.str("firstListed", l.FirstListed)
		w.str("checkedThrough", l.CheckedThrough)
		w.strs("asListed", l.AsListed)
		if c.ArticleDate != "" {
			w.status("onArticleDate", l.OnArticleDate)
		}
		w.status("asOf", l.AsOf)
		w.close('}')
	}
	w.close(']')
	w.key("events")
	w.open('[')
	for _, e := range c.Events {
		w.open('{')
		for _, f := range [][2]string{{"date", e.Date}, {"type", e.Type}, {"list", e.List}, {"asListed", e.AsListed}, {"note", e.Note}, {"by", e.By}} {
			w.str(f[0], f[1])
		}
		w.num("source", e.Source)
		w.close('}')
	}
	w.close(']')
	w.key("sources")
	w.open('[')
	for _, s := range c.Sources {
		w.source(s)
	}
	w.close(']')
	w.key("linked")
	w.open('[')
	for _, l := range c.Linked {
		w.open('{')
		w.str("id", l.ID)
		w.str("name", l.Name)
		w.close('}')
	}
	w.close(']')
	w.close('}')
	return w.b
}

// AppendClaimsJSON writes claims as a JSON array, each with its source.
func (d *Dataset) AppendClaimsJSON(b []byte, claims []Claim) []byte {
	w := &jsonWriter{b: b}
	w.open('[')
	for _, c := range claims {
		w.open('{')
		w.num("mention", c.Mention)
		w.num("start", int(c.Start))
		w.num("end", int(c.End))
		w.str("kind", c.Kind)
		w.str("says", c.Says)
		w.str("record", c.Record)
		w.str("note", c.Note)
		list := ""
		if c.List >= 0 {
			list = d.Entities[c.List].ID
		}
		w.str("list", list)
		if c.Source >= 0 {
			s := &d.Sources[c.Source]
			w.key("source")
			w.source(CardSource{Title: s.Title, Publisher: s.Publisher, URL: s.URL, Citation: s.Citation, Date: s.Day.String()})
		}
		w.close('}')
	}
	w.close(']')
	return w.b
}

func appendInt(b []byte, v int) []byte {
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	return appendPadded(b, v, 1)
}
