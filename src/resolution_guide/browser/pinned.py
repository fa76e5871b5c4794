"""The recorded sha256 of every Pyodide file the site ships, and the check against it
(issue 15 item 7, DESIGN.md section "Phone speed and checked runtime files").

Why: npm checks the package's integrity when it installs it, but the build copies files from
a folder anyone can edit afterwards; a changed pyodide.mjs would be shipped to every family.
So the build hashes what it copies and stops, with a sentence, on any difference.

    python -m resolution_guide.browser.pinned [PYODIDE_DIR]   # record again after a version bump
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from .paths import WIDGETS_DIR

RECORD = WIDGETS_DIR / "build" / "pyodide-files.json"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def recorded() -> dict:
    return json.loads(RECORD.read_text(encoding="utf-8"))


def mismatches(folder: Path, names) -> list[str]:
    """The names among `names` whose file in `folder` differs from the record (or is not recorded)."""
    hashes = recorded()["sha256"]
    return [name for name in names if hashes.get(name) != sha256_file(Path(folder) / name)]


def record(pyodide_dir: Path, names) -> None:
    """Write the record from an npm-installed package folder (run after changing the pinned version)."""
    version = json.loads((Path(pyodide_dir) / "package.json").read_text(encoding="utf-8"))["version"]
    data = recorded()
    data.update(version=version, sha256={name: sha256_file(Path(pyodide_dir) / name) for name in sorted(names)})
    RECORD.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    from .assets import PYODIDE_FILES
    record(Path(sys.argv[1] if len(sys.argv) > 1 else "node_modules/pyodide"), PYODIDE_FILES)
    print(f"recorded {len(PYODIDE_FILES)} files in {RECORD}")
