// factcard widget, the widget's state, the marks (wrapping mentions across elements, in slices,
// undoable) and the watch of the scanned roots for text added later.
//
// A part of widget/factcard.js: the build writes this file in place of the
// placeholder line there, inside factcard.js's closure, so it shares that file's
// constants and state and is not a script of its own. Split by concern for
// reading (issue #18); docs/architecture.md lists the parts.

// ---- marks ------------------------------------------------------------

// The widget's state on the page, all of it but the loaders' memos
// (loadEngine's, engine()'s and loadCard's promises, beside their code).
const state = {
  engine: null,
  articleDate: null, // YYYY-MM-DD or null, read once, when the first candidate needs it (articleDate())
  started: false, // start() got past the opt-outs
  siteOff: false, // the reader turned factcard off on this site (kept even when storage is blocked)
  turnOn: null, // the one-line control that turns it on again, at the article's end
  eventsInstalled: false, // the card's document listeners
  rescanning: false,
  undo: [], // functions that restore the DOM, run in reverse order
  // each mark -> {entity, written, date, group, claims}: held here, not in
  // properties of the page's elements, and dropped with the marks
  mentions: new WeakMap(),
  marked: new Map(), // entity id -> its first marks so far (first-mention policy)
  generation: 0, // counts destroy() calls and site-offs: a scan begun before one stops
  observer: null, // the MutationObserver of the scanned roots
  watched: new Map(), // scanned root -> the scan's options, to scan it again
  pending: new Set(), // watched roots changed by the page, to scan again
  rescanTimer: 0,
  serial: 0, // for the ids of split marks
  sheet: null,
  listeners: [],
};

function listen(target, type, fn, opts) {
  target.addEventListener(type, fn, opts);
  state.listeners.push(() => target.removeEventListener(type, fn, opts));
}

// wrapRange wraps text [start, end) of the prose in marks, one per text
// node it crosses (a name split as <b>Xiao</b>mi gets two).
function wrapRange(segs, start, end, make) {
  const pieces = [];
  for (let i = firstSegEndingAfter(segs, start); i < segs.length && segs[i].start < end; i++) {
    const s = segs[i], len = s.node.data.length;
    const a = Math.max(start, s.start), b = Math.min(end, s.start + len);
    if (a < b) pieces.push({ node: s.node, a: a - s.start, b: b - s.start });
  }
  const made = [];
  for (let i = pieces.length - 1; i >= 0; i--) {
    let { node, a, b } = pieces[i];
    // Each undo entry is recorded before its change, so that a change
    // that throws (a page that broke a DOM method) is undone as well.
    if (b < node.data.length) {
      const whole = node;
      let right = null;
      state.undo.push(() => { if (right) { whole.data += right.data; right.remove(); } });
      right = whole.splitText(b);
    }
    if (a > 0) {
      const left = node;
      let mid = null;
      state.undo.push(() => { if (mid) { left.data += mid.data; mid.remove(); } });
      node = mid = left.splitText(a);
    }
    const m = make(i === 0), text = node;
    state.undo.push(() => { if (m.parentNode) { m.parentNode.insertBefore(text, m); m.remove(); } });
    text.parentNode.insertBefore(m, text);
    m.appendChild(text);
    made.unshift(m);
  }
  return made;
}

