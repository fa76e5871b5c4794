"""Hostile text in the calculators (issue 15): whatever a person types, a link carries or the runtime
answers is written into the page as text, never as HTML; no page opens a JavaScript dialog.

The widgets write text through `el(..., {text})` (widgets/dom.js) and `textContent`. Switching that to
`innerHTML` passed every other browser test; these fail on it (DESIGN.md section 18, mutants).
Against the stub runtime (stub_runtime.py): the CPython engine, so no Pyodide start per page.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import expect

from browser_helpers import WIDGETS, WidgetPage
from resolution_guide.engine.api import handle
from stub_runtime import STUB, install_stub, stub_widget  # noqa: F401  (stub_widget is a fixture)

pytestmark = pytest.mark.browser

# Each would run script (a dialog) if it became HTML; the img also leaves an [onerror] element behind.
IMG = '"><img src=x onerror="alert(1)">'
SCRIPT = "<script>alert(2)</script>"
INJECTED = "[onerror], script:not([src]):not([type]), iframe, object, embed"
TODAY = "2026-03-11"
SIGNED = "received=2026-03-02&meeting_held=2026-03-10&agreement_signed=2026-03-10"   # a cancel letter is open
SETTLED = "el => ['result', 'error', 'unavailable'].includes(el.getAttribute('data-rg-state'))"


def watch(page) -> dict:
    """Dialogs (dismissed, so the page goes on) and script errors on `page` from now on."""
    seen = {"dialogs": [], "errors": []}

    def dialog(d):
        seen["dialogs"].append(d.message)
        d.dismiss()
    page.on("dialog", dialog)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    return seen


def injected(widget: WidgetPage) -> list[str]:
    """Elements inside the calculator that only an HTML parse of a payload could have made."""
    return widget.root.evaluate(f"r => [...r.querySelectorAll('{INJECTED}')].slice(0, 3).map(e => e.outerHTML)")


def taint(value, mark: str):
    """Every sentence in an engine answer with `mark` in front and after each comma, so a long date
    inside a sentence is no longer found either (ids, codes and ISO dates left alone)."""
    if isinstance(value, str):
        return mark + value.replace(",", "," + mark)
    if isinstance(value, list):
        return [taint(v, mark) for v in value]
    if isinstance(value, dict):
        return {k: v if k in ("order", "id", "code", "field") else taint(v, mark) for k, v in value.items()}
    return value


def hostile_handle(request: str) -> str:
    """The real engine's answer with a payload in each of its words: the engine quotes what was typed
    in its messages, so the page must treat every string it gets back as text."""
    req = json.loads(request)
    if isinstance(req.get("case"), dict):
        req["case"]["today"] = TODAY        # so the letters' windows are open whatever day the tests run
    out = json.loads(handle(json.dumps(req)))
    for key in ("text", "letters", "letter"):
        if key in out:
            out[key] = taint(out[key], IMG + SCRIPT)
    for error in out.get("errors", []):
        error["message"] = taint(error["message"], IMG + SCRIPT)
    return json.dumps(out)


def test_every_sentence_the_runtime_answers_is_written_as_text(page, site_url, widget_pages):
    seen = watch(page)
    page.expose_function("rgEngineHandle", hostile_handle)
    page.add_init_script(STUB)
    page.goto(site_url + widget_pages["deadlines"] + "#" + SIGNED)
    w = WidgetPage(page, "deadlines")
    w.root.locator(".rg-letter summary").first.click()                 # a letter, filled by the runtime
    expect(w.root.locator(".rg-letter-text").first).to_be_visible()
    assert injected(w) == []
    assert seen == {"dialogs": [], "errors": []}
    assert IMG + SCRIPT + "Resolution period ends" in w.root.locator("[data-rg-output]").inner_text()
    assert IMG + SCRIPT in w.root.locator(".rg-summary").text_content()   # the printed page
    assert IMG + SCRIPT in w.root.locator(".rg-letter-text").first.inner_text()
    # An answer too large to send: the error names no field, so it is listed in the summary alone. With
    # the page's words for it taken away, the engine's own (tainted) message is what the page shows.
    page.evaluate("""() => Object.values(RGWords).forEach(l => {
        if (l.ui && l.ui.errors) delete l.ui.errors.too_large; })""")
    w.fill("received", "9" * 200_000)
    w.submit()
    expect(w.root.locator("[data-rg-error-summary] li").first).to_contain_text("characters")
    assert injected(w) == []
    assert seen == {"dialogs": [], "errors": []}
    assert w.root.locator("[data-rg-error-summary] li").first.inner_text().startswith(IMG + SCRIPT)


def test_a_typed_answer_quoted_back_in_the_error_summary_stays_text(page, stub_widget):
    seen = watch(page)
    w = stub_widget("deadlines")
    # A code this page has no words for shows the engine's own message, which quotes what was typed.
    page.evaluate("""() => Object.values(RGWords).forEach(l => {
        if (l.ui && l.ui.errors) delete l.ui.errors.not_a_date;
        if (l.engine && l.engine.errors) delete l.engine.errors.not_a_date; })""")
    w.fill("received", IMG + SCRIPT)
    w.submit()
    summary = w.root.locator("[data-rg-error-summary]")
    expect(summary).to_be_visible()
    assert injected(w) == []
    assert seen["dialogs"] == []
    assert f'"{IMG + SCRIPT}" is not a date' in summary.locator("a").inner_text()
    expect(w.root.locator('input[name="received"]')).to_have_value(IMG + SCRIPT)


def payload_fragments(fields: list[str], typed: str | None) -> dict[str, str]:
    """Links a stranger could send: payloads in every field, prototype keys, a 2 MB answer in the
    typed field `typed` (under Chromium's 2 MiB limit on a URL, so the browser keeps it whole)."""
    def link(pairs):
        return "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in pairs)
    return {
        "script": link([(f, SCRIPT) for f in fields]),
        "img": link([(f, IMG) for f in fields]),
        "proto": link([("received", "2026-03-02"), ("__proto__", "x"), ("__proto__[polluted]", "1"),
                       ("constructor[prototype][polluted]", "1"), ("options.__proto__", "1"),
                       ("constructor", "1")] + [(f, "__proto__") for f in fields if f != "received"]),
        **({"2mb": link([(typed, "9" * 2_000_000)])} if typed else {}),
    }


@pytest.mark.parametrize("name", WIDGETS)
def test_calculators_fed_payload_links_show_no_dialog_and_keep_prototypes_clean(page, stub_widget, name):
    seen = watch(page)
    w = stub_widget(name)
    fields = w.root.evaluate("r => [...new Set([...r.querySelectorAll('[data-field]')].map(g => g.dataset.field))]")
    typed = w.root.evaluate("r => { const i = r.querySelector('[data-field] input[type=text]'); return i && i.name; }")
    for kind, fragment in payload_fragments(fields, typed).items():
        page.evaluate("f => { location.hash = f; }", fragment)     # read like a link opened on the page
        w.root.locator("[data-rg-form]").wait_for(state="visible")
        page.wait_for_function(f"() => ({SETTLED})(document.querySelector('[data-rg-widget=\"{name}\"]'))")
        page.evaluate("() => new Promise(r => setTimeout(r, 50))")
        assert w.root.get_attribute("data-rg-state") in ("result", "error"), kind
        assert page.evaluate("() => ({}).polluted === undefined && Object.prototype.polluted === undefined"), kind
        assert injected(w) == [], kind
    if typed:   # the 2 MB answer reached the engine whole (and was refused there by size)
        assert page.evaluate("JSON.stringify(RGRuntime.requests[RGRuntime.requests.length - 1]).length") > 2_000_000
        said = page.evaluate("() => RGWords[document.documentElement.lang].ui.errors.too_large")
        expect(w.root.locator("[data-rg-error-summary]")).to_contain_text(said)   # in the page's own words
    assert seen["dialogs"] == []


def test_no_built_page_opens_a_dialog_or_reaches_another_host(page, built_site, site_url):
    seen = watch(page)
    install_stub(page)
    here = urlsplit(site_url).netloc
    elsewhere = []
    page.on("request", lambda r: urlsplit(r.url).scheme in ("http", "https")
            and urlsplit(r.url).netloc != here and elsewhere.append(r.url))
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")
                   if "assets" not in p.relative_to(built_site).parts)
    assert len(pages) > 10
    for rel in pages:
        page.goto(site_url + rel)
        if re.search(r'data-rg-widget="', page.content()):
            page.wait_for_function("() => [...document.querySelectorAll('[data-rg-widget]')]"
                                   ".every(r => r.hasAttribute('data-rg-ready'))")
        page.evaluate("() => new Promise(r => setTimeout(r, 100))")
    assert seen == {"dialogs": [], "errors": []}
    assert elsewhere == []
