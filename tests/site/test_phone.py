"""The built guide on a 360 px wide phone: nothing wider than the screen, glossary meanings on tap."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

PAGES_YML = Path(__file__).resolve().parents[2] / "content" / "en" / "pages.yml"
PAGES = [p["file"][:-3] for p in yaml.safe_load(PAGES_YML.read_text())["pages"]]

pytestmark = pytest.mark.browser


@pytest.fixture()
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def test_no_page_is_wider_than_a_phone(phone, site_url):
    too_wide = {}
    for name in sorted(PAGES):
        phone.goto(site_url + ("" if name == "index" else name + "/"))
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            too_wide[name] = width
    assert too_wide == {}


def test_tapping_a_glossary_word_shows_its_meaning(phone, site_url):
    phone.goto(site_url + "what-it-is/")
    phone.locator("article abbr").first.tap()
    tooltip = phone.locator(".md-tooltip--active, .md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=3000)
    assert "written complaint" in tooltip.inner_text()
