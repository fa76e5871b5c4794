"""The offline zip, unzipped and opened from file:// in headless Chromium with the network blocked.

Expected dates are worked by hand from the rules (rulebook section 12, counting conventions
C2-C5): day 0 is the day of receipt, calendar-day deadlines are not moved off weekends,
business days skip weekends and federal holidays (observed on the weekday).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.offline

READY_MS = 60_000


def wait_ready(page):
    page.wait_for_function("window.RGRuntime && RGRuntime.status === 'ready'", timeout=READY_MS)


def result_date(widget, deadline_id: str) -> str:
    time_el = widget.locator(f'[data-deadline="{deadline_id}"] time[datetime]').first
    time_el.wait_for(timeout=10_000)
    return time_el.get_attribute("datetime")


# ---------- the zip itself ----------

def test_zip_starts_with_a_readme_that_says_how_what_when_and_privacy(offline_zip, config):
    top = offline_zip.name.removesuffix(".zip")  # every entry is inside one folder named like the zip
    with zipfile.ZipFile(offline_zip) as zf:
        names = zf.namelist()
        readme = zf.read(f"{top}/README.txt").decode("utf-8")
    assert names[0] == f"{top}/README.txt" and f"{top}/index.html" in names
    from resolution_guide import __version__
    assert offline_zip.name == f"resolution-guide-offline-{__version__}.zip"
    assert "double-click index.html" in readme
    assert f"Version:     {__version__}" in readme
    assert re.search(r"Built:\s+\d{4}-\d{2}-\d{2}", readme)
    assert "Language:    English" in readme
    options = config.plugins["resolution-guide"].config   # a fork's own state, else the federal rules
    state = options.get("state") or options.organization.state
    assert re.search(rf"State rules: {state.upper()}\b" if state else r"State rules: .*federal", readme)
    assert "Nothing you type is sent anywhere" in readme


def test_bundle_has_no_hosted_only_runtime_files(offline_bundle):
    """The module-worker Pyodide copy cannot run from disk: only the payload scripts ship."""
    assert not list(offline_bundle.rglob("pyodide.asm.wasm")) and not list(offline_bundle.rglob("*.whl"))
    payloads = {p.name for p in (offline_bundle / "assets" / "rg" / "offline").iterdir()}
    assert payloads == {"code.js", "wasm.js", "stdlib.js", "engine.js"}


def payload(offline_bundle: Path, name: str, key: str) -> bytes:
    """Decode one value of a payload script: (self.RGOffline=...)["key"]="<base64>";"""
    import base64
    import json
    text = (offline_bundle / "assets" / "rg" / "offline" / name).read_text(encoding="ascii")
    start = text.index(f'["{key}"]=') + len(key) + 5
    return base64.b64decode(json.loads(text[start:text.index(";", start)]))


def test_python_ships_precompiled_so_it_starts_fast(offline_bundle):
    import io
    with zipfile.ZipFile(io.BytesIO(payload(offline_bundle, "stdlib.js", "stdlib"))) as zf:
        names = set(zf.namelist())
    assert {"json/__init__.pyc", "datetime.pyc"} <= names and "json/__init__.py" not in names
    with zipfile.ZipFile(io.BytesIO(payload(offline_bundle, "engine.js", "engine"))) as zf:
        assert any(n.startswith("resolution_guide/engine/__pycache__/api.") for n in zf.namelist())


def test_every_internal_link_points_at_a_file_in_the_bundle(bundle_pages, offline_bundle):
    """use_directory_urls is off: links name .html files, so they open from disk."""
    broken = []
    for page in bundle_pages:
        for href in re.findall(r'href="([^"#]+)(?:#[^"]*)?"', page.read_text(encoding="utf-8")):
            if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.IGNORECASE):
                continue  # mailto:, https: (external, not followed) ...
            target = (page.parent / unquote(urlsplit(href).path)).resolve()
            if not target.is_file():
                broken.append(f"{page.relative_to(offline_bundle)} -> {href}")
    assert broken == []


def test_download_page_on_the_hosted_site_links_the_zip_with_size_and_date(built_site, offline_zip):
    pages = [p for p in built_site.rglob("*.html") if offline_zip.name in p.read_text(encoding="utf-8")]
    assert pages, "no hosted page links the offline zip"
    text = pages[0].read_text(encoding="utf-8")
    assert "rg:bundle-info" not in text
    size_mb = f"{offline_zip.stat().st_size / 1e6:.1f} MB"
    assert size_mb in text
    assert re.search(r'<time datetime="\d{4}-\d{2}-\d{2}">', text)


# ---------- reading from disk ----------

def test_every_page_opens_from_disk(disk, bundle_pages):
    # Reading, not calculating: keep calculator pages from starting Python in the background
    # (the calculators from disk are tested below), which would only cost start-ups.
    disk.context.add_init_script(
        "window.RGRuntime = {status: 'idle', detail: null, onstatus() {}, start: () => new Promise(() => {}),"
        " call: () => new Promise(() => {})};")
    for path in bundle_pages:
        page = disk.open(path)
        assert page.locator("h1").first.inner_text().strip(), f"{path.name}: no heading"
        assert page.title(), f"{path.name}: no title"


def test_pages_without_a_calculator_load_no_python(disk, bundle_pages, widget_pages_on_disk):
    """Only pages with a calculator load the runtime and its 9 MB of payload scripts."""
    plain = next(p for p in bundle_pages if p not in widget_pages_on_disk.values())
    disk.open(plain).wait_for_load_state("load")
    assert any(u.endswith(".css") for u in disk.requested)  # the recording works
    assert not [u for u in disk.requested if "/assets/rg/offline/" in u or "/assets/rg/js/" in u]


def test_links_between_pages_work_from_disk(disk, offline_bundle):
    page = disk.open(offline_bundle / "index.html")
    links = page.locator("nav.md-nav--primary a.md-nav__link[href$='.html']")
    hrefs = [h for h in links.evaluate_all("els => els.map(e => e.getAttribute('href'))") if h != "index.html"]
    assert len(hrefs) >= 3, hrefs
    for href in hrefs[:3]:
        disk.open(offline_bundle / "index.html")
        page.locator(f"nav.md-nav--primary a.md-nav__link[href='{href}']").first.dispatch_event("click")
        page.wait_for_url(f"**/{href}")
        assert page.url.startswith("file://")
        assert page.locator("h1").first.inner_text().strip()


def test_search_finds_a_term_from_disk(disk, offline_bundle):
    page = disk.open(offline_bundle / "index.html")
    page.locator("input[data-md-component=search-query]").focus()
    page.keyboard.type("waiver")
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=15_000)
    assert "waiver" in page.locator(".md-search-result").inner_text().lower()
    href = first.get_attribute("href")
    assert href.startswith("file://") and ".html" in href
    page.goto(href)
    assert "waiver" in page.locator("article").inner_text().lower()


# ---------- the calculators from disk ----------

def open_widget(disk, widget_pages_on_disk, name):
    assert name in widget_pages_on_disk, f"no page in the bundle has the {name} calculator"
    page = disk.open(widget_pages_on_disk[name])
    wait_ready(page)
    return page, page.locator(f'[data-rg-widget="{name}"]').first


def test_deadlines_from_disk_standard_then_expedited(disk, widget_pages_on_disk):
    page, widget = open_widget(disk, widget_pages_on_disk, "deadlines")
    widget.locator('input[name="filed_by"][value="parent"]').check()
    widget.locator('input[name="received"]').fill("2026-03-02")  # a Monday
    widget.locator('button[type="submit"]').click()
    assert result_date(widget, "resolution_meeting_by") == "2026-03-17"  # 2 March + 15 days, 300.510(a)(1)
    assert result_date(widget, "resolution_period_ends") == "2026-04-01"  # + 30 days, 300.510(b)(1)
    assert result_date(widget, "decision_due") == "2026-05-16"  # + 31 + 45 - 1 = + 75 days, 300.515(a)
    assert page.evaluate("RGRuntime.status") == "ready"
    # start-up ran the engine's warm-up calculation, so the reader's first answer is as quick as the next
    assert page.evaluate("typeof RGRuntime.timings.warm_up_ms") == "number"
    assert page.evaluate("RGRuntime.mode") == "worker"

    # The same page, the expedited track (one start-up of Python for both).
    widget.locator('input[name="track"][value="expedited"]').check()
    widget.locator('button[type="submit"]').click()
    expect(widget.locator('[data-deadline="resolution_meeting_by"] time')).to_have_attribute(
        "datetime", "2026-03-09")                                          # + 7 days, 300.532(c)(3)(i)
    assert result_date(widget, "resolution_period_ends") == "2026-03-17"  # + 15 days, 300.532(c)(3)(ii)


def test_meeting_required_from_disk(disk, widget_pages_on_disk):
    page, widget = open_widget(disk, widget_pages_on_disk, "meeting_required")
    answer = widget.locator('[data-answer="resolution_meeting_required"]')
    widget.locator('input[name="filed_by"][value="parent"]').check()
    widget.locator('input[name="received"]').fill("2026-03-02")
    widget.locator('button[type="submit"]').click()
    page.wait_for_function(
        "el => el && el.getAttribute('data-value') === 'true'",
        arg=answer.element_handle(timeout=10_000))  # parent filed, no waiver, no mediation: 300.510(a)
    widget.locator('input[name="filed_by"][value="district"]').check()
    widget.locator('button[type="submit"]').click()
    page.wait_for_function(  # a district's complaint has no resolution meeting (300.510 applies to parents' complaints)
        "() => { const e = document.querySelector('[data-rg-widget=\"meeting_required\"] "
        "[data-answer=\"resolution_meeting_required\"]'); return e && e.getAttribute('data-value') === 'false'; }",
        timeout=10_000)


def test_attendance_from_disk(disk, widget_pages_on_disk):
    page, widget = open_widget(disk, widget_pages_on_disk, "attendance")
    widget.locator('input[name="parent_brings_attorney"][value="false"]').check()
    widget.locator('button[type="submit"]').click()
    lawyer = widget.locator('[data-answer="district_attorney_allowed"]')
    lawyer.wait_for(timeout=10_000)
    # The district may bring its attorney only if the parent brings one: 300.510(a)(1)(ii).
    assert lawyer.get_attribute("data-value") == "false"
    widget.locator('input[name="parent_brings_attorney"][value="true"]').check()
    widget.locator('button[type="submit"]').click()
    page.wait_for_function(
        "() => document.querySelector('[data-answer=\"district_attorney_allowed\"]').getAttribute('data-value') === 'true'",
        timeout=10_000)


def test_agreement_review_from_disk_skips_the_observed_july_4_holiday(disk, widget_pages_on_disk):
    page, widget = open_widget(disk, widget_pages_on_disk, "agreement_review")
    widget.locator('input[name="agreement_signed"]').fill("2026-07-01")  # a Wednesday
    widget.locator('button[type="submit"]').click()
    # Business days after signing: Thu 2 July (1); Fri 3 July is Independence Day observed;
    # Mon 6 July (2); Tue 7 July (3): 300.510(e), 300.11(b).
    assert result_date(widget, "agreement_void_until") == "2026-07-07"


def test_calculator_falls_back_to_the_page_thread_when_no_worker_can_be_made(disk, widget_pages_on_disk):
    """Some browsers refuse workers from disk: Python then starts on the page itself, with its loading state."""
    disk.context.add_init_script(
        "window.Worker = function () { throw new DOMException('blocked for this test', 'SecurityError'); };")
    page, widget = open_widget(disk, widget_pages_on_disk, "agreement_review")
    assert page.evaluate("RGRuntime.mode") == "main-thread"
    widget.locator('input[name="agreement_signed"]').fill("2026-07-01")
    widget.locator('button[type="submit"]').click()
    assert result_date(widget, "agreement_void_until") == "2026-07-07"


def test_missing_python_files_leave_a_plain_explanation(disk, offline_bundle, widget_pages_on_disk, tmp_path):
    """E.g. pages copied without assets/rg/offline/: the calculator says it is unavailable in this copy."""
    import shutil
    copy = tmp_path / "partial"
    shutil.copytree(offline_bundle, copy, ignore=lambda d, names: ["offline"] if d.endswith("rg") else [])
    page = disk.open(copy / widget_pages_on_disk["deadlines"].relative_to(offline_bundle))
    note = page.locator('[data-rg-widget="deadlines"] [data-rg-unavailable]').first
    note.wait_for(state="visible", timeout=20_000)
    assert "opened from your computer" in note.inner_text()
    assert page.evaluate("RGRuntime.status") == "failed"


def test_offline_copy_of_the_download_page_says_which_copy_it_is(disk, offline_bundle):
    from resolution_guide import __version__
    pages = [p for p in offline_bundle.rglob("*.html") if "rg-bundle-info" in p.read_text(encoding="utf-8")]
    assert pages, "the Download page's marker was not filled in the offline copy"
    page = disk.open(pages[0])
    assert f"offline copy: version {__version__}" in page.locator(".rg-bundle-info").inner_text()


def test_without_webassembly_every_page_still_reads_and_the_calculator_explains(disk, widget_pages_on_disk):
    disk.context.add_init_script("delete window.WebAssembly;")
    page = disk.open(widget_pages_on_disk["deadlines"])
    widget = page.locator('[data-rg-widget="deadlines"]').first
    note = widget.locator("[data-rg-unavailable]")
    note.wait_for(state="visible", timeout=10_000)
    assert "WebAssembly" in note.inner_text()
    assert widget.locator("[data-rg-form]").is_hidden()
    assert widget.locator(".rg-rule").inner_text().strip()  # the rule in words stays
    assert page.locator("h1").first.inner_text().strip()
