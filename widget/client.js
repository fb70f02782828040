// factcard widget, the engine client: starts the engine (a Web Worker, the main thread, or the
// extension's background) and gives the widget one synchronous interface to it.
//
// A part of factcard-keys.js (widget/keys.js): the build writes this file in
// place of the placeholder line there, inside that file's closure, with
// widget/wasmproblem.js in place of its own. Only a page where the
// prefilter's first stage found a word of a name loads it. The page's side
// (where files are, the configuration, the extension's API) comes in as
// engineStarter's argument, from widget/factcard.js.

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

"__WASM_PROBLEM__";

// engineStarter returns the function that starts the engine for the page
// described by page: { role, ext, fileURL, files, config, engineListed,
// loadScript } (widget/factcard.js).
function engineStarter(page) {
  const { role, ext, fileURL, files, config, engineListed, loadScript } = page;
  const engineFiles = () => ({ wasmURL: fileURL("wasm"), wasmIntegrity: files.wasm.integrity,
    dataURL: fileURL("data"), dataIntegrity: files.data.integrity, timeoutMs: config.timeoutMs });

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
      const r = await fetch(url, { integrity: files.engine.integrity });
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
    const cards = new Map(); // date -> entity index -> card JSON
    const cardsOn = (date) => {
      if (!cards.has(date)) cards.set(date, new Map());
      return cards.get(date);
    };
    return {
      remote: true,
      route,
      call,
      datasetVersion: meta.datasetVersion,
      asOf: meta.asOf,
      ids: meta.ids,
      remoteParseDate: (text, lang) => call("parseDate", [text, lang]),
      async prepare(text, date) {
        const r = await call("analyze", [text, date, Array.from(cardsOn(date).keys())]);
        last = { found: r.found instanceof Int32Array ? r.found : Int32Array.from(r.found), claims: r.claims };
        for (const [entity, json] of Object.entries(r.cards)) cardsOn(date).set(Number(entity), json);
      },
      analyze: () => last,
      find: () => last.found,
      card: (entity, date) => cardsOn(date).get(entity) || null,
      parseDate: () => "",
    };
  }

  return startEngine;
}
