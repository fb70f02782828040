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

// appendJSONString quotes s as JSON, escaping as encoding/json does (less
// its HTML escapes): strconv.Quote's Go escapes (\x..) are not JSON.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		// Runs that need no escape are copied whole: cards are mostly
		// prose, and a byte at a time made this the card's main cost.
		run := i
		for i < len(s) && s[i] >= 0x20 && s[i] != '"' && s[i] != '\\' && s[i] != 0xe2 {
			i++
		}
		b = append(b, s[run:i]...)
		if i == len(s) {
			break
		}
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\r':
			b = append(b, '\\', 'r')
		case c == '\t':
			b = append(b, '\\', 't')
		case c == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9):
			// U+2028 and U+2029 end a line in JavaScript source: escaped,
			// as encoding/json does.
			b = append(b, '\\', 'u', '2', '0', '2', hex[s[i+2]&15])
			i += 2
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
	w.str("title", s.Title)
	w.str("publisher", s.Publisher)
	w.str("url", s.URL)
	if s.Citation != "" {
		w.str("citation", s.Citation)
	}
	w.str("date", s.Date)
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

// ClaimView is a claim as JSON carries it, to the page (AppendClaimsJSON)
// and in the report (build/report encodes it by these tags): one shape for
// both, which a test holds the two writers to.
type ClaimView struct {
	ID      string      `json:"id"` // the entity mentioned
	Kind    string      `json:"kind"`
	Text    string      `json:"text"` // the words that make the claim
	Start   int32       `json:"start"`
	End     int32       `json:"end"`
	Says    string      `json:"says"`
	Record  string      `json:"record"`
	Note    string      `json:"note,omitempty"`
	List    string      `json:"list,omitempty"`
	Source  *CardSource `json:"source,omitempty"`
	Mention int         `json:"mention"` // index into the mentions
}

// ClaimViews names the entities, list and source of claims found in text
// with mentions.
func (d *Dataset) ClaimViews(text string, mentions []Mention, claims []Claim) []ClaimView {
	cut := NewSlicer16(text)
	views := make([]ClaimView, 0, len(claims))
	for _, c := range claims {
		v := ClaimView{ID: d.Entities[mentions[c.Mention].Entity].ID, Kind: c.Kind, Text: cut.Slice(c.Start, c.End),
			Start: c.Start, End: c.End, Says: c.Says, Record: c.Record, Note: c.Note, Mention: c.Mention}
		if c.List >= 0 {
			v.List = d.Entities[c.List].ID
		}
		if c.Source >= 0 {
			s := &d.Sources[c.Source]
			v.Source = &CardSource{Title: s.Title, Publisher: s.Publisher, URL: s.URL, Citation: s.Citation, Date: s.Day.String()}
		}
		views = append(views, v)
	}
	return views
}

// AppendClaimsJSON writes claims as a JSON array, as encoding/json would
// write the ClaimViews (empty note, list and citation left out).
func AppendClaimsJSON(b []byte, claims []ClaimView) []byte {
	w := &jsonWriter{b: b}
	w.open('[')
	for _, c := range claims {
		w.open('{')
		w.str("id", c.ID)
		w.str("kind", c.Kind)
		w.str("text", c.Text)
		w.num("start", int(c.Start))
		w.num("end", int(c.End))
		w.str("says", c.Says)
		w.str("record", c.Record)
		if c.Note != "" {
			w.str("note", c.Note)
		}
		if c.List != "" {
			w.str("list", c.List)
		}
		if c.Source != nil {
			w.key("source")
			w.source(*c.Source)
		}
		w.num("mention", c.Mention)
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
