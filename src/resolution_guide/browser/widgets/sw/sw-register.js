/* Registers the guide's service worker (rg-sw.js beside this file at the site's root, DESIGN.md section "Phone
 * speed"), loaded with `defer` on every page. Never from file:// (the offline copy has no worker)
 * and never where the browser has none. Once a calculator's runtime is ready, asks the worker to
 * keep what the page loaded (from the browser's HTTP cache, no second download). */
(function () {
  "use strict";
  if (location.protocol !== "https:" && location.protocol !== "http:") return;
  if (!("serviceWorker" in navigator)) return;
  var script = document.currentScript;
  if (!script) return;
  var worker = new URL("rg-sw.js", script.src);       // both at the site's root

  function keep() {
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) registration.active.postMessage({ type: "rg-keep", page: location.href.split("#")[0] });
    });
  }

  navigator.serviceWorker.register(worker.href).then(function () {
    var rt = window.RGRuntime;
    if (!rt) { keep(); return; }
    if (rt.status === "ready") keep();
    else rt.onstatus(function (status) { if (status === "ready") keep(); });
  }).catch(function () { /* no worker: the guide works as before, only without the kept copy */ });
})();
