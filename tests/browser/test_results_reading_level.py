"""Reading level of the results' own words (issue 10): the calculators' results, summary and letter
keys (widgets/locales/en.yml), the engine's next steps and status words, and the letters' titles,
each group measured as one text, like a page: US grade 7 or below (Flesch-Kincaid, as
scripts/readability.py measures pages). Placeholders read as "it"; citations are left out."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import textstat
import yaml

ROOT = Path(__file__).resolve().parents[2]
UI = yaml.safe_load((ROOT / "src/resolution_guide/browser/widgets/locales/en.yml").read_text(encoding="utf-8"))
ENGINE = json.loads((ROOT / "src/resolution_guide/locales/en.json").read_text(encoding="utf-8"))
LETTERS = yaml.safe_load((ROOT / "content/en/letters.yml").read_text(encoding="utf-8"))
MAX_GRADE = 7


def strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)


def as_sentence(text: str) -> str:
    text = re.sub(r"\s*\(?\{citation\}\)?", "", text)
    text = re.sub(r"\{\w+\}", "it", text).strip()
    return text if text[-1:] in ".!?:" else text + "."


def readable(texts) -> list[str]:
    # file names and addresses are not words a family reads as sentences
    return [as_sentence(t) for t in texts if not re.search(r"https?://|\.(ics|html)$|^letter-", t)]


GROUPS = {
    "results words": readable(strings(UI["results"])),
    "summary words": readable(strings(UI["summary"])),
    "letter words": readable(strings(UI["letters"])),
    "next steps (engine)": readable(strings(ENGINE["next_steps"])),
    "statuses (engine)": readable(strings({k: ENGINE[k] for k in ("status", "status_reasons", "days_left")})),
    "letter titles": readable(letter["title"] for letter in LETTERS["letters"]),
}


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_results_words_read_at_grade_7_or_below(group):
    text = " ".join(GROUPS[group])
    assert len(GROUPS[group]) >= 3, f"{group}: too few words found; did a key move?"
    grade = textstat.flesch_kincaid_grade(text)
    assert grade <= MAX_GRADE, f"{group}: grade {grade:.1f}"
