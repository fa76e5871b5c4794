"""The packs that ship: all 51 pass the strict checker, and the engine reads them as the law says."""

from __future__ import annotations

import json
from datetime import date

import pytest

from resolution_guide.engine.calendars import Calendar, available_states, federal_holidays, load_state
from resolution_guide.site.statepacks import check_state_packs, default_folder

PACKS = sorted(default_folder().glob("*.json"))


def test_all_51_packs_pass_the_checker_without_a_warning():
    assert len(PACKS) == 51  # the 50 states and the District of Columbia
    problems = check_state_packs()
    assert problems == [], "\n".join(map(str, problems))


def test_the_engine_lists_every_pack_with_its_full_name():
    codes = available_states()
    assert len(codes) == 51 and "DC" in codes
    for code in codes:
        pack = load_state(code)
        assert pack.code == code and len(pack.name) > 3 and pack.name.upper() != code


@pytest.mark.parametrize("path", PACKS, ids=[p.stem for p in PACKS])
def test_a_pack_lists_only_days_the_engine_does_not_already_count_as_federal(path):
    pack = json.loads(path.read_text(encoding="utf-8"))
    first, last = pack["holidays_cover"]
    federal = {day for year in range(first, last + 1) for day in federal_holidays(year)}
    assert not federal & {date.fromisoformat(d) for d in pack["holidays"]}


def test_a_state_limitation_period_cites_the_state_and_not_the_federal_rule():
    with_rule = [json.loads(p.read_text()) for p in PACKS]
    with_rule = [p for p in with_rule if p["rules_checked"]]
    assert {p["state"] for p in with_rule} >= {"NC"}
    for pack in with_rule:
        rule = pack["rules"]["limitation_period"]
        assert "CFR" not in rule["reference"] and rule["unit"] == "years"


def test_texas_optional_holidays_are_business_days():
    """Issue 9, item 5: Tex. Gov't Code 662.003(c) and 662.013 make these optional; offices stay open."""
    texas = Calendar(state=load_state("TX"))
    assert texas.why_not_business_day(date(2026, 4, 3)) is None  # Good Friday
    assert texas.why_not_business_day(date(2026, 3, 31)) is None  # Cesar Chavez Day
    assert texas.why_not_business_day(date(2027, 12, 23)) is None  # no weekend shift of Christmas Eve
    assert texas.why_not_business_day(date(2026, 11, 27))["name"] == "Friday After Thanksgiving"
    assert texas.why_not_business_day(date(2027, 1, 19))["name"] == "Confederate Heroes Day"


def test_north_carolina_keeps_its_one_year_filing_limit():
    rule = load_state("NC").rules["limitation_period"]
    assert rule.value == 1 and rule.reference == "N.C. Gen. Stat. 115C-109.6(b)"
