"""One `mkdocs build` makes every language: English at the root, Spanish under es/ (DESIGN.md, "Languages")."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

SKIP_DIRS = {"assets", "search", "download"}


class _Links(HTMLParser):
    """The page's <html lang>, its hreflang alternates and its language switch links."""

    def __init__(self):
        super().__init__()
        self.lang = None
        self.alternates: dict[str, str] = {}
        self.switch: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.alternates[a["hreflang"]] = a["href"]
        elif tag == "a" and "data-rg-language-switch" in a:
            self.switch[a["hreflang"]] = a["href"]


def links(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def guide_pages(root: Path) -> list[Path]:
    """The built pages of one language (not the other language's folder, not 404 or assets)."""
    return sorted(p for p in root.rglob("index.html")
                  if not ({"es", *SKIP_DIRS} & set(p.relative_to(root).parts[:-1])))


def resolve(page: Path, href: str) -> Path:
    target = Path(posixpath.normpath(str(page.parent / href)))
    return target / "index.html" if href.endswith("/") else target


def test_the_default_build_makes_both_languages(built_site):
    assert links(built_site / "index.html").lang == "en"
    assert links(built_site / "es" / "index.html").lang == "es"
    assert '"lang":["es"]' in (built_site / "es" / "search" / "search_index.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("first,other", [("en", "es"), ("es", "en")])
def test_every_page_has_its_page_in_the_other_language_and_back(built_site, first, other):
    root = built_site if first == "en" else built_site / "es"
    pages = guide_pages(root)
    assert len(pages) >= 10
    for page in pages:
        here = links(page)
        assert here.lang == first, page
        assert set(here.alternates) == {"en", "es"}, page
        assert resolve(page, here.alternates[first]) == page
        counterpart = resolve(page, here.alternates[other])
        assert counterpart.is_file(), f"{page}: {here.alternates[other]} does not exist"
        assert resolve(counterpart, links(counterpart).alternates[first]) == page  # and back
        assert here.switch == {other: here.alternates[other]}  # the switch goes to the same page


def test_spanish_calculators_use_spanish_words_and_ask_the_engine_in_spanish(built_site):
    pages = [p for p in guide_pages(built_site / "es") if 'data-rg-widget="' in p.read_text(encoding="utf-8")]
    assert pages, "no Spanish page has a calculator"
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert 'data-locale="es"' in text and 'data-locale="en"' not in text
        # the calculators' files are installed once, at the root, and shared by every language
        scripts = re.findall(r'<script src="([^"]*assets/rg/[^"]*)"', text)
        assert scripts and all(resolve(page, s).is_file() for s in scripts), scripts
    assert not (built_site / "es" / "assets" / "rg").exists()


def test_the_disclaimer_under_every_page_comes_from_the_content_words(built_site):
    english = (built_site / "index.html").read_text(encoding="utf-8")
    spanish = (built_site / "es" / "index.html").read_text(encoding="utf-8")
    note = re.compile(r'<p class="rgs-disclaimer">([^<]+)</p>')
    assert "not legal advice" in note.search(english).group(1)
    assert note.search(spanish).group(1) != note.search(english).group(1)


def test_each_language_carries_its_own_title_from_site_names(built_site, config):
    """The header and the browser tab say the guide's name in the page's language (plugin option site_names)."""
    import html as html_lib
    import re

    names = config.plugins["resolution-guide"].config.site_names
    assert names, "mkdocs.yml gives the guide's title in the other languages"
    for code, name in names.items():
        page = (built_site / code / "index.html").read_text(encoding="utf-8")
        title = html_lib.unescape(re.search(r"<title>(.*?)</title>", page, re.S).group(1))
        assert title.endswith(name) or title == name, title
        assert config.site_name not in title
    english = (built_site / "index.html").read_text(encoding="utf-8")
    assert config.site_name in html_lib.unescape(re.search(r"<title>(.*?)</title>", english, re.S).group(1))
