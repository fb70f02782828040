// factcard's engine without a DOM: in a Web Worker, or in a browser
// extension's service worker for pages whose Content Security Policy forbids
// WebAssembly. It answers messages {id, op, args} with {id, result} or
// {id, error}; ops: "meta", "find" (text), "claims" (text, date), "card"
// (entity index, date), "parseDate" (text).
(() => {
  "use strict";

  const ready = new Promise((resolve, reject) => {
    const go = new Go();
    self.__factcardInit = (api, err) => {
      delete self.__factcardInit;
      if (api) resolve(api);
      else reject(new Error("factcard: " + err));
    };
    const url = new URL("factcard.wasm", self.location.href);
    const viaBuffer = () => fetch(url).then((r) => {
      if (!r.ok) throw new Error("factcard: " + url + ": HTTP " + r.status);
      return r.arrayBuffer();
    }).then((b) => WebAssembly.instantiate(b, go.importObject));
    (WebAssembly.instantiateStreaming ? WebAssembly.instantiateStreaming(fetch(url), go.importObject).catch(viaBuffer) : viaBuffer())
      .then((r) => go.run(r.instance))
      .catch(reject);
  });

  const ops = {
    meta: (api) => ({ datasetVersion: api.datasetVersion, asOf: api.asOf, ids: Array.from(api.ids), kinds: Array.from(api.kinds) }),
    find: (api, text) => Array.from(api.find(String(text))),
    claims: (api, text, date) => JSON.parse(api.analyze(String(text), String(date || "")).claims),
    card: (api, entity, date) => {
      const json = api.card(Number(entity) | 0, String(date || ""));
      return json === null ? null : JSON.parse(json);
    },
    parseDate: (api, text) => api.parseDate(String(text)),
  };

  self.addEventListener("message", async (e) => {
    const { id, op, args } = e.data || {};
    // A service worker answers the client that asked; a worker answers its page.
    const reply = e.source && e.source.postMessage ? (m) => e.source.postMessage(m) : (m) => self.postMessage(m);
    try {
      if (!Object.prototype.hasOwnProperty.call(ops, op)) throw new Error("factcard: unknown op " + op);
      const api = await ready;
      reply({ id, result: ops[op](api, ...(Array.isArray(args) ? args : [])) });
    } catch (err) {
      reply({ id, error: String((err && err.message) || err) });
    }
  });
})();
