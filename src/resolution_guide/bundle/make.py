"""The offline zip: build the guide with the offline plugin switched on, in this process, and zip it.

Used by `resolution-guide bundle` (commands.py) and by the hosted build's Download page
(hosted.py). It is a separate MkDocs build with its own loaded config and plugin instances,
into a temporary folder; nothing else of the calling build is touched.
"""

from __future__ import annotations

import sys
from dataclasses import replace
import tempfile
from pathlib import Path

from .archive import BundleInfo, write_zip
from .plugin import switch_on


def _stderr_progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build_offline_site(config_file: Path, site_dir: Path) -> BundleInfo:
    """Build the offline site into site_dir; raise MkDocs' own errors (PluginError, Abort, ...)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file), site_dir=str(site_dir))
    offline = switch_on(config)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    site = config.plugins.get("resolution-guide")
    notes = site.language_notes() if hasattr(site, "language_notes") else ()
    help_text = site.readme_help() if hasattr(site, "readme_help") else ""  # mkdocs.yml `organization:`
    # one zip holds every language (DESIGN.md, "Languages")
    return replace(offline.info, languages=notes, help=help_text)


def make_bundle(config_file: Path, dest_dir: Path, say=_stderr_progress) -> tuple[Path, BundleInfo]:
    """Build the offline site in a temporary folder and zip it into dest_dir; return (zip, info)."""
    config_file = Path(config_file).resolve()
    with tempfile.TemporaryDirectory(prefix="rg-offline-") as tmp:
        site_dir = Path(tmp) / "site"
        say("[1/2] building the guide with the offline plugin (MkDocs)...")
        info = build_offline_site(config_file, site_dir)
        say(f"[2/2] writing {info.filename}...")
        last = [-1]

        def progress(done: int, total: int) -> None:
            tenth = done * 10 // total
            if tenth != last[0]:
                last[0] = tenth
                say(f"      {done}/{total} files")

        zip_path = write_zip(site_dir, info, Path(dest_dir) / info.filename, progress)
    say(f"done: {zip_path} ({zip_path.stat().st_size / 1e6:.1f} MB)")
    return zip_path, info
