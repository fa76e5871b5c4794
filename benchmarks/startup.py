"""Start-up figures for the calculators on the hosted site, in headless Chromium (not a test).

    python3 benchmarks/startup.py [--site DIR] [--runs 5] [--page timeline/]

Without --site it builds the site with `mkdocs build` into a temporary folder. The
site is served on 127.0.0.1 with `Cache-Control: max-age=600` (like a static host), so
download time is ~0; what remains is the browser's and Python's own work. Prints the
median of --runs for: navigation -> calculator ready, navigation -> first result (the
page is opened with answers in its fragment), the longest main-thread task from
navigation until the first result, and one calculation round trip (page -> worker ->
engine -> page). For comparison, the longest task on the same page with the
calculator's files blocked (the theme's own start-up), the longest task's time on a CPU (a trace: on
few cores a task also waits while other threads run), and which scripts the main thread
spent its time in until the first result (Chromium's CPU profiler, median per script).
Each in a fresh context (cold) and in one context after a first visit
(HTTP-cached); with the build's memory snapshot (`?rg-snapshot`: fetched even on a first
visit) and with `?rg-no-snapshot` (stock boot). What a family gets (snapshot only once kept
by the service worker): benchmarks/phone.py.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS, _QuietHandler  # noqa: E402  (same browser, flags, types)

PROBE = """
window.__rg = {longtasks: [], ready: null, result: null};
new PerformanceObserver(list => { for (const e of list.getEntries()) __rg.longtasks.push([e.startTime, e.duration]); })
  .observe({type: 'longtask', buffered: true});
document.addEventListener('DOMContentLoaded', () => {
  if (window.RGRuntime) RGRuntime.onstatus(s => { if (s === 'ready' && __rg.ready === null) __rg.ready = performance.now(); });
  new MutationObserver(() => {
    if (__rg.result === null && document.querySelector('.rg-widget [data-deadline] time')) __rg.result = performance.now();
  }).observe(document.body, {childList: true, subtree: true});
});
"""
ROUND_TRIPS = """async () => {
  const request = {action: 'compute', locale: 'en', case: {received: '2026-03-02', hearing_dates: ['2026-05-04'], state: 'CA'}};
  const times = [];
  for (let i = 0; i < 50; i++) { const t = performance.now(); await RGRuntime.call(request); times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}"""
FRAGMENT = "#received=2026-03-02&hearing_dates=2026-05-04"


class CachingHandler(_QuietHandler):
    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()


def serve(site: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CachingHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def probed_page(browser):
    """A fresh context (nothing cached) with the probe installed, and its page."""
    context = browser.new_context()
    context.add_init_script(PROBE)
    return context, context.new_page()


def one_run(page, url: str) -> dict:
    page.goto(url)
    page.wait_for_function("window.__rg && __rg.ready !== null && __rg.result !== null", timeout=120_000)
    rg = page.evaluate("__rg")
    until = rg["result"]
    longest = max([d for start, d in rg["longtasks"] if start <= until] or [0])
    return {"ready": rg["ready"], "result": rg["result"], "longest_task": longest,
            "round_trip": page.evaluate(ROUND_TRIPS), "snapshot": page.evaluate("RGRuntime.timings.snapshot")}


def measure(browser, url: str, runs: int, cached: bool) -> dict:
    results = []
    if cached:
        context, page = probed_page(browser)
        one_run(page, url)                              # the first visit fills the HTTP cache
        for _ in range(runs):
            results.append(one_run(page, url))
        context.close()
    else:
        for _ in range(runs):
            context, page = probed_page(browser)
            results.append(one_run(page, url))
            context.close()
    out = {key: statistics.median(r[key] for r in results) for key in ("ready", "result", "longest_task", "round_trip")}
    out["snapshot"] = all(r["snapshot"] for r in results)
    return out


def baseline_longest_task(browser, url: str, runs: int) -> float:
    """The same page with the calculator's files blocked: what the theme and the page cost anyway."""
    longest = []
    for _ in range(runs):
        context, page = probed_page(browser)
        page.route("**/assets/rg/**", lambda route: route.abort())
        page.goto(url)
        page.wait_for_load_state("load")
        page.wait_for_timeout(1500)
        longest.append(max([d for _, d in page.evaluate("__rg.longtasks")] or [0]))
        context.close()
    return statistics.median(longest)


def script_time(browser, url: str, runs: int) -> list[tuple[str, float]]:
    """Main-thread JavaScript self time per script from navigation to the first result (cold),
    median over runs: says whose code the long start-up tasks are."""
    per_run = []
    for _ in range(runs):
        context, page = probed_page(browser)
        cdp = context.new_cdp_session(page)
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 200})
        cdp.send("Profiler.start")
        page.goto(url)
        page.wait_for_function("window.__rg && __rg.result !== null", timeout=120_000)
        profile = cdp.send("Profiler.stop")["profile"]
        context.close()
        frames = {node["id"]: node["callFrame"] for node in profile["nodes"]}
        spent: dict[str, float] = {}
        for sample, delta in zip(profile["samples"], profile["timeDeltas"][1:] + [0]):
            frame = frames[sample]
            name = frame["url"].rsplit("/", 1)[-1] or frame["functionName"]
            if name not in ("(idle)", "(program)", "(root)"):
                spent[name] = spent.get(name, 0.0) + delta / 1000
        per_run.append(spent)
    names = {name for spent in per_run for name in spent}
    medians = {name: statistics.median(spent.get(name, 0.0) for spent in per_run) for name in names}
    return sorted(medians.items(), key=lambda item: -item[1])[:6]


