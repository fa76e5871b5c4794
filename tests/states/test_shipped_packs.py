"""The packs that ship: all 51 pass the strict checker, the engine's JSON is made from them, and the
engine reads them as the law says."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from resolution_guide.engine.calendars import Calendar, available_states, federal_holidays, load_state
from resolution_guide.site import statepack_files
from resolution_guide.site.statepack_files import read_pack
from resolution_guide.site.statepacks import check_state_packs, default_folder

PACKS = sorted(default_folder().glob("*.yml"))


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
    pack = read_pack(path)
    first, last = pack["holidays_cover"]
    federal = {day for year in range(first, last + 1) for day in federal_holidays(year)}
    assert not federal & {date.fromisoformat(d) for d in pack["holidays"]}


def test_a_state_limitation_period_cites_the_state_and_not_the_federal_rule():
    with_rule = [read_pack(p) for p in PACKS]
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


def test_the_engine_json_is_made_from_the_yaml_packs():
    """A person edits the YAML; the engine (stdlib only, also in Pyodide) reads the generated JSON."""
    assert statepack_files.out_of_date() == []
    assert len(list(statepack_files.JSON_DIR.glob("*.json"))) == 51


def test_an_edited_pack_makes_the_json_out_of_date_until_it_is_remade(tmp_path):
    yaml_dir, json_dir = tmp_path / "yml", tmp_path / "json"
    shutil.copytree(statepack_files.YAML_DIR, yaml_dir)
    shutil.copytree(statepack_files.JSON_DIR, json_dir)
    ny = yaml_dir / "ny.yml"
    ny.write_text(ny.read_text().replace("name: New York", "name: New York State"))
    (yaml_dir / "tx.yml").unlink()
    assert statepack_files.out_of_date(yaml_dir, json_dir) == ["ny.json", "tx.json"]
    assert statepack_files.write_engine_json(yaml_dir, json_dir) == ["ny.json", "tx.json"]
    assert '"name": "New York State"' in (json_dir / "ny.json").read_text() and not (json_dir / "tx.json").exists()
    assert statepack_files.out_of_date(yaml_dir, json_dir) == []


def test_the_check_names_an_engine_json_that_is_out_of_date(monkeypatch, tmp_path):
    json_dir = tmp_path / "json"
    shutil.copytree(statepack_files.JSON_DIR, json_dir)
    (json_dir / "ak.json").write_text("{}")
    monkeypatch.setattr(statepack_files, "JSON_DIR", json_dir)
    problems = check_state_packs()
    assert [str(p) for p in problems] == [
        f"{json_dir / 'ak.json'}: expected the engine's copy of ak.yml; found a file that differs from it. "
        "Run `resolution-guide state-pack --sync` after editing a pack (the engine reads this generated JSON)."]