// firstSegEndingAfter: the index of the first text node that ends after
// offset u, by binary search. Node lengths are read live: splitting a node
// only shortens it, so the ends stay in order.
function firstSegEndingAfter(segs, u) {
  let lo = 0, hi = segs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1, s = segs[mid];
    if (s.start + s.node.data.length > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function nextSlice() {
  if (globalThis.scheduler && scheduler.yield) return scheduler.yield();
  return new Promise((r) => setTimeout(r, 0));
}

// Cancelled is how a scan ends when destroy() ran since it began.
class Cancelled extends Error {
  constructor() { super("factcard: the scan was cancelled by destroy()"); }
}
function checkCurrent(generation) {
  if (generation !== state.generation) throw new Cancelled();
}

// forgetDetached drops the first-mention memory of every entity whose
// marks all left the page (a single-page app replaced its article).
function forgetDetached() {
  for (const [id, marks] of state.marked) {
    if (marks.length && !marks.some((m) => m.isConnected)) state.marked.delete(id);
  }
}

// ownChangesDone drops the mutation records of the marks just made, so
// that factcard's own changes never start another scan.
function ownChangesDone() {
  if (state.observer) state.observer.takeRecords();
}

// markMentions marks the mentions in text, read from the page as segs.
async function markMentions(text, segs, api, opts, generation) {
  if (api.remote) {
    await api.prepare(text, opts.date || "");
    checkCurrent(generation);
  }
  forgetDetached();
  // Every loop below yields after SLICE_MS, so that an article with tens of
  // thousands of mentions never holds the main thread for long.
  let t0 = performance.now();
  const due = () => performance.now() - t0 > SLICE_MS;
  const yieldSlice = async () => {
    ownChangesDone();
    await nextSlice();
    checkCurrent(generation);
    t0 = performance.now();
  };
  const { found, claims } = api.analyze(text, opts.date || "");
  const mentions = [];
  for (let i = 0; i < found.length; i += 3) {
    mentions.push({ entity: found[i], start: found[i + 1], end: found[i + 2], claims: [] });
    if (i % 3000 === 0 && due()) await yieldSlice();
  }
  for (const c of JSON.parse(claims)) mentions[c.mention].claims.push(c);
  // The first mention of each entity is marked (all with mark: "all"), and
  // every mention whose sentence the record contradicts.
  // Scanning again is harmless: mentions already inside a mark are skipped.
  const marked = (m) => {
    for (let i = firstSegEndingAfter(segs, m.start); i < segs.length && segs[i].start < m.end; i++) {
      const p = segs[i].node.parentNode;
      if (p && p.localName === "factcard-mark") return true;
    }
    return false;
  };
  const chosen = [];
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k], id = api.ids[m.entity];
    if (k % 256 === 255 && due()) await yieldSlice();
    if (marked(m) || opts.mark !== "all" && state.marked.has(id) && !m.claims.length) continue;
    if (!state.marked.has(id)) state.marked.set(id, []);
    chosen.push(m);
  }
  // Last to first: splitting a text node keeps its first part in place, so
  // the offsets of earlier mentions stay valid.
  for (let k = chosen.length - 1; k >= 0; k--) {
    const m = chosen[k];
    const id = api.ids[m.entity];
    const written = text.slice(m.start, m.end);
    const group = [];
    const make = (first) => {
      const el = document.createElement("factcard-mark");
      el.setAttribute("data-factcard-id", id);
      if (first) {
        // The accessible name is the name as written (speech-input users
        // say what they see); what the mark does goes in the description.
        el.tabIndex = 0;
        el.setAttribute("role", "button");
        el.setAttribute("aria-haspopup", "dialog");
        el.setAttribute("aria-expanded", "false");
        el.setAttribute("aria-description", m.claims.length ? "fact card; the record contradicts this sentence" : "fact card");
      } else {
        el.setAttribute("data-factcard-part", "");
      }
      if (m.claims.length) el.setAttribute("data-factcard-claim", m.claims.map((c) => c.kind).join(" "));
      state.mentions.set(el, { entity: m.entity, written, date: opts.date, group, claims: m.claims });
      return el;
    };
    const made = wrapRange(segs, m.start, m.end, make);
    group.push(...made);
    state.marked.get(id).push(made[0]);
    if (made.length > 1) {
      // A name split across elements (<b>Xiao</b>mi): the first piece is
      // named by all the pieces together.
      const ids = made.map((p, i) => { p.id = "factcard-m" + (++state.serial) + "-" + i; return p.id; });
      made[0].setAttribute("aria-labelledby", ids.join(" "));
    }
    if (due()) await yieldSlice();
  }
  ownChangesDone();
  return { found: mentions.length, marked: chosen.length };
}

// ---- watching the scanned roots ----------------------------------------
// Text a page adds to a scanned root later (comments loading, a live blog)
// is marked too: a MutationObserver collects the changed roots, and each is
// scanned again, RESCAN_DELAY_MS after the last change, in slices as any
// scan. Mentions already marked are skipped, so a scan again only adds.

const RESCAN_DELAY_MS = 200;

function watch(root, options) {
  if (!state.observer) state.observer = new MutationObserver(onMutations);
  if (!state.watched.has(root)) state.observer.observe(root, { childList: true, subtree: true, characterData: true });
  state.watched.set(root, options);
}

// onMutations: the card's host, added to <body>, is factcard's own too.
function onMutations(records) {
  for (const r of records) {
    if (r.type === "childList" && !Array.from(r.addedNodes).some((n) => n.localName !== "factcard-card")) continue;
    for (const root of state.watched.keys()) if (root.contains(r.target)) state.pending.add(root);
  }
  if (!state.pending.size) return;
  clearTimeout(state.rescanTimer);
  state.rescanTimer = setTimeout(rescan, RESCAN_DELAY_MS);
}

// rescan scans the changed roots one at a time; a root that left the page
// is no longer watched.
async function rescan() {
  if (state.rescanning) return;
  state.rescanning = true;
  const generation = state.generation;
  try {
    while (state.pending.size && generation === state.generation) {
      const root = state.pending.values().next().value;
      state.pending.delete(root);
      if (root.isConnected) await scan(root, state.watched.get(root));
      else state.watched.delete(root);
    }
  } catch (err) {
    failUnlessCancelled(err);
  } finally {
    state.rescanning = false;
  }
}

// injectPageStyles adds the marks' styles, which come with the card
// (widget/page.css), to the page once.
function injectPageStyles(css) {
  if (state.sheet) return;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    state.sheet = { remove: () => { document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet); } };
  } catch (e) {
    const style = document.createElement("style");
    style.textContent = css;
    document.head.appendChild(style);
    state.sheet = style;
  }
}
