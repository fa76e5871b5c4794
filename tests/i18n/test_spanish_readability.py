"""The Spanish edition reads "fairly easy": 70 or more on the Fernández-Huerta scale, by textstat
and by the vowel-group cross-check, for every family page and every part of the calculators',
engine's and letters' words (scripts/readability.py --lang es; DESIGN.md, "The Spanish text")."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import readability  # noqa: E402


def below(scores: dict, skip=()) -> dict:
    return {k: v for k, v in scores.items() if k not in skip and min(v) < 70.0}


def test_the_spanish_calculator_engine_and_letter_words_score_70_or_more():
    scores = readability.spanish_word_scores()
    assert {"calculators: fields", "engine: next_steps", "letters"} <= set(scores)
    assert below(scores) == {}


def test_every_spanish_family_page_scores_70_or_more(built_site):
    scores = readability.spanish_page_scores(built_site)
    assert {"home", "timeline", "letters"} <= set(scores)
    assert below(scores, readability.REFERENCE_PAGES) == {}


def test_the_spanish_measure_sees_a_hard_sentence_and_leaves_english_as_it_was():
    hard = ("No obstante las disposiciones procedimentales anteriormente mencionadas, la determinación "
            "administrativa correspondiente necesita documentación exhaustiva de circunstancias "
            "extraordinariamente complicadas")
    assert max(readability.spanish_scores(hard)) < 40
    assert min(readability.spanish_scores("Escriba la fecha. Luego lea sus resultados.")) > 80
    assert readability.words_grade(["Enter the date."]) < 4  # textstat is back on English
