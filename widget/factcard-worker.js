// factcard's engine without a DOM, in a Web Worker: the build appends this to
// factcard.js, which in a worker only defines factcard.call. It answers
// messages {id, op, args} with {id, result} or {id, error}; ops: "meta",
// "find" (text), "claims" (text, date), "card" (entity index, date),
// "parseDate" (text), "analyze" (text, date).
(() => {
  "use strict";
  self.addEventListener("message", async (e) => {
    const { id, op, args } = e.data || {};
    try {
      self.postMessage({ id, result: await factcard.call(op, args) });
    } catch (err) {
      self.postMessage({ id, error: String((err && err.message) || err) });
    }
  });
})();
