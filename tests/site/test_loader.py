"""The content loader: one bad fixture per failure mode, each message naming file, line, key path,
what was expected and what was found."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from resolution_guide.site.errors import ContentError
from resolution_guide.site.loader import load_content

BAD = Path(__file__).parent / "fixtures" / "bad"

# fixture folder -> (file, line, words that must all appear in the message)
CASES = {
    "unknown_key": ("takeaways.yml", 4, ["takeaways[0].colour", "unknown key 'colour'", "expected one of the keys"]),
    "duplicate_key": ("takeaways.yml", 4, ["takeaways[0].text", "duplicate key 'text'", "first on line 3"]),
    "wrong_type": ("timeline.yml", 9, ["tracks[0].steps[0].day", "expected a whole number", "found 'zero'"]),
    "missing_key": ("attendees.yml", 2, ["attendees[0]", "the key 'who'", "it is missing"]),
    "law_without_citation": ("takeaways.yml", 2, ["takeaways[0]", "statement of law without a citation",
                                                  "cites:", "advice: true"]),
    "bad_citation": ("exceptions.yml", 5, ["cites[0]", "a citation like '34 CFR 300.510(e)'",
                                           "'section 300.510(a)(3)'"]),
    "citation_not_in_sources": ("exceptions.yml", 5, ["'34 CFR 300.999(a)'", "section 300.999 is not listed",
                                                      "sources.yml"]),
    "unknown_glossary_term": ("faq.yml", 4, ["questions[0].answer", "existing glossary", "'waiver', which does not exist"]),
    "unknown_deadline": ("timeline.yml", 9, ["steps[0].deadline", "existing deadline", "resolution_meeting_by",
                                             "'meeting_deadline', which does not exist"]),
    "unknown_step_term": ("timeline.yml", 10, ["steps[0].term", "existing glossary", "'mediator'"]),
    "unknown_page": ("checklist.yml", 6, ["items[0].text", "existing page (home, terms)", "'deadlines', which does not exist"]),
    "unknown_source": ("statistics.yml", 5, ["statistics[0].source", "existing source", "'cadre'"]),
    "statistic_without_year": ("statistics.yml", 4, ["school_years", "at least 1 item", "a list of 0 item(s)"]),
    "duplicate_id": ("glossary.yml", 7, ["terms[1]", "a different id", "id 'complaint' again"]),
    "comparison_missing_column": ("comparison.yml", 9, ["rows[0].answers", "an answer for each column: session, hearing",
                                                         "answers for session"]),
    "yaml_syntax": ("faq.yml", None, ["expected valid YAML"]),
    "unknown_widget": ("pages.yml", 7, ["sections[0].widget", "existing widget", "agreement_review", "'calendar'"]),
    "letter_unknown_placeholder": ("letters.yml", 26, ["letters[0].body[0]", "{case.<date field>}",
                                                       "'child_name' is not a date field of a case"]),
    "letter_stray_brace": ("letters.yml", 24, ["letters[0].subject", "'{' or '}' that is not part of a placeholder"]),
    "letter_citation_not_written": ("letters.yml", 27, ["letters[0].cites", "written in the letter's text",
                                                        "'34 CFR 300.508(b)' listed but not in the text"]),
    "letter_citation_not_listed": ("letters.yml", 27, ["letters[0].cites", "listed under cites",
                                                       "'34 CFR 300.508(b)' in the text but not listed"]),
    "letter_weekdays": ("letters.yml", 2, ["dates.weekdays", "7 names (Monday to Sunday)", "found 8 names"]),
    "letter_date_format": ("letters.yml", 4, ["dates.format", "{weekday}, {month}, {day} and {year}",
                                              "'{month} {day}, {year}'"]),
    "register_citation_without_source": ("letters.yml", 27, ["letters[0].cites[1]", "Federal Register citation",
                                                             "'71 FR 46540', which no source has"]),
    "letter_unknown_open_from": ("letters.yml", 23, ["letters[0].open_from", "existing deadline",
                                                     "'meeting_day', which does not exist"]),
}


def test_every_bad_fixture_has_a_case():
    assert sorted(p.name for p in BAD.iterdir()) == sorted(CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_fixture_names_file_line_path_expected_found(case, minimal_content):
    file, line, words = CASES[case]
    for bad in (BAD / case).iterdir():
        shutil.copy(bad, minimal_content / "en" / bad.name)
    with pytest.raises(ContentError) as info:
        load_content(minimal_content)
    err = info.value
    assert isinstance(err, ValueError)
    message = str(err)
    problem = next(p for p in err.problems if p.file.endswith(file))
    assert problem.file == f"content/en/{file}"
    if line is not None:
        assert problem.line == line, message
    for word in words:
        assert word in message, f"{word!r} not in:\n{message}"


def test_all_problems_are_reported_at_once(minimal_content):
    shutil.copy(BAD / "unknown_key" / "takeaways.yml", minimal_content / "en" / "takeaways.yml")
    shutil.copy(BAD / "wrong_type" / "timeline.yml", minimal_content / "en" / "timeline.yml")
    with pytest.raises(ContentError) as info:
        load_content(minimal_content)
    assert {p.file for p in info.value.problems} == {"content/en/takeaways.yml", "content/en/timeline.yml"}
    assert str(info.value).startswith("2 problems in the content files")


def test_a_missing_file_is_named(minimal_content):
    (minimal_content / "en" / "faq.yml").unlink()
    with pytest.raises(ContentError, match=r"content/en/faq.yml: expected a content file 'faq.yml'; found no such file"):
        load_content(minimal_content)


def test_dates_stay_text_and_yes_no_is_not_text(minimal_content):
    """YAML 1.1 reads `no` as false: the schema reports it instead of printing 'False' on a page."""
    path = minimal_content / "en" / "faq.yml"
    path.write_text(path.read_text().replace("answer: You should.", "answer: no"))
    with pytest.raises(ContentError, match=r"questions\[0\].answer: expected text; found false"):
        load_content(minimal_content)


def test_a_second_locale_falls_back_to_english_per_file(minimal_content):
    es = minimal_content / "es"
    es.mkdir()
    (es / "faq.yml").write_text("questions:\n  - id: go\n    question: ¿Tengo que ir?\n    answer: Debería.\n"
                                "    advice: true\n")
    content = load_content(minimal_content, locale="es")
    assert content["faq"]["questions"][0]["question"] == "¿Tengo que ir?"
    assert content["takeaways"]["takeaways"][0]["text"] == "Any deal must be signed."


def test_an_unknown_locale_is_an_error_not_english(minimal_content):
    with pytest.raises(ContentError, match=r"content/fr: expected a folder of content files for the locale 'fr'"):
        load_content(minimal_content, locale="fr")


def test_state_overrides_replace_by_id_and_add_new_items(minimal_content):
    tx = minimal_content / "en" / "states" / "TX"
    tx.mkdir(parents=True)
    (tx / "faq.yml").write_text(
        "questions:\n"
        "  - id: go\n    question: Do I have to go?\n    answer: Yes, in Texas too.\n    advice: true\n"
        "  - id: texas_only\n    question: Who runs hearings?\n    answer: A state office.\n    advice: true\n")
    federal = load_content(minimal_content)
    texas = load_content(minimal_content, state="tx")
    assert [q["id"] for q in federal["faq"]["questions"]] == ["go"]
    assert [(q["id"], q["answer"]) for q in texas["faq"]["questions"]] == [
        ("go", "Yes, in Texas too."), ("texas_only", "A state office.")]


def test_state_override_files_are_checked_too(minimal_content):
    tx = minimal_content / "en" / "states" / "TX"
    tx.mkdir(parents=True)
    (tx / "faq.yml").write_text("questions:\n  - id: go\n    question: Do I?\n    answer: Yes.\n")
    with pytest.raises(ContentError, match=r"content/en/states/TX/faq.yml, line 2 .*without a citation"):
        load_content(minimal_content, state="TX")


def test_the_real_content_loads():
    root = Path(__file__).resolve().parents[2]
    content = load_content(root / "content")
    assert {p["file"] for p in content.pages} >= {"index.md", "timeline.md", "download.md", "glossary.md"}
