package engine

import (
	"encoding/json"
	"testing"
)

// appendJSONString must write what encoding/json reads back as the same
// string, with U+2028 and U+2029 escaped (they end a line in JavaScript).
// It copies runs without escapes whole, so each case puts an escape at a
// run's start, middle and end.
func TestAppendJSONString(t *testing.T) {
	for _, s := range []string{
		"", "plain", `"`, `a"b`, `ab\`, "\\\"", "\n", "x\ty\r\n", "\x00\x1f", "end\x01",
		"\u2028", "a\u2029b", "\u2026 and \u20ac", // U+2026 and U+20AC share the first byte 0xe2
		"华为 \u2028华为", "\xe2", "\xe2\x80", "a\xe2\x80\xa8", "invalid \xff byte",
	} {
		checkJSONString(t, s)
	}
}

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"plain", "a\"b\\c\n", "\u2028\u2029\u2026"} {
		f.Add(s)
	}
	f.Fuzz(checkJSONString)
}

func checkJSONString(t *testing.T, s string) {
	b := appendJSONString(nil, s)
	var got string
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("%q: %s does not parse: %v", s, b, err)
	}
	want := s
	if w, _ := json.Marshal(s); json.Unmarshal(w, &want) != nil {
		t.Fatalf("%q: encoding/json fails", s)
	}
	if got != want { // invalid UTF-8 reads back as U+FFFD from either
		t.Errorf("%q: read back as %q, want %q", s, got, want)
	}
	for i := 0; i+2 < len(b); i++ {
		if b[i] == 0xe2 && b[i+1] == 0x80 && (b[i+2] == 0xa8 || b[i+2] == 0xa9) {
			t.Errorf("%q: %s holds a raw line separator", s, b)
		}
	}
}
