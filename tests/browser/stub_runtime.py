"""A stand-in for Pyodide in calculator behaviour tests: window.RGRuntime answered by the CPython
engine (engine.api.handle) through Playwright's expose_function.

Why: the widgets only see the RGRuntime contract (DESIGN.md section 3), so their behaviour can be
tested without booting Python in the page (seconds per test). That the real runtime gives the same
answers is tested by test_engine_parity.py; its start-up and failures by the snapshot, boot-failure
and offline tests. The stub is installed by an init script, before runtime.js, which leaves a
runtime already on the page in place.
"""

from __future__ import annotations

import pytest

from resolution_guide.engine.api import handle

from browser_helpers import WidgetPage

STUB = """
(() => {
  const listeners = [];
  const rt = {
    status: 'idle', detail: null, mode: 'stub', timings: null,
    onstatus(fn) { listeners.push(fn); },
    start() {
      if (rt.status !== 'ready') {
        rt.status = 'ready';
        listeners.slice().forEach((fn) => fn('ready', null));
      }
      return Promise.resolve(rt);
    },
    requests: [],                   // what the page asked, for tests of the request itself
    call(request) {
      rt.requests.push(request);
      return rt.start().then(() => window.rgEngineHandle(JSON.stringify(request))).then((text) => JSON.parse(text));
    },
  };
  window.RGRuntime = rt;
})();
"""


def install_stub(page) -> None:
    """Every page opened by `page` from now on gets the stub runtime."""
    page.expose_function("rgEngineHandle", handle)
    page.add_init_script(STUB)


@pytest.fixture()
def stub_widget(page, site_url, widget_pages):
    """stub_widget(name, fragment="") -> WidgetPage on the built page, Python replaced by the stub;
    fails on any script error."""
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    install_stub(page)

    def _open(name: str, fragment: str = "") -> WidgetPage:
        return WidgetPage.open(page, site_url + widget_pages[name] + (f"#{fragment}" if fragment else ""), name)
    yield _open
    assert errors == [], f"script errors on the page: {errors}"
