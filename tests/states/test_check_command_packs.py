"""`resolution-guide check` checks the shipped packs and, with --state-packs, a fork's own."""

from __future__ import annotations

from pathlib import Path

from resolution_guide.cli import main
from resolution_guide.site.statepacks import default_folder

CONTENT = Path(__file__).resolve().parents[2] / "content"


def test_check_reports_a_forks_pack_with_file_and_line(tmp_path, capsys):
    (tmp_path / "ny.yml").write_text((default_folder() / "ny.yml").read_text().replace(
        "holidays_source_url: https://", "holidays_source_url: http://"))
    code = main(["check", "--content", str(CONTENT), "--language", "en", "--state-packs", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 1
    assert "state packs: 0 errors, 0 warnings" in out               # all 51 shipped packs pass
    assert f"state packs in {tmp_path}: 1 errors, 0 warnings" in out
    assert f"{tmp_path / 'ny.yml'}, line 6, key holidays_source_url: expected an https:// link" in out


def test_check_passes_with_a_good_fork_pack(tmp_path, capsys):
    (tmp_path / "ny.yml").write_text((default_folder() / "ny.yml").read_text())
    assert main(["check", "--content", str(CONTENT), "--language", "en", "--state-packs", str(tmp_path)]) == 0


def test_check_finds_the_forks_packs_through_its_mkdocs_yml(tmp_path, capsys, monkeypatch):
    """In a fork's folder a plain `check` also checks the packs mkdocs.yml's state_packs_dir names."""
    (tmp_path / "states").mkdir()
    (tmp_path / "states" / "ny.yml").write_text((default_folder() / "ny.yml").read_text().replace(
        "holidays_source_url: https://", "holidays_source_url: http://"))
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Fork\nplugins:\n  - search\n  - resolution-guide:\n"
        "      widgets: !ENV [RG_WIDGETS, true]\n      state_packs_dir: states\n")
    monkeypatch.chdir(tmp_path)
    code = main(["check", "--content", str(CONTENT), "--language", "en"])
    out = capsys.readouterr().out
    assert code == 1
    assert f"{tmp_path / 'states' / 'ny.yml'}, line 6, key holidays_source_url" in out


def test_check_without_a_mkdocs_yml_checks_the_shipped_packs_only(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--content", str(CONTENT), "--language", "en"]) == 0
    assert "state packs in" not in capsys.readouterr().out
