/* The calculators' Python runtime for pages opened from disk (file://).
 *
 * Why this exists: from file:// Chromium blocks fetch(), ES modules and workers
 * made from files, so the hosted runtime (a module worker) cannot start. The
 * offline build ships Pyodide and the engine as classic scripts that assign
 * strings (assets/rg/offline/*.js, written by resolution_guide.bundle.file_runtime);
 * this adapter loads them, starts Python in a worker made from a blob (falling
 * back to the page's own thread), and answers through the same interface as the
 * hosted runtime: window.RGFileRuntime = {start, call, status, onstatus}.
 * Nothing here makes a network request.
 */
(function () {
  "use strict";

  var here = document.currentScript ? document.currentScript.src : location.href;
  var PAYLOAD_BASE = new URL("../offline/", here).href;  // this file is assets/rg/js/runtime-file.js
  var PAYLOADS = ["code.js", "wasm.js", "stdlib.js", "engine.js"];
  // The iframe-worker shim (for Material's search) replaces window.Worker on file://;
  // keep-worker.js saves the browser's own Worker before it does.
  var NativeWorker = window.RGNativeWorker || window.Worker;

  var listeners = [];
  var ready = null;
  var backend = null;
  var runtime = {
    status: "idle",
    detail: null,        // on "failed": a reason code (no_webassembly, load_failed, ...) the widgets put into words
    mode: null,          // "worker" or "main-thread", for the benchmark and bug reports
    timings: null,       // {warm_up_ms} once ready, for the benchmark
    start: start,
    call: call,
    onstatus: function (fn) { listeners.push(fn); },
  };

  function setStatus(status, detail) {
    runtime.status = status;
    runtime.detail = detail || null;
    listeners.slice().forEach(function (fn) {
      try { fn(status, detail); } catch (err) { /* a listener's bug must not stop the others */ }
    });
  }

  /* What the browser must have; the reason code lets the widget explain in words. */
  function missingFeature() {
    if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") return "no_webassembly";
    if (typeof DecompressionStream !== "function") return "no_decompression";
    if (typeof Blob !== "function" || typeof URL.createObjectURL !== "function") return "no_blob";
    return null;
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement("script");
      el.src = src;
      el.onload = function () { resolve(); };
      el.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(el);
    });
  }

  /* Runs inside the worker, or on the page when no worker can be made; it only
   * uses what is passed in, because it is also serialized into a blob. Resolves to
   * {handle, timings} once the engine has answered one warm-up calculation. */
  function bootPython(data, scope) {
    function fromBase64(text) {
      if (typeof text !== "string") return text;  // already decoded by the page and transferred
      if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(text);
      var raw = atob(text), bytes = new Uint8Array(raw.length);
      for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
      return bytes;
    }
    function gunzip(bytes) {
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      return new Response(stream).arrayBuffer().then(function (buf) { return new Uint8Array(buf); });
    }
    var indexURL = "file:///rg-offline/pyodide/";
    scope.RGPyodideIndexURL = indexURL + "pyodide.asm.mjs";
    return gunzip(fromBase64(data.wasmGzip)).then(function (wasm) {
      var files = {
        "pyodide.asm.wasm": { body: wasm, type: "application/wasm" },
        "python_stdlib.zip": { body: fromBase64(data.stdlib), type: "application/zip" },
      };
      var realFetch = scope.fetch;
      // Pyodide asks for its two big files with fetch(); answer from memory.
      scope.fetch = function (resource, init) {
        var url = String(resource && resource.url ? resource.url : resource);
        var name = url.slice(url.lastIndexOf("/") + 1);
        if (url.indexOf(indexURL) === 0 && files[name]) {
          return Promise.resolve(new Response(files[name].body, { headers: { "Content-Type": files[name].type } }));
        }
        return realFetch.call(scope, resource, init);
      };
      return scope.loadPyodide({
        indexURL: indexURL,
        createPyodideModule: scope.RGCreatePyodideModule,
        lockFileContents: data.lock,
        stdout: function () {},
        stderr: function () {},
      }).then(function (pyodide) {
        scope.fetch = realFetch;
        pyodide.unpackArchive(fromBase64(data.engine), "wheel", {
          extractDir: pyodide._api.sitePackages || "/lib/python3.14/site-packages",
        });
        var handle = pyodide.pyimport("resolution_guide.engine.api").handle;
        // The first calculation pays for importing importlib.resources' readers, reading
        // the state pack and the words, and running engine code the first time (about
        // 15 ms in Pyodide, 0.5 ms after); pay that before "ready", as the hosted
        // worker does, so the reader's first answer is as quick as the next ones.
        var t0 = performance.now();
        handle(JSON.stringify({ action: "compute", case: {
          received: "2026-07-01", hearing_dates: ["2026-09-14"], agreement_signed: "2026-07-02", state: "CA",
        } }));
        return { handle: handle, timings: { warm_up_ms: performance.now() - t0 } };
      });
    });
  }

  /* The worker's whole program: the loader, the glue, bootPython and a tiny protocol. */
  function workerSource(data) {
    return [
      // Pyodide refuses classic workers by probing importScripts; this worker has
      // loaded everything already, so it has no use for importScripts.
      "self.importScripts = undefined;\n",
      data.loaderCode, "\n;\n", data.glueCode, "\n;\n",
      "var bootPython = ", bootPython.toString(), ";\n",
      "var handle = null;\n",
      "self.onmessage = function (event) {\n",
      "  var msg = event.data;\n",
      "  if (msg.type === 'boot') {\n",
      "    bootPython(msg.data, self).then(function (b) { handle = b.handle; postMessage({type: 'ready', timings: b.timings}); },\n",
      "      function (err) { postMessage({type: 'failed', detail: String(err && err.message || err)}); });\n",
      "  } else if (msg.type === 'call') {\n",
      "    var out;\n",
      "    try { out = handle(msg.request); } catch (err) { out = JSON.stringify({ok: false, errors: [{field: null, code: 'internal_error', params: {}, message: 'The calculator hit a problem it did not expect.'}]}); }\n",
      "    postMessage({type: 'result', id: msg.id, response: out});\n",
      "  }\n",
      "};\n",
    ];
  }

  function startWorker(data) {
    return new Promise(function (resolve, reject) {
      var url = URL.createObjectURL(new Blob(workerSource(data), { type: "text/javascript" }));
      var worker;
      try { worker = new NativeWorker(url); } catch (err) { URL.revokeObjectURL(url); reject(err); return; }
      var pending = {}, nextId = 1;
      worker.onerror = function (event) { event.preventDefault(); reject(new Error(event.message || "worker error")); };
      worker.onmessage = function (event) {
        var msg = event.data;
        if (msg.type === "ready") {
          URL.revokeObjectURL(url);
          resolve({ timings: msg.timings, call: function (request) {
            return new Promise(function (res) {
              var id = nextId++;
              pending[id] = res;
              worker.postMessage({ type: "call", id: id, request: request });
            });
          } });
        } else if (msg.type === "failed") {
          worker.terminate();
          reject(new Error(msg.detail));
        } else if (msg.type === "result" && pending[msg.id]) {
          pending[msg.id](msg.response);
          delete pending[msg.id];
        }
      };
      // Decoding is native and fast where fromBase64 exists; the bytes then move to the
      // worker without a copy, which costs the page far less than cloning 8 MB of text.
      var boot = { lock: data.lock }, transfer = [];
      ["wasmGzip", "stdlib", "engine"].forEach(function (k) {
        if (typeof Uint8Array.fromBase64 === "function") {
          boot[k] = Uint8Array.fromBase64(data[k]);
          transfer.push(boot[k].buffer);
        } else {
          boot[k] = data[k];
        }
      });
      worker.postMessage({ type: "boot", data: boot }, transfer);
    });
  }

  function startMainThread(data) {
    var code = URL.createObjectURL(new Blob([data.loaderCode, "\n;\n", data.glueCode], { type: "text/javascript" }));
    return loadScript(code).then(function () {
      URL.revokeObjectURL(code);
      return bootPython(data, window);
    }).then(function (b) {
      return { timings: b.timings, call: function (request) { return Promise.resolve(b.handle(request)); } };
    });
  }

  function start() {
    if (ready) return ready;
    var missing = missingFeature();
    if (missing) {
      setStatus("failed", missing);
      ready = Promise.reject(new Error(missing));
      ready.catch(function () {});
      return ready;
    }
    var t0 = runtime.startedAt = performance.now();
    setStatus("loading");
    var reason = "load_failed";
    ready = Promise.all(PAYLOADS.map(function (name) { return loadScript(PAYLOAD_BASE + name); }))
      .then(function () {
        var data = window.RGOffline;
        return startWorker(data).then(function (b) { runtime.mode = "worker"; return b; }, function () {
          runtime.mode = "main-thread";
          return startMainThread(data);
        });
      }, function (err) {
        // The payload files are not next to the page: typically a page opened from inside
        // the zip without extracting it, or a copy of a single page.
        reason = "from_disk_unavailable";
        throw err;
      })
      .then(function (b) {
        backend = b.call;
        runtime.timings = b.timings;                  // {warm_up_ms}: the engine's first calculation
        if (runtime.mode === "worker") delete window.RGOffline;  // about 9 MB of text the page no longer needs
        runtime.readyMs = performance.now() - t0;    // start() -> ready
        runtime.readyAt = performance.now();          // navigation -> ready
        setStatus("ready");
      }, function (err) {
        runtime.error = String(err && err.message || err);   // for bug reports; the page shows words
        setStatus("failed", reason);
        throw err;
      });
    ready.catch(function () { /* reported through onstatus; callers of call() get the rejection */ });
    return ready;
  }

  function call(request) {
    return start().then(function () { return backend(JSON.stringify(request)); })
      .then(function (text) { return JSON.parse(text); });
  }

  window.RGFileRuntime = runtime;
})();
