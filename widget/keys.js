// factcard prefilter, stage two (factcard-keys-HASH.js): loaded only when
// stage one (widget/prefilter.js, in factcard.js) finds a word of a name. It
// says whether a text may hold a name the engine would find, without the
// engine: every name has a key, the start of the name as the engine folds
// text; the text is folded with stage one's table and searched for the keys.
// It may let through a text with no mention, never the reverse. The build
// fills in the tables (build/prefilter.go); docs/performance.md explains the
// design. The widget takes globalThis.__factcardKeys and removes it.
//
// The engine client (widget/client.js) travels in this file too, joined at
// its placeholder below: a page needs it only after stage one found a word
// of a name, and by then this file is here, so a page without one never
// downloads it (issue #13: factcard.js within 15 KB).
globalThis.__factcardKeys = (() => {
"use strict";

"__ENGINE_CLIENT__";

// The widget calls this with stage one's scanner and what the engine client
// needs of the page (client.js): it gets stage two's scanner factory and the
// engine's start.
return (stageOne, page) => ({ scanner: stageTwo(stageOne), startEngine: engineStarter(page) });

function stageTwo(stageOne) {
  const { folded, applyFolds, hyphenBreak, frontDecoded, hashStep, HASH_START, bitTable, inTable, isLower,
    uncasedBefore } = stageOne;
  // The tables are ASCII, with ~ and four hex digits for any other UTF-16
  // unit, so that they survive a script read in the page's encoding.
  const unescape = (s) => s.replace(/~([0-9a-f]{4})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
  const KEYS = unescape("__PREFILTER_KEYS__"); // sorted and front-coded, as stage one's words
  // Whole names ending in a letter or digit: they count only where no
  // letter or digit follows, except a genitive "s" ("Huaweis") or a case
  // ending ("Huaweiem").
  const END_KEYS = unescape("__PREFILTER_END_KEYS__");
  // Keys a name may start in lower case; every other key counts only where
  // its first letter is not a lower-case letter in the text, as the engine
  // takes those names only with a capital there ("our best partner" is not
  // the Entity List's "BEST").
  const ANY_CASE_KEYS = unescape("__PREFILTER_ANY_CASE_KEYS__");
  // The starts of the words for China and for a company in other scripts: a
  // text with one of each may hold a name translated word by word
  // ("Национальная оффшорная нефтяная корпорация Китая"), which the engine
  // reads with no other name near (translated.go).
  const CHINA_KEYS = unescape("__PREFILTER_CHINA_KEYS__"), COMPANY_KEYS = unescape("__PREFILTER_COMPANY_KEYS__");
  const WORD_KEY = 17, OTHER_KEY = 4; // longest keys (build/prefilter.go)
  // Folds into characters only these keys hold (traditional forms of the Han
  // characters inside names), runs as in stage one's table: added to it.
  applyFolds(unescape("__PREFILTER_KEY_FOLD__"));

  // A key is looked up by the hash of its characters in a bit set (stage
  // one's, larger); a hit is then checked against the keys themselves.
  const keys = frontDecoded(KEYS), endKeys = frontDecoded(END_KEYS), anyCase = frontDecoded(ANY_CASE_KEYS);
  const china = frontDecoded(CHINA_KEYS), company = frontDecoded(COMPANY_KEYS);
  const seen = bitTable([...keys, ...endKeys, ...china, ...company], 1 << 20);
  const isLowerUnit = (u) => (u < 0x80 ? u >= 0x61 && u <= 0x7a : isLower(String.fromCharCode(u)));

  const wordChar = (c) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
  // The engine's genitive "s" and case endings (find.go, caseEndings), as
  // stage one reads them.
  const ENDINGS = new Set(stageOne.ENDINGS);
  let LONGEST_ENDING = 0;
  for (const e of ENDINGS) LONGEST_ENDING = Math.max(LONGEST_ENDING, e.length);

  // scanner returns scan(text, from, to): true when text[from, to) completes
  // a key. Calls on consecutive ranges of one text carry the state over, so
  // a key across the boundary is found; a call that ends just after an end
  // key answers true (it cannot see what follows).
  return function scanner() {
    // Hashes of the characters since each recent place a key may start:
    // a letter or digit that starts a word, or any character other than a
    // letter, digit or space. A hash is dropped after the longest key.
    const hashes = new Int32Array(WORD_KEY + 1), used = new Int32Array(WORD_KEY + 1),
      limit = new Int32Array(WORD_KEY + 1);
    const recent = new Uint16Array(WORD_KEY); // the last folded characters, a ring
    const recentAt = new Int32Array(WORD_KEY); // where each of them is in the text
    // ending: -1, or how many letters followed the end key just seen
    // (endingText), which count only as a whole genitive "s" or case ending.
    let open = 0, prev = 0x20, at = 0, ending = -1, endingText = "", skipTo = 0, sawChina = false, sawCompany = false;
    const last = (n) => { // the last n folded characters as a string
      let s = "";
      for (let k = n; k > 0; k--) s += String.fromCharCode(recent[(at - k + WORD_KEY) % WORD_KEY]);
      return s;
    };
    return function scan(text, from, to) {
      for (let i = Math.max(from, skipTo); i < to; i++) {
        const u = text.charCodeAt(i);
        // A Persian half space (ZWNJ) after an Arabic letter separates as a
        // space does, as in the engine (normalize.go), except before the
        // plural "ها"; elsewhere it is dropped.
        const c = u === 0x200c && prev >= 0x600 && prev <= 0x6ff && text.substr(i + 1, 2) !== "\u0647\u0627" ? 0x20 : folded[u];
        if (c === 0) continue; // dropped
        // A line break after a Chinese or Japanese character is dropped,
        // as the engine drops one inside such a name (normalize.go; it also
        // looks at what follows, so this only lets more through).
        if ((u === 0x0a || u === 0x0d) && prev >= 0x3040 && prev <= 0x9fff) continue;
        if (c === 0x2d) { // a word broken across lines ("Hua-\n wei") is one word, as in the engine
          const end = hyphenBreak(text, i, prev);
          if (end) { skipTo = end; i = end - 1; continue; }
        }
        if (ending >= 0) {
          // Past the key: a word's end, right after it or after a genitive
          // "s" or a case ending (find.go: "Huaweiem", "Hikvisionu"), but
          // not a longer word ("schooner" after the key "sch"). The engine
          // reads an ending only in lower case ("DJIA" is no case of DJI).
          if (!wordChar(c)) {
            if (ending === 0 || ENDINGS.has(endingText)) return true;
            ending = -1;
          } else if (ending < LONGEST_ENDING && isLowerUnit(u)) {
            endingText += String.fromCharCode(c);
            ending++;
          } else ending = -1;
        }
        if (c === 0x20 && prev === 0x20) continue; // a run of space
        const word = wordChar(c);
        if (word ? !wordChar(prev) : c !== 0x20) {
          hashes[open] = HASH_START;
          used[open] = 0;
          limit[open++] = word ? WORD_KEY : OTHER_KEY;
        }
        prev = c;
        recent[at] = c;
        recentAt[at] = i;
        if (++at === WORD_KEY) at = 0;
        let kept = 0;
        for (let j = 0; j < open; j++) {
          const h = hashStep(hashes[j], c), n = used[j] + 1;
          if (inTable(seen, h)) {
            const s = last(n);
            const start = recentAt[(at - n + WORD_KEY) % WORD_KEY];
            const cased = (keys.has(s) || endKeys.has(s)) &&
              (anyCase.has(s) || !isLowerUnit(text.charCodeAt(start)) || uncasedBefore(text, start));
            if (cased && keys.has(s)) return true;
            if (china.has(s)) sawChina = true;
            if (company.has(s)) sawCompany = true;
            if (sawChina && sawCompany) return true;
            if (cased && endKeys.has(s)) { ending = 0; endingText = ""; }
          }
          if (n < limit[j]) { hashes[kept] = h; used[kept] = n; limit[kept++] = limit[j]; }
        }
        open = kept;
      }
      return ending >= 0; // what follows is in the next call, or the text ends
    };
  };
}
})();
