"""The hosted site's Download page: build the offline zip into the site and describe it.

Called by the site plugin at the end of a hosted build when its option `offline_bundle` is true.
The zip is made by a second, separate MkDocs build in this process (make.make_bundle, with the
offline plugin switched on) into a temporary folder; the Download page's marker is then replaced
by a link with the zip's size and build date, so the page never promises a file that is not there.
The offline build never comes back here: the site plugin skips this step when the offline
plugin is on (DESIGN.md section 8).
"""

from __future__ import annotations

import logging
from pathlib import Path

from .make import make_bundle
from .markers import MARKER, fill_markers

log = logging.getLogger("mkdocs.plugins.resolution_guide.bundle")

DOWNLOAD_DIR = "download"


def publish(site_dir, config, words_for=None) -> Path:
    """Build the offline zip into site_dir/download/, link it from the Download page, return its path.

    words_for(lang) -> (labels, build date in words): each language's page links the zip in its words."""
    site_dir = Path(site_dir)
    zip_path, info = make_bundle(Path(config.config_file_path), site_dir / DOWNLOAD_DIR, say=log.info)
    dated = (lambda lang: (lambda labels, say_date: (labels, say_date(f"{info.built:%Y-%m-%d}")))(*words_for(lang))
             ) if words_for else None
    if not fill_markers(site_dir, zip_path, info, dated):  # a warning fails a --strict build: the page would lack its link
        log.warning(f"no page has the marker {MARKER}; the zip is at {DOWNLOAD_DIR}/{zip_path.name} but nothing links it")
    return zip_path
