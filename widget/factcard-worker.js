// The engine's message loop in a Web Worker: the build joins it after
// widget/engine.js into factcard-engine.js. Requests {id, op, args} are
// answered with {id, result} or {id, error}. The first is {op: "init",
// args: [files]} (see engine.js's open), which starts loading the engine at
// once; then "meta", "find" (text), "claims" (text, date), "card" (entity
// index, date), "parseDate" (text, lang), "analyze" (text, date). On a page
// (the main-thread fallback) the file only defines the engine.
(() => {
  "use strict";
  if (typeof document !== "undefined") return;
  const engineModule = globalThis.__factcardEngine;
  let engine = null;
  self.addEventListener("message", async (e) => {
    const { id, op, args } = e.data || {};
    try {
      let result = null;
      if (op === "init") {
        if (engine) throw new Error("factcard: the worker has its files already");
        engine = engineModule.connect(args[0]);
        engine.api().catch(() => {}); // the first request reports a failure
      } else {
        if (!engine) throw new Error("factcard: the worker needs {op: \"init\"} first");
        result = await engine.call(op, args);
      }
      self.postMessage({ id, result });
    } catch (err) {
      self.postMessage({ id, error: String((err && err.message) || err) });
    }
  });
})();
