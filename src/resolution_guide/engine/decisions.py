"""Yes/no answers of the resolution process, each with the rule that decides it."""

from __future__ import annotations

from .case import Case


def meeting_required(case: Case) -> tuple[bool, list[dict]]:
    """Whether the district must hold a resolution meeting, and why (34 CFR 300.510(a), 300.532(c)(3))."""
    expedited = case.track == "expedited"
    reasons: list[dict] = []
    if case.filed_by == "district":
        reasons.append({"code": "district_filed", "citation": "34 CFR 300.510(a)(1)"})
    if case.since_restart("waiver_signed"):
        reasons.append({"code": "written_waiver",
                        "citation": "34 CFR 300.532(c)(3)" if expedited else "34 CFR 300.510(a)(3)(i)"})
    if case.mediation or case.mediation_started or case.mediation_continued:
        reasons.append({"code": "mediation_instead",
                        "citation": "34 CFR 300.532(c)(3)" if expedited else "34 CFR 300.510(a)(3)(ii)"})
    if reasons:
        return False, reasons
    return True, [{"code": "parent_filed_no_exception",
                   "citation": "34 CFR 300.532(c)(3)(i)" if expedited else "34 CFR 300.510(a)(1)"}]


def attendance(case: Case, parent_brings_attorney: bool | None) -> dict:
    """Who must and who may come to the meeting, the lawyer rule, fees and confidentiality."""
    if parent_brings_attorney is None:
        district_attorney = None
    else:
        district_attorney = bool(parent_brings_attorney)
    return {
        "must_attend": [
            {"who": "parent", "citation": "34 CFR 300.510(a)(1)"},
            {"who": "district_decision_maker", "citation": "34 CFR 300.510(a)(1)(i)"},
            {"who": "relevant_iep_team_members", "citation": "34 CFR 300.510(a)(1), (a)(4)"},
        ],
        "may_attend": [
            {"who": "parent_attorney", "allowed": True, "citation": "34 CFR 300.510(a)(1)(ii)"},
            {"who": "district_attorney", "allowed": district_attorney,
             "condition": "only_if_parent_brings_attorney", "citation": "34 CFR 300.510(a)(1)(ii)"},
            {"who": "people_the_parent_invites", "allowed": True, "citation": "34 CFR 300.510(a)",
             "assumption": "others_may_attend"},
        ],
        "iep_members_chosen_by": {"who": "parent_and_district_together", "citation": "34 CFR 300.510(a)(4)"},
        "attorney_fees_for_meeting_recoverable": {"value": False, "citation": "34 CFR 300.517(c)(2)(iii)"},
        "confidential": {"value": False, "unless": "both_sign_confidentiality_agreement",
                         "citation": "34 CFR 300.510"},
        "mediation_confidential": {"value": True, "citation": "34 CFR 300.506(b)(6), (b)(8)"},
        "parent_brings_attorney": parent_brings_attorney,
    }
