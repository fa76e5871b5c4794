"""The calculators' own words (questions, hints, errors, status) read at US grade 7 or below,
measured by scripts/readability.py --calculators like the pages (issue 10)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import readability  # noqa: E402


def test_the_calculators_words_are_grade_7_or_below():
    grades = readability.calculator_grades()
    assert {k: v for k, v in grades.items() if v > 7.0} == {}


def test_the_measure_sees_a_hard_sentence():
    hard = ["Notwithstanding the aforementioned procedural requirements, the administrative determination "
            "necessitates comprehensive documentation of extraordinarily complicated circumstances"]
    assert readability.words_grade(hard) > 12 and readability.words_grade(["Enter the date."]) < 4
