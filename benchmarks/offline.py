"""Figures for the offline bundle, opened from disk in headless Chromium (not a test).

    python3 benchmarks/offline.py [path/to/resolution-guide-offline-X.zip] [--runs 5] [--main-thread]

Without a zip argument it uses the newest dist/*-offline-*.zip, building one with
`resolution-guide bundle` when there is none. The calculator page is opened with answers
in its fragment (as benchmarks/startup.py does), each run in a fresh browser context with
every http(s) request blocked. Prints, as medians of --runs: the zip size; where Python
ran (a worker or the page's main thread) and whether the page started it on its own;
navigation -> calculator ready; ready -> first result drawn on the page (the reader's
first calculation: round trip plus drawing); the engine's warm-up calculation inside
start-up (Python alone); the longest main-thread tasks; and the warm round trip
(page -> worker -> engine -> page, median of 50 calls made after the first result, the
same figure as benchmarks/startup.py gives for the hosted site).
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

# From the start of the page: long tasks (buffered), and when the first result is drawn.
PROBE = """
window.__rgLongTasks = [];
window.__rgResultAt = null;
new PerformanceObserver(list => { for (const e of list.getEntries()) window.__rgLongTasks.push([e.startTime, e.duration]); })
  .observe({type: 'longtask', buffered: true});
document.addEventListener('DOMContentLoaded', () => {
  new MutationObserver(() => {
    if (__rgResultAt === null && document.querySelector('.rg-widget [data-deadline] time')) __rgResultAt = performance.now();
  }).observe(document.body, {childList: true, subtree: true});
});
"""
FRAGMENT = "#received=2026-03-02&hearing_dates=2026-05-04"
ROUND_TRIPS = """async () => {
  const request = {action: 'compute', case: {received: '2026-03-02', hearing_dates: ['2026-05-04'], state: 'CA'}};
  const times = [];
  for (let i = 0; i < 50; i++) { const t = performance.now(); await RGFileRuntime.call(request); times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}"""


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
    page.add_init_script(PROBE)
    if main_thread:  # as in a browser that refuses workers from disk: the fallback path
        page.add_init_script(NO_WORKER)
    page.goto(url + FRAGMENT)
    status_after_load = page.evaluate("window.RGFileRuntime ? RGFileRuntime.status : 'missing'")
    if status_after_load == "idle":  # the page had not started Python yet: do it as a reader scrolling to it would
        page.evaluate("RGFileRuntime.start()")
    page.wait_for_function("RGFileRuntime.status === 'ready' || RGFileRuntime.status === 'failed'", timeout=60_000)
    figures = page.evaluate("""() => ({status: RGFileRuntime.status, mode: RGFileRuntime.mode,
        readyAt: RGFileRuntime.readyAt, warmUpMs: (RGFileRuntime.timings || {}).warm_up_ms,
        longest: Math.max(0, ...window.__rgLongTasks.filter(t => t[0] < RGFileRuntime.readyAt).map(t => t[1])),
        longestWhileStarting: Math.max(0, ...window.__rgLongTasks
            .filter(t => t[0] >= RGFileRuntime.startedAt && t[0] < RGFileRuntime.readyAt).map(t => t[1]))})""")
    if figures["status"] == "ready":
        page.wait_for_function("window.__rgResultAt !== null", timeout=30_000)
        figures["resultAt"] = page.evaluate("__rgResultAt")
        figures["roundTrip"] = page.evaluate(ROUND_TRIPS)
    context.close()
    figures["blocked"] = blocked
    figures["page_started_python"] = status_after_load != "idle"
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
    done = [r for r in runs if r["status"] == "ready"]
    ready = [r["readyAt"] for r in done]
    print(f"zip: {zip_path.name}  {zip_path.stat().st_size / 1e6:.2f} MB (target <= 12 MB)")
    where = {"worker": "a worker (classic, made from a blob)", "main-thread": "the page's main thread (no-worker fallback)"}
    print(f"Python ran in: {where.get(runs[0]['mode'], runs[0]['mode'])}; start-up begun by the page on its own"
          f" (idle or calculator in view), not by this script: {'yes' if runs[0]['page_started_python'] else 'no'}")
    if ready:
        print(f"navigation -> calculator ready, from disk: median {statistics.median(ready) / 1000:.2f} s"
              f" over {len(ready)} runs (min {min(ready) / 1000:.2f}, max {max(ready) / 1000:.2f}; target <= 2.5 s)")
        first = [r["resultAt"] - r["readyAt"] for r in done]
        print(f"ready -> first result drawn (the page's own first calculation: round trip + drawing): median"
              f" {statistics.median(first):.1f} ms (max {max(first):.1f} ms)")
        warm_up = [r["warmUpMs"] for r in done if r["warmUpMs"] is not None]
        print("engine warm-up calculation inside start-up (Python alone): "
              + (f"median {statistics.median(warm_up):.1f} ms" if warm_up else "none (this bundle does not warm up)"))
    else:
        print("calculator never became ready:", runs[0])
    print(f"longest main-thread task, navigation -> ready: median {statistics.median(r['longest'] for r in runs):.0f} ms"
          f" (max {max(r['longest'] for r in runs):.0f} ms)")
    print(f"longest main-thread task begun while Python starts (runtime start -> ready): median "
          f"{statistics.median(r['longestWhileStarting'] for r in runs):.0f} ms"
          f" (max {max(r['longestWhileStarting'] for r in runs):.0f} ms)")
    if done:
        print(f"calculation round trip, warm (page -> Python -> page; median of 50 after the first result):"
              f" median {statistics.median(r['roundTrip'] for r in done):.1f} ms"
              f" (max {max(r['roundTrip'] for r in done):.1f} ms)")
    blocked = sorted({u for r in runs for u in r["blocked"]})
    print(f"network requests attempted: {len(blocked)}" + (f" {blocked}" if blocked else ""))
    return 0 if ready and not blocked else 1


if __name__ == "__main__":
    raise SystemExit(main())
