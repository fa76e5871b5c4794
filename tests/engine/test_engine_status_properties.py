"""Issue 9 invariants on generated cases with a random `today` (hypothesis).

Expected values come from the facts of the case and plain date arithmetic, never from the engine:
the hearing timeline starts the day after the resolution period ends (300.510(b)(2), (c)); days left
is the date minus today; a status follows from the date and the facts entered.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from resolution_guide.engine import compute
from test_engine_properties import engine_settings, iso, rich_cases

FIRST_DAYS = {"hearing_timeline_starts", "intervention_available_from", "dismissal_request_available_from"}
STATUSES = {"upcoming", "today", "passed", "open", "met", "no_longer_applies"}
HEARING_DATES = {"hearing_timeline_starts", "decision_due", "intervention_available_from",
                 "dismissal_request_available_from"}


@st.composite
def cases_with_today(draw) -> dict:
    case = draw(rich_cases())
    received = date.fromisoformat(case["received"])
    if draw(st.booleans()) and case.get("mediation"):
        # a written agreement to keep mediating on day 30, sometimes a day off, and maybe a withdrawal
        continued = received + timedelta(days=30 + draw(st.sampled_from([0, 0, -3, 2])))
        case["mediation_continued"] = iso(continued)
        if draw(st.booleans()):
            case["mediation_withdrawn"] = iso(continued + timedelta(days=draw(st.integers(0, 40))))
    if draw(st.booleans()) and case.get("parent_did_not_participate"):
        case["meeting_held"] = iso(received + timedelta(days=draw(st.integers(16, 60))))
    case["today"] = iso(received + timedelta(days=draw(st.integers(-20, 150))))
    return case


@engine_settings
@given(cases_with_today())
def test_hearing_timeline_starts_the_day_after_the_period_ends(case):
    d = compute(case)["deadlines"]
    if "resolution_period_ends" in d and "hearing_timeline_starts" in d:
        end, start = d["resolution_period_ends"]["date"], d["hearing_timeline_starts"]["date"]
        if end and start:
            assert date.fromisoformat(start) == date.fromisoformat(end) + timedelta(days=1)
        else:
            assert end is None and start is None, "one dated without the other would contradict"


@engine_settings
@given(cases_with_today())
def test_days_left_is_the_date_difference(case):
    today = date.fromisoformat(case["today"])
    for did, d in compute(case)["deadlines"].items():
        if d["date"]:
            assert d["days_left"] == (date.fromisoformat(d["date"]) - today).days, did
        else:
            assert d["days_left"] is None, did


@engine_settings
@given(cases_with_today())
def test_statuses_follow_the_date_and_the_facts(case):
    result = compute(case)
    d = result["deadlines"]
    for did, x in d.items():
        assert x["status"] in STATUSES or (x["status"] is None and x["date"] is None), did
        if x["status"] in ("met", "no_longer_applies"):
            assert x["status_reason"] and x["status_reason"]["code"], did
            continue
        if x["date"] is None:
            continue
        left = x["days_left"]
        if did in FIRST_DAYS:
            assert x["status"] == ("open" if left <= 0 else "upcoming"), did
        else:
            assert x["status"] == ("upcoming" if left > 0 else "today" if left == 0 else "passed"), did
    held = case.get("meeting_held")
    meeting = d.get("resolution_meeting_by")
    if meeting and meeting["date"] and held and held <= meeting["date"] and "amended_complaint" not in case:
        assert meeting["status"] == "met"
        if "intervention_available_from" in d:
            assert d["intervention_available_from"]["status"] == "no_longer_applies"
    if meeting and meeting["status"] == "met":
        assert held and held <= meeting["date"], "met only when the meeting was held in time"
    if case.get("agreement_signed"):
        for did in HEARING_DATES & set(d):
            assert d[did]["status"] == "no_longer_applies", did


@engine_settings
@given(cases_with_today())
def test_next_steps_are_sorted_current_and_agree_with_their_dates(case):
    result = compute(case)
    steps, d = result["next_steps"], result["deadlines"]
    dates = [s["date"] for s in steps]
    dated = [x for x in dates if x]
    assert dated == sorted(dated) and dates[:len(dated)] == dated, "by date, undated last"
    for s in steps:
        assert s["who"] in ("parent", "district", "hearing_officer", "either")
        assert s["citation"].startswith("34 CFR 300.")
        if s["date"]:
            target = d[s["deadline"]]
            assert s["date"] == target["date"] and s["days_left"] == target["days_left"]
            assert target["status"] not in ("no_longer_applies",), s["code"]
