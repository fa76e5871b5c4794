"""Read a case (the JSON object the CLI and the browser send) into checked Python values.

Every problem is collected, not just the first, and each names its field, says
what was expected and gives an example, so a parent or a form can fix it.
Contradictions are reported, never guessed around.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import limits
from .calendars import HOLIDAY_OBSERVANCE, OBSERVED, available_states, load_state
from .typed_dates import TypedDateError, parse_date, split_date_list

EXAMPLE_DATE = "2026-03-02"
FIELD_TYPES = ("date", "bool", "choice", "state", "date_list", "date_range")
FIELD_KINDS = ("fact", "option", "device")
TOPICS = ("basics", "meeting", "mediation", "agreement", "hearing", "filing", "calendar", "options")
# Why some questions exist only on the standard track: an expedited hearing follows its own
# timeline (300.532(c)(2)-(3)) and only 300.508(a)-(c) of the complaint rules (300.532(c)(1)).
EXPEDITED_OWN_TIMELINE = "34 CFR 300.532(c)(2)-(3)"
PARENT = {"filed_by": ["parent"]}
STANDARD = {"track": ["standard"]}
RECEIVED = {"received": "given"}


@dataclass(frozen=True)
class FieldSpec:
    """One case field: how it is read and when the engine uses it (see `api.describe`).

    `applies_if`: every condition must hold for the engine to use the field; a list means
    "one of these values", "given" means "filled in". `citation`: why it applies only there.
    """

    name: str
    type: str
    topic: str
    kind: str = "fact"
    choices: tuple = ()
    default: object = None
    applies_if: dict = field(default_factory=dict)
    citation: str | None = None

    @property
    def attribute(self) -> str:
        """The Case attribute that holds the value ("options.receipt_day" -> receipt_day)."""
        return self.name.split(".", 1)[-1]


# The one table of case fields, in the order a form asks them. Parsing, the normalized case
# (`Case.as_dict`) and `api.describe` all read it; question wording lives in the calculators' words.
FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("filed_by", "choice", "basics", choices=("parent", "district"), default="parent"),
    FieldSpec("track", "choice", "basics", choices=("standard", "expedited"), default="standard"),
    FieldSpec("received", "date", "basics"),
    FieldSpec("filed", "date", "basics", applies_if={**RECEIVED, "track": ["expedited"]},
              citation="34 CFR 300.532(c)(2)"),
    FieldSpec("state", "state", "calendar", default=""),
    FieldSpec("waiver_signed", "date", "meeting", applies_if={**RECEIVED, **PARENT},
              citation="34 CFR 300.510(a)(1), (a)(3)(i)"),
    FieldSpec("mediation", "bool", "mediation", default=False, applies_if={**RECEIVED, **PARENT},
              citation="34 CFR 300.510(a)(1), (a)(3)(ii)"),
    FieldSpec("mediation_started", "date", "mediation", applies_if={**PARENT, "mediation": [True]},
              citation="34 CFR 300.510(a)(3)(ii), (c)(2)"),
    FieldSpec("meeting_held", "date", "meeting", applies_if={**RECEIVED, **PARENT},
              citation="34 CFR 300.510(a)(1)"),
    FieldSpec("no_agreement_possible", "date", "meeting", applies_if={**RECEIVED, **PARENT, **STANDARD},
              citation=EXPEDITED_OWN_TIMELINE),
    FieldSpec("mediation_continued", "date", "mediation",
              applies_if={**RECEIVED, **PARENT, **STANDARD, "mediation": [True]}, citation="34 CFR 300.510(c)(3)"),
    FieldSpec("mediation_withdrawn", "date", "mediation", applies_if={"mediation_continued": "given"},
              citation="34 CFR 300.510(c)(3)"),
    FieldSpec("parent_did_not_participate", "bool", "meeting", default=False,
              applies_if={**RECEIVED, **PARENT, **STANDARD}, citation=EXPEDITED_OWN_TIMELINE),
    FieldSpec("amended_complaint", "date", "filing", applies_if={**RECEIVED, **PARENT, **STANDARD},
              citation="34 CFR 300.532(c)(1)"),
    FieldSpec("sufficiency_challenge_received", "date", "filing", applies_if=STANDARD,
              citation="34 CFR 300.532(c)(1)"),
    FieldSpec("non_school_days", "date_list", "calendar", applies_if={**RECEIVED, "track": ["expedited"]},
              citation="34 CFR 300.532(c)(2)"),
    FieldSpec("extra_holidays", "date_list", "calendar"),
    FieldSpec("holidays", "date_list", "calendar"),
    FieldSpec("hearing_dates", "date_range", "hearing"),
    FieldSpec("decision_extended_to", "date", "hearing", applies_if={**RECEIVED, **STANDARD},
              citation=EXPEDITED_OWN_TIMELINE),
    FieldSpec("agreement_signed", "date", "agreement", applies_if=PARENT, citation="34 CFR 300.510(d)-(e)"),
    FieldSpec("parent_brings_attorney", "bool", "meeting", applies_if=PARENT, citation="34 CFR 300.510(a)(1)(ii)"),
    FieldSpec("knew_or_should_have_known", "date", "filing"),
    FieldSpec("today", "date", "basics", kind="device"),
    FieldSpec("options.receipt_day", "choice", "options", kind="option", choices=("day0", "day1"), default="day0"),
    FieldSpec("options.holiday_observance", "choice", "options", kind="option", choices=HOLIDAY_OBSERVANCE,
              default=OBSERVED),
    # With the district's closed days entered: are federal and state holidays still no-school days?
    FieldSpec("options.school_holidays", "choice", "options", kind="option", choices=("closed", "as_listed"),
              default="closed", applies_if={"track": ["expedited"], "non_school_days": "given"},
              citation="34 CFR 300.11(c)"),
)
FIELD_BY_NAME = {f.name: f for f in FIELDS}
OPTION_FIELDS = {f.attribute: f for f in FIELDS if f.kind == "option"}
KNOWN_FIELDS = tuple(f.name for f in FIELDS if f.kind != "option") + ("options",)
OPTION_CHOICES = {key: spec.choices for key, spec in OPTION_FIELDS.items()}
# Longest span accepted in one non_school_days range: a school year plus summer.
MAX_RANGE_DAYS = 400


@dataclass(frozen=True)
class FieldError:
    field: str | None
    code: str
    params: dict
    message: str

    def as_dict(self) -> dict:
        return {"field": self.field, "code": self.code, "params": self.params, "message": self.message}


class CaseError(ValueError):
    """The case has one or more problems; `errors` lists them all."""

    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__("\n".join(e.message for e in errors))


@dataclass
class Case:
    received: date | None = None
    filed: date | None = None
    filed_by: str = "parent"
    track: str = "standard"
    waiver_signed: date | None = None
    mediation: bool = False
    mediation_started: date | None = None
    meeting_held: date | None = None
    no_agreement_possible: date | None = None
    mediation_continued: date | None = None
    mediation_withdrawn: date | None = None
    parent_did_not_participate: bool = False
    parent_brings_attorney: bool | None = None  # None: not answered
    amended_complaint: date | None = None
    agreement_signed: date | None = None
    sufficiency_challenge_received: date | None = None
    hearing_dates: list[date] = field(default_factory=list)
    decision_extended_to: date | None = None
    knew_or_should_have_known: date | None = None
    state: str | None = None
    holidays: list[date] | None = None
    extra_holidays: list[date] = field(default_factory=list)
    non_school_days: list[date] = field(default_factory=list)
    holiday_observance: str = OBSERVED
    receipt_day: str = "day0"
    school_holidays: str = "closed"
    today: date | None = None
    given: frozenset[str] = frozenset()

    def since_restart(self, name: str) -> date | None:
        """The date in field `name`, unless an amended complaint came later and so started the clocks
        again (34 CFR 300.508(d)(4)): a waiver or meeting about the old complaint does not carry over."""
        value = getattr(self, name)
        # 300.532(c)(1) takes in only 300.508(a)-(c): no amended-complaint restart on the expedited track
        if value and self.amended_complaint and self.track == "standard" and value < self.amended_complaint:
            return None
        return value

    def as_dict(self) -> dict:
        """The normalized case, JSON-ready (what the result says it used)."""
        out: dict = {"options": {}}
        for spec in FIELDS:
            value = getattr(self, spec.attribute)
            if isinstance(value, date):
                value = value.isoformat()
            elif isinstance(value, list):
                value = [d.isoformat() for d in value]
            if spec.kind == "option":
                out["options"][spec.attribute] = value
            else:
                out[spec.name] = value
        return out


def _describe(value) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return str(value)


class _Reader:
    def __init__(self):
        self.errors: list[FieldError] = []

    def error(self, field_name: str | None, code: str, message: str, **params) -> None:
        self.errors.append(FieldError(field_name, code, params, message))

    def date(self, name: str, value, label: str | None = None) -> date | None:
        label = label or name
        if not isinstance(value, str):
            self.error(name, "not_a_date", f"{label}: expected a date as text (YYYY-MM-DD, e.g. {EXAMPLE_DATE}), "
                       f"found {_describe(value)}", value=_describe(value), example=EXAMPLE_DATE)
            return None
        try:
            return parse_date(value)          # dates as people type them: engine/typed_dates.py
        except TypedDateError:
            self.error(name, "not_a_date", f'{label}: "{value}" is not a date; use YYYY-MM-DD, e.g. {EXAMPLE_DATE}',
                       value=value, example=EXAMPLE_DATE)
            return None

    def date_list(self, name: str, value, allow_ranges: bool = False, allow_text: bool = False) -> list[date] | None:
        if allow_text and isinstance(value, str):   # a typed list, "3/16/2026, 3/17/2026" (typed_dates.py)
            value = split_date_list(value)
        if not isinstance(value, list):
            self.error(name, "not_a_list", f"{name}: expected a list of dates like [\"{EXAMPLE_DATE}\"], "
                       f"found {_describe(value)}", value=_describe(value))
            return None
        if not _list_within_limits(self, name, value):
            return None
        out: list[date] = []
        for i, item in enumerate(value):
            label = f"{name}[{i}]"
            if allow_ranges and isinstance(item, str) and ".." in item:
                out.extend(self._range(name, label, item))
                if not _expanded_within_limits(self, name, label, out):
                    return None
            else:
                d = self.date(name, item, label)
                if d:
                    out.append(d)
        return out

    def _range(self, name: str, label: str, text: str) -> list[date]:
        first_text, _, last_text = text.partition("..")
        first, last = self.date(name, first_text, label), self.date(name, last_text, label)
        if not (first and last):
            return []
        if last < first:
            self.error(name, "range_backwards", f'{label}: "{text}" ends before it starts; '
                       f"write FIRST..LAST, e.g. 2026-12-21..2027-01-01", value=text)
            return []
        if (last - first).days > MAX_RANGE_DAYS:
            self.error(name, "range_too_long", f'{label}: "{text}" spans more than {MAX_RANGE_DAYS} days; '
                       f"list each break as its own range", value=text)
            return []
        return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def parse_case(raw) -> Case:
    """Check and convert a case object; raise CaseError listing every problem found."""
    r = _Reader()
    if not isinstance(raw, dict):
        r.error(None, "not_an_object", f"case: expected a JSON object like {{\"received\": \"{EXAMPLE_DATE}\"}}, "
                f"found {_describe(raw)}", found=_describe(raw))
        raise CaseError(r.errors)
    case = Case(given=frozenset(k for k, v in raw.items() if v is not None))
    for name, value in raw.items():
        if name not in KNOWN_FIELDS:
            close = difflib.get_close_matches(name, KNOWN_FIELDS, n=1)
            hint = f'did you mean "{close[0]}"?' if close else f"the known fields are {', '.join(KNOWN_FIELDS)}"
            r.error(name, "unknown_field", f"{name}: unknown field; {hint}", known=list(KNOWN_FIELDS),
                    suggestion=close[0] if close else None)
            continue
        if value is None:
            continue  # an unanswered question, same as leaving the field out
        _read_field(r, case, FIELD_BY_NAME.get(name), name, value)
    _check_date_limits(r, case)
    if not r.errors:
        _check_contradictions(r, case)
    if r.errors:
        raise CaseError(limits.collapse(r.errors))
    return case


def _read_field(r: _Reader, case: Case, spec: FieldSpec | None, name: str, value) -> None:
    """Read one top-level field by its type in the field table."""
    if name == "options":
        _read_options(r, case, value)
    elif spec.type == "date":
        setattr(case, name, r.date(name, value))
    elif spec.type == "bool":
        if isinstance(value, bool):
            setattr(case, name, value)
        else:
            r.error(name, "not_a_boolean", f"{name}: expected true or false, found {_describe(value)}",
                    value=_describe(value))
    elif spec.type == "choice":
        _read_choice(r, case, spec, name, value)
    elif spec.type == "state":
        _read_state(r, case, value)
    else:  # date_list, date_range
        dates = r.date_list(name, value, allow_ranges=(name == "non_school_days"), allow_text=spec.type == "date_list")
        if dates is not None:
            setattr(case, name, sorted(set(dates)) if spec.type == "date_list" else dates)


def _read_choice(r: _Reader, case: Case, spec: FieldSpec, label: str, value) -> None:
    if value in spec.choices:
        setattr(case, spec.attribute, value)
    else:
        r.error(label, "not_a_choice", f"{label}: {_describe(value)} is not one of the choices; use "
                + " or ".join(f'"{c}"' for c in spec.choices), value=_describe(value), choices=list(spec.choices))


def _read_state(r: _Reader, case: Case, value) -> None:
    states = available_states()
    if isinstance(value, str) and value.upper() in states:
        case.state = value.upper()
        load_state(case.state)
        return
    r.error("state", "unknown_state", f"state: {_describe(value)} has no state pack here; use one of "
            f"{', '.join(states)}, or leave it out for federal holidays only", value=_describe(value), states=states)


def _read_options(r: _Reader, case: Case, value) -> None:
    if not isinstance(value, dict):
        r.error("options", "not_an_object", f"options: expected an object like "
                f"{{\"holiday_observance\": \"observed\"}}, found {_describe(value)}", found=_describe(value))
        return
    for key, choice in value.items():
        label = f"options.{key}"
        if key not in OPTION_FIELDS:
            r.error(label, "unknown_field", f"{label}: unknown option; the options are "
                    f"{', '.join(OPTION_FIELDS)}", known=list(OPTION_FIELDS))
        elif choice is not None:
            _read_choice(r, case, OPTION_FIELDS[key], label, choice)


# (field, must not be before this field, the words for that field)
_ORDER_RULES = (
    ("filed", "received", None),
    ("waiver_signed", "received", "the complaint was received"),
    ("mediation_started", "received", "the complaint was received"),
    ("meeting_held", "received", "the complaint was received"),
    ("no_agreement_possible", "received", "the complaint was received"),
    ("mediation_continued", "received", "the complaint was received"),
    ("amended_complaint", "received", "the complaint was received"),
    ("agreement_signed", "received", "the complaint was received"),
    ("sufficiency_challenge_received", "received", "the complaint was received"),
    ("decision_extended_to", "received", "the complaint was received"),
    ("mediation_withdrawn", "mediation_continued", "the parties agreed to continue mediation"),
)


def _check_contradictions(r: _Reader, case: Case) -> None:
    if case.filed and case.received and case.filed > case.received:
        r.error("filed", "filed_after_received", f"filed: {case.filed} is after received: {case.received}; a "
                "complaint cannot reach the other party before it is filed", filed=str(case.filed),
                received=str(case.received))
    for name, before, words in _ORDER_RULES:
        value, limit = getattr(case, name), getattr(case, before)
        if words and value and limit and value < limit:
            r.error(name, "before_" + before, f"{name}: {value} is before {words} ({before}: {limit}); "
                    "check both dates", value=str(value), limit=str(limit), other_field=before)
    if case.mediation_withdrawn and not case.mediation_continued:
        r.error("mediation_withdrawn", "withdrawn_without_continued", "mediation_withdrawn: given without "
                "mediation_continued; a party can only withdraw from mediation that both sides agreed in writing "
                "to continue after the 30-day period (34 CFR 300.510(c)(3))")
    if (case.mediation_continued or case.mediation_started) and "mediation" in case.given and not case.mediation:
        which = "mediation_continued" if case.mediation_continued else "mediation_started"
        r.error(which, "mediation_contradiction", f"{which}: a mediation date is given but mediation is false; "
                "set mediation to true or remove the date")
    hearing = case.hearing_dates
    for earlier, later in zip(hearing, hearing[1:]):
        if later < earlier:
            r.error("hearing_dates", "not_in_order", f"hearing_dates: list the dates first to last; {later} "
                    f"comes after {earlier}", earlier=str(earlier), later=str(later))
            break
    if hearing and case.received and hearing[0] < case.received:
        r.error("hearing_dates", "before_received", f"hearing_dates: {hearing[0]} is before the complaint was "
                f"received (received: {case.received}); check both dates", value=str(hearing[0]),
                limit=str(case.received), other_field="received")


# ---- Input limits (engine/limits.py holds the numbers; DESIGN.md section "Input limits") ----

def _list_within_limits(r: _Reader, name: str, value: list) -> bool:
    if len(value) <= limits.MAX_LIST_ITEMS:
        return True
    r.error(name, "too_many_items", f"{name}: {len(value):,} entries, more than {limits.MAX_LIST_ITEMS:,}; "
            "write a break as one range (FIRST..LAST) instead of day by day", count=len(value),
            limit=limits.MAX_LIST_ITEMS)
    return False


def _expanded_within_limits(r: _Reader, name: str, label: str, days: list) -> bool:
    """The cap on all ranges together (one range is capped at MAX_RANGE_DAYS; many could still be huge)."""
    if len(days) <= limits.MAX_NON_SCHOOL_DAYS:
        return True
    r.error(name, "too_many_days", f"{name}: the ranges up to {label} add up to more than "
            f"{limits.MAX_NON_SCHOOL_DAYS:,} days; list only the days school is closed during the case",
            entry=label, limit=limits.MAX_NON_SCHOOL_DAYS)
    return False


def _check_date_limits(r: _Reader, case: Case) -> None:
    """Every date between limits.FIRST_DATE and LAST_DATE, where the calendars are checked and no count overflows."""
    for spec in FIELDS:
        value = getattr(case, spec.attribute, None)
        dates = value if isinstance(value, list) else [value]
        for i, d in enumerate(dates):
            if isinstance(d, date) and not limits.date_in_range(d):
                label = f"{spec.name}[{i}]" if isinstance(value, list) and spec.type == "date_range" else spec.name
                r.error(spec.name, "date_out_of_range", f"{label}: {d.isoformat()} is outside the dates this "
                        f"calculator supports ({limits.range_words()})", value=d.isoformat(),
                        first=limits.FIRST_DATE.isoformat(), last=limits.LAST_DATE.isoformat())
