package data

import (
	"slices"
	"testing"
)

// TestRussianCases: a one-word company name in Cyrillic declines as a
// foreign masculine noun; a name ending in another vowel, a name of two
// words and a Latin name do not.
func TestRussianCases(t *testing.T) {
	for _, c := range []struct {
		name string
		want []string
	}{
		{"Хуавэй", []string{"Хуавэя", "Хуавэю", "Хуавэем", "Хуавэе"}},
		{"Тенсент", []string{"Тенсента", "Тенсенту", "Тенсентом", "Тенсенте"}},
		{"Синокемш", []string{"Синокемша", "Синокемшу", "Синокемшем", "Синокемше"}},
		{"Сяоми", nil},
		{"Чайна Мобайл", nil},
		{"Huawei", nil},
	} {
		if got := russianCases(c.name); !slices.Equal(got, c.want) {
			t.Errorf("russianCases(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}
