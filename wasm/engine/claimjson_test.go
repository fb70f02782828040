package engine_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"factcard/wasm/engine"
)

// TestClaimJSONIsOneShape: the claims JSON the page receives
// (AppendClaimsJSON, written without reflection) is byte for byte what the
// report writes for the same claims by ClaimView's tags: one shape, with
// empty note, list and citation left out by both.
func TestClaimJSONIsOneShape(t *testing.T) {
	d := realDataset(t)
	text := "Investors have until November 11, 2021, to sell their Xiaomi shares.\n" +
		"The ban covers the 58 companies of the annex to Executive Order 14032.\n" +
		"Xiaomi was added to the NS-CMIC list."
	ms := d.Find(text)
	views := d.ClaimViews(text, ms, d.Claims(text, ms, dayOf(t, "2021-07-01")))
	if len(views) < 2 {
		t.Fatalf("only %d claims: %+v", len(views), views)
	}
	// And one with nothing optional, and text JSON must escape.
	views = append(views, engine.ClaimView{ID: "x", Kind: "k", Text: "\"quoted\"\t\\ <b>&\u2028\u2029\r\n\x01 é", Says: "s", Record: "r", Mention: 3,
		Source: &engine.CardSource{Title: "t", Publisher: "p", URL: "https://example.org/?a=1&b=2", Date: "2021-01-01"}})
	for _, v := range views[:len(views)-1] {
		if v.Text == "" || v.Source == nil || v.Mention >= len(ms) || d.Entities[ms[v.Mention].Entity].ID != v.ID {
			t.Errorf("claim without its words, entity or source: %+v", v)
		}
	}
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(views); err != nil {
		t.Fatal(err)
	}
	got := engine.AppendClaimsJSON(nil, views)
	if !bytes.Equal(got, bytes.TrimSuffix(want.Bytes(), []byte("\n"))) {
		t.Errorf("AppendClaimsJSON:\n%s\nencoding/json of the same ClaimViews:\n%s", got, want.Bytes())
	}
	if string(engine.AppendClaimsJSON(nil, nil)) != "[]" {
		t.Errorf("no claims: %s", engine.AppendClaimsJSON(nil, nil))
	}
}
