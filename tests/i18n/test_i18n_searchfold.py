"""Spanish search (site/searchfold.py): words typed without accents and other forms of a word
(singular/plural, Snowball word families) find the page, while each word is still a prefix."""

from __future__ import annotations

import json
import re

import pytest

from resolution_guide.site.searchfold import fold, word_families


def test_fold_drops_accents_but_keeps_the_letter_enie():
    assert fold("Sesión de resolución, audiencia pública, ¿qué?") == "Sesion de resolucion, audiencia publica, ¿que?"
    assert fold("niño, AÑO, pingüino") == "niño, AÑO, pinguino"


def test_a_text_gets_the_other_forms_of_its_words_from_the_guide_and_from_the_plural_rules():
    one, two, three = (set(f.split()) for f in word_families(
        ["Presente la queja.", "Dos quejas y una sesión de mediación.", "El plazo escolar."], "es"))
    assert "quejas" in one                        # written elsewhere in the guide
    assert {"sesiones", "mediaciones"} <= two     # made by the plural rule
    assert "queja" not in two                      # "quejas" begins with it: found as typed already
    assert {"plazos", "escolares"} <= three
    assert "quejas" not in three and "queja" not in three  # only the words' own families


def test_no_stemmer_no_families():
    assert word_families(["Some words here"], "xx") == [""]


def test_the_spanish_index_searches_the_folded_words_and_families_and_english_is_untouched(built_site):
    spanish = json.loads((built_site / "es" / "search" / "search_index.json").read_text(encoding="utf-8"))
    english = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert {"folded", "family"} <= set(spanish["config"]["fields"])
    assert not {"folded", "family"} & set(english["config"]["fields"])
    assert "stemmer" not in spanish["config"]["pipeline"]  # it would break prefix search (DESIGN.md)
    home = next(d for d in spanish["docs"] if d["location"] == "")
    assert "sesión" in home["title"].lower() and "sesion" in home["folded"].lower()


def pages_found(page, url: str, words: str) -> int:
    """Type into Material's search as a person would; the number of pages its result line reports."""
    page.goto(url)
    page.locator("input[data-md-component=search-query]").focus()
    page.keyboard.type(words)
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function("""words => {
        const input = document.querySelector("input[data-md-component=search-query]");
        const meta = document.querySelector(".md-search-result__meta");
        return input.value === words && meta && /\\d|No se/.test(meta.textContent);
    }""", arg=words, timeout=15_000)
    page.wait_for_timeout(300)  # the last keystroke's result replaces the one before
    found = re.search(r"\d+", meta.inner_text())
    return int(found.group()) if found else 0


@pytest.mark.browser
@pytest.mark.parametrize("singular,plural", [("queja", "quejas"), ("sesion", "sesiones"), ("plazo", "plazos")])
def test_spanish_search_finds_the_same_pages_for_singular_and_plural(page, site_url, singular, plural):
    url = site_url + "es/index.html"
    found = pages_found(page, url, singular)
    assert found >= 5  # these words are on many pages of the guide
    assert pages_found(page, url, plural) >= found


@pytest.mark.browser
def test_spanish_search_still_finds_a_word_as_it_is_typed(page, site_url):
    assert pages_found(page, site_url + "es/index.html", "quej") >= 5  # results while typing
