"""The trimmed standard-library zip (DESIGN.md "Phone speed"): the site ships only the modules the
engine and the runtime use, as bytecode; a zip that lacks a needed module stops the build with a
sentence; without Node (or with RG_TRIM_STDLIB=0) the full, checked zip ships.

That the shipped zip is enough is tested by running the engine in real Pyodide on the built site
(tests/browser/test_engine_parity.py boots with it; the snapshot tests restore with it)."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from resolution_guide.browser import assets
from resolution_guide.browser.pinned import recorded, sha256_file
from resolution_guide.browser.wheel import build_wheel

ROOT = Path(__file__).resolve().parents[2]
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
needs_node = pytest.mark.skipif(not shutil.which("node") or not (PYODIDE_DIR / "pyodide.mjs").is_file(),
                                reason="needs Node and the npm Pyodide (./dev setup)")


def test_the_built_site_ships_a_smaller_zip_with_bytecode_for_what_a_start_imports(built_site):
    shipped = built_site / assets.ASSETS_PREFIX / "pyodide" / assets.STDLIB_ZIP
    full = PYODIDE_DIR / assets.STDLIB_ZIP
    assert sha256_file(full) == recorded()["sha256"][assets.STDLIB_ZIP]       # derived from the checked zip
    assert shipped.stat().st_size < full.stat().st_size * 0.7
    with zipfile.ZipFile(shipped) as zf:
        names = zf.namelist()
    # what a start imports is bytecode (no compiling in the browser); frozen modules and unused ones are left out
    assert {"json/__init__.pyc", "datetime.pyc", "zipfile/__init__.pyc", "asyncio/__init__.pyc"} <= set(names)
    assert not {"tkinter/__init__.py", "tkinter/__init__.pyc", "os.py", "os.pyc", "pdb.py", "pdb.pyc"} & set(names)
    # imports a kept module makes only on another platform or as a fallback never run here
    assert not {"asyncio/windows_events.py", "_pydatetime.py", "importlib/_bootstrap.py"} & set(names)


@needs_node
def test_a_zip_without_a_module_the_engine_needs_stops_the_build(tmp_path):
    wheel = build_wheel(tmp_path / "engine")
    good = tmp_path / "good.zip"
    code, made = assets._run_trim(shutil.which("node"), "make", PYODIDE_DIR, wheel, good)
    assert code == 0 and made["bytes"] == good.stat().st_size
    assert assets.check_trimmed_stdlib(shutil.which("node"), PYODIDE_DIR, wheel, good) is not None

    broken = tmp_path / "python_stdlib.zip"           # the same zip with `difflib` (letters) left out
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(broken, "w") as dst:
        for info in src.infolist():
            if not info.filename.startswith("difflib."):
                dst.writestr(info, src.read(info))
    with pytest.raises(assets.AssetsError, match=r"has no module `difflib`, which the engine needs"):
        assets.check_trimmed_stdlib(shutil.which("node"), PYODIDE_DIR, wheel, broken)


def _site_pyodide(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "site" / "pyodide"
    folder.mkdir(parents=True)
    (folder / assets.STDLIB_ZIP).write_bytes(b"the full zip")
    wheel = tmp_path / "engine.whl"
    wheel.write_bytes(b"wheel")
    return folder, wheel


def test_made_once_then_reused_and_a_changed_cache_entry_is_refused(tmp_path, monkeypatch):
    folder, wheel = _site_pyodide(tmp_path)
    runs = []

    def stand_in(node, mode, pyodide_dir, wheel_file, zip_path):
        runs.append(mode)
        if mode == "make":
            zip_path.write_bytes(b"trimmed")
            return 0, {"modules": 1, "bytes": 7}
        return 0, {"ms": 1}
    monkeypatch.setattr(assets, "_run_trim", stand_in)
    monkeypatch.setattr(assets.shutil, "which", lambda name: "/bin/node")
    monkeypatch.setattr(assets, "_node_version", lambda node: "v20")
    cache = tmp_path / "cache"
    assert assets.trim_stdlib(folder, wheel, cache)["reused"] is False and runs == ["make", "check"]
    assert (folder / assets.STDLIB_ZIP).read_bytes() == b"trimmed"
    assert not list(folder.glob("*.trimmed"))

    (folder / assets.STDLIB_ZIP).write_bytes(b"the full zip")        # the next build copies the full zip again
    assert assets.trim_stdlib(folder, wheel, cache)["reused"] is True and len(runs) == 2
    assert (folder / assets.STDLIB_ZIP).read_bytes() == b"trimmed"

    (folder / assets.STDLIB_ZIP).write_bytes(b"the full zip")
    [entry] = cache.glob("*.zip")
    entry.write_bytes(b"changed afterwards")
    with pytest.raises(assets.AssetsError, match="does not match the sha256"):
        assets.trim_stdlib(folder, wheel, cache)


def test_without_node_or_when_turned_off_the_full_zip_ships(tmp_path, monkeypatch, caplog):
    folder, wheel = _site_pyodide(tmp_path)
    monkeypatch.setattr(assets.shutil, "which", lambda name: None)
    with caplog.at_level("WARNING", logger=assets.log.name):
        assert assets.trim_stdlib(folder, wheel, tmp_path / "cache") is None
    assert "full standard library" in caplog.text
    monkeypatch.setattr(assets.shutil, "which", lambda name: "/bin/node")
    monkeypatch.setenv("RG_TRIM_STDLIB", "0")
    monkeypatch.setattr(assets, "_run_trim", lambda *a: pytest.fail("must not run"))
    assert assets.trim_stdlib(folder, wheel, tmp_path / "cache") is None
    assert (folder / assets.STDLIB_ZIP).read_bytes() == b"the full zip"
