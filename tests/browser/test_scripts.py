"""The calculators' page script is made from small parts by job, in the order listed once."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from resolution_guide.browser import scripts


def test_every_part_is_listed_once_and_the_script_runs_them_in_that_order():
    text = scripts.widgets_script()
    positions = [text.index(f"/* ---- {name} ---- */") for name in scripts.WIDGET_PARTS]
    assert positions == sorted(positions)
    assert len(set(scripts.WIDGET_PARTS)) == len(scripts.WIDGET_PARTS)
    assert text.rstrip().endswith("})();") and "window.RGWidgets" in text


@pytest.mark.skipif(not shutil.which("node"), reason="node is needed to check JavaScript syntax")
def test_the_page_script_is_one_classic_script(tmp_path):
    out = tmp_path / "widgets.js"
    out.write_text(scripts.widgets_script(), encoding="utf-8")
    proc = subprocess.run(["node", "--check", str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "import " not in out.read_text() and "export " not in out.read_text()


def test_a_part_missing_from_the_list_is_a_build_error_naming_it(tmp_path, monkeypatch):
    parts = tmp_path / "widgets"
    shutil.copytree(scripts.PARTS_DIR, parts)
    (parts / "unlisted_part.js").write_text("function letters() {}\n")
    monkeypatch.setattr(scripts, "PARTS_DIR", parts)
    with pytest.raises(scripts.ScriptsError, match=r"not in WIDGET_PARTS .*unlisted_part\.js"):
        scripts.widgets_script()
    (parts / "unlisted_part.js").unlink()
    (parts / "dates.js").unlink()
    with pytest.raises(scripts.ScriptsError, match=r"listed in WIDGET_PARTS but missing: dates\.js"):
        scripts.widgets_script()
