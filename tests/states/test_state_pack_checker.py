"""The strict state-pack checker: one broken pack per failure mode, and the words a volunteer reads.

Each case starts from a good pack (GOOD, written out as a person would), changes one thing, and checks
that the checker names the file, the line, the key, what it expected, what it found and what to do.
"""

from __future__ import annotations

import json

import pytest

from resolution_guide.site.statepacks import (
    ERROR,
    WARNING,
    StatePackError,
    check_state_packs,
    require_valid_state_packs,
)

GOOD = """\
{
  "state": "NY",
  "name": "New York",
  "holidays_statute": "N.Y. Gen. Constr. Law 24",
  "holidays_source_url": "https://www.nysenate.gov/legislation/laws/GCN/24",
  "holidays_cover": [2025, 2030],
  "holidays": {
    "2026-02-12": "Lincoln's Birthday",
    "2026-11-03": "Election Day"
  },
  "holidays_source": "python package holidays 0.109, US subdivision NY, filtered (see notes)",
  "notes": "Left out: Susan B. Anthony Day (commemorative).",
  "rules": {},
  "rules_checked": false,
  "sources": [
    {"what": "N.Y. Gen. Constr. Law 24", "url": "https://www.nysenate.gov/legislation/laws/GCN/24"}
  ],
  "checked": "2026-11-30",
  "to_check": ["parent_center"]
}
"""

LIMITATION = """"rules": {"limitation_period": {
    "value": 1, "unit": "years", "reference": "N.C. Gen. Stat. 115C-109.6(b)",
    "description": "One year.", "source_url": "https://www.ncleg.gov/x", "checked": "2026-11-30"}},
  "rules_checked": true,"""


def check(tmp_path, text: str, name: str = "ny.json"):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return check_state_packs(tmp_path)


def only(problems, severity=ERROR):
    assert len(problems) == 1, "\n".join(map(str, problems))
    assert problems[0].severity == severity
    return problems[0]


def test_the_good_pack_passes(tmp_path):
    assert check(tmp_path, GOOD) == []


# (id, change to GOOD, line, key, words the message must contain)
CASES = [
    ("unknown key", ('"checked": "2026-11-30",', '"checked": "2026-11-30",\n  "verified_by": "Ana",'),
     19, "verified_by", ['unknown key "verified_by"', "Correct the spelling or remove the key"]),
    ("state differs from the file name", ('"state": "NY"', '"state": "NJ"'),
     2, "state", ['expected "NY" (the file name in capitals); found "NJ"', "rename the file"]),
    ("name is the code", ('"name": "New York"', '"name": "NY"'),
     3, "name", ["the state's full name", 'found "NY"', "list of states"]),
    ("US date", ('"2026-11-03"', '"11/03/2026"'),
     9, "holidays.11/03/2026", ["a real date written YYYY-MM-DD", 'found "11/03/2026"',
                                "would be counted as a business day"]),
    ("day that does not exist", ('"2026-11-03"', '"2026-02-30"'),
     9, "holidays.2026-02-30", ['found "2026-02-30", which is not a day of the calendar']),
    ("one-digit month", ('"2026-11-03"', '"2026-1-12"'),
     9, "holidays.2026-1-12", ['"2026-1-12" (months and days need two digits)']),
    ("date outside the covered years", ('"2026-11-03"', '"2031-11-04"'),
     9, "holidays.2031-11-04", ["a date in the covered years 2025-2030", "widen holidays_cover"]),
    ("duplicate date", ('"2026-11-03": "Election Day"', '"2026-02-12": "Election Day"'),
     9, "holidays.2026-02-12", ["each key once", "duplicate key '2026-02-12' (first on line 8)",
                                "the engine would silently use only the last one"]),
    ("duplicate key", ('"notes": "Left', '"name": "New York",\n  "notes": "Left'),
     12, "name", ["duplicate key 'name' (first on line 3)"]),
    ("required key missing", ('  "holidays_statute": "N.Y. Gen. Constr. Law 24",\n', ""),
     1, "", ['the key "holidays_statute"', "no such key", 'add "holidays_statute" to the to_check list']),
    ("http link", ('"holidays_source_url": "https://', '"holidays_source_url": "http://'),
     5, "holidays_source_url", ["an https:// link", 'found "http://www.nysenate.gov']),
    ("source without https", ('{"what": "N.Y. Gen. Constr. Law 24", "url": "https://www.', '{"what": "N.Y. Gen. Constr. Law 24", "url": "www.'),
     16, "sources[0].url", ["an https:// link", 'found "www.nysenate.gov']),
    ("trailing comma", ('"Election Day"\n', '"Election Day",\n'),
     10, "", ["expected valid JSON", "comma after the last item"]),
    ("checked date in US format", ('"checked": "2026-11-30"', '"checked": "11/30/2026"'),
     18, "checked", ["a date written YYYY-MM-DD", 'found "11/30/2026"']),
    ("cover years swapped", ('[2025, 2030]', '[2030, 2025]'),
     6, "holidays_cover", ["the first year before the last year", "Swap the two years"]),
    ("rules_checked true without a rule", ('"rules_checked": false', '"rules_checked": true'),
     14, "rules_checked", ["false when no rules.limitation_period is given", "federal two years"]),
    ("rule in months", ('"rules": {},\n  "rules_checked": false,', LIMITATION.replace('"years", "ref', '"months", "ref')),
     14, "rules.limitation_period.unit", ['expected "years"; found "months"']),
    ("rule value as text", ('"rules": {},\n  "rules_checked": false,', LIMITATION.replace('"value": 1', '"value": "1"')),
     14, "rules.limitation_period.value", ["the number of years as a whole number", 'found "1"', "without quotes"]),
    ("unknown rule", ('"rules": {}', '"rules": {"hearing_days": 45}'),
     13, "rules.hearing_days", ['unknown rule "hearing_days"', "need engine code"]),
    ("to_check names a filled key", ('["parent_center"]', '["parent_center", "name"]'),
     19, "to_check[1]", ['"name", which is filled in', 'Remove "name" from to_check']),
    ("parent center without https", ('"checked": "2026-11-30",\n  "to_check": ["parent_center"]',
                                     '"checked": "2026-11-30",\n  "parent_center": {"name": "A", "url": "http://a.org"}'),
     19, "parent_center.url", ["an https:// link", 'found "http://a.org"']),
]


