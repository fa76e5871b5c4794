"""`resolution-guide state-pack`: fills or marks every field, filters optional days, never overwrites silently.

The `holidays` package is an authoring tool and not installed for the tests, so a stand-in module is put in
its place and the package's answer is replaced by a small made-up list that has each kind of day the
filters must handle.
"""

from __future__ import annotations

import sys
from datetime import date
from types import SimpleNamespace

import pytest

from resolution_guide.cli import main
from resolution_guide.site import statepack_make
from resolution_guide.site.statepack_files import read_pack
from resolution_guide.site.statepacks import ERROR, check_state_packs

FEDERAL = {date(2026, 1, 1): "New Year's Day", date(2026, 11, 26): "Thanksgiving"}
BY_STATE = {
    "TX": {**FEDERAL,
           date(2026, 3, 2): "Texas Independence Day",
           date(2026, 3, 31): "Cesar Chavez Day",
           date(2026, 4, 3): "Good Friday",
           date(2027, 1, 19): "Confederate Memorial Day",
           date(2027, 12, 23): "Christmas Eve (observed)",
           date(2026, 11, 27): "Friday After Thanksgiving"},
    "SC": {**FEDERAL, date(2026, 5, 10): "Confederate Memorial Day"},
    "GU": {**FEDERAL, date(2026, 3, 2): "Guam History and Chamorro Heritage Day"},
}


@pytest.fixture(autouse=True)
def fake_holidays(monkeypatch):
    monkeypatch.setitem(sys.modules, "holidays", SimpleNamespace(US=SimpleNamespace(subdivisions=("GU", "TX")),
                                                                 __version__="0.test"))
    monkeypatch.setattr(statepack_make, "federal_and_state",
                        lambda state, years: (FEDERAL, BY_STATE.get(state, FEDERAL), "0.test"))


