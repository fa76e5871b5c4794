"""Time per case of the rules engine on CPython over generated cases (a figure, not a test):
compute alone, and the browser's whole request (compute + render_result + JSON, `api.handle`).

    PYTHONPATH=src python3 benchmarks/engine.py [--cases 10000] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from resolution_guide.engine import compute  # noqa: E402
from resolution_guide.engine.api import handle  # noqa: E402


def generate_case(rng: random.Random) -> dict:
    """A plausible case: a receipt date in 2025-2028 and a random mix of the optional events."""
    received = date(2025, 1, 1) + timedelta(days=rng.randrange(4 * 365))
    later = lambda lo, hi: (received + timedelta(days=rng.randint(lo, hi))).isoformat()  # noqa: E731
    case: dict = {"received": received.isoformat(), "today": later(-10, 120)}
    if rng.random() < 0.2:
        case["track"] = "expedited"
        if rng.random() < 0.5:
            case["non_school_days"] = [f"{received.year}-12-21..{received.year + 1}-01-01"]
    if rng.random() < 0.1:
        case["filed_by"] = "district"
    if rng.random() < 0.2:
        case["waiver_signed"] = later(0, 10)
    if rng.random() < 0.2:
        case["mediation"] = True
        case["mediation_started"] = later(1, 12)
        if rng.random() < 0.5:
            case["no_agreement_possible"] = later(13, 25)
    if rng.random() < 0.4:
        case["agreement_signed"] = later(5, 40)
    if rng.random() < 0.4:
        case["hearing_dates"] = [later(40, 70)]
    if rng.random() < 0.3:
        case["state"] = rng.choice(["TX", "CA", "NC"])
    if rng.random() < 0.2:
        case["knew_or_should_have_known"] = later(-400, -1)
    return case


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    cases = [generate_case(rng) for _ in range(args.cases)]
    compute(cases[0])  # warm the state-pack cache, as a long-running process would be
    timings = []
    start = time.perf_counter()
    for case in cases:
        t0 = time.perf_counter()
        compute(case)
        timings.append(time.perf_counter() - t0)
    total = time.perf_counter() - start
    print(f"python {sys.version.split()[0]}, {len(cases)} generated cases (seed {args.seed})")
    report("compute", total, timings)
    requests = [json.dumps({"action": "compute", "case": case, "locale": "en"}) for case in cases]
    timings = []
    start = time.perf_counter()
    for request in requests:
        t0 = time.perf_counter()
        handle(request)
        timings.append(time.perf_counter() - t0)
    report("handle (compute + words + JSON)", time.perf_counter() - start, timings)


def report(label: str, total: float, timings: list[float]) -> None:
    timings.sort()
    print(f"{label}: total {total:.3f} s; mean {1e3 * total / len(timings):.3f} ms/case; "
          f"median {1e3 * statistics.median(timings):.3f} ms; p99 {1e3 * timings[int(0.99 * len(timings))]:.3f} ms; "
          f"max {1e3 * timings[-1]:.3f} ms")


if __name__ == "__main__":
    main()
