// factcard's card: rendering, placement (Floating UI) and the card's CSS,
// the marks, and the article's date, which only a page with a candidate needs.
// factcard.js loads this file only once a page may mention something, at the
// same time as the wasm, so a page with no candidate never downloads it. It
// hands one function to factcard.js through a global that factcard.js takes
// at once, so the page keeps only window.factcard.
globalThis.__factcardCard = (host) => {
  "use strict";

  const CARD_CSS = "__CARD_CSS__";
  const PAGE_CSS = "__PAGE_CSS__"; // the marks' styles (widget/page.css), which factcard.js adds to the page
  const SHOW_DELAY_MS = 500; // hover intent, as Wikipedia's Page Previews
  const HIDE_GRACE_MS = 300; // time to move the pointer from mark into card
  const { listen } = host;
  // mentionOf(el): what factcard.js knows of one of its marks ({entity,
  // written, date, group, claims}), kept in its WeakMap; undefined for any
  // other element.
  const mentionOf = host.mentionOf;

  // Floating UI (npm @floating-ui/dom, pinned in build/vendor) places the
  // card beside its mention; the build inlines it here, in this closure.
  const floatingUI = "__FLOATING_UI__";
  const CARD_GAP = 6; // between the mention and the card
  const VIEWPORT_MARGIN = 8; // between the card and the viewport's edges
  const SHEET_MAX_WIDTH = 480; // narrower viewports get a bottom (or top) sheet
  const SHEET_MAX_SHARE = 0.7; // of the viewport's height
  const STALE_AFTER_DAYS = 90;

  // The card's whole state: its elements, the first mark of the mention it
  // shows, timers, Floating UI's updater and answer count, and two flags of
  // the event handlers.
  const card = {
    host: null, root: null, box: null, mark: null, showTimer: 0, hideTimer: 0, stopUpdates: null, placements: 0,
    returningFocus: false, // focus goes back to the mark: do not open the card again
    tapShownAt: 0, // when a tap opened the card, to cancel the click that follows
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
      if (!card.box.contains(e.relatedTarget) && !(card.mark && mentionOf(card.mark).group.includes(e.relatedTarget))) scheduleHide();
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
    const info = mentionOf(mark);
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
    parts.push(el("div", { class: "foot" }, dataLine(c, lang), off), close);
    card.box.replaceChildren(...parts.filter(Boolean));
    card.box.setAttribute("aria-labelledby", "factcard-title");
  }

  // dataLine says what data the card rests on: the dataset's as-of day (the
  // last day its facts were checked), its version (the day, "+", a hash of
  // its files: the hash is shown, the whole is in data-version), and a link
  // to the changelog that says what each version changed. The link is
  // factcard's own file (an extension URL in the extension), never data.
  function dataLine(c, lang) {
    const hash = c.datasetVersion.slice(c.datasetVersion.indexOf("+") + 1);
    return el("span", { class: "data", "data-version": c.datasetVersion }, "factcard \u00b7 facts as of ", timeOf(c.asOf, lang),
      " \u00b7 dataset " + hash + " \u00b7 ",
      el("a", { href: host.changelogURL, target: "_blank", rel: "noopener noreferrer" }, "what changed"));
  }

  // ---- "Don't show on this site" ----
  // factcard.js keeps the choice (one localStorage key, nothing sent) and
  // applies it: the marks go, and a line at the article's end turns them on
  // again on this or a later visit. The card confirms, with Undo.

  function turnOffOnThisSite() {
    host.setOffOnThisSite(true); // hides the card and removes every mark at once
    const undo = el("button", { type: "button", class: "site-on" }, "Undo");
    undo.addEventListener("click", () => {
      card.box.hidden = true;
      host.setOffOnThisSite(false);
    });
    const close = el("button", { type: "button", class: "close", "aria-label": "Close" }, "\u00d7");
    close.addEventListener("click", () => { card.box.hidden = true; });
    card.box.replaceChildren(el("h2", { id: "factcard-title" }, "Fact cards are off on this site"),
      el("p", null, "This browser will not show them here again. To turn them back on, use \u201cTurn them on\u201d at the " +
        "end of an article. The choice is kept on this device only."),
      el("div", { class: "foot" }, undo), close);
    card.box.hidden = false;
    undo.focus();
  }

  // ---- placement ----

  // mentionRects: every line box of every piece of a mention (a name split
  // across elements or lines has several); the card must clear them all.
  const mentionRects = (first) => mentionOf(first).group.flatMap((p) => [...p.getClientRects()]);

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
    for (const p of mentionOf(first).group) p.toggleAttribute(name, on);
  }

  function showCard(mark, focusInto) {
    clearTimeout(card.showTimer);
    clearTimeout(card.hideTimer);
    ensureCardHost();
    const first = mentionOf(mark).group[0];
    if (card.mark !== first) {
      if (card.mark) {
        card.mark.setAttribute("aria-expanded", "false");
        setGroupFlag(card.mark, "data-factcard-open", false);
      }
      stopPositioning();
      const info = mentionOf(first);
      renderCard(JSON.parse(host.engine().card(info.entity, info.date || "")), first);
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

  // markOf: the factcard mark at an event's target, or null (a page's own
  // <factcard-mark> element is not one).
  const markOf = (t) => {
    const m = t && t.closest ? t.closest("factcard-mark") : null;
    return m && mentionOf(m) ? m : null;
  };

  function installCardEvents() {
    listen(document, "pointerover", (e) => {
      const m = markOf(e.target);
      if (!m || e.pointerType !== "mouse") return;
      setGroupFlag(mentionOf(m).group[0], "data-factcard-hover", true);
      clearTimeout(card.hideTimer);
      if (card.mark === mentionOf(m).group[0] && !card.box.hidden) return;
      clearTimeout(card.showTimer);
      card.showTimer = setTimeout(() => showCard(m, false), SHOW_DELAY_MS);
    });
    listen(document, "pointerout", (e) => {
      const m = markOf(e.target);
      if (!m || e.pointerType !== "mouse") return;
      if (mentionOf(m).group.includes(markOf(e.relatedTarget))) return;
      setGroupFlag(mentionOf(m).group[0], "data-factcard-hover", false);
      clearTimeout(card.showTimer);
      if (card.box && !card.box.hidden) scheduleHide();
    });
    listen(document, "focusin", (e) => {
      const m = markOf(e.target);
      if (!m) return;
      // The ring goes round every piece when the keyboard moved focus here.
      if (m.matches(":focus-visible")) setGroupFlag(m, "data-factcard-focus", true);
      if (!card.returningFocus) showCard(m, false);
    });
    listen(document, "focusout", (e) => {
      const m = markOf(e.target);
      if (!m) return;
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
      if (m) {
        if (card.mark !== mentionOf(m).group[0] || card.box.hidden) {
          showCard(m, false);
          card.tapShownAt = performance.now();
        }
      } else if (card.host && e.target !== card.host && card.box && !card.box.hidden) {
        hideCard(false);
      }
    }, true);
    listen(document, "click", (e) => {
      const m = markOf(e.target);
      if (m) {
        if (performance.now() - (card.tapShownAt || -1e9) < 1000) {
          e.preventDefault(); // the click that follows the tap that opened the card
          card.tapShownAt = 0;
        } else if (card.mark !== mentionOf(m).group[0] || card.box.hidden) {
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
      if (m && (e.key === "Enter" || e.key === " ")) {
        e.preventDefault();
        showCard(m, true);
      }
    });
  }


  // remove takes the card out of the page; factcard.js's destroy removes the
  // listeners installCardEvents added through its listen.
  function remove() {
    hideCard(false);
    if (card.host) card.host.remove();
    card.host = card.root = card.box = card.mark = null;
  }

  // findDate reads the article's publication date and says where it was
  // read (here, not in factcard.js, as only a page with a candidate needs it): the earliest of the dates the page declares as its publication (an
  // OpenGraph "published" time is sometimes the last update's, while JSON-LD
  // gives the day the story ran), else a <time> in the article's header, its
  // datetime or its printed words, else a date in the canonical URL.
  // parseDate(raw, lang) is the engine's reader; lang is the page's.
  async function findDate(doc, article, parseDate) {
    const lang = doc.documentElement.getAttribute("lang") || "";
    const parse = async (raw) => (raw ? (await parseDate(raw, lang)) || null : null);
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
  // The mentions the engine found become marks, here because only a page
  // with a candidate needs this; the widget's state (host.state) and its
  // undo list stay in factcard.js, whose destroy() undoes them.
  const state = host.state;

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

  // forgetDetached drops the first-mention memory of every entity whose
  // marks all left the page (a single-page app replaced its article).
  function forgetDetached() {
    for (const [id, marks] of state.marked) {
      if (marks.length && !marks.some((m) => m.isConnected)) state.marked.delete(id);
    }
  }

  // markMentions marks the mentions in text, read from the page as segs.
  async function markMentions(text, segs, api, opts, generation) {
    if (api.remote) {
      await api.prepare(text, opts.date || "");
      host.checkCurrent(generation);
    }
    forgetDetached();
    // Every loop below yields after host.sliceMs (SLICE_MS), so that an article with tens of
    // thousands of mentions never holds the main thread for long.
    let t0 = performance.now();
    const due = () => performance.now() - t0 > host.sliceMs;
    const yieldSlice = async () => {
      host.ownChangesDone();
      await host.nextSlice();
      host.checkCurrent(generation);
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
    host.ownChangesDone();
    return { found: mentions.length, marked: chosen.length };
  }

  return { installCardEvents, hideCard, remove, findDate, markMentions, pageCSS: PAGE_CSS };
};
