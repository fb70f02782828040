// factcard's engine loader, the one source of it: the build joins it into
// factcard-engine.js (with widget/factcard-worker.js: a Web Worker, or the
// page's main thread where workers are unavailable) and into the extension's
// background. It fetches the runtime (factcard-HASH.wasm) and the dataset
// (factcard-data-HASH.bin) in parallel, each checked against the hash the
// page's factcard.js holds, starts the runtime and opens the dataset in two
// tasks, and answers {op, args} requests. It leaves one global,
// __factcardEngine, which the page's factcard.js takes at once.
(() => {
  "use strict";

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

  "__WASM_PROBLEM__";

  const nextTask = () => new Promise((r) => setTimeout(r, 0));

  // open loads the engine from files {wasmURL, wasmIntegrity, dataURL,
  // dataIntegrity, timeoutMs} (no integrity inside the extension, whose files
  // are its own) and settles within timeoutMs whatever the network does.
  // retire is called when the instance dies.
  function open(files, retire) {
    return new Promise((resolve, reject) => {
      const problem = wasmProblem();
      if (problem) {
        reject(new Error(problem));
        return;
      }
      const abort = new AbortController();
      const timer = setTimeout(() => {
        abort.abort();
        reject(new Error("loading " + files.wasmURL + " took longer than " + files.timeoutMs / 1000 + " s"));
      }, files.timeoutMs);
      const get = (url, integrity) => fetch(url, integrity ? { integrity, signal: abort.signal } : { signal: abort.signal })
        .catch((e) => {
          throw new Error(abort.signal.aborted ? String(e) : "could not fetch " + url + " (" + e.message + "): offline, " +
            "blocked by the page's connect-src, served from another origin without Access-Control-Allow-Origin, " +
            "or not the file this factcard.js was built with (integrity)");
        })
        .then((r) => {
          if (!r.ok) throw new Error(url + ": HTTP " + r.status);
          return r;
        });
      const Go = goRuntime(goScope);
      const go = new Go();
      // Streaming compilation needs application/wasm; otherwise the same
      // response is read whole, never fetched again.
      const instance = get(files.wasmURL, files.wasmIntegrity).then((r) =>
        WebAssembly.instantiateStreaming && /^application\/wasm\b/.test(r.headers.get("content-type") || "")
          ? WebAssembly.instantiateStreaming(r, go.importObject)
          : r.arrayBuffer().then((b) => WebAssembly.instantiate(b, go.importObject)));
      const dataset = get(files.dataURL, files.dataIntegrity).then((r) => r.arrayBuffer());
      Promise.all([instance, dataset])
        .then(async ([inst, bytes]) => {
          let openDataset = null;
          goScope.__factcardInit = (fn) => { openDataset = fn; };
          go.run(inst.instance); // runs the Go program until it waits: one task
          goScope.__factcardInit = undefined;
          if (!openDataset) throw new Error("factcard: the engine did not start");
          await nextTask(); // decoding the dataset is a task of its own
          const api = openDataset(new Uint8Array(bytes));
          if (typeof api.error === "string") throw new Error(api.error);
          clearTimeout(timer);
          resolve(checkedAPI(api, go, retire));
        })
        .catch((e) => { clearTimeout(timer); reject(e); });
    });
  }

  // checkedAPI turns the bridge's {error} answers into exceptions, and retires
  // an instance whose Go program exited or whose wasm trapped, so that the
  // next request starts a fresh one instead of every later call failing.
  function checkedAPI(api, go, retire) {
    const dead = (why) => {
      retire();
      return new Error("factcard: the engine failed and restarts on the next request: " + why);
    };
    const checked = (name) => (...args) => {
      if (go.exited) throw dead("its program exited");
      let out;
      try {
        out = api[name](...args);
      } catch (err) {
        throw dead((err && err.message) || err);
      }
      if (out !== null && typeof out === "object" && typeof out.error === "string") throw new Error(out.error);
      return out;
    };
    return { datasetVersion: api.datasetVersion, asOf: api.asOf, ids: api.ids, kinds: api.kinds,
      find: checked("find"), analyze: checked("analyze"), card: checked("card"), parseDate: checked("parseDate") };
  }

  // ops answer {op, args} requests with structured-cloneable values.
  // Arguments reach the engine as given: it answers a wrong one with an error
  // (coercing them here would turn card("abc") into the first entity's card).
  const ops = {
    meta: (api) => ({ datasetVersion: api.datasetVersion, asOf: api.asOf, ids: Array.from(api.ids), kinds: Array.from(api.kinds) }),
    find: (api, text) => Array.from(api.find(text)),
    claims: (api, text, date) => JSON.parse(api.analyze(text, date).claims),
    card: (api, entity, date) => JSON.parse(api.card(entity, date)),
    parseDate: (api, text, lang) => api.parseDate(text, lang),
    // analyze: what a page needs to mark an article with an engine it calls
    // asynchronously: the mentions, the claims (JSON text) and the card (JSON
    // text) of each entity found, but those in held (entity indexes whose
    // cards for date the caller has from an earlier analyze: a card is
    // the costly part, up to 65 KB for a company with many affiliates).
    analyze: (api, text, date, held) => {
      const r = api.analyze(text, date);
      const cards = {};
      const skip = new Set(Array.isArray(held) ? held : []);
      for (let i = 0; i < r.found.length; i += 3) {
        if (!(r.found[i] in cards) && !skip.has(r.found[i])) cards[r.found[i]] = api.card(r.found[i], date);
      }
      // found stays an Int32Array, which a worker's message copies as one
      // buffer (the background turns it into an array for JSON messaging).
      return { found: r.found, claims: r.claims, cards };
    },
  };

  // connect returns the engine for files: api() resolves with the checked API
  // (loaded once, again after the instance died), call(op, args) with an op's
  // result.
  function connect(files) {
    let loading = null;
    const api = () => loading || (loading = open(files, () => { loading = null; }));
    return {
      api,
      call: async (op, args) => {
        if (!Object.prototype.hasOwnProperty.call(ops, op)) throw new Error("factcard: unknown op " + op);
        return ops[op](await api(), ...(Array.isArray(args) ? args : []));
      },
    };
  }

  globalThis.__factcardEngine = { connect };
})();
