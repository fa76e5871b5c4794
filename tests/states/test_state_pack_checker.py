"""The strict state-pack checker (YAML packs): one broken pack per failure mode, and the words a volunteer reads.

Each case starts from a good pack (GOOD, written as a person would, with a quoted and an unquoted date),
changes one thing, and checks that the checker names the file, the line, the key, what it expected, what it
found and what to do.
"""

from __future__ import annotations

import pytest

from resolution_guide.site.statepacks import (
    ERROR,
    WARNING,
    StatePackError,
    check_state_packs,
    load_state_packs,
    require_valid_state_packs,
)

GOOD = """\
state: NY
name: New York
holidays_statute: N.Y. Gen. Constr. Law 24
holidays_source_url: https://www.nysenate.gov/legislation/laws/GCN/24
holidays_cover: [2025, 2030]
holidays:
  "2026-02-12": Lincoln's Birthday
  2026-11-03: Election Day   # unquoted dates are read as written
holidays_source: python package holidays 0.109, US subdivision NY, filtered (see notes)
notes: "Left out: Susan B. Anthony Day (commemorative)."
rules: {}
rules_checked: false
sources:
  - what: N.Y. Gen. Constr. Law 24
    url: https://www.nysenate.gov/legislation/laws/GCN/24
checked: 2026-11-30
to_check: [parent_center]
"""

LIMITATION = """\
rules:
  limitation_period:
    value: 1
    unit: years
    reference: N.C. Gen. Stat. 115C-109.6(b)
    description: One year.
    source_url: https://www.ncleg.gov/x
    checked: "2026-11-30"
rules_checked: true
"""
NO_RULE = "rules: {}\nrules_checked: false\n"


def check(tmp_path, text: str, name: str = "ny.yml"):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return check_state_packs(tmp_path)


def only(problems, severity=ERROR):
    assert len(problems) == 1, "\n".join(map(str, problems))
    assert problems[0].severity == severity
    return problems[0]


def test_the_good_pack_passes_and_reads_unquoted_dates_as_written(tmp_path):
    assert check(tmp_path, GOOD) == []
    packs, warnings = load_state_packs(tmp_path)
    assert warnings == [] and list(packs["NY"]["holidays"]) == ["2026-02-12", "2026-11-03"]
    assert packs["NY"]["checked"] == "2026-11-30"


# (id, change to GOOD, line, key, words the message must contain)
CASES = [
    ("unknown key", ("checked: 2026-11-30\n", "checked: 2026-11-30\nverified_by: Ana\n"),
     17, "verified_by", ['unknown key "verified_by"', "Correct the spelling or remove the key"]),
    ("state differs from the file name", ("state: NY", "state: NJ"),
     1, "state", ['expected "NY" (the file name in capitals); found "NJ"', "rename the file"]),
    ("name is the code", ("name: New York", "name: NY"),
     2, "name", ["the state's full name", 'found "NY"', "list of states"]),
    ("US date", ("2026-11-03:", "12/24/2026:"),
     8, "holidays.12/24/2026", ["a real date written YYYY-MM-DD", 'found "12/24/2026"',
                                "would be counted as a business day"]),
    ("day that does not exist", ("2026-11-03:", "2026-02-30:"),
     8, "holidays.2026-02-30", ['found "2026-02-30", which is not a day of the calendar']),
    ("one-digit month", ("2026-11-03:", "2026-1-12:"),
     8, "holidays.2026-1-12", ['"2026-1-12" (months and days need two digits)']),
    ("date outside the covered years", ("2026-11-03:", "2031-11-04:"),
     8, "holidays.2031-11-04", ["a date in the covered years 2025-2030", "widen holidays_cover"]),
    ("duplicate date, once quoted and once not", ("2026-11-03:", "2026-02-12:"),
     8, "holidays.2026-02-12", ["each key once", "duplicate key '2026-02-12' (first on line 7)",
                                "only the last one would be used"]),
    ("duplicate key", ("notes:", "name: New York\nnotes:"),
     10, "name", ["duplicate key 'name' (first on line 2)"]),
    ("required key missing", ("holidays_statute: N.Y. Gen. Constr. Law 24\n", ""),
     1, "", ['the key "holidays_statute"', "no such key", 'add "holidays_statute" to the to_check list']),
    ("http link", ("holidays_source_url: https://", "holidays_source_url: http://"),
     4, "holidays_source_url", ["an https:// link", 'found "http://www.nysenate.gov']),
    ("source without https", ("    url: https://www.", "    url: www."),
     15, "sources[0].url", ["an https:// link", 'found "www.nysenate.gov']),
    ("comma after a quoted value", ('(commemorative)."\n', '(commemorative).",\n'),
     10, "", ["expected valid YAML", "found ','", "Remove the comma at the end of the line"]),
    ("comma after a plain value", ("Election Day ", "Election Day, "),
     8, "holidays.2026-11-03", ['found "Election Day,"', "Remove the comma at the end of the line"]),
    ("tab to indent", ("  2026-11-03", "\t2026-11-03"),
     8, "", ["spaces to indent (YAML does not allow tabs)"]),
    ("checked date in US format", ("checked: 2026-11-30", "checked: 11/30/2026"),
     16, "checked", ["a date written YYYY-MM-DD", 'found "11/30/2026"']),
    ("cover years swapped", ("[2025, 2030]", "[2030, 2025]"),
     5, "holidays_cover", ["the first year before the last year", "Swap the two years"]),
    ("rules_checked true without a rule", ("rules_checked: false", "rules_checked: true"),
     12, "rules_checked", ["false when no rules.limitation_period is given", "federal two years"]),
    ("rule in months", (NO_RULE, LIMITATION.replace("unit: years", "unit: months")),
     14, "rules.limitation_period.unit", ['expected "years"; found "months"']),
    ("rule value as text", (NO_RULE, LIMITATION.replace("value: 1", 'value: "1"')),
     13, "rules.limitation_period.value", ["the number of years as a whole number", 'found "1"', "without quotes"]),
    ("unknown rule", ("rules: {}", "rules: {hearing_days: 45}"),
     11, "rules.hearing_days", ['unknown rule "hearing_days"', "need engine code"]),
    ("to_check names a filled key", ("[parent_center]", "[parent_center, name]"),
     17, "to_check[1]", ['"name", which is filled in', 'Remove "name" from to_check']),
    ("parent center without https", ("to_check: [parent_center]", "parent_center: {name: A, url: http://a.org}"),
     17, "parent_center.url", ["an https:// link", 'found "http://a.org"']),
]


