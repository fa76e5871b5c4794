"""The package as a fork gets it: `pip install` of a built wheel into a fresh virtual environment,
then `mkdocs build` and `resolution-guide bundle` in a folder that holds only mkdocs.yml, the
content and (through the plugin options) the npm-installed Pyodide and iframe-worker files.

Why not `--system-site-packages`: the base interpreter does not have MkDocs, and this checkout's
editable install must not be the copy that runs. The fresh environment gets the test environment's
third-party packages through a plain `.pth` line (which adds the folder to sys.path but does not
run the editable install's own `.pth` hook there), after its own site-packages; each test checks
that `resolution_guide` is imported from the fresh environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.install

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"


def _run(args, cwd, env=None, timeout=300) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        pytest.fail(f"{' '.join(map(str, args))} failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return proc


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    """The wheel `pip wheel .` makes from a copy of the sources (the checkout gets no build/ folder)."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", tmp / "dist", source], cwd=tmp)
    (built,) = (tmp / "dist").glob("resolution_guide-*.whl")
    return built


@pytest.fixture(scope="session")
def fresh_python(wheel, tmp_path_factory) -> Path:
    """A new virtual environment with only the wheel installed (and the test environment's dependencies)."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    _run([sys.executable, "-m", "venv", venv], cwd=venv.parent)
    python = venv / "bin" / "python"
    purelib = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                        cwd=venv).stdout.strip())
    (purelib / "zz_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run([python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", wheel], cwd=venv)
    return python


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


def _env() -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "RG_OFFLINE_BUNDLE", "RG_WIDGETS")}
    return {**env, "NO_MKDOCS_2_WARNING": "1"}


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
