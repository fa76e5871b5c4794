"""Static facts about each deadline: its id, the law it comes from and how it counts.

This is the single source for citations: the site's timeline and glossary refer to
these ids, the engine fills in the dates. Keep it data, no logic.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DeadlineInfo:
    id: str
    citation: str
    counting: str  # "calendar", "business" or "school"
    days: int | None  # the number in the rule, None when it is a date someone sets
    anchor: str  # what the count starts from (a case field or event id)
    tracks: tuple[str, ...] = ("standard", "expedited")


DEADLINES: dict[str, DeadlineInfo] = {
    d.id: d
    for d in (
        DeadlineInfo("district_response_due", "34 CFR 300.508(e)", "calendar", 10, "received"),
        DeadlineInfo("other_party_response_due", "34 CFR 300.508(f)", "calendar", 10, "received"),
        DeadlineInfo("sufficiency_challenge_due", "34 CFR 300.508(d)(1)", "calendar", 15, "received"),
        DeadlineInfo("sufficiency_ruling_due", "34 CFR 300.508(d)(2)", "calendar", 5, "sufficiency_challenge_received"),
        DeadlineInfo("resolution_meeting_by", "34 CFR 300.510(a)(1)", "calendar", 15, "received"),
        DeadlineInfo("resolution_period_ends", "34 CFR 300.510(b)(1)", "calendar", 30, "received"),
        DeadlineInfo("hearing_timeline_starts", "34 CFR 300.510(b)(2)", "calendar", 31, "received", ("standard",)),
        DeadlineInfo("decision_due", "34 CFR 300.515(a)", "calendar", 45, "hearing_timeline_starts"),
        DeadlineInfo("agreement_void_until", "34 CFR 300.510(e)", "business", 3, "agreement_signed"),
        DeadlineInfo("disclosure_by", "34 CFR 300.512(b)(1)", "business", 5, "hearing_dates"),
        DeadlineInfo("hearing_must_occur_by", "34 CFR 300.532(c)(2)", "school", 20, "filed", ("expedited",)),
        DeadlineInfo("intervention_available_from", "34 CFR 300.510(b)(5)", "calendar", 16, "received", ("standard",)),
        DeadlineInfo("dismissal_request_available_from", "34 CFR 300.510(b)(4)", "calendar", 31, "received", ("standard",)),
        DeadlineInfo("filing_deadline", "34 CFR 300.507(a)(2)", "calendar", None, "knew_or_should_have_known"),
    )
}

# Expedited (discipline) hearings change some numbers and citations: 34 CFR 300.532(c).
EXPEDITED_OVERRIDES: dict[str, DeadlineInfo] = {
    "resolution_meeting_by": DeadlineInfo("resolution_meeting_by", "34 CFR 300.532(c)(3)(i)", "calendar", 7, "received"),
    "resolution_period_ends": DeadlineInfo("resolution_period_ends", "34 CFR 300.532(c)(3)(ii)", "calendar", 15, "received"),
    "decision_due": DeadlineInfo("decision_due", "34 CFR 300.532(c)(2)", "school", 10, "hearing_dates"),
}

DEADLINE_IDS: tuple[str, ...] = tuple(DEADLINES)


def info(deadline_id: str, track: str = "standard") -> DeadlineInfo:
    """The rule behind a deadline id on a track (expedited rules override standard)."""
    if track == "expedited" and deadline_id in EXPEDITED_OVERRIDES:
        return EXPEDITED_OVERRIDES[deadline_id]
    return DEADLINES[deadline_id]


# A count from "filed" uses the receipt date when no filing date is given (300.532(c)(2)).
ANCHOR_FALLBACK = {"filed": "received"}


def anchor_fields(deadline_id: str, track: str) -> list[str]:
    """The case fields a deadline counts from on a track, following anchors that are other deadlines."""
    anchor = info(deadline_id, track).anchor
    if anchor in DEADLINES:
        return anchor_fields(anchor, track)
    return [anchor] + ([ANCHOR_FALLBACK[anchor]] if anchor in ANCHOR_FALLBACK else [])


def needed_for(field_name: str) -> list[str]:
    """Deadline ids (catalog order) that count from this case field on either track."""
    return [d for d in DEADLINE_IDS
            if any(field_name in anchor_fields(d, t) for t in DEADLINES[d].tracks)]
