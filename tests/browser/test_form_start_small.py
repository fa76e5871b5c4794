"""The question side on a phone (issue 10): the first questions only, follow-ups one folded group
at a time, dates typed as families write them, answers kept while Python loads, the device's date
and the page's language sent with every request, few Tab stops, and axe-core in light and dark.
Behaviour against the CPython engine through stub runtimes (stub_runtime.py; a slow one here)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from browser_helpers import WidgetPage, axe_violations
from resolution_guide.engine.api import handle

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}

#: A runtime that stays "loading" until the test calls window.rgRelease(), and keeps every request.
SLOW_STUB = """
(() => {
  const listeners = [];
  let release;
  const ready = new Promise((resolve) => { release = resolve; });
  const rt = {
    status: 'idle', detail: null, mode: 'stub', timings: null,
    onstatus(fn) { listeners.push(fn); },
    start() {
      if (rt.status === 'idle') {
        rt.status = 'loading';
        listeners.slice().forEach((fn) => fn('loading', null));
      }
      return ready.then(() => rt);
    },
    call(request) {
      window.rgRequests.push(request);
      return rt.start().then(() => window.rgEngineHandle(JSON.stringify(request))).then((t) => JSON.parse(t));
    },
  };
  window.rgRequests = [];
  window.rgRelease = () => {
    rt.status = 'ready';
    listeners.slice().forEach((fn) => fn('ready', null));
    release();
  };
  window.RGRuntime = rt;
})();
"""


@pytest.fixture()
def phone(browser, site_url, widget_pages):
    """phone(name, fragment="", slow=False) -> WidgetPage at 390 x 844; `slow`: Python not ready
    until page.evaluate("rgRelease()"). Fails on any script error."""
    context = browser.new_context(viewport=PHONE, has_touch=True)
    errors: list[str] = []

    def _open(name: str, fragment: str = "", slow: bool = False) -> WidgetPage:
        page = context.new_page()
        page.on("pageerror", lambda err: errors.append(str(err)))
        page.expose_function("rgEngineHandle", handle)
        page.add_init_script(SLOW_STUB if slow else SLOW_STUB + "\nwindow.rgRelease();")
        page.goto(site_url + widget_pages[name] + (f"#{fragment}" if fragment else ""))
        widget = WidgetPage(page, name)
        widget.root.locator("[data-rg-form]").wait_for(state="visible")
        return widget
    yield _open
    context.close()
    assert errors == [], f"script errors on the page: {errors}"


def visible_fields(w) -> list[str]:
    return w.root.locator("[data-field]").evaluate_all(
        "els => els.filter(e => e.checkVisibility()).map(e => e.getAttribute('data-field'))")


def test_the_deadlines_start_with_the_basics_and_fold_the_rest_by_topic(phone):
    w = phone("deadlines")
    assert visible_fields(w) == ["filed_by", "track", "received"]
    assert w.root.locator(".rg-result").count() == 0                       # asks before it answers
    shown = w.root.locator("details[data-rg-group]:visible")
    expect(shown).to_have_count(5)        # agreement, hearing, filing, calendar, counting: no date needed
    w.fill_date("received", "3/2/2026")
    w.expect_date("resolution_meeting_by", "2026-03-17")
    groups = ["meeting", "mediation", "agreement", "hearing", "filing", "calendar", "counting_options"]
    expect(shown).to_have_count(len(groups))
    assert [g.get_attribute("data-rg-group") for g in shown.all()] == groups
    for group in shown.all():
        expect(group.locator("summary")).to_contain_text("(optional)")
        assert group.get_attribute("open") is None                          # folded: one at a time
    assert visible_fields(w) == ["filed_by", "track", "received"]
    w.open_group("meeting")
    assert visible_fields(w) == ["filed_by", "track", "received", "waiver_signed", "meeting_held",
                                 "no_agreement_possible", "parent_did_not_participate"]
    for name in visible_fields(w)[3:]:                                      # each marked optional
        expect(w.root.locator(f'[data-field="{name}"] .rg-optional')).to_have_text("(optional)")
    expect(w.root.locator('[data-field="parent_did_not_participate"] label')).to_contain_text(
        "I have not taken part in the meeting")


def test_a_link_with_a_follow_up_answer_opens_its_group(phone):
    # An old link (ISO dates, as links were before typed dates) keeps working.
    w = phone("deadlines", "received=2026-03-02&meeting_held=2026-03-10")
    expect(w.root.locator('details[data-rg-group="meeting"]')).to_have_attribute("open", "")
    expect(w.root.locator('details[data-rg-group="mediation"]')).not_to_have_attribute("open", "")
    expect(w.root.locator('input[name="meeting_held"]')).to_have_value("2026-03-10")
    w.expect_date("resolution_meeting_by", "2026-03-17")


@pytest.mark.parametrize("typed", ["03/02/2026", "3/2/26", "2026-03-02", "March 2, 2026"])
def test_dates_typed_as_families_write_them(phone, typed):
    w = phone("deadlines")
    w.fill_date("received", typed)
    w.expect_date("resolution_meeting_by", "2026-03-17")            # Mon 03-02 + 15 days
    assert "received=" in w.page.evaluate("location.hash")


def test_closed_days_typed_in_us_form_move_the_agreement_window(phone):
    # Signed Fri 2026-03-13; business days after it: Mon 03-16, Tue 03-17, Wed 03-18 (300.510(e)).
    # With the district closed on 03-16 and 03-17: Wed 03-18, Thu 03-19, Fri 03-20.
    w = phone("agreement_review")
    w.fill_date("agreement_signed", "3/13/2026")
    w.expect_date("agreement_void_until", "2026-03-18")
    w.fill("extra_holidays", "3/16/2026, 3/17/2026")
    w.expect_date("agreement_void_until", "2026-03-20")


def test_a_typed_date_that_is_not_one_shows_the_fields_own_example(phone):
    w = phone("deadlines")
    w.fill_date("received", "2/30/2026")
    w.submit()
    message = w.root.locator('[data-field="received"] .rg-error-message')
    expect(message).to_contain_text("Enter a real date, for example 03/02/2026")
    expect(w.root.locator('[data-field="received"]')).to_contain_text("For example, 03/02/2026")


def test_pressing_the_button_while_python_loads_gives_the_result_when_ready(phone):
    w = phone("deadlines", slow=True)
    status = w.root.locator("[data-rg-status]")
    expect(status).to_contain_text("Getting the calculator ready")
    w.fill_date("received", "03/02/2026")                    # typed while Python loads: kept
    w.submit()
    expect(status).to_contain_text("Getting your results ready")
    # The status sits right under the button, not screens away.
    gap = w.page.evaluate("""() => { const b = document.querySelector('[data-rg-widget="deadlines"] button[type=submit]');
        const s = document.querySelector('[data-rg-widget="deadlines"] [data-rg-status]');
        return s.getBoundingClientRect().top - b.getBoundingClientRect().bottom; }""")
    assert 0 <= gap < 80
    assert w.root.locator(".rg-result").count() == 0
    w.page.evaluate("rgRelease()")
    w.expect_date("resolution_meeting_by", "2026-03-17")
    expect(w.root.locator('input[name="received"]')).to_have_value("03/02/2026")


def test_every_request_carries_the_device_date_and_the_page_language(phone):
    w = phone("meeting_required")
    w.fill_date("received", "6/18/2026")
    w.expect_date("resolution_meeting_by", "2026-07-03")
    requests = w.page.evaluate("rgRequests")
    device = w.page.evaluate("(() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]; })()")
    assert requests and all(r["locale"] == "en" for r in requests)
    assert {r["case"]["today"] for r in requests} == {"%04d-%02d-%02d" % tuple(device)}
    assert json.loads(handle(json.dumps(requests[-1])))["ok"] is True


def test_do_we_have_to_have_one_asks_before_it_answers(phone):
    w = phone("meeting_required")
    w.page.wait_for_timeout(300)
    expect(w.root.locator('[data-answer="resolution_meeting_required"]')).to_have_count(0)
    w.fill_date("received", "6/18/2026")
    expect(w.answer()).to_have_attribute("data-value", "true")


def test_few_tab_stops_from_the_date_to_the_button(phone):
    w = phone("deadlines")
    w.fill_date("received", "03/02/2026")
    w.expect_date("resolution_meeting_by", "2026-03-17")
    w.root.locator('input[name="received"]').focus()
    for presses in range(1, 40):
        w.page.keyboard.press("Tab")
        if w.page.evaluate("document.activeElement.type") == "submit":
            break
    assert presses <= 8          # seven folded groups, then the button (issue 10: it took 57)


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_nothing_on_the_form_in_light_and_dark(phone, scheme):
    w = phone("deadlines")
    w.page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    w.fill_date("received", "3/2/2026")
    w.expect_date("resolution_meeting_by", "2026-03-17")
    for group in w.root.locator("details[data-rg-group]:visible").all():
        group.locator("summary").click()
    assert axe_violations(w.page, '[data-rg-widget="deadlines"] [data-rg-form]') == []
    w.fill_date("meeting_held", "soon")                        # and with the error pattern showing
    w.submit()
    expect(w.root.locator("[data-rg-error-summary]")).to_be_visible()
    assert axe_violations(w.page, '[data-rg-widget="deadlines"]') == []
