"""Shared by the tests that install the package as a fork gets it: the wheel, built once per
session from a copy of the sources, and a fresh virtual environment with only that wheel.

Why not `--system-site-packages`: the base interpreter does not have MkDocs, and this checkout's
editable install must not be the copy that runs. The fresh environment gets the test environment's
third-party packages through a plain `.pth` line (which adds the folder to sys.path but does not
run the editable install's own `.pth` hook there), after its own site-packages.
"""

from __future__ import annotations

import shutil
import sys
import sysconfig
from pathlib import Path

import pytest

from install_helpers import ROOT, run


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    """The wheel `pip wheel .` makes from a copy of the sources (the checkout gets no build/ folder).

    The copy holds what the sdist holds (MANIFEST.in): setup.py puts the content and the npm pins
    into the wheel for `resolution-guide new`."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "package.json", "package-lock.json"):
        shutil.copy2(ROOT / name, source / name)
    for name in ("src", "content"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", tmp / "dist", source], cwd=tmp)
    (built,) = (tmp / "dist").glob("resolution_guide-*.whl")
    return built


@pytest.fixture(scope="session")
def fresh_python(wheel, tmp_path_factory) -> Path:
    """A new virtual environment with only the wheel installed (and the test environment's dependencies)."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    run([sys.executable, "-m", "venv", venv], cwd=venv.parent)
    python = venv / "bin" / "python"
    purelib = Path(run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                        cwd=venv).stdout.strip())
    (purelib / "zz_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run([python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", wheel], cwd=venv)
    return python
