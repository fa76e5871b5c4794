"""`engine.api.describe`: the engine describes its own questions (DESIGN.md section 2, contract)."""

from __future__ import annotations

import pytest

from resolution_guide.engine import DEADLINE_IDS, compute
from resolution_guide.engine.api import describe
from resolution_guide.engine.calendars import available_states
from resolution_guide.engine.case import KNOWN_FIELDS, CaseError

TYPES = {"date", "bool", "choice", "state", "date_list", "date_range"}
KINDS = {"fact", "option", "device"}
TOPICS = {"basics", "meeting", "mediation", "agreement", "hearing", "filing", "calendar", "options"}
SAMPLE = {"date": "2026-03-10", "bool": True, "date_list": ["2026-03-10"], "date_range": ["2026-04-20"]}


@pytest.fixture(scope="module")
def d():
    return describe("en")


def by_name(d):
    return {f["name"]: f for f in d["fields"]}


def test_every_field_the_case_reader_knows_is_described_once(d):
    names = [f["name"] for f in d["fields"]]
    assert len(names) == len(set(names))
    top = {n for n in names if not n.startswith("options.")}
    assert top | {"options"} == set(KNOWN_FIELDS)
    assert all(f["type"] in TYPES and f["kind"] in KINDS and f["topic"] in TOPICS for f in d["fields"])


def test_each_described_choice_is_accepted_and_anything_else_refused(d):
    """The choices come from the table the parser uses: every listed one is read, an unlisted one refused."""
    for f in d["fields"]:
        if f["type"] not in ("choice", "state"):
            continue
        for choice in f["choices"]:
            case = _case_with(f["name"], choice or None)
            compute(case)
        with pytest.raises(CaseError) as err:
            compute(_case_with(f["name"], "not-a-choice"))
        assert err.value.errors[0].field == f["name"]


def _case_with(name: str, value) -> dict:
    if name.startswith("options."):
        return {"received": "2026-03-02", "options": {name.split(".", 1)[1]: value}}
    return {"received": "2026-03-02", name: value}


def test_states_are_the_packs_present_sorted_by_name(d):
    assert [s["code"] for s in d["states"]] == [s["code"] for s in sorted(d["states"], key=lambda s: s["name"])]
    assert {s["code"] for s in d["states"]} == set(available_states())
    assert by_name(d)["state"]["choices"] == [""] + available_states()
    assert dict((s["code"], s["name"]) for s in d["states"])["NC"] == "North Carolina"


def test_deadlines_are_in_catalog_order(d):
    assert d["deadlines"] == list(DEADLINE_IDS)


def test_today_is_filled_by_the_device_and_options_are_options(d):
    f = by_name(d)
    assert f["today"]["kind"] == "device"
    assert f["options.receipt_day"]["kind"] == "option" and f["options.receipt_day"]["default"] == "day0"
    assert f["received"]["kind"] == "fact" and f["received"]["applies_if"] == {}


@pytest.mark.parametrize("name, condition", [
    # 300.532(c)(2)-(3): the expedited track has its own timeline, so these are standard-track questions
    ("no_agreement_possible", ("track", ["standard"])),
    ("mediation_continued", ("track", ["standard"])),
    ("parent_did_not_participate", ("track", ["standard"])),
    ("sufficiency_challenge_received", ("track", ["standard"])),
    ("decision_extended_to", ("track", ["standard"])),
    # 300.510(a): the meeting and its exceptions are about a parent's complaint
    ("waiver_signed", ("filed_by", ["parent"])),
    ("meeting_held", ("filed_by", ["parent"])),
    ("mediation_started", ("mediation", [True])),
    ("mediation_withdrawn", ("mediation_continued", "given")),
    ("non_school_days", ("track", ["expedited"])),
    ("filed", ("track", ["expedited"])),
])
def test_applies_if_holds_the_law_with_its_citation(d, name, condition):
    f = by_name(d)[name]
    key, value = condition
    assert f["applies_if"][key] == value
    assert f["citation"].startswith("34 CFR 300.")


def test_a_field_without_conditions_has_no_citation(d):
    for f in d["fields"]:
        if not f["applies_if"]:
            assert "citation" not in f, f["name"]


def test_standard_only_fields_change_nothing_on_the_expedited_track(d):
    """What applies_if says is what the engine does: a field outside its track moves no date."""
    base = {"received": "2026-03-02", "track": "expedited", "hearing_dates": ["2026-03-20"],
            "meeting_held": "2026-03-05"}
    for f in d["fields"]:
        if f["applies_if"].get("track") == ["standard"] and f["type"] in SAMPLE:
            case = {**base, "mediation": True} if f["applies_if"].get("mediation") == [True] else base
            plain = {k: v["date"] for k, v in compute(case)["deadlines"].items()}
            value = SAMPLE[f["type"]] if f["name"] != "decision_extended_to" else "2026-06-30"
            with_field = {k: v["date"] for k, v in compute({**case, f["name"]: value})["deadlines"].items()}
            assert with_field == plain, f["name"]


def test_needed_for_names_the_anchor_fields(d):
    f = by_name(d)
    assert "resolution_meeting_by" in f["received"]["needed_for"]
    assert f["agreement_signed"]["needed_for"] == ["agreement_void_until"]
    assert set(f["hearing_dates"]["needed_for"]) == {"disclosure_by", "decision_due"}
    assert f["knew_or_should_have_known"]["needed_for"] == ["filing_deadline"]
    assert f["filed"]["needed_for"] == ["hearing_must_occur_by"]
    every = {i for x in d["fields"] for i in x["needed_for"]}
    assert every == set(DEADLINE_IDS), "every deadline counts from some field"
