"""The built site under the strict Content-Security-Policy of its own `_headers` file, served as real headers.

Every page is opened with the policy in force; any `securitypolicyviolation` event or console CSP error
fails. Search, the theme toggle and a calculator (real Pyodide: 'wasm-unsafe-eval' is the subject) must work.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "browser"))
from browser_helpers import WidgetPage  # noqa: E402

pytestmark = pytest.mark.browser

REQUIRED = ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "worker-src 'self' blob:",
            "style-src 'self'"]
COLLECT = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));
"""


def read_headers(site: Path) -> dict[str, str]:
    """The headers `_headers` sets for /* (the only rule it has)."""
    lines = (site / "_headers").read_text(encoding="utf-8").splitlines()
    rules = [ln for ln in lines if ln and not ln.startswith("#")]
    assert rules[0] == "/*"
    return dict(ln.strip().split(": ", 1) for ln in rules[1:])


class _HeaderHandler(http.server.SimpleHTTPRequestHandler):
    headers_to_send: dict = {}
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".mjs": "text/javascript", ".js": "text/javascript"}

    def end_headers(self):
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def strict_url(built_site):
    headers = read_headers(built_site)
    handler = functools.partial(type("H", (_HeaderHandler,), {"headers_to_send": headers}),
                                directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture()
def strict_page(browser):
    context = browser.new_context(viewport={"width": 1024, "height": 900})
    context.add_init_script(COLLECT)
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda m: page.console_errors.append(m.text)
            if "Content Security Policy" in m.text or "Content-Security-Policy" in m.text else None)
    yield page
    context.close()


def wait_until(page, expression: str, timeout_s: float = 60) -> None:
    """Poll an expression (page.wait_for_function would need eval, which the policy forbids)."""
    import time
    end = time.monotonic() + timeout_s
    while not page.evaluate(expression):
        assert time.monotonic() < end, f"timed out waiting for {expression}"
        page.wait_for_timeout(100)


def violations(page) -> list[str]:
    return page.evaluate("window.__csp") + page.console_errors


def test_the_headers_file_sets_the_strict_policy_and_the_others(built_site):
    headers = read_headers(built_site)
    policy = headers["Content-Security-Policy"]
    assert all(part in policy.split("; ") for part in REQUIRED)
    assert "unsafe-inline" not in policy and "'unsafe-eval'" not in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in headers["Permissions-Policy"]


def test_no_inline_script_or_style_attribute_in_any_page(built_site):
    import re
    for html in built_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        inline = [tag for tag in re.findall(r"<script\b[^>]*>", text)
                  if "src=" not in tag and 'type="application/json"' not in tag]
        assert inline == [], html
        assert ' style="' not in text, html


def test_every_page_runs_without_a_violation(built_site, strict_url, strict_page):
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")
                   if "assets" not in p.parts)
    assert len(pages) > 10
    for rel in pages:
        strict_page.goto(strict_url + rel)
        strict_page.wait_for_load_state("load")
        strict_page.wait_for_timeout(150)
        assert violations(strict_page) == [], rel


def test_search_and_theme_toggle_work_under_the_policy(strict_url, strict_page):
    page = strict_page
    page.goto(strict_url)
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    wait_until(page, f"document.body.getAttribute('data-md-color-scheme') !== '{scheme}'", 10)
    page.reload()  # the choice is kept (md-base.js: __md_get/__md_set) and restored by md-palette.js
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") != scheme
    page.locator("input.md-search__input").click()
    page.keyboard.type("mediation")
    try:
        page.locator(".md-search-result__item").first.wait_for(timeout=20_000)
    except Exception:
        raise AssertionError(page.evaluate("document.querySelector('.md-search-result__meta').textContent")
                             + str(violations(page)))
    assert violations(page) == []


def test_a_calculator_computes_under_the_policy(built_site, strict_url, strict_page):
    rel = next(p.relative_to(built_site).as_posix() for p in sorted(built_site.rglob("*.html"))
               if 'data-rg-widget="deadlines"' in p.read_text(encoding="utf-8"))
    page = strict_page
    page.goto(strict_url + rel)
    wait_until(page, "window.RGRuntime && RGRuntime.status === 'ready'", 120)   # no eval under the policy
    w = WidgetPage(page, "deadlines")
    w.fill_date("received", "2026-03-02")
    # 300.510(a)(1): 15 days after Mon 2026-03-02 is Tue 2026-03-17
    assert w.date_of("resolution_meeting_by", timeout=30_000) == "2026-03-17"
    assert violations(page) == []
