"""`python -m resolution_guide deadlines CASE.json|- --format json|text|ics` from a bare checkout."""

from __future__ import annotations

import json

from cli_runner import TODAY, run_deadlines
from resolution_guide.engine import compute

CASE = {"received": "2026-03-02", "agreement_signed": "2026-11-25", "state": "TX"}


def test_json_from_a_file_is_the_engine_result(tmp_path):
    proc = run_deadlines(CASE, "json", tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result == json.loads(json.dumps(compute({**CASE, "today": TODAY})))
    assert result["deadlines"]["resolution_meeting_by"]["date"] == "2026-03-17"
    assert result["deadlines"]["agreement_void_until"]["date"] == "2026-12-02"  # TX: Fri 11-27 closed


def test_json_from_standard_input_matches_the_file(tmp_path):
    from_file = run_deadlines(CASE, "json", tmp_path=tmp_path)
    from_stdin = run_deadlines(CASE, "json", via_stdin=True, tmp_path=tmp_path)
    assert from_stdin.returncode == 0, from_stdin.stderr
    assert json.loads(from_stdin.stdout) == json.loads(from_file.stdout)


def test_every_result_key_is_present(tmp_path):
    """DESIGN.md section 2: all keys always present."""
    result = json.loads(run_deadlines({}, "json", via_stdin=True, tmp_path=tmp_path).stdout)
    for key in ("resolution_meeting_required", "resolution_meeting_reasons", "deadlines", "assumptions",
                "warnings", "attendance", "case"):
        assert key in result


def test_text_is_a_table_with_dates_and_citations(tmp_path):
    proc = run_deadlines(CASE, "text", via_stdin=True, tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout
    for d in compute(CASE)["deadlines"].values():
        if d["date"]:
            assert d["date"] in text
            assert d["citation"].replace("34 CFR ", "") in text
    assert "{" not in text, "text output should not be JSON"


def test_ics_from_standard_input(tmp_path):
    proc = run_deadlines(CASE, "ics", via_stdin=True, tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("BEGIN:VCALENDAR")
    assert "DTSTART;VALUE=DATE:20261202" in proc.stdout


def test_works_without_site_packages(tmp_path):
    """run_deadlines uses `python -S` with PYTHONPATH=src: the engine needs nothing but the standard library."""
    proc = run_deadlines({"received": "2026-06-19"}, "json", tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    deadline = json.loads(proc.stdout)["deadlines"]["resolution_meeting_by"]
    assert deadline["date"] == "2026-07-04"
    assert deadline["last_business_day_on_or_before"] == "2026-07-02"


def test_today_comes_from_the_option_and_sets_days_left(tmp_path):
    """--today 2026-03-05: the meeting deadline R+15 = 2026-03-17 is 12 days away."""
    proc = run_deadlines({"received": "2026-03-02"}, "json", tmp_path=tmp_path, today="2026-03-05")
    d = json.loads(proc.stdout)["deadlines"]["resolution_meeting_by"]
    assert (d["status"], d["days_left"]) == ("upcoming", 12)
    text = run_deadlines({"received": "2026-03-02"}, "text", via_stdin=True, today="2026-03-05").stdout
    assert "in 12 days" in text


def test_a_bad_today_is_reported_like_any_date(tmp_path):
    proc = run_deadlines({"received": "2026-03-02"}, "json", tmp_path=tmp_path, today="2026-02-30")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith("today:")


def test_without_today_the_system_date_is_used(tmp_path):
    from datetime import date

    proc = run_deadlines({"received": "2026-03-02"}, "json", tmp_path=tmp_path, today=None)
    assert json.loads(proc.stdout)["case"]["today"] == date.today().isoformat()
