"""Rules as data (issue 8): every count comes from engine/rules/federal.json, read strictly; packs override."""

from __future__ import annotations

import dataclasses
import json

import pytest

from resolution_guide.engine import compute, rules
from resolution_guide.engine.calendars import load_state
from resolution_guide.engine.rules import RulesError, check_parameter, state_rules


def _with(monkeypatch, track: str, name: str, **changes):
    """The engine with one parameter of the data file changed, as if a person had edited it."""
    original = rules.federal()
    changed = {t: dict(block) for t, block in original.items()}
    changed[track][name] = dataclasses.replace(original[track][name], **changes)
    monkeypatch.setattr(rules, "federal", lambda: changed)


@pytest.mark.parametrize("track, name, value, deadline, expected", [
    # R = 2026-03-02; the dates move with the data, so no count is written again in the code
    ("standard", "resolution_meeting_by", 16, "resolution_meeting_by", "2026-03-18"),
    ("standard", "resolution_period_ends", 31, "hearing_timeline_starts", "2026-04-03"),
    ("standard", "decision_due", 46, "decision_due", "2026-05-17"),
    ("standard", "district_response_due", 11, "district_response_due", "2026-03-13"),
    ("expedited", "resolution_meeting_by", 8, "resolution_meeting_by", "2026-03-10"),
])
def test_the_engine_counts_with_the_data_file(monkeypatch, track, name, value, deadline, expected):
    _with(monkeypatch, track, name, value=value)
    result = compute({"received": "2026-03-02", "track": track})
    assert result["deadlines"][deadline]["date"] == expected


def test_the_citation_comes_from_the_data_file(monkeypatch):
    _with(monkeypatch, "standard", "resolution_meeting_by", reference="34 CFR 300.510(a)(1) (edited)")
    d = compute({"received": "2026-03-02"})["deadlines"]["resolution_meeting_by"]
    assert d["citation"] == "34 CFR 300.510(a)(1) (edited)"


def test_timeline_days_for_the_site():
    """Standard: meeting 15, period 30, clock starts 31, decision 30 + 45 = 75 (300.515(a), C8)."""
    standard = rules.timeline("standard")
    assert {k: standard[k]["day"] for k in ("resolution_meeting_by", "resolution_period_ends",
                                             "hearing_timeline_starts", "decision_due",
                                             "intervention_available_from")} == {
        "resolution_meeting_by": 15, "resolution_period_ends": 30, "hearing_timeline_starts": 31,
        "decision_due": 75, "intervention_available_from": 16}
    expedited = rules.timeline("expedited")
    assert expedited["resolution_meeting_by"]["day"] == 7 and expedited["decision_due"]["day"] is None
    assert expedited["hearing_must_occur_by"]["counting"] == "school"
    assert "hearing_timeline_starts" not in expedited


def test_state_pack_overrides_the_limitation_period():
    """N.C. Gen. Stat. 115C-109.6(b): one year. Knew 2026-03-02 -> file by 2027-03-02."""
    nc = load_state("NC").rules["limitation_period"]
    assert (nc.value, nc.unit, nc.anchor) == (1, "years", "knew_or_should_have_known")
    d = compute({"knew_or_should_have_known": "2026-03-02", "state": "NC"})["deadlines"]["filing_deadline"]
    assert d["date"] == "2027-03-02" and d["citation"] == "N.C. Gen. Stat. 115C-109.6(b)"
    assert compute({"knew_or_should_have_known": "2026-03-02"})["deadlines"]["filing_deadline"]["date"] == "2028-03-02"


@pytest.mark.parametrize("raw, words", [
    ({"value": "two", "unit": "years", "reference": "x", "description": "y"}, ["line 6", "limitation_period.value",
                                                                              "whole number", '"two"']),
    ({"value": 1, "unit": "months", "reference": "x", "description": "y"}, ["limitation_period.unit", '"years"']),
    ({"value": 1, "unit": "years", "description": "y"}, ['"reference" is missing']),
    ({"value": 1, "unit": "years", "reference": "x", "description": "y", "years": 1}, ["limitation_period.years",
                                                                                       "one of the keys"]),
    ({"value": 1, "unit": "days", "reference": "x", "description": "y"}, ['expected "years"']),
])
def test_a_bad_state_rule_names_file_line_key_and_fix(raw, words):
    text = json.dumps({"state": "ZZ", "name": "Test", "rules": {"limitation_period": raw}}, indent=1)
    with pytest.raises(RulesError) as err:
        state_rules(json.loads(text)["rules"], where="engine/states/zz.json", text=text)
    message = str(err.value)
    assert message.startswith("engine/states/zz.json, line ")
    for w in words:
        assert w in message


def test_an_unknown_state_rule_is_refused():
    text = '{"rules": {"limitation_periods": {"value": 1}}}'
    with pytest.raises(RulesError, match="expected the name of a federal parameter"):
        state_rules({"limitation_periods": {"value": 1}}, where="engine/states/zz.json", text=text)


def test_a_federal_anchor_must_be_a_field_or_parameter():
    with pytest.raises(RulesError, match="anchor"):
        check_parameter("x", {"value": 1, "unit": "days", "anchor": "recieved", "reference": "r", "description": "d"},
                        where="federal.json", text="", anchors=rules.ANCHOR_FIELDS)
