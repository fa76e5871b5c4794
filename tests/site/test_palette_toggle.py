"""The light/dark toggle in the header (theme/assets/rg-theme/palette-toggle.js, in place of Material's palette
component): the system's choice on a first visit, a click or Enter switches, the choice is kept across pages."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

STATE = """() => ({
  scheme: document.body.getAttribute('data-md-color-scheme'),
  offered: [...document.querySelectorAll('label[for^=__palette]')].filter(l => !l.hidden).map(l => l.title),
  metaScheme: document.querySelector('meta[name=color-scheme]')?.content,
  themeColor: document.querySelector('meta[name=theme-color]')?.content,
})"""


@pytest.fixture()
def visit(browser, site_url):
    contexts = []

    def open_page(system: str, path: str = "what-it-is/"):
        context = browser.new_context(color_scheme=system, service_workers="block")
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        return page

    yield open_page
    for context in contexts:
        context.close()


def state(page) -> dict:
    page.wait_for_function("document.querySelector('meta[name=color-scheme]')?.content")  # set after load
    return page.evaluate(STATE)


@pytest.mark.parametrize("system, scheme, offered", [
    ("light", "default", "Switch to dark mode"),
    ("dark", "slate", "Switch to light mode"),
])
def test_a_first_visit_follows_the_system_and_offers_the_other(visit, system, scheme, offered):
    page = visit(system)
    now = state(page)
    assert now["scheme"] == scheme and now["offered"] == [offered]
    assert now["metaScheme"] == ("dark" if scheme == "slate" else "light")
    assert now["themeColor"].startswith("#") and len(now["themeColor"]) == 7
    assert page.errors == []


def test_a_click_switches_and_the_choice_is_kept_on_other_pages(visit, site_url):
    page = visit("light")
    page.locator("label.md-header__button[for^='__palette']:visible").click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert state(page)["offered"] == ["Switch to light mode"]
    page.wait_for_function("document.querySelector('meta[name=color-scheme]').content === 'dark'")
    # The page's own colours follow (a colour the guide's CSS sets only for the dark palette).
    assert page.evaluate("getComputedStyle(document.body).getPropertyValue('--rgs-muted').trim()") == "#b9bcc8"
    page.goto(site_url + "timeline/")
    page.wait_for_load_state("load")
    assert state(page)["scheme"] == "slate"
    assert page.errors == []


def test_enter_on_the_focused_toggle_switches(visit):
    page = visit("light")
    page.focus("input[name=__palette]:checked")
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert page.evaluate("document.activeElement.checked && document.activeElement.name") == "__palette"
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'default'")


def test_a_choice_stored_by_the_theme_before_is_still_used(visit, site_url):
    # A reader who chose dark with Material's own toggle (an earlier version of the guide): same key, same value.
    page = visit("light")
    page.evaluate("""() => __md_set('__palette', {index: 1, color: {media: '(prefers-color-scheme: dark)',
        scheme: 'slate', primary: 'indigo', accent: 'indigo'}})""")
    page.reload()
    page.wait_for_load_state("load")
    assert state(page)["scheme"] == "slate"
    assert state(page)["offered"] == ["Switch to light mode"]
