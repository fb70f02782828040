// factcard widget: finds the article body, asks the WebAssembly engine for
// mentions of listed companies, lists and orders, marks them, and shows a
// context card on hover, keyboard focus or tap. The page is not touched until
// the engine has loaded, so a failed load leaves the page exactly as it was.
// docs/architecture.md walks through the data flow.
(() => {
  "use strict";

  const VERSION = "0.1.0";
  const DATASET_VERSION = "__DATASET_VERSION__";
  // FILES: the name and SRI hash of each file factcard.js loads from beside
  // itself, {wasm, data, engine, card: {name, integrity}}. Each name holds a
  // hash of its bytes, so every URL's bytes never change, and a dataset
  // update changes only the dataset's name (and this file).
  const FILES = "__FILES__";
  const PAGE_CSS = "__PAGE_CSS__";
  const SLICE_MS = 8; // longest main-thread task while marking
  const LOAD_TIMEOUT_MS = 20000; // data-timeout overrides it
  const OURS = Symbol.for("factcard"); // tells our window.factcard from a page's
  const SITE_OFF_KEY = "factcard:off"; // the only thing factcard stores, and only on request

  // widget/prefilter.js, joined before this file, leaves its scanner in a
  // global that is taken here at once, so the page keeps only window.factcard.
  const prefilter = globalThis.__factcardPrefilter;
  delete globalThis.__factcardPrefilter;
  // The extension runs factcard-card.js just before this file; its global is
  // taken at once too. A page's script tag loads it later (loadCard).
  const cardListed = globalThis.__factcardCard;
  delete globalThis.__factcardCard;
  // Likewise factcard-engine.js, the engine loader (widget/engine.js).
  const engineListed = globalThis.__factcardEngine;
  delete globalThis.__factcardEngine;

  // ---- where this copy runs ------------------------------------------------
  // One bundle serves two contexts: a publisher's <script> tag ("page") and
  // the browser extension's content script ("content"). The engine itself is
  // factcard-engine.js (widget/engine.js), in a Web Worker where it can be.

  if (typeof document === "undefined") {
    console.warn("factcard: factcard.js runs on a page; a worker runs factcard-engine.js");
    return;
  }
  const ext = extensionAPI();
  // document.currentScript read through the prototype: an element named
  // "currentScript" on the page cannot shadow it.
  const script = Object.getOwnPropertyDescriptor(Document.prototype, "currentScript").get.call(document);
  const role = script ? "page" : ext ? "content" : null;
  if (!role) {
    // A module script (or eval) has no currentScript, so no folder to load
    // the wasm from: say so rather than do nothing.
    const message = "factcard: load factcard.js with a classic <script src> tag (not type=module), so it can find its files beside itself";
    console.warn(message);
    document.dispatchEvent(new CustomEvent("factcard:error", { detail: { message } }));
    return;
  }
  // fileURL: where one of FILES is, beside this script or in the extension.
  const fileURL = (file) => (role === "page" ? new URL(FILES[file].name, script.src).href : ext.runtime.getURL(FILES[file].name));
  // The dataset's changelog, rendered by the build beside factcard.js (and
  // in the extension): every card links to it.
  const changelogURL = role === "page" ? new URL("changelog.html", script.src).href : ext.runtime.getURL("changelog.html");

  function extensionAPI() {
    for (const name of ["browser", "chrome"]) {
      const api = globalThis[name];
      if (api && api.runtime && typeof api.runtime.id === "string" && typeof api.runtime.getURL === "function") return api;
    }
    return null;
  }

  "__WASM_PROBLEM__";

  // ---- engine client ------------------------------------------------------
  // The engine (compiling the wasm, the Go runtime's start, decoding the
  // dataset, each analysis) runs in a Web Worker where the page allows one,
  // so the main thread only reads the text and marks it. A worker must be
  // same-origin with the page: from the page's own origin factcard-engine.js
  // starts as it is; from a CDN it is fetched (checked against its hash) and
  // started from a blob: URL, which the page's CSP must allow (worker-src
  // blob:). Where neither works the engine runs on the main thread, loaded
  // by a <script> tag; in a content script whose page's CSP forbids wasm, in
  // the extension's background.

  let engineReady = null;
  function engine() {
    if (!engineReady) engineReady = startEngine();
    return engineReady.then((api) => (state.engine = api));
  }

  const engineFiles = () => ({ wasmURL: fileURL("wasm"), wasmIntegrity: FILES.wasm.integrity,
    dataURL: fileURL("data"), dataIntegrity: FILES.data.integrity, timeoutMs: config.timeoutMs });

  // The check of the page's CSP comes first: a same-origin worker would not
  // be bound by the page's policy, which factcard respects.
  async function startEngine() {
    const problem = wasmProblem();
    if (role === "content") {
      if (!problem) return localEngine(engineListed, "content script");
      return asyncEngine("background", async (op, args) => {
        const r = await ext.runtime.sendMessage({ factcard: op, args });
        if (!r || r.error) throw new Error((r && r.error) || "the extension's background did not answer");
        return r.result;
      });
    }
    if (problem) throw new Error(problem);
    let worker = null;
    try {
      worker = await startWorker();
    } catch (e) {
      // No worker here (its CSP, an old browser): the main thread, sliced.
    }
    if (worker) return asyncEngine(worker.route, worker.call);
    return localEngine(await loadScript("engine", "__factcardEngine", config.timeoutMs), "main thread");
  }

  // localEngine: the engine in this thread, called synchronously.
  async function localEngine(module, route) {
    const api = await module.connect(engineFiles()).api();
    return Object.assign({ route }, api);
  }

  // startWorker resolves with {route, call} once the worker answered its
  // first request, and rejects where no worker can start.
  async function startWorker() {
    if (typeof Worker !== "function") throw new Error("no Worker");
    const url = fileURL("engine");
    let source = url, route = "worker";
    if (new URL(url).origin !== location.origin) {
      const r = await fetch(url, { integrity: FILES.engine.integrity });
      if (!r.ok) throw new Error(url + ": HTTP " + r.status);
      source = URL.createObjectURL(new Blob([await r.text()], { type: "text/javascript" }));
      route = "blob worker";
    }
    const pending = new Map();
    let serial = 0, dead = null;
    const worker = new Worker(source);
    worker.onmessage = (e) => {
      const p = pending.get(e.data && e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      if (typeof e.data.error === "string") p.reject(new Error(e.data.error));
      else p.resolve(e.data.result);
    };
    worker.onerror = (e) => {
      dead = new Error("factcard: the engine's worker failed: " + ((e && e.message) || "it did not start"));
      for (const p of pending.values()) p.reject(dead);
      pending.clear();
    };
    const call = (op, args) => new Promise((resolve, reject) => {
      if (dead) { reject(dead); return; }
      const id = ++serial;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, op, args });
    });
    try {
      await call("init", [engineFiles()]);
    } finally {
      if (source !== url) URL.revokeObjectURL(source);
    }
    return { route, call };
  }

  // asyncEngine stands in for the engine where it answers asynchronously (a
  // worker, the extension's background). Results are fetched by prepare()
  // before marking, so the widget reads them synchronously, as it reads the
  // local engine.
  async function asyncEngine(route, call) {
    const meta = await call("meta");
    let last = { found: new Int32Array(0), claims: "[]" };
    const cards = new Map(); // "entity date" -> card JSON
    return {
      remote: true,
      route,
      call,
      datasetVersion: meta.datasetVersion,
      asOf: meta.asOf,
      ids: meta.ids,
      remoteParseDate: (text, lang) => call("parseDate", [text, lang]),
      async prepare(text, date) {
        const r = await call("analyze", [text, date]);
        last = { found: Int32Array.from(r.found), claims: r.claims };
        for (const [entity, json] of Object.entries(r.cards)) cards.set(entity + " " + date, json);
      },
      analyze: () => last,
      find: () => last.found,
      card: (entity, date) => cards.get(entity + " " + date) || null,
      parseDate: () => "",
    };
  }

  // The page's own factcard (a script tag), or a second copy of this script,
  // comes first; anything else a page put in window.factcard is an error
  // rather than a silent stop. A clobbering element (<div id="factcard">) is
  // not an own property of window and is simply shadowed.
  const taken = Object.prototype.hasOwnProperty.call(window, "factcard");
  if (taken && window.factcard && window.factcard[OURS]) return;

  // ---- article body and its text ----------------------------------------
  // The element and word lists are the report's (build/report/article.go),
  // written in by the build; the code that applies them has a native twin
  // there. The card's host is the widget's own.

  const SKIP = new Set(["__SKIPPED_ELEMENTS__", "factcard-card"]);
  const BLOCKS = new Set(["__BLOCK_ELEMENTS__"]);

  function isSkipped(el) {
    if (SKIP.has(el.localName)) return true;
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
  function hasBoilerplateToken(s) {
    for (const w of s.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/)) {
      if (BOILERPLATE.has(w)) return true;
    }
    return false;
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
          if (c.nodeType === Node.TEXT_NODE) {
            segs.push({ node: c, start: length });
            const d = c.data;
            if (d.length) { parts.push(d); length += d.length; endsInNewline = d.charCodeAt(d.length - 1) === 10; }
          } else if (c.nodeType === Node.ELEMENT_NODE && !isSkipped(c)) {
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

  // articleText returns the prose under root and the text nodes it came from,
  // each with its UTF-16 offset in that prose.
  function articleText(root) {
    const w = textWalker(root);
    w.step(Infinity);
    return w.result();
  }

  // mayMention: whether the prose under root holds a candidate for a name
  // (the prefilter), read and searched in tasks of about SLICE_MS. When it
  // says no, the engine would find nothing there.
  async function mayMention(root) {
    const { text } = await articleTextSliced(root);
    const scan = prefilter();
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

  // articleTextSliced is articleText in tasks of about SLICE_MS.
  async function articleTextSliced(root) {
    const w = textWalker(root);
    while (!w.step(performance.now() + SLICE_MS)) await nextSlice();
    return w.result();
  }

  const textLength = (el) => articleText(el).text.trim().length;

  // inProse: neither el nor an ancestor is a subtree without prose.
  function inProse(el) {
    for (let e = el; e && e.nodeType === Node.ELEMENT_NODE; e = e.parentElement) {
      if (isSkipped(e)) return false;
    }
    return true;
  }

  function largest(nodes) {
    let best = null, bestLen = 0;
    for (const n of nodes) {
      if (!inProse(n)) continue;
      const l = textLength(n);
      if (l > bestLen) { best = n; bestLen = l; }
    }
    return best;
  }

  // findArticle: data-article, else the <article> with the most text, else
  // [itemprop=articleBody], else <main>/[role=main], else the element whose
  // own paragraphs hold the most text.
  function findArticle(doc) {
    const n = largest(doc.querySelectorAll("article")) ||
      largest(doc.querySelectorAll('[itemprop="articleBody"]')) ||
      largest(doc.querySelectorAll('main, [role="main"]'));
    if (n) return n;
    let best = null, bestLen = 0;
    for (const el of doc.body.querySelectorAll("*")) {
      if (!inProse(el)) continue;
      let l = 0;
      for (const c of el.children) if (c.localName === "p") l += textLength(c);
      if (l > bestLen) { best = el; bestLen = l; }
    }
    return best || doc.body;
  }

  // findDate reads the article's publication date and says where it was
  // read: the earliest of the dates the page declares as its publication (an
  // OpenGraph "published" time is sometimes the last update's, while JSON-LD
  // gives the day the story ran), else a <time> in the article's header, its
  // datetime or its printed words, else a date in the canonical URL. parse
  // is the engine's reader, given the page's language.
  async function findDate(doc, article, api) {
    const lang = doc.documentElement.getAttribute("lang") || "";
    const parse = async (raw) => (raw ? (await parseDate(api, raw, lang)) || null : null);
    const metas = (key) => [...doc.querySelectorAll("meta")].filter((m) =>
      ((m.getAttribute("property") || "").toLowerCase() === key || (m.getAttribute("name") || "").toLowerCase() === key) && m.getAttribute("content"));
    const candidates = []; // [source, raw] of every declared publication date
    for (const m of metas("article:published_time")) candidates.push(["article:published_time", m.getAttribute("content")]);
    const fromLD = (x) => {
      if (Array.isArray(x)) x.forEach(fromLD);
      else if (x && typeof x === "object") {
        if (typeof x.datePublished === "string") candidates.push(["JSON-LD datePublished", x.datePublished]);
        if (x["@graph"]) fromLD(x["@graph"]);
      }
    };
    for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
      const json = s.textContent.replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>\s*$/g, "");
      try { fromLD(JSON.parse(json)); } catch (e) { /* not JSON: no date from it */ }
    }
    for (const el of doc.querySelectorAll('[itemprop="datePublished"]')) {
      candidates.push(["itemprop=datePublished", el.getAttribute("content") || el.getAttribute("datetime")]);
    }
    for (const key of ["parsely-pub-date", "dcterms.created", "dc.date.issued", "dc.date", "date", "pubdate"]) {
      for (const m of metas(key)) candidates.push(["meta " + key, m.getAttribute("content")]);
    }
    const declared = [];
    for (const [source, raw] of candidates) {
      const day = await parse(raw);
      if (day) declared.push({ day, source });
    }
    if (declared.length) return declared.reduce((a, b) => (b.day < a.day ? b : a));
    if (article) {
      for (const t of article.querySelectorAll("header time")) {
        const day = await parse(t.getAttribute("datetime") || t.textContent);
        if (day) return { day, source: "article header <time>" };
      }
    }
    // Last, a date in the page's canonical URL path (/2015/03/18/).
    const canonical = doc.querySelector('link[rel="canonical"]');
    for (const u of [canonical && canonical.getAttribute("href"), ...metas("og:url").map((m) => m.getAttribute("content"))]) {
      const m = u && /\/((?:19|20)\d\d)\/(\d\d)\/(\d\d)\//.exec(u);
      const day = m && await parse(m[1] + "-" + m[2] + "-" + m[3]);
      if (day) return { day, source: "canonical URL" };
    }
    return { day: null, source: null };
  }

  // ---- marks ------------------------------------------------------------

  // The widget's state on the page, all of it but the loaders' memos
  // (loadEngine's, engine()'s and loadCard's promises, beside their code).
  const state = {
    engine: null,
    articleDate: null, // YYYY-MM-DD or null, found once by start()
    started: false, // start() got past the opt-outs and read the article's date
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

  async function markMentions(root, api, opts, generation) {
    const { text, segs } = await articleTextSliced(root);
    checkCurrent(generation);
    if (api.remote) {
      await api.prepare(text, opts.date || "");
      checkCurrent(generation);
    }
    forgetDetached();
    const { found, claims } = api.analyze(text, opts.date || "");
    const mentions = [];
    for (let i = 0; i < found.length; i += 3) {
      mentions.push({ entity: found[i], start: found[i + 1], end: found[i + 2], claims: [] });
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
    const chosen = mentions.filter((m) => {
      if (marked(m)) return false;
      const id = api.ids[m.entity];
      if (opts.mark !== "all" && state.marked.has(id) && !m.claims.length) return false;
      if (!state.marked.has(id)) state.marked.set(id, []);
      return true;
    });
    // Last to first: splitting a text node keeps its first part in place, so
    // the offsets of earlier mentions stay valid.
    let t0 = performance.now();
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
      if (performance.now() - t0 > SLICE_MS) {
        ownChangesDone();
        await nextSlice();
        checkCurrent(generation);
        t0 = performance.now();
      }
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

  function injectPageStyles() {
    if (state.sheet) return;
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(PAGE_CSS);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      state.sheet = { remove: () => { document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet); } };
    } catch (e) {
      const style = document.createElement("style");
      style.textContent = PAGE_CSS;
      document.head.appendChild(style);
      state.sheet = style;
    }
  }

  // ---- card ------------------------------------------------------------

  // loadCard runs factcard-card.js (widget/card.js) once: on a publisher's
  // page by loadScript; in the extension it ran before this file.
  let cardPromise = null;
  let cardUI = null;
  function loadCard(timeoutMs) {
    if (cardPromise) return cardPromise;
    cardPromise = (role === "page" ? loadScript("card", "__factcardCard", timeoutMs) : Promise.resolve(cardListed)).then((make) => {
      if (typeof make !== "function") throw new Error(FILES.card.name + " did not define the card: not the file this factcard.js was built with");
      cardUI = make({ listen, changelogURL, engine: () => state.engine, mentionOf: (el) => state.mentions.get(el),
        setOffOnThisSite: (off) => setOffOnThisSite(off).catch(failUnlessCancelled) });
      return cardUI;
    });
    return cardPromise;
  }

  // loadScript runs one of FILES beside this file as a <script src integrity
  // crossorigin>, which the browser checks against the hash the build baked
  // in before running it (no eval, so a strict CSP that allows this file
  // allows it too), and resolves with the global it defines, which it takes
  // at once. It settles within timeoutMs and leaves no element behind.
  function loadScript(file, global, timeoutMs) {
    const url = fileURL(file);
    return new Promise((resolve, reject) => {
      const tag = document.createElement("script");
      const settle = (err) => {
        clearTimeout(timer);
        tag.remove();
        const value = globalThis[global];
        delete globalThis[global];
        if (err) reject(err);
        else resolve(value);
      };
      const timer = setTimeout(() => settle(new Error("loading " + url + " took longer than " + timeoutMs / 1000 + " s")), timeoutMs);
      tag.onload = () => settle(null);
      tag.onerror = () => settle(new Error("could not load " + url + ": offline, blocked by the page's script-src, " +
        "served from another origin without Access-Control-Allow-Origin, or not the file this factcard.js was built with (integrity)"));
      tag.src = url;
      tag.integrity = FILES[file].integrity;
      tag.crossOrigin = "anonymous";
      if (script.nonce) tag.nonce = script.nonce; // a nonce-based CSP trusts what our own tag was trusted with
      (document.head || document.documentElement).append(tag);
    });
  }

  // ---- configuration -----------------------------------------------------
  // The script tag's data- attributes (the extension has none). A mistake is
  // reported with factcard:error, never replaced by a silent default.

  const config = { article: "", date: "", mark: "first", timeoutMs: LOAD_TIMEOUT_MS, off: false };

  function readConfig() {
    if (role !== "page") return;
    const d = script.dataset;
    const wrong = (name, why) => new Error("data-" + name + '="' + d[name] + '" ' + why);
    if (d.article !== undefined) {
      if (!d.article.trim()) throw wrong("article", "is empty: give the CSS selector of the article body, or leave it out");
      config.article = d.article;
    }
    if (d.date !== undefined) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date)) throw wrong("date", "is not a date: write YYYY-MM-DD");
      config.date = d.date;
    }
    if (d.mark !== undefined) {
      if (d.mark !== "first" && d.mark !== "all") throw wrong("mark", 'is not "first" or "all"');
      config.mark = d.mark;
    }
    if (d.timeout !== undefined) {
      const seconds = Number(d.timeout);
      if (!(seconds > 0 && seconds <= 600)) throw wrong("timeout", "is not a number of seconds between 0 and 600");
      config.timeoutMs = seconds * 1000;
    }
    if (d.factcard !== undefined) {
      if (d.factcard !== "off") throw wrong("factcard", 'is not "off"');
      config.off = true;
    }
  }

  // pageOptedOut: the publisher turned factcard off on this page.
  const pageOptedOut = () => config.off ||
    document.documentElement.getAttribute("data-factcard") === "off" ||
    Array.from(document.querySelectorAll('meta[name="factcard"]')).some((m) => m.getAttribute("content") === "off");

  // pageEmbedsFactcard: the publisher's own factcard is on the page, so the
  // extension stays out of its way.
  const pageEmbedsFactcard = () => document.querySelector("factcard-mark") !== null ||
    Array.from(document.querySelectorAll("script[src]")).some((s) => /\/factcard(-[0-9a-f]{10})?\.js$/.test(s.src.split(/[?#]/)[0]));

  // articleRoot: the element data-article names, else the article found.
  function articleRoot() {
    if (!config.article) return findArticle(document);
    let el;
    try {
      el = document.querySelector(config.article);
    } catch (e) {
      throw new Error('data-article="' + config.article + '" is not a valid CSS selector');
    }
    if (!el) throw new Error('data-article="' + config.article + '" matches no element on this page');
    return el;
  }

  // ---- the reader's choice: off on this site ------------------------------
  // "Don't show on this site" (in every card) keeps one key in this site's
  // localStorage and nothing else, sent nowhere. A later visit marks nothing;
  // on an article that may mention something, one line at its end says that
  // fact cards are off here and turns them on again: the reader who changed
  // their mind finds the way back where the marks used to be, as Wikipedia's
  // readers find "Enable previews" in its footer. factcard.setOffOnThisSite
  // lets a publisher offer the same choice in its own settings.

  const isSiteOff = () => state.siteOff || storedSiteOff();

  function storedSiteOff() {
    try { return localStorage.getItem(SITE_OFF_KEY) === "1"; } catch (e) { return false; }
  }

  // setOffOnThisSite stores the choice (when storage is blocked, it holds for
  // this visit) and applies it at once. Off: every mark goes, a running scan
  // stops, nothing is watched, and the control to turn it on appears. On: the
  // control goes and the article is marked, as on a first visit.
  async function setOffOnThisSite(off) {
    if (typeof off !== "boolean") throw new Error("setOffOnThisSite: give true (off) or false (on)");
    try {
      if (off) localStorage.setItem(SITE_OFF_KEY, "1");
      else localStorage.removeItem(SITE_OFF_KEY);
    } catch (e) { /* storage blocked: the choice holds for this visit only */ }
    state.siteOff = off;
    if (off) {
      state.generation++;
      stopWatching();
      if (cardUI) cardUI.hideCard(false);
      unmarkAll();
      showTurnOnControl(articleRoot());
      return;
    }
    removeTurnOnControl();
    if (!state.started) await start();
    else await scan(articleRoot());
  }

  // showTurnOnControl puts "Fact cards are off on this site. Turn them on" at
  // the end of the article, in a shadow root so the page's styles leave it
  // alone; its words are English, as the card's.
  function showTurnOnControl(article) {
    if (state.turnOn) return;
    injectPageStyles();
    const control = document.createElement("factcard-turn-on");
    const line = document.createElement("p");
    line.lang = "en";
    line.dir = "ltr";
    line.style.margin = "0"; // CSSOM, which a strict style-src allows
    line.textContent = "Fact cards are off on this site. ";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "Turn them on";
    Object.assign(button.style, { font: "inherit", color: "inherit", background: "none", border: "0", padding: "0",
      textDecoration: "underline", cursor: "pointer" });
    button.addEventListener("click", () => setOffOnThisSite(false).catch(failUnlessCancelled));
    line.append(button);
    control.attachShadow({ mode: "open" }).append(line);
    article.append(control);
    state.turnOn = control;
  }

  function removeTurnOnControl() {
    if (state.turnOn) state.turnOn.remove();
    state.turnOn = null;
  }

  // ---- public API -------------------------------------------------------


  const parseDate = async (api, raw, lang) => (api.remote ? api.remoteParseDate(raw, lang || "") : api.parseDate(raw, lang || ""));

  // scan marks the mentions under root and watches it for text added later.
  // A destroy() while it runs ends it with a Cancelled error and an
  // untouched page.
  async function scan(root, options) {
    const generation = state.generation;
    if (root.getRootNode() !== document) throw new Error("scan: the element is not in the page's document (factcard skips shadow roots)");
    if (isSiteOff()) return { found: 0, marked: 0, off: true }; // the reader's choice
    loadCard(config.timeoutMs).catch(() => {}); // fetched beside the wasm; awaited below
    const api = await engine();
    checkCurrent(generation);
    const opts = Object.assign({ mark: config.mark, date: state.articleDate }, options || {});
    if (opts.mark !== "first" && opts.mark !== "all") throw new Error('scan: mark "' + opts.mark + '" is not "first" or "all"');
    if (opts.date) opts.date = (await parseDate(api, opts.date)) || null;
    checkCurrent(generation);
    injectPageStyles();
    const ui = await loadCard(config.timeoutMs);
    checkCurrent(generation);
    if (!state.eventsInstalled) { ui.installCardEvents(); state.eventsInstalled = true; }
    const result = await markMentions(root, api, opts, generation);
    watch(root, options);
    return result;
  }

  // inspect reports what factcard would mark in a document (by default this
  // page), without changing it: the article text it reads, the date it
  // finds, and every mention with its UTF-16 offsets into that text.
  async function inspect(doc) {
    doc = doc || document;
    const api = await engine();
    const article = findArticle(doc);
    const { text } = articleText(article);
    const date = await findDate(doc, article, api);
    const found = api.remote ? Int32Array.from(await api.call("find", [text])) : api.find(text);
    const mentions = [];
    for (let i = 0; i < found.length; i += 3) {
      mentions.push({ id: api.ids[found[i]], start: found[i + 1], end: found[i + 2], text: text.slice(found[i + 1], found[i + 2]) });
    }
    return { text, articleDate: date.day, articleDateSource: date.source, mentions };
  }

  // unmarkAll puts the article's text back exactly as it was.
  function unmarkAll() {
    for (let i = state.undo.length - 1; i >= 0; i--) state.undo[i]();
    state.undo = [];
    state.marked.clear();
  }

  function stopWatching() {
    if (state.observer) state.observer.disconnect();
    state.observer = null;
    state.watched.clear();
    state.pending.clear();
    clearTimeout(state.rescanTimer);
  }

  function destroy() {
    state.generation++;
    stopWatching();
    if (cardUI) cardUI.remove();
    unmarkAll();
    removeTurnOnControl();
    for (const off of state.listeners) off();
    state.listeners = [];
    state.eventsInstalled = false;
    if (state.sheet) state.sheet.remove();
    state.sheet = null;
  }

  // announce dispatches factcard:ready or factcard:error to the page; the
  // extension's content script stays silent towards the page.
  function announce(type, detail) {
    if (role === "page") document.dispatchEvent(new CustomEvent(type, { detail }));
  }

  const failUnlessCancelled = (err) => { if (!(err instanceof Cancelled)) fail(err); };

  // fail leaves the page as it was and says why, once: one event, one warning.
  function fail(err) {
    destroy();
    const message = "factcard: " + String((err && err.message) || err).replace(/^factcard: /, "");
    console.warn(message);
    announce("factcard:error", { message });
  }

  if (!taken) {
    Object.defineProperty(window, "factcard", {
      enumerable: true,
      value: Object.freeze({
        [OURS]: true,
        version: VERSION,
        datasetVersion: DATASET_VERSION,
        scan: async (root, options) => scan(root || articleRoot(), options),
        inspect,
        destroy,
        get offOnThisSite() { return isSiteOff(); },
        setOffOnThisSite,
      }),
    });
  }

  async function start() {
    let result, dateSource;
    const generation = state.generation;
    try {
      if (taken) throw new Error("the page already defines window.factcard, so factcard did not start");
      readConfig();
      if (pageOptedOut() || (role === "content" && pageEmbedsFactcard())) return;
      const article = articleRoot();
      const candidate = await mayMention(article);
      checkCurrent(generation);
      if (isSiteOff()) {
        // The reader turned factcard off here: no marks, no event; an
        // article that may mention something gets the way back.
        if (candidate) showTurnOnControl(article);
        return;
      }
      if (!candidate) {
        // No candidate: the engine is not even fetched, so no date is read.
        result = { found: 0, marked: 0 };
      } else {
        loadCard(config.timeoutMs).catch(() => {}); // fetched beside the wasm; scan awaits it
        const api = await engine();
        const date = config.date ? { day: (await parseDate(api, config.date)) || null, source: "data-date" }
          : await findDate(document, article, api);
        checkCurrent(generation);
        state.articleDate = date.day;
        dateSource = date.source;
        if (config.date && !state.articleDate) throw new Error('data-date="' + config.date + '" is not a calendar date');
        state.started = true;
        result = await scan(article);
      }
      checkCurrent(generation);
    } catch (err) {
      failUnlessCancelled(err); // a cancelled start's page was restored by destroy() or a site-off
      return;
    }
    announce("factcard:ready", {
      mentions: result.marked,
      found: result.found,
      articleDate: state.articleDate,
      articleDateSource: dateSource, // which of the page's dates was used
      datasetVersion: state.engine ? state.engine.datasetVersion : DATASET_VERSION,
      engine: state.engine ? state.engine.route : null, // where it ran: "worker", "blob worker", "main thread", …
      version: VERSION,
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
  else start();
})();
