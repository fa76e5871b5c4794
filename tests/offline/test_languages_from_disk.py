"""Every language in the offline copy (DESIGN.md, "Languages"): the Spanish pages under es/, Spanish search from
disk that finds words typed with or without accents, and README.txt that names both languages."""

from __future__ import annotations

import zipfile

import pytest

pytestmark = pytest.mark.offline


def search(page, words: str):
    page.locator("input[data-md-component=search-query]").focus()
    page.keyboard.type(words)
    page.locator(".md-search-result__item a").first.wait_for(timeout=15_000)
    return page.locator(".md-search-result").inner_text().lower()


def test_spanish_search_from_disk_finds_sesion_without_the_accent(disk, offline_bundle):
    page = disk.open(offline_bundle / "es" / "index.html")
    assert page.evaluate("document.documentElement.lang") == "es"
    assert "sesión" in search(page, "sesion")
    page.reload()
    assert "sesión" in search(page, "sesión")  # and with the accent


def test_spanish_search_from_disk_finds_a_plural_the_page_does_not_write(disk, offline_bundle):
    page = disk.open(offline_bundle / "es" / "index.html")
    assert "sesión" in search(page, "sesiones")  # the guide says "sesión"; word families (searchfold.py)


def test_spanish_search_from_disk_still_finds_a_word_as_it_is_typed(disk, offline_bundle):
    page = disk.open(offline_bundle / "es" / "index.html")
    assert "queja" in search(page, "quej")  # each word is a prefix: results while typing


def test_the_switch_works_from_disk(disk, offline_bundle):
    page = disk.open(offline_bundle / "timeline.html")
    page.locator("a[data-rg-language-switch]").first.click()
    page.wait_for_url("**/es/timeline.html")
    assert page.evaluate("document.documentElement.lang") == "es"


def test_the_zip_holds_both_languages_and_says_so(offline_zip):
    with zipfile.ZipFile(offline_zip) as zf:
        names = zf.namelist()
        readme = zf.read(names[0]).decode("utf-8")
    assert names[0].endswith("/README.txt")
    assert any(n.endswith("/es/index.html") for n in names) and any(n.endswith("/es/timeline.html") for n in names)
    assert "es/index.html" in readme and "Español" in readme
