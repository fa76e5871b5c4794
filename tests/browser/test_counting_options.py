"""The deadline calculator's optional questions: the filing-deadline estimate and the two
counting readings (case options), filled with the keyboard only. Expected dates are worked
out by hand from the rule book (C2 day 0 / day 1, C3 observed holidays, C5 business days).
Python is replaced by the CPython engine (stub_runtime.py); the keyboard pass is test_keyboard.py."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_helpers import axe_violations
from stub_runtime import stub_widget  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser

SUMMARY = "If your state counts days differently (optional)"


def open_counting_options(w):
    w.root.locator("summary", has_text=SUMMARY).click()
    expect(w.root.locator('details[data-rg-group="counting_options"]')).to_have_attribute("open", "")


def test_counting_options_start_collapsed_at_this_guides_reading(stub_widget):
    w = stub_widget("deadlines")
    group = w.root.locator('details[data-rg-group="counting_options"]')
    expect(group).not_to_have_attribute("open", "")
    expect(w.root.locator('input[name="options.receipt_day"][value="day1"]')).to_be_hidden()
    w.fill_date("received", "2026-03-02")
    w.expect_date("resolution_meeting_by", "2026-03-17")
    assert "options." not in w.page.evaluate("location.hash")      # defaults stay out of the link
    open_counting_options(w)
    assert axe_violations(w.page, '[data-rg-widget="deadlines"]') == []


def test_receipt_day_as_day_one_moves_receipt_dates_a_day_earlier(stub_widget):
    # Received Mon 2026-03-02, the day of receipt counted as day 1 (C2 alternative):
    # meeting within 15 days = 03-02 + 14 = Mon 03-16 (300.510(a)(1)); the 30-day period ends
    # 03-02 + 29 = Tue 03-31 (300.510(b)(1)); decision 45 days later = 03-31 + 45 = Fri 05-15 (300.515(a)).
    w = stub_widget("deadlines")
    w.fill_date("received", "2026-03-02")
    w.expect_date("resolution_meeting_by", "2026-03-17")
    open_counting_options(w)
    w.choose("options.receipt_day", "day1")
    w.expect_date("resolution_meeting_by", "2026-03-16")
    w.expect_date("resolution_period_ends", "2026-03-31")
    w.expect_date("decision_due", "2026-05-15")
    expect(w.row("decision_due").locator(".rg-closed-day")).to_have_count(0)   # a Friday: a business day
    assert "options.receipt_day=day1" in w.page.evaluate("location.hash")

    # The link brings the reading back, with the group open so the reader sees why.
    w.page.reload()
    w.wait_ready()
    w.root.locator("[data-rg-form]").wait_for()
    expect(w.root.locator('details[data-rg-group="counting_options"]')).to_have_attribute("open", "")
    expect(w.root.locator('input[name="options.receipt_day"][value="day1"]')).to_be_checked()
    w.expect_date("resolution_meeting_by", "2026-03-16")


def test_weekend_holiday_reading_changes_the_agreement_window(stub_widget):
    # Juneteenth 2027 is Sat 06-19. Agreement signed Thu 2027-06-17 (300.510(e), business days 300.11(b)).
    # Observed reading: Fri 06-18 is the observed holiday -> Mon 06-21 (1), Tue 06-22 (2), Wed 06-23 (3).
    # Statutory reading: Fri 06-18 (1), Sat 06-19 holiday and weekend, Mon 06-21 (2), Tue 06-22 (3).
    w = stub_widget("deadlines")
    w.fill_date("received", "2027-06-01")
    w.fill_date("agreement_signed", "2027-06-17")
    w.expect_date("agreement_void_until", "2027-06-23")
    open_counting_options(w)
    w.choose("options.holiday_observance", "statutory")
    w.expect_date("agreement_void_until", "2027-06-22")
    assert "options.holiday_observance=statutory" in w.page.evaluate("location.hash")
    w.choose("options.holiday_observance", "observed")
    w.expect_date("agreement_void_until", "2027-06-23")
    assert "options.holiday_observance" not in w.page.evaluate("location.hash")


def test_filing_deadline_estimate_from_the_date_known(stub_widget):
    # Knew or should have known Mon 2025-09-15: two years later = Wed 2027-09-15 (34 CFR 300.507(a)(2)).
    w = stub_widget("deadlines")
    field = w.root.locator('[data-field="knew_or_should_have_known"]')
    w.open_group("filing")                                          # a folded follow-up ...
    expect(field).to_be_visible()                                   # ... with no complaint date needed
    expect(field).to_contain_text("A lawyer can tell you this day")
    expect(field).to_contain_text("34 CFR 300.511(f)")
    w.fill_date("knew_or_should_have_known", "2025-09-15")
    w.expect_date("filing_deadline", "2027-09-15")
    expect(w.row("filing_deadline")).to_contain_text("(estimate)")
    assert "knew_or_should_have_known=2025-09-15" in w.page.evaluate("location.hash")


def test_fragment_round_trips_every_new_field(stub_widget):
    w = stub_widget("deadlines", "received=2027-06-01&agreement_signed=2027-06-17"
                    "&knew_or_should_have_known=2025-09-15&options.holiday_observance=statutory")
    w.expect_date("agreement_void_until", "2027-06-22")
    w.expect_date("filing_deadline", "2027-09-15")
    expect(w.root.locator('input[name="options.holiday_observance"][value="statutory"]')).to_be_checked()
    expect(w.root.locator('input[name="options.receipt_day"][value="day0"]')).to_be_checked()
    w.root.locator("[data-rg-clear]").click()
    expect(w.root.locator('input[name="options.holiday_observance"][value="observed"]')).to_be_checked()
    assert w.page.evaluate("location.hash") == ""
