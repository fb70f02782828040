package engine

import "testing"

func TestLatin1Table(t *testing.T) {
	if len(latin1Base) != 0x180-0xC0 {
		t.Fatalf("latin1Base has %d entries, want %d", len(latin1Base), 0x180-0xC0)
	}
	for r, want := range map[rune]rune{'À': 'A', 'Ç': 'C', 'é': 'e', 'ñ': 'n', 'ø': 'o', 'ÿ': 'y', 'Ā': 'A', 'č': 'c',
		'Ł': 'L', 'ő': 'o', 'ś': 's', 'Ž': 'Z', 'ž': 'z', 'ů': 'u', 'ı': 'i', 'Æ': 'Æ', 'ß': 'ß', '×': '×'} {
		if got, _, _ := foldRune(r); got != want {
			t.Errorf("foldRune(%q) = %q, want %q", r, got, want)
		}
	}
}

func TestNormalizeKeepsUTF16Offsets(t *testing.T) {
	// "😀" takes two UTF-16 units; the soft hyphen and zero-width space are
	// dropped but counted; the run of spaces and the no-break space become
	// one space spanning all of them.
	s := "😀 Xiao\u00admi\u200b  \u00a0Ｘ’s"
	n := Normalize(s)
	if string(n.Folded) != "😀 xiaomi x's" {
		t.Fatalf("Folded = %q, want %q", string(n.Folded), "😀 xiaomi x's")
	}
	wantStart := []int32{0, 2, 3, 4, 5, 6, 8, 9, 11, 14, 15, 16}
	wantEnd := []int32{2, 3, 4, 5, 6, 8, 9, 11, 14, 15, 16, 17}
	for i := range wantStart {
		if n.Start[i] != wantStart[i] || n.End[i] != wantEnd[i] {
			t.Errorf("rune %d %q: span [%d,%d), want [%d,%d)", i, n.Folded[i], n.Start[i], n.End[i], wantStart[i], wantEnd[i])
		}
	}
	if string(n.Exact[2:8]) != "Xiaomi" {
		t.Errorf("Exact keeps case: %q", string(n.Exact))
	}
}

func TestSlice16(t *testing.T) {
	s := "😀 Xiaomi"
	if got := Slice16(s, 3, 9); got != "Xiaomi" {
		t.Errorf("Slice16 = %q", got)
	}
	if got := Slice16(s, 0, 2); got != "😀" {
		t.Errorf("Slice16 = %q", got)
	}
}

func TestSlicer16CutsInAnyOrder(t *testing.T) {
	s := "😀 Xiaomi and 小米 and ZTE"
	c := NewSlicer16(s)
	for _, tt := range []struct {
		start, end int32
		want       string
	}{
		{3, 9, "Xiaomi"}, {14, 16, "小米"}, {21, 24, "ZTE"}, // forward, as mentions come
		{0, 2, "😀"},     // back to the start
		{1, 2, ""},      // inside the surrogate pair: the end of the string
		{21, 99, "ZTE"}, // past the end
		{9, 3, ""},      // reversed
		{10, 13, "and"}, {3, 9, "Xiaomi"},
	} {
		if got := c.Slice(tt.start, tt.end); got != tt.want {
			t.Errorf("Slice(%d, %d) = %q, want %q", tt.start, tt.end, got, tt.want)
		}
		if got := Slice16(s, tt.start, tt.end); got != tt.want {
			t.Errorf("Slice16(%d, %d) = %q, want %q", tt.start, tt.end, got, tt.want)
		}
	}
}
