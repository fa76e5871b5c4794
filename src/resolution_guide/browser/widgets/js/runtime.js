/* window.RGRuntime: the one door from the calculators to Python (DESIGN.md section 3).
 *
 * The transport is chosen here and nowhere else:
 *   http(s): a module Web Worker (worker.mjs) boots the self-hosted Pyodide off the
 *            main thread, so the page stays responsive while Python loads;
 *   file:    the offline bundle's window.RGFileRuntime, when its scripts are on the
 *            page; otherwise a runtime that reports "failed" with a reason the
 *            widgets can put into words.
 * Everything else (forms, results, fragment, downloads) only sees this interface.
 */
(function () {
  "use strict";
  if (window.RGRuntime) return;

  var script = document.currentScript;
  var assetsBase = new URL("../", script ? script.src : location.href);   // .../assets/rg/
  var wheelPath = (script && script.getAttribute("data-rg-wheel")) || "";

  function makeRuntime() {
    var listeners = [];
    var rt = {
      status: "idle",
      detail: null,
      onstatus: function (fn) { listeners.push(fn); },
      setStatus: function (status, detail) {
        rt.status = status;
        rt.detail = detail || null;
        listeners.slice().forEach(function (fn) {
          try { fn(status, detail); } catch (err) { /* one listener must not stop the others */ }
        });
      },
    };
    return rt;
  }

  /* A runtime that can never start, with the reason as a code (words live in the locale). */
  function unavailable(reason) {
    var rt = makeRuntime();
    rt.start = function () {
      if (rt.status !== "failed") rt.setStatus("failed", reason);
      return Promise.reject(new Error(reason));
    };
    rt.call = rt.start;
    return rt;
  }

  function workerRuntime() {
    var rt = makeRuntime();
    var worker = null;
    var ready = null;
    var pending = {};
    var nextId = 1;

    function fail(reason) {
      if (rt.status !== "failed") rt.setStatus("failed", reason);
      Object.keys(pending).forEach(function (id) { pending[id].reject(new Error(reason)); delete pending[id]; });
    }

    rt.start = function () {
      if (ready) return ready;
      ready = new Promise(function (resolve, reject) {
        if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
          fail("no_webassembly");
          reject(new Error("no_webassembly"));
          return;
        }
        rt.setStatus("loading");
        try {
          worker = new Worker(new URL("js/worker.mjs", assetsBase), { type: "module" });
        } catch (err) {
          fail("load_failed");
          reject(err);
          return;
        }
        worker.onmessage = function (event) {
          var msg = event.data || {};
          if (msg.type === "ready") {
            rt.timings = msg.timings;
            rt.setStatus("ready", msg.timings);
            resolve(rt);
          } else if (msg.type === "failed") {
            fail(msg.reason || "load_failed");
            reject(new Error(msg.reason || "load_failed"));
          } else if (msg.type === "response" && pending[msg.id]) {
            var done = pending[msg.id];
            delete pending[msg.id];
            try { done.resolve(JSON.parse(msg.response)); } catch (err) { done.reject(err); }
          }
        };
        worker.onerror = function (event) {
          if (event && event.preventDefault) event.preventDefault();
          fail("load_failed");
          reject(new Error("load_failed"));
        };
        worker.postMessage({
          type: "init",
          indexURL: new URL("pyodide/", assetsBase).href,
          wheelURL: new URL(wheelPath, assetsBase).href,
          useSnapshot: !/[?&]rg-no-snapshot\b/.test(location.search),
        });
      });
      ready.catch(function () { /* reported through onstatus */ });
      return ready;
    };

    rt.call = function (request) {
      return rt.start().then(function () {
        return new Promise(function (resolve, reject) {
          var id = nextId++;
          pending[id] = { resolve: resolve, reject: reject };
          worker.postMessage({ type: "call", id: id, request: JSON.stringify(request) });
        });
      });
    };
    return rt;
  }

  /* From disk the offline scripts may come after this one: look them up when first used. */
  function fileRuntime() {
    var rt = makeRuntime();
    var inner = null;
    function pick() {
      if (!inner) {
        inner = window.RGFileRuntime || unavailable("from_disk_unavailable");
        inner.onstatus(function (status, detail) { rt.setStatus(status, detail); });
      }
      return inner;
    }
    rt.start = function () { return pick().start(); };
    rt.call = function (request) { return pick().call(request); };
    return rt;
  }

  window.RGRuntime = location.protocol === "file:" ? fileRuntime() : workerRuntime();
})();
