// factcard widget: finds the article body, asks the WebAssembly engine for
// mentions of listed companies, lists and orders, marks them, and shows a
// context card on hover, keyboard focus or tap. The page is not touched until
// the engine has loaded, so a failed load leaves the page exactly as it was.
// docs/architecture.md walks through the data flow. The build joins in its
// parts at their placeholders: widget/article.js (the article and its text),
// widget/marks.js (state, watching); widget/prefilter.js runs just before it.
// The marks are made by widget/card.js, which only a page with a candidate
// loads; the engine client (widget/client.js) travels with the prefilter's
// second stage (widget/keys.js), which only a page with a word of a name
// loads.
(() => {
  "use strict";

  const VERSION = "0.1.0";
  const DATASET_VERSION = "__DATASET_VERSION__";
  // FILES: the name and SRI hash of each file factcard.js loads from beside
  // itself, {wasm, data, engine, card, keys: {name, integrity}}. Each name holds a
  // hash of its bytes, so every URL's bytes never change, and a dataset
  // update changes only the dataset's name (and this file).
  const FILES = "__FILES__";
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
  // Likewise the prefilter's second stage, factcard-keys.js (widget/keys.js).
  const keysListed = globalThis.__factcardKeys;
  delete globalThis.__factcardKeys;
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

  // engine starts the engine once, with the engine client that travels in
  // factcard-keys.js (widget/client.js), and resolves with its interface.
  let engineReady = null;
  function engine() {
    if (!engineReady) engineReady = loadKeys(config.timeoutMs).then((keys) => keys.startEngine());
    return engineReady.then((api) => (state.engine = api));
  }

  // The page's own factcard (a script tag), or a second copy of this script,
  // comes first; anything else a page put in window.factcard is an error
  // rather than a silent stop. A clobbering element (<div id="factcard">) is
  // not an own property of window and is simply shadowed.
  const taken = Object.prototype.hasOwnProperty.call(window, "factcard");
  if (taken && window.factcard && window.factcard[OURS]) return;

  "__ARTICLE__";

  "__MARKS__";

  // ---- card ------------------------------------------------------------

  // loadPart resolves with the function one of FILES defines in its global:
  // on a publisher's page loadScript runs the file; in the extension it ran
  // before this file, which took the function (listed) at once.
  function loadPart(file, global, listed, what, timeoutMs) {
    return (role === "page" ? loadScript(file, global, timeoutMs) : Promise.resolve(listed)).then((make) => {
      if (typeof make !== "function") throw new Error(FILES[file].name + " did not define " + what + ": not the file this factcard.js was built with");
      return make;
    });
  }

  // loadCard runs factcard-card.js (widget/card.js) once.
  let cardPromise = null;
  let cardUI = null;
  function loadCard(timeoutMs) {
    if (cardPromise) return cardPromise;
    cardPromise = loadPart("card", "__factcardCard", cardListed, "the card", timeoutMs).then((make) => {
      cardUI = make({ listen, changelogURL, engine: () => state.engine, mentionOf: (el) => state.mentions.get(el),
        setOffOnThisSite: (off) => setOffOnThisSite(off).catch(failUnlessCancelled),
        state, sliceMs: SLICE_MS, nextSlice, checkCurrent, ownChangesDone });
      return cardUI;
    });
    return cardPromise;
  }

  // loadKeys runs factcard-keys.js (widget/keys.js) once: the prefilter's
  // second stage and the engine client. It resolves with { scanner,
  // startEngine }.
  let keysPromise = null;
  function loadKeys(timeoutMs) {
    if (!keysPromise) {
      keysPromise = loadPart("keys", "__factcardKeys", keysListed, "the prefilter's keys and the engine client", timeoutMs).then((make) =>
        make(prefilter, { role, ext, fileURL, files: FILES, config, engineListed, loadScript }));
    }
    return keysPromise;
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
  async function articleRoot() {
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
      const generation = state.generation;
      const article = await articleRoot();
      if (generation === state.generation) showTurnOnControl(article);
      return;
    }
    removeTurnOnControl();
    if (!state.started) await start();
    else await scan(await articleRoot());
  }

  // showTurnOnControl puts "Fact cards are off on this site. Turn them on" at
  // the end of the article, in a shadow root so the page's styles leave it
  // alone; its words are English, as the card's.
  function showTurnOnControl(article) {
    if (state.turnOn) return;
    const control = document.createElement("factcard-turn-on");
    // Inline (CSSOM, which a strict style-src allows): the marks' styles
    // come with the card, which a page with fact cards off never loads.
    Object.assign(control.style, { display: "block", margin: "1em 0", fontSize: "0.85em" });
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
  // untouched page. The prefilter reads the text first: where it finds no
  // candidate, the engine is neither loaded nor asked (it would find
  // nothing), so scanning an article without one costs its reading alone.
  async function scan(root, options) {
    const generation = state.generation;
    if (root.getRootNode() !== document) throw new Error("scan: the element is not in the page's document (factcard skips shadow roots)");
    if (isSiteOff()) return { found: 0, marked: 0, off: true }; // the reader's choice
    const opts = Object.assign({ mark: config.mark, date: null }, options || {});
    if (opts.mark !== "first" && opts.mark !== "all") throw new Error('scan: mark "' + opts.mark + '" is not "first" or "all"');
    // A caller's date (an empty one: no date) is read by the engine, which
    // takes a round trip; without one, the article's date is used.
    const givenDate = Boolean(options && Object.prototype.hasOwnProperty.call(options, "date"));
    // Whether anything below is awaited for longer than the prefilter: then
    // the page may have changed meanwhile, and the text is read again.
    const loaded = state.engine !== null && cardUI !== null && articleDateRead !== null && !givenDate;
    let read = await articleText(root);
    checkCurrent(generation);
    const candidate = await mayMention(read.text);
    checkCurrent(generation);
    if (!candidate) {
      watch(root, options);
      return { found: 0, marked: 0 };
    }
    loadCard(config.timeoutMs).catch(() => {}); // fetched beside the wasm; awaited below
    const api = await engine();
    checkCurrent(generation);
    if (!givenDate) opts.date = (await articleDate(api, root)).day;
    else if (opts.date) opts.date = (await parseDate(api, opts.date)) || null;
    checkCurrent(generation);
    const ui = await loadCard(config.timeoutMs);
    checkCurrent(generation);
    injectPageStyles(ui.pageCSS);
    if (!state.eventsInstalled) { ui.installCardEvents(); state.eventsInstalled = true; }
    if (!loaded) {
      read = await articleText(root);
      checkCurrent(generation);
    }
    const result = await ui.markMentions(read.text, read.segs, api, opts, generation);
    watch(root, options);
    return result;
  }

  // articleDate reads the page's date once, with the engine, when the first
  // candidate needs it: data-date, else the date the page declares
  // (findDate). A data-date that is no date fails the scan before it marks.
  let articleDateRead = null;
  function articleDate(api, article) {
    if (!articleDateRead) {
      articleDateRead = (config.date ? parseDate(api, config.date).then((day) => {
        if (!day) throw new Error('data-date="' + config.date + '" is not a calendar date');
        return { day, source: "data-date" };
      }) : loadCard(config.timeoutMs).then((ui) => ui.findDate(document, article, (raw, lang) => parseDate(api, raw, lang)))).then((date) => {
        state.articleDate = date.day;
        return date;
      });
    }
    return articleDateRead;
  }

  // inspect reports what factcard would mark in a document (by default this
  // page), without changing it: the article text it reads, the date it
  // finds, and every mention with its UTF-16 offsets into that text.
  async function inspect(doc) {
    doc = doc || document;
    const api = await engine();
    const article = await findArticle(doc);
    const { text } = await articleText(article);
    const ui = await loadCard(config.timeoutMs);
    const date = await ui.findDate(doc, article, (raw, lang) => parseDate(api, raw, lang));
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
        scan: async (root, options) => scan(root || (await articleRoot()), options),
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
      const article = await articleRoot();
      checkCurrent(generation);
      if (isSiteOff()) {
        // The reader turned factcard off here: no marks, no event; an
        // article that may mention something gets the way back.
        const candidate = await mayMention((await articleText(article)).text);
        checkCurrent(generation);
        if (candidate) showTurnOnControl(article);
        return;
      }
      state.started = true;
      // scan reads the prefilter first: without a candidate the engine is
      // not even fetched, so no date is read; the article is watched, so
      // text the page adds later (a live blog) is read when it comes.
      result = await scan(article);
      if (articleDateRead) dateSource = (await articleDateRead).source;
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
