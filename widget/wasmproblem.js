  // wasmProblem says why WebAssembly cannot run here (turned off, or
  // forbidden by the Content-Security-Policy), or null. The CSP is tested on
  // an empty module, before any download. The build puts this one source into
  // factcard.js and widget/engine.js.
  function wasmProblem() {
    if (typeof WebAssembly !== "object") return "this browser has WebAssembly turned off or does not support it";
    try {
      new WebAssembly.Module(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
      return null;
    } catch (e) {
      return "this page's Content-Security-Policy forbids WebAssembly: its script-src needs 'wasm-unsafe-eval'";
    }
  }
