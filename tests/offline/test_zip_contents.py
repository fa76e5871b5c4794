"""What the real offline zip carries (no browser): only what a copy read from disk uses."""

from __future__ import annotations

import json
import zipfile

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
