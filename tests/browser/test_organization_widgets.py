"""A fork's `organization:` block in the calculators (issue 13), in Chromium against the fork built by
`org_site` (tests/conftest.py; state IA): "Help near you" names the organization and keeps the national
finder and the state's own parent center; the print summary names it and still fits one US Letter page;
the letters say who can help; the organization's state is pre-selected for a fresh form, while an old
link whose fragment holds answers but no state still means "federal only"."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser_helpers import WidgetPage, axe_violations
from stub_runtime import install_stub
from test_results_view import PHONE_HEIGHT, SIGNED, TODAY, TODAY_IN_EVERY_CASE, pdf_pages

FINDER = "https://www.parentcenterhub.org/find-your-center/"


@pytest.fixture()
def org_widget(page, org_site, org_site_url):
    """org_widget(name, fragment="", lang="") -> WidgetPage on the fork's page that places it (stub runtime)."""
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.set_viewport_size({"width": 390, "height": PHONE_HEIGHT})
    install_stub(page)                               # the stub first: the fixed day wraps it
    page.add_init_script(TODAY_IN_EVERY_CASE % TODAY)

    def _open(name: str, fragment: str = "", lang: str = "") -> WidgetPage:
        pages = sorted((org_site / lang).glob("*/index.html"))
        path = next(p for p in pages if f'data-rg-widget="{name}"' in p.read_text(encoding="utf-8"))
        url = org_site_url + path.relative_to(org_site).as_posix() + (f"#{fragment}" if fragment else "")
        return WidgetPage.open(page, url, name)
    yield _open
    assert errors == [], f"script errors on the page: {errors}"


def last_case(page) -> dict:
    return page.evaluate("RGRuntime.requests.filter(r => r.action === 'compute').slice(-1)[0].case")


def test_help_near_you_names_the_organization_and_keeps_the_finder_and_the_states_center(org_widget):
    w = org_widget("deadlines", SIGNED + "&state=IA")
    w.root.locator(".rg-result").wait_for()
    help_box = w.root.locator(".rg-help")
    expect(help_box.locator(f'a[href="{FINDER}"]')).to_have_count(1)
    expect(help_box.locator('.rg-help-state a[href="https://askresource.org"]')).to_have_count(1)
    org = help_box.locator("[data-rg-org]")
    expect(org.locator("strong")).to_have_text('Example <Parent> Center & "Friends"')   # shown as text, not markup
    expect(org).to_contain_text("can help you:")
    expect(org.locator('a[href="tel:555-0100"]')).to_have_text("555-0100")
    expect(org.locator('a[href="mailto:help@example.org"]')).to_have_count(1)
    expect(org.locator('a[href="https://example.org/help/"]')).to_have_count(1)


def test_the_spanish_results_say_it_in_spanish(org_widget):
    w = org_widget("deadlines", SIGNED, lang="es")
    w.root.locator(".rg-result").wait_for()
    org = w.root.locator(".rg-help [data-rg-org]")
    expect(org).to_contain_text("le puede ayudar:")
    expect(org).to_contain_text("Teléfono: 555-0100")


def test_a_fresh_form_has_the_organizations_state_selected(org_widget, page):
    w = org_widget("deadlines")
    state = w.root.locator('select[name="state"]')
    expect(state).to_have_value("IA")
    w.fill_date("received", "3/2/2026")
    w.root.locator(".rg-result").wait_for()
    assert last_case(page).get("state") == "IA"
    # Kept in the answers' link, so the link means Iowa wherever it is opened.
    assert "state=IA" in page.evaluate("location.hash")


def test_an_old_link_without_a_state_still_means_federal_only(org_widget, page):
    w = org_widget("deadlines", "received=2026-03-02")
    w.root.locator(".rg-result").wait_for()
    expect(w.root.locator('select[name="state"]')).to_have_value("")
    assert not last_case(page).get("state")
    expect(w.root.locator(".rg-help-state")).to_have_count(0)      # no state, no state parent center


def test_a_link_with_another_state_keeps_it(org_widget):
    w = org_widget("deadlines", "received=2026-03-02&state=TX")
    expect(w.root.locator('select[name="state"]')).to_have_value("TX")


def test_clearing_the_answers_brings_back_the_organizations_state(org_widget):
    w = org_widget("deadlines", "received=2026-03-02")
    w.root.locator("[data-rg-clear]").click()
    expect(w.root.locator('select[name="state"]')).to_have_value("IA")


@pytest.mark.parametrize("lang,bring", [("", "What to bring"), ("es", "Qué llevar")])
def test_the_print_summary_names_the_organization_lists_what_to_bring_and_fits_one_page(org_widget, page, lang, bring):
    # The longest summary: every answer, the organization's contacts, and (es) the longer Spanish words.
    full = (SIGNED + "&state=IA&filed=2026-02-27&hearing_dates=2026-04-20&hearing_dates=2026-04-22"
            "&extra_holidays=2026-03-16")
    w = org_widget("deadlines", full, lang=lang)
    w.root.locator(".rg-result").wait_for()
    page.evaluate("document.documentElement.setAttribute('data-rg-printing', 'deadlines')")
    page.emulate_media(media="print")
    summary = w.root.locator(".rg-summary")
    expect(summary).to_be_visible()
    expect(summary.locator(".rg-summary-bring li").first).to_be_visible()
    expect(summary.locator("h3", has_text=bring)).to_have_count(1)
    expect(summary.locator("[data-rg-org]")).to_contain_text('Example <Parent> Center & "Friends"')
    expect(summary.locator("[data-rg-org]")).to_contain_text("555-0100")
    assert pdf_pages(page.pdf(format="Letter")) == 1


def test_a_filled_letter_says_who_can_help(org_widget):
    w = org_widget("deadlines", SIGNED)
    w.root.locator('[data-letter="cancel_agreement"] > summary').click()
    help_line = w.root.locator('[data-letter="cancel_agreement"] [data-rg-letter-help]')
    expect(help_line).to_contain_text('For help with this letter, contact Example <Parent> Center & "Friends".')
    expect(w.root.locator('[data-letter="cancel_agreement"] .rg-letter-text')).not_to_contain_text("Example")


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_nothing_on_results_with_the_organization_in_light_and_dark(org_widget, page, scheme):
    w = org_widget("deadlines", SIGNED + "&state=IA")
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
    w.root.locator(".rg-help-state").wait_for()
    w.root.locator('[data-letter="cancel_agreement"] > summary').click()
    w.root.locator("[data-rg-letter-help]").wait_for()
    assert axe_violations(page, '[data-rg-widget="deadlines"]') == []


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_nothing_on_the_home_page_and_footer_with_the_organization(page, org_site_url, scheme):
    page.goto(org_site_url)
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
    expect(page.locator("[data-rg-organization]")).to_be_visible()
    expect(page.locator("[data-rg-publisher]")).to_be_visible()
    assert axe_violations(page, ".md-content") == []


def test_with_the_real_runtime_a_fresh_form_counts_with_the_organizations_state(page, org_site_url):
    # Pyodide, not the stub: the pre-selected state reaches the engine and its parent center is named.
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(org_site_url + "timeline/")
    w = WidgetPage(page, "deadlines")
    w.wait_ready()
    expect(w.root.locator('select[name="state"]')).to_have_value("IA")
    w.fill_date("received", "3/2/2026")
    expect(w.row("resolution_meeting_by")).to_be_visible()
    expect(w.root.locator('.rg-help-state a[href="https://askresource.org"]')).to_have_count(1)
    expect(w.root.locator(".rg-help [data-rg-org]")).to_contain_text("555-0100")
    assert errors == []
