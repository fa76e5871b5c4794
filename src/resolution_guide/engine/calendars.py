"""Which days count: federal legal public holidays, state packs, school calendars.

Federal holidays are computed by rule for any year (5 U.S.C. 6103(a)); the
weekend rule of 6103(b) is an option because that subsection speaks only of
"pay and leave of employees" (rulebook C4, open question 4). State holidays come
from data packs (engine/states/*.json, generated from the YAML packs in resolution_guide/states/)
so the engine never needs a holiday library or a YAML parser.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from .rules import state_rules

OBSERVED = "observed"  # a Saturday holiday counts on Friday, a Sunday holiday on Monday
STATUTORY = "statutory"  # only the date named in the statute counts
HOLIDAY_OBSERVANCE = (OBSERVED, STATUTORY)

# The holiday list last changed in 2021 (Juneteenth); earlier years are outside
# what this project checked, so dates there get a warning.
FEDERAL_RULES_FROM_YEAR = 2021

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _last_weekday(year: int, month: int, weekday: int) -> date:
    next_month = date(year + month // 12, month % 12 + 1, 1)
    last = next_month - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def federal_statutory_holidays(year: int) -> dict[date, str]:
    """The legal public holidays of 5 U.S.C. 6103(a) on their statutory dates."""
    days = {
        date(year, 1, 1): "new_years_day",
        _nth_weekday(year, 1, MON, 3): "martin_luther_king_jr_day",
        _nth_weekday(year, 2, MON, 3): "washingtons_birthday",
        _last_weekday(year, 5, MON): "memorial_day",
        date(year, 7, 4): "independence_day",
        _nth_weekday(year, 9, MON, 1): "labor_day",
        _nth_weekday(year, 10, MON, 2): "columbus_day",
        date(year, 11, 11): "veterans_day",
        _nth_weekday(year, 11, THU, 4): "thanksgiving_day",
        date(year, 12, 25): "christmas_day",
    }
    if year >= 2021:  # Juneteenth National Independence Day Act, Pub. L. 117-17
        days[date(year, 6, 19)] = "juneteenth"
    return days


def federal_holidays(year: int, observance: str = OBSERVED) -> dict[date, tuple[str, bool]]:
    """Federal holidays that fall in `year`: date -> (holiday id, is an observed weekday).

    With the observed reading, New Year's Day of year+1 on a Saturday is
    observed on Friday December 31 of `year` (6103(b)(1)).
    """
    result: dict[date, tuple[str, bool]] = {}
    for y in (year, year + 1):
        for day, name in federal_statutory_holidays(y).items():
            if observance == OBSERVED and day.weekday() == SAT:
                day, observed = day - timedelta(days=1), True
            elif observance == OBSERVED and day.weekday() == SUN:
                day, observed = day + timedelta(days=1), True
            else:
                observed = False
            if day.year == year:
                result[day] = (name, observed)
    return result


@dataclass(frozen=True)
class StatePack:
    code: str
    name: str
    holidays: dict[str, str]
    holidays_cover: tuple[int, int]
    rules: dict = field(default_factory=dict)
    source: str = ""
    parent_center: dict | None = None   # {"name", "url"} when the pack names the state's parent center


# A fork's own packs (the site's `state_packs_dir`), already checked by the build, by state code: they
# add to or replace the shipped ones. Empty unless a build sets them (in the browser the fork's packs
# are files of the engine wheel instead, so this stays empty there).
_OWN_PACKS: dict[str, dict] = {}


def use_state_packs(packs: dict[str, dict]) -> None:
    """Use these packs besides (or instead of) the shipped ones; `{}` goes back to the shipped ones."""
    _OWN_PACKS.clear()
    _OWN_PACKS.update({code.upper(): dict(raw) for code, raw in packs.items()})
    load_state.cache_clear()


def own_state_packs() -> dict[str, dict]:
    """The packs given by `use_state_packs` (the browser build writes them into the engine wheel)."""
    return dict(_OWN_PACKS)


def available_states() -> list[str]:
    folder = resources.files("resolution_guide.engine") / "states"
    shipped = {p.name[:-5].upper() for p in folder.iterdir() if p.name.endswith(".json")}
    return sorted(shipped | set(_OWN_PACKS))


@lru_cache(maxsize=None)
def load_state(code: str) -> StatePack:
    """Read one state pack (raises KeyError for a state we have no pack for)."""
    if code.upper() in _OWN_PACKS:
        raw = _OWN_PACKS[code.upper()]
        text = json.dumps(raw, indent=1)
    else:
        path = resources.files("resolution_guide.engine") / "states" / f"{code.lower()}.json"
        if not path.is_file():
            raise KeyError(code)
        text = path.read_text(encoding="utf-8")
        raw = json.loads(text)
    cover = raw.get("holidays_cover") or [0, -1]
    return StatePack(
        code=raw["state"],
        name=raw.get("name", raw["state"]),
        holidays=dict(raw.get("holidays", {})),
        holidays_cover=(int(cover[0]), int(cover[1])),
        rules=state_rules(raw.get("rules", {}), where=f"engine/states/{code.lower()}.json", text=text),
        source=raw.get("holidays_source", ""),
        parent_center=raw["parent_center"] if isinstance(raw.get("parent_center"), dict) else None,
    )


@dataclass
class Calendar:
    """Answers 'is this a business day / a school day, and if not, why' for one case.

    `replace_holidays` (the case's `holidays` field) replaces both federal and
    state lists; `extra_holidays` adds local closures (to either list); `non_school_days`
    only affects school-day counts (34 CFR 300.11(c)).
    """

    observance: str = OBSERVED
    state: StatePack | None = None
    replace_holidays: frozenset[date] | None = None
    extra_holidays: frozenset[date] = frozenset()
    non_school_days: frozenset[date] = frozenset()
    school_calendar_complete: bool = False
    _federal_cache: dict[int, dict[date, tuple[str, bool]]] = field(default_factory=dict, repr=False)

    def _federal(self, year: int) -> dict[date, tuple[str, bool]]:
        if year not in self._federal_cache:
            self._federal_cache[year] = federal_holidays(year, self.observance)
        return self._federal_cache[year]

    def holiday(self, day: date) -> dict | None:
        """Why `day` is a holiday, as data, or None."""
        if self.replace_holidays is not None:
            if day in self.replace_holidays:
                return {"holiday": "listed_holiday", "source": "holidays"}
            # the family's extra closed days add to their own list too (issue 9 item 8)
            return {"holiday": "extra_holiday", "source": "extra_holidays"} if day in self.extra_holidays else None
        fed = self._federal(day.year).get(day)
        if fed:
            return {"holiday": fed[0], "source": "federal", "observed": fed[1]}
        if self.state and day.isoformat() in self.state.holidays:
            return {"holiday": "state_holiday", "source": "state", "state": self.state.code,
                    "name": self.state.holidays[day.isoformat()]}
        if day in self.extra_holidays:
            return {"holiday": "extra_holiday", "source": "extra_holidays"}
        return None

    def why_not_business_day(self, day: date) -> dict | None:
        """None for a business day (34 CFR 300.11(b)); otherwise the reason as data."""
        if day.weekday() >= SAT:
            return {"why": "weekend"}
        h = self.holiday(day)
        return {"why": "holiday", **h} if h else None

    def why_not_school_day(self, day: date) -> dict | None:
        """None for a school day; weekends, holidays and the district's closed days are not.

        With `school_calendar_complete` (the family's list of closed days is the whole school calendar),
        a holiday not on that list is a school day (34 CFR 300.11(c): days children attend)."""
        if self.school_calendar_complete and self.non_school_days:
            if day.weekday() >= SAT:
                return {"why": "weekend"}
            return {"why": "no_school"} if day in self.non_school_days else None
        reason = self.why_not_business_day(day)
        if reason:
            return reason
        if day in self.non_school_days:
            return {"why": "no_school"}
        return None

    def covers(self, day: date) -> bool:
        """Whether the holiday data used for `day` is data this project vouches for."""
        if self.replace_holidays is not None:
            return True
        if day.year < FEDERAL_RULES_FROM_YEAR:
            return False
        if self.state:
            first, last = self.state.holidays_cover
            return first <= day.year <= last
        return True