@pytest.mark.parametrize("change, line, key, words", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_mistake_gets_one_message_that_says_where_and_what_to_do(tmp_path, change, line, key, words):
    old, new = change
    assert old in GOOD or old in LIMITATION
    problem = only(check(tmp_path, GOOD.replace(old, new, 1)))
    assert problem.file == str(tmp_path / "ny.json")
    assert (problem.line, problem.key) == (line, key)
    text = str(problem)
    assert text.startswith(f"{tmp_path / 'ny.json'}, line {line}")
    for word in words:
        assert word.lower() in text.lower(), text


def test_a_limitation_period_in_the_contract_shape_passes(tmp_path):
    text = GOOD.replace('"rules": {},\n  "rules_checked": false,', LIMITATION)
    assert check(tmp_path, text) == []


def test_the_old_years_key_is_unknown_now(tmp_path):
    # the engine reads value/reference only (the shape of the federal parameters), so a left-over
    # "years" would be silently ignored: the checker names it instead
    text = GOOD.replace('"rules": {},\n  "rules_checked": false,',
                        LIMITATION.replace('"value": 1,', '"value": 1, "years": 2,'))
    problem = only(check(tmp_path, text))
    assert problem.key == "rules.limitation_period.years"
    assert 'unknown key "years"' in str(problem) and "remove the key" in str(problem)


def test_cover_ending_before_2030_is_a_warning_not_an_error(tmp_path):
    text = GOOD.replace("[2025, 2030]", "[2025, 2028]").replace("2026-11-03", "2027-11-02")
    problem = only(check(tmp_path, text), severity=WARNING)
    assert (problem.line, problem.key) == (6, "holidays_cover")
    assert str(problem).startswith("warning: ")
    assert "holiday data through at least 2030; found the last covered year is 2028" in str(problem)
    assert require_valid_state_packs(tmp_path) == [problem]


def test_a_file_name_the_engine_cannot_find_is_named(tmp_path):
    problem = only(check(tmp_path, GOOD, name="NY.json"))
    assert "a file name of two lower-case letters and .json" in str(problem)
    assert 'found "NY.json"' in str(problem)


def test_every_problem_of_every_pack_is_reported_at_once(tmp_path):
    (tmp_path / "nj.json").write_text(GOOD.replace('"NY"', '"NJ"').replace('"2026-02-12"', '"2026-2-12"'))
    (tmp_path / "ny.json").write_text(GOOD.replace('"2026-11-03"', '"2026-02-30"').replace('"name": "New York"', '"name": ""'))
    problems = check_state_packs(tmp_path)
    assert [(p.file.rsplit("/", 1)[-1], p.key) for p in problems] == [
        ("nj.json", "holidays.2026-2-12"), ("ny.json", "name"), ("ny.json", "holidays.2026-02-30")]
    with pytest.raises(StatePackError) as err:
        require_valid_state_packs(tmp_path)
    assert str(err.value).startswith("3 problems in the state packs:")


def test_a_pack_that_is_not_an_object_is_refused(tmp_path):
    problem = only(check(tmp_path, json.dumps(["NY"])))
    assert "expected one JSON object" in str(problem)
