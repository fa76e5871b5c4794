"""The built guide on a 360 px wide phone: nothing wider than the screen, glossary meanings on tap (and on Tab)."""

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


MEANING = "getComputedStyle(document.querySelector('article abbr'), '::after').content"


def test_tapping_a_glossary_word_shows_its_meaning(phone, site_url):
    phone.goto(site_url + "what-it-is/")
    word = phone.locator("article abbr").first
    assert phone.evaluate(MEANING) == "none"
    before = word.evaluate("n => n.getClientRects().length")
    word.tap()
    assert "written complaint" in phone.evaluate(MEANING)
    # The meaning is drawn after the word, wraps with the line and stays on the screen.
    box = word.evaluate("n => { const r = [...n.getClientRects()]; return [r.length, Math.max(...r.map(x => x.right))]; }")
    assert box[0] > before and box[1] <= 360
    phone.locator("article h1").tap()        # tapping elsewhere puts it away
    assert phone.evaluate(MEANING) == "none"


def test_a_glossary_word_reached_with_the_keyboard_shows_its_meaning(page, site_url):
    page.goto(site_url + "what-it-is/")
    page.locator("article abbr").first.focus()   # as Tab leaves it (tabindex=0); the mouse is elsewhere
    assert "written complaint" in page.evaluate(MEANING)
