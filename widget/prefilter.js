// factcard prefilter: says whether a text may hold a name the engine would
// find, without the engine. Every name has a key, the start of the name as
// the engine folds text; the text is folded with the engine's own table and
// searched for the keys. It may let through a text with no mention, never
// the reverse. The build fills in the tables (build/prefilter.go);
// docs/performance.md explains the design. The widget takes the scanner from
// globalThis.__factcardPrefilter and removes it.
globalThis.__factcardPrefilter = (() => {
  "use strict";
  // The tables are ASCII, with ~ and four hex digits for any other UTF-16
  // unit, so that they survive a script read in the page's encoding.
  const unescape = (s) => s.replace(/~([0-9a-f]{4})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
  const KEYS = unescape("__PREFILTER_KEYS__"); // keys separated by |
  // Whole names ending in a letter or digit: they count only where no
  // letter or digit follows, except a genitive "s" ("Huaweis").
  const END_KEYS = unescape("__PREFILTER_END_KEYS__");
  const FOLD = unescape("__PREFILTER_FOLD__"); // pairs: a character, then its folded form
  const DROP = unescape("__PREFILTER_DROP__"); // characters the engine ignores
  const WORD_KEY = 12, OTHER_KEY = 4; // longest keys (build/prefilter.go)

  // A key is looked up by the hash of its characters in a bit set; a hit
  // is then checked against the keys themselves.
  const keys = new Set(KEYS.split("|")), endKeys = new Set(END_KEYS.split("|"));
  const BITS = 1 << 20;
  const seen = new Int32Array(BITS >>> 5);
  const step = (h, c) => Math.imul(h ^ c, 0x01000193);
  const START = 0x811c9dc5 | 0;
  for (const k of [...keys, ...endKeys]) {
    let h = START;
    for (let i = 0; i < k.length; i++) h = step(h, k.charCodeAt(i));
    seen[(h & (BITS - 1)) >>> 5] |= 1 << (h & 31);
  }

  // folded[c]: the engine's folded form of UTF-16 unit c, 0 for one it
  // drops (dropping more than the engine only lets more through).
  const folded = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) folded[c] = c;
  for (let i = 0; i < FOLD.length; i += 2) folded[FOLD.charCodeAt(i)] = FOLD.charCodeAt(i + 1);
  for (let i = 0; i < DROP.length; i++) folded[DROP.charCodeAt(i)] = 0;
  folded[0] = 0;
  const wordChar = (c) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);

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
    let open = 0, prev = 0x20, at = 0, endKeyJustSeen = false;
    const last = (n) => { // the last n folded characters as a string
      let s = "";
      for (let k = n; k > 0; k--) s += String.fromCharCode(recent[(at - k + WORD_KEY) % WORD_KEY]);
      return s;
    };
    return function scan(text, from, to) {
      for (let i = from; i < to; i++) {
        const c = folded[text.charCodeAt(i)];
        if (c === 0) continue; // dropped
        if (endKeyJustSeen) {
          if (!wordChar(c) || c === 0x73) return true;
          endKeyJustSeen = false;
        }
        if (c === 0x20 && prev === 0x20) continue; // a run of space
        const word = wordChar(c);
        if (word ? !wordChar(prev) : c !== 0x20) {
          hashes[open] = START;
          used[open] = 0;
          limit[open++] = word ? WORD_KEY : OTHER_KEY;
        }
        prev = c;
        recent[at] = c;
        at = (at + 1) % WORD_KEY;
        let kept = 0;
        for (let j = 0; j < open; j++) {
          const h = step(hashes[j], c), n = used[j] + 1;
          if (seen[(h & (BITS - 1)) >>> 5] & (1 << (h & 31))) {
            const s = last(n);
            if (keys.has(s)) return true;
            if (endKeys.has(s)) endKeyJustSeen = true;
          }
          if (n < limit[j]) { hashes[kept] = h; used[kept] = n; limit[kept++] = limit[j]; }
        }
        open = kept;
      }
      return endKeyJustSeen;
    };
  };
})();
