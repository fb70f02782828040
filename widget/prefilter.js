// factcard prefilter, stage one: says whether a text may hold a name the
// engine would find, without the engine and with tables small enough for
// every page (build/prefilter.go chooses them; docs/performance.md explains
// the design). Every name holds one of a few words rare in prose ("huawei",
// "13959") or pairs of common ones ("bank china", from "Bank of China"), or
// starts with one of a few characters of another script; a text with none
// of them has no mention. A text with one goes on to stage
// two (widget/keys.js, loaded then), which checks the names' keys. A word
// near a brand that the engine takes misspelled ("Hauwei", "Hik vision"),
// or a common word that is a name with a legal form after it ("Best Co."),
// goes straight to the engine. It may let through a text with no mention,
// never the reverse. The widget takes globalThis.__factcardPrefilter and
// removes it.
globalThis.__factcardPrefilter = (() => {
  "use strict";
  // The tables are ASCII, with ~ and four hex digits for any other UTF-16
  // unit, so that they survive a script read in the page's encoding.
  const unescape = (s) => s.replace(/~([0-9a-f]{4})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
  // frontDecoded reads a sorted, front-coded list (build/prefilter.go,
  // frontCoded): a capital (A for 0 … Z for 25) says how many characters an
  // entry shares with the one before, the rest follows. Stage two's keys
  // travel the same way.
  // Each entry is cut whole from the list (a string per character made
  // the keys' list the longest part of their start). An entry followed by
  // a mark, a key of marks, goes into that set as well, without it.
  function frontDecoded(coded, marks) {
    const out = new Set();
    let prev = "";
    for (let i = 0; i < coded.length;) {
      let end = i + 1;
      for (let c = coded.charCodeAt(end); end < coded.length && !(c >= 0x41 && c <= 0x5a); c = coded.charCodeAt(++end));
      prev = prev.slice(0, coded.charCodeAt(i) - 0x41) + coded.slice(i + 1, end);
      const word = marks ? prev.replace(/[*^]+$/, "") : prev;
      for (const m of prev.slice(word.length)) marks[m].add(word);
      out.add(word);
      i = end;
    }
    return out;
  }
  // A word or a pair of words of each name; ENDING_WORDS, those of them
  // that end a name the engine reads with a case ending after it (marked
  // "*" in the list). A genitive "s" may follow any.
  // ANY_CASE_WORDS, the words (not pairs) that a name may write with a
  // lower-case initial (marked "^"): any other counts only capitalized, as
  // the engine reads those names ("cas" in French prose is no CAS).
  const ENDING_WORDS = new Set(), ANY_CASE_WORDS = new Set();
  const WORDS = frontDecoded(unescape("__PREFILTER_WORDS__"), { "*": ENDING_WORDS, "^": ANY_CASE_WORDS });
  const STARTS = unescape("__PREFILTER_STARTS__"); // first characters of names in other scripts
  const BRANDS = unescape("__PREFILTER_BRANDS__").split("|"); // misspelling targets, lower case
  const GLUE = unescape("__PREFILTER_GLUE__").split("|"); // words a pair skips ("of")
  // Common words that are names only with a legal form after them ("Best
  // Co., Ltd."), and the first words of the forms.
  const FORM_NAMES = new Set(unescape("__PREFILTER_FORM_NAMES__").split("|"));
  const FORMS = new Set(unescape("__PREFILTER_FORMS__").split("|"));
  // Runs (build/prefilter.go, foldRuns): from, to, "=" and the folded form
  // of them all, or "+" and the folded form of from, the next ones following.
  const FOLD = unescape("__PREFILTER_FOLD__");
  const DROP = unescape("__PREFILTER_DROP__"); // runs, from and to, of characters the engine ignores
  // Runs, from and to, of Latin letters the engine keeps inside a word and
  // no name holds ("ș" in "Kașpersky", a misspelling): read as "0", a
  // letter of the word that no name's matches there.
  const LETTERS = unescape("__PREFILTER_LETTERS__");
  const LONGEST_WORD = 48; // longer runs of letters hold no name's word
  // Verdicts, in order of strength: nothing; a word of a name (check the
  // keys); the engine at once (a misspelling, or a form name with its form).
  const NONE = 0, WORD = 1, ENGINE = 2;

  // folded[c]: the engine's folded form of UTF-16 unit c, 0 for one it
  // drops (dropping more than the engine only lets more through).
  const folded = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) folded[c] = c;
  // applyFolds writes a table of fold runs into folded; stage two adds its
  // own (keys.js) the same way.
  function applyFolds(runs) {
    for (let i = 0; i < runs.length; i += 4) {
      const from = runs.charCodeAt(i), target = runs.charCodeAt(i + 3), step = runs[i + 2] === "+" ? 1 : 0;
      for (let c = from; c <= runs.charCodeAt(i + 1); c++) folded[c] = target + step * (c - from);
    }
  }
  applyFolds(FOLD);
  for (let i = 0; i < DROP.length; i += 2) folded.fill(0, DROP.charCodeAt(i), DROP.charCodeAt(i + 1) + 1);
  for (let i = 0; i < LETTERS.length; i += 2) folded.fill(0x30, LETTERS.charCodeAt(i), LETTERS.charCodeAt(i + 1) + 1);
  folded[0] = 0;
  const isStart = new Uint8Array(0x10000);
  for (let i = 0; i < STARTS.length; i++) isStart[STARTS.charCodeAt(i)] = 1;
  // Built without Array.prototype.push, which a page may have broken
  // before this script runs (TestBrowserBrokenBuiltins).
  // The brands as character codes, by their first (a folded letter or
  // digit, as every word the scanner reads is), so that a word is compared
  // in its buffer without becoming a string.
  const brandsByFirst = [];
  for (const b of BRANDS) {
    const codes = new Uint16Array(b.length);
    for (let k = 0; k < b.length; k++) codes[k] = b.charCodeAt(k);
    const list = brandsByFirst[codes[0]] || (brandsByFirst[codes[0]] = []);
    list[list.length] = codes;
  }
  const wordChar = (c) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
  const letterOrDigit = /^[\p{L}\p{N}]$/u;
  const isCJK = (c) => (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xac00 && c <= 0xd7af);
  // wordRune: the engine's isWordRune (normalize.go) on one UTF-16 unit.
  const wordRune = (c) => (c < 0x80 ? wordChar(c) || (c >= 0x41 && c <= 0x5a) : !isCJK(c) && letterOrDigit.test(String.fromCharCode(c)));
  const isLower = (ch) => ch !== ch.toUpperCase() && ch === ch.toLowerCase();
  const isCapital = (ch) => ch !== ch.toLowerCase();
  // uncasedBefore: a letter of a script without capitals (Arabic,
  // Devanagari, Hangul, Chinese, kana, or any astral unit) stands among the
  // six UTF-16 units before i. The engine reads a brand's Latin letters in
  // lower case as the brand between such letters (find.go, amidOtherScript).
  const uncasedBefore = (text, i) => {
    // Six units the engine keeps: it drops soft hyphens, zero-width
    // characters and combining marks before it looks (a bound on the rest).
    for (let k = i - 1, kept = 0; k >= 0 && kept < 6 && k >= i - 64; k--) {
      const u = text.charCodeAt(k);
      if (folded[u] === 0) continue;
      kept++;
      // A Latin letter or digit nearer: the engine stops there too.
      if (u < 0x80) {
        if ((u >= 0x30 && u <= 0x39) || ((u | 0x20) >= 0x61 && (u | 0x20) <= 0x7a)) return false;
        continue;
      }
      if ((u >= 0x600 && u <= 0x6ff) || (u >= 0x900 && u <= 0x97f) || (u >= 0x3040 && u <= 0x9fff) ||
        (u >= 0xac00 && u <= 0xd7af) || (u >= 0xd800 && u <= 0xdfff) || (u >= 0xf900 && u <= 0xfaff)) return true;
    }
    return false;
  };

  // hyphenBreak is the engine's rule for a word broken across lines
  // ("Hua-\n wei", normalize.go): at the hyphen at i after the folded
  // character prev, white space with a line break, then a lower-case
  // letter. It returns the index of that letter, or 0.
  function hyphenBreak(text, i, prev) {
    if (!wordRune(prev)) return 0;
    let newline = false;
    for (let k = i + 1; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x0a) newline = true;
      else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return newline && isLower(text[k]) ? k : 0;
    }
    return 0;
  }

  // isKey: k is a key, or one followed by a genitive "s" ("Huaweis") or a
  // Czech, Slovak or Polish case ending ("Huaweiem": find.go, caseEndings).
  const ENDINGS = ["s", "u", "e", "em", "a", "ovi", "om", "ou", "y"]; // the genitive first
  // With capital false (a word in lower case), a word that is no pair
  // counts only if a name may write it so.
  const isKey = (k, capital) => {
    const cased = (w) => capital || w.includes(" ") || ANY_CASE_WORDS.has(w);
    if (WORDS.has(k) && cased(k)) return true;
    for (let i = 0; i < ENDINGS.length; i++) {
      const e = ENDINGS[i], stem = k.slice(0, -e.length);
      if (k.length > e.length && k.endsWith(e) && (i ? ENDING_WORDS : WORDS).has(stem) && cased(stem)) return true;
    }
    return false;
  };

  // Most words of a text are in none of the sets above. The scanner hashes
  // each word as it reads it and makes a string of it only where the hash
  // is in the set's bit table (or the word is capitalized, for nearBrand),
  // which makes it several times faster than a lookup per word. Stage two
  // looks its keys up the same way, in a larger table.
  const hashStep = (h, c) => Math.imul(h ^ c, 0x01000193);
  const HASH_START = 0x811c9dc5 | 0, HASH_BITS = 1 << 16;
  // bitTable sets the bit of each word's hash in a table of size bits (a
  // power of two).
  function bitTable(words, size = HASH_BITS) {
    const bits = new Int32Array(size >>> 5);
    for (const w of words) {
      let h = HASH_START;
      for (let i = 0; i < w.length; i++) h = hashStep(h, w.charCodeAt(i));
      bits[(h & (size - 1)) >>> 5] |= 1 << (h & 31);
    }
    return bits;
  }
  const inTable = (bits, h) => (bits[(h & ((bits.length << 5) - 1)) >>> 5] & (1 << (h & 31))) !== 0;
  // The words' table is large enough that a word of prose is rarely taken
  // for one (each word is looked up with every ending cut off as well):
  // each hit costs a string.
  const wordBits = bitTable(WORDS, 1 << 20), endingBits = bitTable(ENDING_WORDS), glueBits = bitTable(GLUE), formNameBits = bitTable(FORM_NAMES);
  // The first words of pairs, after which a pair may complete.
  const pairFirstBits = bitTable([...WORDS].filter((w) => w.includes(" ")).map((w) => w.slice(0, w.indexOf(" "))));
  // endsWith: the word in buf, n characters long, ends with e.
  const endsWith = (buf, n, e) => {
    for (let k = 0; k < e.length; k++) if (buf[n - e.length + k] !== e.charCodeAt(k)) return false;
    return true;
  };
  const isGlue = (buf, n) => {
    for (let i = 0; i < GLUE.length; i++) if (GLUE[i].length === n && endsWith(buf, n, GLUE[i])) return true;
    return false;
  };
  // mayBeKey: whether the word of n characters in buf, whose prefixes hash
  // to hashes[0..n), may be a key, alone or before an ending.
  function mayBeKey(hashes, buf, n) {
    if (inTable(wordBits, hashes[n - 1])) return true;
    for (let i = 0; i < ENDINGS.length; i++) {
      const e = ENDINGS[i];
      if (n > e.length && endsWith(buf, n, e) && inTable(i ? endingBits : wordBits, hashes[n - 1 - e.length])) return true;
    }
    return false;
  }

  // nearBrand: the word of wn characters in w may be one of the engine's
  // misspellings of a brand (fuzzy.go, oneEdit): the brand's first letter,
  // a length within one of it, and between their common start and common
  // end one letter added, dropped or replaced, or two letters swapped, or a
  // doubled letter for another doubled one, the only edits oneEdit allows
  // (a looser test let "Bogen" through for Biren). The brand itself is a
  // word of a name, not a misspelling, except joined: two words written
  // together count only when they spell the brand exactly, as joinedWord
  // reads "Hik vision" (reading them as a misspelling let "He said" through
  // for Hesai, "In your" for Inspur, and with them most English text).
  function nearBrand(w, wn, joined) {
    const list = brandsByFirst[w[0]];
    if (!list) return false;
    for (let i = 0; i < list.length; i++) {
      const b = list[i], bn = b.length;
      if (wn - bn > 1 || bn - wn > 1) continue;
      const n = Math.min(wn, bn);
      let p = 0, s = 0;
      while (p < n && w[p] === b[p]) p++;
      if (p === wn && p === bn && joined) return true;
      if (p === wn && p === bn || joined) continue;
      while (s < n - p && w[wn - 1 - s] === b[bn - 1 - s]) s++;
      // A brand shorter than six letters (minFuzzyRunes) takes no letter
      // replaced, nor a double for a double: "Biden" is no Biren.
      const inWord = wn - p - s, inBrand = bn - p - s, short = bn < 6;
      if (inWord <= 1 && inBrand <= 1 && !(short && wn === bn)) return true;
      if (inWord === 2 && inBrand === 2 &&
        ((w[p] === b[p + 1] && w[p + 1] === b[p]) || (!short && w[p] === w[p + 1] && b[p] === b[p + 1]))) return true;
    }
    return false;
  }

  // scanner returns {scan(text, from, to), end()}: scan reads text[from,
  // to) and answers true once the text is sure to need the engine; end,
  // after the last call, gives the verdict: NONE, WORD (check the keys)
  // or ENGINE. Calls on consecutive ranges of one text carry the state
  // over, so a word across the boundary is read whole.
  function scanner() {
    const buf = new Uint16Array(LONGEST_WORD);
    // hashes[k]: the hash of the word's first k + 1 characters.
    const hashes = new Int32Array(LONGEST_WORD);
    let verdict = NONE;
    // The word before, for a brand split in two ("Hik vision"): kept while
    // only white space follows it, and only a capitalized one (beforeLength
    // 0: none); the word after it is copied behind it to be read joined.
    const before = new Uint16Array(2 * LONGEST_WORD);
    let beforeLength = 0;
    // The last word other than glue, for a key that pairs two of a name's
    // common words ("bank china"); glue between them is skipped, as in the
    // name. It is kept (pairFirst, pairFirstLength) where it may start a
    // pair, with the hash of it and a space, and pairHashes are the pair's
    // as the next word is read. lastIsFormName: it is a form name.
    const pairFirst = new Uint16Array(LONGEST_WORD), pairHashes = new Int32Array(LONGEST_WORD);
    let pairFirstLength = 0, pairFirstHash = 0, lastIsFormName = false;
    const wordString = (n) => String.fromCharCode.apply(null, buf.subarray(0, n));
    // endWord reads the word of n characters in buf (and hashes),
    // capitalized or not. It makes a string of the word only where a table
    // says it may be one of theirs: most words are in none.
    const endWord = (n, capital) => {
      if (n > LONGEST_WORD) { beforeLength = 0; return; }
      const h = hashes[n - 1];
      let w = null;
      if (mayBeKey(hashes, buf, n) && isKey((w = wordString(n)), capital)) verdict = Math.max(verdict, WORD);
      if (!(inTable(glueBits, h) && isGlue(buf, n))) {
        if (pairFirstLength) {
          let ph = pairFirstHash;
          for (let k = 0; k < n; k++) pairHashes[k] = ph = hashStep(ph, buf[k]);
          if (mayBeKey(pairHashes, buf, n) &&
            isKey(String.fromCharCode.apply(null, pairFirst.subarray(0, pairFirstLength)) + " " + (w || (w = wordString(n))), true)) {
            verdict = Math.max(verdict, WORD);
          }
        }
        if (lastIsFormName && FORMS.has(w || (w = wordString(n)))) verdict = ENGINE; // stage two holds no key for it (build/prefilter.go, formName)
        lastIsFormName = inTable(formNameBits, h) && FORM_NAMES.has(w || (w = wordString(n)));
        pairFirstLength = 0;
        if (inTable(pairFirstBits, h)) {
          for (let k = 0; k < n; k++) pairFirst[k] = buf[k];
          pairFirstLength = n;
          pairFirstHash = hashStep(h, 0x20);
        }
      }
      if (capital && n >= 5 && n <= 17 && nearBrand(buf, n, false)) verdict = ENGINE;
      if (beforeLength) {
        for (let k = 0; k < n; k++) before[beforeLength + k] = buf[k];
        if (nearBrand(before, beforeLength + n, true)) verdict = ENGINE;
      }
      beforeLength = 0;
      if (capital) {
        for (let k = 0; k < n; k++) before[k] = buf[k];
        beforeLength = n;
      }
    };
    // The loop keeps the word's state in locals, the fastest to read, and
    // hands it to the next call at the end.
    let len = 0, capital = false, prev = 0x20, skipTo = 0, h = HASH_START;
    function scan(text, from, to) {
      let n = len, cap = capital, p = prev, wh = h;
      for (let i = Math.max(from, skipTo); i < to && verdict < ENGINE; i++) {
        const c = folded[text.charCodeAt(i)];
        if (c === 0) continue; // dropped
        if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
          if (n === 0) {
            const u = text.charCodeAt(i);
            cap = (u < 0x80 ? u >= 0x41 && u <= 0x5a : isCapital(text[i])) || uncasedBefore(text, i);
            wh = HASH_START;
          }
          if (n < LONGEST_WORD) {
            buf[n] = c;
            hashes[n] = wh = hashStep(wh, c);
          }
          n++;
          p = c;
          continue;
        }
        if (c === 0x2d && n > 0) {
          const end = hyphenBreak(text, i, p);
          if (end) { skipTo = end; i = end - 1; continue; }
        }
        if (n > 0) { endWord(n, cap); n = 0; }
        if (c !== 0x20) beforeLength = 0; // only white space may split a brand
        if (isStart[c]) verdict = Math.max(verdict, WORD);
        p = c;
      }
      len = n; capital = cap; prev = p; h = wh;
      return verdict === ENGINE;
    }
    function end() {
      if (len > 0) endWord(len, capital);
      len = 0;
      return verdict;
    }
    return { scan, end };
  }

  return { scanner, folded, applyFolds, hyphenBreak, frontDecoded, hashStep, HASH_START, bitTable, inTable, ENDINGS, isLower,
    uncasedBefore,
    NONE, WORD, ENGINE };
})();
