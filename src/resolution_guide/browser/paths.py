"""Where the build finds the browser sources: the widget code, templates and words ship inside
the package (browser/widgets/); Pyodide is the npm-installed copy."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
REPO_ROOT = Path(os.environ.get("RG_REPO_ROOT", PACKAGE_DIR.parents[1]))
WIDGETS_DIR = PACKAGE_DIR / "browser" / "widgets"
NODE_MODULES = REPO_ROOT / "node_modules"
PYODIDE_DIR = NODE_MODULES / "pyodide"
# Build cache (git-ignored): memory snapshots keyed by a hash of what they are made from.
SNAPSHOT_CACHE_DIR = Path(os.environ.get("RG_SNAPSHOT_CACHE", REPO_ROOT / ".cache" / "snapshots"))

# Where install() puts everything inside the built site, and what pages link to.
ASSETS_PREFIX = "assets/rg/"
