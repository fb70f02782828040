package data

import (
	"slices"
	"testing"

	"factcard/wasm/engine"
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

// TestSpelledAcronyms pins an acronym read out letter by letter in Persian,
// Arabic and Hindi ("سی‌ای‌تی‌ال" for CATL in the second blind part; the
// Persian ZTE "زد‌تی‌ای" is in press use), and the names left out.
func TestSpelledAcronyms(t *testing.T) {
	for _, c := range []struct {
		name string
		want []string
	}{
		{"CATL", []string{"سی ای تی ال", "سیایتیال", "سي إيه تي إل", "सीएटीएल"}},
		{"ZTE", []string{"زد تی ای", "زد تي إي", "ज़ेडटीई"}},
		{"DJI", []string{"دی جی آی", "دي جي آي", "डीजेआई", "डी जे आई"}},
		{"TP", nil},     // two letters: too often a word
		{"COSCOS", nil}, // six
		{"Huawei", nil}, // not an acronym
	} {
		got := spelledAcronyms(c.name)
		if len(c.want) == 0 && len(got) > 0 {
			t.Errorf("spelledAcronyms(%q) = %q, want none", c.name, got)
		}
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("spelledAcronyms(%q) = %q, lacks %q", c.name, got, w)
			}
		}
	}
}

// TestKoreanChinaSpacing pins the other spacing of a Korean name that begins
// with a word for China ("차이나 모바일" for 차이나모바일, first blind part).
func TestKoreanChinaSpacing(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"차이나모바일", "차이나 모바일"},
		{"차이나 텔레콤", "차이나텔레콤"},
		{"중국교통건설", "중국 교통건설"},
		{"화웨이", ""},
		{"차이나", ""},
	} {
		got, ok := koreanChinaSpacing(c.name)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("koreanChinaSpacing(%q) = %q, %v; want %q", c.name, got, ok, c.want)
		}
	}
}

// TestSpelledAcronymsAreOneCompanys: letters fold together when read out
// (B and P are both بي in Arabic; A, E and I fold to one Persian letter
// name), so two companies' acronyms may read out the same; none may, or a
// mention would go to whichever was compiled first.
func TestSpelledAcronymsAreOneCompanys(t *testing.T) {
	d, err := Load("../data")
	if err != nil {
		t.Fatal(err)
	}
	owner := map[string]string{}
	for _, e := range d.Entities {
		if e.Kind != "company" {
			continue
		}
		for _, n := range e.Names {
			if n.Case != "exact" || len(n.Context) > 0 {
				continue
			}
			for _, form := range spelledAcronyms(n.Text) {
				f, _ := engine.NormalizeName(form)
				if o, ok := owner[string(f)]; ok && o != e.ID {
					t.Errorf("%q (%s) reads out as %q, as an acronym of %s does", n.Text, e.ID, form, o)
				}
				owner[string(f)] = e.ID
			}
		}
	}
	if len(owner) < 20 {
		t.Errorf("only %d spelled forms", len(owner))
	}
}
