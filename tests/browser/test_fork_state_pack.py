"""A fork's own state pack (plugin option `state_packs_dir`) reaches the calculators in the browser.

A made-up New York pack in the fork's folder renames the state and adds a closure day on Monday
2026-03-30; the real build puts it into the engine wheel that Pyodide runs. Signed Friday 2026-03-27, the
3 business days to cancel (34 CFR 300.510(d)) are Mon 03-30, Tue 03-31, Wed 04-01 without that day, and
Tue 03-31, Wed 04-01, Thu 04-02 with it.
"""

from __future__ import annotations

import functools
import http.server
import io
import re
import subprocess
import threading
import sys
import zipfile
from pathlib import Path

import pytest

from browser_helpers import WidgetPage
pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".mjs": "text/javascript", ".js": "text/javascript", ".whl": "application/zip"}

    def log_message(self, *args):
        pass

NAME = "New York (our center's pack)"


@pytest.fixture(scope="module")
def fork_site(tmp_path_factory) -> Path:
    fork = tmp_path_factory.mktemp("fork")
    (fork / "docs").mkdir()
    (fork / "states").mkdir()
    pack = (ROOT / "src" / "resolution_guide" / "states" / "ny.yml").read_text(encoding="utf-8")
    pack = pack.replace("name: New York\n", f"name: {NAME}\n")
    pack = pack.replace("holidays:\n", "holidays:\n  2026-03-30: Center Closure Day   # made up for the test\n")
    (fork / "states" / "ny.yml").write_text(pack, encoding="utf-8")
    (fork / "mkdocs.yml").write_text(f"""\
site_name: Fork
theme: {{name: material, font: false}}
plugins:
  - resolution-guide:
      languages: [en]
      content_dir: {ROOT / 'content'}
      pyodide_dir: {ROOT / 'node_modules' / 'pyodide'}
      cache_dir: {fork / '.cache'}
      offline_bundle: false
      state_packs_dir: states
""", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(fork / "mkdocs.yml")],
                          cwd=fork, capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build failed:\n{proc.stdout}\n{proc.stderr}")
    return fork / "site"


def test_the_fork_pack_is_in_the_engine_wheel(fork_site):
    wheel = next(fork_site.rglob("resolution_guide-*.whl"))
    with zipfile.ZipFile(io.BytesIO(wheel.read_bytes())) as zf:
        ny = zf.read("resolution_guide/engine/states/ny.json").decode()
        assert f'"name": "{NAME}"' in ny and '"2026-03-30": "Center Closure Day"' in ny
        assert "resolution_guide/engine/states/tx.json" in zf.namelist()    # the shipped packs stay


def test_the_browser_engine_lists_and_counts_with_the_fork_pack(fork_site, page):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(fork_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        html = next(p for p in sorted(fork_site.rglob("*.html"))
                    if 'data-rg-widget="agreement_review"' in p.read_text(encoding="utf-8"))
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/{html.relative_to(fork_site).as_posix()}")
        w = WidgetPage(page, "agreement_review")
        w.wait_ready()
        option = w.root.locator('select[name="state"] option[value="NY"]')
        assert re.sub(r"\s+", " ", option.text_content()).strip() == NAME
        w.fill_date("agreement_signed", "2026-03-27")
        w.expect_date("agreement_void_until", "2026-04-01")
        w.select("state", "NY")
        w.expect_date("agreement_void_until", "2026-04-02")
    finally:
        server.shutdown()
