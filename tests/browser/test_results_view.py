"""The results side of the calculators on a 390 x 844 phone (issues 9, 10, 11): what leads, statuses
and days left, moot dates folded away, letters, the one-page summary, help near you.

Behaviour against the stub runtime (tests/browser/stub_runtime.py). The page sends the device's date
as `today`; a wrapper around the stub replaces it by a fixed day, so the expected statuses do not
depend on the day the tests run.
Set RG_SCREENSHOTS=<folder> to keep phone-width screenshots of the results.
"""

from __future__ import annotations

import base64
import io
import os
import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser_helpers import WIDGETS, axe_violations
from stub_runtime import stub_widget  # noqa: F401  (a fixture)

TODAY = "2026-03-11"
# Received Mar 2, meeting held Mar 10, agreement signed at it: the hearing dates and the
# intervention date no longer apply; the cancel window runs to Fri Mar 13 (300.510(e)).
SIGNED = "received=2026-03-02&meeting_held=2026-03-10&agreement_signed=2026-03-10"
PHONE_HEIGHT = 844

TODAY_IN_EVERY_CASE = """
(() => {
  const call = window.RGRuntime.call;
  window.RGRuntime.call = (request) => {
    if (request.case) request.case = Object.assign({}, request.case, {today: '%s'});
    return call(request);
  };
})();
"""


@pytest.fixture()
def results_widget(page, stub_widget):
    page.set_viewport_size({"width": 390, "height": PHONE_HEIGHT})
    page.add_init_script(TODAY_IN_EVERY_CASE % TODAY)

    def _open(name: str, fragment: str = ""):
        w = stub_widget(name, fragment)
        w.root.locator(".rg-result").wait_for()
        return w
    return _open


