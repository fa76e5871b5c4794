"""Every letter filled for worked cases: the dates a person would check by hand on a calendar, the
citations, the blanks, and no placeholder left. Missing facts fail with the field named."""

from __future__ import annotations

import re

import pytest

from resolution_guide.engine import CaseError
from resolution_guide.engine.letters import LetterError, available, fill, needs, preview, respond

BLANK = "____________"

# Worked by hand (2026 calendar):
# - received Wed 2026-06-03: meeting by +15 = Thu 2026-06-18 (34 CFR 300.510(a)(1));
#   the hearing officer may be asked from the next day, Fri 2026-06-19 (Juneteenth: a date when
#   something becomes possible is not moved); the 30-day period ends +30 = Fri 2026-07-03.
# - agreement signed Wed 2026-11-25: business days after it are Fri 11-27 (Thu 11-26 is
#   Thanksgiving), Mon 11-30, Tue 12-01 -> last day to cancel Tue 2026-12-01. With Texas, Fri
#   11-27 is a state holiday too, so Mon 11-30, Tue 12-01, Wed 12-02 -> Wed 2026-12-02.
CASE = {"received": "2026-06-03", "agreement_signed": "2026-11-25"}
# A signed agreement makes the intervention date moot (it no longer applies while the agreement
# stands), so the letters that ask for a hearing are worked on the case before any agreement.
BEFORE_AGREEMENT = {"received": "2026-06-03"}
CASE_FOR = {"hearing_officer_intervention": BEFORE_AGREEMENT}
EXPECTED = {
    "cancel_agreement": ["Wednesday, November 25, 2026", "Tuesday, December 1, 2026"],
    "move_meeting": ["Wednesday, June 3, 2026", "Thursday, June 18, 2026"],
    "lawyer_and_attendees": ["Thursday, June 18, 2026"],
    "records_request": ["Thursday, June 18, 2026"],
    "interpreter": ["Thursday, June 18, 2026"],
    "hearing_officer_intervention": ["Wednesday, June 3, 2026", "Thursday, June 18, 2026", "Friday, June 19, 2026"],
    "confidentiality_agreement": ["Wednesday, June 3, 2026"],
    "waive_meeting": ["Wednesday, June 3, 2026"],
    "no_agreement_possible": ["Wednesday, June 3, 2026", "Friday, July 3, 2026"],
}
# The rules each letter must state to the reader (issue 11).
REQUIRED_CITES = {
    "cancel_agreement": ["34 CFR 300.510(e)"],
    "move_meeting": ["34 CFR 300.510(a)(1)"],
    "lawyer_and_attendees": ["34 CFR 300.510(a)(1)(i)", "34 CFR 300.510(a)(1)(ii)", "34 CFR 300.510(a)(4)"],
    "records_request": ["34 CFR 300.613(a)"],
    "interpreter": ["34 CFR 300.322(e)"],
    "hearing_officer_intervention": ["34 CFR 300.510(b)(5)"],
    "confidentiality_agreement": ["71 FR 46540"],
    "waive_meeting": ["34 CFR 300.510(a)(3)(i)", "34 CFR 300.510(c)(1)"],
    "no_agreement_possible": ["34 CFR 300.510(c)(2)"],
}


def test_the_issue_letters_are_all_there(pack):
    assert sorted(letter["id"] for letter in pack["letters"]) == sorted(EXPECTED)


@pytest.mark.parametrize("letter_id", sorted(EXPECTED))
def test_letter_filled_with_dates_citations_and_blanks(pack, letter_id):
    letter = fill(pack, letter_id, CASE_FOR.get(letter_id, CASE))
    text = letter["text"]
    for day in EXPECTED[letter_id]:
        assert day in text, f"{day} not in {letter_id}:\n{text}"
    for citation in REQUIRED_CITES[letter_id]:
        assert citation in text
        assert citation in letter["citations"]
    assert "{" not in text and "}" not in text
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", text), "an ISO date was left for a person to read"
    assert BLANK in text
    assert text == "\n\n".join("\n".join(block) for block in letter["blocks"]) + "\n"


def test_both_sides_sign_the_waiver_and_the_no_agreement_statement(pack):
    for letter_id in ("waive_meeting", "no_agreement_possible", "confidentiality_agreement"):
        text = fill(pack, letter_id, CASE)["text"]
        assert "Signed by the parent:" in text and "Signed for the school district" in text
        assert text.count("Signature: " + BLANK) == 2
    assert fill(pack, "cancel_agreement", CASE)["text"].count("Signature: " + BLANK) == 1


def test_state_holidays_change_the_cancel_date(pack):
    text = fill(pack, "cancel_agreement", {**CASE, "state": "TX"})["text"]
    assert "Wednesday, December 2, 2026" in text and "Tuesday, December 1, 2026" not in text


def test_expedited_case_uses_the_seven_day_meeting(pack):
    # Expedited: meeting within 7 days of receipt (34 CFR 300.532(c)(3)(i)): Wed 06-03 + 7 = Wed 06-10.
    expedited = {"received": "2026-06-03", "track": "expedited"}
    for letter_id in ("lawyer_and_attendees", "records_request", "interpreter"):
        assert "Wednesday, June 10, 2026" in fill(pack, letter_id, expedited)["text"]


