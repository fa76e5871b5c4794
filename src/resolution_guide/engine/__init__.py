"""The rules engine: one case in, every date and decision out, as data with citations.

Pure standard library so the same code runs in CPython, in the tests and in
Pyodide in the browser. Words are not made here: see resolution_guide/locales.
"""

from __future__ import annotations

from .calendars import Calendar, load_state
from .case import Case, CaseError, FieldError, parse_case
from .catalog import DEADLINE_IDS, DEADLINES
from .deadlines import DeadlineBuilder
from .decisions import attendance, meeting_required
from .status import add_statuses, next_steps

__all__ = ["compute", "compute_case", "parse_case", "Case", "CaseError", "FieldError", "DEADLINE_IDS", "DEADLINES"]


def calendar_for(case: Case) -> Calendar:
    return Calendar(
        observance=case.holiday_observance,
        state=load_state(case.state) if case.state else None,
        replace_holidays=frozenset(case.holidays) if case.holidays is not None else None,
        extra_holidays=frozenset(case.extra_holidays),
        non_school_days=frozenset(case.non_school_days),
        school_calendar_complete=case.school_holidays == "as_listed",
    )


def compute_case(case: Case) -> dict:
    """All results for an already-checked case."""
    required, reasons = meeting_required(case)
    builder = DeadlineBuilder(case, calendar_for(case), required)
    builder.run()
    ordered = {k: builder.deadlines[k] for k in DEADLINE_IDS if k in builder.deadlines}
    add_statuses(case, ordered, builder.moot_reasons)
    return {
        "resolution_meeting_required": required,
        "resolution_meeting_reasons": reasons,
        "deadlines": ordered,
        "assumptions": list(builder.assumptions.values()),
        "warnings": builder.warnings,
        "next_steps": next_steps(case, ordered),
        "attendance": attendance(case, case.parent_brings_attorney),
        "case": case.as_dict(),
    }


def compute(raw_case: dict) -> dict:
    """Check a case object (as decoded from JSON) and compute everything; raises CaseError."""
    return compute_case(parse_case(raw_case))
