"""The language switch goes to the same page in the other language and keeps the calculator answers
(the URL fragment); the Spanish calculator then shows the same dates in Spanish. The engine runs
through the stub runtime (tests/browser/stub_runtime.py): the widgets' behaviour is the subject."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "browser"))
from browser_helpers import WidgetPage  # noqa: E402
from stub_runtime import install_stub  # noqa: E402

pytestmark = pytest.mark.browser


def deadlines_page(built_site: Path) -> str:
    """The English page that has the deadlines calculator, as a URL path."""
    for html in sorted(built_site.rglob("index.html")):
        parts = html.relative_to(built_site).parts
        if parts[0] not in ("es", "assets") and 'data-rg-widget="deadlines"' in html.read_text(encoding="utf-8"):
            return html.relative_to(built_site).parent.as_posix() + "/"
    raise AssertionError("no English page has the deadlines calculator")


def test_switch_keeps_the_page_and_the_answers(page, site_url, built_site):
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    install_stub(page)
    path = deadlines_page(built_site)
    page.goto(f"{site_url}{path}#filed_by=parent&received=2026-03-02")
    assert WidgetPage(page, "deadlines").date_of("resolution_meeting_by", timeout=15_000) == "2026-03-17"
    answers = page.evaluate("location.hash")
    assert "received=2026-03-02" in answers

    page.locator("a[data-rg-language-switch][hreflang=es]").first.click()
    page.wait_for_url(f"{site_url}es/{path}*")
    assert page.evaluate("document.documentElement.lang") == "es"
    assert page.evaluate("location.hash") == answers
    spanish = WidgetPage(page, "deadlines")
    assert spanish.root.get_attribute("data-locale") == "es"
    assert spanish.root.locator('input[name="received"]').input_value() == "2026-03-02"
    spanish.expect_date("resolution_meeting_by", "2026-03-17")
    assert "17 de marzo de 2026" in spanish.row("resolution_meeting_by").first.inner_text()

    page.locator("a[data-rg-language-switch][hreflang=en]").first.click()  # and back
    page.wait_for_url(f"{site_url}{path}#*")
    assert page.evaluate("location.hash") == answers
    assert errors == []