@pytest.mark.parametrize("change, line, key, words", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_mistake_gets_one_message_that_says_where_and_what_to_do(tmp_path, change, line, key, words):
    old, new = change
    assert old in GOOD
    problem = only(check(tmp_path, GOOD.replace(old, new, 1)))
    assert problem.file == str(tmp_path / "ny.yml")
    assert (problem.line, problem.key) == (line, key)
    text = str(problem)
    assert text.startswith(f"{tmp_path / 'ny.yml'}, line {line}")
    for word in words:
        assert word.lower() in text.lower(), text


def test_a_limitation_period_in_the_contract_shape_passes(tmp_path):
    assert check(tmp_path, GOOD.replace(NO_RULE, LIMITATION)) == []


def test_the_old_years_key_is_unknown_now(tmp_path):
    # the engine reads value/reference only (the shape of the federal parameters), so a left-over
    # "years" would be silently ignored: the checker names it instead
    text = GOOD.replace(NO_RULE, LIMITATION.replace("    value: 1\n", "    value: 1\n    years: 2\n"))
    problem = only(check(tmp_path, text))
    assert problem.key == "rules.limitation_period.years" and problem.line == 14
    assert 'unknown key "years"' in str(problem) and "remove the key" in str(problem)


def test_cover_ending_before_2030_is_a_warning_not_an_error(tmp_path):
    text = GOOD.replace("[2025, 2030]", "[2025, 2028]")
    problem = only(check(tmp_path, text), severity=WARNING)
    assert (problem.line, problem.key) == (5, "holidays_cover")
    assert str(problem).startswith("warning: ")
    assert "holiday data through at least 2030; found the last covered year is 2028" in str(problem)
    assert "resolution-guide state-pack NY --force" in str(problem)
    assert require_valid_state_packs(tmp_path) == [problem]


@pytest.mark.parametrize("name", ["NY.yml", "ny.yaml", "ny.json"])
def test_a_file_name_the_build_cannot_find_is_named(tmp_path, name):
    problem = only(check(tmp_path, GOOD, name=name))
    assert "a file name of two lower-case letters and .yml" in str(problem)
    assert f'found "{name}"' in str(problem)


def test_every_problem_of_every_pack_is_reported_at_once(tmp_path):
    (tmp_path / "nj.yml").write_text(GOOD.replace("NY", "NJ", 1).replace("2026-11-03", "2026-11-3"))
    (tmp_path / "ny.yml").write_text(GOOD.replace("2026-11-03", "2026-02-30").replace("name: New York", 'name: ""'))
    problems = check_state_packs(tmp_path)
    assert [(p.file.rsplit("/", 1)[-1], p.key) for p in problems] == [
        ("nj.yml", "holidays.2026-11-3"), ("ny.yml", "name"), ("ny.yml", "holidays.2026-02-30")]
    with pytest.raises(StatePackError) as err:
        require_valid_state_packs(tmp_path)
    assert str(err.value).startswith("3 problems in the state packs:")


def test_a_pack_that_is_not_a_mapping_is_refused(tmp_path):
    problem = only(check(tmp_path, "- NY\n"))
    assert "expected the pack keys, one per line" in str(problem) and problem.line == 1


def test_a_missing_folder_is_named(tmp_path):
    problem = only(check_state_packs(tmp_path / "states"))
    assert "expected a folder of state packs" in str(problem) and "state_packs_dir" in str(problem)
