"""The hosted site's download page: put the offline zip in the site and describe it.

Called by the site plugin after a hosted build when its option `offline_bundle`
is true. The Download page holds the marker below; it is replaced by a link with
the zip's size and build date, so the page never promises a file that is not there.
"""

from __future__ import annotations

import html
import logging
import os
import posixpath
from pathlib import Path

from .archive import BundleInfo
from .offline_site import BUILDING_OFFLINE_ENV

log = logging.getLogger("mkdocs.plugins.resolution_guide.bundle")

MARKER = "<!-- rg:bundle-info -->"
DOWNLOAD_DIR = "download"


def human_size(n_bytes: int) -> str:
    return f"{n_bytes / 1e6:.1f} MB"


def bundle_info_html(href: str, size: int, info: BundleInfo) -> str:
    """The text that replaces the marker (English; the Download page's own text carries the rest)."""
    return (
        f'<p class="rg-bundle-info"><a href="{html.escape(href)}" download>'
        f"Download the offline guide ({html.escape(info.filename)}, ZIP, {human_size(size)})</a><br>"
        f'Version {html.escape(info.version)}, built <time datetime="{info.built:%Y-%m-%d}">'
        f"{info.built:%B} {info.built.day}, {info.built:%Y}</time>. "
        f"Language: {html.escape(info.language)}. State rules: {html.escape(info.state)}.</p>"
    )


def fill_markers(site_dir: Path, zip_path: Path, info: BundleInfo) -> list[Path]:
    """Replace the marker in every built page that has it; return those pages."""
    size = zip_path.stat().st_size
    target = zip_path.relative_to(site_dir).as_posix()
    pages = []
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if MARKER not in text:
            continue
        page_dir = page.parent.relative_to(site_dir).as_posix()
        href = posixpath.relpath(target, page_dir if page_dir != "." else "")
        page.write_text(text.replace(MARKER, bundle_info_html(href, size, info)), encoding="utf-8")
        pages.append(page)
    return pages


def mark_offline_copy(site_dir: Path, info: BundleInfo) -> list[Path]:
    """In the offline copy itself, the marker says which copy the reader has instead of linking a zip."""
    text = (f'<p class="rg-bundle-info">You are reading the offline copy: version {html.escape(info.version)}, '
            f'built <time datetime="{info.built:%Y-%m-%d}">{info.built:%B} {info.built.day}, {info.built:%Y}</time>.</p>')
    pages = []
    for page in sorted(Path(site_dir).rglob("*.html")):
        content = page.read_text(encoding="utf-8")
        if MARKER in content:
            page.write_text(content.replace(MARKER, text), encoding="utf-8")
            pages.append(page)
    return pages


def publish(site_dir, config) -> Path | None:
    """Build the offline zip into site_dir/download/ and link it from the Download page.

    Returns the zip's path, or None inside the offline build itself (which must not
    recurse into making another zip).
    """
    if os.environ.get(BUILDING_OFFLINE_ENV):
        return None
    from mkdocs.exceptions import PluginError

    from .make import make_bundle
    from .file_runtime import PyodideLayoutError
    from .offline_site import OfflineBuildError

    site_dir = Path(site_dir)
    try:
        zip_path, info = make_bundle(Path(config.config_file_path), site_dir / DOWNLOAD_DIR)
    except (OfflineBuildError, PyodideLayoutError) as err:
        raise PluginError(f"resolution-guide: the offline bundle could not be built: {err}") from None
    if not fill_markers(site_dir, zip_path, info):  # a warning fails a --strict build: the page would lack its link
        log.warning(f"no page has the marker {MARKER}; the zip is at {DOWNLOAD_DIR}/{zip_path.name} but nothing links it")
    return zip_path
