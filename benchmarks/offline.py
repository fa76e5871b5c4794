"""Figures for the offline bundle, opened from disk in headless Chromium (not a test).

    python3 benchmarks/offline.py [path/to/resolution-guide-offline-X.zip] [--runs 5] [--main-thread]

Without a zip argument it uses the newest dist/*-offline-*.zip, building one with
`resolution-guide bundle` when there is none. Prints: the zip size; navigation ->
calculator ready from disk (median of --runs, each in a fresh browser context, every
http(s) request blocked); how Python ran (worker or main thread); the longest
main-thread task from navigation until ready; one calculation round trip.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (the same browser and flags as the tests)

# Collects long tasks from the start of the page (buffered), for the whole run.
LONGTASKS = """
window.__rgLongTasks = [];
new PerformanceObserver(list => { for (const e of list.getEntries()) window.__rgLongTasks.push([e.startTime, e.duration]); })
  .observe({type: 'longtask', buffered: true});
"""
CASE = {"action": "compute", "case": {"received": "2026-03-02", "filed_by": "parent"}}


def newest_zip() -> Path:
    zips = sorted((ROOT / "dist").glob("*-offline-*.zip"), key=lambda p: p.stat().st_mtime)
    if not zips:
        subprocess.run([sys.executable, "-m", "resolution_guide", "bundle"], cwd=ROOT, check=True)
        zips = sorted((ROOT / "dist").glob("*-offline-*.zip"))
    return zips[-1]


def calculator_page(site: Path) -> Path:
    for page in sorted(site.rglob("*.html")):
        if 'data-rg-widget="deadlines"' in page.read_text(encoding="utf-8"):
            return page
    raise SystemExit("no page with the deadlines calculator in the bundle")


NO_WORKER = "window.Worker = function () { throw new DOMException('no worker', 'SecurityError'); };"


def one_run(browser, url: str, main_thread: bool = False) -> dict:
    context = browser.new_context()
    blocked = []
    context.route("http*://**/*", lambda route: (blocked.append(route.request.url), route.abort()))
    page = context.new_page()
    page.add_init_script(LONGTASKS)
    if main_thread:  # as in a browser that refuses workers from disk: the fallback path
        page.add_init_script(NO_WORKER)
    page.goto(url)
    started_by_page = page.evaluate("window.RGFileRuntime ? RGFileRuntime.status : 'missing'")
    if started_by_page == "idle":  # the page starts Python lazily; measure as if the reader scrolled to it
        page.evaluate("RGFileRuntime.start()")
    page.wait_for_function("RGFileRuntime.status === 'ready' || RGFileRuntime.status === 'failed'", timeout=60_000)
    figures = page.evaluate("""async (request) => {
        const t0 = performance.now();
        const response = await RGFileRuntime.call(request);
        return {status: RGFileRuntime.status, mode: RGFileRuntime.mode, readyAt: RGFileRuntime.readyAt,
                callMs: performance.now() - t0, ok: response.ok,
                longest: Math.max(0, ...window.__rgLongTasks.filter(t => t[0] < RGFileRuntime.readyAt).map(t => t[1])),
                longestWhileStarting: Math.max(0, ...window.__rgLongTasks
                    .filter(t => t[0] >= RGFileRuntime.startedAt && t[0] < RGFileRuntime.readyAt).map(t => t[1]))};
    }""", CASE)
    context.close()
    figures["blocked"] = blocked
    figures["started_by_page"] = started_by_page
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("zip", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--main-thread", action="store_true", help="measure the no-worker fallback instead")
    args = parser.parse_args()
    zip_path = args.zip or newest_zip()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(zip_path) as zf:
            zf.extractall(tmp)
        url = calculator_page(Path(tmp)).as_uri()
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            runs = [one_run(browser, url, args.main_thread) for _ in range(args.runs)]
            browser.close()
    ready = [r["readyAt"] for r in runs if r["status"] == "ready"]
    print(f"zip: {zip_path.name}  {zip_path.stat().st_size / 1e6:.2f} MB (target <= 12 MB)")
    print(f"runtime: {runs[0]['mode']}; Python started by the page itself: {runs[0]['started_by_page'] != 'idle'}")
    if ready:
        print(f"navigation -> calculator ready, from disk: median {statistics.median(ready) / 1000:.2f} s"
              f" over {len(ready)} runs (min {min(ready) / 1000:.2f}, max {max(ready) / 1000:.2f}; target <= 2.5 s)")
    else:
        print("calculator never became ready:", runs[0])
    print(f"longest main-thread task, navigation -> ready: median {statistics.median(r['longest'] for r in runs):.0f} ms"
          f" (max {max(r['longest'] for r in runs):.0f} ms)")
    print(f"longest main-thread task begun while Python starts (runtime start -> ready): median "
          f"{statistics.median(r['longestWhileStarting'] for r in runs):.0f} ms"
          f" (max {max(r['longestWhileStarting'] for r in runs):.0f} ms)")
    print(f"one calculation round trip: median {statistics.median(r['callMs'] for r in runs):.1f} ms")
    blocked = sorted({u for r in runs for u in r["blocked"]})
    print(f"network requests attempted: {len(blocked)}" + (f" {blocked}" if blocked else ""))
    return 0 if ready and not blocked else 1


if __name__ == "__main__":
    raise SystemExit(main())
