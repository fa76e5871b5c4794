"""Counting days the way the rule book's conventions C1-C8 say, with every step kept as data.

Each function returns (result_date, steps); a step is a plain dict whose
"step" key names what happened, so the CLI and the site can put it into words.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Callable

from .calendars import Calendar

ONE_DAY = timedelta(days=1)
# A school-day count may cross a summer break; nothing in the law runs longer
# than this, so a calendar with no school days fails loudly instead of looping.
MAX_SCAN_DAYS = 3 * 366


class NoCountableDays(ValueError):
    """The calendar given has too few business or school days to reach the count."""


def add_calendar_days(start: date, days: int) -> tuple[date, list[dict]]:
    """C2: the start day is day 0, so 'within N days of X' ends on X + N (34 CFR 300.11(a))."""
    end = start + timedelta(days=days)
    return end, [{"step": "add_days", "counting": "calendar", "from": start.isoformat(), "days": days,
                  "to": end.isoformat()}]


def last_business_day_on_or_before(day: date, calendar: Calendar) -> tuple[date, list[dict]]:
    """C3: the deadline does not move; this is the practical target for a deadline on a closed day."""
    steps = []
    while (why := calendar.why_not_business_day(day)) is not None:
        steps.append({"step": "skip_day", "date": day.isoformat(), **why})
        day -= ONE_DAY
    return day, steps


def _count(start: date, n: int, direction: int, why_not: Callable[[date], dict | None],
           counting: str) -> tuple[date, list[dict]]:
    """Count n countable days after (direction=1) or before (-1) `start`, not counting `start`."""
    steps: list[dict] = [{"step": "count_from", "counting": counting, "from": start.isoformat(), "days": n,
                          "direction": "after" if direction > 0 else "before"}]
    day, counted, scanned = start, 0, 0
    while counted < n:
        day += direction * ONE_DAY
        scanned += 1
        if scanned > MAX_SCAN_DAYS:
            raise NoCountableDays(counting)
        why = why_not(day)
        if why is None:
            counted += 1
            steps.append({"step": "count_day", "n": counted, "date": day.isoformat()})
        else:
            _add_skip(steps, day, why)
    return day, steps


def _add_skip(steps: list[dict], day: date, why: dict) -> None:
    """Skipped days in a row for the same plain reason become one step (a summer break is one line)."""
    last = steps[-1]
    if (why["why"] in ("weekend", "no_school") and last.get("step") == "skip_days" and last["why"] == why["why"]):
        first, final = date.fromisoformat(last["from"]), date.fromisoformat(last["to"])
        if day == final + ONE_DAY or day == first - ONE_DAY:  # counting forward or backward
            last["from"], last["to"] = min(first, day).isoformat(), max(final, day).isoformat()
            last["count"] += 1
            return
    if why["why"] in ("weekend", "no_school"):
        steps.append({"step": "skip_days", "why": why["why"], "from": day.isoformat(), "to": day.isoformat(),
                      "count": 1})
    else:
        steps.append({"step": "skip_day", "date": day.isoformat(), **why})


def add_business_days(start: date, n: int, calendar: Calendar) -> tuple[date, list[dict]]:
    """C5: the n-th business day after `start` (the day of the event itself is not counted)."""
    return _count(start, n, 1, calendar.why_not_business_day, "business")


def business_days_before(day: date, n: int, calendar: Calendar) -> tuple[date, list[dict]]:
    """C7: the n-th business day before `day` (the hearing day itself is not counted)."""
    return _count(day, n, -1, calendar.why_not_business_day, "business")


def add_school_days(start: date, n: int, calendar: Calendar) -> tuple[date, list[dict]]:
    """C6: the n-th school day after `start` (the filing or last hearing day is not counted)."""
    return _count(start, n, 1, calendar.why_not_school_day, "school")
