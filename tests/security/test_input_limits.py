"""Inputs that could exhaust the engine get one field-named error each, never a traceback (engine/limits.py)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from resolution_guide.engine import CaseError, compute, limits
from resolution_guide.engine.api import handle

CASE = {"received": "2026-03-02", "track": "expedited", "state": "TX", "today": "2026-03-10"}


def answer(request) -> dict:
    text = request if isinstance(request, str) else json.dumps(request)
    return json.loads(handle(text))


def errors_of(case: dict) -> list[dict]:
    out = answer({"action": "compute", "case": case})
    assert out["ok"] is False
    return out["errors"]


def cli(tmp_path, data: bytes, name="case.json") -> subprocess.CompletedProcess:
    path = tmp_path / name
    path.write_bytes(data)
    return subprocess.run([sys.executable, "-m", "resolution_guide", "deadlines", str(path), "--format", "json"],
                          capture_output=True, text=True, timeout=60)


def test_many_ranges_are_capped_in_total_not_only_each():
    # 20 ranges of 100 days each: every range is allowed alone, together they pass the total cap
    ranges = [f"{2030 + i}-01-01..{2030 + i}-04-10" for i in range(20)]
    errs = errors_of({**CASE, "non_school_days": ranges})
    assert [(e["field"], e["code"]) for e in errs] == [("non_school_days", "too_many_days")]
    assert "non_school_days[14]" in errs[0]["message"]  # 15 ranges x 100 days pass 1,500


def test_the_same_range_many_times_is_capped():
    errs = errors_of({**CASE, "non_school_days": ["2026-01-01..2027-01-01"] * 900})
    assert [e["code"] for e in errs] == ["too_many_days"]


def test_one_range_is_capped_at_its_own_length():
    longest = "2026-01-01..2027-02-05"     # 400 days after its first day: allowed
    assert compute({**CASE, "non_school_days": [longest]})["deadlines"]
    errs = errors_of({**CASE, "non_school_days": ["2026-01-01..2027-02-06"]})
    assert [(e["field"], e["code"]) for e in errs] == [("non_school_days", "range_too_long")]


def test_ranges_within_the_cap_still_count():
    ranges = ["2026-03-09..2026-03-13", "2026-03-16..2026-03-20"]
    assert compute({**CASE, "non_school_days": ranges})["deadlines"]


def test_long_lists_are_refused_before_reading_them():
    errs = errors_of({**CASE, "holidays": ["2026-01-01"] * (limits.MAX_LIST_ITEMS + 1)})
    assert [(e["field"], e["code"]) for e in errs] == [("holidays", "too_many_items")]


def test_many_bad_entries_give_one_error_with_the_first_index_and_a_count():
    dates = ["2026-03-09"] * 5 + ["nope"] * 700
    errs = errors_of({**CASE, "non_school_days": dates})
    assert len(errs) == 1
    assert errs[0]["params"]["count"] == 700 and "non_school_days[5]" in errs[0]["message"]


def test_many_unknown_keys_give_a_short_answer():
    case = {**CASE, **{f"k{i}": 1 for i in range(5000)}}
    text = handle(json.dumps({"action": "compute", "case": case}))
    errs = json.loads(text)["errors"]
    assert [e["code"] for e in errs] == ["unknown_field"] and errs[0]["params"]["count"] == 5000
    assert len(text) < 3000


def test_a_huge_request_is_refused_by_size():
    case = {**CASE, **{f"k{i}": 1 for i in range(100_000)}}
    errs = answer({"action": "compute", "case": case})["errors"]
    assert [(e["field"], e["code"]) for e in errs] == [(None, "too_large")]
    fragment = "x" * 2_000_000
    assert answer(fragment)["errors"][0]["code"] == "too_large"


@pytest.mark.parametrize("depth", [9, 1000, 49_000])
def test_deep_nesting_is_refused_without_recursion(depth):
    text = "[" * depth + "]" * depth
    errs = answer('{"action": "compute", "case": {"holidays": ' + text + "}}")["errors"]
    assert errs[0]["code"] == "too_deep"


def test_duplicate_keys_are_refused_with_the_key():
    errs = answer('{"action": "compute", "case": {"received": "2026-03-02", "received": "2026-03-03"}}')["errors"]
    assert [(e["field"], e["code"]) for e in errs] == [("received", "duplicate_key")]


@pytest.mark.parametrize("field,value", [("received", "1899-12-31"), ("received", "2200-01-01"),
                                         ("received", "0001-01-01"), ("received", "9999-12-31"),
                                         ("hearing_dates", ["2026-09-01", "9999-12-30"]),
                                         ("non_school_days", ["9999-12-01..9999-12-31"]),
                                         ("today", "0001-01-02")])
def test_dates_outside_the_supported_range_are_field_errors(field, value):
    errs = errors_of({**CASE, field: value})
    assert [(e["field"], e["code"]) for e in errs] == [(field, "date_out_of_range")]
    assert "1900-01-01 to 2199-12-31" in errs[0]["message"]


@pytest.mark.parametrize("day", ["1900-01-01", "2199-12-31"])
def test_the_edges_of_the_range_compute(day):
    for track in ("standard", "expedited"):
        case = {"received": day, "track": track, "state": "CA", "today": day, "knew_or_should_have_known": day,
                "hearing_dates": [day], "agreement_signed": day, "non_school_days": [f"{day}..{day}"]}
        result = compute(case)
        assert result["deadlines"]
        for request in ({"action": "compute", "case": case}, {"action": "ics", "case": case}):
            assert answer(request)["ok"] is True


def test_calendar_name_must_be_text_and_line_breaks_are_escaped():
    errs = answer({"action": "ics", "case": CASE, "calendar_name": {"a": 1}})["errors"]
    assert [(e["field"], e["code"]) for e in errs] == [("calendar_name", "bad_calendar_name")]
    ics = answer({"action": "ics", "case": CASE, "calendar_name": "A\rBEGIN:VEVENT\nB\r\nC"})["ics"]
    lines = ics.split("\r\n")
    assert [ln for ln in lines if ln.startswith("X-WR-CALNAME")] == ["X-WR-CALNAME:A\\nBEGIN:VEVENT\\nB\\nC"]
    assert "\r" not in ics.replace("\r\n", "") and "\n" not in ics.replace("\r\n", "")


def test_handle_never_raises_on_odd_requests():
    for text in [None, 5, "", "\ufeff{}", '{"__proto__": {"x": 1}}', '{"action": "compute", "case": {"__proto__": 1}}',
                 "[" * 50_000, '{"action": "ics", "case": {"received": "2026-03-02"}, "calendar_name": 7}']:
        out = json.loads(handle(text))
        assert out["ok"] is False and out["errors"][0]["code"] != "internal_error", text


def test_a_request_text_may_start_with_a_bom():
    assert answer("\ufeff" + json.dumps({"action": "compute", "case": CASE}))["ok"] is True


def test_a_bom_is_accepted_and_non_utf8_is_named(tmp_path):
    good = cli(tmp_path, b"\xef\xbb\xbf" + json.dumps(CASE).encode())
    assert good.returncode == 0, good.stderr
    bad = cli(tmp_path, b'{"received": "2026-03-02", "x": "\xff"}', "latin.json")
    assert bad.returncode == 2 and "latin.json: not UTF-8" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.parametrize("data", [b"[" * 5000, json.dumps({**CASE, "received": "9999-12-31"}).encode(),
                                  b'{"received": "2026-03-02", "received": "2026-03-02"}',
                                  json.dumps({**CASE, "non_school_days": ["2026-01-01..2027-01-01"] * 50}).encode(),
                                  b" " * (limits.MAX_REQUEST_CHARS * 5)])
def test_the_command_line_exits_2_with_a_sentence(tmp_path, data):
    out = cli(tmp_path, data)
    assert out.returncode == 2 and out.stderr.strip() and "Traceback" not in out.stderr
    assert len(out.stderr) < 2000


def test_compute_raises_only_case_errors_for_extreme_dates():
    with pytest.raises(CaseError):
        compute({"received": "0001-01-01", "knew_or_should_have_known": "9999-12-31"})
