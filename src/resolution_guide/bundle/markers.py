"""The Download page's marker and what replaces it: a link to the zip on the hosted site, the
copy's own version and date inside the offline copy. Pure functions over built HTML files."""

from __future__ import annotations

import html
import posixpath
import re
from typing import Callable
from pathlib import Path

from .archive import BundleInfo

MARKER = "<!-- rg:bundle-info -->"


def human_size(n_bytes: int) -> str:
    return f"{n_bytes / 1e6:.1f} MB"


ENGLISH = {"bundle_link": "Download the offline guide ({file}, ZIP, {size})",
           "bundle_built": "Version {version}, built {date}.",
           "bundle_details": "Languages: {languages}. State rules: {state}."}
PAGE_LANG = re.compile(r'<html[^>]*\blang="([A-Za-z-]+)"')


def bundle_info_html(href: str, size: int, info: BundleInfo, words: dict | None = None,
                     date_text: str | None = None) -> str:
    """The text that replaces the marker, in the page's language (words: that language's labels)."""
    words = {**ENGLISH, **{k: v for k, v in (words or {}).items() if k in ENGLISH and v}}
    when = date_text or f"{info.built:%B} {info.built.day}, {info.built:%Y}"
    link = words["bundle_link"].format(file=html.escape(info.filename), size=human_size(size))
    built = words["bundle_built"].format(
        version=html.escape(info.version),
        date=f'<time datetime="{info.built:%Y-%m-%d}">{html.escape(when)}</time>')
    languages = ", ".join([info.language, *(name for name, *_ in info.languages)])
    details = words["bundle_details"].format(languages=html.escape(languages), state=html.escape(info.state))
    return (f'<p class="rg-bundle-info"><a href="{html.escape(href)}" download>{html.escape(link)}</a><br>'
            f"{built} {details}</p>")


def fill_markers(site_dir: Path, zip_path: Path, info: BundleInfo,
                 words_for: Callable[[str], tuple[dict, str]] | None = None) -> list[Path]:
    """Replace the marker in every built page that has it; return those pages.

    words_for(lang) gives the labels and the build date as that language writes it, so each
    language's Download page links the zip in its own words."""
    size = zip_path.stat().st_size
    target = zip_path.relative_to(site_dir).as_posix()
    pages = []
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if MARKER not in text:
            continue
        page_dir = page.parent.relative_to(site_dir).as_posix()
        href = posixpath.relpath(target, page_dir if page_dir != "." else "")
        lang = PAGE_LANG.search(text)
        words, when = words_for(lang.group(1)) if (words_for and lang) else (None, None)
        page.write_text(text.replace(MARKER, bundle_info_html(href, size, info, words, when)), encoding="utf-8")
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
