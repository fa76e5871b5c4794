"""The package as a fork gets it: `pip install` of a built wheel into a fresh virtual environment,
then `mkdocs build` and `resolution-guide bundle` in a folder that holds only mkdocs.yml, the
content and (through the plugin options) the npm-installed Pyodide and iframe-worker files.
Each test checks that `resolution_guide` is imported from the fresh environment (conftest.py).
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.install

from install_helpers import NODE_MODULES, ROOT, clean_env as _env, run as _run  # noqa: E402


@pytest.fixture(scope="session")
def fork_folder(tmp_path_factory) -> Path:
    """mkdocs.yml (this project's, with the npm folders pointed at this checkout's) and the content."""
    folder = tmp_path_factory.mktemp("fork") / "guide"
    folder.mkdir()
    shutil.copytree(ROOT / "content", folder / "content")
    (folder / "docs").mkdir()
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "node_modules/pyodide" in config and "node_modules/iframe-worker" in config
    (folder / "mkdocs.yml").write_text(config.replace("node_modules/", f"{NODE_MODULES}/"), encoding="utf-8")
    return folder


def test_the_installed_copy_is_the_one_that_runs(fresh_python, tmp_path):
    out = _run([fresh_python, "-c", "import resolution_guide, sys; print(resolution_guide.__file__)"],
               cwd=tmp_path, env=_env()).stdout.strip()
    assert Path(out).is_relative_to(fresh_python.parents[1]), out
    assert not Path(out).is_relative_to(ROOT), out


def test_mkdocs_build_and_bundle_work_from_the_installed_package(fresh_python, fork_folder):
    probe = ("import mkdocs.plugins as p, resolution_guide.site.plugin as s; "
             "print(s.__file__); print(sorted(n for n in p.get_plugins() if n.startswith('resolution-guide')))")
    out = _run([fresh_python, "-c", probe], cwd=fork_folder, env=_env()).stdout
    assert str(fresh_python.parents[1]) in out.splitlines()[0]
    assert "'resolution-guide', 'resolution-guide/offline'" in out

    _run([fresh_python, "-m", "mkdocs", "build", "--strict", "-q"], cwd=fork_folder, env=_env())
    site = fork_folder / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'class="rgs-disclaimer"' in home                      # the theme override, from the package
    for rel in ("assets/rg/pyodide/pyodide.asm.wasm", "assets/rg/js/runtime.js", "assets/rg/locales/en.js",
                "assets/rg-site/guide.css"):
        assert (site / rel).is_file(), rel
    assert list((site / "assets/rg/engine").glob("*.whl"))
    if shutil.which("node"):                                      # the snapshot cache is the project's
        assert list((fork_folder / ".cache" / "snapshots").glob("*.bin.gz"))

    _run([fresh_python, "-m", "resolution_guide", "bundle", "-o", "dist"], cwd=fork_folder, env=_env())
    (zip_path,) = (fork_folder / "dist").glob("*-offline-*.zip")
    with zipfile.ZipFile(zip_path) as zf:
        names = zf.namelist()
    top = zip_path.name.removesuffix(".zip")
    assert names[0] == f"{top}/README.txt" and f"{top}/index.html" in names
    assert any(n.endswith("assets/rg/offline/engine.js") for n in names)
