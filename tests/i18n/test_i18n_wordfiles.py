"""Every word file is read strictly: each mistake of issue 12 gets a message with file, line, key and what to do."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from resolution_guide.browser.paths import WIDGETS_DIR
from resolution_guide.site.errors import ContentError
from resolution_guide.site.loader import load_content
from resolution_guide.site.wordfiles import engine_words_file, read_word_file

ROOT = Path(__file__).resolve().parents[2]
ENGLISH_WIDGET_WORDS = WIDGETS_DIR / "locales" / "en.yml"


def problems(path: Path) -> list[str]:
    with pytest.raises(ContentError) as err:
        read_word_file(path)
    return [str(p) for p in err.value.problems]


@pytest.fixture()
def widget_words(tmp_path) -> Path:
    """A copy of the calculators' English words, beside which a test writes a translation."""
    shutil.copy(ENGLISH_WIDGET_WORDS, tmp_path / "en.yml")
    return tmp_path


def test_a_misspelt_key_in_a_translation_names_the_key_it_meant(widget_words):
    (widget_words / "es.yml").write_text("meta: {locale: es, name: Español}\nwidgets:\n"
                                         "  agrement_review:\n    title: Revisar el acuerdo\n", encoding="utf-8")
    [message] = problems(widget_words / "es.yml")
    assert "es.yml, line 3 at widgets.agrement_review:" in message
    assert "unknown key 'agrement_review'; did you mean agreement_review?" in message


def test_a_misspelt_key_in_english_names_the_key_it_meant(widget_words):
    text = (widget_words / "en.yml").read_text(encoding="utf-8")
    assert "\n  filed_by:\n    label:" in text
    (widget_words / "en.yml").write_text(text.replace("\n  filed_by:\n    label:", "\n  filed_by:\n    lable:"),
                                         encoding="utf-8")
    [message] = problems(widget_words / "en.yml")
    line = text.splitlines().index("  filed_by:") + 2
    assert f"en.yml, line {line} at fields.filed_by.lable:" in message
    assert "unknown key 'lable'; did you mean label?" in message


def test_a_tab_gives_its_line_and_says_use_spaces(widget_words):
    (widget_words / "es.yml").write_text("meta: {locale: es, name: Español}\nbuttons:\n\tcalculate: Calcular\n",
                                         encoding="utf-8")
    [message] = problems(widget_words / "es.yml")
    assert message.endswith("es.yml, line 3: expected spaces to indent (YAML does not allow tabs); "
                            "found a tab character at line 3; use spaces")


def test_a_wrong_kind_of_value_names_what_english_has(widget_words):
    (widget_words / "es.yml").write_text("buttons:\n  calculate: [Calcular]\n", encoding="utf-8")
    [message] = problems(widget_words / "es.yml")
    assert "es.yml, line 2 at buttons.calculate: expected text, as in " in message
    assert message.endswith("found a list")


def test_a_broken_engine_word_file_names_its_line(tmp_path):
    shutil.copy(engine_words_file("en"), tmp_path / "en.json")
    (tmp_path / "es.json").write_text('{\n  "why": {\n    "weekend": "fin de semana"\n  }\n  "dates": {}\n}\n',
                                      encoding="utf-8")
    [message] = problems(tmp_path / "es.json")
    assert "es.json, line 5: expected valid JSON; found Expecting ',' delimiter" in message


def test_an_unknown_engine_word_key_names_the_key_it_meant(tmp_path):
    shutil.copy(engine_words_file("en"), tmp_path / "en.json")
    (tmp_path / "es.json").write_text(json.dumps({"holidays": {"labor_dya": "Día del Trabajo"}}, indent=2),
                                      encoding="utf-8")
    [message] = problems(tmp_path / "es.json")
    assert "line 3 at holidays.labor_dya" in message and "did you mean labor_day?" in message


def test_state_holiday_names_are_a_free_list_of_english_names(tmp_path):
    shutil.copy(engine_words_file("en"), tmp_path / "en.json")
    (tmp_path / "es.json").write_text(json.dumps({"state_holiday_names": {"Cesar Chavez Day": "Día de César Chávez"}}),
                                      encoding="utf-8")
    assert read_word_file(tmp_path / "es.json")["state_holiday_names"]


def test_a_misspelt_content_key_names_the_key_it_meant(tmp_path):
    shutil.copytree(ROOT / "content" / "en", tmp_path / "content" / "en")
    pages = tmp_path / "content" / "en" / "pages.yml"
    text = pages.read_text(encoding="utf-8")
    pages.write_text(text.replace("    summary:", "    sumary:", 1), encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_content(tmp_path / "content", "en")
    assert any("unknown key 'sumary'; did you mean summary?" in str(p) for p in err.value.problems)


def test_a_tab_in_content_gives_its_line(tmp_path):
    shutil.copytree(ROOT / "content" / "en", tmp_path / "content" / "en")
    words = tmp_path / "content" / "en" / "words.yml"
    lines = words.read_text(encoding="utf-8").splitlines()
    lines[3] = "\t" + lines[3].lstrip()
    words.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_content(tmp_path / "content", "en")
    assert "content/en/words.yml, line 4: expected spaces to indent (YAML does not allow tabs); " \
           "found a tab character at line 4; use spaces" in [str(p) for p in err.value.problems]


def test_the_shipped_word_files_pass():
    for path in [*(WIDGETS_DIR / "locales").glob("*.yml"), *engine_words_file("en").parent.glob("*.json")]:
        assert isinstance(read_word_file(path), dict)
