//go:build !js

package main

import (
	"bytes"
	"fmt"
	"os"
	"sort"
	"strings"

	"factcard/wasm/engine"
)

// The prefilter lets the widget skip the engine on pages that cannot hold a
// mention. Every name has a key: the start of the name as the engine folds
// it. When the engine finds a name, the text folded the same way holds the
// name, so it holds the key; a page whose folded text holds no key has no
// mention. A name that starts with a letter or digit (a–z, 0–9 once folded)
// must start a word, as the engine requires, so its key counts only where
// it starts a word: "sense time" inside prose, not "nonsense timer".
// widget/prefilter.js folds text with a table generated here from the
// engine's own Normalize and finds the keys by hashing the characters from
// each word start. docs/performance.md explains the design.

// Key lengths: a name that starts a word is keyed on up to 12 characters
// ("executive or", "china mobile"), rare in prose; other names (Chinese,
// Japanese) on up to 4, as the widget hashes from every such character.
const (
	wordKeyRunes  = 12
	otherKeyRunes = 4
)

// foldedOf returns s folded as the engine folds text (case, width,
// diacritics, dashes, quotes and white space).
func foldedOf(s string) []rune { return engine.Normalize(s).Folded }

// startsWord reports folded characters after which a name that starts with
// a letter or digit cannot start: the widget's test, which the engine's
// isWordRune implies.
func startsWord(r rune) bool { return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' }

// prefilterKey returns a folded name's key: its first wordKeyRunes
// characters when it starts with a letter or digit, else its first
// otherKeyRunes; only characters of the Basic Multilingual Plane (one
// UTF-16 unit, as the widget reads text).
func prefilterKey(folded []rune) ([]rune, error) {
	n := otherKeyRunes
	if len(folded) > 0 && startsWord(folded[0]) {
		n = wordKeyRunes
	}
	k := folded[:min(n, len(folded))]
	for i, r := range k {
		if r >= 0x10000 {
			k = k[:i]
			break
		}
	}
	if len(k) == 0 {
		return nil, fmt.Errorf("the name %q has no character the prefilter can key on", string(folded))
	}
	return k, nil
}

func isSurrogate(r rune) bool { return r >= 0xD800 && r <= 0xDFFF }

// prefilterTables returns the keys of every pattern (joined by "|" in the
// script, as keys hold spaces) in two lists: endKeys are whole names that
// end with a letter or digit, which the engine takes only where a word ends
// (or a genitive "s" follows: "Huaweis"), and keys are the others. Then the
// folding the widget must apply (pairs: a character, then what the engine
// folds it to; only characters that fold into a key's character) and the
// characters the engine drops.
func prefilterTables(d *engine.Dataset) (keys, endKeys []string, fold, drop string, err error) {
	endsWord := map[string]bool{} // false once any name has the key as a mere prefix
	inKeys := map[rune]bool{}
	for i := range d.Patterns {
		name := foldedOf(string(d.Patterns[i].Exact))
		k, err := prefilterKey(name)
		if err != nil {
			return nil, nil, "", "", err
		}
		if strings.ContainsRune(string(k), '|') {
			return nil, nil, "", "", fmt.Errorf("the key %q holds the separator |", string(k))
		}
		whole := len(k) == len(name) && startsWord(k[len(k)-1])
		if prev, ok := endsWord[string(k)]; !ok || prev {
			endsWord[string(k)] = whole
		}
		for _, r := range k {
			inKeys[r] = true
		}
	}
	for k, whole := range endsWord {
		if whole {
			endKeys = append(endKeys, k)
		} else {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	sort.Strings(endKeys)
	var f, dr strings.Builder
	for r := rune(0); r < 0x10000; r++ {
		if isSurrogate(r) {
			continue
		}
		out := foldedOf(string(r))
		switch {
		case len(out) == 0:
			dr.WriteRune(r)
		case out[0] != r && inKeys[out[0]]:
			f.WriteRune(r)
			f.WriteRune(out[0])
		case out[0] == r:
		default:
			continue
		}
		// A key's character must be its own folded form, or the widget
		// would fold the text and the key apart.
		if inKeys[r] && (len(out) == 0 || out[0] != r) {
			return nil, nil, "", "", fmt.Errorf("the key character %q folds to %q", r, string(out))
		}
	}
	return keys, endKeys, f.String(), dr.String(), nil
}

// prefilterScript renders widget/prefilter.js with the tables of d.
func prefilterScript(d *engine.Dataset) ([]byte, error) {
	src, err := os.ReadFile("widget/prefilter.js")
	if err != nil {
		return nil, err
	}
	keys, endKeys, fold, drop, err := prefilterTables(d)
	if err != nil {
		return nil, fmt.Errorf("prefilter: %w", err)
	}
	for placeholder, value := range map[string]string{
		`"__PREFILTER_KEYS__"`:     strings.Join(keys, "|"),
		`"__PREFILTER_END_KEYS__"`: strings.Join(endKeys, "|"),
		`"__PREFILTER_FOLD__"`:     fold,
		`"__PREFILTER_DROP__"`:     drop,
	} {
		if !bytes.Contains(src, []byte(placeholder)) {
			return nil, fmt.Errorf("widget/prefilter.js lacks the placeholder %s", placeholder)
		}
		quoted, err := jsString(value)
		if err != nil {
			return nil, fmt.Errorf("prefilter: %w", err)
		}
		src = bytes.ReplaceAll(src, []byte(placeholder), []byte(quoted))
	}
	return src, nil
}

// jsString quotes s as a JavaScript string literal in printable ASCII,
// with every other character written as ~ and four hex digits (decoded by
// widget/prefilter.js): the minifier would turn \u escapes back into UTF-8,
// and a script served without a charset is read in the page's encoding.
func jsString(s string) (string, error) {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '~' || r >= 0x10000:
			return "", fmt.Errorf("the prefilter cannot carry the character %q", r)
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "~%04x", r)
		}
	}
	b.WriteByte('"')
	return b.String(), nil
}
