/* window.RGRuntime: the one door from the calculators to Python (DESIGN.md section 3).
 *
 * One client (status, start, call: id -> promise) over one worker protocol (python-worker.js);
 * only the way to open the worker differs, and it is chosen here and nowhere else:
 *   http(s): a module Web Worker (worker.mjs) that boots the self-hosted Pyodide;
 *   file:    the offline bundle's window.RGFileBoot (runtime-file.js): a worker made from a
 *            blob, else the same worker body on the page's own thread; without the bundle's
 *            scripts, a runtime that reports "failed" with a reason the widgets put into words.
 * A runtime already on the page (a test's stub) is left in place.
 */
(function () {
  "use strict";
  if (window.RGRuntime) return;

  var script = document.currentScript;
  var assetsBase = new URL("../", script ? script.src : location.href);   // .../assets/rg/
  var wheelPath = (script && script.getAttribute("data-rg-wheel")) || "";

  /* A failure with a reason code (no_webassembly, load_failed, from_disk_unavailable, ...). */
  function failure(reason, cause) {
    var err = new Error(reason);
    err.reason = reason;
    err.cause = cause;
    return err;
  }

  /* ways: functions, tried in order until one boots; each returns a Promise of
     {port: a Worker or Worker-like object, boot: the boot message, transfer?, mode, ready?()}. */
  function createRuntime(ways) {
    var listeners = [];
    var ready = null, port = null, pending = {}, nextId = 1;
    var rt = {
      status: "idle",
      detail: null,        // on "failed": a reason code
      mode: null,          // "worker" or "main-thread", for benchmarks and bug reports
      startedEarly: false, // started from the page's head (data-rg-start): boot after the page's start-up
      timings: null,       // from the worker: {boot_ms, warm_up_ms, total_ms, snapshot}
      onstatus: function (fn) { listeners.push(fn); },
      start: start,
      call: call,
    };

    function setStatus(status, detail) {
      rt.status = status;
      rt.detail = detail || null;
      listeners.slice().forEach(function (fn) {
        try { fn(status, detail); } catch (err) { /* one listener must not stop the others */ }
      });
    }

    /* Open one way and wait for "ready"; reject with a reason code on the way's failure. */
    function boot(way) {
      return way().then(function (opened) {
        return new Promise(function (resolve, reject) {
          var p = opened.port;
          p.onmessage = function (event) {
            var msg = event.data || {};
            if (msg.type === "ready") {
              if (opened.ready) opened.ready();
              resolve({ port: p, mode: opened.mode, timings: msg.timings });
            } else if (msg.type === "failed") {
              if (p.terminate) p.terminate();
              reject(failure(msg.reason || "load_failed", msg.detail));
            } else if (msg.type === "response" && pending[msg.id]) {
              var done = pending[msg.id];
              delete pending[msg.id];
              try { done.resolve(JSON.parse(msg.response)); } catch (err) { done.reject(err); }
            }
          };
          p.onerror = function (event) {
            if (event && event.preventDefault) event.preventDefault();
            if (p.terminate) p.terminate();
            reject(failure("load_failed", event && event.message));
          };
          var send = function () { p.postMessage(opened.boot, opened.transfer || []); };
          if (rt.startedEarly) afterPageStart(send); else send();
        });
      });
    }

    function start() {
      if (ready) return ready;
      if (typeof WebAssembly !== "object") {
        setStatus("failed", "no_webassembly");
        ready = Promise.reject(failure("no_webassembly"));
      } else {
        rt.startedAt = performance.now();
        setStatus("loading");
        var attempt = ways.reduce(function (previous, way) {
          return previous.catch(function (err) {
            // A reason the reader must hear (no payload, no WebAssembly) ends the search.
            if (err && err.final) throw err;
            return boot(way);
          });
        }, Promise.reject(failure("load_failed")));
        ready = attempt.then(function (b) {
          port = b.port;
          rt.mode = b.mode;
          rt.timings = b.timings;
          rt.readyAt = performance.now();
          setStatus("ready", b.timings);
          return rt;
        }, function (err) {
          rt.error = String(err && err.cause || err);     // for bug reports; the page shows words
          setStatus("failed", (err && err.reason) || "load_failed");
          throw err;
        });
      }
      ready.catch(function () { /* reported through onstatus; callers of call() get the rejection */ });
      return ready;
    }

    function call(request) {
      return start().then(function () {
        return new Promise(function (resolve, reject) {
          var id = nextId++;
          pending[id] = { resolve: resolve, reject: reject };
          port.postMessage({ type: "call", id: id, request: JSON.stringify(request) });
        });
      });
    }
    return rt;
  }

  /* fn once the page's own start-up is done (DOMContentLoaded and its listeners, the theme's among them):
     a runtime started early from the page's head has its worker fetch Python's files at once (worker.mjs)
     but begins the CPU-heavy boot only then, so the page's first tasks do not share the CPU with it
     (DESIGN.md "Phone speed", early start). At once when that moment has passed. */
  function afterPageStart(fn) {
    if (document.readyState !== "loading") { fn(); return; }
    document.addEventListener("DOMContentLoaded", function () { setTimeout(fn, 0); }, { once: true });
  }

  function hostedWorker() {
    if (typeof Worker !== "function") {
      var err = failure("no_webassembly");
      err.final = true;
      return Promise.reject(err);
    }
    return Promise.resolve({
      port: new Worker(new URL("js/worker.mjs", assetsBase), { type: "module" }),
      mode: "worker",
      boot: {
        type: "boot", way: "hosted",
        indexURL: new URL("pyodide/", assetsBase).href,
        wheelURL: new URL(wheelPath, assetsBase).href,
        // The memory snapshot: when this device keeps it (python-worker.js); the query forces it off or on.
        snapshot: /[?&]rg-no-snapshot\b/.test(location.search) ? "never"
          : /[?&]rg-snapshot\b/.test(location.search) ? "always" : "kept",
      },
    });
  }

  /* From disk the offline scripts may come after this one: look them up when first used. */
  function fromDisk(which) {
    return function () {
      if (!window.RGFileBoot) {
        var err = failure("from_disk_unavailable");
        err.final = true;
        return Promise.reject(err);
      }
      return window.RGFileBoot[which]();
    };
  }

  var ways = location.protocol === "file:" ? [fromDisk("worker"), fromDisk("mainThread")] : [hostedWorker];
  window.RGRuntime = createRuntime(ways);
  // The copy of this script in a calculator page's <head> (async, data-rg-start; site/theme/main.html) starts
  // Python at once on a first visit, while the page is still loading: on a phone link the big downloads begin
  // about 0.35 s sooner (DESIGN.md "Phone speed", early start). Not when the guide's service worker already
  // answers for the page (a return visit: everything is on the device, and a worker made that early was
  // not answered by it offline), and not from disk (the offline scripts come later there).
  var kept = navigator.serviceWorker && navigator.serviceWorker.controller;
  if (script && script.hasAttribute("data-rg-start") && location.protocol !== "file:" && !kept) {
    window.RGRuntime.startedEarly = true;
    window.RGRuntime.start().catch(function () {});     // the widgets show a failure when they ask
  }
  // The offline benchmark reads the runtime under its former name.
  if (location.protocol === "file:") window.RGFileRuntime = window.RGRuntime;
})();
