"""Where the files a new guide starts from are: in the wheel, or in the source checkout.

The wheel carries `resolution_guide/starter/` (content, package.json, package-lock.json), copied
there by setup.py from the repository root, which is their single source. An editable install
(`./dev setup`) has no such copy, so the checkout's own files are used.
"""

from __future__ import annotations

import json
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
IN_WHEEL = PACKAGE_DIR / "starter"
CHECKOUT = PACKAGE_DIR.parents[1]  # src/resolution_guide -> the repository root


class StarterMissing(ValueError):
    """The installed package has no starter files (a broken or hand-made install)."""


def starter_dir() -> Path:
    """The folder that holds `content/`, `package.json` and `package-lock.json`."""
    for folder in (IN_WHEEL, CHECKOUT):
        if (folder / "content" / "en" / "pages.yml").is_file() and (folder / "package-lock.json").is_file():
            return folder
    raise StarterMissing(f"the installed resolution-guide package has no starter files ({IN_WHEEL} is missing); "
                         "reinstall it from a wheel built with `python -m build`")


def runtime_only(package: dict) -> dict:
    """package.json without the development tools (the accessibility checker of the tests)."""
    return {key: value for key, value in package.items() if key != "devDependencies"}


def runtime_only_lock(lock: dict) -> dict:
    """package-lock.json without the development tools, still in step with `runtime_only` for `npm ci`."""
    packages = {}
    for name, entry in lock.get("packages", {}).items():
        if name == "":
            entry = {key: value for key, value in entry.items() if key != "devDependencies"}
        elif entry.get("dev"):
            continue
        packages[name] = entry
    return {**lock, "packages": packages}


def npm_files() -> dict[str, str]:
    """package.json and package-lock.json for a new guide: the pinned Pyodide and iframe-worker."""
    folder = starter_dir()
    package = json.loads((folder / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((folder / "package-lock.json").read_text(encoding="utf-8"))
    package = {**runtime_only(package), "name": "resolution-guide-site",
               "description": "The pinned files the guide's calculators need (npm ci)."}
    lock = runtime_only_lock(lock)
    lock["name"] = lock["packages"][""]["name"] = package["name"]
    return {name: json.dumps(data, indent=2) + "\n"
            for name, data in (("package.json", package), ("package-lock.json", lock))}
