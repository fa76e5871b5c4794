"""One keyboard-only pass per calculator: every answer typed or chosen with Tab, arrows, Space
and Enter, as a keyboard or switch user would (Python replaced by the CPython engine,
stub_runtime.py). Dates are typed the way a US family writes them (03/02/2026) into the date's text
field; follow-up groups are unfolded from their summaries with Enter."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_helpers import axe_violations
from stub_runtime import stub_widget  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser

SUMMARY = "If your state counts days differently (optional)"


def type_date(w, name, iso):
    w.type_date(name, iso)
    year, month, day = iso.split("-")
    expect(w.root.locator(f'input[name="{name}"]')).to_have_value(f"{month}/{day}/{year}")


def open_group_by_keyboard(w, summary):
    w.tab_to(lambda info: info["type"] == "summary" and info["text"] == summary)
    w.page.keyboard.press("Enter")


def test_deadlines_by_keyboard(stub_widget):
    # Expedited, received Mon 2026-03-02: meeting within 7 days = Mon 03-09 (300.532(c)(3)(i)).
    # With the day of receipt counted as day 1 (C2 alternative): Sun 03-08.
    w = stub_widget("deadlines")
    w.focus_start()
    w.choose_radio("track", "expedited")
    type_date(w, "received", "2026-03-02")
    w.press_button("Show my results")
    w.expect_date("resolution_meeting_by", "2026-03-09")
    w.focus_start()
    w.tab_to(lambda info: info["type"] == "summary" and info["text"] == SUMMARY)
    w.page.keyboard.press("Enter")
    expect(w.root.locator('details[data-rg-group="counting_options"]')).to_have_attribute("open", "")
    w.choose_radio("options.receipt_day", "day1")
    w.expect_date("resolution_meeting_by", "2026-03-08")
    assert axe_violations(w.page, '[data-rg-widget="deadlines"]') == []


def test_meeting_required_by_keyboard(stub_widget):
    w = stub_widget("meeting_required")
    expect(w.root.locator('[data-answer="resolution_meeting_required"]')).to_have_count(0)   # asks first
    w.focus_start()
    type_date(w, "received", "2026-06-18")                          # + 15 = Fri 07-03
    w.press_button("Show my results")
    w.expect_date("resolution_meeting_by", "2026-07-03")
    expect(w.answer()).to_have_attribute("data-value", "true")
    w.focus_start()
    open_group_by_keyboard(w, "Mediation (optional)")
    w.tick("mediation")                                             # 300.510(a)(3)(ii)
    expect(w.answer()).to_have_attribute("data-value", "false")


def test_attendance_by_keyboard(stub_widget):
    w = stub_widget("attendance")
    lawyer = w.root.locator('[data-answer="district_attorney_allowed"]')
    w.focus_start()
    w.choose_radio("parent_brings_attorney", "true")
    expect(lawyer).to_have_attribute("data-value", "true")
    w.focus_start()
    w.choose_radio("parent_brings_attorney", "false")
    expect(lawyer).to_have_attribute("data-value", "false")


def test_agreement_review_by_keyboard(stub_widget):
    # Signed Fri 2026-03-27 in California (Cesar Chavez Day, Tue 03-31): 03-30, 04-01, 04-02.
    w = stub_widget("agreement_review")
    w.focus_start()
    type_date(w, "agreement_signed", "2026-03-27")
    w.expect_date("agreement_void_until", "2026-04-01")
    w.focus_start()
    open_group_by_keyboard(w, "Your state and closed days (optional)")
    w.tab_to_field("state")
    w.page.keyboard.type("California")
    w.expect_date("agreement_void_until", "2026-04-02")
