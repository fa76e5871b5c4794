"""An independent calendar for the engine tests, written from the law, not from the engine.

Federal legal public holidays come from 5 U.S.C. 6103(a); a holiday on a Saturday
is observed the Friday before and one on a Sunday the Monday after (6103(b), the
project's default reading, rulebook C4). State holidays are read from the state
pack data files, which are data, not engine logic. Business days follow
34 CFR 300.11(b); school days follow 300.11(c) with a district's closed days.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

STATES_DIR = Path(__file__).resolve().parents[2] / "src" / "resolution_guide" / "engine" / "states"


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th given weekday (Mon=0) of a month; n=-1 for the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = (date(year, month + 1, 1) if month < 12 else date(year + 1, 1, 1)) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def statutory_federal_holidays(year: int) -> set[date]:
    """The eleven days named in 5 U.S.C. 6103(a), on their statutory dates.

    Juneteenth was added by Pub. L. 117-17 (2021); the other ten are taken as today's list for every year
    (the engine warns for dates before 2021: its holiday list is checked from then on)."""
    juneteenth = {date(year, 6, 19)} if year >= 2021 else set()
    return juneteenth | {
        date(year, 1, 1),
        _nth_weekday(year, 1, 0, 3),  # Birthday of Martin Luther King, Jr.
        _nth_weekday(year, 2, 0, 3),  # Washington's Birthday
        _nth_weekday(year, 5, 0, -1),  # Memorial Day
        date(year, 7, 4),
        _nth_weekday(year, 9, 0, 1),  # Labor Day
        _nth_weekday(year, 10, 0, 2),  # Columbus Day
        date(year, 11, 11),
        _nth_weekday(year, 11, 3, 4),  # Thanksgiving Day
        date(year, 12, 25),
    }


def observed_federal_holidays(year: int) -> set[date]:
    """Weekday on which each holiday of `year` is observed (6103(b)); Jan 1 of the next
    year may be observed on Dec 31 of this one."""
    out = set()
    for y in (year, year + 1):
        for d in statutory_federal_holidays(y):
            if d.weekday() == 5:
                d -= timedelta(days=1)
            elif d.weekday() == 6:
                d += timedelta(days=1)
            if d.year == year:
                out.add(d)
    return out


@lru_cache(maxsize=None)
def state_holidays(code: str) -> frozenset[date]:
    data = json.loads((STATES_DIR / f"{code.lower()}.json").read_text(encoding="utf-8"))
    return frozenset(date.fromisoformat(d) for d in data["holidays"])


class LawCalendar:
    """Business and school days for one case's settings."""

    def __init__(self, state=None, observance="observed", extra=(), replace=None, non_school=()):
        self.state, self.observance = state, observance
        self.extra, self.replace = frozenset(extra), None if replace is None else frozenset(replace)
        self.non_school = frozenset(non_school)

    @lru_cache(maxsize=None)
    def _federal(self, year: int) -> frozenset[date]:
        if self.observance == "statutory":
            return frozenset(statutory_federal_holidays(year))
        return frozenset(observed_federal_holidays(year))

    def is_holiday(self, d: date) -> bool:
        if d in self.extra:
            return True
        if self.replace is not None:
            return d in self.replace
        if d in self._federal(d.year):
            return True
        return bool(self.state) and d in state_holidays(self.state)

    def is_business_day(self, d: date) -> bool:
        return d.weekday() < 5 and not self.is_holiday(d)

    def is_school_day(self, d: date) -> bool:
        return self.is_business_day(d) and d not in self.non_school

    def business_days_between(self, start: date, end: date) -> int:
        """Business days in (start, end]: the start day itself is not counted (C5)."""
        return sum(self.is_business_day(start + timedelta(days=i)) for i in range(1, (end - start).days + 1))

    def last_business_day_on_or_before(self, d: date) -> date:
        while not self.is_business_day(d):
            d -= timedelta(days=1)
        return d
