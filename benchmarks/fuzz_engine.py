"""Fuzz the engine's two doors, `api.handle` and the `deadlines` command, for a bounded time; print figures.

    python benchmarks/fuzz_engine.py [--seconds 60] [--cli-cases 40] [--seed 1]

Cases are random JSON built around the real case fields (good dates, extreme dates, wrong types, huge and
deep values, duplicate keys, BOMs, stray bytes). A "traceback" is an `internal_error` answer from handle,
an exception escaping it, or a CLI exit other than 0/2 or "Traceback" on its stderr; a "hang" is one case
slower than --hang-seconds (default 2). Memory: the process's maximum resident size (resource.getrusage)
and, with tracemalloc, the largest Python allocation peak of a single case.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path

from resolution_guide.engine.api import ACTIONS, handle
from resolution_guide.engine.case import FIELDS

NAMES = [f.name for f in FIELDS if "." not in f.name] + ["options", "__proto__", "constructor", "x" * 300]
OPTIONS = [f.name.split(".", 1)[1] for f in FIELDS if "." in f.name]


def a_date(rng: random.Random) -> str:
    year = rng.choice([1, 1899, 1900, 1950, 2026, 2027, 2199, 2200, 9999, rng.randint(1, 9999)])
    text = f"{year:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 31):02d}"
    return rng.choice([text, text, text, f"{text}..{a_date_simple(rng)}", " " + text, text + "x"])


def a_date_simple(rng: random.Random) -> str:
    return f"{rng.choice([1, 2026, 2199, 9999]):04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def a_value(rng: random.Random, depth: int = 0):
    kind = rng.randrange(12)
    if kind < 4:
        return a_date(rng)
    if kind == 4:
        return rng.choice([True, False, None, 0, -1, 1e308, 2 ** 70, "", "parent", "expedited", "CA", "tx"])
    if kind == 5 and depth < 12:
        return [a_value(rng, depth + 1) for _ in range(rng.choice([0, 1, 3, 50, 2000] if depth == 0 else [0, 1, 3]))]
    if kind == 6 and depth < 12:
        return {rng.choice(NAMES + OPTIONS): a_value(rng, depth + 1) for _ in range(rng.randint(0, 4))}
    if kind == 7:
        return [a_date(rng)] * rng.choice([1, 900, 1200])
    if kind == 8:
        return "<script>alert(1)</script>" * rng.randint(1, 3)
    return rng.choice(["\u0000", "\ufeff", "é" * 10, "a\r\nb", "9" * 400])


def a_request(rng: random.Random) -> str:
    case = {rng.choice(NAMES): a_value(rng) for _ in range(rng.randint(0, 8))}
    if rng.random() < 0.5:
        case["received"] = a_date(rng)
    # mostly the actions that read a case; each action and a wrong one now and then
    req = {"action": rng.choice(["compute"] * 4 + ["ics"] * 2 + list(ACTIONS) + ["nope"]), "case": case}
    if rng.random() < 0.3:
        req["calendar_name"] = a_value(rng)
    if rng.random() < 0.2:
        req["locale"] = rng.choice(["en", "es", "../x", 5])
    text = json.dumps(req)
    twist = rng.randrange(11)
    if twist == 0:
        text = "[" * rng.choice([10, 1000, 40_000]) + text
    elif twist == 1:
        text = text.replace('"case": {', '"case": {"received": "2026-03-02", "received": "2026-03-03", ', 1)
    elif twist == 2:
        text = "\ufeff" + text
    elif twist == 3 and len(text) > 4:
        cut = rng.randrange(len(text))
        text = text[:cut] + text[cut + 1:]
    elif twist == 4:
        text = json.dumps(a_value(rng))          # any JSON shape at the top
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--cli-cases", type=int, default=40)
    parser.add_argument("--hang-seconds", type=float, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    cases = tracebacks = hangs = 0
    slowest = 0.0
    case_peak = 0
    answers: Counter = Counter()
    tracemalloc.start()
    end = time.monotonic() + args.seconds
    while time.monotonic() < end:
        text = a_request(rng)
        tracemalloc.reset_peak()
        start = time.monotonic()
        try:
            out = json.loads(handle(text))
            answers["ok" if out["ok"] else out["errors"][0]["code"]] += 1
            if not out["ok"] and any(e["code"] == "internal_error" for e in out["errors"]):
                tracebacks += 1
                print("internal_error for:", text[:300], file=sys.stderr)
        except Exception as err:  # handle must never raise
            tracebacks += 1
            print("raised", type(err).__name__, "for:", text[:300], file=sys.stderr)
        took = time.monotonic() - start
        case_peak = max(case_peak, tracemalloc.get_traced_memory()[1])
        slowest = max(slowest, took)
        hangs += took > args.hang_seconds
        cases += 1
    tracemalloc.stop()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cli_bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.cli_cases):
            data = a_request(rng).encode("utf-8")
            if i % 5 == 0:
                data = data.replace(b"2026", b"\xff\xfe26", 1)
            path = Path(tmp) / f"case{i}.json"
            path.write_bytes(data)
            proc = subprocess.run([sys.executable, "-m", "resolution_guide", "deadlines", str(path)],
                                  capture_output=True, text=True, timeout=60)
            if proc.returncode not in (0, 2) or "Traceback" in proc.stderr:
                cli_bad += 1
                print("CLI", proc.returncode, proc.stderr[-300:], file=sys.stderr)
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"api.handle: {cases} cases in {args.seconds:.0f} s, tracebacks {tracebacks}, hangs {hangs} "
          f"(> {args.hang_seconds:g} s), slowest {slowest:.2f} s (under tracemalloc), peak memory {peak_mb:.0f} MB "
          f"resident, largest one-case Python peak {case_peak / 2**20:.1f} MB")
    print("answers (first error code):", ", ".join(f"{k} {v}" for k, v in answers.most_common()))
    print(f"CLI deadlines: {args.cli_cases} cases, tracebacks/other exits {cli_bad}, peak memory {child_mb:.0f} MB")
    return 1 if tracebacks or hangs or cli_bad else 0


if __name__ == "__main__":
    sys.exit(main())
