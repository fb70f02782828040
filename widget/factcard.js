// factcard widget: finds the article body, asks the WebAssembly engine for
// mentions of listed companies, lists and orders, marks them, and shows a
// context card on hover, keyboard focus or tap. The page is not touched until
// the engine has loaded, so a failed load leaves the page exactly as it was.
// docs/architecture.md walks through the data flow.
(() => {
  "use strict";

  const VERSION = "0.1.0";
  const DATASET_VERSION = "__DATASET_VERSION__";
  const WASM_INTEGRITY = "__WASM_INTEGRITY__"; // SRI hash of factcard.wasm, checked by fetch
  const CARD_CSS = "__CARD_CSS__";
  const PAGE_CSS = "__PAGE_CSS__";
  const SHOW_DELAY_MS = 500; // hover intent, as Wikipedia's Page Previews
  const HIDE_GRACE_MS = 300; // time to move the pointer from mark into card
  const SLICE_MS = 8; // longest main-thread task while marking
  const LOAD_TIMEOUT_MS = 20000; // data-timeout overrides it
  const OURS = Symbol.for("factcard"); // tells our window.factcard from a page's

  // widget/prefilter.js, joined before this file, leaves its scanner in a
  // global that is taken here at once, so the page keeps only window.factcard.
  const prefilter = globalThis.__factcardPrefilter;
  delete globalThis.__factcardPrefilter;

  // ---- where this copy runs ------------------------------------------------
  // One bundle serves four contexts: a publisher's <script> tag ("page"), the
  // browser extension's content script ("content"), and, with no page to
  // mark, a Web Worker or the extension's background ("engine").

  const ext = extensionAPI();
  // document.currentScript read through the prototype: an element named
  // "currentScript" on the page cannot shadow it.
  const script = typeof document === "undefined" ? null
    : Object.getOwnPropertyDescriptor(Document.prototype, "currentScript").get.call(document);
  const role = typeof document === "undefined" || (ext && /^(chrome|moz)-extension:$/.test(location.protocol)) ? "engine"
    : script ? "page" : ext ? "content" : null;
  if (!role) {
    // A module script (or eval) has no currentScript, so no folder to load
    // the wasm from: say so rather than do nothing.
    const message = "factcard: load factcard.js with a classic <script src> tag (not type=module), so it can find factcard.wasm beside itself";
    console.warn(message);
    document.dispatchEvent(new CustomEvent("factcard:error", { detail: { message } }));
    return;
  }
  const wasmURL = role === "page" ? new URL("factcard.wasm", script.src).href
    : role === "content" ? ext.runtime.getURL("factcard.wasm") : new URL("factcard.wasm", location.href).href;

  function extensionAPI() {
    for (const name of ["browser", "chrome"]) {
      const api = globalThis[name];
      if (api && api.runtime && typeof api.runtime.id === "string" && typeof api.runtime.getURL === "function") return api;
    }
    return null;
  }

  // ---- engine ----------------------------------------------------------

  // goRuntime runs Go's wasm_exec.js, which the build inlines here, against a
  // private stand-in for globalThis: the fs, process, path and Go it defines,
  // and the bridge's __factcardInit, stay in this closure instead of becoming
  // the page's globals. Everything else reads through to the real global.
  const goScope = (() => {
    const real = globalThis;
    const own = { fs: undefined, process: undefined, path: undefined, Go: undefined, __factcardInit: undefined };
    return new Proxy(own, {
      get: (o, k) => (k in o ? o[k] : real[k]),
      set: (o, k, v) => { o[k] = v; return true; },
      has: (o, k) => k in o || k in real,
    });
  })();
  function goRuntime(globalThis) {
    let fs; // wasm_exec.js writes output through a bare `fs`
    "__WASM_EXEC__";
    fs = globalThis.fs;
    return globalThis.Go;
  }

  // wasmAllowed: false when the page's Content-Security-Policy forbids
  // compiling WebAssembly. Tested on an empty module, before any download.
  function wasmAllowed() {
    try {
      new WebAssembly.Module(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
      return true;
    } catch (e) {
      return false;
    }
  }

  // loadEngine fetches factcard.wasm once, checked against the hash the build
  // baked in, runs it, and settles within timeoutMs whatever the network does.
  let enginePromise = null;
  function loadEngine(timeoutMs) {
    if (enginePromise) return enginePromise;
    enginePromise = new Promise((resolve, reject) => {
      if (typeof WebAssembly !== "object") {
        reject(new Error("this browser has WebAssembly turned off or does not support it"));
        return;
      }
      if (!wasmAllowed()) {
        reject(new Error("this page's Content-Security-Policy forbids WebAssembly: its script-src needs 'wasm-unsafe-eval'"));
        return;
      }
      const abort = new AbortController();
      const timer = setTimeout(() => {
        abort.abort();
        reject(new Error("loading " + wasmURL + " took longer than " + timeoutMs / 1000 + " s"));
      }, timeoutMs);
      const Go = goRuntime(goScope);
      const go = new Go();
      goScope.__factcardInit = (api, err) => {
        goScope.__factcardInit = undefined;
        clearTimeout(timer);
        if (api) resolve(checkedAPI(api, go));
        else reject(new Error(String(err)));
      };
      fetch(wasmURL, { integrity: WASM_INTEGRITY, signal: abort.signal })
        .catch((e) => {
          throw new Error(abort.signal.aborted ? String(e) : "could not fetch " + wasmURL + " (" + e.message + "): offline, " +
            "blocked by the page's connect-src, served from another origin without Access-Control-Allow-Origin, " +
            "or not the file this factcard.js was built with (integrity)");
        })
        .then((r) => {
          if (!r.ok) throw new Error(wasmURL + ": HTTP " + r.status);
          // Streaming compilation needs application/wasm; otherwise the same
          // response is read whole, never fetched again.
          const streaming = WebAssembly.instantiateStreaming && /^application\/wasm\b/.test(r.headers.get("content-type") || "");
          return streaming ? WebAssembly.instantiateStreaming(r, go.importObject)
            : r.arrayBuffer().then((b) => WebAssembly.instantiate(b, go.importObject));
        })
        .then((r) => go.run(r.instance))
        .catch((e) => { clearTimeout(timer); reject(e); });
    });
    return enginePromise;
  }

  // checkedAPI turns the bridge's {error} answers into exceptions, and retires
  // an instance whose Go program exited or whose wasm trapped, so that the
  // next loadEngine starts a fresh one instead of every later call failing.
  function checkedAPI(api, go) {
    const retire = (why) => {
      enginePromise = null;
      return new Error("factcard: the engine failed and restarts on the next request: " + why);
    };
    const checked = (name) => (...args) => {
      if (go.exited) throw retire("its program exited");
      let out;
      try {
        out = api[name](...args);
      } catch (err) {
        throw retire((err && err.message) || err);
      }
      if (out !== null && typeof out === "object" && typeof out.error === "string") throw new Error(out.error);
      return out;
    };
    return { datasetVersion: api.datasetVersion, asOf: api.asOf, ids: api.ids, kinds: api.kinds,
      find: checked("find"), analyze: checked("analyze"), card: checked("card"), parseDate: checked("parseDate") };
  }

  // ---- the engine without a page: worker and extension background -------

  // engineOps answer {op, args} requests with structured-cloneable values.
  // Arguments reach the engine as given: it answers a wrong one with an error
  // (coercing them here would turn card("abc") into the first entity's card).
  const engineOps = {
    meta: (api) => ({ datasetVersion: api.datasetVersion, asOf: api.asOf, ids: Array.from(api.ids), kinds: Array.from(api.kinds) }),
    find: (api, text) => Array.from(api.find(text)),
    claims: (api, text, date) => JSON.parse(api.analyze(text, date).claims),
    card: (api, entity, date) => JSON.parse(api.card(entity, date)),
    parseDate: (api, text, lang) => api.parseDate(text, lang),
    // analyze: what a content script needs to mark a page it cannot run the
    // wasm on: the mentions, the claims (JSON text) and each entity's card.
    analyze: (api, text, date) => {
      const r = api.analyze(text, date);
      const cards = {};
      for (let i = 0; i < r.found.length; i += 3) {
        if (!(r.found[i] in cards)) cards[r.found[i]] = api.card(r.found[i], date);
      }
      return { found: Array.from(r.found), claims: r.claims, cards };
    },
  };

  if (role === "engine") {
    globalThis.factcard = Object.freeze({
      [OURS]: true,
      version: VERSION,
      datasetVersion: DATASET_VERSION,
      // call(op, args) resolves with the op's result or rejects with an Error.
      call: async (op, args) => {
        if (!Object.prototype.hasOwnProperty.call(engineOps, op)) throw new Error("factcard: unknown op " + op);
        const api = await loadEngine(LOAD_TIMEOUT_MS);
        return engineOps[op](api, ...(Array.isArray(args) ? args : []));
      },
    });
    return;
  }

  // remoteEngine stands in for the wasm in a content script on a page whose
  // CSP forbids it: the extension's background matches, the content script
  // marks. Results are fetched by prepare() before marking, so the widget
  // reads them synchronously, as it reads the local engine.
  async function remoteEngine() {
    const call = async (op, ...args) => {
      const r = await ext.runtime.sendMessage({ factcard: op, args });
      if (!r || r.error) throw new Error((r && r.error) || "the extension's background did not answer");
      return r.result;
    };
    const meta = await call("meta");
    let last = { found: new Int32Array(0), claims: "[]" };
    const cards = new Map(); // "entity date" -> card JSON
    return {
      remote: true,
      datasetVersion: meta.datasetVersion,
      asOf: meta.asOf,
      ids: meta.ids,
      remoteParseDate: (text, lang) => call("parseDate", text, lang),
      async prepare(text, date) {
        const r = await call("analyze", text, date);
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
  // These rules have a native twin in build/article.go; keep them identical.

  const SKIP = new Set(["script", "style", "noscript", "template", "textarea", "input", "select", "option",
    "button", "svg", "math", "iframe", "object", "canvas", "video", "audio", "code", "pre", "kbd", "samp",
    "nav", "aside", "footer", "form", "head", "title", "factcard-card"]);
  const BLOCKS = new Set(["address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "section", "table",
    "td", "th", "tr", "ul", "caption", "details", "summary"]);

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
  const STRUCTURAL = new Set(["html", "body", "article", "main"]);
  const BOILERPLATE = new Set(["share", "sharing", "social", "related", "promo", "newsletter", "comment",
    "comments", "advert", "advertisement", "ad", "ads", "cookie", "consent", "subscribe", "recirc", "outbrain",
    "taboola", "sponsored", "badge", "badges", "teaser", "teasers", "recommended", "trending"]);
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

  const state = {
    engine: null,
    undo: [], // functions that restore the DOM, run in reverse order
    marked: new Set(), // entity ids marked so far (first-mention policy)
    serial: 0, // for the ids of split marks
    sheet: null,
    card: null,
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
      if (b < node.data.length) {
        const whole = node, right = node.splitText(b);
        state.undo.push(() => { whole.data += right.data; right.remove(); });
      }
      if (a > 0) {
        const left = node;
        node = node.splitText(a);
        const mid = node;
        state.undo.push(() => { left.data += mid.data; mid.remove(); });
      }
      const m = make(i === 0);
      node.parentNode.insertBefore(m, node);
      m.appendChild(node);
      state.undo.push(() => { if (m.parentNode) m.parentNode.insertBefore(node, m); m.remove(); });
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

  async function markMentions(root, api, opts) {
    const { text, segs } = await articleTextSliced(root);
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
      state.marked.add(id);
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
        el.__factcard = { entity: m.entity, written, date: opts.date, group, claims: m.claims };
        return el;
      };
      const made = wrapRange(segs, m.start, m.end, make);
      group.push(...made);
      if (made.length > 1) {
        // A name split across elements (<b>Xiao</b>mi): the first piece is
        // named by all the pieces together.
        const ids = made.map((p, i) => { p.id = "factcard-m" + (++state.serial) + "-" + i; return p.id; });
        made[0].setAttribute("aria-labelledby", ids.join(" "));
      }
      if (performance.now() - t0 > SLICE_MS) {
        await nextSlice();
        t0 = performance.now();
      }
    }
    return { found: mentions.length, marked: chosen.length };
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

  // Floating UI (npm @floating-ui/dom, pinned in build/vendor) places the
  // card beside its mention; the build inlines it here, in this closure.
  const floatingUI = "__FLOATING_UI__";
  const CARD_GAP = 6; // between the mention and the card
  const VIEWPORT_MARGIN = 8; // between the card and the viewport's edges
  const SHEET_MAX_WIDTH = 480; // narrower viewports get a bottom (or top) sheet
  const SHEET_MAX_SHARE = 0.7; // of the viewport's height
  const STALE_AFTER_DAYS = 90;
  const SITE_OFF_KEY = "factcard:off"; // the only thing factcard stores, and only on request

  const card = {
    host: null, root: null, box: null, mark: null, showTimer: 0, hideTimer: 0, stopUpdates: null, placements: 0,
  };

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      e.append(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return e;
  }

  function ensureCardHost() {
    if (card.host) return;
    card.host = document.createElement("factcard-card");
    card.root = card.host.attachShadow({ mode: "open" });
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CARD_CSS);
      card.root.adoptedStyleSheets = [sheet];
    } catch (e) {
      card.root.append(el("style", null, CARD_CSS));
    }
    // The card's own words are English whatever the page's direction; its
    // dates carry the page's language.
    card.box = el("div", { class: "card", role: "dialog", "aria-modal": "false", tabindex: "-1", lang: "en", dir: "ltr", hidden: true });
    card.root.append(card.box);
    document.body.append(card.host);
    listen(card.box, "pointerenter", () => clearTimeout(card.hideTimer));
    listen(card.box, "pointerleave", (e) => { if (e.pointerType === "mouse") scheduleHide(); });
    listen(card.box, "focusout", (e) => {
      if (!card.box.contains(e.relatedTarget) && !(card.mark && card.mark.__factcard.group.includes(e.relatedTarget))) scheduleHide();
    });
  }

  const safeURL = (u) => { try { const p = new URL(u); return p.protocol === "https:" || p.protocol === "http:" ? p.href : null; } catch (e) { return null; } };

  // A reference to source i of the card: a button, not an in-page link, so
  // that the card never changes the page's URL or scrolls it.
  function sourceRef(i) {
    const ref = el("button", { type: "button", class: "ref", "aria-label": "source " + (i + 1) }, "[" + (i + 1) + "]");
    ref.addEventListener("click", () => {
      const item = card.box.querySelector("#factcard-src-" + i);
      item.closest("details").open = true;
      item.scrollIntoView({ block: "nearest" });
      item.querySelector("a, span").focus({ preventScroll: true });
    });
    return ref;
  }


  // ---- dates for people ----

  // pageLanguage is the language of the text around the mention, else the
  // reader's, if the browser can format dates in it.
  function pageLanguage(mark) {
    const declared = (mark && mark.closest("[lang]") || document.documentElement).getAttribute("lang") || navigator.language;
    try {
      return Intl.DateTimeFormat.supportedLocalesOf([declared]).length ? declared : "en";
    } catch (e) {
      return "en"; // not a well-formed language tag
    }
  }

  // timeOf renders a YYYY-MM-DD day as a <time>: the words in the page's
  // language ("10 Feb 2021", "Feb 10, 2021", "10.02.2021"), the day itself
  // in datetime; CSS keeps it on one line.
  function timeOf(day, lang) {
    const d = new Date(day + "T00:00:00Z");
    if (isNaN(d)) return document.createTextNode(day);
    const text = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" }).format(d);
    return el("time", { datetime: day, lang }, text);
  }

  // withDates returns text as nodes, each YYYY-MM-DD in it written by timeOf.
  function withDates(text, lang) {
    const nodes = [];
    let last = 0;
    for (const m of text.matchAll(/\b\d{4}-\d{2}-\d{2}\b/g)) {
      if (m.index > last) nodes.push(text.slice(last, m.index));
      nodes.push(timeOf(m[0], lang));
      last = m.index + m[0].length;
    }
    if (last < text.length) nodes.push(text.slice(last));
    return nodes;
  }

  // ---- the answer ----

  const ON_LIST = new Set(["listed", "enjoined"]);
  const onList = (st) => !!st && ON_LIST.has(st.state);
  const shortListName = (name) => name.replace(/\s*\([^)]*\)\s*$/, "");

  // relevance sorts a company's lists: those it is on today, then those it
  // was on at the article's date ("current"); lists it has left ("earlier");
  // lists it was never on are not shown ("never").
  function relevance(l) {
    if (onList(l.asOf) || onList(l.onArticleDate)) return "current";
    const touched = (st) => st && st.state !== "not-listed";
    return touched(l.asOf) || touched(l.onArticleDate) || l.firstListed ? "earlier" : "never";
  }

  // CHANGE_EVENTS word the events that move a company on or off a list.
  const CHANGE_EVENTS = {
    listed: (list) => "added to " + list + " on",
    enjoined: () => "a court barred enforcement on",
    vacated: () => "a court vacated the designation on",
    removed: (list) => "removed from " + list + " on",
    ended: (list) => list + " stopped having legal effect on",
  };

  // changes says how a company's standing on a list moved between the
  // article's date and today, from the list's dated events (the first of
  // each kind), or [] when it did not move.
  function changes(c, l, lang) {
    const then = l.onArticleDate, now = l.asOf;
    if (!then || then.state === now.state) return [];
    const name = shortListName(l.name), seen = new Set(), out = [];
    for (const e of c.events) {
      if (e.list !== l.name || e.date <= c.articleDate || e.date > c.asOf || !CHANGE_EVENTS[e.type] || seen.has(e.type)) continue;
      seen.add(e.type);
      out.push([CHANGE_EVENTS[e.type](name) + " ", timeOf(e.date, lang)]);
    }
    return out;
  }

  // answerLine: on the article's date which lists; today which; what
  // changed in between, in one paragraph.
  function answerLine(c, lang) {
    const names = (pick) => {
      const on = c.lists.filter((l) => onList(pick(l)))
        .map((l) => shortListName(l.name) + (pick(l).state === "enjoined" ? " (enforcement barred by a court)" : ""));
      return on.length ? on.join(", ") : "on none of the lists factcard covers";
    };
    const p = el("p", { class: "answer" });
    if (c.articleDate) {
      p.append(el("strong", null, "On ", timeOf(c.articleDate, lang), ":"), " " + names((l) => l.onArticleDate) + ". ");
    }
    p.append(el("strong", null, c.articleDate ? "Today:" : "Today (no article date found):"), " " + names((l) => l.asOf));
    const changed = c.articleDate ? c.lists.flatMap((l) => changes(c, l, lang)) : [];
    changed.forEach((parts, i) => p.append(i ? "; " : " \u2014 ", ...parts));
    p.append(".");
    return p;
  }

  function statusLine(label, st, lang) {
    if (!st) return null;
    return el("div", { class: "status " + (st.listed ? "is-listed" : "not-listed"), "data-state": st.state },
      el("span", { class: "when" }, ...label), " ", el("span", { class: "what" }, ...withDates(st.text, lang)),
      st.source >= 0 ? " " : null, st.source >= 0 ? sourceRef(st.source) : null,
      // What the list's prohibitions did to this company on that day (the
      // engine words it for the company and the date), with its own source.
      st.effect ? el("p", { class: "effect", "data-effect": st.effectState }, ...withDates(st.effect, lang),
        st.effectSource >= 0 ? " " : null, st.effectSource >= 0 ? sourceRef(st.effectSource) : null) : null);
  }

  function listSection(c, l, lang) {
    return el("section", { class: "list", "data-list": l.id },
      el("h3", null, l.name),
      c.articleDate ? statusLine(["On ", timeOf(c.articleDate, lang), " (article):"], l.onArticleDate, lang) : null,
      statusLine(["Today (dataset of ", timeOf(c.asOf, lang), "):"], l.asOf, lang));
  }

  // freshness is one line when the dataset is older than STALE_AFTER_DAYS by
  // the reader's clock.
  function freshness(c, lang) {
    const days = Math.floor((Date.now() - Date.parse(c.asOf + "T00:00:00Z")) / 864e5);
    if (!(days > STALE_AFTER_DAYS)) return null;
    return el("p", { class: "stale", role: "note" }, "This dataset was last updated on ", timeOf(c.asOf, lang),
      ", " + days + " days ago: later changes are not shown.");
  }

  function renderCard(c, mark) {
    const info = mark.__factcard;
    const lang = pageLanguage(mark);
    // Lists name parties of every kind; orders and laws are documents.
    const party = c.kind !== "list" && c.kind !== "order" && c.kind !== "law";
    const parts = [el("h2", { id: "factcard-title" }, c.name)];
    if (party) parts.push(answerLine(c, lang));
    parts.push(freshness(c, lang));
    for (const cl of info.claims || []) {
      const src = cl.source && safeURL(cl.source.url);
      parts.push(el("div", { class: "claim", role: "note" },
        el("strong", null, "Check this sentence: "), ...withDates("it states " + cl.says + ". " + cl.record, lang),
        cl.note ? el("span", { class: "claim-note" }, " ", ...withDates(cl.note, lang)) : null,
        cl.source ? el("span", { class: "claim-source" }, " Source: ",
          src ? el("a", { href: src, target: "_blank", rel: "noopener noreferrer" }, cl.source.title) : cl.source.title,
          " (" + cl.source.publisher + ", ", timeOf(cl.source.date, lang), ")") : null));
    }
    const written = info.written ? info.written.replace(/\s+/g, " ").trim() : "";
    const known = [c.name, c.short].map((n) => (n || "").toLowerCase());
    if (written && !known.includes(written.toLowerCase())) {
      parts.push(el("p", { class: "written" }, "Written here as \u201c" + written + "\u201d"));
    }
    const kindText = { company: "Company", institute: "Research institute", university: "University", government: "Government body",
      person: "Person", list: "Government list", order: "Executive order", law: "Law" }[c.kind] || c.kind;
    parts.push(el("p", { class: "kind" }, kindText + (c.citation ? " \u00b7 " + c.citation : "")));
    if (c.title) parts.push(el("p", { class: "doc-title" }, c.title));
    if (c.summary) parts.push(el("p", { class: "summary" }, c.summary));
    if (c.kind === "list" && c.effect) parts.push(el("p", { class: "effect" }, c.effect));
    if (party) {
      const current = c.lists.filter((l) => relevance(l) === "current");
      const earlier = c.lists.filter((l) => relevance(l) === "earlier");
      // Today's lists first, then those of the article's date only.
      current.sort((a, b) => onList(b.asOf) - onList(a.asOf));
      for (const l of current) parts.push(listSection(c, l, lang));
      if (earlier.length) {
        parts.push(el("details", { class: "earlier" }, el("summary", null, "Earlier (" + earlier.length + ")"),
          ...earlier.map((l) => listSection(c, l, lang))));
      }
    }
    if (c.events.length) {
      const items = c.events.map((e) => {
        const what = [e.type.replace(/-/g, " ")];
        if (e.list && party) what.push("(" + e.list + ")");
        if (e.by) what.push("by " + e.by);
        const li = el("li", null, timeOf(e.date, lang), " " + what.join(" "));
        if (e.note) li.append(el("span", { class: "note" }, " \u2014 ", ...withDates(e.note, lang)));
        if (e.source >= 0) li.append(" ", sourceRef(e.source));
        return li;
      });
      parts.push(el("details", { class: "timeline", open: !party }, el("summary", null, "Timeline"), el("ol", null, ...items)));
    }
    if (c.sources.length) {
      const items = c.sources.map((s, i) => {
        const href = safeURL(s.url);
        const label = [s.title + (s.citation ? " (" + s.citation + ")" : "") + ", ", timeOf(s.date, lang)];
        return el("li", { id: "factcard-src-" + i }, href ? el("a", { href, target: "_blank", rel: "noopener noreferrer" }, ...label) : el("span", null, ...label),
          el("span", { class: "publisher" }, " \u2014 " + s.publisher));
      });
      parts.push(el("details", { class: "sources" }, el("summary", null, "Sources (" + c.sources.length + ")"), el("ol", null, ...items)));
    }
    const close = el("button", { type: "button", class: "close", "aria-label": "Close fact card" }, "\u00d7");
    close.addEventListener("click", () => hideCard(true));
    const off = el("button", { type: "button", class: "site-off" }, "Don\u2019t show on this site");
    off.addEventListener("click", turnOffOnThisSite);
    // The version is the dataset's date, "+", and a hash of its files.
    const hash = c.datasetVersion.slice(c.datasetVersion.indexOf("+") + 1);
    parts.push(el("div", { class: "foot" }, el("span", null, "factcard \u00b7 dataset of ", timeOf(c.asOf, lang), " \u00b7 " + hash), off), close);
    card.box.replaceChildren(...parts.filter(Boolean));
    card.box.setAttribute("aria-labelledby", "factcard-title");
  }

  // ---- "Don't show on this site" ----
  // The choice is one localStorage key on the reader's device; nothing else
  // is stored, and nothing is sent anywhere.

  function offOnThisSite() {
    try { return localStorage.getItem(SITE_OFF_KEY) === "1"; } catch (e) { return false; }
  }

  function turnOffOnThisSite() {
    try { localStorage.setItem(SITE_OFF_KEY, "1"); } catch (e) { /* storage blocked: off for this visit only */ }
    stopPositioning();
    unmarkAll();
    const undo = el("button", { type: "button", class: "site-on" }, "Undo");
    undo.addEventListener("click", turnOnOnThisSite);
    const close = el("button", { type: "button", class: "close", "aria-label": "Close" }, "\u00d7");
    close.addEventListener("click", () => { card.box.hidden = true; });
    card.box.replaceChildren(el("h2", { id: "factcard-title" }, "Fact cards are off on this site"),
      el("p", null, "This browser will not show them here again. The choice is kept on this device only."),
      el("div", { class: "foot" }, undo), close);
    card.mark = null;
    undo.focus();
  }

  function turnOnOnThisSite() {
    try { localStorage.removeItem(SITE_OFF_KEY); } catch (e) { /* nothing was stored */ }
    card.box.hidden = true;
    scan(findArticle(document));
  }

  // ---- placement ----

  // mentionRects: every line box of every piece of a mention (a name split
  // across elements or lines has several); the card must clear them all.
  const mentionRects = (first) => first.__factcard.group.flatMap((p) => [...p.getClientRects()]);

  // mentionReference is the whole mention as Floating UI's virtual element.
  const mentionReference = (first) => ({
    getBoundingClientRect: () => unionRect(mentionRects(first)), getClientRects: () => mentionRects(first), contextElement: first,
  });

  function unionRect(rects) {
    if (!rects.length) return { x: 0, y: 0, width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0 };
    const left = Math.min(...rects.map((r) => r.left)), top = Math.min(...rects.map((r) => r.top));
    const right = Math.max(...rects.map((r) => r.right)), bottom = Math.max(...rects.map((r) => r.bottom));
    return { x: left, y: top, left, top, right, bottom, width: right - left, height: bottom - top };
  }

  // positionCard puts the card above or below the whole mention, never over
  // it: Floating UI's flip picks the side with room and size caps the
  // card's height to that room. Narrow viewports get a full-width sheet on
  // the edge away from the mention.
  function positionCard() {
    const mark = card.mark, box = card.box;
    if (!mark || box.hidden) return;
    const vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
    const m = unionRect(mentionRects(mark));
    // A mention scrolled out of view takes its card with it.
    const outOfView = m.bottom < 0 || m.top > vh || m.right < 0 || m.left > vw;
    // Only the latest placement is applied: Floating UI answers
    // asynchronously, and an earlier answer can arrive after a later one.
    const placement = ++card.placements;
    if (vw <= SHEET_MAX_WIDTH) {
      box.style.visibility = outOfView ? "hidden" : "";
      const below = vh - m.bottom - CARD_GAP, above = m.top - CARD_GAP;
      const bottom = below >= above;
      box.dataset.layout = "sheet";
      box.dataset.side = bottom ? "bottom" : "top";
      Object.assign(box.style, { left: "0px", top: bottom ? "auto" : "0px", bottom: bottom ? "0px" : "auto", maxWidth: "",
        maxHeight: Math.max(0, Math.floor(Math.min(bottom ? below : above, vh * SHEET_MAX_SHARE))) + "px" });
      return;
    }
    box.dataset.layout = "popover";
    Object.assign(box.style, { bottom: "auto", maxHeight: "", maxWidth: "" }); // measure the card's own size, not the last one's limit
    const { computePosition, offset, flip, shift, size } = floatingUI;
    const rtl = getComputedStyle(mark).direction === "rtl";
    computePosition(mentionReference(mark), box, {
      strategy: "fixed",
      placement: rtl ? "bottom-end" : "bottom-start",
      middleware: [
        offset(CARD_GAP),
        flip({ padding: VIEWPORT_MARGIN, crossAxis: false }),
        shift({ padding: VIEWPORT_MARGIN }),
        size({
          padding: VIEWPORT_MARGIN,
          apply({ availableWidth, availableHeight }) {
            box.style.maxWidth = Math.floor(availableWidth) + "px";
            box.style.maxHeight = Math.max(0, Math.floor(availableHeight)) + "px";
          },
        }),
      ],
    }).then(({ x, y, placement: side }) => {
      if (placement !== card.placements || card.mark !== mark || box.hidden) return;
      box.style.visibility = outOfView ? "hidden" : "";
      box.dataset.side = side.split("-")[0];
      box.style.left = Math.round(x) + "px";
      box.style.top = Math.round(y) + "px";
    });
  }

  function stopPositioning() {
    if (card.stopUpdates) card.stopUpdates();
    card.stopUpdates = null;
  }

  // setGroupFlag marks every piece of a mention, so that focus ring and
  // hover colour cover all of it.
  function setGroupFlag(first, name, on) {
    for (const p of first.__factcard.group) p.toggleAttribute(name, on);
  }

  function showCard(mark, focusInto) {
    clearTimeout(card.showTimer);
    clearTimeout(card.hideTimer);
    ensureCardHost();
    const first = mark.__factcard.group[0];
    if (card.mark !== first) {
      if (card.mark) {
        card.mark.setAttribute("aria-expanded", "false");
        setGroupFlag(card.mark, "data-factcard-open", false);
      }
      stopPositioning();
      const info = first.__factcard;
      renderCard(JSON.parse(state.engine.card(info.entity, info.date || "")), first);
      card.mark = first;
    }
    card.box.hidden = false;
    first.setAttribute("aria-expanded", "true");
    setGroupFlag(first, "data-factcard-open", true);
    // Follows scrolling, resizing and layout changes of mark and card.
    if (!card.stopUpdates) {
      card.stopUpdates = floatingUI.autoUpdate(mentionReference(first), card.box, positionCard);
    }
    positionCard();
    if (focusInto) card.box.focus();
  }

  function hideCard(returnFocus) {
    clearTimeout(card.showTimer);
    clearTimeout(card.hideTimer);
    if (!card.box || card.box.hidden) return;
    stopPositioning();
    card.box.hidden = true;
    const m = card.mark;
    if (m) {
      m.setAttribute("aria-expanded", "false");
      setGroupFlag(m, "data-factcard-open", false);
      if (returnFocus && m.isConnected) {
        // Focus goes back to the mark without opening the card again.
        card.returningFocus = true;
        m.focus({ preventScroll: true });
        card.returningFocus = false;
      }
    }
    card.mark = null;
  }

  function scheduleHide() {
    clearTimeout(card.hideTimer);
    card.hideTimer = setTimeout(() => hideCard(false), HIDE_GRACE_MS);
  }

  const markOf = (t) => (t && t.closest ? t.closest("factcard-mark") : null);

  function installCardEvents() {
    listen(document, "pointerover", (e) => {
      const m = markOf(e.target);
      if (!m || !m.__factcard || e.pointerType !== "mouse") return;
      setGroupFlag(m.__factcard.group[0], "data-factcard-hover", true);
      clearTimeout(card.hideTimer);
      if (card.mark === m.__factcard.group[0] && !card.box.hidden) return;
      clearTimeout(card.showTimer);
      card.showTimer = setTimeout(() => showCard(m, false), SHOW_DELAY_MS);
    });
    listen(document, "pointerout", (e) => {
      const m = markOf(e.target);
      if (!m || !m.__factcard || e.pointerType !== "mouse") return;
      if (m.__factcard.group.includes(markOf(e.relatedTarget))) return;
      setGroupFlag(m.__factcard.group[0], "data-factcard-hover", false);
      clearTimeout(card.showTimer);
      if (card.box && !card.box.hidden) scheduleHide();
    });
    listen(document, "focusin", (e) => {
      const m = markOf(e.target);
      if (!m || !m.__factcard) return;
      // The ring goes round every piece when the keyboard moved focus here.
      if (m.matches(":focus-visible")) setGroupFlag(m, "data-factcard-focus", true);
      if (!card.returningFocus) showCard(m, false);
    });
    listen(document, "focusout", (e) => {
      const m = markOf(e.target);
      if (!m || !m.__factcard) return;
      setGroupFlag(m, "data-factcard-focus", false);
      if (!card.host) return;
      if (e.relatedTarget === card.host || (card.box && card.box.contains(e.relatedTarget))) return;
      scheduleHide();
    });
    // Touch: a tap is handled on pointerup (not every browser turns a tap
    // into a click); inside a link the first tap shows the card, and the
    // click that may follow is cancelled; a second tap follows the link.
    let tap = null;
    listen(document, "pointerdown", (e) => {
      tap = e.pointerType === "mouse" ? null : { x: e.clientX, y: e.clientY, target: e.target };
    }, true);
    listen(document, "pointerup", (e) => {
      if (!tap || e.pointerType === "mouse" || Math.hypot(e.clientX - tap.x, e.clientY - tap.y) > 10) return;
      const m = markOf(e.target);
      if (m && m.__factcard) {
        if (card.mark !== m.__factcard.group[0] || card.box.hidden) {
          showCard(m, false);
          card.tapShownAt = performance.now();
        }
      } else if (card.host && e.target !== card.host && card.box && !card.box.hidden) {
        hideCard(false);
      }
    }, true);
    listen(document, "click", (e) => {
      const m = markOf(e.target);
      if (m && m.__factcard) {
        if (performance.now() - (card.tapShownAt || -1e9) < 1000) {
          e.preventDefault(); // the click that follows the tap that opened the card
          card.tapShownAt = 0;
        } else if (card.mark !== m.__factcard.group[0] || card.box.hidden) {
          e.preventDefault(); // a mouse click opens the card at once
          showCard(m, false);
        }
        return;
      }
      if (card.host && e.target !== card.host && card.box && !card.box.hidden) hideCard(false);
    }, true);
    listen(document, "keydown", (e) => {
      if (e.key === "Escape" && card.box && !card.box.hidden) {
        const inCard = e.composedPath().includes(card.box);
        hideCard(inCard || markOf(e.target) !== null);
        return;
      }
      const m = markOf(e.target);
      if (m && m.__factcard && (e.key === "Enter" || e.key === " ")) {
        e.preventDefault();
        showCard(m, true);
      }
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

  const optedOut = () => config.off ||
    document.documentElement.getAttribute("data-factcard") === "off" ||
    Array.from(document.querySelectorAll('meta[name="factcard"]')).some((m) => m.getAttribute("content") === "off") ||
    offOnThisSite();

  // pageEmbedsFactcard: the publisher's own factcard is on the page, so the
  // extension stays out of its way.
  const pageEmbedsFactcard = () => document.querySelector("factcard-mark") !== null ||
    Array.from(document.querySelectorAll("script[src]")).some((s) => /\/factcard\.js$/.test(s.src.split(/[?#]/)[0]));

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

  // ---- public API -------------------------------------------------------

  let eventsInstalled = false;
  let articleDate = null;
  let engineReady = null;

  // engine: the wasm in this context, or, in a content script on a page whose
  // CSP forbids it, the extension's background.
  function engine() {
    if (!engineReady) engineReady = role === "content" && !wasmAllowed() ? remoteEngine() : loadEngine(config.timeoutMs);
    return engineReady.then((api) => (state.engine = api));
  }

  const parseDate = async (api, raw, lang) => (api.remote ? api.remoteParseDate(raw, lang || "") : api.parseDate(raw, lang || ""));

  async function scan(root, options) {
    const api = await engine();
    const opts = Object.assign({ mark: config.mark, date: articleDate }, options || {});
    if (opts.mark !== "first" && opts.mark !== "all") throw new Error('scan: mark "' + opts.mark + '" is not "first" or "all"');
    if (opts.date) opts.date = (await parseDate(api, opts.date)) || null;
    if (api.remote) await api.prepare(articleText(root).text, opts.date || "");
    injectPageStyles();
    if (!eventsInstalled) { installCardEvents(); eventsInstalled = true; }
    return markMentions(root, api, opts);
  }

  // inspect reports what factcard would mark in a document (by default this
  // page), without changing it: the article text it reads, the date it
  // finds, and every mention with its UTF-16 offsets into that text.
  async function inspect(doc) {
    doc = doc || document;
    const api = await engine();
    if (api.remote) throw new Error("inspect: this page's CSP forbids the wasm");
    const article = findArticle(doc);
    const { text } = articleText(article);
    const date = await findDate(doc, article, api);
    const found = api.find(text);
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

  function destroy() {
    hideCard(false);
    unmarkAll();
    for (const off of state.listeners) off();
    state.listeners = [];
    eventsInstalled = false;
    if (card.host) card.host.remove();
    card.host = card.root = card.box = card.mark = null;
    if (state.sheet) state.sheet.remove();
    state.sheet = null;
  }

  // announce dispatches factcard:ready or factcard:error to the page; the
  // extension's content script stays silent towards the page.
  function announce(type, detail) {
    if (role === "page") document.dispatchEvent(new CustomEvent(type, { detail }));
  }

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
      }),
    });
  }

  async function start() {
    let result, dateSource;
    try {
      if (taken) throw new Error("the page already defines window.factcard, so factcard did not start");
      readConfig();
      if (optedOut() || (role === "content" && pageEmbedsFactcard())) return;
      const article = articleRoot();
      if (!(await mayMention(article))) {
        // No candidate: the engine is not even fetched, so no date is read.
        result = { found: 0, marked: 0 };
      } else {
        const api = await engine();
        const date = config.date ? { day: (await parseDate(api, config.date)) || null, source: "data-date" }
          : await findDate(document, article, api);
        articleDate = date.day;
        dateSource = date.source;
        if (config.date && !articleDate) throw new Error('data-date="' + config.date + '" is not a calendar date');
        result = await scan(article);
      }
    } catch (err) {
      fail(err);
      return;
    }
    announce("factcard:ready", {
      mentions: result.marked,
      found: result.found,
      articleDate,
      articleDateSource: dateSource, // which of the page's dates was used
      datasetVersion: state.engine ? state.engine.datasetVersion : DATASET_VERSION,
      version: VERSION,
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
  else start();
})();
