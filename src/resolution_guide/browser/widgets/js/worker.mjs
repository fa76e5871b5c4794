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
const ZIP = "python_stdlib.zip";
const EARLY_FILES = ["pyodide.asm.wasm", ZIP, "pyodide-lock.json"];

// The link's speed, told by the zip (1.35 MB, downloaded beside the wasm): all of it within FAST_LINK_MS
// of the request means a link of roughly 200 Mbit/s or more, where fetching the memory snapshot (5 MB) on a
// first visit costs less than the boot it saves (DESIGN.md "Phone speed", snapshot on a fast link). A phone
// link takes seconds: the answer is "slow" FAST_LINK_MS after the request, and nothing waits for it.
const FAST_LINK_MS = 100;

const early = new Map();
const networkFetch = self.fetch;
const askedAt = performance.now();
for (const name of EARLY_FILES) {
  let answer = networkFetch.call(self, PYODIDE_DIR + name);
  if (name === ZIP) {
    // Read at once (an unread body stops downloading when the browser's buffer is full, and is timed only
    // once it has all arrived); Pyodide gets the same bytes.
    answer = answer.then((response) => (!response.ok ? response : response.arrayBuffer().then(
      (body) => new Response(body, { status: response.status, headers: response.headers }))));
  }
  answer.catch(() => {});       // reported when Pyodide asks for it (python-worker.js watches fetch)
  early.set(PYODIDE_DIR + name, answer);
}
self.fetch = function (resource, init) {
  const url = String(resource && resource.url ? resource.url : resource);
  const answer = early.get(url);
  if (answer && (!init || !init.method || init.method === "GET")) {
    early.delete(url);           // a body is read once: a second request (a retry) goes to the network
    return answer;
  }
  return networkFetch.call(self, resource, init);
};

/* How long the zip took from request to last byte, from the network's own timestamps (Resource Timing),
   so a worker busy with other work does not make a fast link look slow; null until it has all arrived. */
function zipTime() {
  const entry = performance.getEntriesByName(PYODIDE_DIR + ZIP).find((e) => e.responseEnd > 0);
  return entry ? Math.round(entry.responseEnd - entry.startTime) : null;
}
function fastLink() {
  const taken = zipTime();
  if (taken !== null) return Promise.resolve(taken <= FAST_LINK_MS);
  const left = FAST_LINK_MS - (performance.now() - askedAt);
  if (left <= 0) return Promise.resolve(false);
  return new Promise((resolve) => setTimeout(() => {
    const late = zipTime();
    resolve(late !== null && late <= FAST_LINK_MS);
  }, left + 5));
}

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
    fastLink,
    linkFigures: () => ({ zip_ms: zipTime() }),
  });
} catch (err) {
  // A file of the runtime could not be loaded: every boot is answered "failed" (the page says so).
  console.error("Calculator: the runtime's files could not be loaded.", err);
  self.onmessage = () => {
    self.postMessage({ type: "failed", reason: "load_failed", detail: String((err && err.message) || err) });
  };
}
for (const event of waiting) self.onmessage(event);
