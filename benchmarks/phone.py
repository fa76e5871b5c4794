"""Phone figures for the Timeline calculator in headless Chromium (not a test; issue 14).

    python3 benchmarks/phone.py [--site DIR] [--runs 5] [--page timeline/] [--only phone|desktop]

An emulated phone: 9 Mbit/s down, 150 ms round trip and a 4x slower CPU (CDP
Emulation.setCPUThrottlingRate), behind a small local host that gzips what it sends (and sends
a file's precompressed .br or .gz sibling instead when there is one) with
`Cache-Control: max-age=600`, like a static host. The link is shaped by the host itself (each
answer waits one round trip, then all answers share 9 Mbit/s): CDP's
Network.emulateNetworkConditions throttles the page only, so requests a service worker makes
for the page would escape it. Prints the median of --runs for:
  cold       a fresh browser profile: navigation -> first result (answers in the fragment);
  bytes      bytes the host sent before the first result (counted by the host: workers included),
             and after it until the service worker has kept the memory snapshot;
  longest    the longest main-thread task until the first result;
  second     the same profile opened again (service worker and HTTP cache as a family has them);
  steps      where the worker's start went (reading the kept snapshot, gunzip, Pyodide's start,
             installing and importing the engine, the warm-up calculation).
Then the same without any emulation (desktop, loopback speed); --only picks one.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from conftest import CHROMIUM, CHROMIUM_ARGS, _QuietHandler  # noqa: E402
from startup import FRAGMENT, PROBE  # noqa: E402

PHONE_CPU = 4



class Link:
    """One shared downlink: answers queue for it as on a phone's radio."""
    rate = 9_000_000 / 8           # bytes per second; 0: not shaped
    rtt = 0.150
    _lock = threading.Lock()
    _free_at = [0.0]

    @classmethod
    def send(cls, wfile, body: bytes) -> None:
        if not cls.rate:
            wfile.write(body)
            return
        for i in range(0, len(body), 16384):
            chunk = body[i:i + 16384]
            with cls._lock:
                start = max(time.monotonic(), cls._free_at[0])
                cls._free_at[0] = start + len(chunk) / cls.rate
                done = cls._free_at[0]
            time.sleep(max(0.0, done - time.monotonic()))
            wfile.write(chunk)


