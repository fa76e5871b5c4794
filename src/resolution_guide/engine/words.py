"""Turn result data into words from a locale file (resolution_guide/locales/<code>.json).

Lookups fall back from the chosen locale to English to the key itself, so a
half-finished translation never shows a blank.
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import lru_cache
from importlib import resources

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PLURAL_PARAMS = ("count", "days", "years", "n")


@lru_cache(maxsize=None)
def load_locale(code: str) -> dict:
    path = resources.files("resolution_guide") / "locales" / f"{code}.json"
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


class Words:
    def __init__(self, locale: str = "en"):
        self.chain = [load_locale(locale)] + ([load_locale("en")] if locale != "en" else [])
        self._dates: dict[tuple[str, str], str] = {}  # one result repeats the same dates many times
        self._names: tuple | None = None

    def get(self, *keys: str, count: int | None = None) -> str | None:
        """The text at keys; a {"one", "other"} entry gives the form for `count` ("other" if no count)."""
        for table in self.chain:
            node = table
            for key in keys:
                node = node.get(key) if isinstance(node, dict) else None
            if isinstance(node, dict) and "other" in node:
                node = node["one"] if count == 1 and "one" in node else node["other"]
            if isinstance(node, str):
                return node
        return None

    def get_list(self, *keys: str) -> list | None:
        for table in self.chain:
            node = table
            for key in keys:
                node = node.get(key) if isinstance(node, dict) else None
            if isinstance(node, list):
                return node
        return None

    def say(self, *keys: str, **params) -> str:
        """The text at keys with {placeholders} filled; the last key if nothing is found.

        The plural form follows the first of the params count, days, years, n that is a number."""
        count = next((params[k] for k in PLURAL_PARAMS if isinstance(params.get(k), int)), None)
        text = self.get(*keys, count=count)
        if text is None:
            return keys[-1]
        return _PLACEHOLDER.sub(lambda m: str(params.get(m.group(1), m.group(0))), text)

    # -- dates as people read them ----------------------------------------------
    def date(self, iso: str | None, style: str = "long") -> str:
        """"Wednesday, April 1, 2026" (long) or "Wed, Apr 1, 2026" (short), names from the locale file."""
        if not iso:
            return self.say("dates", "no_date")
        key = (iso, style)
        if key not in self._dates:
            self._dates[key] = self._format_date(date.fromisoformat(iso), style, iso)
        return self._dates[key]

    def _format_date(self, d: date, style: str, iso: str) -> str:
        if self._names is None:
            # all names from one file: a locale with month names but no short ones uses its own full names
            table = next((t.get("dates") for t in self.chain if isinstance(t.get("dates"), dict)
                          and t["dates"].get("months")), {})
            months, weekdays = table.get("months", []), table.get("weekdays", [])
            self._names = (months, weekdays, table.get("months_short") or months,
                           table.get("weekdays_short") or weekdays)
        months, weekdays, months_short, weekdays_short = self._names
        if len(months) != 12 or len(weekdays) != 7:
            return iso
        return self.say("dates", style, weekday=weekdays[d.weekday()], month=months[d.month - 1],
                        weekday_short=weekdays_short[d.weekday()], month_short=months_short[d.month - 1],
                        day=d.day, year=d.year)

    def dated(self, params: dict, style: str = "short") -> dict:
        """The params with every ISO date written as people read it."""
        return {k: (self.date(v, style) if isinstance(v, str) and _ISO.match(v) else v) for k, v in params.items()}

    # -- pieces of a result ------------------------------------------------------
    def deadline(self, deadline_id: str) -> str:
        return self.say("deadlines", deadline_id)

    def field(self, name: str) -> str:
        return self.say("fields", name) if self.get("fields", name) else self.say("deadlines", name)

    def why(self, skip: dict) -> str:
        if skip.get("why") != "holiday":
            return self.say("why", skip.get("why", ""))
        kind = skip.get("holiday", "")
        if skip.get("source") == "federal":
            name = self.say("holidays", kind)
            return self.say("holidays", "observed", holiday=name) if skip.get("observed") else name
        name = skip.get("name", "")  # a state pack names its holidays in English: the locale may translate them
        return self.say("holidays", kind, name=self.get("state_holiday_names", name) or name, state=skip.get("state", ""))

    def whys(self, skips: list[dict]) -> str:
        """The reasons for several closed days, each said once ("weekend", not "weekend, weekend")."""
        seen: list[str] = []
        for skip in skips:
            text = self.why(skip)
            if text not in seen:
                seen.append(text)
        return ", ".join(seen)

    def step(self, step: dict) -> str:
        code = step.get("step", "")
        params = self.dated(step)
        if "field" in params:
            params["field"] = self.field(step["field"])
        if "counting" in params:
            params["counting_one"] = self.say("counting_one", step["counting"])
            params["counting"] = self.say("counting", step["counting"])
        if "direction" in params:
            params["direction"] = self.say("directions", params["direction"])
        if code in ("skip_day", "skip_days"):
            params["why"] = self.why(step)
        if code == "closed_day_no_roll_forward":
            params["why"] = self.whys(step.get("skipped", []))
        text = self.say("steps", code, **params)
        if step.get("receipt_day_counts_as_day_1"):
            text += " (" + self.say("why", "receipt_day_counts_as_day_1") + ")"
        return text

    def assumption(self, a: dict) -> tuple[str, str, str]:
        return (self.say("assumptions", a["id"], "title"), self.say("assumptions", a["id"], a["reading"]),
                self.say("assumptions", a["id"], a["alternative"]))

    def warning(self, w: dict) -> str:
        params = self.dated(w.get("params", {}))
        if w.get("field"):
            params["field"] = self.field(w["field"])
        return self.say("warnings", w["code"], **params)
