/* The file:// ways to open the calculators' Python worker (window.RGFileBoot, used by runtime.js).
 *
 * Why this exists: from file:// Chromium blocks fetch(), ES modules and workers made from
 * files, so the hosted module worker cannot start. The offline build ships Pyodide, the
 * engine and the one worker body (python-worker.js) as classic scripts that assign strings
 * (assets/rg/offline/*.js, written by resolution_guide.bundle.file_runtime). This file loads
 * them and opens the same worker body either in a worker made from a blob or, when no
 * worker can be made, on the page's own thread. The protocol, the client, the warm-up and
 * the error answer are those of every runtime (runtime.js, python-worker.js).
 * Nothing here makes a network request.
 */
(function () {
  "use strict";

  var here = document.currentScript ? document.currentScript.src : location.href;
  var PAYLOAD_BASE = new URL("../offline/", here).href;  // this file is assets/rg/js/runtime-file.js
  var PAYLOADS = ["code.js", "wasm.js", "stdlib.js", "engine.js"];
  var BYTES = ["wasmGzip", "stdlib", "engine"];
  // The iframe-worker shim (for Material's search) replaces window.Worker on file://;
  // keep-worker.js saves the browser's own Worker before it does.
  var NativeWorker = window.RGNativeWorker || window.Worker;
  var loaded = null;

  function failure(reason, final) {
    var err = new Error(reason);
    err.reason = reason;
    err.final = final;
    return err;
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

  /* The payload scripts, loaded once; a missing one is typically a page opened from inside
     the zip without extracting it, or a copy of a single page. */
  function payloads() {
    if (!loaded) {
      var missing = missingFeature();
      loaded = missing ? Promise.reject(failure(missing, true))
        : Promise.all(PAYLOADS.map(function (name) { return loadScript(PAYLOAD_BASE + name); }))
          .then(function () { return window.RGOffline; }, function () { throw failure("from_disk_unavailable", true); });
    }
    return loaded;
  }

  /* The boot message; where fromBase64 exists the bytes are decoded natively and moved to the
     worker without a copy, which costs the page far less than cloning 8 MB of text. */
  function bootMessage(data, transferable) {
    var msg = { type: "boot", way: "file", data: { lock: data.lock } }, transfer = [];
    BYTES.forEach(function (k) {
      if (transferable && typeof Uint8Array.fromBase64 === "function") {
        msg.data[k] = Uint8Array.fromBase64(data[k]);
        transfer.push(msg.data[k].buffer);
      } else {
        msg.data[k] = data[k];
      }
    });
    return { boot: msg, transfer: transfer };
  }

  function worker() {
    return payloads().then(function (data) {
      var source = [
        // Pyodide refuses classic workers by probing importScripts; this worker has
        // loaded everything already, so it has no use for importScripts.
        "self.importScripts = undefined;\n",
        data.loaderCode, "\n;\n", data.glueCode, "\n;\n", data.workerCode, "\n;\n",
        "self.RGPythonWorker.serve(self, { scope: self, loadPyodide: self.loadPyodide });\n",
      ];
      var url = URL.createObjectURL(new Blob(source, { type: "text/javascript" }));
      var port;
      try { port = new NativeWorker(url); } finally { setTimeout(function () { URL.revokeObjectURL(url); }, 60000); }
      var m = bootMessage(data, true);
      return { port: port, boot: m.boot, transfer: m.transfer, mode: "worker",
               // Once Python runs in the worker, the page no longer needs about 9 MB of text.
               ready: function () { delete window.RGOffline; } };
    });
  }

  /* Two ends of a channel on the page, for the same worker body without a worker. */
  function pagePorts() {
    var page = { onmessage: null }, body = { onmessage: null };
    function deliver(to) {
      return function (msg) { setTimeout(function () { if (to.onmessage) to.onmessage({ data: msg }); }, 0); };
    }
    page.postMessage = deliver(body);
    body.postMessage = deliver(page);
    return { page: page, body: body };
  }

  function mainThread() {
    return payloads().then(function (data) {
      var code = URL.createObjectURL(new Blob([data.loaderCode, "\n;\n", data.glueCode, "\n;\n", data.workerCode],
                                              { type: "text/javascript" }));
      return loadScript(code).then(function () {
        URL.revokeObjectURL(code);
        var ports = pagePorts();
        window.RGPythonWorker.serve(ports.body, { scope: window, loadPyodide: window.loadPyodide, watch: false });
        return { port: ports.page, boot: bootMessage(data, false).boot, mode: "main-thread" };
      });
    });
  }

  window.RGFileBoot = { worker: worker, mainThread: mainThread };
})();
