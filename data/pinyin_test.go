package data

import (
	"slices"
	"testing"
)

// TestPinyinForms pins the romanizations the press writes for four-character
// names (first and second blind parts: "Haikang Weishi", "Keda Xunfei"),
// every reading of a character with two ("长鑫存储": the press writes
// "Changxin"), and the names left out.
func TestPinyinForms(t *testing.T) {
	for _, c := range []struct {
		name string
		want []string // among the forms
		none bool
	}{
		{"海康威视", []string{"Haikang Weishi"}, false},
		{"海康威視", []string{"Haikang Weishi"}, false}, // traditional characters
		{"科大讯飞", []string{"Keda Xunfei"}, false},
		{"长鑫存储", []string{"Changxin Cunchu", "Zhangxin Cunchu"}, false},
		{"商汤科技有限公司", []string{"Shangtang Keji"}, false}, // the legal form cut first
		{"小米", nil, true},     // two syllables: a brand the data writes itself
		{"大疆创新科技", nil, true}, // six
		{"Huawei", nil, true},
	} {
		got := pinyinForms(c.name)
		if c.none && len(got) > 0 {
			t.Errorf("pinyinForms(%q) = %q, want none", c.name, got)
		}
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("pinyinForms(%q) = %q, lacks %q", c.name, got, w)
			}
		}
	}
}
