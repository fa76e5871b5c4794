"""Turn result data into words from a locale file (resolution_guide/locales/<code>.json).

Lookups fall back from the chosen locale to English to the key itself, so a
half-finished translation never shows a blank.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@lru_cache(maxsize=None)
def load_locale(code: str) -> dict:
    path = resources.files("resolution_guide") / "locales" / f"{code}.json"
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


class Words:
    def __init__(self, locale: str = "en"):
        self.chain = [load_locale(locale)] + ([load_locale("en")] if locale != "en" else [])

    def get(self, *keys: str) -> str | None:
        for table in self.chain:
            node = table
            for key in keys:
                node = node.get(key) if isinstance(node, dict) else None
            if isinstance(node, str):
                return node
        return None

    def say(self, *keys: str, **params) -> str:
        """The text at keys with {placeholders} filled; the last key if nothing is found."""
        text = self.get(*keys)
        if text is None:
            return keys[-1]
        return _PLACEHOLDER.sub(lambda m: str(params.get(m.group(1), m.group(0))), text)

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
        return self.say("holidays", kind, name=skip.get("name", ""), state=skip.get("state", ""))

    def step(self, step: dict) -> str:
        code = step.get("step", "")
        params = dict(step)
        if "field" in params:
            params["field"] = self.field(params["field"])
        if "counting" in params:
            params["counting"] = self.say("counting", params["counting"])
        if "direction" in params:
            params["direction"] = self.say("directions", params["direction"])
        if code in ("skip_day", "skip_days"):
            params["why"] = self.why(step)
        text = self.say("steps", code, **params)
        if step.get("receipt_day_counts_as_day_1"):
            text += " (" + self.say("why", "receipt_day_counts_as_day_1") + ")"
        return text

    def assumption(self, a: dict) -> tuple[str, str, str]:
        return (self.say("assumptions", a["id"], "title"), self.say("assumptions", a["id"], a["reading"]),
                self.say("assumptions", a["id"], a["alternative"]))

    def warning(self, w: dict) -> str:
        params = dict(w.get("params", {}))
        if w.get("field"):
            params["field"] = self.field(w["field"])
        return self.say("warnings", w["code"], **params)
