"""Build the guide for reading from disk: the hosted config with a few settings changed.

Why in code and not a second mkdocs.yml: the offline site must follow every change to
the hosted config (plugins, nav, theme), so it is derived from it at build time and
only these settings differ:
- use_directory_urls false, so links point at files (`page.html`, not `page/`);
- Material's `offline` plugin, so search works without a server, with its
  iframe-worker shim served from the bundle instead of a CDN;
- no instant navigation (it needs fetch(), which file:// pages cannot use);
- no web fonts (Material loads them from a public CDN);
- the file:// runtime for the calculators (see file_runtime.py and runtime-file.js).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..browser.paths import NODE_MODULES
from .file_runtime import PAYLOAD_DIR, write_payloads
from .precompile import precompile


#: Saves the browser's Worker before the iframe-worker shim replaces it on file:// pages.
KEEP_WORKER = "assets/rg/keep-worker.js"
SHIM = "assets/rg/iframe-worker-shim.js"
#: Copied with the other widget scripts by resolution_guide.browser.assets.install.
RUNTIME_FILE = "assets/rg/js/runtime-file.js"

#: Set while the offline site is built: the hosted-only download step must not run again inside it.
BUILDING_OFFLINE_ENV = "RG_BUILDING_OFFLINE"


class OfflineBuildError(RuntimeError):
    """The offline site could not be built; the message says which step and why."""


def offline_overrides(raw: dict) -> dict:
    """Config values that replace the hosted ones (raw: the hosted mkdocs.yml, as loaded)."""
    plugins = raw.get("plugins", ["search"])
    if isinstance(plugins, dict):
        plugins = [{name: opts} if opts else name for name, opts in plugins.items()]
    plugins = list(plugins)
    names = {p if isinstance(p, str) else next(iter(p)) for p in plugins}
    if not names & {"search", "material/search"}:
        plugins.append("search")
    if not names & {"offline", "material/offline"}:
        plugins.append("offline")
    theme = dict(raw.get("theme") or {"name": "material"})
    theme["font"] = False  # web fonts come from a public CDN; the system's fonts need no request
    theme["features"] = [f for f in theme.get("features", []) if not str(f).startswith("navigation.instant")]
    extra = dict(raw.get("extra") or {})
    extra["polyfills"] = [KEEP_WORKER, SHIM] + [p for p in extra.get("polyfills", []) if "iframe-worker" not in p]
    return {"use_directory_urls": False, "plugins": plugins, "theme": theme, "extra": extra}


def build_site(config_file: Path, site_dir: Path) -> None:
    """Run MkDocs in a child process, so a hosted build that calls us keeps its own state."""
    # RG_SNAPSHOT=0: the offline bundle deletes the hosted pyodide/ folder, so no memory snapshot.
    env = {**os.environ, BUILDING_OFFLINE_ENV: "1", "RG_OFFLINE_BUNDLE": "false", "RG_SNAPSHOT": "0"}
    proc = subprocess.run(
        [sys.executable, "-m", "resolution_guide.bundle.offline_site", str(config_file), str(site_dir)],
        cwd=config_file.parent, env=env, capture_output=True, text=True,
    )
    if proc.returncode != 0:
        raise OfflineBuildError(f"mkdocs build (offline settings) failed:\n{proc.stdout}{proc.stderr}")


def _build_in_this_process(config_file: Path, site_dir: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, "rb") as fh:
        raw = yaml_load(fh)
    config = load_config(str(config_file), site_dir=str(site_dir), **offline_overrides(raw))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def install_file_runtime(site_dir: Path, say=print) -> None:
    """Replace the hosted Pyodide files by the classic-script payloads and add the adapter."""
    asm = sorted(site_dir.rglob("pyodide.asm.mjs"))
    wheels = sorted(site_dir.rglob("*.whl"))
    if len(asm) != 1 or len(wheels) != 1:
        raise OfflineBuildError(
            f"expected one Pyodide copy and one engine wheel in the built site, found {len(asm)} and {len(wheels)}"
            " (is resolution_guide.browser.assets.install run by the site plugin?)")
    pyodide_dir, wheel = asm[0].parent, wheels[0]
    with tempfile.TemporaryDirectory(prefix="rg-pyc-") as tmp:
        stdlib_zip, engine_archive = precompile(pyodide_dir, wheel, Path(tmp), say=say)
        write_payloads(pyodide_dir, stdlib_zip, engine_archive, site_dir / PAYLOAD_DIR)
    shutil.rmtree(pyodide_dir)  # useless from disk (fetch is blocked) and 13 MB
    wheel.unlink()
    if not any(wheel.parent.iterdir()):
        wheel.parent.rmdir()
    if not (site_dir / RUNTIME_FILE).is_file():
        raise OfflineBuildError(f"{RUNTIME_FILE} is missing from the built site (src/resolution_guide/browser/widgets/js/runtime-file.js)")
    for src, dest in ((Path(__file__).with_name("keep-worker.js"), KEEP_WORKER),
                      (NODE_MODULES / "iframe-worker" / "shim" / "index.js", SHIM)):
        if not src.is_file():
            raise OfflineBuildError(f"{src} is missing (run `npm ci` at the repository root)")
        (site_dir / dest).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, site_dir / dest)
    add_runtime_script_tags(site_dir)


_RUNTIME_TAG = re.compile(r'<script\b[^>]*\bsrc="(?P<root>[^"]*?)assets/rg/(?:js/)?runtime\.js"[^>]*>\s*</script>')


def add_runtime_script_tags(site_dir: Path) -> int:
    """Load runtime-file.js right before runtime.js on each page that has a calculator.

    The widget HTML stays the one the hosted site has; only this tag is added.
    Returns the number of pages changed.
    """
    changed = 0
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        match = _RUNTIME_TAG.search(text)
        if not match or RUNTIME_FILE in text:
            continue
        tag = f'<script src="{match.group("root")}{RUNTIME_FILE}"></script>'
        page.write_text(text[:match.start()] + tag + text[match.start():], encoding="utf-8")
        changed += 1
    return changed


if __name__ == "__main__":  # the child process started by build_site
    _build_in_this_process(Path(sys.argv[1]), Path(sys.argv[2]))
