"""When the calculators' Python starts on the hosted site (DESIGN.md "Phone speed"): a page with a
calculator starts its worker as soon as runtime.js runs, before the page's other scripts have
finished, without waiting for the reader or an idle moment; a first visit boots without the
memory snapshot unless the device keeps it (tests/sw)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

AT_DOM_READY = """
document.addEventListener('DOMContentLoaded', () => {
  window.__atDomReady = window.RGRuntime ? RGRuntime.status : 'no runtime';
});"""


def test_a_calculator_page_starts_python_before_the_page_is_done(browser, site_url, widget_pages):
    context = browser.new_context(service_workers="block")
    context.add_init_script(AT_DOM_READY)
    page = context.new_page()
    try:
        page.goto(site_url + widget_pages["deadlines"])          # no answers: nothing asks for a result
        page.wait_for_function("window.__atDomReady !== undefined")
        assert page.evaluate("window.__atDomReady") == "loading"
        page.wait_for_function("RGRuntime.status === 'ready'", timeout=120_000)
        assert page.evaluate("RGRuntime.timings.snapshot") is False      # nothing kept on this device yet
    finally:
        context.close()
