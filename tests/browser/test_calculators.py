"""The four calculators against the real built site, Python replaced by the CPython engine
(stub_runtime.py). Expected dates are worked out by hand from the rule book
(34 CFR 300.510, 300.515, 300.532; calendar days do not roll forward, 300.11)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from stub_runtime import stub_widget  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser


def test_weekend_decision_date_keeps_its_day_and_names_the_friday(stub_widget):
    # Received Mon 2026-03-02: meeting by +15 = Tue 03-17 (300.510(a)(1)); period ends +30 = 04-01;
    # decision 45 days later = Sat 05-16 (300.515(a)), a weekend: it stays, Friday 05-15 is named.
    w = stub_widget("deadlines")
    w.fill_date("received", "2026-03-02")
    w.expect_date("resolution_meeting_by", "2026-03-17")
    w.expect_date("resolution_period_ends", "2026-04-01")
    w.expect_date("decision_due", "2026-05-16")
    expect(w.row("decision_due").locator(".rg-closed-day time")).to_have_attribute("datetime", "2026-05-15")
    expect(w.row("resolution_meeting_by").locator(".rg-date")).to_have_text("Tuesday, March 17, 2026")
    expect(w.row("resolution_meeting_by")).to_contain_text("34 CFR 300.510(a)(1)")
    expect(w.answer()).to_have_attribute("data-value", "true")
    assert "received=2026-03-02" in w.page.evaluate("location.hash")


def test_observed_independence_day_is_flagged(stub_widget):
    # Received Thu 2026-06-18: +15 = Fri 07-03, the observed Independence Day (5 U.S.C. 6103(b)):
    # the meeting deadline stays on 07-03 and the last business day before it is Thu 07-02.
    w = stub_widget("deadlines")
    w.fill_date("received", "2026-06-18")
    w.expect_date("resolution_meeting_by", "2026-07-03")
    row = w.row("resolution_meeting_by")
    expect(row.locator(".rg-closed-day time")).to_have_attribute("datetime", "2026-07-02")
    row.locator("summary").click()
    expect(row.locator(".rg-why")).to_contain_text("Independence Day (observed)")


def test_written_waiver_removes_meeting_and_starts_the_45_days(stub_widget):
    # Waiver signed Thu 2026-03-05 (300.510(c)(1)): no meeting; 45 days from 03-05 = Sun 04-19,
    # so the last business day on or before it is Fri 04-17.
    w = stub_widget("deadlines")
    w.fill_date("received", "2026-03-02")
    w.expect_date("resolution_meeting_by", "2026-03-17")
    w.fill_date("waiver_signed", "2026-03-05")
    expect(w.answer()).to_have_attribute("data-value", "false")
    w.expect_date("decision_due", "2026-04-19")
    expect(w.row("decision_due").locator(".rg-closed-day time")).to_have_attribute("datetime", "2026-04-17")
    expect(w.row("resolution_meeting_by")).to_have_count(0)


def test_expedited_hearing_counts_school_days(stub_widget):
    # Expedited (300.532(c)): meeting within 7 days of Mon 2026-03-02 = Mon 03-09; hearing within
    # 20 school days (no school calendar: weekdays): 03-03..03-30 -> Mon 03-30.
    w = stub_widget("deadlines")
    w.choose("track", "expedited")
    w.fill_date("received", "2026-03-02")
    w.expect_date("resolution_meeting_by", "2026-03-09")
    w.expect_date("hearing_must_occur_by", "2026-03-30")
    expect(w.root.locator('[data-field="filed"]')).to_be_visible()
    expect(w.row("sufficiency_challenge_due")).to_have_count(0)
    # A spring break of five school days moves the 20th school day a week later: Mon 04-06.
    w.fill("non_school_days", "2026-03-23..2026-03-27")
    w.expect_date("hearing_must_occur_by", "2026-04-06")


def test_questions_appear_only_when_relevant(stub_widget):
    w = stub_widget("deadlines")
    waiver = w.root.locator('[data-field="waiver_signed"]')
    expect(waiver).to_be_hidden()
    w.fill_date("received", "2026-03-02")
    expect(waiver).to_be_visible()
    w.choose("filed_by", "district")
    expect(waiver).to_be_hidden()
    expect(w.answer()).to_have_attribute("data-value", "false")


def test_meeting_required_answers(stub_widget):
    w = stub_widget("meeting_required")
    expect(w.answer()).to_have_attribute("data-value", "true")      # parent's complaint, no exception
    mediation = w.root.locator('[data-field="mediation"]')
    expect(mediation).to_be_hidden()               # the engine reads it only once a complaint was received
    w.fill_date("received", "2026-06-18")
    w.expect_date("resolution_meeting_by", "2026-07-03")
    w.toggle("mediation")                                           # 300.510(a)(3)(ii)
    expect(w.answer()).to_have_attribute("data-value", "false")
    expect(w.root.locator(".rg-reasons")).to_contain_text("34 CFR 300.510(a)(3)(ii)")
    w.toggle("mediation")
    expect(w.answer()).to_have_attribute("data-value", "true")


def test_attendance_district_lawyer_only_if_parent_brings_one(stub_widget):
    w = stub_widget("attendance")
    lawyer = w.root.locator('[data-answer="district_attorney_allowed"]')
    w.choose("parent_brings_attorney", "true")
    expect(lawyer).to_have_attribute("data-value", "true")
    w.choose("parent_brings_attorney", "false")
    expect(lawyer).to_have_attribute("data-value", "false")
    expect(w.root.locator('[data-answer="attorney_fees_for_meeting_recoverable"]')).to_have_attribute("data-value", "false")
    expect(w.root).to_contain_text("34 CFR 300.517(c)(2)(iii)")


def test_agreement_review_skips_the_observed_holiday_and_weekend(stub_widget):
    # Signed Thu 2026-07-02: Fri 07-03 (observed holiday) and the weekend are not business days
    # (300.11(b)); days 1-3 are Mon 07-06, Tue 07-07, Wed 07-08 (300.510(e)).
    w = stub_widget("agreement_review")
    w.fill_date("agreement_signed", "2026-07-02")
    w.expect_date("agreement_void_until", "2026-07-08")
    expect(w.root.locator(".rg-count .rg-counted")).to_have_count(3)
    expect(w.root.locator(".rg-count .rg-skipped").first).to_contain_text("Independence Day")


def test_agreement_review_with_a_state_holiday(stub_widget):
    # California: Cesar Chavez Day, Tue 2026-03-31, is a state holiday. Signed Fri 03-27:
    # Mon 03-30 (1), Wed 04-01 (2), Thu 04-02 (3). Without the state it would be 04-01.
    w = stub_widget("agreement_review")
    w.fill_date("agreement_signed", "2026-03-27")
    w.expect_date("agreement_void_until", "2026-04-01")
    w.select("state", "CA")
    w.expect_date("agreement_void_until", "2026-04-02")


def test_the_device_gives_today_and_the_page_its_locale(stub_widget):
    # describe() marks `today` as filled by the device: never a question, never in the link,
    # always in the request (the engine's statuses and days left count from it).
    import datetime
    w = stub_widget("deadlines")
    w.fill_date("received", "2026-03-02")
    w.expect_date("resolution_meeting_by", "2026-03-17")
    last = w.page.evaluate("RGRuntime.requests[RGRuntime.requests.length - 1]")
    assert last["locale"] == "en"
    assert last["case"]["today"] == datetime.date.today().isoformat()
    assert last["case"]["received"] == "2026-03-02"
    expect(w.root.locator('[data-field="today"]')).to_have_count(0)
    assert "today" not in w.page.evaluate("location.hash")
