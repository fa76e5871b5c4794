"""Build-time pieces of the offline bundle, tested without a browser or a site build."""

from __future__ import annotations

import ast
import shutil
import subprocess
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from resolution_guide.bundle.archive import BundleInfo, readme_text, write_zip
from resolution_guide.bundle.file_runtime import PyodideLayoutError, classic_asm_script, minimal_lock
from resolution_guide.bundle.markers import MARKER, fill_markers, mark_offline_copy
from resolution_guide.bundle.offline_site import (KEEP_WORKER, SHIM, add_runtime_script_tags, drop_hosted_only,
                                                  lunr_files_needed)

ROOT = Path(__file__).resolve().parents[2]
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"  # this checkout's `npm ci`
PACKAGE = ROOT / "src" / "resolution_guide"
MINIMAL_CONTENT = ROOT / "tests" / "site" / "fixtures" / "minimal"

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


def _tiny_project(tmp_path: Path, offline: str = "", theme: str = "mkdocs") -> Path:
    """A tiny guide (the site tests' minimal content, no calculators) with its own iframe-worker shim."""
    shutil.copytree(MINIMAL_CONTENT, tmp_path / "content")
    (tmp_path / "docs").mkdir()
    shim = tmp_path / "npm" / "iframe-worker" / "shim" / "index.js"
    shim.parent.mkdir(parents=True)
    shim.write_text("/* shim */")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"site_name: Tiny\ntheme:\n  name: {theme}\n  features: [navigation.instant, search.suggest]\n"
        "extra:\n  polyfills: ['https://cdn.example/iframe-worker/shim']\n"
        "plugins:\n  - search\n  - resolution-guide:\n      widgets: false\n"
        "  - resolution-guide/offline:\n      iframe_worker_dir: npm/iframe-worker\n" + offline)
    return config


def test_offline_plugin_makes_links_files_search_local_and_navigation_plain(tmp_path):
    config = load_config(str(_tiny_project(tmp_path)))
    config.plugins.on_config(config)
    assert config.use_directory_urls is False
    assert config.theme["features"] == ["search.suggest"]
    assert config.theme["font"] is False
    assert config.extra["polyfills"] == [KEEP_WORKER, SHIM]  # the CDN copy is gone, ours first


def test_offline_plugin_says_what_to_do_when_the_shim_is_missing(tmp_path):
    config_file = _tiny_project(tmp_path)
    shutil.rmtree(tmp_path / "npm")
    config = load_config(str(config_file))
    with pytest.raises(PluginError, match="npm ci.*iframe_worker_dir"):
        config.plugins.on_config(config)


def test_switched_off_offline_plugin_changes_nothing(tmp_path):
    config = load_config(str(_tiny_project(tmp_path, offline="      enabled: false\n")))
    config.plugins.on_config(config)
    assert config.use_directory_urls is True and config.theme["features"][0] == "navigation.instant"


def test_bundle_builds_in_process_with_the_offline_plugin_and_zips(tmp_path):
    """make_bundle switches the (here switched-off) offline plugin on; the hosted config is unchanged."""
    from resolution_guide.bundle.make import make_bundle

    config_file = _tiny_project(tmp_path, offline="      enabled: false\n")
    before = config_file.read_text()
    zip_path, info = make_bundle(config_file, tmp_path / "dist", say=lambda m: None)
    top = zip_path.name.removesuffix(".zip")
    with zipfile.ZipFile(zip_path) as zf:
        names = [n.removeprefix(f"{top}/") for n in zf.namelist()]
        search = zf.read(f"{top}/search/search_index.js").decode()
        home = zf.read(f"{top}/index.html").decode()
    assert zf.namelist()[0] == f"{top}/README.txt" and "index.html" in names and "glossary.html" in names
    assert not {"search/search_index.json", "sitemap.xml", "404.html"} & set(names)
    assert search.startswith("var __index = {")
    assert 'href="glossary.html"' in home and SHIM in names and KEEP_WORKER in names
    assert config_file.read_text() == before and not (tmp_path / "site").exists()
    assert info.language == "English" and "federal" in info.state


def test_bundle_command_turns_a_build_problem_into_one_sentence(tmp_path, capsys):
    from resolution_guide.cli import main

    config_file = _tiny_project(tmp_path)
    shutil.rmtree(tmp_path / "npm")
    assert main(["bundle", "-f", str(config_file), "-o", str(tmp_path / "dist")]) == 1
    err = capsys.readouterr().err
    assert "bundle failed:" in err and "iframe-worker" in err and "Traceback" not in err
    assert not (tmp_path / "dist").exists()


