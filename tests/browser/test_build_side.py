"""The build-time side of the calculators, without a browser: the engine wheel, the
widget HTML and the asset folder the site ships."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from resolution_guide.browser import assets, wheel
from resolution_guide.browser.definitions import WidgetError, questions, widget_names
from resolution_guide.browser.render import render_widget
from resolution_guide.engine.api import describe

PYODIDE_DIR = Path(__file__).resolve().parents[2] / "node_modules" / "pyodide"  # this checkout's `npm ci`


def test_wheel_is_reproducible_and_holds_only_the_stdlib_parts():
    first, second = wheel.build_wheel_bytes(), wheel.build_wheel_bytes()
    assert first == second
    names = zipfile.ZipFile(__import__("io").BytesIO(first)).namelist()
    code = [n for n in names if not n.startswith("resolution_guide-")]
    assert all(n.startswith(("resolution_guide/engine/", "resolution_guide/locales/")) or n == "resolution_guide/__init__.py"
               for n in code)
    assert "resolution_guide/locales/en.json" in names and any(n.endswith("states/ca.json") for n in names)
    assert not [n for n in names if "/site/" in n or "/browser/" in n or n.endswith(".pyc")]


def test_the_engine_runs_from_the_wheel_alone(tmp_path):
    """What Pyodide gets: only the wheel on the path, no project sources, no third-party packages."""
    built = wheel.build_wheel(tmp_path)
    program = ("import json, sys; from resolution_guide.engine.api import handle; "
               "print(handle(json.dumps({'action': 'compute', 'case': {'agreement_signed': '2026-07-02', 'state': 'CA'}})))")
    out = subprocess.run([sys.executable, "-I", "-S", "-c", f"import sys; sys.path.insert(0, {str(built)!r}); {program}"],
                         capture_output=True, text=True, check=True, cwd=tmp_path).stdout
    assert json.loads(out)["result"]["deadlines"]["agreement_void_until"]["date"] == "2026-07-08"


def test_every_question_is_an_engine_field_with_words():
    described = {f["name"]: f for f in describe("en")["fields"]}
    for name in widget_names():
        for field in questions(name, "en"):
            assert field == {**described[field["name"]], "default": field["default"], "words": field["words"]}
            assert field["words"]["label"]
            if field["type"] in ("choice", "state"):
                assert list(field["words"]["choices"]) == [str(c) for c in described[field["name"]]["choices"]]


def test_widget_html_uses_relative_urls_and_explains_without_javascript():
    html = render_widget("agreement_review", locale="en", root="../")
    assert 'src="../assets/rg/js/runtime.js"' in html and 'href="../assets/rg/css/widgets.css"' in html
    assert "<noscript>" in html and "34 CFR 300.510(e)" in html
    assert 'name="agreement_signed"' in html
    assert "//" not in html.replace("://", "")          # no protocol-relative or absolute asset URLs
    with pytest.raises(WidgetError, match="unknown calculator"):
        render_widget("calendar", locale="en", root="")


def test_install_ships_pyodide_the_wheel_and_the_words(tmp_path, monkeypatch):
    monkeypatch.setenv("RG_SNAPSHOT", "0")             # the snapshot is measured by benchmarks/startup.py
    out = assets.install(tmp_path, pyodide_dir=PYODIDE_DIR, cache_dir=tmp_path / "cache")
    for rel in ("pyodide/pyodide.mjs", "pyodide/pyodide.asm.wasm", "pyodide/python_stdlib.zip",
                "js/runtime.js", "js/widgets.js", "js/worker.mjs", "js/python-worker.js", "css/widgets.css", f"engine/{wheel.wheel_name()}"):
        assert (out / rel).is_file(), rel
    assert "SNAPSHOT_FILE = null" in (out / "js/boot-config.mjs").read_text()
    words = (out / "locales/en.js").read_text()
    assert "Resolution meeting must be held by" in words and "Clear my answers" in words


def test_install_says_how_to_get_pyodide_when_it_is_missing_and_writes_nothing(tmp_path):
    with pytest.raises(assets.AssetsError, match="npm ci") as err:
        assets.install(tmp_path / "site", pyodide_dir=tmp_path / "nowhere")
    assert "pyodide_dir" in str(err.value) and str(tmp_path / "nowhere") in str(err.value)
    assert not (tmp_path / "site").exists()


def test_snapshots_are_cached_under_the_given_cache_dir_only(tmp_path, monkeypatch):
    """The cache is the project's (the plugin option cache_dir), never the package's folder."""
    monkeypatch.setenv("RG_SNAPSHOT", "1")
    monkeypatch.setattr(assets, "_run_snapshot_script",
                        lambda node, pyodide_dir, wheel_file, target: (target.write_bytes(b"s"), {"build_seconds": 0})[1])
    monkeypatch.setattr(assets.shutil, "which", lambda name: "/bin/true")
    assets.install(tmp_path / "site", pyodide_dir=PYODIDE_DIR, cache_dir=tmp_path / "project" / ".cache")
    assert len(list((tmp_path / "project" / ".cache" / "snapshots").glob("*.bin.gz"))) == 1


def test_memory_snapshot_is_reused_until_one_of_its_inputs_changes(tmp_path, monkeypatch, caplog):
    """The Node run (seconds) is replaced by a stand-in that counts runs; the cache logic is real."""
    monkeypatch.setenv("RG_SNAPSHOT", "1")
    script = tmp_path / "make-snapshot.mjs"
    script.write_text("// v1")
    monkeypatch.setattr(assets, "SNAPSHOT_SCRIPT", script)
    runs = []

    def stand_in(node, pyodide_dir, wheel_file, target):
        runs.append(wheel_file.read_bytes())
        target.write_bytes(b"snapshot %d" % len(runs))
        return {"gzip_bytes": 10, "build_seconds": 0.0}
    monkeypatch.setattr(assets, "_run_snapshot_script", stand_in)
    pyodide_dir = tmp_path / "site" / "pyodide"
    pyodide_dir.mkdir(parents=True)
    for name in assets.PYODIDE_FILES:
        (pyodide_dir / name).write_bytes(name.encode())
    engine = tmp_path / "engine.whl"
    engine.write_bytes(b"wheel 1")
    shipped = pyodide_dir / assets.SNAPSHOT_FILE

    def build():
        shipped.unlink(missing_ok=True)       # each build starts from an empty site folder
        return assets.make_snapshot(pyodide_dir, engine, tmp_path / "cache")

    assert build()["reused"] is False and len(runs) == 1
    with caplog.at_level("INFO", logger=assets.log.name):
        again = build()
    assert again["reused"] is True and len(runs) == 1 and shipped.read_bytes() == b"snapshot 1"
    assert "reused from the build cache" in caplog.text

    engine.write_bytes(b"wheel 2")                                  # the engine changed
    assert build()["reused"] is False and shipped.read_bytes() == b"snapshot 2"
    (pyodide_dir / "pyodide.asm.wasm").write_bytes(b"another Pyodide")   # the runtime changed
    assert build()["reused"] is False and len(runs) == 3
    script.write_text("// v2")                                      # the snapshot script changed
    assert build()["reused"] is False and len(runs) == 4
    assert build()["reused"] is True and len(runs) == 4
    assert len(list((tmp_path / "cache").glob("*.bin.gz"))) == assets.SNAPSHOTS_KEPT


def test_widget_words_are_read_again_when_their_file_changes(tmp_path, monkeypatch):
    """`mkdocs serve` rebuilds in the same process: an edited locale must show up."""
    from resolution_guide.browser import definitions as defs
    (tmp_path / "locales").mkdir()
    words = tmp_path / "locales" / "en.yml"
    words.write_text('buttons: {clear: "Clear"}\n')
    monkeypatch.setattr(defs, "WIDGETS_DIR", tmp_path)
    assert defs.ui_words("en")["buttons"]["clear"] == "Clear"
    words.write_text('buttons: {clear: "Start again"}\n')
    assert defs.ui_words("en")["buttons"]["clear"] == "Start again"


def test_install_ships_one_page_script_made_from_the_parts(tmp_path):
    from resolution_guide.browser import scripts
    scripts.install_scripts(tmp_path / "js")
    assert (tmp_path / "js" / "widgets.js").read_text() == scripts.widgets_script()
    assert (tmp_path / "js" / "runtime.js").is_file() and (tmp_path / "js" / "python-worker.js").is_file()
    assert not (tmp_path / "js" / "widgets").exists()          # the parts themselves are not shipped
