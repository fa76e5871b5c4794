"""Precompiled Python for the offline runtime (see precompile.js for why).

Runs Node with the pinned Pyodide at build time. If that fails, the bundle keeps the
plain sources: it still works, it only starts slower, and the build says so.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).with_name("precompile.js")


def precompile(pyodide_dir: Path, wheel: Path, out_dir: Path, say=print) -> tuple[Path, Path]:
    """Return (stdlib zip, engine archive) to embed: precompiled ones, or the originals."""
    stdlib, engine = out_dir / "python_stdlib.pyc.zip", out_dir / "engine.pyc.zip"
    node = shutil.which("node")
    if node:
        proc = subprocess.run([node, str(SCRIPT), str(pyodide_dir), str(wheel), str(stdlib), str(engine)],
                              capture_output=True, text=True, timeout=300)
        if proc.returncode == 0 and stdlib.is_file() and engine.is_file():
            return stdlib, engine
        say(f"warning: precompiling Python failed; the calculators will start slower.\n{proc.stderr[-1500:]}")
    else:
        say("warning: node not found; Python is not precompiled and the calculators will start slower")
    return pyodide_dir / "python_stdlib.zip", wheel
