/* The guide's service worker (DESIGN.md section "Phone speed"): after one visit the runtime and
 * the pages come from this device, so a return visit starts in about a second and the guide
 * reads without a network.
 *
 * Written to the site's root as rg-sw.js by resolution_guide.browser.assets.install, which fills
 * in VERSION (a hash of every runtime file) and RUNTIME (path from the site root -> sha256): a
 * new build with any changed file is a new worker, which empties the old cache when it takes over.
 * A runtime file is kept only if its bytes have the sha256 of this build: the browser's HTTP cache
 * may still hold the previous version under the same name (then it is fetched again, bypassing it).
 *
 * What is kept: same-origin GET answers with status 200, stored under their URL without query
 * string or fragment. What is never kept: anything with a query string, anything from another
 * host, and fragments (the calculators keep a reader's answers in the fragment; they never reach
 * a server, and the key of every stored entry has none). Engine calls never touch the network.
 *   assets/  cache first (their content changes only with a new VERSION);
 *   pages    network first, the kept copy when offline (a published change shows at once).
 */
"use strict";
var VERSION = "__RG_VERSION__";
var RUNTIME = __RG_RUNTIME__;
var PREFIX = "rg-guide-";
var CACHE = PREFIX + VERSION;
var ROOT = new URL("./", self.location.href).href;

function keyOf(url) {
  var u = new URL(url);
  u.hash = "";
  u.search = "";
  return u.href;
}

function keepable(request, response) {
  return request.method === "GET" && response && response.status === 200 && response.type === "basic";
}

function hex(buffer) {
  return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
}

/* Resolves to true when response's bytes are this build's version of the runtime file `key`. */
function isThisBuilds(key, response) {
  var expected = RUNTIME[key.slice(ROOT.length)];
  if (!expected) return Promise.resolve(true);          // not a runtime file (theme, page, search index)
  return response.clone().arrayBuffer().then(function (buf) { return crypto.subtle.digest("SHA-256", buf); })
    .then(function (digest) { return hex(digest) === expected; });
}

/* The memory snapshot is kept unzipped (31 MB on the device instead of 5): a return visit then reads
   it as it is instead of gunzipping it on a phone's CPU (measured: the second visit about 0.7-1 s
   sooner; python-worker.js takes either form). Checked first: the sha256 is the shipped gzip file's. */
var UNZIP_WHEN_KEPT = /\/snapshot\.bin\.gz$/;

function stored(key, response) {
  if (!UNZIP_WHEN_KEPT.test(key) || typeof DecompressionStream !== "function") return response;
  return new Response(response.body.pipeThrough(new DecompressionStream("gzip")),
                      { headers: { "Content-Type": "application/octet-stream" } });
}

/* Store response under key if it is this build's; a stale copy from the HTTP cache is fetched
   again from the host (cache: "reload"). */
function keep(cache, key, response) {
  return isThisBuilds(key, response).then(function (ok) {
    if (ok) return cache.put(key, stored(key, response));
    return fetch(key, { cache: "reload" }).then(function (fresh) {
      if (fresh.status !== 200) return null;
      return isThisBuilds(key, fresh).then(function (good) { return good ? cache.put(key, stored(key, fresh)) : null; });
    });
  }).catch(function () { return null; });
}

/* Copy into the cache what the browser's HTTP cache already holds (no network: only-if-cached):
   the first visit downloaded the runtime before this worker was in charge. */
function keepFromHttpCache(cache) {
  return Promise.all(Object.keys(RUNTIME).map(function (path) {
    var url = new URL(path, ROOT).href;
    return cache.match(url).then(function (hit) {
      if (hit) return null;
      return fetch(url, { cache: "only-if-cached", mode: "same-origin" }).then(function (response) {
        return response.status === 200 ? keep(cache, url, response) : null;
      }).catch(function () { return null; });
    });
  }));
}

self.addEventListener("install", function (event) {
  event.waitUntil(self.skipWaiting());
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name !== CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }).then(function () {
    return caches.open(CACHE).then(keepFromHttpCache);
  }));
});

/* After the first result: fetch, with a low priority, the runtime files the page did not load (the
   memory snapshot, which only a return visit uses, and the other languages' words), so the next
   visit starts from this device. Not when the reader asked the browser to save data. */
function fetchTheRest(cache) {
  if (self.navigator && self.navigator.connection && self.navigator.connection.saveData) return Promise.resolve();
  return Object.keys(RUNTIME).reduce(function (previous, path) {
    var url = new URL(path, ROOT).href;
    return previous.then(function () {
      return cache.match(url).then(function (hit) {
        if (hit) return null;
        return fetch(url, { priority: "low" }).then(function (response) {
          return keepable({ method: "GET" }, response) ? keep(cache, url, response) : null;
        });
      }).catch(function () { return null; });
    });
  }, Promise.resolve());
}

/* The page says its runtime is ready (sw-register.js): keep what it loaded, and the page itself,
   then fetch the rest of the runtime. */
self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type !== "rg-keep") return;
  var page = typeof data.page === "string" && data.page.indexOf(ROOT) === 0 ? data.page.split("#")[0] : null;
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    var jobs = [keepFromHttpCache(cache)];
    if (page) {
      // The page as the browser holds it, else (a few kB) from the host; kept without its query.
      jobs.push(fetch(page, { cache: "only-if-cached", mode: "same-origin" }).then(function (response) {
        if (response.status === 200) return response;
        throw new Error("not in the HTTP cache");
      }).catch(function () { return fetch(keyOf(page)); }).then(function (response) {
        return keepable({ method: "GET" }, response) ? cache.put(keyOf(page), response) : null;
      }).catch(function () { return null; }));
    }
    return Promise.all(jobs).then(function () { return fetchTheRest(cache); });
  }));
});

function fromNetwork(event, request, key, cache) {
  // A runtime file is asked of the host (a 304 when unchanged), never taken stale from the HTTP cache.
  var ask = RUNTIME[key.slice(ROOT.length)] ? fetch(key, { cache: "no-cache" }) : fetch(request);
  return ask.then(function (response) {
    if (keepable(request, response)) event.waitUntil(keep(cache, key, response.clone()));
    return response;
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || url.href.indexOf(ROOT) !== 0 || url.search) return;
  var key = keyOf(request.url);
  var asset = key.indexOf(ROOT + "assets/") === 0;
  event.respondWith(caches.open(CACHE).then(function (cache) {
    if (asset) {
      return cache.match(key).then(function (hit) { return hit || fromNetwork(event, request, key, cache); });
    }
    return fromNetwork(event, request, key, cache).catch(function (err) {
      return cache.match(key).then(function (hit) { if (hit) return hit; throw err; });
    });
  }));
});
