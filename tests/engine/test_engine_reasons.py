"""Reasons are data a page can explain: which weekend or holiday was skipped, and why (issue 2)."""

from __future__ import annotations

from datetime import date, timedelta

from resolution_guide.engine import compute


def skipped(reasons) -> dict[str, dict]:
    """Every day a reason step says was skipped, found at any depth: date -> the step."""
    out: dict[str, dict] = {}

    def walk(node):
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            if node.get("why") and node.get("date"):
                out[node["date"]] = node
            elif node.get("why") and node.get("from") and node.get("to"):
                first, last = date.fromisoformat(node["from"]), date.fromisoformat(node["to"])
                for i in range((last - first).days + 1):
                    out[(first + timedelta(days=i)).isoformat()] = node
            for value in node.values():
                walk(value)

    walk(reasons)
    return out


def test_void_window_names_the_federal_and_state_holidays_and_the_weekend():
    """Signed Wed 2026-11-25 in Texas: Thanksgiving (federal), the day after (Texas), then the weekend."""
    reasons = compute({"agreement_signed": "2026-11-25", "state": "TX"})["deadlines"]["agreement_void_until"]["reasons"]
    days = skipped(reasons)
    assert {"2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"} <= set(days)
    assert days["2026-11-26"]["why"] == "holiday" and days["2026-11-27"]["why"] == "holiday"
    assert days["2026-11-28"]["why"] == "weekend"
    assert "TX" in str(days["2026-11-27"]), "the state holiday should say which state"
    assert "2026-11-30" not in days and "2026-12-01" not in days  # counted days are not skipped


def test_closed_calendar_deadline_explains_the_observed_holiday():
    """R = 2026-06-19: the meeting deadline Sat 2026-07-04 is not moved; the last business day is Thu 2026-07-02
    because Fri 2026-07-03 is Independence Day observed."""
    d = compute({"received": "2026-06-19"})["deadlines"]["resolution_meeting_by"]
    days = skipped(d["reasons"])
    assert days["2026-07-03"]["why"] == "holiday" and days["2026-07-03"].get("observed") is True
    assert "2026-07-02" not in days


def test_school_day_count_names_the_closures():
    """Expedited count over Thanksgiving week listed as a closure: the closure days are named as skipped."""
    case = {"received": "2026-11-02", "track": "expedited", "non_school_days": ["2026-11-23..2026-11-27"]}
    reasons = compute(case)["deadlines"]["hearing_must_occur_by"]["reasons"]
    days = skipped(reasons)
    assert {"2026-11-11", "2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"} <= set(days)
    assert days["2026-11-11"]["why"] == "holiday"
    assert days["2026-11-23"]["why"] != "holiday"
