"""One build, every language (DESIGN.md, "Languages").

The first language of the plugin option `languages` is built by MkDocs at the site root. Each
other language is a second, complete MkDocs build of the same mkdocs.yml, run from the first
build's `on_post_build` into `<site>/<code>/`, with the theme language, the search language
(stemming) and the plugin's locale switched. So every language gets its own menu, its own
search index with its own stemmer, and Material's own words, from one `mkdocs build`.

Pages are paired by their `id` in `pages.yml` (a translation may rename files); the language
switch and the `hreflang` links go to the same page in the other language, as relative URLs.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass



def native_name(code: str) -> str:
    """The language's name in that language: `meta.name` of its calculator words (one place)."""
    from ..browser.paths import WIDGETS_DIR
    from .wordfiles import read_word_file

    path = WIDGETS_DIR / "locales" / f"{code}.yml"
    meta = read_word_file(path).get("meta") if path.is_file() else None
    return str(meta.get("name") or code) if isinstance(meta, dict) else code


@dataclass(frozen=True)
class Edition:
    """One language of the build: where its site root is (relative to the first language's root)
    and its pages' URLs by page id."""
    code: str
    prefix: str  # "" for the first language, "es/" for the others
    urls: dict  # page id -> URL relative to this edition's root ("", "who/", "who.html")


def page_url(file: str, use_directory_urls: bool) -> str:
    """The URL MkDocs gives a Markdown file (index.md -> "", who.md -> "who/" or "who.html")."""
    stem = file[:-3]
    if use_directory_urls:
        if stem == "index":
            return ""
        return stem[:-5] if stem.endswith("/index") else stem + "/"
    return stem + ".html"


def editions(languages: list[str], pages_by_language: dict, use_directory_urls: bool) -> list[Edition]:
    """The editions of one build; `pages_by_language` maps a code to that language's pages.yml list."""
    out = []
    for i, code in enumerate(languages):
        urls = {p["id"]: page_url(p["file"], use_directory_urls) for p in pages_by_language[code]}
        out.append(Edition(code, "" if i == 0 else f"{code}/", urls))
    return out


def alternates(editions_: list[Edition], current: str, page_id: str | None, page_url_: str) -> list[dict]:
    """For one page: each language's version of it, as a link relative to the page.

    A page with no counterpart (a hand-written docs/ page) links to the other language's home."""
    here = next(e for e in editions_ if e.code == current)
    where = here.prefix + page_url_
    page_dir = where if where.endswith("/") or where == "" else posixpath.dirname(where)
    out = []
    for e in editions_:
        target = e.prefix + e.urls[page_id] if page_id in e.urls else e.prefix
        rel = posixpath.relpath(target or ".", page_dir or ".")
        if target.endswith("/") or target == "":
            rel = rel.rstrip("/") + "/"
        out.append({"lang": e.code, "name": native_name(e.code), "href": rel,
                    "current": e.code == current})
    return out


def build_edition(config_file: str, code: str, site_dir: str, parent) -> None:
    """Build one more language of the same mkdocs.yml into site_dir (a folder of the first one).

    `parent` is the first build's plugin: the sub-build reuses its editions and shares its
    calculator assets (installed once, at the root) instead of copying Pyodide per language."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file, site_dir=site_dir)
    config.theme["language"] = code
    config.site_name = parent.config.site_names.get(code, config.site_name)  # the title in this language
    if config.site_url:  # this language's sitemap and 404 page link its own pages, under <site_url><code>/
        prefix = next((e.prefix for e in parent.editions if e.code == code), f"{code}/")
        config.site_url = config.site_url.rstrip("/") + "/" + prefix
    for plugin in config.plugins.values():
        if hasattr(plugin, "as_edition"):
            plugin.as_edition(code, parent)
    if parent.offline_enabled:
        from ..bundle.plugin import switch_on
        switch_on(config)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
