"""Fixtures for the offline bundle: the zip made by a hosted build with `offline_bundle` on,
unzipped once, and pages opened from file:// with every network request blocked."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

NETWORK = re.compile(r"^(https?|wss?|ftp)://", re.IGNORECASE)


@pytest.fixture(scope="session")
def built_site(build_guide) -> Path:
    """Here: the hosted build that also made the offline zip (in process, with the offline plugin
    switched on) and linked it from its Download page, so both come from one build."""
    return build_guide("site-with-zip", offline_bundle=True)


@pytest.fixture(scope="session")
def offline_zip(built_site: Path) -> Path:
    """The zip that the hosted build published on its download page."""
    zips = sorted((built_site / "download").glob("*-offline-*.zip"))
    assert len(zips) == 1, f"expected one offline zip in the built site's download/, found {zips}"
    return zips[0]


@pytest.fixture(scope="session")
def offline_bundle(offline_zip: Path, tmp_path_factory) -> Path:
    """The zip unzipped into a temporary folder, as a family would: the guide's own folder inside it."""
    out = tmp_path_factory.mktemp("offline-bundle")
    with zipfile.ZipFile(offline_zip) as zf:
        zf.extractall(out)
    (folder,) = out.iterdir()  # one top-level folder, named like the zip
    assert folder.name == offline_zip.name.removesuffix(".zip")
    return folder


@pytest.fixture(scope="session")
def bundle_pages(offline_bundle: Path) -> list[Path]:
    return sorted(p for p in offline_bundle.rglob("*.html") if p.name != "404.html")


@pytest.fixture(scope="session")
def widget_pages_on_disk(bundle_pages: list[Path], offline_bundle: Path) -> dict[str, Path]:
    """Calculator name -> the first bundle page that carries it (in the first language)."""
    found: dict[str, Path] = {}
    for page in bundle_pages:
        parts = page.relative_to(offline_bundle).parts
        if len(parts) > 1 and (offline_bundle / parts[0] / "search").is_dir():
            continue  # a page of another language (es/...)
        for name in re.findall(r'data-rg-widget="([a-z_]+)"', page.read_text(encoding="utf-8")):
            found.setdefault(name, page)
    return found


class DiskPage:
    """A browser page for file:// URLs that blocks and records every network request."""

    def __init__(self, context):
        self.context = context
        self.network: list[str] = []
        self.errors: list[str] = []
        context.route(NETWORK, self._block)
        self.requested: list[str] = []  # every URL, file:// included
        context.on("request", self._seen)
        self.page = context.new_page()
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _seen(self, request):
        self.requested.append(request.url)
        if NETWORK.match(request.url):
            self.network.append(request.url)

    def _block(self, route):
        self.network.append(route.request.url)
        route.abort()

    def open(self, path: Path, fragment: str = ""):
        self.page.goto(path.as_uri() + fragment)
        return self.page


@pytest.fixture()
def disk(browser):
    """A fresh context; after the test, no network request may have been attempted."""
    context = browser.new_context(viewport={"width": 1024, "height": 900})
    dp = DiskPage(context)
    yield dp
    context.close()
    assert dp.network == [], f"network requests attempted from disk: {sorted(set(dp.network))}"
    assert dp.errors == [], f"JavaScript errors: {dp.errors}"
