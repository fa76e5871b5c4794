"""The MkDocs plugin's hooks, with a tiny real config and a temporary docs tree (no Material, no widgets)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from resolution_guide.site.plugin import ResolutionGuidePlugin

BAD = Path(__file__).parent / "fixtures" / "bad"
PYODIDE_DIR = Path(__file__).resolve().parents[2] / "node_modules" / "pyodide"  # this checkout's `npm ci`


def _project(tmp_path: Path, minimal_content: Path, extra: str = "") -> Path:
    (tmp_path / "docs").mkdir(exist_ok=True)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: Tiny\n"
        "theme: mkdocs\n"
        "plugins:\n"
        "  - resolution-guide:\n"
        f"      content_dir: {minimal_content.name}\n"
        "      widgets: false\n" + extra)
    return config


def _build(config_file: Path):
    config = load_config(str(config_file), site_dir=str(config_file.parent / "site"))
    build(config)
    return config


def test_build_writes_generated_pages_and_menu(tmp_path, minimal_content):
    config = _build(_project(tmp_path, minimal_content))
    site = Path(config.site_dir)
    home = (site / "index.html").read_text()
    assert "Tiny guide" in home
    assert 'href="https://www.ecfr.gov/current/title-34/section-300.510#p-300.510(a)(1)"' in home
    assert '<abbr title="A written complaint asking for a hearing." tabindex="0">due process complaint</abbr>' in home
    assert "Day 15" in home  # resolution_meeting_by: 15 days, from the engine's catalog
    glossary = (site / "glossary" / "index.html").read_text()
    assert 'id="term-complaint"' in glossary
    assert (site / "assets" / "rg-site" / "guide.css").exists()
    assert config.nav == [{"Tiny guide": "index.md"}, {"Words": "glossary.md"}]


def test_handwritten_docs_page_replaces_the_generated_one(tmp_path, minimal_content):
    config_file = _project(tmp_path, minimal_content)
    (tmp_path / "docs" / "glossary.md").write_text("# Our own word list\n")
    config = _build(config_file)
    assert "Our own word list" in (Path(config.site_dir) / "glossary" / "index.html").read_text()


def test_bad_content_stops_the_build_and_keeps_the_previous_site(tmp_path, minimal_content, caplog):
    config_file = _project(tmp_path, minimal_content)
    site = Path(_build(config_file).site_dir)
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    shutil.copy(BAD / "unknown_deadline" / "timeline.yml", minimal_content / "en" / "timeline.yml")
    with pytest.raises((PluginError, Abort)):
        _build(config_file)
    assert "content/en/timeline.yml, line 9 at tracks[0].steps[0].deadline" in caplog.text
    after = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before


def test_disabled_plugin_generates_nothing(tmp_path, minimal_content):
    config_file = _project(tmp_path, minimal_content)
    config_file.write_text(config_file.read_text().replace("widgets: false", "widgets: false\n      enabled: false"))
    (tmp_path / "docs" / "index.md").write_text("# Hand-written only\n")
    site = Path(_build(config_file).site_dir)
    assert not (site / "glossary").exists()


def test_fork_templates_replace_package_templates(tmp_path, minimal_content):
    templates = tmp_path / "my-templates" / "blocks"
    templates.mkdir(parents=True)
    (templates / "glossary.md.j2").write_text("FORKED GLOSSARY with {{ content.terms | length }} term(s)\n")
    config = _build(_project(tmp_path, minimal_content, "      templates_dir: my-templates\n"))
    assert "FORKED GLOSSARY with 1 term(s)" in (Path(config.site_dir) / "glossary" / "index.html").read_text()


def test_serve_watches_content_and_templates(tmp_path, minimal_content):
    config = load_config(str(_project(tmp_path, minimal_content)))
    plugin = config.plugins["resolution-guide"]
    assert isinstance(plugin, ResolutionGuidePlugin)

    class Server:
        watched: list = []

        def watch(self, path):
            self.watched.append(Path(path))

    server = Server()
    plugin.on_serve(server, config=config, builder=None)
    assert minimal_content.resolve() in server.watched
    assert any(p.name == "templates" and p.parent.name == "site" for p in server.watched)


def test_missing_widget_module_is_a_clear_error(tmp_path, minimal_content, monkeypatch, caplog):
    import sys

    monkeypatch.setitem(sys.modules, "resolution_guide.browser.render", None)  # import fails
    config_file = _project(tmp_path, minimal_content)
    config_file.write_text(config_file.read_text().replace("widgets: false", f"widgets: true\n      pyodide_dir: {PYODIDE_DIR}"))
    with pytest.raises((PluginError, Abort)):
        _build(config_file)
    assert "cannot place the calculator 'deadlines'" in caplog.text
    assert "widgets: false" in caplog.text


@pytest.mark.parametrize("value,expected", [("true", True), ("1", True), ("false", False), ("0", False), ("", False)])
def test_offline_bundle_flag_reads_environment_words(tmp_path, minimal_content, monkeypatch, value, expected):
    monkeypatch.setenv("RG_TEST_BUNDLE", value)
    config_file = _project(tmp_path, minimal_content, "      offline_bundle: !ENV [RG_TEST_BUNDLE, false]\n")
    config = load_config(str(config_file))
    assert config.plugins["resolution-guide"].config.offline_bundle is expected


def test_a_flag_that_is_not_true_or_false_is_refused(tmp_path, minimal_content):
    config_file = _project(tmp_path, minimal_content, "      offline_bundle: maybe\n")
    with pytest.raises(Abort):
        load_config(str(config_file))


def test_rebuilds_remake_the_menu_from_changed_content(tmp_path, minimal_content):
    """Under `mkdocs serve` the same config object is built again after content changes."""
    config = load_config(str(_project(tmp_path, minimal_content)), site_dir=str(tmp_path / "site"))
    build(config)
    pages = minimal_content / "en" / "pages.yml"
    pages.write_text(pages.read_text().replace("title: Words", "title: Word list"))
    build(config)
    assert config.nav == [{"Tiny guide": "index.md"}, {"Word list": "glossary.md"}]


# ---------- paths come from mkdocs.yml, failed builds leave the old site ----------

def _files(site: Path) -> dict:
    return {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _leftovers(tmp_path: Path) -> list[str]:
    """Temporary build folders left beside the site (there must be none, failed or not)."""
    return sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site."))


def test_paths_are_read_relative_to_mkdocs_yml_not_the_current_folder(tmp_path, minimal_content, monkeypatch):
    config_file = _project(tmp_path, minimal_content)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    config = _build(config_file)
    assert "Tiny guide" in (Path(config.site_dir) / "index.html").read_text()


def test_a_missing_content_folder_is_one_sentence(tmp_path, minimal_content, caplog):
    config_file = _project(tmp_path, minimal_content)
    config_file.write_text(config_file.read_text().replace(f"content_dir: {minimal_content.name}", "content_dir: words"))
    with pytest.raises((PluginError, Abort)):
        _build(config_file)
    assert f"content folder {tmp_path / 'words'} does not exist" in caplog.text and "content_dir" in caplog.text


def test_a_good_build_replaces_the_site_and_leaves_no_temporary_folder(tmp_path, minimal_content):
    config_file = _project(tmp_path, minimal_content)
    site = Path(_build(config_file).site_dir)
    (site / "stale.html").write_text("from an older build")
    config = _build(config_file)
    assert Path(config.site_dir) == site  # gh-deploy and serve read it after the build
    assert not (site / "stale.html").exists() and (site / "index.html").is_file()
    assert _leftovers(tmp_path) == []


def test_missing_pyodide_stops_the_build_with_a_sentence_and_keeps_the_old_site(tmp_path, minimal_content, caplog):
    config_file = _project(tmp_path, minimal_content)
    site = Path(_build(config_file).site_dir)
    before = _files(site)
    config_file.write_text(config_file.read_text().replace("widgets: false", "widgets: true\n      pyodide_dir: npm/pyodide"))
    with pytest.raises((PluginError, Abort)):
        _build(config_file)
    assert f"{tmp_path / 'npm' / 'pyodide'} has no pyodide.mjs" in caplog.text and "npm ci" in caplog.text
    assert "Traceback" not in caplog.text
    assert _files(site) == before and _leftovers(tmp_path) == []


def test_a_late_build_problem_keeps_the_old_site(tmp_path, minimal_content, monkeypatch, caplog):
    """A failure after MkDocs wrote the pages (here: copying the calculators' files)."""
    from resolution_guide.browser import assets

    config_file = _project(tmp_path, minimal_content)
    site = Path(_build(config_file).site_dir)
    before = _files(site)

    def disk_full(site_dir, **options):
        raise assets.AssetsError("no space left to copy the calculators' files")
    monkeypatch.setattr(assets, "install", disk_full)
    config_file.write_text(config_file.read_text().replace("widgets: false", f"widgets: true\n      pyodide_dir: {PYODIDE_DIR}"))
    config_file.write_text(config_file.read_text().replace("site_name: Tiny", "site_name: Changed"))
    with pytest.raises((PluginError, Abort)):
        _build(config_file)
    assert "resolution-guide: no space left" in caplog.text
    assert _files(site) == before and _leftovers(tmp_path) == []


def test_a_broken_link_under_strict_keeps_the_old_site(tmp_path, minimal_content):
    """MkDocs aborts a strict build only after every plugin ran; the swap must not happen first."""
    config_file = _project(tmp_path, minimal_content)
    config_file.write_text("strict: true\n" + config_file.read_text())
    site = Path(_build(config_file).site_dir)
    before = _files(site)
    (tmp_path / "docs" / "extra.md").write_text("# Extra\n\nSee [the missing page](missing.md).\n")
    with pytest.raises(Abort, match="strict"):
        _build(config_file)
    assert _files(site) == before and _leftovers(tmp_path) == []


def _material_project(tmp_path: Path, minimal_content: Path, extra: str = "") -> Path:
    config_file = _project(tmp_path, minimal_content)
    config_file.write_text(config_file.read_text().replace("theme: mkdocs", "theme:\n  name: material\n" + extra))
    return config_file


def test_theme_override_comes_from_the_package(tmp_path, minimal_content):
    config = _build(_material_project(tmp_path, minimal_content))
    assert 'class="rgs-disclaimer"' in (Path(config.site_dir) / "index.html").read_text()


def test_a_forks_custom_dir_still_wins_over_the_packages_override(tmp_path, minimal_content):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "main.html").write_text(
        '{% extends "base.html" %}{% block content %}{{ super() }}<p class="our-note">Our note</p>{% endblock %}')
    config = _build(_material_project(tmp_path, minimal_content, "  custom_dir: mine\n"))
    home = (Path(config.site_dir) / "index.html").read_text()
    assert 'class="our-note"' in home and "rgs-disclaimer" not in home


def test_no_node_under_strict_is_a_sentence_and_keeps_the_old_site(tmp_path, minimal_content, monkeypatch, caplog):
    """Without Node there is no memory snapshot: a warning, which `strict` turns into a stop."""
    from resolution_guide.browser import assets

    config_file = _project(tmp_path, minimal_content)
    config_file.write_text("strict: true\n" + config_file.read_text())
    site = Path(_build(config_file).site_dir)
    before = _files(site)
    monkeypatch.setenv("RG_SNAPSHOT", "1")
    monkeypatch.setattr(assets.shutil, "which", lambda name: None)
    config_file.write_text(config_file.read_text().replace("widgets: false", f"widgets: true\n      pyodide_dir: {PYODIDE_DIR}"))
    with pytest.raises(Abort, match="strict"):
        _build(config_file)
    assert "Node.js (`node`) was not found" in caplog.text and "Install Node.js" in caplog.text
    assert _files(site) == before and _leftovers(tmp_path) == []
