"""What a family relies on around the numbers: errors it can act on, accessibility
(axe-core), privacy (no request leaves the site), the calendar file, bookmarkable and
clearable answers, and an explanation in words when the calculator cannot run."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from browser_helpers import WIDGETS, WidgetPage, axe_violations

pytestmark = pytest.mark.browser

FRAGMENT = "received=2026-03-02&waiver_signed=2026-03-05"


def test_contradiction_gets_the_error_summary_pattern(open_widget):
    # A waiver cannot be signed before the complaint was received.
    w = open_widget("deadlines")
    w.focus_start()
    w.type_date("received", "2026-03-10")
    w.date_of("resolution_meeting_by")
    w.type_date("waiver_signed", "2026-03-05")
    w.press_button("Show my results")
    summary = w.root.locator("[data-rg-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    link = summary.locator("a")
    expect(link).to_have_count(1)
    expect(link).to_contain_text("on or after the date the complaint was received")
    field = w.root.locator('[data-field="waiver_signed"]')
    expect(field.locator(".rg-error-message")).to_contain_text("on or after the date the complaint was received")
    expect(field.locator("input")).to_have_attribute("aria-invalid", "true")
    expect(w.root.locator("[data-deadline]")).to_have_count(0)
    w.page.keyboard.press("Tab")       # into the summary's link
    w.page.keyboard.press("Enter")
    expect(field.locator("input")).to_be_focused()
    assert axe_violations(w.page) == []


@pytest.mark.parametrize("name", WIDGETS)
def test_axe_finds_no_violations_before_and_after_results(open_widget, name):
    fragments = {"deadlines": FRAGMENT + "&hearing_dates=2026-05-04", "meeting_required": FRAGMENT,
                 "attendance": "parent_brings_attorney=true", "agreement_review": "agreement_signed=2026-07-02"}
    w = open_widget(name, wait=False)
    assert axe_violations(w.page) == []
    w = open_widget(name, fragments[name])
    w.root.locator("[data-rg-output] .rg-result").wait_for()
    for summary in w.root.locator("[data-rg-output] summary").all():
        summary.click()
    assert axe_violations(w.page) == []


def test_no_request_leaves_the_site_and_the_ics_file_parses(page, site_url, widget_pages):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    w = WidgetPage(page, "deadlines")
    page.goto(site_url + widget_pages["deadlines"] + "#received=2026-03-02")
    w.wait_ready()
    assert w.date_of("resolution_meeting_by") == "2026-03-17"
    with page.expect_download() as info:
        w.root.locator("[data-rg-ics]").click()
    download = info.value
    calendar = Calendar.from_ical(open(download.path(), "rb").read())
    starts = {str(e.get("summary")): e.decoded("dtstart").isoformat() for e in calendar.walk("VEVENT")}
    assert "2026-03-17" in starts.values()
    assert "2026-05-16" in starts.values()
    assert download.suggested_filename.endswith(".ics")

    origin = urlsplit(site_url).netloc
    outside = [u for u in requests if urlsplit(u).scheme not in ("blob", "data") and urlsplit(u).netloc != origin]
    assert outside == []
    assert any(u.endswith("pyodide.asm.wasm") for u in requests), "the runtime should come from this site"


def test_answers_come_back_from_the_fragment_and_can_be_cleared(open_widget):
    w = open_widget("deadlines", FRAGMENT)
    expect(w.answer()).to_have_attribute("data-value", "false")
    expect(w.root.locator('input[name="waiver_signed"]')).to_have_value("2026-03-05")
    assert w.date_of("decision_due") == "2026-04-19"
    w.focus_start()
    w.press_button("Clear my answers")
    expect(w.root.locator('input[name="received"]')).to_have_value("")
    expect(w.root.locator("[data-deadline]")).to_have_count(0)
    assert "received" not in w.page.evaluate("location.hash")
    assert w.page.context.cookies() == []
    stored = w.page.evaluate("JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])")
    assert "2026-03" not in stored and "received" not in stored   # the theme may keep its colour choice


def test_print_view_shows_results_without_the_form(open_widget):
    w = open_widget("deadlines", FRAGMENT)
    w.date_of("decision_due")
    w.page.emulate_media(media="print")
    expect(w.root.locator("[data-rg-form]")).to_be_hidden()
    expect(w.row("decision_due")).to_be_visible()
    expect(w.row("decision_due")).to_contain_text("34 CFR 300.")


def test_without_javascript_the_rule_is_in_words(browser, site_url, widget_pages):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        for name in WIDGETS:
            page.goto(site_url + widget_pages[name])
            root = page.locator(f'[data-rg-widget="{name}"]').first
            expect(root.locator(".rg-rule")).to_contain_text("34 CFR 300.")
            expect(root.locator("noscript")).to_have_count(1)
            expect(root.locator("[data-rg-form]")).to_be_hidden()
            assert "JavaScript" in page.content()
            assert "Traceback" not in page.content()
    finally:
        context.close()


def test_without_webassembly_the_reader_is_told_why(page, site_url, widget_pages):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.add_init_script("delete window.WebAssembly;")
    page.goto(site_url + widget_pages["agreement_review"])
    root = page.locator('[data-rg-widget="agreement_review"]').first
    expect(root.locator("[data-rg-unavailable]")).to_contain_text("WebAssembly")
    expect(root.locator("[data-rg-form]")).to_be_hidden()
    expect(root.locator(".rg-rule")).to_contain_text("34 CFR 300.510(e)")
    assert not [u for u in requests if "pyodide" in u]


def test_a_broken_runtime_falls_back_to_words_not_a_traceback(page, site_url, widget_pages):
    page.route("**/pyodide.asm.wasm", lambda route: route.fulfill(status=404, body="missing"))
    page.goto(site_url + widget_pages["meeting_required"])
    root = page.locator('[data-rg-widget="meeting_required"]').first
    expect(root.locator("[data-rg-unavailable]")).to_be_visible(timeout=60_000)
    expect(root.locator("[data-rg-unavailable]")).to_contain_text("could not start")
    assert "Traceback" not in root.inner_text()


def test_pages_without_a_calculator_load_nothing_of_python(page, site_url, page_without_widget):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_url + page_without_widget)
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests if "/assets/rg/" in u]


def test_phone_width_keeps_the_page_responsive(browser, site_url, widget_pages):
    """While Python loads in its worker, the form already takes answers (375 px wide)."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, has_touch=True)
    page = context.new_page()
    try:
        page.goto(site_url + widget_pages["agreement_review"])
        root = page.locator('[data-rg-widget="agreement_review"]').first
        root.locator('input[name="agreement_signed"]').fill("2026-07-02")
        assert page.evaluate("RGRuntime.status") in ("loading", "ready")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375 + 1
        time_el = root.locator('[data-deadline="agreement_void_until"] .rg-date time')
        time_el.wait_for(timeout=90_000)
        assert time_el.get_attribute("datetime") == "2026-07-08"
    finally:
        context.close()