def longest_task_cpu(browser, url: str, runs: int) -> tuple[float, float, float]:
    """The longest main-thread task until the first result (cold), from a Chromium trace: its wall time, the
    time the thread was actually on a CPU inside it (the trace's thread time), and the most CPU time any one
    task took; medians over runs. On a machine with few cores the wall time also counts waiting while the
    worker, the wasm compiler, the network and other processes run; the thread time is the page's own work. Tracing
    itself adds some load."""
    walls, cpus, most = [], [], []
    for _ in range(runs):
        context, page = probed_page(browser)
        browser.start_tracing(page=page, categories=["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel"])
        page.goto(url)
        page.wait_for_function("window.__rg && __rg.result !== null", timeout=120_000)
        events = json.loads(browser.stop_tracing())["traceEvents"]
        context.close()
        parses: dict[tuple, int] = {}
        for e in events:
            if e.get("name") == "ParseHTML":
                parses[(e["pid"], e["tid"])] = parses.get((e["pid"], e["tid"]), 0) + 1
        main = max(parses, key=parses.get)              # the page's renderer main thread
        tasks = [e for e in events if e.get("name") == "RunTask" and e.get("ph") == "X"
                 and (e["pid"], e["tid"]) == main and "dur" in e]
        longest = max(tasks, key=lambda e: e["dur"])
        walls.append(longest["dur"] / 1000)
        cpus.append(longest.get("tdur", longest["dur"]) / 1000)
        most.append(max(e.get("tdur", e["dur"]) for e in tasks) / 1000)
    return statistics.median(walls), statistics.median(cpus), statistics.median(most)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--page", default="timeline/", help="a page with the deadline calculator")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=ROOT, check=True)
        snapshot = site / "assets/rg/pyodide/snapshot.bin.gz"
        base, server = serve(site)
        from playwright.sync_api import sync_playwright

        print(f"site: {site}  runs: {args.runs}  snapshot in build: "
              f"{f'{snapshot.stat().st_size / 1e6:.1f} MB gzip' if snapshot.exists() else 'no'}")
        print(f"{'boot':<10} {'cache':<7} {'ready ms':>9} {'1st result ms':>14} {'longest task ms':>16} {'round trip ms':>14}")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            # ?rg-snapshot: fetch the snapshot on a first visit too (by default only a kept one is used).
            for label, query in (("snapshot", "?rg-snapshot"), ("stock", "?rg-no-snapshot")):
                for cached in (False, True):
                    m = measure(browser, base + args.page + query + FRAGMENT, args.runs, cached)
                    used = label if label == "stock" or m["snapshot"] else "fallback"
                    print(f"{used:<10} {'cached' if cached else 'cold':<7} {m['ready']:>9.0f} {m['result']:>14.0f} "
                          f"{m['longest_task']:>16.0f} {m['round_trip']:>14.2f}")
            longest = baseline_longest_task(browser, base + args.page + FRAGMENT, args.runs)
            print(f"same page, calculator files blocked, cold: longest main-thread task {longest:.0f} ms")
            wall, cpu, most = longest_task_cpu(browser, base + args.page + FRAGMENT, args.runs)
            print(f"longest main-thread task until the first result, cold, traced: {wall:.0f} ms, of it on a CPU "
                  f"{cpu:.0f} ms (the rest it was not running); most CPU in one task {most:.0f} ms")
            spent = script_time(browser, base + args.page + FRAGMENT, args.runs)
            print("main-thread JS self time until the first result, cold, by script (ms): "
                  + ", ".join(f"{name} {ms:.0f}" for name, ms in spent))
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
