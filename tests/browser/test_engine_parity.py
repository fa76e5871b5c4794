"""The same engine, the same answers: CPython here and Pyodide (Python 3.14) in the browser
must return identical results for the same cases, including errors."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

from resolution_guide.engine.api import respond

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from engine import generate_case  # noqa: E402  (the benchmark's case generator)

pytestmark = pytest.mark.browser

BAD_CASES = [
    {"received": "2026-02-30"},
    {"received": "2026-03-02", "waiver_signed": "2026-02-01", "track": "fast"},
    {"mediation_withdrawn": "2026-04-20"},
    {"recieved": "2026-03-02"},
    {"non_school_days": ["2026-12-24..2026-12-20"], "state": "ZZ"},
]


def test_browser_engine_matches_cpython(open_widget):
    widget = open_widget("deadlines")
    rng = random.Random(20261127)
    requests = [{"action": "compute", "case": generate_case(rng)} for _ in range(60)]
    requests += [{"action": "compute", "case": case} for case in BAD_CASES]
    requests.append({"action": "ics", "case": generate_case(rng)})
    answers = widget.page.evaluate(
        "async (requests) => { const out = []; for (const r of requests) out.push(await RGRuntime.call(r)); "
        "return out; }",
        requests,
    )
    assert len(answers) == len(requests)
    for request, answer in zip(requests, answers):
        expected = json.loads(json.dumps(respond(request)))
        assert answer == expected, f"browser and CPython differ for {request['case']}"
    assert sum(1 for a in answers if not a["ok"]) == len(BAD_CASES)
