"""A calculator page starts Python from its <head> on a first visit (DESIGN.md "Phone speed", early start): the
same runtime script as the calculator's own tag, loaded async, so the worker's downloads begin while the page
is still loading instead of after the page's deferred scripts. (A return visit, answered by the guide's
service worker, starts it from the widgets as before: tests/sw.)"""

from __future__ import annotations

import re
import time

import pytest

from resolution_guide.browser.render import RUNTIME_TAG

HEAD_TAG = re.compile(r'<script src="([^"]*js/runtime\.js)" async fetchpriority="high" data-rg-wheel="([^"]*)" '
                      r'data-rg-start>')
AT_DOM_READY = """document.addEventListener('DOMContentLoaded', () => {
  window.__rgAtDomReady = window.RGRuntime ? RGRuntime.status : 'absent'; });"""


def test_every_calculator_page_and_no_other_loads_the_runtime_from_its_head(built_site):
    with_calculator = 0
    for html_file in sorted(built_site.rglob("*.html")):
        if "assets" in html_file.relative_to(built_site).parts:
            continue
        html = html_file.read_text(encoding="utf-8")
        head = html.split("</head>", 1)[0]
        own = RUNTIME_TAG.search(html)
        early = HEAD_TAG.findall(head)
        if own is None:
            assert early == [], html_file
            continue
        with_calculator += 1
        assert early == [(own["src"], own["wheel"])], html_file      # the same file, the same engine
        # before the stylesheets, so it is not held behind them
        assert head.index("js/runtime.js") < head.index('rel="stylesheet"'), html_file
    assert with_calculator >= 4


@pytest.mark.browser
def test_python_is_on_its_way_before_the_page_has_finished_loading(page, site_url, widget_pages):
    """Without the head copy the runtime is still idle at DOMContentLoaded (the widgets start it later). The
    theme's stylesheet comes 0.5 s late, as on a slow link: the page's deferred scripts wait for it, the async
    copy in the head does not (on loopback either may run first, and the early start is then moot)."""
    def late_stylesheet(route):
        time.sleep(0.5)
        route.continue_()

    page.route(re.compile(r".*/assets/stylesheets/main\.[0-9a-f]+\.min\.css$"), late_stylesheet)
    page.add_init_script(AT_DOM_READY)
    page.goto(site_url + widget_pages["deadlines"] + "#received=2026-03-02")
    page.wait_for_function("window.__rgAtDomReady !== undefined")
    assert page.evaluate("__rgAtDomReady") in ("loading", "ready")
    page.locator(".rg-widget [data-deadline] time").first.wait_for(timeout=120_000)
