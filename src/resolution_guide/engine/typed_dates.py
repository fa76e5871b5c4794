"""Dates as people type them: the one reader of typed dates (DESIGN.md section 22).

Why here: the case reader (engine/case.py) reads every date field and list entry with it, so
the command line, the browser (which sends the text as typed) and the tests accept the same
forms, and no second rule lives in JavaScript. Standard library only.

Accepted, with surrounding spaces ignored:
  2026-03-02, 2026-3-2                  year-month-day (ISO)
  03/02/2026, 3/2/2026, 3/2/26, 3-2-2026  month/day/year (US order; "/", "-" or ".")
  March 2, 2026, Mar 2 2026, 2 March 2026  English month names (3 letters or more)
Two-digit years are read as 2000-2099 (26 -> 2026): a family's complaint dates are in this
century, and a year that lands far from today gets the engine's check-the-year warning.
"""

from __future__ import annotations

import re
from datetime import date

#: English month names; any prefix of 3 letters or more ("Sep", "Sept") names the month.
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
TWO_DIGIT_CENTURY = 2000

_ISO = r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
_US = r"(?P<um>\d{1,2})(?P<sep>[/.-])(?P<ud>\d{1,2})(?P=sep)(?P<uy>\d{4}|\d{2})"
_NAME_FIRST = r"(?P<nm>[A-Za-z]{3,})\.?\s+(?P<nd>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<ny>\d{4})"
_DAY_FIRST = r"(?P<dd>\d{1,2})(?:st|nd|rd|th)?\s+(?P<dm>[A-Za-z]{3,})\.?,?\s+(?P<dy>\d{4})"
#: One date, in any accepted form (the list splitter finds entries with it).
DATE_PATTERN = rf"(?:{_ISO}|{_US}|{_NAME_FIRST}|{_DAY_FIRST})"
_ONE = re.compile(rf"^\s*{DATE_PATTERN}\s*$")
_FIND = re.compile(rf"(?<![\w/-]){DATE_PATTERN}(?![\w/-])")
#: What may stand between two dates of a list: separators, or a range's ".." / "to" / dash.
_SEPARATOR = re.compile(r"^[\s,;]+$")
_RANGE = re.compile(r"^\s*(?:\.\.|to|through|-|\u2013|\u2014)\s*$", re.IGNORECASE)


class TypedDateError(ValueError):
    """The text is not a date in an accepted form, or names a day that does not exist."""


def _month(name: str) -> int:
    lowered = name.lower()
    for number, month in enumerate(MONTHS, start=1):
        if month.startswith(lowered):
            return number
    raise TypedDateError(f"{name!r} is not a month name")


def _year(text: str) -> int:
    return int(text) + TWO_DIGIT_CENTURY if len(text) == 2 else int(text)


def _from_match(m: re.Match) -> date:
    g = m.groupdict()
    if g["iy"]:
        parts = int(g["iy"]), int(g["im"]), int(g["id"])
    elif g["uy"]:
        parts = _year(g["uy"]), int(g["um"]), int(g["ud"])
    elif g["ny"]:
        parts = int(g["ny"]), _month(g["nm"]), int(g["nd"])
    else:
        parts = int(g["dy"]), _month(g["dm"]), int(g["dd"])
    try:
        return date(*parts)
    except ValueError as err:           # February 30, month 13, ...
        raise TypedDateError(str(err)) from None


def parse_date(text: str) -> date:
    """The date `text` names; TypedDateError when it is not one date in an accepted form."""
    m = _ONE.match(text) if isinstance(text, str) else None
    if not m:
        raise TypedDateError(f"{text!r} is not a date in an accepted form")
    return _from_match(m)


def split_date_list(text: str) -> list[str]:
    """The entries of a typed list ("3/16/2026, 3/17/2026, 3/23/26 to 3/27/26"), each one date's
    text or a range written FIRST..LAST. A piece between dates that is neither a separator nor a
    range word is returned as an entry of its own, so the reader reports it by name."""
    entries: list[str] = []
    pending_range = False
    pos = 0
    for m in _FIND.finditer(text):
        between = text[pos:m.start()]
        if entries and _RANGE.match(between) and not pending_range and ".." not in entries[-1]:
            entries[-1] = f"{entries[-1]}..{m.group(0).strip()}"
            pending_range = True
        else:
            if between.strip(" ,;\n\t") and not _SEPARATOR.match(between):
                entries.append(between.strip(" ,;\n\t"))
            entries.append(m.group(0).strip())
            pending_range = False
        pos = m.end()
    rest = text[pos:].strip(" ,;\n\t")
    if rest:
        entries.append(rest)
    return entries
