"""Where the case stands: each date's status and days left, and what the family can do next.

Codes and data only (words in the locale files). A date the facts made moot stays in
the result, marked `no_longer_applies`, so no two dates shown contradict each other.
"""

from __future__ import annotations

from datetime import date

from .case import Case
from .rules import on_track

STATUSES = ("upcoming", "today", "passed", "open", "met", "no_longer_applies")


def _met(case: Case, deadline_id: str, day: date) -> dict | None:
    """The step a deadline asks for happened in time, as {code, params}; None if not (or not known)."""
    held = case.since_restart("meeting_held")
    if deadline_id == "resolution_meeting_by" and held and held <= day:
        return {"code": "meeting_held", "params": {"date": held.isoformat()}}
    if deadline_id == "sufficiency_challenge_due" and case.sufficiency_challenge_received \
            and case.sufficiency_challenge_received <= day:
        return {"code": "challenge_received", "params": {"date": case.sufficiency_challenge_received.isoformat()}}
    if deadline_id == "hearing_must_occur_by" and case.hearing_dates and case.hearing_dates[0] <= day:
        return {"code": "hearing_held", "params": {"date": case.hearing_dates[0].isoformat()}}
    complaint = case.filed or case.received
    if deadline_id == "filing_deadline" and complaint and complaint <= day:
        return {"code": "complaint_filed", "params": {"date": complaint.isoformat()}}
    return None


def add_statuses(case: Case, deadlines: dict, moot: dict[str, dict]) -> None:
    """Fill `status`, `status_reason` and `days_left` on every deadline (null where nothing is known)."""
    today = case.today
    rules = on_track(case.track)
    for deadline_id, d in deadlines.items():
        day = date.fromisoformat(d["date"]) if d["date"] else None
        d["days_left"] = (day - today).days if day and today else None
        status, reason = None, None
        if deadline_id in moot:
            status, reason = "no_longer_applies", moot[deadline_id]
        elif day and (reason := _met(case, deadline_id, day)):
            status = "met"
        elif day and today:
            first_day = rules.get(deadline_id) and rules[deadline_id].is_starting_date
            left = d["days_left"]
            if first_day:
                status = "open" if left <= 0 else "upcoming"
            else:
                status = "upcoming" if left > 0 else ("today" if left == 0 else "passed")
        d["status"] = status
        d["status_reason"] = reason


# next step code -> (deadline it follows, who acts, citation or None for the deadline's own)
NEXT_STEPS = {
    "meeting_invitation": ("resolution_meeting_by", "district", "34 CFR 300.510(a)(1)"),
    "ask_hearing_officer": ("intervention_available_from", "parent", "34 CFR 300.510(b)(5)"),
    "decide_agreement": ("agreement_void_until", "either", "34 CFR 300.510(e)"),
    "share_evidence": ("disclosure_by", "either", "34 CFR 300.512(a)(3), (b)"),
    "prepare_for_hearing": ("hearing_timeline_starts", "either", "34 CFR 300.512(a)(3), (b)"),
    "hearing_clock": ("hearing_timeline_starts", "hearing_officer", None),  # None: the deadline's own citation
    "expedited_hearing": ("hearing_must_occur_by", "hearing_officer", "34 CFR 300.532(c)(2)"),
    "file_complaint": ("filing_deadline", "parent", "34 CFR 300.507(a)(2); 300.511(e)"),
}


def next_steps(case: Case, deadlines: dict) -> list[dict]:
    """What the family can or must do next, sorted by date (undated last); past steps are left out."""
    out: list[dict] = []

    def live(deadline_id: str) -> dict | None:
        d = deadlines.get(deadline_id)
        if not d or d["status"] in ("no_longer_applies", "met"):
            return None
        if d["status"] in ("passed",):
            return None
        return d

    def add(code: str, dated: bool = True, **params) -> None:
        deadline_id, who, citation = NEXT_STEPS[code]
        d = (deadlines.get(deadline_id) or {}) if dated else {}
        out.append({"code": code, "date": d.get("date"), "deadline": deadline_id, "days_left": d.get("days_left"),
                    "who": who, "citation": citation or deadlines[deadline_id]["citation"], "params": params})

    if live("resolution_meeting_by") and not case.since_restart("meeting_held"):
        add("meeting_invitation")
    intervention = deadlines.get("intervention_available_from")
    if intervention and intervention["status"] not in ("no_longer_applies",) and \
            not case.since_restart("meeting_held"):
        add("ask_hearing_officer")
    if live("agreement_void_until"):
        add("decide_agreement")
    if live("disclosure_by"):
        add("share_evidence", hearing=case.hearing_dates[0].isoformat())
    elif not case.hearing_dates and _clock_running(deadlines):
        add("prepare_for_hearing", dated=False)
    start = deadlines.get("hearing_timeline_starts")
    decision = deadlines.get("decision_due")
    if start and start["date"] and start["status"] != "no_longer_applies" and decision and decision["date"] \
            and decision["status"] not in ("passed", "no_longer_applies"):
        add("hearing_clock", decision=decision["date"], decision_citation=decision["citation"])
    if live("hearing_must_occur_by"):
        add("expedited_hearing")
    if live("filing_deadline") and not (case.received or case.filed):
        add("file_complaint")
    out.sort(key=lambda s: (s["date"] is None, s["date"] or ""))
    return out


def _clock_running(deadlines: dict) -> bool:
    """A dated hearing timeline that still applies: the hearing is ahead, so evidence will be due."""
    start = deadlines.get("hearing_timeline_starts")
    return bool(start and start["date"] and start["status"] != "no_longer_applies")
