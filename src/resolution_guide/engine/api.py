"""The one function the browser calls: JSON text in, JSON text out, never an exception.

Keeping the boundary to strings means one PyProxy call per calculation in
Pyodide and nothing Python-specific (or a traceback) ever reaches the page.
`describe` tells a form which questions exist and when they apply, so no rule is
written a second time in YAML, templates or JavaScript.
"""

from __future__ import annotations

import json

from . import compute, letters, limits
from .calendars import available_states, load_state
from .case import FIELDS, CaseError
from .catalog import DEADLINE_IDS, needed_for
from .ics import to_ics
from .render import render_errors, render_result

ACTIONS = ("compute", "ics", "describe", "letter")

# The one warm-up calculation a runtime makes before it says "ready" (it touches the state
# pack, the locale file, business and calendar counting, the renderer and the calendar file).
WARM_UP_REQUEST = {"action": "compute", "locale": "en", "case": {
    "received": "2026-07-01", "hearing_dates": ["2026-09-14"], "agreement_signed": "2026-07-02", "state": "CA",
    "today": "2026-07-10"}}

INTERNAL_ERROR = {"ok": False, "errors": [{"field": None, "code": "internal_error", "params": {},
                                           "message": "The calculator hit a problem it did not expect."}]}


def describe(locale: str = "en") -> dict:
    """Every case field with its type, choices, when it applies and which deadlines need it.

    No question wording here: labels live in the calculators' word files. `locale` is
    accepted for the states' names in a later translation; today they come from the packs.
    """
    codes = available_states()
    fields = []
    for spec in FIELDS:
        entry: dict = {"name": spec.name, "type": spec.type, "kind": spec.kind, "topic": spec.topic}
        if spec.type == "choice":
            entry["choices"] = list(spec.choices)
            entry["default"] = spec.default
        elif spec.type == "state":
            entry["choices"] = [""] + codes
            entry["default"] = ""
        elif spec.type == "bool" and spec.default is not None:
            entry["default"] = spec.default
        entry["applies_if"] = dict(spec.applies_if)
        if spec.applies_if and spec.citation:
            entry["citation"] = spec.citation
        entry["needed_for"] = needed_for(spec.name)
        fields.append(entry)
    # parent_center: the state's parent center when its pack names one (the results' "Help near you").
    states = sorted(({"code": c, "name": load_state(c).name,
                      **({"parent_center": load_state(c).parent_center} if load_state(c).parent_center else {})}
                     for c in codes), key=lambda s: s["name"])
    return {"fields": fields, "states": states, "deadlines": list(DEADLINE_IDS)}


def _fail(code: str, message: str, field: str | None = None, **params) -> dict:
    return {"ok": False, "errors": [{"field": field, "code": code, "params": params, "message": message}]}


def respond(request) -> dict:
    """Answer one decoded request object (see DESIGN.md section 2)."""
    if not isinstance(request, dict) or request.get("action") not in ACTIONS:
        return _fail("bad_request", f"request: expected {{\"action\": one of {', '.join(ACTIONS)}, \"case\": {{...}}}}")
    locale = request.get("locale", "en")
    if not isinstance(locale, str) or not locale.replace("-", "").replace("_", "").isalnum():
        return _fail("bad_request", "request: \"locale\" must be a language code such as \"en\"", field="locale")
    if request["action"] == "describe":
        return {"ok": True, "describe": describe(locale)}
    if request["action"] == "letter":
        return letters.respond(request)
    try:
        result = compute(request.get("case", {}))
    except CaseError as err:
        return {"ok": False, "errors": render_errors([e.as_dict() for e in err.errors], locale)}
    if request["action"] == "ics":
        name = request.get("calendar_name")
        if name is not None and (not isinstance(name, str) or len(name) > limits.MAX_NAME_CHARS):
            return _fail("bad_calendar_name", f"calendar_name: expected a name as text of at most "
                         f"{limits.MAX_NAME_CHARS} characters, such as \"Due process dates\"", field="calendar_name",
                         limit=limits.MAX_NAME_CHARS)
        return {"ok": True, "ics": to_ics(result, calendar_name=name, locale=locale)}
    return {"ok": True, "result": result, "text": render_result(result, locale)}


def handle(request_json: str) -> str:
    try:
        try:
            request = limits.read_json(request_json)
        except limits.InputError as err:  # too large, too deep, duplicate keys, not JSON
            return json.dumps({"ok": False, "errors": [err.as_dict()]})
        return json.dumps(respond(request))
    except Exception:  # the page must get an answer it can show, never a traceback (RecursionError too)
        return json.dumps(INTERNAL_ERROR)
