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


#: The organization block of the fork built by `org_site` (a name with markup characters, to see them escaped).
ORGANIZATION = {
    "name": 'Example <Parent> Center & "Friends"',
    "site": "https://example.org/help/",
    "phone": "555-0100",
    "email": "help@example.org",
    "hours": "Monday to Friday, 9 to 5",
    "languages": ["English", "Spanish"],
    "state": "IA",   # Iowa's pack names its parent center: the results show both
}


def fork_config(folder: Path, organization: dict | None) -> Path:
    """This repository's mkdocs.yml as a fork would write it in `folder`: the same plugins, paths made
    absolute, and an `organization:` block under the resolution-guide plugin."""
    import json
    import re

    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for key in ("content_dir", "pyodide_dir", "cache_dir", "iframe_worker_dir"):
        text = re.sub(rf"(\b{key}: )(\S+)", lambda m: m.group(1) + json.dumps(str(ROOT / m.group(2))), text)
    text = re.sub(r"^docs_dir: \S+", "docs_dir: " + json.dumps(str(ROOT / "docs")), text, flags=re.M)
    if organization is not None:
        block = "".join(f"        {key}: {json.dumps(value)}\n" for key, value in organization.items())
        text, count = re.subn(r"^(  - resolution-guide:\n)", r"\1      organization:\n" + block.replace("\\", "\\\\"),
                              text, flags=re.M)
        assert count == 1, "mkdocs.yml has no `- resolution-guide:` plugin entry"
    path = folder / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def organization() -> dict:
    """The `organization:` block of the fork that `org_site` builds."""
    return dict(ORGANIZATION)


@pytest.fixture(scope="session")
def org_site(tmp_path_factory) -> Path:
    """A fork's site with an `organization:` block (ORGANIZATION), built once per session with its
    offline zip (whose README names the organization)."""
    folder = tmp_path_factory.mktemp("org")
    config = fork_config(folder, ORGANIZATION)
    out = folder / "site"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(out)],
                          cwd=folder, capture_output=True, text=True, env={**os.environ, "RG_OFFLINE_BUNDLE": "true"})
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build of the organization's fork failed:\n{proc.stdout}\n{proc.stderr}")
    return out


def serve(folder: Path):
    """A static server for `folder` on 127.0.0.1 (an ephemeral port): (url, server)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


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
    url, server = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def org_site_url(org_site) -> str:
    """The organization's fork (org_site), served like site_url."""
    url, server = serve(org_site)
    yield url
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