def test_memory_snapshot_is_used_and_a_bad_one_falls_back(browser, site_url, widget_pages):
    """The snapshot is a private Pyodide option: a broken one must still give a working calculator."""
    import gzip
    import os

    url = site_url + widget_pages["agreement_review"] + "#agreement_signed=2026-07-02"
    for broken in (False, True):
        context = browser.new_context()
        page = context.new_page()
        try:
            if broken:   # valid gzip, not a snapshot: Pyodide rejects it, the worker boots normally
                body = gzip.compress(os.urandom(4096) * 16)
                page.route("**/snapshot.bin.gz", lambda route: route.fulfill(status=200, body=body))
            page.goto(url)
            date = page.locator('[data-deadline="agreement_void_until"] .rg-date time')
            date.wait_for(timeout=90_000)
            assert date.get_attribute("datetime") == "2026-07-08"
            assert page.evaluate("RGRuntime.timings.snapshot") is (not broken)
        finally:
            context.close()


def test_hosted_pages_opened_from_disk_explain_instead_of_failing(page, built_site, widget_pages):
    """Without the offline bundle's runtime, file:// cannot start Python: say so in words."""
    page.goto((built_site / widget_pages["meeting_required"]).as_uri())
    root = page.locator('[data-rg-widget="meeting_required"]').first
    expect(root.locator("[data-rg-unavailable]")).to_contain_text("opened from your computer", timeout=20_000)
    expect(root.locator(".rg-rule")).to_contain_text("34 CFR 300.510(a)(1)")