def screenshot(page, name: str) -> None:
    folder = os.environ.get("RG_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=False)


def test_results_lead_with_where_you_stand_and_next_steps_focused_within_one_screen(results_widget, page):
    w = results_widget("deadlines", SIGNED)
    w.submit()
    lead = w.root.locator(".rg-lead")
    expect(lead).to_be_focused()
    # The lead is the first thing in the results, and starts within one screen of the button.
    first = w.root.locator(".rg-result > *").first
    assert first.evaluate("n => n.classList.contains('rg-lead-wrap') || !!n.querySelector('.rg-lead')")
    button_top = w.root.locator('button[type="submit"]').bounding_box()["y"]
    lead_box = lead.bounding_box()
    assert 0 <= lead_box["y"] < PHONE_HEIGHT, "the lead is scrolled into view"
    assert lead_box["y"] - button_top < PHONE_HEIGHT, "the first result is within one screen of the button"
    wrap = w.root.locator(".rg-lead-wrap")
    expect(wrap.locator(".rg-standing")).to_contain_text("Wednesday, March 11, 2026")
    # The district's response (received + 10 days, 300.508(e)) is the next date ahead, Thu Mar 12.
    expect(wrap.locator(".rg-next-date")).to_contain_text("Thursday, March 12, 2026")
    expect(wrap.locator(".rg-next-date")).to_contain_text("in 1 day")
    steps = wrap.locator(".rg-next-steps li")
    expect(steps.first).to_contain_text("Friday, March 13, 2026")
    expect(steps.first).to_contain_text("in 2 days")
    expect(steps.first).to_contain_text("cancel the signed agreement")
    expect(steps.first).to_contain_text("You or the district")
    screenshot(page, "deadlines-signed-agreement")


def test_every_date_shows_its_status_and_days_left(results_widget):
    w = results_widget("deadlines", SIGNED)
    met = w.row("resolution_meeting_by")
    expect(met.locator(".rg-date-status")).to_contain_text("Done in time")
    expect(w.row("agreement_void_until").locator(".rg-date-status")).to_contain_text("Coming up")
    expect(w.row("agreement_void_until").locator(".rg-days-left")).to_have_text("in 2 days")
    # Reasons and citations sit behind the disclosure, closed.
    expect(met.locator("details.rg-why")).not_to_have_attribute("open", "")
    expect(met.locator("details.rg-why cite")).to_have_count(1)


def test_a_moot_date_is_never_shown_as_current(results_widget):
    w = results_widget("deadlines", SIGNED)
    moot = w.root.locator("details.rg-moot")
    expect(moot).not_to_have_attribute("open", "")
    for deadline in ("decision_due", "hearing_timeline_starts", "intervention_available_from"):
        row = w.row(deadline)
        expect(row).to_have_count(1)
        # Folded in the "no longer apply" group, marked as such, with no days left beside it.
        assert row.evaluate("r => !!r.closest('details.rg-moot')"), deadline
        expect(row.locator(".rg-date-status")).to_contain_text("No longer applies")
        expect(row.locator(".rg-days-left")).to_have_count(0)
    # Neither the lead nor the current list names a moot date.
    expect(w.root.locator(".rg-lead-wrap")).not_to_contain_text("decision")
    expect(w.root.locator(".rg-current [data-deadline='decision_due']")).to_have_count(0)


def test_letters_offered_where_they_apply_copy_and_docx(results_widget, page):
    w = results_widget("deadlines", SIGNED)
    letters = w.root.locator(".rg-letters [data-letter]")
    expect(letters.first).to_be_attached()
    ids = letters.evaluate_all("ns => ns.map(n => n.getAttribute('data-letter'))")
    assert "cancel_agreement" in ids
    # The intervention letter opens only from its date (Mar 18): not offered on Mar 11.
    assert "hearing_officer_intervention" not in ids
    cancel = w.root.locator('[data-letter="cancel_agreement"]')
    cancel.locator("summary").click()
    text = cancel.locator(".rg-letter-text")
    expect(text).to_contain_text("March 13, 2026")
    expect(text).not_to_contain_text("{")
    # Copy: the clipboard, or the fallback (the text selected for the person to copy).
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    cancel.locator("[data-rg-copy]").click()
    expect(cancel.locator("[data-rg-letter-status]")).not_to_be_empty()
    with page.expect_download() as got:
        cancel.locator("[data-rg-docx]").click()
    data = Path(got.value.path()).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert "March 13, 2026" in z.read("word/document.xml").decode("utf-8")
    with page.expect_download() as got:
        cancel.locator("[data-rg-txt]").click()
    assert "March 13, 2026" in Path(got.value.path()).read_text(encoding="utf-8")


def test_intervention_letter_once_its_date_is_open(page, stub_widget):
    page.set_viewport_size({"width": 390, "height": PHONE_HEIGHT})
    page.add_init_script(TODAY_IN_EVERY_CASE % "2026-03-20")
    w = stub_widget("deadlines", "received=2026-03-02")
    expect(w.root.locator('[data-letter="hearing_officer_intervention"]')).to_have_count(1)


@pytest.mark.parametrize("name", WIDGETS)
def test_help_near_you_links_the_national_parent_center_finder_on_every_result(results_widget, name):
    # an empty form computes nothing (a question comes before an answer): give each one answer
    first_answer = {"deadlines": SIGNED, "meeting_required": "received=2026-03-02",
                    "attendance": "parent_brings_attorney=true", "agreement_review": "agreement_signed=2026-03-02"}
    w = results_widget(name, first_answer[name])
    expect(w.root.locator('.rg-help a[href="https://www.parentcenterhub.org/find-your-center/"]')).to_have_count(1)
    if name != "deadlines":
        return
    expect(w.root.locator(".rg-help-state")).to_have_count(0)


def test_help_near_you_links_the_states_parent_center_when_its_pack_names_one(results_widget):
    # Iowa's pack names its parent center (engine/states/ia.json): the results link it too.
    w = results_widget("deadlines", SIGNED + "&state=IA")
    expect(w.root.locator('.rg-help-state a[href="https://askresource.org"]')).to_have_text("ASK Resource Center")


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", data))


def test_the_summary_prints_on_one_letter_page(results_widget, page):
    full = (SIGNED + "&state=TX&filed=2026-02-27&hearing_dates=2026-04-20&hearing_dates=2026-04-22"
            "&extra_holidays=2026-03-16")
    w = results_widget("deadlines", full)
    page.evaluate("document.documentElement.setAttribute('data-rg-printing', 'deadlines')")
    page.emulate_media(media="print")
    summary = w.root.locator(".rg-summary")
    expect(summary).to_be_visible()
    answers = summary.locator(".rg-summary-answers")
    expect(answers).to_contain_text("Monday, March 2, 2026")
    expect(answers).to_contain_text("Texas")
    # A counting option left at this guide's reading is not an answer the family gave.
    expect(answers).not_to_contain_text("How is the day the complaint was received counted")
    # Dates still in play with days left; a moot date is not on the page.
    expect(summary.locator(".rg-summary-dates")).to_contain_text("in 2 days")
    expect(summary.locator(".rg-summary-dates")).not_to_contain_text("decision")
    # What to bring (checklist.yml, group bring), in the page's words, not Markdown.
    bring = summary.locator(".rg-summary-bring li")
    expect(summary.locator("h3", has_text="What to bring")).to_have_count(1)
    expect(bring.first).to_contain_text("A copy of your complaint")
    expect(summary.locator(".rg-summary-bring")).to_contain_text("Your child's current IEP")
    # The explanations and the rest of the calculator are left out.
    expect(w.root.locator(".rg-all-dates")).to_be_hidden()
    expect(w.root.locator(".rg-form")).to_be_hidden()
    assert pdf_pages(page.pdf(format="Letter")) == 1


def test_the_browsers_own_print_gives_the_summary_once_there_are_results(stub_widget, page):
    """Print from the browser's menu (no button, so no data-rg-printing set by the page) prints the one-page
    summary when the calculator shows results, and the page as it is before any answer."""
    page.set_viewport_size({"width": 390, "height": PHONE_HEIGHT})
    page.add_init_script(TODAY_IN_EVERY_CASE % TODAY)
    w = stub_widget("deadlines")
    before = pdf_pages(page.pdf(format="Letter"))                  # no results: the guide page itself
    w.fill("received", "03/02/2026")
    w.submit()
    expect(w.root.locator(".rg-result .rg-summary")).to_be_attached()
    assert pdf_pages(page.pdf(format="Letter")) == 1
    assert before > 1
    assert page.evaluate("document.documentElement.hasAttribute('data-rg-printing')") is False   # put back


def test_save_summary_downloads_a_page(results_widget, page):
    w = results_widget("deadlines", SIGNED)
    with page.expect_download() as got:
        w.root.locator("[data-rg-save]").click()
    html = Path(got.value.path()).read_text(encoding="utf-8")
    assert "<html" in html and "Friday, March 13, 2026" in html


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_no_violations_on_results(results_widget, page, scheme):
    w = results_widget("deadlines", SIGNED)
    # The theme's own dark palette (what its toggle sets), not only the system preference.
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", "slate" if scheme == "dark" else "default")
    w.root.locator("details.rg-moot > summary").click()
    w.root.locator("[data-letter=\"cancel_agreement\"] > summary").click()
    w.root.locator(".rg-letter-text").wait_for()
    assert axe_violations(page, f'[data-rg-widget="deadlines"]') == []


def test_home_page_links_the_parent_center_finder(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="https://www.parentcenterhub.org/find-your-center/"' in html


def test_reference_pages_sit_in_their_own_menu_section_after_the_family_pages(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('class="md-nav md-nav--primary"'):]
    section = nav.index("For organizations and reference")
    # The family pages come first; the reference pages only inside the section after them.
    assert nav.index("Timeline and deadlines") < section
    for title in ("Glossary", "Sources"):
        assert nav.index(title) > section, title


def test_dark_palette_draws_the_date_pickers_icon_for_a_dark_background(results_widget, page):
    w = results_widget("deadlines", SIGNED)
    date_input = w.root.locator('input[name="received"]')
    assert date_input.evaluate("n => getComputedStyle(n).colorScheme") in ("normal", "light", "")
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    assert date_input.evaluate("n => getComputedStyle(n).colorScheme") == "dark"