class GzipHost(_QuietHandler):
    """Serves files like a static host: a .br/.gz sibling if the browser accepts it, else gzip
    on the fly for text and wasm (zip files too: hosts compress by type, zip stays as is)."""
    sent = [0]

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accept = self.headers.get("Accept-Encoding", "")
        if not path.is_file():
            return super().do_GET()
        body, encoding = None, None
        for sibling, name in ((".br", "br"), (".gz", "gzip")):
            if name in accept and path.with_name(path.name + sibling).is_file():
                body, encoding = path.with_name(path.name + sibling).read_bytes(), name
                break
        if body is None:
            body = path.read_bytes()
            if "gzip" in accept and path.suffix in (".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".xml"):
                body, encoding = gzip.compress(body, compresslevel=6), "gzip"
        if Link.rate:
            time.sleep(Link.rtt)                # the request's way up and the answer's first byte down
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        Link.send(self.wfile, body)
        GzipHost.sent[0] += len(body)


def serve(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHost, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def emulate(context, page, phone: bool) -> None:
    if not phone:
        return
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": PHONE_CPU})


def visit(page, url: str) -> dict:
    GzipHost.sent[0] = 0
    page.goto(url)
    page.wait_for_function("window.__rg && __rg.result !== null", timeout=300_000)
    sent = GzipHost.sent[0]
    rg = page.evaluate("__rg")
    longest = max([d for start, d in rg["longtasks"] if start <= rg["result"]] or [0])
    runtime = page.evaluate("window.RGRuntime ? {started: RGRuntime.startedAt, ready: RGRuntime.readyAt, "
                            "timings: RGRuntime.timings} : null") or {}
    runtime["page"] = page.evaluate("(() => { const n = performance.getEntriesByType('navigation')[0]; "
                                    "return {html: n.responseEnd, interactive: n.domInteractive}; })()")
    return {"result": rg["result"], "bytes": sent, "longest": longest, "runtime": runtime}


KEPT = """async (url) => { try { return !!(await caches.match(url)); } catch (e) { return false; } }"""


def one_profile(browser, base: str, page_path: str, phone: bool) -> tuple[dict, dict]:
    """A first visit then a second one in the same profile (as a family opens the page again).
    Between them the page stays open until the service worker keeps the memory snapshot (it
    fetches it after the first result, DESIGN.md "Phone speed"), at most 120 s."""
    context = browser.new_context(viewport={"width": 390, "height": 844} if phone else None)
    context.add_init_script(PROBE)
    page = context.new_page()
    emulate(context, page, phone)
    cold = visit(page, base + page_path + FRAGMENT)
    snapshot = base + "assets/rg/pyodide/snapshot.bin.gz"
    waited = time.monotonic()
    while time.monotonic() - waited < 120 and not page.evaluate(KEPT, snapshot):
        page.wait_for_timeout(250)
    page.wait_for_timeout(500)
    cold["background_bytes"] = GzipHost.sent[0] - cold["bytes"]
    cold["kept_after"] = time.monotonic() - waited
    page.close()
    page = context.new_page()
    emulate(context, page, phone)
    second = visit(page, base + page_path + FRAGMENT)
    context.close()
    return cold, second


def report(label: str, runs: list) -> None:
    def med(which: int, key: str) -> float:
        return statistics.median(r[which][key] for r in runs)

    def steps(which: int) -> str:
        names = ("snapshot_read_ms", "gunzip_ms", "load_pyodide_ms", "engine_import_ms", "unpack_import_ms",
                 "warm_up_ms")
        out = []
        for name in names:
            values = [r[which]["runtime"].get("timings", {}).get(name) for r in runs]
            values = [v for v in values if v is not None]
            if values:
                out.append(f"{name.removesuffix('_ms')} {statistics.median(values):.0f}")
        started = [r[which]["runtime"].get("started") for r in runs if r[which]["runtime"].get("started")]
        if started:
            out.insert(0, f"worker started at {statistics.median(started):.0f}")
        for key, name in (("interactive", "DOM interactive at"), ("html", "page received at")):
            values = [r[which]["runtime"].get("page", {}).get(key) for r in runs]
            if all(v is not None for v in values):
                out.insert(0, f"{name} {statistics.median(values):.0f}")
        ready = [r[which]["runtime"].get("ready") for r in runs if r[which]["runtime"].get("ready")]
        if ready:
            out.append(f"ready at {statistics.median(ready):.0f}")
        used = sum(1 for r in runs if r[which]["runtime"].get("timings", {}).get("snapshot"))
        return ", ".join(out) + f"; snapshot used in {used}/{len(runs)}"

    print(f"== {label}")
    print(f"cold first result      {med(0, 'result'):8.0f} ms   (runs: "
          + ", ".join(f"{r[0]['result']:.0f}" for r in runs) + ")")
    print(f"bytes before 1st result{med(0, 'bytes') / 1e6:8.2f} MB")
    print(f"longest task, cold     {med(0, 'longest'):8.0f} ms")
    print(f"  cold start, ms:      {steps(0)}")
    print(f"bytes after 1st result {med(0, 'background_bytes') / 1e6:8.2f} MB   (the service worker keeps the rest; "
          f"kept {med(0, 'kept_after'):.1f} s after the first result)")
    print(f"second visit result    {med(1, 'result'):8.0f} ms   (runs: "
          + ", ".join(f"{r[1]['result']:.0f}" for r in runs) + ")")
    print(f"second visit bytes     {med(1, 'bytes') / 1e6:8.2f} MB")
    print(f"longest task, second   {med(1, 'longest'):8.0f} ms")
    print(f"  second start, ms:    {steps(1)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--page", default="timeline/")
    parser.add_argument("--only", choices=("phone", "desktop"), help="one of the two (default: phone, then desktop)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=ROOT, check=True)
        base, server = serve(site)
        from playwright.sync_api import sync_playwright

        print(f"site: {site}  runs: {args.runs}  page: {args.page}  load average at start: "
              f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            for label in ("phone", "desktop"):
                if args.only and args.only != label:
                    continue
                Link.rate = 9_000_000 / 8 if label == "phone" else 0
                runs = [one_profile(browser, base, args.page, label == "phone") for _ in range(args.runs)]
                report("phone: 9 Mbit/s, 150 ms RTT, CPU x4" if label == "phone" else "desktop (no emulation)", runs)
            browser.close()
        server.shutdown()
        print(f"load average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
