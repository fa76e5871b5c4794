// Runs Python off the main thread: boots the self-hosted Pyodide, installs the engine
// wheel, then answers {type: "call"} messages with engine.api.handle (JSON in, JSON out).
// A Python problem becomes an error answer, never a traceback on the page.
import { loadPyodide } from "../pyodide/pyodide.mjs";
import { SNAPSHOT_FILE } from "./boot-config.mjs";

let handle = null;

const WARM_UP_CASE = {
  received: "2026-07-01", hearing_dates: ["2026-09-14"], agreement_signed: "2026-07-02", state: "CA",
};

function internalError() {
  return JSON.stringify({ ok: false, errors: [{
    field: null, code: "internal_error", params: {},
    message: "The calculator hit a problem it did not expect.",
  }] });
}

async function fetchBytes(url) {
  const response = await originalFetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/* The snapshot ships gzipped (6 MB instead of 31 MB); a host may already have undone that. */
async function gunzipIfNeeded(bytes) {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/* A build-time memory snapshot (private Pyodide option) when one is shipped; any problem
   with it falls back to a normal boot. */
async function bootPyodide(indexURL, snapshotURL) {
  if (snapshotURL) {
    try {
      const snapshot = await gunzipIfNeeded(await fetchBytes(snapshotURL));
      const problem = new Promise((_, reject) => { onBootProblem = reject; });
      const pyodide = await Promise.race([loadPyodide({ indexURL, _loadSnapshot: snapshot }), problem]);
      pyodide.runPython("import resolution_guide.engine.api");
      return { pyodide, snapshot: true };
    } catch (err) {
      console.warn("Calculator: memory snapshot not used, booting normally.", err);
    } finally {
      onBootProblem = null;
    }
  }
  return { pyodide: await loadPyodide({ indexURL }), snapshot: false };
}

async function boot({ indexURL, wheelURL, useSnapshot }) {
  const snapshotURL = SNAPSHOT_FILE && useSnapshot !== false ? new URL(SNAPSHOT_FILE, indexURL).href : null;
  const t0 = performance.now();
  try {
    const wheelPromise = fetchBytes(wheelURL);
    wheelPromise.catch(() => {});   // awaited below; failures are reported there
    const { pyodide, snapshot } = await bootPyodide(indexURL, snapshotURL);
    const tBoot = performance.now();
    // Always unpack: a snapshot holds the imported modules but not the package's data files
    // (locale words, state packs), which the engine reads when it needs them.
    const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
    pyodide.unpackArchive(await wheelPromise, "wheel", { extractDir: sitePackages });
    handle = pyodide.pyimport("resolution_guide.engine.api").handle;
    handle(JSON.stringify({ action: "compute", case: WARM_UP_CASE }));
    self.postMessage({ type: "ready", timings: {
      boot_ms: tBoot - t0, total_ms: performance.now() - t0, snapshot,
    } });
  } catch (err) {
    failIfBooting(err);
  }
}

// Pyodide 314 only logs a warning when the wasm cannot be fetched or compiled, and then
// never settles: watch those two steps ourselves so the page can say the calculator
// cannot start instead of loading forever.
let failed = false;
let onBootProblem = null;     // set while a snapshot boot is tried, so a problem means "fall back"
function failIfBooting(problem) {
  if (onBootProblem) { onBootProblem(problem); return; }
  if (handle || failed) return;
  failed = true;
  console.error("Calculator: Python could not start.", problem);
  self.postMessage({ type: "failed", reason: "load_failed" });
}
for (const name of ["instantiateStreaming", "instantiate"]) {
  const original = WebAssembly[name];
  if (typeof original !== "function") continue;
  WebAssembly[name] = function (...args) {
    return original.apply(WebAssembly, args).catch((err) => { failIfBooting(err); throw err; });
  };
}
const originalFetch = self.fetch.bind(self);
self.fetch = (...args) => originalFetch(...args).then((response) => {
  if (!response.ok) failIfBooting(new Error(`${response.url}: HTTP ${response.status}`));
  return response;
}, (err) => { failIfBooting(err); throw err; });
self.addEventListener("unhandledrejection", (event) => failIfBooting(event.reason));
self.addEventListener("error", (event) => failIfBooting(event.message));

self.onmessage = (event) => {
  const msg = event.data || {};
  if (msg.type === "init") {
    boot(msg);
  } else if (msg.type === "call") {
    let response;
    try {
      response = handle ? handle(msg.request) : internalError();
    } catch (err) {
      console.error("Calculator: engine call failed.", err);
      response = internalError();
    }
    self.postMessage({ type: "response", id: msg.id, response });
  }
};
