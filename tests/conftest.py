"""Shared fixtures: the site is built once per test session by the real build, and
one headless Chromium serves every browser test (CI has 2 cores).

Builds are made only when a test asks for them: `built_site` is the hosted site alone (a few
seconds); tests/offline/ replaces it by the hosted build that also made the offline zip, so
`-k` on a site or calculator test never builds the zip."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("RG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def build_guide(tmp_path_factory):
    """build_guide(name, offline_bundle) -> site folder: `mkdocs build --strict` exactly as a fork runs it."""
    def _build(name: str, offline_bundle: bool) -> Path:
        out = tmp_path_factory.mktemp(name) / "site"
        proc = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
            cwd=ROOT, capture_output=True, text=True,
            # offline_bundle: the same build also makes the offline zip and links it from the Download page
            env={**os.environ, "RG_OFFLINE_BUNDLE": "true" if offline_bundle else "false"},
        )
        if proc.returncode != 0:
            pytest.fail(f"mkdocs build failed:\n{proc.stdout}\n{proc.stderr}")
        return out
    return _build


def guide_config():
    """The guide's own mkdocs.yml as MkDocs reads it (a fork's site_url, state and organization)."""
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml"))


@pytest.fixture(scope="session")
def config():
    return guide_config()


@pytest.fixture(scope="session")
def built_site(build_guide) -> Path:
    """The hosted site, without the offline zip (its Download page keeps the marker)."""
    return build_guide("site", offline_bundle=False)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".json": "application/json",
        ".whl": "application/zip",
        ".ics": "text/calendar",
    }

    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """The built site served on 127.0.0.1 (an ephemeral port), like a static host."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole session (never a downloaded browser)."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run must apt-get install chromium")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    """A fresh browser context per test (no shared cookies, cache or storage)."""
    # No service worker: it would fetch past page.route (tests/sw/ test it in their own contexts).
    context = browser.new_context(viewport={"width": 1024, "height": 900}, service_workers="block")
    pg = context.new_page()
    yield pg
    context.close()
