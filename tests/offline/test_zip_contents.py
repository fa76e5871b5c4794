"""What the real offline zip carries (no browser): only what a copy read from disk uses."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import PurePosixPath

from resolution_guide.bundle.offline_site import HOSTED_ONLY, lunr_files_needed


def test_everything_is_inside_one_folder_named_like_the_zip(offline_zip):
    top = offline_zip.name.removesuffix(".zip")
    with zipfile.ZipFile(offline_zip) as zf:
        assert {name.split("/", 1)[0] for name in zf.namelist()} == {top}


def test_no_source_maps_module_scripts_or_server_only_files(offline_bundle):
    files = [p.relative_to(offline_bundle).as_posix() for p in offline_bundle.rglob("*") if p.is_file()]
    assert [f for f in files if f.endswith((".map", ".mjs")) or f in HOSTED_ONLY] == []
    assert "search/search_index.js" in files  # what search reads from disk instead


def test_only_the_search_languages_of_the_guide_ship(offline_bundle):
    index = (offline_bundle / "search" / "search_index.js").read_text(encoding="utf-8")
    langs = json.loads(index.removeprefix("var __index = "))["config"]["lang"]
    lunr = offline_bundle / "assets" / "javascripts" / "lunr"
    shipped = {p.relative_to(lunr).as_posix() for p in lunr.rglob("*") if p.is_file()} if lunr.exists() else set()
    assert shipped == lunr_files_needed(langs)


# Written out here, not taken from offline_site.HOSTED_ONLY, so a file that list forgets is caught.
SERVER_ONLY_NAMES = {"_headers", "_redirects", "404.html", "sitemap.xml", "sitemap.xml.gz", "search_index.json",
                     "rg-sw.js", "rg-sw-register.js", "service-worker.js", "snapshot.bin", "snapshot.bin.gz"}
SERVER_ONLY_ENDINGS = (".map", ".br", ".gz", ".mjs")


def test_the_zip_lists_no_hosted_only_file_source_map_or_unused_search_language(offline_zip):
    with zipfile.ZipFile(offline_zip) as zf:
        names = [n.split("/", 1)[1] for n in zf.namelist() if not n.endswith("/")]
        # each language folder's search index says which languages its search loads
        langs = {str(PurePosixPath(n).parent.parent): json.loads(zf.read(f"{offline_zip.stem}/{n}").decode()
                                                                 .removeprefix("var __index = "))["config"]["lang"]
                 for n in names if n.endswith("search/search_index.js")}
    assert langs, "no search index in the zip"
    hosted = [n for n in names if PurePosixPath(n).name in SERVER_ONLY_NAMES or n.endswith(SERVER_ONLY_ENDINGS)]
    assert hosted == []
    unused = []
    for n in names:
        lang = re.search(r"(?:^|/)assets/javascripts/lunr/.*lunr\.([a-z]{2})\.min\.js$", n)
        folder = n.split("/assets/javascripts/lunr/")[0] if "/assets/javascripts/lunr/" in n else "."
        if lang and lang.group(1) not in langs.get(folder, []):
            unused.append(n)
    assert unused == []


def test_offline_pages_do_not_load_the_service_worker_registration(bundle_pages):
    loading = [p.name for p in bundle_pages if "rg-sw-register.js" in p.read_text(encoding="utf-8")]
    assert loading == []
