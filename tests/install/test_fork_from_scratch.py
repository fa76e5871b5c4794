"""A new organization's guide from nothing, as the README of `resolution-guide new` tells it:
the installed wheel, `new`, one file edited (mkdocs.yml: name, state, site_url under a sub-folder),
`mkdocs build --strict`; then both languages, the calculators' files, the offline zip, the sitemap
and the 404 page under the sub-folder, and one calculator run in the browser under /guia/.

`npm ci` is replaced by a link to this checkout's node_modules (the same pinned versions: the
test below checks that the new folder's package-lock.json pins them), so the test needs no network.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
import time
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from install_helpers import NODE_MODULES, ROOT, clean_env, run

pytestmark = pytest.mark.install

SITE_URL = "https://example.org/guia/"
SUB_FOLDER = urlsplit(SITE_URL).path  # /guia/
CENTER = "Upstate Families Parent Center"


def edit_mkdocs_yml(folder: Path) -> list[str]:
    """What a volunteer does in mkdocs.yml (the only file touched); returns the changed lines."""
    path = folder / "mkdocs.yml"
    before = path.read_text(encoding="utf-8")
    text = before.replace("site_name: Resolution Session Guide", f"site_name: {CENTER} guide")
    text = text.replace("# site_url: https://example.org/guia/", f"site_url: {SITE_URL}")
    if "\n      organization:\n" in text:      # the plugin reads the organization block
        text = text.replace("name: Example Parent Center", f"name: {CENTER}")
    else:                                      # older plugin: the state is the plugin's own option
        text = text.replace("      cache_dir: .cache\n", "      cache_dir: .cache\n      state: NY\n")
    path.write_text(text, encoding="utf-8")
    return [line for line in text.splitlines() if line not in before.splitlines()]


@pytest.fixture(scope="module")
def fork(fresh_python, tmp_path_factory):
    """(folder, figures): the new guide built; figures are seconds and the files the fork touched."""
    folder = tmp_path_factory.mktemp("neworg") / "our-guide"
    started = time.perf_counter()
    out = run([fresh_python, "-m", "resolution_guide", "new", folder], cwd=folder.parent, env=clean_env()).stdout
    made = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    mtimes = {rel: (folder / rel).stat().st_mtime_ns for rel in made}
    changed = edit_mkdocs_yml(folder)
    (folder / "node_modules").symlink_to(NODE_MODULES, target_is_directory=True)  # stands in for `npm ci`
    run([fresh_python, "-m", "mkdocs", "build", "--strict", "-q"], cwd=folder, env=clean_env(), timeout=600)
    seconds = time.perf_counter() - started
    touched = sorted(rel for rel in made if (folder / rel).stat().st_mtime_ns != mtimes[rel])
    print(f"\nfork from scratch: {seconds:.1f} s from `new` to a built site; files touched: {touched}; "
          f"lines changed: {len(changed)}")
    return folder, {"seconds": seconds, "touched": touched, "stdout": out}


def test_new_writes_the_folder_and_says_what_next(fork):
    folder, figures = fork
    for rel in ("mkdocs.yml", "README.md", "requirements.txt", "package.json", "package-lock.json",
                ".github/workflows/publish.yml", ".gitignore", "docs/.gitkeep", "content/en/pages.yml",
                "content/es/pages.yml"):
        assert (folder / rel).is_file(), rel
        assert rel.split("/")[0] in figures["stdout"] or rel.startswith(("docs/", "content/")), rel
    assert "npm ci" in figures["stdout"] and "mkdocs serve" in figures["stdout"]
    assert figures["touched"] == ["mkdocs.yml"]


def test_the_new_folder_pins_the_runtime_this_package_was_checked_with(fork):
    folder, _ = fork
    lock = json.loads((folder / "package-lock.json").read_text())["packages"]
    ours = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    for name in ("node_modules/pyodide", "node_modules/iframe-worker"):
        assert lock[name]["integrity"] == ours[name]["integrity"], name
    assert not any(entry.get("dev") for entry in lock.values())
    package = json.loads((folder / "package.json").read_text())
    assert package["dependencies"] == lock[""]["dependencies"] and "devDependencies" not in lock[""]


def test_both_languages_the_calculators_and_the_offline_zip_are_built(fork):
    folder, _ = fork
    site = folder / "site"
    for home, lang in ((site / "index.html", "en"), (site / "es" / "index.html", "es")):
        html = home.read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html and CENTER in html
    assert len(list(site.glob("*/index.html"))) >= 10 and len(list((site / "es").glob("*/index.html"))) >= 10
    for rel in ("assets/rg/pyodide/pyodide.asm.wasm", "assets/rg/js/runtime.js", "assets/rg/locales/en.js",
                "assets/rg/locales/es.js"):
        assert (site / rel).is_file(), rel
    assert list((site / "assets/rg/engine").glob("*.whl"))
    (zip_path,) = site.rglob("resolution-guide-offline-*.zip")
    with zipfile.ZipFile(zip_path) as zf:
        names = zf.namelist()
    top = zip_path.name.removesuffix(".zip")
    assert f"{top}/index.html" in names and f"{top}/es/index.html" in names
    download = (zip_path.parent / "index.html").read_text(encoding="utf-8")
    assert zip_path.name in download


def _local_targets(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="(/[^"]*)"', html)


@pytest.mark.parametrize("prefix", ["", "es/"])
def test_sitemap_and_404_page_work_under_the_sub_folder(fork, prefix):
    folder, _ = fork
    site = folder / "site" / prefix
    locs = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    assert len(locs) >= 10 and all(loc.startswith(SITE_URL + prefix) for loc in locs), locs[:3]
    html = (site / "404.html").read_text(encoding="utf-8")
    targets = _local_targets(html)
    assert len(targets) >= 10                # Material's 404 page links from the site_url's path
    for target in targets:
        assert target.startswith(SUB_FOLDER + prefix), target
        rel = Path(target.split("#")[0].removeprefix(SUB_FOLDER))
        path = folder / "site" / rel
        path = path / "index.html" if target.endswith(("/", "/.")) or path.is_dir() else path
        assert path.resolve().is_file(), f"{prefix}404.html links {target}: no such file"


class _SubFolderHandler(http.server.SimpleHTTPRequestHandler):
    """A static host with the guide in /guia/ that answers a missing page with the guide's 404.html."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".mjs": "text/javascript", ".js": "text/javascript", ".whl": "application/zip"}

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / SUB_FOLDER.strip("/") / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def served(fork, tmp_path_factory):
    """The built guide served at http://127.0.0.1:PORT/guia/ (the site folder linked into /guia)."""
    folder, _ = fork
    root = tmp_path_factory.mktemp("host")
    (root / SUB_FOLDER.strip("/")).symlink_to(folder / "site", target_is_directory=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_SubFolderHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SUB_FOLDER}"
    server.shutdown()


def test_a_calculator_runs_under_the_sub_folder(browser, served):
    from resolution_guide.engine import compute

    context = browser.new_context(service_workers="block")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    try:
        page.goto(served + "agreement/#agreement_signed=2026-07-02")
        date = page.locator('[data-deadline="agreement_void_until"] .rg-date time')
        date.wait_for(timeout=90_000)
        expected = {compute({"agreement_signed": "2026-07-02", **case})["deadlines"]["agreement_void_until"]["date"]
                    for case in ({}, {"state": "NY"})}  # NY once the organization block pre-selects it
        assert date.get_attribute("datetime") in expected
        assert errors == []
        # A mistyped address under /guia/ gets the guide's 404 page, whose menu leads back into the guide.
        response = page.goto(served + "no-such-page/")
        assert response.status == 404
        page.locator(f'a[href="{SUB_FOLDER}timeline/"]').first.click()
        page.wait_for_url(served + "timeline/")
        assert page.locator("h1").first.inner_text().strip()
    finally:
        context.close()
