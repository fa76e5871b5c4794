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
