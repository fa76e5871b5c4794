"""Build-time pieces of the offline bundle, tested without a browser or a site build."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from datetime import datetime, timezone

import pytest

from resolution_guide.browser.paths import PYODIDE_DIR
from resolution_guide.bundle.archive import BundleInfo, readme_text, write_zip
from resolution_guide.bundle.file_runtime import PyodideLayoutError, classic_asm_script, minimal_lock
from resolution_guide.bundle.hosted import MARKER, fill_markers, mark_offline_copy, publish
from resolution_guide.bundle.offline_site import add_runtime_script_tags, offline_overrides

INFO = BundleInfo("resolution-guide", "9.8.7", datetime(2026, 3, 2, 12, 0, tzinfo=timezone.utc), "English", "NC")


def test_glue_module_becomes_a_classic_script():
    text = 'var s=import.meta.url;function _createPyodideModule(){return new URL("x",import.meta.url)}\n' \
           "export default _createPyodideModule;\n//# sourceMappingURL=pyodide.asm.mjs.map"
    out = classic_asm_script(text)
    assert "import.meta" not in out and "export" not in out and "sourceMappingURL" not in out
    assert "globalThis.RGCreatePyodideModule = _createPyodideModule;" in out


def test_glue_without_the_expected_export_is_refused():
    with pytest.raises(PyodideLayoutError, match="export default"):
        classic_asm_script("export default somethingElse;")


@pytest.mark.skipif(not (PYODIDE_DIR / "pyodide.asm.mjs").is_file() or not shutil.which("node"),
                    reason="needs node and node_modules/pyodide (npm ci)")
def test_real_pinned_glue_parses_as_a_classic_script(tmp_path):
    script = tmp_path / "glue.js"
    script.write_text(classic_asm_script((PYODIDE_DIR / "pyodide.asm.mjs").read_text(encoding="utf-8")))
    proc = subprocess.run(["node", "--check", str(script)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_without_node_the_plain_sources_are_kept_and_the_build_says_so(monkeypatch, tmp_path):
    from resolution_guide.bundle import precompile as pc
    monkeypatch.setattr(pc.shutil, "which", lambda name: None)
    said = []
    stdlib, engine = pc.precompile(tmp_path / "pyodide", tmp_path / "engine.whl", tmp_path, say=said.append)
    assert (stdlib, engine) == (tmp_path / "pyodide" / "python_stdlib.zip", tmp_path / "engine.whl")
    assert "start slower" in said[0]


def test_minimal_lock_keeps_info_and_drops_packages():
    lock = minimal_lock('{"info": {"python": "3.14.2"}, "packages": {"numpy": {}}}')
    assert lock == {"info": {"python": "3.14.2"}, "packages": {}}


def test_overrides_make_links_files_search_local_and_navigation_plain():
    raw = {
        "plugins": ["search", {"resolution-guide": {"state": "nc"}}],
        "theme": {"name": "material", "language": "en",
                  "features": ["navigation.instant", "navigation.instant.progress", "search.suggest"]},
        "extra": {"polyfills": ["https://cdn.example/iframe-worker/shim"]},
    }
    out = offline_overrides(raw)
    assert out["use_directory_urls"] is False
    assert {"resolution-guide": {"state": "nc"}} in out["plugins"] and "offline" in out["plugins"]
    assert out["theme"]["features"] == ["search.suggest"]
    assert out["theme"]["font"] is False
    assert not [p for p in out["extra"]["polyfills"] if "://" in p]
    assert any("iframe-worker" in p for p in out["extra"]["polyfills"])  # or Material adds the CDN copy


def test_file_runtime_tag_goes_before_runtime_js_only_on_calculator_pages(tmp_path):
    widget = tmp_path / "guide" / "dates.html"
    widget.parent.mkdir()
    widget.write_text('<p>x</p><script src="../assets/rg/js/runtime.js" defer data-rg-wheel="w.whl"></script>')
    plain = tmp_path / "index.html"
    plain.write_text("<p>no calculator</p>")
    assert add_runtime_script_tags(tmp_path) == 1
    assert add_runtime_script_tags(tmp_path) == 0  # running twice adds nothing
    text = widget.read_text()
    assert text.index('src="../assets/rg/js/runtime-file.js"') < text.index('src="../assets/rg/js/runtime.js"')
    assert plain.read_text() == "<p>no calculator</p>"


def test_download_marker_becomes_a_relative_link_with_size_and_date(tmp_path):
    page = tmp_path / "download" / "index.html"
    page.parent.mkdir()
    page.write_text(f"<main>{MARKER}</main>")
    other = tmp_path / "index.html"
    other.write_text("<main>home</main>")
    zip_path = tmp_path / "download" / INFO.filename
    zip_path.write_bytes(b"x" * 2_500_000)
    assert fill_markers(tmp_path, zip_path, INFO) == [page]
    text = page.read_text()
    assert MARKER not in text
    assert f'href="{INFO.filename}"' in text
    assert "2.5 MB" in text and "March 2, 2026" in text and 'datetime="2026-03-02"' in text
    assert other.read_text() == "<main>home</main>"


def test_offline_copy_marker_names_the_version_and_date_instead_of_a_link(tmp_path):
    page = tmp_path / "download.html"
    page.write_text(f"<main>{MARKER}</main>")
    assert mark_offline_copy(tmp_path, INFO) == [page]
    text = page.read_text()
    assert MARKER not in text and "href" not in text
    assert "offline copy: version 9.8.7" in text and 'datetime="2026-03-02"' in text


def test_publish_does_nothing_inside_the_offline_build(monkeypatch, tmp_path):
    monkeypatch.setenv("RG_BUILDING_OFFLINE", "1")
    assert publish(tmp_path, config=None) is None
    assert list(tmp_path.iterdir()) == []


def test_readme_says_how_to_open_what_version_when_language_state_and_privacy():
    text = readme_text(INFO)
    for expected in ("index.html", "9.8.7", "2026-03-02", "English", "NC", "Nothing you type is sent anywhere",
                     "34 CFR 300.510"):
        assert expected in text


def test_zip_has_readme_first_then_the_site(tmp_path):
    site = tmp_path / "site"
    (site / "guide").mkdir(parents=True)
    (site / "index.html").write_text("home")
    (site / "guide" / "a.html").write_text("a")
    dest = write_zip(site, INFO, tmp_path / "dist" / INFO.filename)
    with zipfile.ZipFile(dest) as zf:
        assert zf.namelist() == ["README.txt", "guide/a.html", "index.html"]
        assert b"9.8.7" in zf.read("README.txt")
    assert [p.name for p in dest.parent.iterdir()] == [INFO.filename]
    assert dest.stat().st_mode & 0o044 == 0o044  # readable by a web server, not only its owner


def test_failed_zip_leaves_nothing_behind(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("home")

    def interrupted(done, total):
        raise KeyboardInterrupt

    dest = tmp_path / "dist" / INFO.filename
    with pytest.raises(KeyboardInterrupt):
        write_zip(site, INFO, dest, progress=interrupted)
    assert list(dest.parent.iterdir()) == []


def test_bundle_command_names_a_missing_config(tmp_path, capsys):
    from resolution_guide.cli import main
    assert main(["bundle", "-f", str(tmp_path / "nope.yml"), "-o", str(tmp_path / "dist")]) == 2
    assert "no such MkDocs config" in capsys.readouterr().err
    assert not (tmp_path / "dist").exists()
