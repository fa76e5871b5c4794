"""The calculators' HTML is made by the build from the widget words (widgets/locales/*.yml), which
translators edit: every word is escaped (autoescape in browser/render.py), so a word holding markup
comes out as text, in element content and in attributes alike."""

from __future__ import annotations

import pytest

from resolution_guide.browser import render
from resolution_guide.browser.definitions import ui_words, widget_names

PAYLOAD = '"><img src=x onerror=alert(1)><script>alert(2)</script>'


def tainted(value):
    """Every word with the payload in front."""
    if isinstance(value, str):
        return PAYLOAD + value
    if isinstance(value, dict):
        return {k: tainted(v) for k, v in value.items()}
    if isinstance(value, list):
        return [tainted(v) for v in value]
    return value


@pytest.mark.parametrize("locale", ["en", "es"])
def test_widget_words_holding_markup_come_out_as_text(monkeypatch, locale):
    words = tainted(ui_words(locale))
    monkeypatch.setattr(render, "ui_words", lambda _locale: words)
    for name in widget_names():
        html = render.render_widget(name, locale=locale)
        assert "<img" not in html and "<script>alert" not in html, name
        assert "&lt;img src=x onerror=alert(1)&gt;" in html, name   # the words are there, as text
