"""The Spanish word files say everything the English ones say, with the same placeholders.

A missing key falls back to English silently at run time, so these tests are the place where a
forgotten or misspelt Spanish key shows up.
"""
import json
import re
import string
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
ENGINE_WORDS = ROOT / "src" / "resolution_guide" / "locales"
WIDGET_WORDS = ROOT / "src" / "resolution_guide" / "browser" / "widgets" / "locales"
STATE_PACKS = ROOT / "src" / "resolution_guide" / "engine" / "states"
# Keys that belong to one language only: the file's own description, and the Spanish names of
# the state packs' holidays (English uses the packs' names as they are).
OWN_KEYS = {"_meta", "meta", "state_holiday_names"}


def leaves(node, path=()):
    """(path, value) for every string or list of strings, in a nested dict."""
    if isinstance(node, dict):
        for key, value in node.items():
            if not path and key in OWN_KEYS:
                continue
            yield from leaves(value, path + (str(key),))
    else:
        yield path, node


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def load(kind):
    if kind == "engine":
        return (json.loads((ENGINE_WORDS / "en.json").read_text(encoding="utf-8")),
                json.loads((ENGINE_WORDS / "es.json").read_text(encoding="utf-8")))
    return (yaml.safe_load((WIDGET_WORDS / "en.yml").read_text(encoding="utf-8")),
            yaml.safe_load((WIDGET_WORDS / "es.yml").read_text(encoding="utf-8")))


@pytest.mark.parametrize("kind", ["engine", "widgets"])
def test_spanish_has_exactly_the_english_keys(kind):
    en, es = load(kind)
    en_paths = {p for p, _ in leaves(en)}
    es_paths = {p for p, _ in leaves(es)}
    assert sorted(".".join(p) for p in en_paths - es_paths) == [], "missing in Spanish"
    # Spanish may name a state differently from its pack (fields.state.choices.<pack code>)
    codes = {pack.stem.upper() for pack in STATE_PACKS.glob("*.json")}
    own_names = {p for p in es_paths - en_paths if p[:3] == ("fields", "state", "choices") and p[3] in codes}
    assert sorted(".".join(p) for p in es_paths - en_paths - own_names) == [], "not in English (misspelt key?)"


@pytest.mark.parametrize("kind", ["engine", "widgets"])
def test_each_string_keeps_its_placeholders(kind):
    en, es = load(kind)
    es_values = dict(leaves(es))
    wrong = []
    for path, en_value in leaves(en):
        es_value = es_values.get(path)
        if isinstance(en_value, str):
            if not isinstance(es_value, str) or placeholders(en_value) != placeholders(es_value):
                wrong.append((".".join(path), en_value, es_value))
        elif isinstance(en_value, list):
            if not isinstance(es_value, list) or len(es_value) != len(en_value):
                wrong.append((".".join(path), en_value, es_value))
    assert wrong == []


def test_plural_forms_are_present():
    en, es = load("engine")
    es_values = dict(leaves(es))
    plural_parents = {p[:-1] for p, _ in leaves(en) if p[-1] in ("one", "other")}
    assert plural_parents, "the English file has plural forms"
    for parent in plural_parents:
        for form in ("one", "other"):
            assert es_values.get(parent + (form,)), f"{'.'.join(parent)} needs a '{form}' form"


def test_dates_read_the_spanish_way():
    _, es = load("engine")
    dates = es["dates"]
    christmas = dates["long"].format(weekday=dates["weekdays"][4], day=25,
                                     month=dates["months"][11], year=2026)
    assert christmas == "viernes, 25 de diciembre de 2026"
    assert len(set(dates["months"])) == 12 and len(set(dates["weekdays"])) == 7


def test_every_state_holiday_has_a_spanish_name():
    _, es = load("engine")
    names = es["state_holiday_names"]
    used = set()
    for pack in STATE_PACKS.glob("*.json"):
        used.update(json.loads(pack.read_text(encoding="utf-8")).get("holidays", {}).values())
    assert used, "the state packs list holidays"
    assert sorted(used - set(names)) == []
    # a name marked "(observed)" in English keeps the mark the engine's own holidays use in Spanish
    mark = es["holidays"]["observed"].replace("{holiday}", "").strip()
    assert mark.startswith("(") and mark.endswith(")")
    for english, spanish in names.items():
        assert english.endswith("(observed)") == spanish.endswith(mark), english


