// The hosted way to boot the one worker body (python-worker.js): a module worker, because
// Pyodide's loader is an ES module. Everything else (protocol, warm-up, errors) is in the body.
//
// No static imports, on purpose (DESIGN.md "Phone speed", early requests): a module worker fetches
// its static imports only after this file has arrived, and Pyodide asks for its wasm, its zip and its
// lock file only once its loader has arrived and run: one more round trip (about 150 ms on a phone
// link) before the largest files start. So this file starts those requests itself, next to the imports
// of the loader and the body, and hands each answer to the first request Pyodide makes for that URL.
// Only the requests start early: the work waits for the page's "boot" message.

const PYODIDE_DIR = new URL("../pyodide/", import.meta.url).href;
const EARLY_FILES = ["pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"];

const early = new Map();
const networkFetch = self.fetch;
for (const name of EARLY_FILES) {
  const answer = networkFetch.call(self, PYODIDE_DIR + name);
  answer.catch(() => {});       // made again when Pyodide asks for it (below)
  early.set(PYODIDE_DIR + name, answer);
}
self.fetch = function (resource, init) {
  const url = String(resource && resource.url ? resource.url : resource);
  const answer = early.get(url);
  if (answer && (!init || !init.method || init.method === "GET")) {
    early.delete(url);           // a body is read once: a second request (a retry) goes to the network
    // An early request that failed is made again now, when Pyodide would have made it: the early start
    // must never leave the boot worse off than Pyodide's own request.
    return answer.catch(() => networkFetch.call(self, resource, init));
  }
  return networkFetch.call(self, resource, init);
};

// The page may post "boot" before the imports below have arrived: keep it until the body listens.
const waiting = [];
self.onmessage = (event) => { waiting.push(event); };

try {
  const [{ loadPyodide }, { SNAPSHOT_FILE }] = await Promise.all([
    import("../pyodide/pyodide.mjs"), import("./boot-config.mjs"), import("./python-worker.js")]);
  self.RGPythonWorker.serve(self, {
    scope: self,
    loadPyodide,
    snapshotFile: SNAPSHOT_FILE,
  });
} catch (err) {
  // A file of the runtime could not be loaded: every boot is answered "failed" (the page says so).
  console.error("Calculator: the runtime's files could not be loaded.", err);
  self.onmessage = () => {
    self.postMessage({ type: "failed", reason: "load_failed", detail: String((err && err.message) || err) });
  };
}
for (const event of waiting) self.onmessage(event);
