"""`--format ics`: an RFC 5545 calendar of the dated deadlines, read back with the icalendar package."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import icalendar
import pytest

from cli_runner import run_deadlines
from resolution_guide.engine import compute
from resolution_guide.engine.ics import to_ics

# Many deadlines at once, one of them without a date (continued mediation, 300.510(c)(3)).
FULL_CASE = {
    "received": "2026-03-02",
    "mediation": True,
    "mediation_started": "2026-03-10",
    "mediation_continued": "2026-04-01",
    "sufficiency_challenge_received": "2026-03-16",
    "agreement_signed": "2026-11-25",
    "hearing_dates": ["2026-07-09"],
    "knew_or_should_have_known": "2026-01-10",
}


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    """The same case through the CLI twice (UIDs must not change between runs)."""
    out = []
    for _ in range(2):
        proc = run_deadlines(FULL_CASE, "ics", tmp_path=tmp_path_factory.mktemp("ics"))
        assert proc.returncode == 0, proc.stderr
        out.append(proc.stdout)
    return out


def _events(text: str) -> list:
    return [c for c in icalendar.Calendar.from_ical(text).walk() if c.name == "VEVENT"]


def _current(deadlines: dict) -> dict:
    """Dated deadlines that still apply: a moot date (issue 9) gets no calendar event."""
    return {k: v for k, v in deadlines.items() if v["date"] and v["status"] != "no_longer_applies"}


def test_one_all_day_event_per_dated_deadline(two_runs):
    deadlines = compute(FULL_CASE)["deadlines"]
    dated = _current(deadlines)
    assert any(v["date"] is None for v in deadlines.values()), "the case should include an undated deadline"
    events = _events(two_runs[0])
    assert len(events) == len(dated)
    for ev in events:
        start = ev.decoded("DTSTART")
        assert isinstance(start, date) and not isinstance(start, datetime), "all-day events use DATE values"
        if "DTEND" in ev:
            assert ev.decoded("DTEND") == start + timedelta(days=1)
    got = sorted(ev.decoded("DTSTART").isoformat() for ev in events)
    assert got == sorted(v["date"] for v in dated.values())


def test_each_event_cites_its_regulation(two_runs):
    dated = list(_current(compute(FULL_CASE)["deadlines"]).values())
    events = _events(two_runs[0])
    for d in dated:
        matching = [ev for ev in events if ev.decoded("DTSTART").isoformat() == d["date"]
                    and d["citation"] in str(ev.get("DESCRIPTION", ""))]
        assert matching, f"no event on {d['date']} citing {d['citation']}"
    assert all(str(ev.get("SUMMARY", "")).strip() for ev in events)


def test_uids_are_unique_and_stable_across_runs(two_runs):
    first = [str(ev["UID"]) for ev in _events(two_runs[0])]
    second = [str(ev["UID"]) for ev in _events(two_runs[1])]
    assert len(set(first)) == len(first)
    assert sorted(first) == sorted(second)


def test_text_follows_rfc_5545_lines(two_runs):
    """RFC 5545 section 3.1: CRLF line ends, lines folded at 75 octets."""
    text = two_runs[0]
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.rstrip("\r\n").endswith("END:VCALENDAR")
    assert "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    cal = icalendar.Calendar.from_ical(text)
    assert str(cal["VERSION"]) == "2.0" and cal.get("PRODID")


def test_library_function_matches_the_cli(two_runs):
    from_library = _events(to_ics(compute(FULL_CASE)))
    from_cli = _events(two_runs[0])
    assert sorted(str(e["UID"]) for e in from_library) == sorted(str(e["UID"]) for e in from_cli)


def test_observed_holiday_deadline_says_so_in_the_calendar():
    """A deadline on the observed Fri 2026-07-03 stays there; the event still falls on 2026-07-03 (C3)."""
    events = _events(to_ics(compute({"received": "2026-06-18"})))
    assert "2026-07-03" in {ev.decoded("DTSTART").isoformat() for ev in events}


def test_every_event_has_two_reminders_and_plain_words():
    """Issue 9: a reminder two days before and on the morning; dates written as people read them."""
    events = _events(to_ics(compute({"received": "2026-03-02"})))
    for ev in events:
        alarms = [c for c in ev.subcomponents if c.name == "VALARM"]
        assert [str(a["ACTION"]) for a in alarms] == ["DISPLAY", "DISPLAY"]
        assert sorted(a.decoded("TRIGGER") for a in alarms) == [-timedelta(days=1, hours=15), timedelta(hours=9)]
        description = str(ev["DESCRIPTION"])
        assert "{" not in description and "see the assumptions" not in description
    meeting = next(ev for ev in events if "meeting must be held" in str(ev["SUMMARY"]))
    assert "Tuesday, March 17, 2026" in str(meeting["DESCRIPTION"])


def test_a_moot_date_gets_no_event():
    """Agreement signed at the meeting (Tue 2026-03-10): the hearing dates no longer apply, so no event."""
    result = compute({"received": "2026-03-02", "meeting_held": "2026-03-10", "agreement_signed": "2026-03-10"})
    summaries = {str(ev["SUMMARY"]) for ev in _events(to_ics(result))}
    assert "Hearing decision due" not in summaries and "Last day to cancel the agreement" in summaries
