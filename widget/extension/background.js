// The extension's background (Chrome's service worker, Firefox's background
// script). The build appends it to widget/engine.js: it matches for content
// scripts on pages whose CSP forbids WebAssembly, and it turns factcard on or
// off for a site.
(() => {
  "use strict";
  const ext = globalThis.browser && globalThis.browser.runtime ? globalThis.browser : globalThis.chrome;
  // FILES: the built files' names ({card, keys, engine, wasm, data}), filled in by
  // the build; inside the extension no integrity is needed (its files are its own).
  const FILES = "__FILES__";
  const CONTENT_SCRIPTS = [FILES.card, FILES.keys, FILES.engine, "factcard.js"];
  const engine = globalThis.__factcardEngine.connect({ wasmURL: ext.runtime.getURL(FILES.wasm),
    dataURL: ext.runtime.getURL(FILES.data), timeoutMs: 20000 });

  // A site is a scheme and host, every port and path: match patterns carry
  // no port in Firefox.
  function site(origin) {
    const u = new URL(origin);
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error("factcard runs on http and https pages only");
    return { id: "site " + u.protocol + "//" + u.hostname, matches: [u.protocol + "//" + u.hostname + "/*"] };
  }

  // siteOn: registered, and the host permission still granted (the reader
  // may have revoked it in the browser's settings).
  async function siteOn(origin) {
    const { id, matches } = site(origin);
    return (await ext.scripting.getRegisteredContentScripts({ ids: [id] })).length > 0 &&
      ext.permissions.contains({ origins: matches });
  }

  // setSite registers (or removes) factcard's content script for the site of
  // origin, and runs it at once in tabId. The host permission has been
  // granted by the reader in the popup.
  async function setSite(origin, on, tabId) {
    const { id, matches } = site(origin);
    const registered = (await ext.scripting.getRegisteredContentScripts({ ids: [id] })).length > 0;
    if (on) {
      if (!registered) await ext.scripting.registerContentScripts([{ id, matches, js: CONTENT_SCRIPTS, runAt: "document_idle", persistAcrossSessions: true }]);
      if (typeof tabId === "number") await ext.scripting.executeScript({ target: { tabId }, files: CONTENT_SCRIPTS });
    } else if (registered) {
      await ext.scripting.unregisterContentScripts({ ids: [id] });
    }
    return on;
  }

  // Messages {factcard: op, args}: engine ops from content scripts; "site"
  // and "siteOn" only from the extension's own pages (the popup).
  ext.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (!msg || typeof msg.factcard !== "string") return false;
    const fromExtensionPage = typeof sender.url === "string" && sender.url.startsWith(ext.runtime.getURL(""));
    let work;
    if (msg.factcard === "site" || msg.factcard === "siteOn") {
      work = !fromExtensionPage ? Promise.reject(new Error("not allowed from a page"))
        : msg.factcard === "site" ? setSite(msg.origin, msg.on === true, msg.tabId) : siteOn(msg.origin);
    } else {
      work = engine.call(msg.factcard, msg.args);
    }
    // Chrome's messages are JSON: analyze's Int32Array goes as an array.
    const jsonSafe = (r) => (r && r.found instanceof Int32Array ? Object.assign({}, r, { found: Array.from(r.found) }) : r);
    work.then((result) => sendResponse({ result: jsonSafe(result) }), (err) => sendResponse({ error: String((err && err.message) || err) }));
    return true; // the answer comes asynchronously
  });
})();
