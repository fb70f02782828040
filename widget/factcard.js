// factcard widget: finds the article body, asks the WebAssembly engine for
// mentions of listed companies, lists and orders, marks them, and shows a
// context card on hover, keyboard focus or tap. The page is not touched until
// the engine has loaded, so a failed load leaves the page exactly as it was.
// docs/architecture.md walks through the data flow.
(() => {
  "use strict";

  const VERSION = "0.1.0";
  const DATASET_VERSION = "__DATASET_VERSION__";
  const CARD_CSS = "__CARD_CSS__";
  const PAGE_CSS = "__PAGE_CSS__";
  const SHOW_DELAY_MS = 500; // hover intent, as Wikipedia's Page Previews
  const HIDE_GRACE_MS = 300; // time to move the pointer from mark into card
  const SLICE_MS = 8; // longest main-thread task while marking

  const script = document.currentScript;
  if (!script || window.factcard) return; // a second copy of the script does nothing

  const optedOut = () =>
    script.dataset.factcard === "off" ||
    document.documentElement.dataset.factcard === "off" ||
    (document.querySelector('meta[name="factcard"]') || {}).content === "off";

  // ---- engine ----------------------------------------------------------

  let enginePromise = null;
  function loadEngine() {
    if (enginePromise) return enginePromise;
    enginePromise = new Promise((resolve, reject) => {
      const go = new Go();
      globalThis.__factcardInit = (api, err) => {
        delete globalThis.__factcardInit;
        if (api) resolve(api);
        else reject(new Error("factcard: " + err));
      };
      const url = new URL("factcard.wasm", script.src);
      const viaBuffer = () =>
        fetch(url).then((r) => {
          if (!r.ok) throw new Error("factcard: " + url + ": HTTP " + r.status);
          return r.arrayBuffer();
        }).then((b) => WebAssembly.instantiate(b, go.importObject));
      const instantiate = WebAssembly.instantiateStreaming
        ? WebAssembly.instantiateStreaming(fetch(url), go.importObject).catch(viaBuffer)
        : viaBuffer();
      instantiate.then((r) => go.run(r.instance)).catch(reject);
    });
    return enginePromise;
  }

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

  // articleText returns the prose under root and the text nodes it came from,
  // each with its UTF-16 offset in that prose.
  function articleText(root) {
    const segs = [];
    let text = "";
    const newline = () => {
      if (text.length && text[text.length - 1] !== "\n") text += "\n";
    };
    const walk = (n) => {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === Node.TEXT_NODE) {
          segs.push({ node: c, start: text.length });
          text += c.data;
        } else if (c.nodeType === Node.ELEMENT_NODE && !isSkipped(c)) {
          const block = BLOCKS.has(c.localName);
          if (block) newline();
          walk(c);
          if (block) newline();
        }
      }
    };
    walk(root);
    return { text, segs };
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
    if (doc === document && script.dataset.article) return document.querySelector(script.dataset.article);
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

  // findDateRaw reads the publication date as the page's metadata writes it.
  function findDateRaw(doc, article) {
    const meta = (...keys) => {
      for (const k of keys) {
        for (const m of doc.querySelectorAll("meta")) {
          const p = (m.getAttribute("property") || "").toLowerCase();
          const nm = (m.getAttribute("name") || "").toLowerCase();
          if ((p === k || nm === k) && m.getAttribute("content")) return m.getAttribute("content");
        }
      }
      return "";
    };
    let v = meta("article:published_time");
    if (v) return v;
    const fromLD = (x) => {
      if (Array.isArray(x)) {
        for (const e of x) { const d = fromLD(e); if (d) return d; }
      } else if (x && typeof x === "object") {
        if (typeof x.datePublished === "string" && x.datePublished) return x.datePublished;
        if (x["@graph"]) return fromLD(x["@graph"]);
      }
      return "";
    };
    for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
      const json = s.textContent.replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>\s*$/g, "");
      try { v = fromLD(JSON.parse(json)); } catch (e) { v = ""; }
      if (v) return v;
    }
    for (const el of doc.querySelectorAll('[itemprop="datePublished"]')) {
      v = el.getAttribute("content") || el.getAttribute("datetime");
      if (v) return v;
    }
    v = meta("parsely-pub-date", "dcterms.created", "dc.date.issued", "dc.date", "date", "pubdate");
    if (v) return v;
    if (article) {
      for (const t of article.querySelectorAll("header time[datetime]")) {
        if (t.getAttribute("datetime")) return t.getAttribute("datetime");
      }
    }
    // Last, a date in the page's canonical URL path (/2015/03/18/).
    const canonical = doc.querySelector('link[rel="canonical"]');
    for (const u of [canonical && canonical.getAttribute("href"), meta("og:url")]) {
      const m = u && /\/((?:19|20)\d\d)\/(\d\d)\/(\d\d)\//.exec(u);
      if (m) return m[1] + "-" + m[2] + "-" + m[3];
    }
    return "";
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
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i], len = s.node.data.length;
      const a = Math.max(start, s.start), b = Math.min(end, s.start + len);
      if (a < b) pieces.push({ node: s.node, a: a - s.start, b: b - s.start });
      if (s.start >= end) break;
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

  function nextSlice() {
    if (globalThis.scheduler && scheduler.yield) return scheduler.yield();
    return new Promise((r) => setTimeout(r, 0));
  }

  async function markMentions(root, api, opts) {
    const { text, segs } = articleText(root);
    const { found, claims } = api.analyze(text, opts.date || "");
    const mentions = [];
    for (let i = 0; i < found.length; i += 3) {
      mentions.push({ entity: found[i], start: found[i + 1], end: found[i + 2], claims: [] });
    }
    for (const c of JSON.parse(claims)) mentions[c.mention].claims.push(c);
    // The first mention of each entity is marked (all with mark: "all"), and
    // every mention whose sentence the record contradicts.
    // Scanning again is harmless: mentions already inside a mark are skipped.
    const marked = (m) => segs.some((s) => s.start < m.end && s.start + s.node.data.length > m.start &&
      s.node.parentNode && s.node.parentNode.localName === "factcard-mark");
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

  const card = {
    host: null, root: null, box: null, mark: null, showTimer: 0, hideTimer: 0,
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
    card.box = el("div", { class: "card", role: "dialog", "aria-modal": "false", tabindex: "-1", hidden: true });
    card.root.append(card.box);
    document.body.append(card.host);
    listen(card.box, "pointerenter", () => clearTimeout(card.hideTimer));
    listen(card.box, "pointerleave", (e) => { if (e.pointerType === "mouse") scheduleHide(); });
    listen(card.box, "focusout", (e) => {
      if (!card.box.contains(e.relatedTarget) && !(card.mark && card.mark.__factcard.group.includes(e.relatedTarget))) scheduleHide();
    });
  }

  const safeURL = (u) => { try { const p = new URL(u); return p.protocol === "https:" || p.protocol === "http:" ? p.href : null; } catch (e) { return null; } };

  function statusLine(label, st) {
    if (!st) return null;
    return el("div", { class: "status " + (st.listed ? "is-listed" : "not-listed"), "data-state": st.state },
      el("span", { class: "when" }, label), " ", el("span", { class: "what" }, st.text));
  }

  function renderCard(c, written, claims) {
    const title = el("h2", { id: "factcard-title" }, c.name);
    const parts = [title];
    for (const cl of claims || []) {
      const src = cl.source && safeURL(cl.source.url);
      parts.push(el("div", { class: "claim", role: "note" },
        el("strong", null, "Check this sentence: "), "it states " + cl.says + ". ", cl.record,
        cl.note ? el("span", { class: "claim-note" }, " " + cl.note) : null,
        cl.source ? el("span", { class: "claim-source" }, " Source: ",
          src ? el("a", { href: src, target: "_blank", rel: "noopener noreferrer" }, cl.source.title) : cl.source.title,
          " (" + cl.source.publisher + ", " + cl.source.date + ")") : null));
    }
    const asWritten = written ? written.replace(/\s+/g, " ").trim().toLowerCase() : "";
    if (asWritten && asWritten !== c.name.toLowerCase() && asWritten !== (c.short || "").toLowerCase()) {
      parts.push(el("p", { class: "written" }, "Written here as \u201c" + written.replace(/\s+/g, " ").trim() + "\u201d"));
    }
    const kindText = { company: "Company", institute: "Research institute", university: "University", government: "Government body",
      person: "Person", list: "Government list", order: "Executive order", law: "Law" }[c.kind] || c.kind;
    // Lists name parties of every kind; orders and laws are documents.
    const party = c.kind !== "list" && c.kind !== "order" && c.kind !== "law";
    parts.push(el("p", { class: "kind" }, kindText + (c.citation ? " \u00b7 " + c.citation : "")));
    if (c.title) parts.push(el("p", { class: "doc-title" }, c.title));
    if (c.summary) parts.push(el("p", { class: "summary" }, c.summary));
    if (c.kind === "list" && c.effect) parts.push(el("p", { class: "effect" }, c.effect));
    const date = c.articleDate;
    if (party) {
      if (!date) parts.push(el("p", { class: "nodate" }, "This page gives no publication date: status shown as of " + c.asOf + " only."));
      else if (c.onNoListOnArticleDate) parts.push(el("p", { class: "nolist" }, "On the article\u2019s date (" + date + ") it was on none of the lists below."));
      if (!c.lists.length) parts.push(el("p", { class: "nolist" }, "The dataset records no listing of this company on any list it covers."));
      for (const l of c.lists) {
        parts.push(el("section", { class: "list", "data-list": l.id },
          el("h3", null, l.name),
          el("p", { class: "effect" }, l.effectShort || l.effect),
          date ? statusLine("On " + date + " (article):", l.onArticleDate) : null,
          statusLine("As of " + c.asOf + ":", l.asOf)));
      }
    }
    if (c.events.length) {
      const items = c.events.map((e) => {
        const what = [e.type.replace(/-/g, " ")];
        if (e.list && party) what.push("(" + e.list + ")");
        if (e.by) what.push("by " + e.by);
        const li = el("li", null, el("time", { datetime: e.date }, e.date), " ", what.join(" "));
        if (e.note) li.append(el("span", { class: "note" }, " \u2014 " + e.note));
        if (e.source >= 0) {
          // A button, not an in-page link: the card must not change the
          // page's URL or scroll it.
          const ref = el("button", { type: "button", class: "ref", "aria-label": "source " + (e.source + 1) }, "[" + (e.source + 1) + "]");
          ref.addEventListener("click", () => {
            const item = card.box.querySelector("#factcard-src-" + e.source);
            item.closest("details").open = true;
            item.scrollIntoView({ block: "nearest" });
            item.querySelector("a, span").focus({ preventScroll: true });
          });
          li.append(" ", ref);
        }
        return li;
      });
      parts.push(el("details", { class: "timeline", open: !party }, el("summary", null, "Timeline"), el("ol", null, ...items)));
    }
    if (c.sources.length) {
      const items = c.sources.map((s, i) => {
        const href = safeURL(s.url);
        const label = s.title + (s.citation ? " (" + s.citation + ")" : "") + ", " + s.date;
        return el("li", { id: "factcard-src-" + i }, href ? el("a", { href, target: "_blank", rel: "noopener noreferrer" }, label) : label,
          el("span", { class: "publisher" }, " \u2014 " + s.publisher));
      });
      parts.push(el("details", { class: "sources" }, el("summary", null, "Sources (" + c.sources.length + ")"), el("ol", null, ...items)));
    }
    const close = el("button", { type: "button", class: "close", "aria-label": "Close fact card" }, "\u00d7");
    close.addEventListener("click", () => hideCard(true));
    parts.push(el("div", { class: "foot" }, el("span", null, "factcard \u00b7 dataset " + c.datasetVersion), close));
    card.box.replaceChildren(...parts);
    card.box.setAttribute("aria-labelledby", "factcard-title");
  }

  function positionCard(mark) {
    const rects = mark.getClientRects();
    const r = rects.length ? rects[0] : mark.getBoundingClientRect();
    const vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
    const box = card.box;
    box.style.maxWidth = Math.min(380, vw - 16) + "px";
    const h = box.offsetHeight, w = box.offsetWidth;
    const below = vh - r.bottom, above = r.top;
    let top;
    if (below >= h + 8 || below >= above) {
      top = r.bottom + 6;
      box.dataset.side = "below";
      box.style.maxHeight = Math.max(120, below - 14) + "px";
    } else {
      box.style.maxHeight = Math.max(120, above - 14) + "px";
      top = r.top - 6 - Math.min(h, above - 14);
      box.dataset.side = "above";
    }
    const rtl = getComputedStyle(mark).direction === "rtl";
    let left = rtl ? r.right - w : r.left;
    left = Math.max(8, Math.min(left, vw - w - 8));
    box.style.top = Math.round(top) + "px";
    box.style.left = Math.round(left) + "px";
  }

  function showCard(mark, focusInto) {
    clearTimeout(card.showTimer);
    clearTimeout(card.hideTimer);
    ensureCardHost();
    const info = mark.__factcard;
    const first = info.group[0];
    if (card.mark !== first) {
      if (card.mark) card.mark.setAttribute("aria-expanded", "false");
      const json = state.engine.card(info.entity, info.date || "");
      renderCard(JSON.parse(json), info.written, info.claims);
      card.mark = first;
    }
    card.box.hidden = false;
    first.setAttribute("aria-expanded", "true");
    positionCard(first);
    if (focusInto) card.box.focus();
  }

  function hideCard(returnFocus) {
    clearTimeout(card.showTimer);
    clearTimeout(card.hideTimer);
    if (!card.box || card.box.hidden) return;
    card.box.hidden = true;
    const m = card.mark;
    if (m) {
      m.setAttribute("aria-expanded", "false");
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
      clearTimeout(card.hideTimer);
      if (card.mark === m.__factcard.group[0] && !card.box.hidden) return;
      clearTimeout(card.showTimer);
      card.showTimer = setTimeout(() => showCard(m, false), SHOW_DELAY_MS);
    });
    listen(document, "pointerout", (e) => {
      const m = markOf(e.target);
      if (!m || !m.__factcard || e.pointerType !== "mouse") return;
      if (m.__factcard.group.includes(e.relatedTarget)) return;
      clearTimeout(card.showTimer);
      if (card.box && !card.box.hidden) scheduleHide();
    });
    listen(document, "focusin", (e) => {
      const m = markOf(e.target);
      if (m && m.__factcard && !card.returningFocus) showCard(m, false);
    });
    listen(document, "focusout", (e) => {
      const m = markOf(e.target);
      if (!m || !m.__factcard || !card.host) return;
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
    listen(window, "scroll", () => { if (card.mark && card.box && !card.box.hidden) positionCard(card.mark); }, { passive: true });
    listen(window, "resize", () => { if (card.mark && card.box && !card.box.hidden) positionCard(card.mark); }, { passive: true });
  }

  // ---- public API -------------------------------------------------------

  let eventsInstalled = false;
  let articleDate = null;

  async function scan(root, options) {
    const api = state.engine || (state.engine = await loadEngine());
    const opts = Object.assign({ mark: script.dataset.mark || "first", date: articleDate }, options || {});
    if (opts.date) opts.date = api.parseDate(opts.date) || null;
    injectPageStyles();
    if (!eventsInstalled) { installCardEvents(); eventsInstalled = true; }
    return markMentions(root, api, opts);
  }

  // inspect reports what factcard would mark in a document (by default this
  // page), without changing it: the article text it reads, the date it
  // finds, and every mention with its UTF-16 offsets into that text.
  async function inspect(doc) {
    doc = doc || document;
    const api = state.engine || (state.engine = await loadEngine());
    const article = findArticle(doc);
    const { text } = articleText(article);
    const raw = findDateRaw(doc, article);
    const found = api.find(text);
    const mentions = [];
    for (let i = 0; i < found.length; i += 3) {
      mentions.push({ id: api.ids[found[i]], start: found[i + 1], end: found[i + 2], text: text.slice(found[i + 1], found[i + 2]) });
    }
    return { text, articleDate: raw ? api.parseDate(raw) || null : null, mentions };
  }

  function destroy() {
    hideCard(false);
    for (let i = state.undo.length - 1; i >= 0; i--) state.undo[i]();
    state.undo = [];
    state.marked.clear();
    for (const off of state.listeners) off();
    state.listeners = [];
    eventsInstalled = false;
    if (card.host) card.host.remove();
    card.host = card.root = card.box = card.mark = null;
    if (state.sheet) state.sheet.remove();
    state.sheet = null;
  }

  window.factcard = Object.freeze({
    version: VERSION,
    datasetVersion: DATASET_VERSION,
    scan: (root, options) => scan(root || findArticle(document), options),
    inspect,
    destroy,
  });

  async function start() {
    if (optedOut()) return;
    const article = findArticle(document);
    if (!article) return;
    const raw = script.dataset.date || findDateRaw(document, article);
    let result;
    try {
      const api = state.engine = await loadEngine();
      articleDate = raw ? api.parseDate(raw) || null : null;
      result = await scan(article);
    } catch (err) {
      destroy(); // leave the page as it was
      document.dispatchEvent(new CustomEvent("factcard:error", { detail: { message: String(err && err.message || err) } }));
      return;
    }
    document.dispatchEvent(new CustomEvent("factcard:ready", {
      detail: {
        mentions: result.marked,
        found: result.found,
        articleDate,
        datasetVersion: state.engine.datasetVersion,
        version: VERSION,
      },
    }));
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
  else start();
})();
