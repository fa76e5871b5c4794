"""What a family relies on around the numbers: errors it can act on, accessibility
(axe-core), privacy (no request leaves the site), the calendar file, bookmarkable and
clearable answers, and an explanation in words when the calculator cannot run.
Behaviour runs against the CPython engine (stub_runtime.py); the tests that are about the real
runtime (no request leaves the site, boot failures, the memory snapshot, the loading state) use
Pyodide itself."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from browser_helpers import WIDGETS, WidgetPage, axe_violations
from stub_runtime import install_stub, stub_widget  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser

FRAGMENT = "received=2026-03-02&waiver_signed=2026-03-05"


def test_contradiction_gets_the_error_summary_pattern(stub_widget):
    # A waiver cannot be signed before the complaint was received.
    w = stub_widget("deadlines")
    w.fill_date("received", "2026-03-10")
    w.expect_date("resolution_meeting_by", "2026-03-25")
    w.fill_date("waiver_signed", "2026-03-05")
    w.submit()
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



@pytest.mark.parametrize("typed", ["02/30/2026", "03/02"], ids=["impossible", "half-typed"])
def test_a_date_the_field_cannot_read_is_an_error_not_silence(stub_widget, typed):
    # February 30 and a date missing its year are reported by the engine, with an example in the
    # form the field shows (03/02/2026), never the engine's year-month-day.
    w = stub_widget("deadlines")
    w.focus_start()
    w.tab_to_field("received")
    w.page.keyboard.type(typed)
    w.page.keyboard.press("Enter")
    summary = w.root.locator("[data-rg-error-summary]")
    expect(summary).to_be_focused()
    expect(summary.locator("a")).to_have_text(
        "Complaint received: Enter a real date, for example 03/02/2026")
    field = w.root.locator('[data-field="received"]')
    expect(field.locator(".rg-error-message")).to_be_visible()
    expect(field.locator(".rg-error-message")).to_contain_text("Enter a real date")
    expect(field.locator("input")).to_have_attribute("aria-invalid", "true")
    expect(w.root.locator("[data-deadline]")).to_have_count(0)
    if typed == "02/30/2026":                # the page is the same for both: ask axe-core once
        assert axe_violations(w.page) == []
    # The summary's link leads back to the field; a corrected date clears the error.
    w.page.keyboard.press("Tab")
    w.page.keyboard.press("Enter")
    expect(field.locator("input")).to_be_focused()
    field.locator("input").fill("3/2/26")
    w.page.keyboard.press("Enter")
    w.expect_date("resolution_meeting_by", "2026-03-17")
    expect(summary).to_be_hidden()
    expect(field.locator("input")).not_to_have_attribute("aria-invalid", "true")


def test_error_summary_links_name_their_fields(stub_widget):
    # Two dates before the complaint was received get the same message; the links must differ.
    w = stub_widget("deadlines")
    w.fill_date("received", "2026-03-10")
    w.expect_date("resolution_meeting_by", "2026-03-25")
    w.fill_date("waiver_signed", "2026-03-05")
    w.fill_date("meeting_held", "2026-03-01")
    w.submit()
    links = w.root.locator("[data-rg-error-summary] a")
    expect(links).to_have_count(2)
    message = "This date must be on or after the date the complaint was received"
    assert sorted(links.all_inner_texts()) == sorted([f"Written waiver signed: {message}",
                                                      f"Resolution meeting held: {message}"])
    # Beside the field, the message alone (the label is right there).
    beside = w.root.locator('[data-field="meeting_held"] .rg-error-message')
    expect(beside).to_have_text(f"Error: {message}")
    w.root.locator("[data-rg-error-summary] a", has_text="Resolution meeting held").focus()
    w.page.keyboard.press("Enter")
    expect(w.root.locator('input[name="meeting_held"]')).to_be_focused()


def test_results_are_announced_in_one_short_line(stub_widget):
    w = stub_widget("deadlines")
    live = w.root.locator("[data-rg-announce]")
    output = w.root.locator("[data-rg-output]")
    expect(output.locator(".rg-result")).to_have_count(0)   # an empty form asks before it answers
    expect(live).to_have_text("")
    w.fill_date("received", "2026-03-02")
    w.submit()
    w.expect_date("resolution_meeting_by", "2026-03-17")
    dated = w.root.locator("[data-deadline] .rg-date time").count()
    assert dated > 5
    expect(live).to_have_text(
        f"Your dates are ready: {dated} dates. The resolution meeting must be held by Tuesday, March 17, 2026.")
    assert live.get_attribute("role") == "status"
    # The long results are not a live region, nor inside one.
    assert output.evaluate("n => n.closest('[aria-live]') === null && !n.querySelector('[aria-live]')")
    w.expect_date("decision_due", "2026-05-16")          # rows keep their <time datetime>


def test_the_yes_no_answer_is_what_gets_announced(stub_widget):
    w = stub_widget("meeting_required", "received=2026-03-02")
    expect(w.answer()).to_have_attribute("data-value", "true")
    live = w.root.locator("[data-rg-announce]")
    # A restored link is announced too: the answer, then its date.
    expect(live).to_have_text(w.answer().inner_text() + " The resolution meeting must be held by Tuesday, March 17, 2026.")
    w.toggle("mediation")
    expect(w.answer()).to_have_attribute("data-value", "false")
    expect(live).to_have_text(w.answer().inner_text())


def test_on_a_phone_the_rule_folds_away_once_the_calculator_runs(browser, site_url, widget_pages):
    context = browser.new_context(viewport={"width": 360, "height": 640}, has_touch=True)
    page = context.new_page()
    install_stub(page)
    try:
        page.goto(site_url + widget_pages["deadlines"])
        w = WidgetPage(page, "deadlines")
        rule = w.root.locator("details.rg-rule")
        expect(rule).not_to_have_attribute("open", "")
        first_question = w.root.locator('[data-field="filed_by"] legend')
        rule.scroll_into_view_if_needed()
        top_of_widget = w.root.bounding_box()["y"]
        assert first_question.bounding_box()["y"] - top_of_widget < 640 / 2
        rule.locator("summary").focus()
        page.keyboard.press("Enter")
        expect(rule).to_have_attribute("open", "")
        expect(rule.locator("p")).to_contain_text("34 CFR 300.510(a)(1)")
    finally:
        context.close()

@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("name", WIDGETS)
def test_axe_finds_no_violations_before_and_after_results(stub_widget, name, scheme):
    # Light and the theme's dark palette (what its toggle sets), for every calculator's results.
    fragments = {"deadlines": FRAGMENT + "&hearing_dates=2026-05-04", "meeting_required": FRAGMENT,
                 "attendance": "parent_brings_attorney=true", "agreement_review": "agreement_signed=2026-07-02"}
    w = stub_widget(name)
    w.page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
    assert axe_violations(w.page) == []
    w = stub_widget(name, fragments[name])
    w.page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
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
    w.expect_date("resolution_meeting_by", "2026-03-17")
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


def test_answers_come_back_from_the_fragment_and_can_be_cleared(stub_widget):
    w = stub_widget("deadlines", FRAGMENT)
    expect(w.answer()).to_have_attribute("data-value", "false")
    expect(w.root.locator('input[name="waiver_signed"]')).to_have_value("2026-03-05")
    w.expect_date("decision_due", "2026-04-19")
    w.root.locator("[data-rg-clear]").click()
    expect(w.root.locator('input[name="received"]')).to_have_value("")
    expect(w.root.locator("[data-deadline]")).to_have_count(0)
    assert "received" not in w.page.evaluate("location.hash")
    assert w.page.context.cookies() == []
    stored = w.page.evaluate("JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])")
    assert "2026-03" not in stored and "received" not in stored   # the theme may keep its colour choice


def test_print_view_shows_the_summary_without_the_form_or_explanations(stub_widget):
    # Printing gives the one-page summary (DESIGN.md section 21), with the dates, not the worked reasons.
    w = stub_widget("deadlines", FRAGMENT)
    w.expect_date("decision_due", "2026-04-19")
    w.page.emulate_media(media="print")
    expect(w.root.locator("[data-rg-form]")).to_be_hidden()
    expect(w.row("decision_due")).to_be_hidden()
    expect(w.root.locator(".rg-summary")).to_be_visible()
    expect(w.root.locator(".rg-summary-dates")).to_contain_text("Sunday, April 19, 2026")
    expect(w.root.locator(".rg-summary")).not_to_contain_text("How this date was worked out")


def test_without_javascript_the_rule_is_in_words(browser, site_url, widget_pages):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        for name in WIDGETS:
            page.goto(site_url + widget_pages[name])
            root = page.locator(f'[data-rg-widget="{name}"]').first
            expect(root.locator(".rg-rule")).to_contain_text("34 CFR 300.")
            expect(root.locator("details.rg-rule")).to_have_attribute("open", "")
            expect(root.locator(".rg-rule p")).to_be_visible()
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
    root = WidgetPage(page, "agreement_review").root
    expect(root.locator("[data-rg-unavailable]")).to_contain_text("WebAssembly")
    expect(root.locator("[data-rg-form]")).to_be_hidden()
    expect(root.locator(".rg-rule")).to_contain_text("34 CFR 300.510(e)")
    expect(root.locator(".rg-rule p")).to_be_visible()     # unfolded: the words are the answer now
    assert not [u for u in requests if "pyodide" in u]


def test_a_broken_runtime_falls_back_to_words_not_a_traceback(page, site_url, widget_pages):
    page.route("**/pyodide.asm.wasm", lambda route: route.fulfill(status=404, body="missing"))
    page.goto(site_url + widget_pages["meeting_required"])
    root = WidgetPage(page, "meeting_required").root
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
        w = WidgetPage(page, "agreement_review")
        w.fill_date("agreement_signed", "2026-07-02")
        assert page.evaluate("RGRuntime.status") in ("loading", "ready")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375 + 1
        assert w.date_of("agreement_void_until", timeout=90_000) == "2026-07-08"
    finally:
        context.close()


def test_memory_snapshot_is_used_and_a_bad_one_falls_back(browser, site_url, widget_pages):
    """The snapshot is a private Pyodide option: a broken one must still give a working calculator.
    (?rg-snapshot: fetch it on this first visit; by default only a kept one is used, tests/sw.)"""
    import gzip
    import os

    url = site_url + widget_pages["agreement_review"] + "?rg-snapshot#agreement_signed=2026-07-02"
    for broken in (False, True):
        context = browser.new_context(service_workers="block")
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
    root = WidgetPage(page, "meeting_required").root
    expect(root.locator("[data-rg-unavailable]")).to_contain_text("opened from your computer", timeout=20_000)
    expect(root.locator(".rg-rule")).to_contain_text("34 CFR 300.510(a)(1)")
