"""Material's bundle is loaded with `defer` (DESIGN.md "Phone speed"): the calculators' deferred
scripts come first in the page, so a calculator's Python worker starts before the bundle's long
task, and the theme still starts (keyboard search, the header)."""

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
    assert runtime and max(runtime) < bundle and all(" defer" in tags[i] for i in runtime)


def test_the_worker_starts_before_the_bundle_runs_and_the_theme_still_works(page, site_url):
    page.add_init_script("""
      window.__order = [];
      const NativeWorker = window.Worker;
      window.Worker = function (...a) { __order.push(String(a[0])); return new NativeWorker(...a); };
      Object.defineProperty(window, 'document$', {configurable: true, set(v) {
        __order.push('bundle'); Object.defineProperty(window, 'document$', {value: v, writable: true}); }});""")
    page.goto(site_url + "timeline/#received=2026-03-02")
    page.wait_for_function("window.__order.includes('bundle') && __order.some(u => u.endsWith('/worker.mjs'))",
                           timeout=30_000)
    order = page.evaluate("window.__order")                # Material's search worker is made by the bundle
    assert [u for u in order if u.endswith("/worker.mjs") or u == "bundle"][0].endswith("/worker.mjs")
    page.keyboard.press("/")                       # Material's keyboard shortcut: search gets the focus
    page.wait_for_function("document.activeElement && document.activeElement.matches('input.md-search__input')",
                           timeout=5_000)