def test_letters_that_state_the_usual_path_rules_refuse_an_expedited_case(pack):
    # their words say 15 days, 30 days or the 45-day clock, which the fast path does not use
    for letter_id in ("move_meeting", "hearing_officer_intervention", "waive_meeting", "no_agreement_possible"):
        with pytest.raises(LetterError) as info:
            fill(pack, letter_id, {"received": "2026-06-03", "track": "expedited"})
        assert [(e.field, e.code) for e in info.value.errors] == [("track", "letter_not_for_track")]


def test_open_dates_tell_the_calculators_when_to_offer_a_letter(pack):
    assert fill(pack, "cancel_agreement", CASE)["open_until"] == "2026-12-01"
    assert fill(pack, "hearing_officer_intervention", BEFORE_AGREEMENT)["open_from"] == "2026-06-19"
    with pytest.raises(LetterError) as info:  # the agreement made the intervention date moot
        fill(pack, "hearing_officer_intervention", CASE)
    assert [(e.field, e.code) for e in info.value.errors] == [("intervention_available_from",
                                                              "letter_date_not_available")]
    assert fill(pack, "confidentiality_agreement", CASE)["open_from"] is None


def test_needs_come_from_the_placeholders(pack):
    letters = {letter["id"]: letter for letter in pack["letters"]}
    assert needs(letters["cancel_agreement"]) == {"fields": ["agreement_signed"], "deadlines": ["agreement_void_until"]}
    assert needs(letters["move_meeting"])["fields"] == ["received"]
    assert pack["letters"][0]["needs"] == needs(letters[pack["letters"][0]["id"]])


def test_a_missing_fact_names_its_field(pack):
    with pytest.raises(LetterError) as info:
        fill(pack, "cancel_agreement", {"received": "2026-06-03"})
    (error,) = info.value.errors
    assert error.field == "agreement_signed" and error.code == "letter_needs_field"
    assert error.message.startswith("agreement_signed: ")
    assert '"agreement_signed": "2026-03-02"' in error.message


def test_every_fact_missing_is_reported_at_once(pack):
    with pytest.raises(LetterError) as info:
        fill(pack, "hearing_officer_intervention", {})
    assert [e.field for e in info.value.errors] == ["received"]


def test_a_date_the_case_does_not_have_is_named(pack):
    with pytest.raises(LetterError) as info:
        fill(pack, "move_meeting", {"received": "2026-06-03", "filed_by": "district"})
    assert [e.field for e in info.value.errors] == ["resolution_meeting_by"]
    assert info.value.errors[0].code == "letter_date_not_available"


def test_no_intervention_letter_when_the_meeting_was_held_in_time(pack):
    with pytest.raises(LetterError) as info:
        fill(pack, "hearing_officer_intervention", {"received": "2026-06-03", "meeting_held": "2026-06-10"})
    assert [e.field for e in info.value.errors] == ["intervention_available_from"]
    # held late: the parent may still ask
    late = fill(pack, "hearing_officer_intervention", {"received": "2026-06-03", "meeting_held": "2026-06-25"})
    assert "Friday, June 19, 2026" in late["text"]


def test_a_bad_case_is_a_case_error(pack):
    with pytest.raises(CaseError) as info:
        fill(pack, "move_meeting", {"received": "2026-02-30"})
    assert info.value.errors[0].field == "received"


def test_an_unknown_letter_lists_the_names(pack):
    with pytest.raises(LetterError) as info:
        fill(pack, "cancel", CASE)
    message = info.value.errors[0].message
    assert info.value.errors[0].field == "letter"
    for letter_id in EXPECTED:
        assert letter_id in message


def test_available_lists_what_each_letter_still_needs(pack):
    rows = {row["id"]: row for row in available(pack, {"received": "2026-06-03"})}
    assert rows["move_meeting"] == {"id": "move_meeting", "title": "Ask to move the meeting", "ready": True,
                                    "missing": []}
    assert rows["cancel_agreement"]["ready"] is False
    assert rows["cancel_agreement"]["missing"] == ["agreement_signed"]


def test_preview_has_blanks_and_no_placeholders(pack):
    for letter in pack["letters"]:
        text = preview(pack, letter["id"])
        assert "{" not in text and BLANK in text
    assert "____________ (Last day to cancel the agreement)" in preview(pack, "cancel_agreement")


def test_browser_action(pack):
    import json

    pack = json.loads(json.dumps(pack))  # what the page embeds, as the browser sends it
    answer = respond({"action": "letter", "pack": pack, "case": CASE, "letter": "cancel_agreement"})
    assert answer["ok"] and "Tuesday, December 1, 2026" in answer["letter"]["text"]
    assert json.loads(json.dumps(answer)) == answer
    listing = respond({"action": "letter", "pack": pack, "case": CASE})
    assert [row["id"] for row in listing["letters"]] == [letter["id"] for letter in pack["letters"]]
    bad = respond({"action": "letter", "pack": pack, "case": {"received": "x"}, "letter": "move_meeting"})
    assert bad["ok"] is False and bad["errors"][0]["field"] == "received"
    missing = respond({"action": "letter", "pack": pack, "case": {}, "letter": "cancel_agreement"})
    assert missing["errors"][0]["code"] == "letter_needs_field"
    assert respond({"action": "letter", "case": CASE})["errors"][0]["field"] == "pack"
