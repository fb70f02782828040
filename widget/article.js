// factcard widget, the article body and its text: which element is the article, its text as the
// engine reads it, with the map back to the page's text nodes (the article's date is read by
// widget/card.js, which only a page with a candidate loads).
//
// A part of widget/factcard.js: the build writes this file in place of the
// placeholder line there, inside factcard.js's closure, so it shares that file's
// constants and state and is not a script of its own. Split by concern for
// reading (issue #18); docs/architecture.md lists the parts.

// ---- article body and its text ----------------------------------------
// The element and word lists are the report's (build/report/article.go),
// written in by the build; the code that applies them has a native twin
// there. The card's host is the widget's own.

const SKIP = new Set(["__SKIPPED_ELEMENTS__", "factcard-card"]);
const BLOCKS = new Set(["__BLOCK_ELEMENTS__"]);

function isSkipped(el) {
  if (SKIP.has(el.localName)) return true;
  if (!el.hasAttributes()) return false; // most elements of prose: one call instead of six
  const ce = el.getAttribute("contenteditable");
  if (ce !== null && ce !== "false") return true;
  if (el.hasAttribute("hidden") || el.getAttribute("aria-hidden") === "true" ||
    el.hasAttribute("data-factcard-skip")) return true;
  // Page-level state classes such as "ads-enabled" or "has-big-ad" say
  // nothing about the prose inside these.
  if (STRUCTURAL.has(el.localName)) return false;
  return hasBoilerplateToken((el.getAttribute("class") || "") + " " + (el.getAttribute("id") || ""));
}

// Page furniture inside an article (share buttons, related-story teasers,
// ads, comment and cookie boxes), known by a word of its class or id;
// camelCase counts as separate words ("mbArticleShareBtn" has "share").
const STRUCTURAL = new Set(["__STRUCTURAL_ELEMENTS__"]);
const BOILERPLATE = new Set(["__BOILERPLATE_WORDS__"]);
// A page repeats its classes on many elements: each class and id string is
// split into words once (the cache is cleared when it grows large, so that
// a page that makes up class names cannot grow it without end).
const boilerplateSeen = new Map();
function hasBoilerplateToken(s) {
  let found = boilerplateSeen.get(s);
  if (found !== undefined) return found;
  found = false;
  for (const w of s.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/)) {
    if (BOILERPLATE.has(w)) { found = true; break; }
  }
  if (boilerplateSeen.size > 10000) boilerplateSeen.clear();
  boilerplateSeen.set(s, found);
  return found;
}

// textWalker reads the prose under root in steps, so that a long article
// can be read a few milliseconds at a time. The text is kept as parts and
// joined once at the end: appending to one growing string and reading its
// last character makes V8 flatten it at every block, which is quadratic.
function textWalker(root) {
  const segs = [], parts = [];
  let length = 0, endsInNewline = false;
  const newline = () => {
    if (length && !endsInNewline) { parts.push("\n"); length++; endsInNewline = true; }
  };
  // An explicit walk: n is the next node to visit; leaving an element
  // closes its block.
  let n = root.firstChild;
  const climb = (c) => {
    for (let p = c.parentNode; ; p = p.parentNode) {
      if (p === root || !p) return null;
      if (BLOCKS.has(p.localName)) newline();
      if (p.nextSibling) return p.nextSibling;
    }
  };
  return {
    // step walks until done (true) or until the deadline (performance.now()).
    step(deadline) {
      for (let count = 0; n; count++) {
        if ((count & 255) === 255 && performance.now() > deadline) return false;
        const c = n;
        if (c.nodeType === 3) { // a text node
          segs.push({ node: c, start: length });
          const d = c.data;
          if (d.length) { parts.push(d); length += d.length; endsInNewline = d.charCodeAt(d.length - 1) === 10; }
        } else if (c.nodeType === 1 && !isSkipped(c)) { // an element
          if (BLOCKS.has(c.localName)) newline();
          if (c.firstChild) { n = c.firstChild; continue; }
          if (BLOCKS.has(c.localName)) newline();
        }
        n = c.nextSibling || climb(c);
      }
      return true;
    },
    result: () => ({ text: parts.join(""), segs }),
  };
}

// mayMention: whether text holds a candidate for a name (the prefilter),
// searched in tasks of about SLICE_MS. When it says no, the engine would
// find nothing there. Stage one (in this file's bundle) reads every text;
// stage two, the names' keys, is fetched only when stage one finds a word
// of a name.
async function mayMention(text) {
  const first = prefilter.scanner();
  await scanSliced(text, first.scan);
  const verdict = first.end();
  if (verdict !== prefilter.WORD) return verdict === prefilter.ENGINE;
  const keys = await loadKeys(config.timeoutMs);
  return scanSliced(text, keys.scanner());
}

// scanSliced runs scan(text, from, to) over text in tasks of about
// SLICE_MS, until it answers true.
async function scanSliced(text, scan) {
  const chunk = 1 << 16;
  let deadline = performance.now() + SLICE_MS;
  for (let at = 0; at < text.length; at += chunk) {
    if (scan(text, at, Math.min(text.length, at + chunk))) return true;
    if (performance.now() > deadline) {
      await nextSlice();
      deadline = performance.now() + SLICE_MS;
    }
  }
  return false;
}

// articleText returns the prose under root and the text nodes it came from,
// each with its UTF-16 offset in that prose, read in tasks of about
// SLICE_MS.
async function articleText(root) {
  const w = textWalker(root);
  while (!w.step(performance.now() + SLICE_MS)) await nextSlice();
  return w.result();
}

// inProse: neither el nor an ancestor is a subtree without prose.
function inProse(el) {
  for (let e = el; e && e.nodeType === Node.ELEMENT_NODE; e = e.parentElement) {
    if (isSkipped(e)) return false;
  }
  return true;
}

// findArticle: data-article, else the <article> with the most text, else
// [itemprop=articleBody], else <main>/[role=main], else the element whose
// own paragraphs hold the most text. It reads in tasks of about SLICE_MS:
// on a long page, reading every candidate is itself a long task.
async function findArticle(doc) {
  const textLength = async (el) => (await articleText(el)).text.trim().length;
  const largest = async (nodes) => {
    let best = null, bestLen = 0;
    for (const n of nodes) {
      if (!inProse(n)) continue;
      const l = await textLength(n);
      if (l > bestLen) { best = n; bestLen = l; }
    }
    return best;
  };
  const n = (await largest(doc.querySelectorAll("article"))) ||
    (await largest(doc.querySelectorAll('[itemprop="articleBody"]'))) ||
    (await largest(doc.querySelectorAll('main, [role="main"]')));
  if (n) return n;
  let best = null, bestLen = 0, deadline = performance.now() + SLICE_MS;
  for (const el of doc.body.querySelectorAll("*")) {
    if (performance.now() > deadline) { await nextSlice(); deadline = performance.now() + SLICE_MS; }
    if (!inProse(el)) continue;
    let l = 0;
    for (const c of el.children) if (c.localName === "p") l += await textLength(c);
    if (l > bestLen) { best = el; bestLen = l; }
  }
  return best || doc.body;
}
