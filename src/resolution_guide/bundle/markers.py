"""The Download page's marker and what replaces it: a link to the zip on the hosted site, the
copy's own version and date inside the offline copy. Pure functions over built HTML files."""

from __future__ import annotations

import html
import posixpath
from pathlib import Path

from .archive import BundleInfo

MARKER = "<!-- rg:bundle-info -->"


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
