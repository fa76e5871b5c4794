"""One test per bad-input message: it names the field and says what was expected (issue 2).

Each bad case is checked three ways: `compute` raises CaseError with a FieldError for the
field; `handle` answers {"ok": false} with the same field; the CLI exits with status 2,
prints the message on standard error and nothing on standard output.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from cli_runner import SRC, run_deadlines
from resolution_guide.engine import CaseError, compute
from resolution_guide.engine.api import handle

R = "2026-03-02"

# id: (case, field named, words the message must contain)
BAD_CASES = {
    "impossible date": ({"received": "2026-02-30"}, "received",
                        ['received: "2026-02-30" is not a date; use YYYY-MM-DD, e.g. 2026-03-02']),
    # 03/02/2026 and March 2, 2026 are read (engine/typed_dates.py); year/month/day with slashes is not.
    "slashed year-first date": ({"received": "2026/03/02"}, "received", ['"2026/03/02"', "not a date", "YYYY-MM-DD"]),
    "date given as a number": ({"received": 20260302}, "received", ["YYYY-MM-DD", "20260302"]),
    "unknown field (typo)": ({"recieved": R}, "recieved", ["recieved", "unknown field", '"received"']),
    "boolean given as text": ({"received": R, "mediation": "yes"}, "mediation", ["true or false", '"yes"']),
    "track that does not exist": ({"received": R, "track": "fast"}, "track",
                                  ['"fast"', '"standard"', '"expedited"']),
    "filed_by that does not exist": ({"received": R, "filed_by": "school"}, "filed_by",
                                     ['"school"', '"parent"', '"district"']),
    "waiver before the complaint": ({"received": R, "waiver_signed": "2026-02-27"}, "waiver_signed",
                                    ["2026-02-27", "before", "received", R]),
    "agreement before the complaint": ({"received": R, "agreement_signed": "2026-01-15"}, "agreement_signed",
                                       ["2026-01-15", "before", "received"]),
    "withdrawal without continued mediation": (
        {"received": R, "mediation": True, "mediation_withdrawn": "2026-05-20"}, "mediation_withdrawn",
        ["mediation_continued", "300.510(c)(3)"]),
    "hearing_dates not a list": ({"received": R, "hearing_dates": "2026-05-01"}, "hearing_dates",
                                 ["expected a list"]),
    "hearing_dates out of order": ({"received": R, "hearing_dates": ["2026-05-12", "2026-05-11"]}, "hearing_dates",
                                   ["first to last", "2026-05-11", "2026-05-12"]),
    "hearing date that is not a date": ({"received": R, "hearing_dates": ["2026-05-11", "May 12"]}, "hearing_dates",
                                        ['"May 12"', "not a date", "hearing_dates[1]"]),
    "school break that ends before it starts": (
        {"received": R, "track": "expedited", "non_school_days": ["2026-12-31..2026-12-21"]}, "non_school_days",
        ['"2026-12-31..2026-12-21"', "ends before it starts"]),
    "school break with an impossible end": (
        {"received": R, "track": "expedited", "non_school_days": ["2026-12-21..2026-12-32"]}, "non_school_days",
        ['"2026-12-32"', "not a date", "non_school_days[0]"]),
    "withdrawal before continuing": (
        {"received": R, "mediation": True, "mediation_continued": "2026-04-01", "mediation_withdrawn": "2026-03-20"},
        "mediation_withdrawn", ["2026-03-20", "before", "mediation_continued"]),
    "filed after received": ({"received": R, "filed": "2026-03-05"}, "filed", ["2026-03-05", "after", R]),
    "hearing before the complaint": ({"received": R, "hearing_dates": ["2026-02-20"]}, "hearing_dates",
                                     ["2026-02-20", "before", R]),
    "mediation date while mediation is false": (
        {"received": R, "mediation": False, "mediation_started": "2026-03-09"}, "mediation_started",
        ["mediation", "false"]),
    "state without a pack": ({"received": R, "state": "ZZ"}, "state", ['"ZZ"', "TX", "CA"]),
    "option value that does not exist": ({"received": R, "options": {"receipt_day": "day2"}}, "options.receipt_day",
                                         ['"day2"', '"day0"', '"day1"']),
}


def _errors(case) -> list:
    with pytest.raises(CaseError) as caught:
        compute(case)
    return caught.value.errors


@pytest.mark.parametrize("case, field, words", BAD_CASES.values(), ids=list(BAD_CASES))
def test_message_names_the_field_and_what_was_expected(case, field, words):
    errors = [e for e in _errors(case) if e.field == field]
    assert errors, f"no error for {field}: {_errors(case)}"
    message = errors[0].message
    assert message.startswith(field) or field in message
    for w in words:
        assert w in message, f"{w!r} missing from {message!r}"


@pytest.mark.parametrize("case, field, words", BAD_CASES.values(), ids=list(BAD_CASES))
def test_browser_entry_answers_with_the_same_field(case, field, words):
    out = json.loads(handle(json.dumps({"action": "compute", "case": case})))
    assert out["ok"] is False
    assert field in {e["field"] for e in out["errors"]}
    assert all(e["message"] and e["code"] for e in out["errors"])


@pytest.mark.parametrize("case, field, words", BAD_CASES.values(), ids=list(BAD_CASES))
def test_cli_exits_2_with_the_message_on_stderr_only(case, field, words, tmp_path):
    proc = run_deadlines(case, "json", tmp_path=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    for w in words:
        assert w in proc.stderr
    assert "Traceback" not in proc.stderr


def test_every_problem_is_reported_at_once():
    """A form can show all its errors together: three bad fields, three messages."""
    errors = _errors({"received": "soon", "track": "fast", "mediation": 1})
    assert {e.field for e in errors} == {"received", "track", "mediation"}


def test_case_that_is_not_an_object():
    errors = _errors(["2026-03-02"])
    assert "object" in errors[0].message


@pytest.mark.parametrize("text, words", [
    ('{"received": "2026-03-02",}', ["not valid JSON", "line 1"]),
    ("", ["not valid JSON"]),
])
def test_cli_reports_a_file_that_is_not_json(text, words, tmp_path):
    proc = run_deadlines(None, "json", tmp_path=tmp_path, raw_text=text)
    assert proc.returncode == 2 and proc.stdout == ""
    for w in words:
        assert w in proc.stderr


def test_cli_reports_a_missing_file(tmp_path):
    proc = subprocess.run([sys.executable, "-S", "-m", "resolution_guide", "deadlines", str(tmp_path / "nope.json"),
                           "--format", "json"], capture_output=True, text=True, env={"PYTHONPATH": str(SRC)})
    assert proc.returncode == 2 and proc.stdout == ""
    assert "nope.json" in proc.stderr
