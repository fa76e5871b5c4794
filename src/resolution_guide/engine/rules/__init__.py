"""The numbers of the law, read from data: each day count, its kind of day, anchor and citation.

`federal.json` holds one parameter per rule (value, unit, counting, anchor, reference,
description), the expedited track's own values as their own parameters, and nothing
else; a state pack's `rules` block overrides a parameter by the same name with the
same shape. Every file is checked strictly when read: a mistake names the file, the
line, the key, what was expected and what was found.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

TRACKS = ("standard", "expedited")
UNITS = ("days", "years")
COUNTINGS = ("calendar", "business", "school")
DATE_IS = ("last_day", "first_day")
DIRECTIONS = ("after", "before")
REQUIRED = ("value", "unit", "anchor", "reference", "description")
OPTIONAL = ("counting", "date_is", "deadline", "direction", "source_url", "checked")
FEDERAL_FILE = "engine/rules/federal.json"
# Case fields a count may start from; anything else must be another parameter.
ANCHOR_FIELDS = ("received", "filed", "agreement_signed", "hearing_dates", "sufficiency_challenge_received",
                 "knew_or_should_have_known")


class RulesError(ValueError):
    """A rules file that does not follow the format; the message says where and what to do."""


@dataclass(frozen=True)
class Rule:
    name: str
    value: int
    unit: str
    anchor: str
    reference: str
    description: str
    counting: str = "calendar"
    date_is: str = "last_day"
    deadline: str = ""
    direction: str = "after"
    source_url: str = ""
    checked: str = ""

    # Names the site and older callers use.
    @property
    def id(self) -> str:
        return self.deadline

    @property
    def days(self) -> int | None:
        return self.value if self.unit == "days" else None

    @property
    def citation(self) -> str:
        return self.reference

    @property
    def is_starting_date(self) -> bool:
        """A day from which something may be done, not a last day: a closed day changes nothing."""
        return self.date_is == "first_day"


def _line_of(text: str, key: str, after: int = 0) -> int:
    at = text.find(f'"{key}"', after)
    return text.count("\n", 0, at) + 1 if at >= 0 else 0


def check_parameter(name: str, raw, *, where: str, text: str, anchors: tuple[str, ...] = ()) -> Rule:
    """One parameter read strictly; `where` is the file name, `text` its contents (for line numbers)."""
    line = _line_of(text, name)

    def fail(key: str, expected: str, found) -> RulesError:
        return RulesError(f"{where}, line {_line_of(text, key, text.find(chr(34) + name + chr(34))) or line} at "
                          f"{name}.{key}: expected {expected}; found {json.dumps(found)}. Fix the value in the file.")

    if not isinstance(raw, dict):
        raise RulesError(f"{where}, line {line} at {name}: expected an object with {', '.join(REQUIRED)}; "
                         f"found {json.dumps(raw)}. Write the parameter as {{\"value\": ..., ...}}.")
    for key in raw:
        if key not in REQUIRED + OPTIONAL:
            raise fail(key, f"one of the keys {', '.join(REQUIRED + OPTIONAL)}", key)
    for key in REQUIRED:
        if key not in raw:
            raise RulesError(f"{where}, line {line} at {name}: the key \"{key}\" is missing; every parameter has "
                             f"{', '.join(REQUIRED)}.")
    if not isinstance(raw["value"], int) or isinstance(raw["value"], bool) or raw["value"] < 0:
        raise fail("value", "a whole number of days or years, 0 or more", raw["value"])
    choices = {"unit": UNITS, "counting": COUNTINGS, "date_is": DATE_IS, "direction": DIRECTIONS}
    for key, allowed in choices.items():
        if key in raw and raw[key] not in allowed:
            raise fail(key, " or ".join(f'"{a}"' for a in allowed), raw[key])
    for key in ("reference", "description", "deadline", "source_url", "checked", "anchor"):
        if key in raw and (not isinstance(raw[key], str) or not raw[key].strip()):
            raise fail(key, "a non-empty text", raw[key])
    if anchors and raw["anchor"] not in anchors:
        raise fail("anchor", "a case field (" + ", ".join(ANCHOR_FIELDS) + ") or another parameter's name",
                   raw["anchor"])
    fields = {k: raw[k] for k in REQUIRED + OPTIONAL if k in raw}
    fields.setdefault("deadline", name)
    return Rule(name=name, **fields)


@lru_cache(maxsize=None)
def federal() -> dict[str, dict[str, Rule]]:
    """track -> parameter name -> Rule (the expedited track has only its own values)."""
    text = (resources.files("resolution_guide") / FEDERAL_FILE).read_text(encoding="utf-8")
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as err:
        raise RulesError(f"{FEDERAL_FILE}, line {err.lineno}: not valid JSON ({err.msg}).") from None
    out: dict[str, dict[str, Rule]] = {}
    names = tuple(k for track in TRACKS for k in raw.get(track, {}) if not k.startswith("_"))
    for track in TRACKS:
        block = raw.get(track)
        if not isinstance(block, dict):
            raise RulesError(f"{FEDERAL_FILE}: expected a \"{track}\" object of parameters; found "
                             f"{json.dumps(block)}.")
        out[track] = {name: check_parameter(name, value, where=FEDERAL_FILE, text=text,
                                            anchors=ANCHOR_FIELDS + names)
                      for name, value in block.items() if not name.startswith("_")}
    return out


@lru_cache(maxsize=None)
def not_on_expedited_track() -> tuple[str, ...]:
    """Standard parameters the expedited track does not use (federal.json, expedited._not_on_this_track)."""
    text = (resources.files("resolution_guide") / FEDERAL_FILE).read_text(encoding="utf-8")
    entry = json.loads(text)["expedited"].get("_not_on_this_track", {})
    names = entry.get("value", []) if isinstance(entry, dict) else None
    known = federal()["standard"]
    if not isinstance(names, list) or any(n not in known for n in names):
        raise RulesError(f"{FEDERAL_FILE}, line {_line_of(text, '_not_on_this_track')} at "
                         f"expedited._not_on_this_track.value: expected a list of standard parameter names; "
                         f"found {json.dumps(names)}.")
    return tuple(names)


def parameter(name: str, track: str = "standard", state_rules: dict[str, Rule] | None = None) -> Rule:
    """The rule in force: a state's override, else the track's own value, else the standard one."""
    if state_rules and name in state_rules:
        return state_rules[name]
    rules = federal()
    if track == "expedited" and name in rules["expedited"]:
        return rules["expedited"][name]
    return rules["standard"][name]


def deadline_ids() -> tuple[str, ...]:
    """Every result id, in the order of the data file (standard first, then expedited-only ones)."""
    seen: list[str] = []
    for track in TRACKS:
        for rule in federal()[track].values():
            if rule.deadline not in seen:
                seen.append(rule.deadline)
    return tuple(seen)


def on_track(track: str) -> dict[str, Rule]:
    """deadline id -> the rule that gives it on this track (the main rule, not the district-filed estimate)."""
    out: dict[str, Rule] = {}
    names = list(federal()["standard"])
    if track == "expedited":
        skip = not_on_expedited_track()
        names = [n for n in names if n not in skip] + [n for n in federal()["expedited"] if n not in names]
    for name in names:
        rule = parameter(name, track)
        out.setdefault(rule.deadline, rule)
    return out


def anchor_chain(rule: Rule, track: str) -> list[Rule]:
    """The rules a count stands on, nearest first (decision_due -> resolution_period_ends)."""
    chain = []
    rules = federal()
    while rule.anchor in rules["standard"] or rule.anchor in rules["expedited"]:
        rule = parameter(rule.anchor, track)
        chain.append(rule)
    return chain


def timeline(track: str = "standard") -> dict[str, dict]:
    """The site's timeline figure: for each deadline, its day number counted from receipt (day 0) when it
    is a calendar-day count that stands on receipt, plus the count, kind of day, anchor and citation."""
    out = {}
    for deadline_id, rule in on_track(track).items():
        steps = [rule, *anchor_chain(rule, track)]
        base = steps[-1].anchor
        calendar = all(r.unit == "days" and r.counting == "calendar" for r in steps)
        day = sum(r.value for r in steps) if calendar and base in ("received", "filed") else None
        out[deadline_id] = {"day": day, "days": rule.days, "counting": rule.counting if rule.unit == "days" else None,
                            "anchor": rule.anchor, "reference": rule.reference, "unit": rule.unit}
    return out


def needed_for(field_name: str) -> list[str]:
    """Deadline ids that count from this case field on either track (a filing date falls back to receipt)."""
    out = []
    for deadline_id in deadline_ids():
        for track in TRACKS:
            rule = on_track(track).get(deadline_id)
            if not rule:
                continue
            base = ([rule, *anchor_chain(rule, track)])[-1].anchor
            if field_name == base or (base == "filed" and field_name == "received"):
                if deadline_id not in out:
                    out.append(deadline_id)
    return out


def state_rules(raw_rules, *, where: str, text: str) -> dict[str, Rule]:
    """A state pack's `rules` block: each key must be a federal parameter, in the same shape."""
    if not isinstance(raw_rules, dict):
        raise RulesError(f"{where}, line {_line_of(text, 'rules')} at rules: expected an object of parameters "
                         f"like {{\"limitation_period\": {{...}}}}; found {json.dumps(raw_rules)}.")
    known = federal()["standard"]
    out = {}
    for name, raw in raw_rules.items():
        if name not in known:
            raise RulesError(f"{where}, line {_line_of(text, name)} at rules.{name}: expected the name of a federal "
                             f"parameter ({', '.join(known)}); found {json.dumps(name)}.")
        if isinstance(raw, dict):  # a state changes the number and its source, never what it counts from
            raw = {"anchor": known[name].anchor, **raw}
        rule = check_parameter(name, raw, where=where, text=text, anchors=(known[name].anchor,))
        if rule.unit != known[name].unit:
            raise RulesError(f"{where}, line {_line_of(text, name)} at rules.{name}.unit: expected "
                             f"\"{known[name].unit}\" (as the federal parameter); found \"{rule.unit}\".")
        out[name] = Rule(**{**rule.__dict__, "deadline": known[name].deadline})
    return out
