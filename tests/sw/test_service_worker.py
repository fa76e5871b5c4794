"""The guide's service worker (issue 14): after one visit the runtime and the page come from
the device; a new build replaces the old cache; file:// pages never register it; no answer
(the fragment) and no query string is ever a key in Cache Storage.

Each test serves its own copy of the built site on its own port, so stopping the host (no
network at all: the worker, not the HTTP cache, must answer) or publishing a new version
touches nothing else."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from pathlib import Path

import pytest

from resolution_guide.browser import assets

pytestmark = pytest.mark.browser
ANSWERS = "received=2026-03-02&hearing_dates=2026-05-04"
CACHE_KEYS = """async () => {
  const out = {};
  for (const name of await caches.keys()) out[name] = (await (await caches.open(name)).keys()).map(r => r.url);
  return out;
}"""


class Host:
    """A static host for one folder that can be stopped (the network gone) and started again."""

    def __init__(self, folder: Path):
        self.folder, self.server, self.port = folder, None, 0
        self.asked: list[str] = []                 # every path asked for, in order

    def start(self) -> str:
        handler = functools.partial(_CachingHandler, directory=str(self.folder), host=self)
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.port}/"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class _CachingHandler(http.server.SimpleHTTPRequestHandler):
    """Like a static host: right types, `max-age=600`, no log lines."""
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".mjs": "text/javascript", ".js": "text/javascript", ".json": "application/json",
                      ".whl": "application/zip"}

    def __init__(self, *args, host: Host, **kwargs):
        self.host = host
        super().__init__(*args, **kwargs)

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.host.asked.append(self.path.split("?")[0])
        super().do_GET()

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()


@pytest.fixture(scope="module")
def timeline_page(built_site: Path) -> str:
    for html in sorted(built_site.rglob("*.html")):
        if 'data-rg-widget="deadlines"' in html.read_text(encoding="utf-8"):
            return html.relative_to(built_site).as_posix().removesuffix("index.html")
    pytest.fail("no page places the deadlines calculator (the Timeline page's)")


@pytest.fixture
def host(built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    h = Host(site)
    yield h
    if h.server:
        h.stop()


def _first_visit(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function("window.RGRuntime && RGRuntime.status === 'ready'", timeout=120_000)
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30_000)
    # the worker keeps the runtime from the HTTP cache once the page says it is ready, then fetches the
    # rest: wait for every runtime file (the `RUNTIME` list of the site's rg-sw.js) before going offline
    page.wait_for_function(r"""async () => {
      const names = await caches.keys();
      if (names.length !== 1) return false;
      const keys = new Set((await (await caches.open(names[0])).keys()).map(r => r.url));
      const sw = await (await fetch(new URL('rg-sw.js', location.origin + '/'))).text();
      const runtime = Object.keys(JSON.parse(sw.match(/RUNTIME = (\{[\s\S]*?\});/)[1]));
      return runtime.every(path => keys.has(new URL(path, location.origin + '/').href));
    }""", timeout=90_000, polling=250)


def test_second_visit_works_with_no_network_and_no_answer_is_stored(browser, host, timeline_page):
    base = host.start()
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    _first_visit(page, base + timeline_page + "?from=test#" + ANSWERS)
    page.close()

    host.stop()                                    # no host at all: only the service worker can answer
    page = context.new_page()
    said = []                                      # the page's, its worker's and the service worker's messages
    context.on("console", lambda message: said.append(message.text[:300]))
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(base + timeline_page + "#" + ANSWERS)
    page.wait_for_function("window.RGRuntime && ['ready', 'failed'].includes(RGRuntime.status)", timeout=120_000)
    assert page.evaluate("RGRuntime.status") == "ready", (page.evaluate("RGRuntime.error"), said)
    page.locator(".rg-widget [data-deadline] time").first.wait_for(timeout=30_000)
    assert page.title()

    stored = page.evaluate(CACHE_KEYS)
    keys = [url for urls in stored.values() for url in urls]
    assert base + timeline_page in keys                          # the page itself, without its query
    assert [k for k in keys if "#" in k or "?" in k or "received" in k or "2026-03-02" in k] == []
    assert all(k.startswith(base) for k in keys)
    context.close()
    assert errors == []


def test_a_first_visit_boots_without_the_snapshot_and_a_return_visit_with_the_kept_one(browser, host, timeline_page):
    """On a phone link the snapshot's megabytes cost more than the boot they save: the first visit
    must not wait for them; the worker fetches them afterwards, and the next visit (no network at
    all) starts from them."""
    base = host.start()
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + timeline_page + "#" + ANSWERS)
    page.wait_for_function("window.RGRuntime && RGRuntime.status === 'ready'", timeout=120_000)
    assert page.evaluate("RGRuntime.timings.snapshot") is False
    snapshot = f"{base}assets/rg/pyodide/{assets.SNAPSHOT_FILE}"
    kept = None
    for _ in range(240):                           # the worker fetches it after the first result
        kept = page.evaluate("""async (url) => { const hit = await caches.match(url); if (!hit) return null;
                                                 const b = new Uint8Array(await hit.arrayBuffer());
                                                 return [b[0], b[1], b.length]; }""", snapshot)
        if kept:
            break
        page.wait_for_timeout(250)
    assert kept, "the service worker did not keep the memory snapshot after the first visit"
    # kept unzipped, so a return visit does not spend a phone's CPU on gunzip
    shipped = (host.folder / assets.ASSETS_PREFIX / "pyodide" / assets.SNAPSHOT_FILE).stat().st_size
    assert kept[:2] != [0x1F, 0x8B] and kept[2] > 3 * shipped
    page.close()

    host.stop()
    page = context.new_page()
    # a page the service worker answers does not start Python from its head (DESIGN.md "Phone speed")
    page.add_init_script("""document.addEventListener('DOMContentLoaded', () => {
      window.__rgAtDomReady = window.RGRuntime ? RGRuntime.status : 'absent'; });""")
    page.goto(base + timeline_page + "#" + ANSWERS)
    page.wait_for_function("window.RGRuntime && RGRuntime.status === 'ready'", timeout=120_000)
    assert page.evaluate("__rgAtDomReady") == "idle"
    assert page.evaluate("RGRuntime.timings.snapshot") is True
    page.locator(".rg-widget [data-deadline] time").first.wait_for(timeout=30_000)
    context.close()


def test_a_new_version_replaces_the_old_cache(browser, host, timeline_page):
    base = host.start()
    context = browser.new_context()
    page = context.new_page()
    _first_visit(page, base + timeline_page)
    [old] = page.evaluate("caches.keys()")

    rg = host.folder / assets.ASSETS_PREFIX                       # publish a new build: one runtime file changed
    with open(rg / "js" / "widgets.js", "a", encoding="utf-8") as fh:
        fh.write("\n/* version 2 */\n")
    version = assets.write_service_worker(host.folder, rg)
    assert version not in old
    page.reload()
    page.wait_for_function(f"""async () => (await caches.keys()).join() === 'rg-guide-{version}'""",
                           timeout=60_000, polling=250)
    page.reload()
    page.wait_for_function("window.RGRuntime && RGRuntime.status === 'ready'", timeout=120_000)
    # the new worker re-fetches a runtime file whose bytes are not this build's (the HTTP cache's copy is stale)
    page.wait_for_function("""async () => {
      const hit = await (await caches.open('rg-guide-%s')).match('%sassets/rg/js/widgets.js');
      return !!hit && (await hit.text()).includes('version 2');
    }""" % (version, base), timeout=60_000, polling=500)
    context.close()


def test_pages_opened_from_disk_never_register_it(browser, built_site, timeline_page):
    context = browser.new_context()
    context.add_init_script("""
      window.__registered = [];
      if (navigator.serviceWorker && navigator.serviceWorker.register) {
        const original = navigator.serviceWorker.register.bind(navigator.serviceWorker);
        navigator.serviceWorker.register = (...a) => { window.__registered.push(String(a[0])); return original(...a); };
      }""")
    page = context.new_page()
    html = (built_site / timeline_page / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<script src="[^"]*rg-sw-register\.js" defer>', html)   # the page does load it
    page.goto((built_site / timeline_page / "index.html").as_uri())
    page.wait_for_load_state("load")
    assert page.evaluate("document.querySelector('script[src$=\"rg-sw-register.js\"]') !== null")
    assert page.evaluate("window.__registered") == []
    context.close()


def test_the_worker_is_registered_over_http(browser, host, timeline_page):
    """The counterpart of the file:// test, with the same probe: over http it does register."""
    base = host.start()
    context = browser.new_context()
    context.add_init_script("""
      window.__registered = [];
      const original = navigator.serviceWorker.register.bind(navigator.serviceWorker);
      navigator.serviceWorker.register = (...a) => { window.__registered.push(String(a[0])); return original(...a); };""")
    page = context.new_page()
    page.goto(base)
    page.wait_for_function("window.__registered.length > 0", timeout=20_000)
    assert page.evaluate("window.__registered") == [base + "rg-sw.js"]
    context.close()


def test_the_worker_asks_for_each_runtime_file_once(browser, host, timeline_page):
    """The worker's early requests (worker.mjs) are the ones Pyodide uses: no runtime file is asked for twice,
    and a first visit does not fetch the snapshot. (No service worker here: after the first result it
    fetches the rest of the runtime, which is its own business.)"""
    base = host.start()
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(base + timeline_page + "#" + ANSWERS)
    page.wait_for_function("window.RGRuntime && RGRuntime.status === 'ready'", timeout=120_000)
    page.locator(".rg-widget [data-deadline] time").first.wait_for(timeout=30_000)
    assert page.evaluate("RGRuntime.timings.snapshot") is False
    runtime = [p for p in host.asked if "/assets/rg/" in p]
    for name in ("pyodide.asm.wasm", assets.STDLIB_ZIP, "pyodide-lock.json", "pyodide.asm.mjs", "pyodide.mjs",
                 "worker.mjs", "python-worker.js", "runtime.js", assets.SNAPSHOT_FILE):
        expected = 0 if name == assets.SNAPSHOT_FILE else 1
        assert sum(p.endswith("/" + name) for p in runtime) == expected, (name, runtime)
    context.close()
