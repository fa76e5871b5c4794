"""scripts/make_state_pack.py: fills or marks every field, filters optional days, never overwrites silently.

The `holidays` package is an authoring tool and not installed for the tests, so the package's answer is
replaced by a small made-up list that has each kind of day the filters must handle.
"""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path

import pytest

from resolution_guide.site.statepacks import ERROR, check_state_packs

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "make_state_pack.py"


@pytest.fixture
def script(monkeypatch):
    spec = importlib.util.spec_from_file_location("make_state_pack", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    federal = {date(2026, 1, 1): "New Year's Day", date(2026, 11, 26): "Thanksgiving"}
    by_state = {
        "TX": {**federal,
               date(2026, 3, 2): "Texas Independence Day",
               date(2026, 3, 31): "Cesar Chavez Day",
               date(2026, 4, 3): "Good Friday",
               date(2027, 1, 19): "Confederate Memorial Day",
               date(2027, 12, 23): "Christmas Eve (observed)",
               date(2026, 11, 27): "Friday After Thanksgiving"},
        "SC": {**federal, date(2026, 5, 10): "Confederate Memorial Day"},
    }
    monkeypatch.setattr(module, "federal_and_state",
                        lambda state, years: (federal, by_state.get(state, federal), "0.test"))
    return module


def run(script, capsys, *args):
    code = script.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_new_pack_is_filled_or_marked_and_passes_the_checker(script, tmp_path, capsys):
    code, out, _ = run(script, capsys, "tx", "--folder", str(tmp_path), "--from", "2026", "--to", "2030")
    assert code == 0
    pack = json.loads((tmp_path / "tx.json").read_text())
    assert pack["name"] == "Texas" and pack["state"] == "TX"
    assert pack["holidays_statute"] == "Tex. Gov't Code 662.003"
    assert pack["to_check"] == ["parent_center", "checked"]
    assert "not filled, listed in to_check: parent_center" in out
    assert "rules_checked is false" in out
    assert pack["rules"] == {} and pack["rules_checked"] is False
    assert [p for p in check_state_packs(tmp_path) if p.severity == ERROR] == []


def test_optional_days_are_dropped_with_the_reason_in_the_notes(script, tmp_path, capsys):
    run(script, capsys, "TX", "--folder", str(tmp_path), "--from", "2026", "--to", "2030")
    pack = json.loads((tmp_path / "tx.json").read_text())
    assert pack["holidays"] == {
        "2026-03-02": "Texas Independence Day",
        "2026-11-27": "Friday After Thanksgiving",
        "2027-01-19": "Confederate Heroes Day",
    }
    assert "Good Friday: an optional holiday (Tex. Gov't Code 662.003(c))" in pack["notes"]
    assert "Cesar Chavez Day: an optional holiday (Tex. Gov't Code 662.013)" in pack["notes"]


def test_days_the_statute_lists_and_the_package_misses_are_added(script, tmp_path, capsys):
    run(script, capsys, "SC", "--folder", str(tmp_path), "--from", "2026", "--to", "2026")
    pack = json.loads((tmp_path / "sc.json").read_text())
    assert pack["holidays"] == {
        "2026-05-10": "Confederate Memorial Day",
        "2026-11-27": "Day After Thanksgiving",
        "2026-12-24": "Christmas Eve",
        "2026-12-26": "Day After Christmas",
    }
    assert "S.C. Code Ann. 53-5-10" in pack["notes"]


def test_an_existing_pack_is_not_overwritten_without_force(script, tmp_path, capsys):
    path = tmp_path / "tx.json"
    path.write_text('{"state": "TX"}\n')
    code, _, err = run(script, capsys, "TX", "--folder", str(tmp_path))
    assert code == 1 and "--force" in err
    assert path.read_text() == '{"state": "TX"}\n'


def test_force_refreshes_the_holidays_and_keeps_what_a_person_wrote(script, tmp_path, capsys):
    run(script, capsys, "TX", "--folder", str(tmp_path))
    path = tmp_path / "tx.json"
    pack = json.loads(path.read_text())
    pack["parent_center"] = {"name": "Center", "url": "https://example.org"}
    pack["holidays"] = {"2026-06-01": "Wrong"}
    path.write_text(json.dumps(pack))
    code, out, _ = run(script, capsys, "TX", "--folder", str(tmp_path), "--to", "2032", "--force")
    pack = json.loads(path.read_text())
    assert code == 0 and pack["parent_center"]["name"] == "Center"
    assert "2026-06-01" not in pack["holidays"] and pack["holidays_cover"] == [2025, 2032]
    assert pack["to_check"] == ["checked"] and "parent_center" not in out


def test_an_unknown_code_is_refused(script, tmp_path, capsys):
    code, _, err = run(script, capsys, "XX", "--folder", str(tmp_path))
    assert code == 2 and "unknown state code 'XX'" in err
    assert list(tmp_path.iterdir()) == []


def test_added_days_follow_their_rule_and_the_weekend_shift(script, tmp_path, capsys):
    """Good Friday 2028 is April 14 (Easter April 16); Lincoln Day 2028 is a Saturday, so Friday Feb 11 too."""
    run(script, capsys, "ND", "--folder", str(tmp_path), "--from", "2028", "--to", "2028")
    run(script, capsys, "MO", "--folder", str(tmp_path), "--from", "2028", "--to", "2028")
    assert json.loads((tmp_path / "nd.json").read_text())["holidays"] == {"2028-04-14": "Good Friday"}
    assert json.loads((tmp_path / "mo.json").read_text())["holidays"] == {
        "2028-02-11": "Lincoln Day (observed)", "2028-02-12": "Lincoln Day"}
