"""The one function the browser calls: JSON text in, JSON text out, never an exception.

Keeping the boundary to strings means one PyProxy call per calculation in
Pyodide and nothing Python-specific (or a traceback) ever reaches the page.
"""

from __future__ import annotations

import json

from . import compute
from .case import CaseError
from .ics import to_ics

ACTIONS = ("compute", "ics")


def _fail(code: str, message: str, field: str | None = None, **params) -> dict:
    return {"ok": False, "errors": [{"field": field, "code": code, "params": params, "message": message}]}


def respond(request) -> dict:
    """Answer one decoded request object (see DESIGN.md section 2)."""
    if not isinstance(request, dict) or request.get("action") not in ACTIONS:
        return _fail("bad_request", f"request: expected {{\"action\": one of {', '.join(ACTIONS)}, \"case\": {{...}}}}")
    try:
        result = compute(request.get("case", {}))
    except CaseError as err:
        return {"ok": False, "errors": [e.as_dict() for e in err.errors]}
    if request["action"] == "ics":
        return {"ok": True, "ics": to_ics(result, calendar_name=request.get("calendar_name"))}
    return {"ok": True, "result": result}


def handle(request_json: str) -> str:
    try:
        try:
            request = json.loads(request_json)
        except (TypeError, ValueError):
            return json.dumps(_fail("bad_request", "request: not valid JSON"))
        return json.dumps(respond(request))
    except Exception as err:  # the page must get an answer it can show, never a traceback
        return json.dumps(_fail("internal_error", "The calculator hit a problem it did not expect.",
                                kind=type(err).__name__))
