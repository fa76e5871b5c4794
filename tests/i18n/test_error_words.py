"""Every error the engine can give about a form's answers has the calculators' own words, so a Spanish
page never shows the engine's English sentence (the English message is only the fallback for a
request the page itself never sends)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from resolution_guide.engine import case

ENGINE = Path(case.__file__).parent
LOCALES = ENGINE.parent / "browser" / "widgets" / "locales"

# Codes only a hand-made request can cause: the page builds its request from the fields it knows, as one
# flat object, so these never reach a family (tests/browser/test_payloads.py sends such links).
REQUEST_SHAPE_ONLY = {"bad_request", "not_an_object", "unknown_field", "duplicate_key", "too_deep", "not_utf8"}


def engine_error_codes() -> set[str]:
    codes = set()
    for source in ENGINE.glob("*.py"):
        text = source.read_text(encoding="utf-8")
        codes |= set(re.findall(r"(?:\.error|InputError)\(\s*[^,()]+,\s*\"([a-z_]+)\"", text))
    # "before_" + the field a date must not come before (case._ORDER_RULES)
    codes.discard("before_")
    codes |= {"before_" + before for _name, before, words in case._ORDER_RULES if words}
    return codes


def test_the_scan_finds_the_engine_codes():
    codes = engine_error_codes()
    assert {"not_a_date", "too_many_days", "date_out_of_range", "before_received", "unknown_field"} <= codes


def test_every_error_a_form_can_cause_has_words_in_every_language():
    needed = engine_error_codes() - REQUEST_SHAPE_ONLY
    for words_file in sorted(LOCALES.glob("*.yml")):
        errors = yaml.safe_load(words_file.read_text(encoding="utf-8"))["errors"]
        missing = sorted(code for code in needed if not errors.get(code))
        assert missing == [], f"{words_file.name}: no words under errors: for {missing}"
