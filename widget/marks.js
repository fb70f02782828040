// factcard widget, the widget's state (with the undo list of the marks, which widget/card.js makes
// where a page has a candidate) and the watch of the scanned roots for text added later.
//
// A part of widget/factcard.js: the build writes this file in place of the
// placeholder line there, inside factcard.js's closure, so it shares that file's
// constants and state and is not a script of its own. Split by concern for
// reading (issue #18); docs/architecture.md lists the parts.

// ---- state --------------------------------------------------------------

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

// ownChangesDone drops the mutation records of the marks just made, so
// that factcard's own changes never start another scan.
function ownChangesDone() {
  if (state.observer) state.observer.takeRecords();
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
// (widget/page.css), to the page once. The sheet is parsed once and kept:
// destroy() only takes it off the page, and parsing it again made a
// quarter of a destroy() and scan() on a page with a candidate.
let pageSheet = null;
function injectPageStyles(css) {
  if (state.sheet) return;
  try {
    if (!pageSheet) {
      pageSheet = new CSSStyleSheet();
      pageSheet.replaceSync(css);
    }
    const sheet = pageSheet;
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    state.sheet = { remove: () => { document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet); } };
  } catch (e) {
    const style = document.createElement("style");
    style.textContent = css;
    document.head.appendChild(style);
    state.sheet = style;
  }
}
