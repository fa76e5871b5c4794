"""The one renderer of a result's words, used by the command line, the calendar file and the browser.

The engine's result stays codes and data; this turns it into the sentences a family
reads, in one locale (words from resolution_guide/locales/<code>.json, falling back
to English). The shape of the returned dict is a contract: DESIGN.md section 2.
"""

from __future__ import annotations

from .words import Words

# Steps that list every counted day: shown in the business-day table, not among the reasons.
COUNTED_DAY_STEPS = ("count_day",)


def deadline_order(deadlines: dict) -> list[str]:
    """Deadline ids by date, undated last; equal dates keep the catalog order."""
    ids = list(deadlines)
    return sorted(ids, key=lambda k: (deadlines[k].get("date") is None, deadlines[k].get("date") or "",
                                      ids.index(k)))


def render_deadline(words: Words, deadline_id: str, d: dict) -> dict:
    """One deadline in words: name, date as people read it, how it counts, why, and closed-day advice."""
    closed_day = None
    if d.get("on_non_business_day") and d.get("last_business_day_on_or_before"):
        closed = next((s for s in d.get("reasons", []) if s.get("step") == "closed_day_no_roll_forward"), {})
        closed_day = words.say("closed_day", why=words.whys(closed.get("skipped", [])) or words.say("why", "weekend"),
                               date=words.date(d["last_business_day_on_or_before"]))
    not_computable = d.get("not_computable_reason")
    status = d.get("status")
    days_left = d.get("days_left")
    return {
        "name": words.deadline(deadline_id),
        "date": words.date(d["date"]) if d.get("date") else None,
        "counting": words.say("counting", d.get("counting", "")),
        "reasons": [words.step(s) for s in d.get("reasons", []) if s.get("step") not in COUNTED_DAY_STEPS],
        # business- or school-day counts day by day (the agreement calculator's table); [] for calendar counts
        "count": [{"counted": s["step"] == "count_day", "text": words.step(s)} for s in d.get("reasons", [])
                  if s.get("step") in ("count_day", "skip_day", "skip_days")]
        if any(s.get("step") == "count_day" for s in d.get("reasons", [])) else [],
        "closed_day": closed_day,
        "not_computable": words.say("not_computable", not_computable) if not_computable else None,
        "status": _status_text(words, d) if status else None,
        # a moot date is never presented as current: no "in 3 days" beside "No longer applies"
        "days_left": words.say("days_left", _days_left_key(days_left), count=abs(days_left))
        if isinstance(days_left, int) and status != "no_longer_applies" else None,
    }


def _days_left_key(days: int) -> str:
    return "today" if days == 0 else ("future" if days > 0 else "past")


def _status_text(words: Words, d: dict) -> str:
    """"Done in time: The meeting was held on Tue, Mar 10, 2026." (the status, then why, when known)."""
    status = words.say("status", d["status"])
    reason = d.get("status_reason") or {}
    if not reason.get("code"):
        return status
    text = words.say("status_reasons", reason["code"], **words.dated(reason.get("params") or {}))
    return words.say("status_with_reason", status=status, reason=text)


def render_attendance(words: Words, a: dict) -> dict:
    """Who must and may come, the district's lawyer, fees and confidentiality, in words with citations."""
    def item(entry: dict) -> dict:
        return {"who": entry["who"], "text": words.say("attendance", entry["who"]), "citation": entry["citation"]}

    lawyer = next((e for e in a.get("may_attend", []) if e["who"] == "district_attorney"), None)
    key = {True: "yes", False: "no"}.get(lawyer["allowed"], "if") if lawyer else "if"
    return {
        "must_attend": [item(e) for e in a.get("must_attend", [])],
        "may_attend": [item(e) for e in a.get("may_attend", []) if e.get("allowed") is not False],
        "district_attorney": {"allowed": lawyer["allowed"] if lawyer else None,
                              "text": words.say("attendance", "district_attorney_" + key),
                              "citation": lawyer["citation"] if lawyer else None},
        "fees": {"text": words.say("attendance", "fees"),
                 "citation": a["attorney_fees_for_meeting_recoverable"]["citation"]},
        "confidential": {"text": words.say("attendance", "not_confidential"),
                         "citation": a["confidential"]["citation"]},
        "mediation_confidential": {"text": words.say("attendance", "mediation_confidential"),
                                   "citation": a["mediation_confidential"]["citation"]},
    }


def render_next_step(words: Words, step: dict) -> dict:
    params = words.dated(step.get("params") or {})
    return {
        "code": step["code"],
        "text": words.say("next_steps", step["code"], citation=step.get("citation", ""), **params),
        "date": words.date(step["date"]) if step.get("date") else None,
        "days_left": words.say("days_left", _days_left_key(step["days_left"]), count=abs(step["days_left"]))
        if isinstance(step.get("days_left"), int) else None,
        "who": words.say("who", step["who"]) if step.get("who") else None,
    }


def render_result(result: dict, locale: str = "en") -> dict:
    """Every word of a result, in `locale` (fallback English). See DESIGN.md section 2 for the shape."""
    words = Words(locale)
    required = result.get("resolution_meeting_required")
    deadlines = result.get("deadlines", {})
    return {
        "meeting_required": {
            "answer": words.say("answers", "true" if required else "false") if required is not None else None,
            "reasons": [words.say("meeting_reasons", r["code"], citation=r["citation"])
                        for r in result.get("resolution_meeting_reasons", [])],
        },
        "deadlines": {k: render_deadline(words, k, d) for k, d in deadlines.items()},
        "order": deadline_order(deadlines),
        "assumptions": [dict(zip(("title", "reading", "alternative"), words.assumption(a)), id=a["id"],
                             citation=a["citation"]) for a in result.get("assumptions", [])],
        "warnings": [{"field": w.get("field"), "code": w["code"], "text": words.warning(w)}
                     for w in result.get("warnings", [])],
        "attendance": render_attendance(words, result["attendance"]) if result.get("attendance") else None,
        "next_steps": [render_next_step(words, s) for s in result.get("next_steps", [])],
    }


def render_errors(errors: list[dict], locale: str = "en") -> list[dict]:
    """Errors with `message` in the locale when it has a sentence for the code, else the engine's English."""
    if locale == "en":
        return errors
    words = Words(locale)
    own = words.chain[0]
    out = []
    for e in errors:
        text = own.get("errors", {}).get(e["code"]) if isinstance(own.get("errors"), dict) else None
        if isinstance(text, str):
            params = dict(e.get("params") or {})
            params["field"] = words.field(e["field"]) if e.get("field") else ""
            e = {**e, "message": words.say("errors", e["code"], **params)}
        out.append(e)
    return out
