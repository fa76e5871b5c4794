"""The one renderer of words (engine/render.py): the shape the browser reads, and the words themselves."""

from __future__ import annotations

import re

from hypothesis import given

from resolution_guide.engine import compute
from resolution_guide.engine.render import render_errors, render_result
from test_engine_properties import engine_settings, rich_cases
from test_engine_status_properties import cases_with_today

DEADLINE_KEYS = {"name", "date", "counting", "reasons", "closed_day", "not_computable", "status", "days_left",
                 "count"}
TOP_KEYS = {"meeting_required", "deadlines", "order", "assumptions", "warnings", "attendance", "next_steps"}


def strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from strings(v)


def test_shape_of_the_words():
    result = compute({"received": "2026-03-02", "agreement_signed": "2026-03-10", "today": "2026-03-05"})
    text = render_result(result)
    assert set(text) == TOP_KEYS
    assert set(text["meeting_required"]) == {"answer", "reasons"}
    assert set(text["deadlines"]) == set(result["deadlines"])
    for t in text["deadlines"].values():
        assert set(t) == DEADLINE_KEYS
    assert {"id", "title", "reading", "alternative"} <= set(text["assumptions"][0])


def test_dates_are_written_as_people_read_them():
    """R = Mon 2026-03-02: the period ends R+30 = Wednesday, April 1, 2026."""
    text = render_result(compute({"received": "2026-03-02"}))
    assert text["deadlines"]["resolution_period_ends"]["date"] == "Wednesday, April 1, 2026"
    assert text["deadlines"]["resolution_meeting_by"]["counting"] == "calendar days"
    assert "Mon, Mar 2, 2026" in text["deadlines"]["resolution_meeting_by"]["reasons"][0]


def test_order_is_by_date_with_undated_last():
    """Continued mediation (300.510(c)(3)) leaves the decision undated: it comes last."""
    result = compute({"received": "2026-03-02", "mediation": True, "mediation_started": "2026-03-10",
                      "mediation_continued": "2026-04-01", "knew_or_should_have_known": "2025-01-01"})
    order = render_result(result)["order"]
    dated = [k for k in order if result["deadlines"][k]["date"]]
    assert order[:len(dated)] == dated
    assert [result["deadlines"][k]["date"] for k in dated] == sorted(result["deadlines"][k]["date"] for k in dated)
    assert order[-1] in ("decision_due", "hearing_timeline_starts")
    assert dated[-1] == "filing_deadline"  # 2025-01-01 + 2 years, after every other date


def test_closed_day_sentence_names_the_reason_once_and_the_last_business_day():
    """R = Fri 2026-03-06: the meeting deadline R+15 = Sat 2026-03-21; Fri 2026-03-20 is the last business day.
    A Sunday deadline (R = Sat 2026-03-07 -> Sun 03-22) skips Sunday and Saturday: "weekend" is said once."""
    t = render_result(compute({"received": "2026-03-07"}))["deadlines"]["resolution_meeting_by"]
    assert t["closed_day"] == ("This day is not a business day (weekend). The deadline does not move: plan for "
                               "Friday, March 20, 2026, the last business day on or before it.")
    assert "weekend, weekend" not in " ".join(t["reasons"])


def test_issue_9_item_10_words():
    """No unfilled {placeholder}, no "1 calendar days", no "(1 days)", no "Skip X to X" with X twice."""
    result = compute({"received": "2026-03-02", "decision_extended_to": "2026-06-30",
                      "agreement_signed": "2026-03-05", "sufficiency_challenge_received": "2026-03-03"})
    text = render_result(result)
    decision = " ".join(text["deadlines"]["decision_due"]["reasons"])
    assert "(34 CFR 300.515(c))" in decision and "{citation}" not in decision
    cancel = " ".join(text["deadlines"]["agreement_void_until"]["reasons"])
    assert "office hours" in cancel and "end of this day" not in cancel
    # hearing_timeline_starts adds exactly 1 calendar day to the period end
    assert any("plus 1 calendar day is" in r for r in text["deadlines"]["hearing_timeline_starts"]["reasons"])


@engine_settings
@given(rich_cases())
def test_no_word_bug_in_any_generated_case(case):
    text = render_result(compute(case))
    for s in strings(text):
        assert not re.search(r"\{\w+\}", s), s
        assert not re.search(r"\b1 (calendar|business|school) days\b", s), s
        assert "(1 days)" not in s, s
        m = re.search(r"Skip (.+?) to (.+?) \(", s)
        assert not (m and m.group(1) == m.group(2)), s
        assert not re.search(r"\((\w+), \1\)", s), s


def test_errors_keep_their_data_and_fall_back_to_english():
    from resolution_guide.engine import CaseError

    try:
        compute({"received": "2026-02-30"})
    except CaseError as err:
        errors = [e.as_dict() for e in err.errors]
    for locale in ("en", "zz"):
        out = render_errors(errors, locale)
        assert out[0]["field"] == "received" and out[0]["code"] == "not_a_date"
        assert out[0]["params"]["example"] == "2026-03-02"
        assert "2026-02-30" in out[0]["message"]


def test_attendance_in_words():
    a = render_result(compute({"parent_brings_attorney": False}))["attendance"]
    assert a["district_attorney"]["allowed"] is False
    assert a["district_attorney"]["text"].startswith("Because you are not bringing a lawyer")
    assert "district_attorney" not in {x["who"] for x in a["may_attend"]}
    assert a["fees"]["citation"] == "34 CFR 300.517(c)(2)(iii)"


