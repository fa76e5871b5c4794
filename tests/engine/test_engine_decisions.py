"""The non-date answers: is a meeting required and why, who attends, fees, confidentiality, warnings."""

from __future__ import annotations

import json

import pytest

from resolution_guide.engine import CaseError, compute

R = "2026-03-02"


@pytest.mark.parametrize("case, required, citation", [
    ({"received": R}, True, "34 CFR 300.510(a)(1)"),
    ({"received": R, "waiver_signed": "2026-03-04"}, False, "34 CFR 300.510(a)(3)(i)"),
    ({"received": R, "mediation": True}, False, "34 CFR 300.510(a)(3)(ii)"),
    ({"received": R, "filed_by": "district"}, False, "34 CFR 300.510(a)(1)"),
    ({"received": R, "track": "expedited", "waiver_signed": "2026-03-03"}, False, "34 CFR 300.532(c)(3)"),
    ({"received": R, "track": "expedited", "mediation": True}, False, "34 CFR 300.532(c)(3)"),
], ids=["parent filed", "written waiver", "mediation", "district filed", "expedited waiver", "expedited mediation"])
def test_meeting_required_with_the_rule_that_decides_it(case, required, citation):
    """300.510(a)(1) and (a)(3); 300.532(c)(3) for expedited hearings."""
    result = compute(case)
    assert result["resolution_meeting_required"] is required
    cited = [r["citation"] for r in result["resolution_meeting_reasons"]]
    assert any(c.startswith(citation) for c in cited), cited
    assert all(r.get("code") for r in result["resolution_meeting_reasons"])


def test_non_participation_does_not_stop_the_clock_when_mediation_replaces_the_meeting():
    """300.510(b)(3) applies "except where the parties have jointly agreed ... to use mediation": the
    decision stays R+75 = 2026-05-16."""
    d = compute({"received": R, "mediation": True, "parent_did_not_participate": True})["deadlines"]
    assert d["decision_due"]["date"] == "2026-05-16"


def _who(items: list, who: str) -> dict:
    return next(i for i in items if i.get("who") == who)


@pytest.mark.parametrize("parent_attorney, allowed", [(True, True), (False, False)])
def test_district_attorney_only_if_the_parent_brings_one(parent_attorney, allowed):
    """300.510(a)(1)(ii): the meeting may not include the district's attorney unless the parent brings one."""
    attendance = compute({"received": R, "parent_brings_attorney": parent_attorney})["attendance"]
    district_attorney = _who(attendance["may_attend"], "district_attorney")
    assert district_attorney["allowed"] is allowed
    assert district_attorney["citation"] == "34 CFR 300.510(a)(1)(ii)"


def test_fees_and_confidentiality_are_answered_with_their_rules():
    """300.517(c)(2)(iii): no attorney fees for the meeting; nothing in 300.510 makes it confidential;
    mediation is confidential (300.506(b)(8))."""
    attendance = compute({"received": R})["attendance"]
    text = json.dumps(attendance)
    assert "34 CFR 300.517(c)(2)(iii)" in text
    assert "300.506(b)" in text
    assert "34 CFR 300.510(a)(1)(i)" in text  # a representative with decision-making authority must attend


def test_state_holiday_data_outside_its_years_is_warned_about():
    """A Texas business-day count in 2031, past the years the Texas pack covers, gets a warning."""
    assert compute({"agreement_signed": "2026-06-02", "state": "TX"})["warnings"] == []
    assert compute({"agreement_signed": "2031-06-02", "state": "TX"})["warnings"]


def test_result_echoes_the_normalized_case():
    """DESIGN.md section 2: `case` is what was used, with defaults filled in."""
    case = compute({"received": R})["case"]
    assert case["received"] == R and case["filed_by"] == "parent" and case["track"] == "standard"
    assert case["options"] == {"holiday_observance": "observed", "receipt_day": "day0", "school_holidays": "closed"}


def test_an_extension_to_a_date_before_the_decision_date_is_reported():
    """300.515(c) grants extensions of time "beyond the periods" of 300.515(a). An extension to 2026-04-01,
    before the decision would be due (R+75 = 2026-05-16), is a contradiction: the issue asks that
    contradictions be reported (an error or a warning naming decision_extended_to), not silently used."""
    case = {"received": R, "decision_extended_to": "2026-04-01"}
    try:
        result = compute(case)
    except CaseError as err:
        assert "decision_extended_to" in {e.field for e in err.errors}
        return
    assert "decision_extended_to" in {w["field"] for w in result["warnings"]}, result["warnings"]
