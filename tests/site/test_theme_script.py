"""Material's bundle is loaded with `defer` (DESIGN.md "Phone speed"): the calculators' deferred
scripts come first, so their DOMContentLoaded work (starting the Python worker) is queued before the
theme's own; the theme still starts (keyboard search) and the calculator still answers."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def _scripts(html: str) -> list[str]:
    return re.findall(r"<script\b[^>]*\bsrc=\"[^\"]+\"[^>]*>", html)


def test_the_bundle_is_deferred_and_after_the_calculator_scripts(built_site):
    html = (built_site / "timeline" / "index.html").read_text(encoding="utf-8")
    tags = _scripts(html)
    [bundle] = [i for i, tag in enumerate(tags) if "/javascripts/bundle." in tag]
    assert " defer" in tags[bundle]
    runtime = [i for i, tag in enumerate(tags) if "assets/rg/js/" in tag]
    # the head's early copy of runtime.js is async (tests/browser/test_early_start.py); the rest deferred
    early = [i for i in runtime if " async" in tags[i]]
    assert len(early) == 1 and early[0] == 0
    rest = [i for i in runtime if i not in early]
    assert rest and max(rest) < bundle and all(" defer" in tags[i] for i in rest)


def test_the_theme_still_starts_with_the_deferred_bundle(page, site_url):
    errors = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(site_url + "timeline/#received=2026-03-02")
    page.wait_for_function("typeof window.document$ === 'object'", timeout=30_000)
    page.keyboard.press("/")                       # Material's keyboard shortcut: search gets the focus
    page.wait_for_function("document.activeElement && document.activeElement.matches('input.md-search__input')",
                           timeout=5_000)
    page.locator(".rg-widget [data-deadline] time").first.wait_for(timeout=120_000)
    assert errors == []
