"""Input limits: what a request or case file may hold, so no input can exhaust memory or time.

Contract (DESIGN.md section "Input limits"): each limit is a field-named error (exit 2 on the command line,
`ok: false` in the browser), never an exception. Requests are read by `read_json`, which the CLI and
`api.handle` share; case values by `case.parse_case`, which calls `check_date_range`, `check_list` and
`collapse` from here. The numbers sit far above any real case (a school year of closed days is ~180).
"""

from __future__ import annotations

import json
from datetime import date

MAX_REQUEST_CHARS = 100_000  # a request or case file; a real one is under 5,000
MAX_DEPTH = 8  # JSON nesting: a request is {"case": {"options": {...}}}, lists of dates one level more
MAX_LIST_ITEMS = 1_000  # entries in one date list (hearing_dates, holidays, non_school_days...)
MAX_NON_SCHOOL_DAYS = 1_500  # all non_school_days ranges expanded together (about four school years)
FIRST_DATE = date(1900, 1, 1)  # the calendars are checked from here (tests/engine/test_engine_properties.py)
LAST_DATE = date(2199, 12, 31)  # ... to here; deadlines a few years later still count correctly
MAX_NAME_CHARS = 200  # calendar_name in an .ics request


class InputError(ValueError):
    """The request text cannot be read: `field` names where, `code` what, `message` says what to do."""

    def __init__(self, field: str | None, code: str, message: str, **params):
        self.field, self.code, self.params = field, code, params
        super().__init__(message)

    def as_dict(self) -> dict:
        return {"field": self.field, "code": self.code, "params": self.params, "message": str(self)}


def _depth(text: str) -> int:
    """Deepest nesting of [ and { outside strings (checked before json.loads, which would recurse)."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def _no_duplicates(pairs: list) -> dict:
    seen: dict = {}
    for key, value in pairs:
        if key in seen:
            raise InputError(key, "duplicate_key", f'{key}: given twice in the same object; keep only one '
                             f'"{key}"', key=key[:100])
        seen[key] = value
    return seen


def decode(data: bytes, name: str) -> str:
    """Bytes of a case file as text: UTF-8 (a byte-order mark is allowed), or an error naming the file."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(None, "not_utf8", f"{name}: not UTF-8 text (byte 0x{data[err.start]:02x} at position "
                         f"{err.start}); save the file as UTF-8", file=name, position=err.start) from None


def read_json(text: str, name: str = "request"):
    """Parse request JSON within the limits; raise InputError (never RecursionError or MemoryError)."""
    if not isinstance(text, str):
        raise InputError(None, "bad_request", f"{name}: expected JSON text")
    if len(text) > MAX_REQUEST_CHARS:
        raise InputError(None, "too_large", f"{name}: {len(text):,} characters, more than the {MAX_REQUEST_CHARS:,} "
                         "a case can need; list each break as a range (FIRST..LAST) instead of day by day",
                         size=len(text), limit=MAX_REQUEST_CHARS)
    text = text.removeprefix("\ufeff")
    if _depth(text) > MAX_DEPTH:
        raise InputError(None, "too_deep", f"{name}: objects and lists nested more than {MAX_DEPTH} deep; a case "
                         "is one object whose lists hold dates", limit=MAX_DEPTH)
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as err:
        raise InputError(None, "bad_request", f"{name}: not valid JSON (line {err.lineno}, column {err.colno}: "
                         f"{err.msg})", line=err.lineno, column=err.colno) from None


def date_in_range(value: date) -> bool:
    return FIRST_DATE <= value <= LAST_DATE


def range_words() -> str:
    return f"{FIRST_DATE.isoformat()} to {LAST_DATE.isoformat()}"


def collapse(errors: list) -> list:
    """One error per distinct problem: the first (which names its entry, e.g. non_school_days[3]) with a count.

    Many bad entries of one list, or many unknown fields, then give one short line, not thousands."""
    groups: dict = {}
    for e in errors:
        key = (None if e.code == "unknown_field" else e.field, e.code)
        groups.setdefault(key, []).append(e)
    out = []
    for group in groups.values():
        first = group[0]
        if len(group) > 1:
            first = type(first)(first.field, first.code, {**first.params, "count": len(group)},
                                f"{first.message} ({len(group) - 1} more like this)")
        out.append(first)
    return out
