package data

import (
	"sync"
	"unicode"

	"github.com/longbridgeapp/opencc"

	"factcard/wasm/engine"
)

// Traditional forms. The press of Taiwan and Hong Kong writes a name the
// dataset gives in simplified characters in traditional ones ("蔚來汽車" for
// "蔚来汽车"). The engine folds the traditional
// characters that the dataset's names were seen with (wasm/engine/han.go),
// a table kept small because it travels in the WebAssembly runtime; every
// other character of a name is covered here, in the data: each Chinese name
// is converted with OpenCC (mainland to traditional, Taiwan and Hong Kong
// standards), and a form the engine does not fold back into the name is
// matched as a name too, under the name's rules.

var (
	converters     []*opencc.OpenCC
	convertersOnce sync.Once
)

// traditionalForms returns name's traditional forms that the engine does
// not fold to name's own folded form: none for a name without a Han
// character or with kana or Hangul (a Japanese or Korean name).
func traditionalForms(name string) []string {
	han := false
	for _, r := range name {
		switch {
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r):
			return nil
		case unicode.Is(unicode.Han, r):
			han = true
		}
	}
	if !han {
		return nil
	}
	convertersOnce.Do(func() {
		for _, c := range []string{"s2t", "s2tw", "s2hk"} {
			cc, err := opencc.New(c)
			if err != nil {
				// The module's own dictionaries, embedded: a broken
				// dependency, not bad data.
				panic("data: OpenCC's " + c + " converter: " + err.Error())
			}
			converters = append(converters, cc)
		}
	})
	own, _ := engine.NormalizeName(name)
	seen := map[string]bool{string(own): true}
	var out []string
	for _, cc := range converters {
		form, err := cc.Convert(name)
		if err != nil {
			continue
		}
		f, _ := engine.NormalizeName(form)
		if !seen[string(f)] {
			seen[string(f)] = true
			out = append(out, form)
		}
	}
	return out
}
