"""Accent folding for search (site/searchfold.py) and the built Spanish index that uses it."""

from __future__ import annotations

import json

from resolution_guide.site.searchfold import fold


def test_fold_drops_accents_but_keeps_the_letter_enie():
    assert fold("Sesión de resolución, audiencia pública, ¿qué?") == "Sesion de resolucion, audiencia publica, ¿que?"
    assert fold("niño, AÑO, pingüino") == "niño, AÑO, pinguino"


def test_the_spanish_index_searches_the_folded_words_and_english_is_untouched(built_site):
    spanish = json.loads((built_site / "es" / "search" / "search_index.json").read_text(encoding="utf-8"))
    english = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "folded" in spanish["config"]["fields"] and "folded" not in english["config"]["fields"]
    home = next(d for d in spanish["docs"] if d["location"] == "")
    assert "sesión" in home["title"].lower() and "sesion" in home["folded"].lower()