def test_no_english_left_in_engine_words():
    """A value copied untranslated is a typical slip; names and citations are allowed."""
    en, es = load("engine")
    es_values = dict(leaves(es))
    same = [".".join(p) for p, v in leaves(en)
            if isinstance(v, str) and es_values.get(p) == v and re.search(r"[a-z]{4}", v)
            and not re.fullmatch(r"[{}\w: ]*\{\w+\}[{}\w: ]*", v)]
    assert same == []


# --- The Spanish content files -------------------------------------------------------------

CONTENT = ROOT / "content"


def test_every_english_content_file_has_a_spanish_one():
    english = {p.name for p in (CONTENT / "en").glob("*.yml")}
    spanish = {p.name for p in (CONTENT / "es").glob("*.yml")}
    assert sorted(english - spanish) == []


def test_spanish_content_passes_the_strict_loader_with_english_ids():
    from resolution_guide.site.loader import load_content

    en = load_content(CONTENT, "en")
    es = load_content(CONTENT, "es")
    # every Spanish file was read from content/es, none fell back to English
    assert es.files and all(path.parent.name == "es" for path in es.files)

    def ids(items, key="id"):
        return [item[key] for item in items]

    assert ids(es["pages"]["pages"]) == ids(en["pages"]["pages"])
    for en_page, es_page in zip(en["pages"]["pages"], es["pages"]["pages"]):
        # the same sections in the same order, each with the same citations
        assert [s.get("cites") for s in es_page["sections"]] == [s.get("cites") for s in en_page["sections"]], en_page["id"]
        assert [s.get("block") or s.get("widget") for s in es_page["sections"]] == \
            [s.get("block") or s.get("widget") for s in en_page["sections"]], en_page["id"]
    assert ids(es["letters"]["letters"]) == ids(en["letters"]["letters"])
    for en_letter, es_letter in zip(en["letters"]["letters"], es["letters"]["letters"]):
        assert es_letter["cites"] == en_letter["cites"]
        assert es_letter.get("tracks") == en_letter.get("tracks")
        placeholders_of = lambda letter: sorted(re.findall(r"\{(?:case|deadline)\.\w+\}", json.dumps(letter)))
        assert placeholders_of(es_letter) == placeholders_of(en_letter), en_letter["id"]
    assert ids(es["glossary"]["terms"], "key") == ids(en["glossary"]["terms"], "key")
    assert set(es["words"]["labels"]) >= set(en["words"]["labels"])


def test_spanish_results_give_the_same_dates_in_spanish_words():
    """Worked case: complaint received Thursday, December 10, 2026 (Texas). Day 15 is Friday,
    December 25 (Christmas); 3 business days after an agreement signed Wednesday, December 23 skip
    Christmas Eve (a Texas holiday), Christmas and the weekend: Monday 28, Tuesday 29, Wednesday 30."""
    from resolution_guide.engine import api

    def compute(locale):
        request = {"action": "compute", "locale": locale, "case": {
            "received": "2026-12-10", "state": "TX", "agreement_signed": "2026-12-23", "today": "2026-12-20"}}
        return json.loads(api.handle(json.dumps(request)))

    en, es = compute("en"), compute("es")
    assert en["ok"] and es["ok"]
    assert es["result"] == en["result"]          # words never change the dates
    deadlines = es["text"]["deadlines"]
    assert deadlines["resolution_meeting_by"]["date"] == "viernes, 25 de diciembre de 2026"
    assert deadlines["agreement_void_until"]["date"] == "miércoles, 30 de diciembre de 2026"
    assert any(r.endswith(": Navidad.") for r in deadlines["agreement_void_until"]["reasons"])
    en_words, es_words = load("engine")
    assert deadlines["resolution_meeting_by"]["name"] == es_words["deadlines"]["resolution_meeting_by"]
    assert deadlines["resolution_meeting_by"]["name"] != en_words["deadlines"]["resolution_meeting_by"]
