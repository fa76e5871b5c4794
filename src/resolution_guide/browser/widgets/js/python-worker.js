/* The one worker body: boots Pyodide, installs the engine, answers calls (DESIGN.md section 3).
 *
 * Protocol (page -> worker):  {type: "boot", way: "hosted" | "file", ...}
 *                             {type: "call", id, request: "<JSON text>"}
 *           (worker -> page): {type: "ready", timings} | {type: "failed", reason, detail}
 *                             {type: "response", id, response: "<JSON text>"}
 * Two ways to boot, one body:
 *   hosted: a module worker (worker.mjs imports this file and passes loadPyodide);
 *   file:   a classic worker made from a blob (runtime-file.js puts this file's text,
 *           carried by the offline payload code.js, after Pyodide's loader and glue),
 *           or, when no worker can be made, the same code on the page itself.
 * Classic-script syntax only, so the same text runs in all three places.
 */
(function () {
  "use strict";

  /* ---------- hosted: the self-hosted Pyodide folder, an optional memory snapshot ---------- */
  function fetchBytes(scope, url) {
    return scope.fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": HTTP " + response.status);
      return response.arrayBuffer();
    }).then(function (buf) { return new Uint8Array(buf); });
  }

  /* The snapshot fetched (not kept): unzipped while it downloads, not after (on a fast link the gunzip of
     5 MB took as long as the download, 0.2 s). A host that sent it with Content-Encoding gzip has had the
     browser undo that already. */
  function fetchSnapshot(scope, url) {
    return scope.fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": HTTP " + response.status);
      var undone = /gzip/i.test(response.headers.get("Content-Encoding") || "");
      var body = undone ? response.body : response.body.pipeThrough(new DecompressionStream("gzip"));
      return new Response(body).arrayBuffer();
    }).then(function (buf) { return new Uint8Array(buf); });
  }

  /* The snapshot ships gzipped (6 MB instead of 31 MB); a host may already have undone that. */
  function gunzipIfNeeded(bytes) {
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return Promise.resolve(bytes);
    return gunzip(bytes);
  }
  function gunzip(bytes) {
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).arrayBuffer().then(function (buf) { return new Uint8Array(buf); });
  }

  /* The snapshot's bytes if this device already keeps them (Cache Storage, filled by the guide's
     service worker after a first visit), else null: never a download. */
  function keptBytes(scope, url) {
    if (!scope.caches || typeof scope.caches.match !== "function") return Promise.resolve(null);
    return scope.caches.match(url).then(function (hit) {
      return hit && hit.ok ? hit.arrayBuffer().then(function (buf) { return new Uint8Array(buf); }) : null;
    }).catch(function () { return null; });
  }

  /* msg.snapshot: "kept" (the default) uses the memory snapshot only when this device already keeps
     it: on a phone link its 5 MB cost more time than the boot it saves, so a first visit boots
     normally and the service worker fetches it afterwards (DESIGN.md "Phone speed");
     "always" fetches it (desktop benchmark, tests); "never" (?rg-no-snapshot) does not use it. */
  function bootHosted(msg, env, watch) {
    var wheel = fetchBytes(env.scope, msg.wheelURL);
    wheel.catch(function () {});        // awaited below; failures are reported there
    var mode = msg.snapshot || "kept";
    var steps = {}, t = performance.now();       // where a start's time goes (benchmarks/phone.py prints it)
    function step(name) { var now = performance.now(); steps[name] = Math.round(now - t); t = now; }
    var snapshotURL = env.snapshotFile && mode !== "never" ? new URL(env.snapshotFile, msg.indexURL).href : null;
    function normal() {
      t = performance.now();
      return env.loadPyodide({ indexURL: msg.indexURL }).then(function (py) {
        step("load_pyodide_ms");
        return { pyodide: py, snapshot: false, steps: steps };
      });
    }
    var bytes = !snapshotURL ? Promise.resolve(null)
      : mode === "always" ? fetchSnapshot(env.scope, snapshotURL)
      : keptBytes(env.scope, snapshotURL);
    var booted = bytes.then(function (found) {
      step("snapshot_read_ms");
      if (!found) return normal();
      return tryWithSnapshot(found);
    }, function (err) {
      console.warn("Calculator: memory snapshot not fetched, booting normally.", err);
      return normal();
    });
    function tryWithSnapshot(found) {
      // A build-time memory snapshot (private Pyodide option); any problem means a normal boot.
      return gunzipIfNeeded(found).then(function (snapshot) {
        step("gunzip_ms");
        return watch.whileTrying(env.loadPyodide({ indexURL: msg.indexURL, _loadSnapshot: snapshot })).then(function (py) {
          step("load_pyodide_ms");
          py.runPython("import resolution_guide.engine.api");
          step("engine_import_ms");
          return { pyodide: py, snapshot: true, steps: steps };
        });
      }).catch(function (err) {
        console.warn("Calculator: memory snapshot not used, booting normally.", err);
        return normal();
      });
    }
    return booted.then(function (b) { return wheel.then(function (bytes) { b.wheel = bytes; return b; }); });
  }

  /* ---------- file: everything arrives in the boot message as bytes (or base64 text) ---------- */
  function fromBase64(text) {
    if (typeof text !== "string") return text;   // already decoded by the page and transferred
    if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(text);
    var raw = atob(text), bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  function bootFromDisk(msg, env) {
    var data = msg.data, scope = env.scope;
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
      return env.loadPyodide({
        indexURL: indexURL,
        createPyodideModule: scope.RGCreatePyodideModule,
        lockFileContents: data.lock,
        stdout: function () {},
        stderr: function () {},
      }).then(function (py) {
        scope.fetch = realFetch;
        return { pyodide: py, wheel: fromBase64(data.engine), snapshot: false };
      });
    });
  }

  var WAYS = { hosted: bootHosted, file: bootFromDisk };

  /* The warm-up request and the internal-error answer are the engine's (engine.api), not copies. */
  var WARM_UP = "import json\nfrom resolution_guide.engine import api\napi.handle(json.dumps(api.WARM_UP_REQUEST))\n";
  var ERROR_REPLY = "import json\nfrom resolution_guide.engine import api\njson.dumps(api.INTERNAL_ERROR)\n";

  /* Pyodide 314 only logs a warning when its wasm cannot be fetched or compiled, and then never
     settles: watch those steps so the page can say "could not start" instead of loading forever. */
  function makeWatch(scope, onProblem) {
    var trying = null;     // set while a snapshot boot is tried, so a problem means "fall back"
    function problem(err) {
      if (trying) { trying(err); return; }
      onProblem(err);
    }
    var W = scope.WebAssembly;
    ["instantiateStreaming", "instantiate"].forEach(function (name) {
      var original = W && W[name];
      if (typeof original !== "function") return;
      W[name] = function () {
        return original.apply(W, arguments).catch(function (err) { problem(err); throw err; });
      };
    });
    var originalFetch = scope.fetch;
    if (typeof originalFetch === "function") {
      scope.fetch = function () {
        return originalFetch.apply(scope, arguments).then(function (response) {
          if (!response.ok) problem(new Error(response.url + ": HTTP " + response.status));
          return response;
        }, function (err) { problem(err); throw err; });
      };
    }
    return {
      problem: problem,
      whileTrying: function (promise) {
        var failed = new Promise(function (_, reject) { trying = reject; });
        return Promise.race([promise, failed]).then(function (v) { trying = null; return v; },
                                                    function (e) { trying = null; throw e; });
      },
    };
  }

  /* port: where messages come from and go to ({postMessage, onmessage}); env: {scope, loadPyodide,
     snapshotFile}. In a worker both port and scope are the worker's global object. */
  function serve(port, env) {
    var handle = null, failed = false;
    var errorReply = null;    // asked of the engine at boot: a broken interpreter cannot be asked later

    function fail(err) {
      if (handle || failed) return;
      failed = true;
      console.error("Calculator: Python could not start.", err);
      port.postMessage({ type: "failed", reason: "load_failed", detail: String(err && err.message || err) });
    }
    var watch = env.watch === false ? { whileTrying: function (p) { return p; } } : makeWatch(env.scope, fail);
    if (env.watch !== false && env.scope.addEventListener) {
      env.scope.addEventListener("unhandledrejection", function (event) { (watch.problem || fail)(event.reason); });
      env.scope.addEventListener("error", function (event) { (watch.problem || fail)(event.message); });
    }

    function boot(msg) {
      var t0 = performance.now();
      var way = WAYS[msg.way];
      if (!way) { fail(new Error("unknown boot way " + msg.way)); return; }
      way(msg, env, watch).then(function (b) {
        var tBoot = performance.now();
        var py = b.pyodide;
        // Always unpack: a snapshot holds the imported modules but not the package's data files
        // (locale words, state packs), which the engine reads when it needs them.
        var sitePackages = py.runPython("import site; site.getsitepackages()[0]");
        py.unpackArchive(b.wheel, "wheel", { extractDir: sitePackages });
        var api = py.pyimport("resolution_guide.engine.api");
        // The engine's own warm-up request: the first calculation pays for lazy imports and
        // reading the state packs and words (about 15 ms), so the reader's first answer does not.
        var tWarm = performance.now();
        py.runPython(WARM_UP);
        errorReply = py.runPython(ERROR_REPLY);
        handle = api.handle;
        var timings = {
          boot_ms: tBoot - t0, warm_up_ms: performance.now() - tWarm, total_ms: performance.now() - t0,
          unpack_import_ms: tWarm - tBoot, snapshot: !!b.snapshot,
        };
        Object.keys(b.steps || {}).forEach(function (k) { timings[k] = b.steps[k]; });
        port.postMessage({ type: "ready", timings: timings });
      }).catch(fail);
    }

    port.onmessage = function (event) {
      var msg = event.data || {};
      if (msg.type === "boot") {
        boot(msg);
      } else if (msg.type === "call") {
        var response;
        try {
          response = handle(msg.request);
        } catch (err) {                  // handle never raises; a broken interpreter might
          console.error("Calculator: engine call failed.", err);
          response = errorReply;
        }
        port.postMessage({ type: "response", id: msg.id, response: response });
      }
    };
  }

  self.RGPythonWorker = { serve: serve };
})();
