"""Helpers for the calculator tests: find the page that carries each widget in the
real built site, wait for Python, and fill forms with the keyboard only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser_helpers import WIDGETS, WidgetPage


def other_language(site: Path, page: Path) -> bool:
    """A page of another language's site (a folder such as es/ with its own search index)."""
    parts = page.relative_to(site).parts
    return len(parts) > 1 and (site / parts[0] / "search").is_dir()


@pytest.fixture(scope="session")
def widget_pages(built_site: Path) -> dict[str, str]:
    """Widget name -> path of the first built page that places it (wherever the site puts it)."""
    found: dict[str, str] = {}
    for html in sorted(built_site.rglob("*.html")):
        if "assets" in html.relative_to(built_site).parts or other_language(built_site, html):
            continue
        for name in re.findall(r'data-rg-widget="([a-z_]+)"', html.read_text(encoding="utf-8")):
            found.setdefault(name, html.relative_to(built_site).as_posix())
    missing = [w for w in WIDGETS if w not in found]
    assert not missing, f"no built page places the calculators {missing}"
    return found


@pytest.fixture(scope="session")
def page_without_widget(built_site: Path) -> str:
    for html in sorted(built_site.rglob("*.html")):
        rel = html.relative_to(built_site)
        if "assets" not in rel.parts and not other_language(built_site, html) \
                and "data-rg-widget" not in html.read_text(encoding="utf-8"):
            return rel.as_posix()
    pytest.fail("every page has a calculator; expected at least one without")


@pytest.fixture()
def open_widget(page, site_url, widget_pages):
    """open_widget(name, fragment="") -> WidgetPage, after Python is ready; fails on any script error."""
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))

    def _open(name: str, fragment: str = "", wait: bool = True) -> WidgetPage:
        page.goto(site_url + widget_pages[name] + (f"#{fragment}" if fragment else ""))
        widget = WidgetPage(page, name)
        if wait:
            widget.wait_ready()
        return widget
    yield _open
    assert errors == [], f"script errors on the page: {errors}"