def run(capsys, *args):
    code = main(["state-pack", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_new_pack_is_written_as_yaml_filled_or_marked_and_passes_the_checker(tmp_path, capsys):
    code, out, _ = run(capsys, "tx", "--out", str(tmp_path), "--from", "2026", "--to", "2030")
    assert code == 0
    text = (tmp_path / "tx.yml").read_text()
    assert text.startswith("# State pack TX (Texas).") and "holidays_cover: [2026, 2030]\n" in text
    pack = read_pack(tmp_path / "tx.yml")
    assert pack["name"] == "Texas" and pack["state"] == "TX"
    assert pack["holidays_statute"] == "Tex. Gov't Code 662.003"
    assert pack["to_check"] == ["parent_center", "checked"]
    assert "not filled, listed in to_check: parent_center" in out
    assert "rules_checked is false" in out
    assert pack["rules"] == {} and pack["rules_checked"] is False
    assert [p for p in check_state_packs(tmp_path) if p.severity == ERROR] == []


def test_a_code_the_table_lacks_gets_its_name_in_to_check(tmp_path, capsys):
    code, out, _ = run(capsys, "GU", "--out", str(tmp_path / "states"))
    pack = read_pack(tmp_path / "states" / "gu.yml")
    assert code == 0 and "name" not in pack and pack["to_check"][0] == "name"
    assert "not filled, listed in to_check: name" in out
    assert pack["holidays"] == {"2026-03-02": "Guam History and Chamorro Heritage Day"}
    assert [p for p in check_state_packs(tmp_path / "states") if p.severity == ERROR] == []


def test_optional_days_are_dropped_with_the_reason_in_the_notes(tmp_path, capsys):
    run(capsys, "TX", "--out", str(tmp_path), "--from", "2026", "--to", "2030")
    pack = read_pack(tmp_path / "tx.yml")
    assert pack["holidays"] == {
        "2026-03-02": "Texas Independence Day",
        "2026-11-27": "Friday After Thanksgiving",
        "2027-01-19": "Confederate Heroes Day",
    }
    assert "Good Friday: an optional holiday (Tex. Gov't Code 662.003(c))" in pack["notes"]
    assert "Cesar Chavez Day: an optional holiday (Tex. Gov't Code 662.013)" in pack["notes"]


def test_days_the_statute_lists_and_the_package_misses_are_added(tmp_path, capsys):
    run(capsys, "SC", "--out", str(tmp_path), "--from", "2026", "--to", "2026")
    pack = read_pack(tmp_path / "sc.yml")
    assert pack["holidays"] == {
        "2026-05-10": "Confederate Memorial Day",
        "2026-11-27": "Day After Thanksgiving",
        "2026-12-24": "Christmas Eve",
        "2026-12-26": "Day After Christmas",
    }
    assert "S.C. Code Ann. 53-5-10" in pack["notes"]


def test_an_existing_pack_is_not_overwritten_without_force(tmp_path, capsys):
    path = tmp_path / "tx.yml"
    path.write_text("state: TX\n")
    code, _, err = run(capsys, "TX", "--out", str(tmp_path))
    assert code == 1 and "--force" in err
    assert path.read_text() == "state: TX\n"


def test_force_refreshes_the_holidays_and_keeps_what_a_person_wrote(tmp_path, capsys):
    run(capsys, "TX", "--out", str(tmp_path))
    path = tmp_path / "tx.yml"
    text = path.read_text().replace("holidays:\n", "holidays:\n  '2026-06-01': Wrong\n")
    text = text.replace("to_check:\n- parent_center\n", "# from the state's list of centers\n"
                        "parent_center: {name: Center, url: 'https://example.org'}\nto_check:\n")
    path.write_text(text.replace("name: Texas", "name: Texas  # our state"))
    code, out, _ = run(capsys, "TX", "--out", str(tmp_path), "--to", "2032", "--force")
    pack = read_pack(path)
    assert code == 0 and pack["parent_center"]["name"] == "Center"
    assert "2026-06-01" not in pack["holidays"] and pack["holidays_cover"] == [2025, 2032]
    assert pack["to_check"] == ["checked"] and "parent_center" not in out
    new_text = path.read_text()
    assert "name: Texas  # our state\n" in new_text and "# from the state's list of centers\n" in new_text


def test_an_unknown_code_is_refused(tmp_path, capsys):
    code, _, err = run(capsys, "XX", "--out", str(tmp_path))
    assert code == 2 and "unknown state code 'XX'" in err
    assert list(tmp_path.iterdir()) == []


def test_without_the_holidays_package_the_command_says_what_to_install(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "holidays", None)  # import fails
    code, _, err = run(capsys, "TX", "--out", str(tmp_path))
    assert code == 2 and "pip install 'resolution-guide[authoring]'" in err


def test_added_days_follow_their_rule_and_the_weekend_shift(tmp_path, capsys):
    """Good Friday 2028 is April 14 (Easter April 16); Lincoln Day 2028 is a Saturday, so Friday Feb 11 too."""
    run(capsys, "ND", "--out", str(tmp_path), "--from", "2028", "--to", "2028")
    run(capsys, "MO", "--out", str(tmp_path), "--from", "2028", "--to", "2028")
    assert read_pack(tmp_path / "nd.yml")["holidays"] == {"2028-04-14": "Good Friday"}
    assert read_pack(tmp_path / "mo.yml")["holidays"] == {
        "2028-02-11": "Lincoln Day (observed)", "2028-02-12": "Lincoln Day"}


def test_sync_remakes_the_engine_json_from_the_shipped_packs(capsys):
    code, out, _ = run(capsys, "--sync")
    assert code == 0 and out == "engine JSON already up to date\n"


def test_an_installed_package_asks_for_the_forks_folder(tmp_path, capsys, monkeypatch):
    from resolution_guide.site import statepack_files

    installed = tmp_path / "site-packages" / "resolution_guide" / "states"
    installed.mkdir(parents=True)
    monkeypatch.setattr(statepack_files, "YAML_DIR", installed)
    code, _, err = run(capsys, "TX")
    assert code == 2 and "give --out DIR, the folder set as state_packs_dir" in err
    assert list(installed.iterdir()) == []
