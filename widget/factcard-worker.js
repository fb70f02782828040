// factcard's engine without a DOM: in a Web Worker, or in a browser
// extension's service worker for pages whose Content Security Policy forbids
// WebAssembly. It answers messages {id, op, args} with {id, result} or
// {id, error}; ops: "meta", "find" (text), "claims" (text, date), "card"
// (entity index, date), "parseDate" (text). Arguments are passed to the
// engine as given, and the engine answers a wrong one with an error.
(() => {
  "use strict";

  // start instantiates the engine. When an instance fails (the Go program
  // exited or the wasm trapped), the next request starts a fresh one, so one
  // failure does not leave the worker dead for every later request.
  const start = () => {
    const go = new Go();
    const api = new Promise((resolve, reject) => {
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
    return { go, api };
  };
  let engine = null;

  // call runs one engine function: {error} answers become exceptions, and an
  // exception thrown by the wasm itself retires the instance.
  const call = (api, name, ...args) => {
    let out;
    try {
      out = api[name](...args);
    } catch (err) {
      engine = null;
      throw new Error("factcard: the engine failed and restarts on the next request: " + ((err && err.message) || err));
    }
    if (out !== null && typeof out === "object" && typeof out.error === "string") throw new Error(out.error);
    return out;
  };

  const ops = {
    meta: (api) => ({ datasetVersion: api.datasetVersion, asOf: api.asOf, ids: Array.from(api.ids), kinds: Array.from(api.kinds) }),
    find: (api, text) => Array.from(call(api, "find", text)),
    claims: (api, text, date) => JSON.parse(call(api, "analyze", text, date).claims),
    card: (api, entity, date) => JSON.parse(call(api, "card", entity, date)),
    parseDate: (api, text) => call(api, "parseDate", text),
  };

  self.addEventListener("message", async (e) => {
    const { id, op, args } = e.data || {};
    // A service worker answers the client that asked; a worker answers its page.
    const reply = e.source && e.source.postMessage ? (m) => e.source.postMessage(m) : (m) => self.postMessage(m);
    try {
      if (!Object.prototype.hasOwnProperty.call(ops, op)) throw new Error("factcard: unknown op " + op);
      if (engine === null || engine.go.exited) engine = start();
      const mine = engine;
      let api;
      try {
        api = await mine.api;
      } catch (err) {
        if (engine === mine) engine = null; // a failed start is retried next time
        throw err;
      }
      reply({ id, result: ops[op](api, ...(Array.isArray(args) ? args : [])) });
    } catch (err) {
      reply({ id, error: String((err && err.message) || err) });
    }
  });
})();