def test_business_day_count_day_by_day():
    """Signed Wed 2026-11-25 in Texas: Thanksgiving and the day after skipped, the weekend skipped, then
    Mon 11-30 (1), Tue 12-01 (2), Wed 12-02 (3)."""
    count = render_result(compute({"agreement_signed": "2026-11-25", "state": "TX"}))["deadlines"][
        "agreement_void_until"]["count"]
    assert [c["counted"] for c in count] == [False, False, False, True, True, True]
    assert count[0]["text"] == "Skip Thu, Nov 26, 2026: Thanksgiving Day."
    assert count[2]["text"] == "Skip Sat, Nov 28, 2026 to Sun, Nov 29, 2026 (2 days): weekend."
    assert count[-1]["text"] == "Day 3: Wed, Dec 2, 2026."
    assert render_result(compute({"received": "2026-03-02"}))["deadlines"]["resolution_meeting_by"]["count"] == []


def test_status_and_days_left_words():
    """Today Fri 2026-03-20, R = 2026-03-02: the meeting deadline (03-17) passed 3 days ago; the decision
    (R+75 = 05-16) is in 57 days; a meeting held 03-10 makes the deadline met."""
    t = render_result(compute({"received": "2026-03-02", "today": "2026-03-20"}))["deadlines"]
    assert (t["resolution_meeting_by"]["status"], t["resolution_meeting_by"]["days_left"]) == (
        "This date has passed", "3 days ago")
    assert t["decision_due"]["days_left"] == "in 57 days"
    assert render_result(compute({"received": "2026-03-02", "today": "2026-03-16"}))["deadlines"][
        "resolution_meeting_by"]["days_left"] == "in 1 day"
    met = render_result(compute({"received": "2026-03-02", "meeting_held": "2026-03-10", "today": "2026-03-17"}))
    assert met["deadlines"]["resolution_meeting_by"]["status"] == "Done in time: The meeting was held on Tue, Mar 10, 2026."
    assert met["deadlines"]["resolution_meeting_by"]["days_left"] == "today"
    assert met["deadlines"]["intervention_available_from"]["days_left"] is None  # moot: never "in 1 day"


def test_next_steps_in_words():
    text = render_result(compute({"received": "2026-03-02", "today": "2026-03-05"}))
    first = text["next_steps"][0]
    assert first["code"] == "meeting_invitation" and first["who"] == "The district"
    assert first["date"] == "Tuesday, March 17, 2026" and first["days_left"] == "in 12 days"
    assert "(34 CFR 300.510(a)(1))" in first["text"]


def _codes(result: dict) -> set[tuple[str, ...]]:
    """Every (section, code) of a result that needs words in the locale file."""
    keys = set()
    for d in result["deadlines"].values():
        keys |= {("steps", s["step"]) for s in d["reasons"]}
        if d.get("not_computable_reason"):
            keys.add(("not_computable", d["not_computable_reason"]))
        if d["status"]:
            keys.add(("status", d["status"]))
        if d["status_reason"]:
            keys.add(("status_reasons", d["status_reason"]["code"]))
    keys |= {("warnings", w["code"]) for w in result["warnings"]}
    keys |= {("next_steps", s["code"]) for s in result["next_steps"]}
    keys |= {("who", s["who"]) for s in result["next_steps"]}
    for a in result["assumptions"]:
        keys |= {("assumptions", a["id"], "title"), ("assumptions", a["id"], a["reading"]),
                 ("assumptions", a["id"], a["alternative"])}
    return keys


@engine_settings
@given(cases_with_today())
def test_every_code_has_english_words(case):
    from resolution_guide.engine.words import Words

    words = Words("en")
    for key in _codes(compute(case)):
        assert words.get(*key) is not None, key


def test_every_listed_reading_status_and_next_step_has_words():
    from resolution_guide.engine.assumptions import ASSUMPTIONS
    from resolution_guide.engine.status import NEXT_STEPS, STATUSES
    from resolution_guide.engine.words import Words

    words = Words("en")
    for aid, (_, reading, alternative) in ASSUMPTIONS.items():
        for key in ("title", reading, alternative):
            assert words.get("assumptions", aid, key), (aid, key)
    for code, (_, who, _) in NEXT_STEPS.items():
        assert words.get("next_steps", code) and words.get("who", who), code
    for status in STATUSES:
        assert words.get("status", status), status


def test_a_second_locale_changes_the_words_and_the_error_messages(monkeypatch):
    """A locale file with only some words: those are used, the rest fall back to English (DESIGN.md 2)."""
    import json

    from resolution_guide.engine import words as words_module
    from resolution_guide.engine.api import handle

    english = words_module.load_locale("en")
    spanish = {"dates": {"months": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                                    "septiembre", "octubre", "noviembre", "diciembre"],
                         "weekdays": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
                         "long": "{weekday}, {day} de {month} de {year}"},
               "errors": {"not_a_date": "{field}: escriba una fecha real, por ejemplo {example}."},
               "fields": {"received": "Queja recibida"}}
    monkeypatch.setattr(words_module, "load_locale", lambda code: spanish if code == "es" else english)
    out = json.loads(handle(json.dumps({"action": "compute", "case": {"received": "2026-03-02"}, "locale": "es"})))
    assert out["text"]["deadlines"]["resolution_period_ends"]["date"] == "miércoles, 1 de abril de 2026"
    assert out["text"]["deadlines"]["resolution_period_ends"]["name"] == "Resolution period ends"  # fallback
    assert "Mar" not in out["text"]["deadlines"]["resolution_meeting_by"]["reasons"][0]  # names from one file
    bad = json.loads(handle(json.dumps({"action": "compute", "case": {"received": "2026-02-30"}, "locale": "es"})))
    error = bad["errors"][0]
    assert error["message"] == "Queja recibida: escriba una fecha real, por ejemplo 2026-03-02."
    assert (error["field"], error["code"], error["params"]["example"]) == ("received", "not_a_date", "2026-03-02")
