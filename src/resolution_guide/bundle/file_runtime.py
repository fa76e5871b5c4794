"""Turn the self-hosted Pyodide files into classic scripts that load from file://.

Why: from disk, Chromium blocks every fetch of a file:// URL and refuses ES modules
and workers made from files. Classic <script> tags still load, so the interpreter,
the standard library and the engine wheel travel as strings inside .js files, and
the Emscripten glue (an ES module) becomes a classic script by two text edits.
The worker body itself (python-worker.js) is the hosted one, carried as a string too.
This module is the only build-time difference between the hosted and offline runtime;
src/resolution_guide/browser/widgets/js/runtime-file.js (the blob worker and the
page-thread fallback) is the only run-time difference.
"""

from __future__ import annotations

import base64
import gzip
import json
from pathlib import Path

from ..browser.paths import WIDGETS_DIR

#: The one worker body (DESIGN.md section 3), shared with the hosted module worker.
WORKER_BODY = WIDGETS_DIR / "js" / "python-worker.js"

#: Where the payload scripts live inside the offline site (runtime-file.js looks here).
PAYLOAD_DIR = "assets/rg/offline"

#: Files of the npm package that the offline site replaces by payload scripts.
PYODIDE_FILES = ("pyodide.js", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")


class PyodideLayoutError(RuntimeError):
    """The Pyodide files are not where the build expected them (a Pyodide update changed them)."""


def classic_asm_script(module_text: str) -> str:
    """Rewrite pyodide.asm.mjs (an ES module) so it runs as a classic script.

    Only two module-only features are used: one `export default` and `import.meta.url`.
    The factory becomes a global, and the URL is one the loader sets before calling it.
    """
    export = "export default _createPyodideModule;"
    if module_text.count(export) != 1:
        raise PyodideLayoutError("pyodide.asm.mjs: expected exactly one 'export default _createPyodideModule;'")
    text = module_text.replace(export, "globalThis.RGCreatePyodideModule = _createPyodideModule;")
    text = text.replace("import.meta.url", "globalThis.RGPyodideIndexURL")
    if "import.meta" in text:
        raise PyodideLayoutError("pyodide.asm.mjs: module syntax left after the rewrite")
    return _without_source_map(text)


def _without_source_map(text: str) -> str:
    """Drop `//# sourceMappingURL=` lines: the maps are not shipped and a blob cannot resolve them."""
    return "\n".join(line for line in text.splitlines() if not line.startswith("//# sourceMappingURL="))


def _assign(key: str, value) -> str:
    """One line of JavaScript that stores a JSON value under window/self.RGOffline[key]."""
    return f"(self.RGOffline=self.RGOffline||{{}})[{json.dumps(key)}]={json.dumps(value)};\n"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def minimal_lock(lock_text: str) -> dict:
    """Keep only the lock file's `info`: the offline runtime loads no Pyodide packages."""
    return {"info": json.loads(lock_text)["info"], "packages": {}}


def write_payloads(pyodide_dir: Path, stdlib_zip: Path, engine_archive: Path, out_dir: Path) -> list[Path]:
    """Write the payload scripts into out_dir and return their paths.

    code.js carries the loader, the rewritten glue and the worker body as strings
    (a worker is made from them as a blob); wasm.js the gzip'd interpreter; stdlib.js the standard
    library zip; engine.js our wheel. All are base64 so they stay plain ASCII.
    stdlib_zip and engine_archive may be the precompiled ones (precompile.py).
    """
    missing = [name for name in PYODIDE_FILES if not (pyodide_dir / name).is_file()]
    if missing:
        raise PyodideLayoutError(f"{pyodide_dir}: missing {', '.join(missing)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    loader = _without_source_map((pyodide_dir / "pyodide.js").read_text(encoding="utf-8"))
    glue = classic_asm_script((pyodide_dir / "pyodide.asm.mjs").read_text(encoding="utf-8"))
    wasm = gzip.compress((pyodide_dir / "pyodide.asm.wasm").read_bytes(), compresslevel=9, mtime=0)
    parts = {
        "code.js": _assign("loaderCode", loader) + _assign("glueCode", glue)
        + _assign("workerCode", WORKER_BODY.read_text(encoding="utf-8"))
        + _assign("lock", minimal_lock((pyodide_dir / "pyodide-lock.json").read_text(encoding="utf-8"))),
        "wasm.js": _assign("wasmGzip", _b64(wasm)),
        "stdlib.js": _assign("stdlib", _b64(stdlib_zip.read_bytes())),
        "engine.js": _assign("engine", _b64(engine_archive.read_bytes())),
    }
    written = []
    for name, text in parts.items():
        path = out_dir / name
        path.write_text(text, encoding="ascii")
        written.append(path)
    return written
