"""The build refuses a broken state pack before MkDocs writes anything, and names the file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from resolution_guide.site import statepacks

MINIMAL = Path(__file__).parents[1] / "site" / "fixtures" / "minimal"


def _config(tmp_path: Path):
    shutil.copytree(MINIMAL, tmp_path / "content")
    (tmp_path / "docs").mkdir()
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: Tiny\ntheme: mkdocs\nplugins:\n  - resolution-guide:\n"
                           "      content_dir: content\n      widgets: false\n")
    return load_config(str(config_file), site_dir=str(tmp_path / "site"))


def test_a_bad_pack_stops_the_build_with_file_and_line(tmp_path, monkeypatch, caplog):
    packs = tmp_path / "packs"
    shutil.copytree(statepacks.default_folder(), packs)
    text = (packs / "tx.yml").read_text().replace("'2026-12-24'", "12/24/2026")
    (packs / "tx.yml").write_text(text)
    monkeypatch.setattr(statepacks, "default_folder", lambda: packs)
    with pytest.raises(Abort):
        build(_config(tmp_path / "project"))
    message = caplog.text[caplog.text.index("1 problem in the state packs:"):]
    assert message.startswith("1 problem in the state packs:")
    assert f"{packs / 'tx.yml'}, line " in message and 'found "12/24/2026"' in message
    assert not (tmp_path / "project" / "site").exists()


def test_the_shipped_packs_let_the_build_run(tmp_path):
    config = _config(tmp_path)
    build(config)
    assert (Path(config.site_dir) / "index.html").exists()


def test_a_forks_broken_pack_stops_the_build_with_its_file_and_line(tmp_path, caplog):
    config = _config(tmp_path)
    (tmp_path / "states").mkdir()
    pack = (statepacks.default_folder() / "ny.yml").read_text().replace("'2026-11-03'", "2026-11-3")
    (tmp_path / "states" / "ny.yml").write_text(pack)
    config["plugins"]["resolution-guide"].config["state_packs_dir"] = "states"
    with pytest.raises(Abort):
        build(config)
    assert f"{tmp_path / 'states' / 'ny.yml'}, line " in caplog.text
    assert '"2026-11-3" (months and days need two digits)' in caplog.text


def test_a_forks_pack_adds_to_the_states_the_engine_knows(tmp_path):
    from resolution_guide.engine.calendars import available_states, load_state, use_state_packs

    config = _config(tmp_path)
    (tmp_path / "states").mkdir()
    pack = (statepacks.default_folder() / "ny.yml").read_text()
    (tmp_path / "states" / "pr.yml").write_text(pack.replace("state: NY", "state: PR")
                                                .replace("name: New York", "name: Puerto Rico"))
    config["plugins"]["resolution-guide"].config["state_packs_dir"] = "states"
    try:
        build(config)
        assert "PR" in available_states() and load_state("PR").name == "Puerto Rico"
    finally:
        use_state_packs({})
    assert "PR" not in available_states()
