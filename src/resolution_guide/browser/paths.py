"""Where the build finds the browser sources.

Only folders inside the installed package live here: the widget code, templates, definitions
and words (browser/widgets/). What comes from outside the package (the npm-installed Pyodide
files, the build cache) is found through the MkDocs plugin's options, resolved against the
folder of mkdocs.yml, and passed in by the caller: never through the source checkout, so
`pip install .` followed by `mkdocs build` in another folder works (DESIGN.md, "Package data and project paths").
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
WIDGETS_DIR = PACKAGE_DIR / "browser" / "widgets"

# Where install() puts everything inside the built site, and what pages link to.
ASSETS_PREFIX = "assets/rg/"
