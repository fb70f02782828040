package engine

import "testing"

// Traditional and Japanese forms fold to the simplified one, so that a name
// written in any of them, or a mix (寧徳時代 with the Japanese 徳, 中国電信
// with a simplified 国), is one name.
func TestFoldHan(t *testing.T) {
	for in, want := range map[string]string{"中國移動": "中国移动", "寧徳時代": "宁德时代", "中国電信": "中国电信", "華為": "华为", "浪潮集団": "浪潮集团", "後": "後", "小米": "小米"} {
		if got := string(Normalize(in).Folded); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
	for i := 2; i < len(hanFolds); i += 2 {
		if hanFolds[i] <= hanFolds[i-2] {
			t.Fatalf("hanFolds is not sorted at %c", hanFolds[i])
		}
	}
}