def test_a_failed_bundle_leaves_the_previous_zip_as_it_was(tmp_path, capsys):
    from resolution_guide.cli import main

    config_file = _tiny_project(tmp_path, offline="      enabled: false\n")
    config_file.write_text("strict: true\n" + config_file.read_text())
    assert main(["bundle", "-f", str(config_file), "-o", str(tmp_path / "dist")]) == 0
    (old_zip,) = (tmp_path / "dist").iterdir()
    before = old_zip.read_bytes()
    (tmp_path / "docs" / "extra.md").write_text("# Extra\n\nSee [the missing page](missing.md).\n")
    assert main(["bundle", "-f", str(config_file), "-o", str(tmp_path / "dist")]) == 1
    err = capsys.readouterr().err
    assert "missing.md" in err and "strict" in err
    assert list((tmp_path / "dist").iterdir()) == [old_zip] and old_zip.read_bytes() == before


def _imports(path: Path) -> set[str]:
    """resolution_guide modules that path imports, at the top or inside functions."""
    name = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            targets = [f"{base}.{a.name}" for a in node.names] + [base]
        elif isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        else:
            continue
        found |= {t for t in targets if t.startswith("resolution_guide.") and (
            (PACKAGE.parent / (t.replace(".", "/") + ".py")).is_file())}
    return found - {name}


def test_no_import_cycle_between_the_build_modules():
    """Imports go one way (site plugin -> bundle.hosted -> make -> bundle plugin -> site.options)."""
    graph = {}
    for path in list((PACKAGE / "site").glob("*.py")) + list((PACKAGE / "bundle").glob("*.py")):
        mod = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        graph[mod] = _imports(path)
    assert "resolution_guide.bundle.hosted" in graph["resolution_guide.site.plugin"]  # the checker sees lazy imports

    def reaches(start, goal, seen=()):
        return any(n == goal or (n not in seen and reaches(n, goal, (*seen, n))) for n in graph.get(start, ()))
    assert [m for m in graph if reaches(m, m)] == []


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


def test_only_the_search_languages_the_index_uses_are_kept():
    assert lunr_files_needed(["en"]) == set()
    assert lunr_files_needed(["es"]) == {"min/lunr.es.min.js", "min/lunr.stemmer.support.min.js"}
    assert lunr_files_needed(["en", "ja"]) == {"min/lunr.ja.min.js", "min/lunr.stemmer.support.min.js",
                                               "min/lunr.multi.min.js", "tinyseg.js"}


def test_files_only_a_web_server_uses_are_left_out(tmp_path):
    site = tmp_path
    keep = ["index.html", "search/search_index.js", "assets/rg/js/runtime.js", "assets/rg/offline/code.js",
            "assets/javascripts/bundle.min.js", "assets/javascripts/lunr/min/lunr.es.min.js",
            "assets/javascripts/lunr/min/lunr.stemmer.support.min.js"]
    drop = ["404.html", "sitemap.xml", "sitemap.xml.gz", "assets/javascripts/bundle.min.js.map",
            "assets/stylesheets/main.css.map", "assets/rg/js/worker.mjs", "assets/rg/js/boot-config.mjs",
            "assets/javascripts/lunr/min/lunr.de.min.js", "assets/javascripts/lunr/min/lunr.multi.min.js",
            "assets/javascripts/lunr/tinyseg.js", "search/search_index.json"]
    for rel in keep + drop:
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text("x")
    (site / "search/search_index.json").write_text('{"config": {"lang": ["es"]}, "docs": []}')
    assert drop_hosted_only(site) == sorted(drop)
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == sorted(keep)


def test_readme_says_how_to_open_what_version_when_language_state_and_privacy():
    text = readme_text(INFO)
    for expected in ("resolution-guide-offline-9.8.7 and double-click index.html", "9.8.7", "2026-03-02", "English", "NC", "Nothing you type is sent anywhere",
                     "34 CFR 300.510"):
        assert expected in text


def test_zip_has_readme_first_then_the_site(tmp_path):
    site = tmp_path / "site"
    (site / "guide").mkdir(parents=True)
    (site / "index.html").write_text("home")
    (site / "guide" / "a.html").write_text("a")
    dest = write_zip(site, INFO, tmp_path / "dist" / INFO.filename)
    top = "resolution-guide-offline-9.8.7"  # one folder, named like the zip: unzipping makes no mess
    with zipfile.ZipFile(dest) as zf:
        assert zf.namelist() == [f"{top}/README.txt", f"{top}/guide/a.html", f"{top}/index.html"]
        assert b"9.8.7" in zf.read(f"{top}/README.txt")
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


def test_the_offline_pages_load_the_runtime_only_from_the_calculator(bundle_pages):
    """The head's early copy of runtime.js (hosted site only, DESIGN.md "Phone speed") is not in the offline copy:
    there the runtime needs runtime-file.js, which comes just before the calculator's own tag."""
    calculators = [p for p in bundle_pages if "runtime.js" in p.read_text(encoding="utf-8")]
    assert calculators
    for page in calculators:
        text = page.read_text(encoding="utf-8")
        assert "data-rg-start" not in text and text.count('js/runtime.js"') == 1, page
