"""Finish a built site for reading from disk (used by the offline plugin, bundle/plugin.py).

Why a plugin and not a second mkdocs.yml: the offline site must follow every change to the
hosted config (plugins, nav, theme), so it is the same config with the offline plugin switched
on, and only these settings differ:
- use_directory_urls false, so links point at files (`page.html`, not `page/`);
- search from disk: the index as a script (what Material's `offline` plugin does), and the
  iframe-worker shim served from the copy instead of a CDN;
- no instant navigation (it needs fetch(), which file:// pages cannot use);
- no web fonts (Material loads them from a public CDN);
- the file:// runtime for the calculators (see file_runtime.py and runtime-file.js).
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path

from .file_runtime import PAYLOAD_DIR, write_payloads
from .precompile import precompile


#: Saves the browser's Worker before the iframe-worker shim replaces it on file:// pages.
KEEP_WORKER = "assets/rg/keep-worker.js"
SHIM = "assets/rg/iframe-worker-shim.js"
#: Copied with the other widget scripts by resolution_guide.browser.assets.install.
RUNTIME_FILE = "assets/rg/js/runtime-file.js"
#: The shim's file inside the iframe-worker npm package.
SHIM_IN_PACKAGE = Path("shim") / "index.js"


class OfflineBuildError(RuntimeError):
    """The offline site could not be built; the message says which step and why."""


def apply_offline_settings(config) -> None:
    """Change a loaded MkDocs config into the offline one (called from the plugin's on_config)."""
    config.use_directory_urls = False
    theme = config.theme
    theme["font"] = False  # web fonts come from a public CDN; the system's fonts need no request
    if "features" in theme:
        theme["features"] = [f for f in theme["features"] if not str(f).startswith("navigation.instant")]
    polyfills = [p for p in (config.extra.get("polyfills") or []) if "iframe-worker" not in str(p)]
    config.extra["polyfills"] = [KEEP_WORKER, SHIM] + [p for p in polyfills if p not in (KEEP_WORKER, SHIM)]


def write_search_index_script(site_dir: Path) -> bool:
    """search/search_index.js: the index as a script, which Material's search reads on file:// pages."""
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return False
    (index.parent / "search_index.js").write_text("var __index = " + index.read_text(encoding="utf-8"),
                                                   encoding="utf-8")
    return True


#: Files of a built site that only a web server uses (relative to the site folder).
HOSTED_ONLY = ("404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "rg-sw.js",
               "rg-sw-register.js", "_headers")
#: Precompressed siblings (x.wasm.br beside x.wasm): a server picks them by Accept-Encoding; a disk never does.
PRECOMPRESSED = (".br", ".gz")
#: Material's search languages (lunr); which of them its search worker loads is decided by the index's `lang`.
LUNR_DIR = "assets/javascripts/lunr"


def search_languages(site_dir: Path) -> list[str]:
    """The languages the built search index is made for (its config.lang), e.g. ["en"]."""
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return []
    return list(json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang") or ["en"])


def lunr_files_needed(langs: list[str]) -> set[str]:
    """What Material's search worker imports for these languages (names under LUNR_DIR)."""
    needed = {f"min/lunr.{code}.min.js" for code in langs if code != "en"}
    if needed:
        needed.add("min/lunr.stemmer.support.min.js")
    if len(langs) > 1:
        needed.add("min/lunr.multi.min.js")
    if "ja" in langs:
        needed.add("tinyseg.js")
    if {"hi", "th"} & set(langs):
        needed.add("wordcut.js")
    return needed


def drop_hosted_only(site_dir: Path) -> list[str]:
    """Remove what the copy on disk never loads: server-only files (the headers file, the service
    worker and its registration, precompressed siblings), source maps, module scripts
    (browsers refuse them from file://; the offline runtime is classic scripts) and the search
    languages the index does not use. Returns the removed paths, relative to site_dir."""
    keep_lunr = lunr_files_needed(search_languages(site_dir))
    doomed = [site_dir / name for name in HOSTED_ONLY]
    doomed += site_dir.rglob("*.map")
    doomed += [p for p in site_dir.rglob("*") if p.suffix in PRECOMPRESSED]
    doomed += (site_dir / "assets" / "rg").rglob("*.mjs")
    lunr = site_dir / LUNR_DIR
    doomed += [p for p in lunr.rglob("*") if p.is_file() and p.relative_to(lunr).as_posix() not in keep_lunr]
    removed = []
    for path in doomed:
        if path.is_file():
            path.unlink()
            removed.append(path.relative_to(site_dir).as_posix())
    for folder in sorted((p for p in lunr.rglob("*") if p.is_dir()), reverse=True) + [lunr]:
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return sorted(removed)


def copy_shims(site_dir: Path, shim_source: Path) -> None:
    """keep-worker.js (ours) and the iframe-worker shim (npm), which every page loads on disk."""
    for src, dest in ((Path(__file__).with_name("keep-worker.js"), KEEP_WORKER), (shim_source, SHIM)):
        if not src.is_file():
            raise OfflineBuildError(f"{src} is missing")
        (site_dir / dest).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, site_dir / dest)


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
        raise OfflineBuildError(f"{RUNTIME_FILE} is missing from the built site (the widgets' js/runtime-file.js)")
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

