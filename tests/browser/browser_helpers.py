"""Driving a calculator like a keyboard user, and asking axe-core about a page."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from resolution_guide.browser.definitions import widget_names

WIDGETS = widget_names()
READY_TIMEOUT_MS = 90_000


class WidgetPage:
    """One calculator on a loaded page, driven like a keyboard user would."""

    def __init__(self, page, name: str):
        self.page = page
        self.name = name
        self.root = page.locator(f'[data-rg-widget="{name}"]').first

    @classmethod
    def open(cls, page, url: str, name: str) -> "WidgetPage":
        """Go to a built page and wait until the runtime is ready and the calculator's set-up has shown
        the form (set-up runs in its own task after load)."""
        page.goto(url)
        widget = cls(page, name)
        widget.wait_ready()
        widget.root.locator("[data-rg-form]").wait_for(state="visible")
        return widget

    def wait_ready(self):
        self.page.wait_for_function("window.RGRuntime && RGRuntime.status === 'ready'", timeout=READY_TIMEOUT_MS)

    def _focused_field(self) -> dict:
        return self.page.evaluate(
            """(name) => { const a = document.activeElement;
                 const inWidget = !!a.closest(`[data-rg-widget="${name}"]`);
                 return {inWidget, name: a.name || '', type: a.type || a.tagName.toLowerCase(),
                         id: a.id, text: (a.textContent || '').trim(), value: a.value}; }""",
            self.name,
        )

    def tab_to(self, predicate, limit: int = 250) -> dict:
        """Press Tab until the focused element (inside this widget) satisfies predicate."""
        for _ in range(limit):
            self.page.keyboard.press("Tab")
            info = self._focused_field()
            if info["inWidget"] and predicate(info):
                return info
        raise AssertionError(f"Tab never reached the wanted control in {self.name}")

    def tab_to_field(self, name: str, nth: int = 0) -> dict:
        seen = []

        def wanted(info):
            if info["name"] != name:
                return False
            seen.append(info["id"])
            return len(set(seen)) > nth
        return self.tab_to(wanted)

    def focus_start(self):
        """Put focus at the top of the document, as after loading a page."""
        self.page.evaluate("document.activeElement && document.activeElement.blur()")
        self.page.keyboard.press("Home")

    def type_date(self, name: str, iso: str, nth: int = 0):
        """Type a date the way a US family writes it (03/02/2026) into the date's text field, then
        leave the field (Tab), which is when a typed answer counts (its change event)."""
        self.tab_to_field(name, nth)
        year, month, day = iso.split("-")
        self.page.keyboard.type(f"{month}/{day}/{year}")
        self.page.keyboard.press("Tab")

    def choose_radio(self, name: str, value: str):
        info = self.tab_to_field(name)
        for _ in range(6):
            if info["value"] == value:
                return
            self.page.keyboard.press("ArrowDown")
            info = self._focused_field()
        raise AssertionError(f"{name}: no option {value}")

    def tick(self, name: str):
        self.tab_to_field(name)
        self.page.keyboard.press("Space")

    def press_button(self, text: str):
        self.tab_to(lambda info: info["text"] == text)
        self.page.keyboard.press("Enter")

    # ---------- direct input: one change event per answer, no keyboard timing ----------
    def fill_date(self, name: str, iso: str, nth: int = 0):
        """Set a date field whole (one change event), as when a typed date is left."""
        field = self.reveal(self.root.locator(f'input[name="{name}"]').nth(nth))
        field.fill(iso)
        field.dispatch_event("change")

    def reveal(self, field):
        """The field, after unfolding the follow-up group it is asked in (as a person clicks it open)."""
        group = field.evaluate("e => { const d = e.closest('details[data-rg-group]'); "
                               "return d ? d.getAttribute('data-rg-group') : null; }")
        if group:
            self.open_group(group)
        return field

    def open_group(self, group: str):
        """Unfold a follow-up group (describe()'s topic, or counting_options) by its summary."""
        box = self.root.locator(f'details[data-rg-group="{group}"]')
        if box.get_attribute("open") is None:
            box.locator("summary").click()
        expect(box).to_have_attribute("open", "")

    def fill(self, name: str, text: str):
        field = self.reveal(self.root.locator(f'[name="{name}"]').first)
        field.fill(text)
        field.dispatch_event("change")

    def choose(self, name: str, value: str):
        self.reveal(self.root.locator(f'input[name="{name}"][value="{value}"]')).check()

    def select(self, name: str, value: str):
        self.reveal(self.root.locator(f'select[name="{name}"]')).select_option(value)

    def toggle(self, name: str):
        self.reveal(self.root.locator(f'input[name="{name}"]')).click()

    def submit(self):
        self.root.locator('button[type="submit"]').click()

    def expect_date(self, deadline_id: str, iso: str):
        """Wait until the row shows this date: answers computed for half-typed input may come first."""
        expect(self.row(deadline_id).locator(".rg-date time")).to_have_attribute("datetime", iso)

    def row(self, deadline_id: str):
        return self.root.locator(f'[data-deadline="{deadline_id}"]')

    def date_of(self, deadline_id: str, timeout: int = 20_000) -> str:
        locator = self.row(deadline_id).locator(".rg-date time")
        locator.wait_for(timeout=timeout)
        return locator.get_attribute("datetime")

    def answer(self, timeout: int = 20_000):
        locator = self.root.locator('[data-answer="resolution_meeting_required"]')
        locator.wait_for(timeout=timeout)
        return locator


AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page, selector: str | None = None) -> list[dict]:
    """axe-core's violations for the page (WCAG 2 A/AA rules), as short dicts."""
    assert AXE.is_file(), "node_modules/axe-core is missing: run npm ci"
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    # Check colours as they end up, not halfway through a fade: the theme's header title fades in
    # when the results scroll into view, and axe read its half-transparent text as low contrast.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    return page.evaluate(
        """async (selector) => {
             const r = await axe.run(selector ? document.querySelector(selector) : document,
                                     {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
             return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
           }""",
        selector,
    )
