"""Invariants of the engine checked on generated cases (hypothesis).

The expected values come from tests/engine/lawcal.py, a calendar written from
5 U.S.C. 6103 and 34 CFR 300.11 independently of the engine, and from the day
counts in the regulations themselves.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawcal import LawCalendar
from resolution_guide.engine import compute
from resolution_guide.engine.calendars import load_state

# Per-test settings (not a global profile) so other test modules keep their own.
engine_settings = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

COUNTINGS = {"calendar", "business", "school"}
# Calendar-day counts from receipt for a parent's complaint, standard track (34 CFR 300.508, 300.510, 300.515; C2).
STANDARD_OFFSETS = {
    "district_response_due": 10,  # 300.508(e)
    "sufficiency_challenge_due": 15,  # 300.508(d)(1)
    "resolution_meeting_by": 15,  # 300.510(a)(1)
    "intervention_available_from": 16,  # 300.510(b)(5)
    "resolution_period_ends": 30,  # 300.510(b)(1)
    "hearing_timeline_starts": 31,  # 300.510(b)(2)
    "decision_due": 75,  # 300.515(a)
}

# The supported range (engine/limits.py: 1900-01-01 to 2199-12-31) less the strategies' offsets (up to 700
# days before and 150 after the receipt, as in test_engine_status_properties.py), with its edges and the years around today drawn more often, so
# the holiday rules of every era and the end of the range are met.
FIRST_RECEIVED, LAST_RECEIVED = date(1902, 1, 1), date(2199, 7, 31)
SUPPORTED = st.dates(min_value=FIRST_RECEIVED, max_value=LAST_RECEIVED)
days_2026_2027 = st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31))
EDGES = st.sampled_from([FIRST_RECEIVED, LAST_RECEIVED, date(1902, 12, 24), date(2199, 7, 1)])
case_days = st.one_of(SUPPORTED, days_2026_2027, EDGES)
states = st.sampled_from([None, "TX", "CA"])
observances = st.sampled_from(["observed", "statutory"])


def iso(d: date) -> str:
    return d.isoformat()


def calendar_of(case: dict) -> LawCalendar:
    options = case.get("options", {})
    return LawCalendar(
        state=case.get("state"),
        observance=options.get("holiday_observance", "observed"),
        extra=[date.fromisoformat(d) for d in case.get("extra_holidays", [])],
    )


def base_case(received: date, state, observance) -> dict:
    case = {"received": iso(received), "options": {"holiday_observance": observance}}
    if state:
        case["state"] = state
    return case


@st.composite
def rich_cases(draw) -> dict:
    """A parent's complaint with any mix of the later events, in a legal order."""
    received = draw(case_days)
    case = base_case(received, draw(states), draw(observances))
    after = lambda lo, hi: received + timedelta(days=draw(st.integers(lo, hi)))  # noqa: E731
    if draw(st.booleans()):
        case["agreement_signed"] = iso(after(0, 60))
    if draw(st.booleans()):
        case["hearing_dates"] = [iso(after(20, 120))]
    if draw(st.booleans()):
        case["sufficiency_challenge_received"] = iso(after(0, 15))
    if draw(st.booleans()):
        case["knew_or_should_have_known"] = iso(received - timedelta(days=draw(st.integers(0, 700))))
    event = draw(st.sampled_from(["none", "waiver", "meeting", "mediation", "district", "amended", "absent"]))
    if event == "waiver":
        case["waiver_signed"] = iso(after(0, 29))
    elif event == "meeting":
        case["meeting_held"] = iso(after(0, 20))
        case["no_agreement_possible"] = iso(date.fromisoformat(case["meeting_held"]) + timedelta(days=draw(st.integers(0, 5))))
    elif event == "mediation":
        case["mediation"] = True
        case["mediation_started"] = iso(after(0, 20))
    elif event == "district":
        case["filed_by"] = "district"
    elif event == "amended":
        case["amended_complaint"] = iso(after(1, 25))
    elif event == "absent":
        case["parent_did_not_participate"] = True
    if draw(st.booleans()):
        case["extra_holidays"] = [iso(after(-5, 60))]
    return case


def state_references(case) -> set[str]:
    """The citations of the rules a case's state pack sets itself."""
    if not case.get("state"):
        return set()
    return {rule.reference for rule in load_state(case["state"]).rules.values()}


@engine_settings
@given(rich_cases())
def test_every_deadline_explains_itself(case):
    """Issue 2: each deadline has a counting kind, a citation and reasons given as data steps."""
    for did, d in compute(case)["deadlines"].items():
        assert d["counting"] in COUNTINGS, did
        assert isinstance(d["citation"], str), did
        # federal rules cite 34 CFR; a state pack's own rule (e.g. a filing limit) cites the state's law
        assert d["citation"].startswith("34 CFR 300.") or d["citation"] in state_references(case), did
        assert isinstance(d["reasons"], list), did
        assert all(isinstance(r, dict) and "step" in r for r in d["reasons"]), did
        if d["date"] is None:
            assert d.get("not_computable_reason"), did
        else:
            date.fromisoformat(d["date"])
            assert d["reasons"], did


@engine_settings
@given(rich_cases())
def test_business_day_results_are_business_days(case):
    """300.11(b): a business-day deadline never lands on a weekend or a Federal or State holiday."""
    cal = calendar_of(case)
    deadlines = compute(case)["deadlines"]
    for did, d in deadlines.items():
        if d["counting"] == "business" and d["date"]:
            assert cal.is_business_day(date.fromisoformat(d["date"])), (did, d["date"])


@engine_settings
@given(rich_cases())
def test_business_day_counts_are_exact(case):
    """300.510(e): 3 business days after signing (C5); 300.512(b)(1): 5 business days before the hearing (C7)."""
    cal = calendar_of(case)
    deadlines = compute(case)["deadlines"]
    mediation_agreement = case.get("mediation") and "meeting_held" not in case  # 300.506(b)(6)-(7): no window
    if "agreement_signed" in case and not mediation_agreement:
        signed = date.fromisoformat(case["agreement_signed"])
        until = date.fromisoformat(deadlines["agreement_void_until"]["date"])
        assert cal.is_business_day(until) and cal.business_days_between(signed, until) == 3
    if "hearing_dates" in case:
        hearing = date.fromisoformat(case["hearing_dates"][0])
        disclose = date.fromisoformat(deadlines["disclosure_by"]["date"])
        assert cal.is_business_day(disclose)
        assert cal.business_days_between(disclose - timedelta(days=1), hearing - timedelta(days=1)) == 5


# Days from which something may happen, not days by which something must be done: a
# "last business day on or before" means nothing for them.
START_DATES = {"hearing_timeline_starts", "intervention_available_from", "dismissal_request_available_from"}


@engine_settings
@given(rich_cases())
def test_calendar_deadlines_carry_the_last_business_day(case):
    """C3: a calendar deadline on a closed day stays there, flagged, with the last business day on or before it."""
    cal = calendar_of(case)
    for did, d in compute(case)["deadlines"].items():
        if d["counting"] != "calendar" or not d["date"] or did in START_DATES:
            continue
        day = date.fromisoformat(d["date"])
        if cal.is_business_day(day):
            assert not d.get("on_non_business_day"), did
            continue
        assert d.get("on_non_business_day") is True, did
        last = date.fromisoformat(d["last_business_day_on_or_before"])
        assert last <= day and cal.is_business_day(last), did
        assert last == cal.last_business_day_on_or_before(day), did


@engine_settings
@given(case_days, states, observances)
def test_standard_calendar_deadlines_are_receipt_plus_n(received, state, observance):
    """C2, C3: receipt is day 0 and calendar deadlines never move, whatever the holidays."""
    deadlines = compute(base_case(received, state, observance))["deadlines"]
    for did, n in STANDARD_OFFSETS.items():
        assert deadlines[did]["date"] == iso(received + timedelta(days=n)), did
        assert deadlines[did]["counting"] == "calendar", did


@engine_settings
@given(case_days, states, st.integers(0, 60))
def test_day1_option_is_one_day_earlier(received, state, later):
    """Rulebook 13.1 alternative: counting the receipt date as day 1 ends each receipt count one day earlier.
    Business-day counts have their own convention (C5, C7) and do not change."""
    case = base_case(received, state, "observed")
    case["agreement_signed"] = iso(received + timedelta(days=later))
    case["hearing_dates"] = [iso(received + timedelta(days=later + 20))]
    day0 = compute(case)["deadlines"]
    day1 = compute({**case, "options": {"receipt_day": "day1"}})["deadlines"]
    for did, n in STANDARD_OFFSETS.items():
        assert day1[did]["date"] == iso(received + timedelta(days=n - 1)), did
        assert day0[did]["date"] == iso(received + timedelta(days=n)), did
    for did in ("agreement_void_until", "disclosure_by"):
        assert day1[did]["date"] == day0[did]["date"], did


@engine_settings
@given(case_days, st.integers(0, 29), st.integers(0, 20))
def test_300_510_c_events_start_the_clock_the_next_day(received, waiver_after, mediation_after):
    """300.510(c)(1): waiver W gives start W+1 and decision W+45; (c)(3): withdrawal D gives D+1 and D+45."""
    waiver = received + timedelta(days=waiver_after)
    d = compute({"received": iso(received), "waiver_signed": iso(waiver)})["deadlines"]
    assert d["hearing_timeline_starts"]["date"] == iso(waiver + timedelta(days=1))
    assert d["decision_due"]["date"] == iso(waiver + timedelta(days=45))
    continued = received + timedelta(days=30)
    withdrawn = continued + timedelta(days=mediation_after)
    d = compute({"received": iso(received), "mediation": True, "mediation_started": iso(received + timedelta(days=3)),
                 "mediation_continued": iso(continued), "mediation_withdrawn": iso(withdrawn)})["deadlines"]
    assert d["hearing_timeline_starts"]["date"] == iso(withdrawn + timedelta(days=1))
    assert d["decision_due"]["date"] == iso(withdrawn + timedelta(days=45))


IRRELEVANT = {
    # an added fact -> the only deadline it may create or change
    "agreement_signed": "agreement_void_until",
    "knew_or_should_have_known": "filing_deadline",
    "sufficiency_challenge_received": "sufficiency_ruling_due",
    "hearing_dates": "disclosure_by",
}


def _dates(deadlines: dict) -> dict:
    return {k: (v["date"], v.get("on_non_business_day"), v.get("last_business_day_on_or_before"))
            for k, v in deadlines.items()}


@engine_settings
@given(rich_cases(), st.sampled_from(sorted(IRRELEVANT)), st.integers(0, 40))
def test_an_unrelated_fact_changes_nothing_else(case, field, offset):
    """Adding, say, the agreement date must not move the meeting or decision dates."""
    case = {k: v for k, v in case.items() if k != field}
    received = date.fromisoformat(case["received"])
    value = iso(received + timedelta(days=offset if field != "hearing_dates" else offset + 30))
    if field == "knew_or_should_have_known":
        value = iso(received - timedelta(days=offset))
    added = {**case, field: [value] if field == "hearing_dates" else value}
    before, after = _dates(compute(case)["deadlines"]), _dates(compute(added)["deadlines"])
    only = IRRELEVANT[field]
    assert only in after
    assert {k: v for k, v in after.items() if k != only} == {k: v for k, v in before.items() if k != only}


@engine_settings
@given(case_days, st.integers(0, 60), states, st.lists(st.integers(1, 12), min_size=1, max_size=3))
def test_an_extra_holiday_never_shortens_a_business_day_window(signed, hearing_after, state, extra_offsets):
    """More closed days can only push the void window later and the disclosure date earlier (300.11(b))."""
    hearing = signed + timedelta(days=hearing_after + 10)
    case = {"agreement_signed": iso(signed), "hearing_dates": [iso(hearing)]}
    if state:
        case["state"] = state
    extras = sorted({iso(signed + timedelta(days=n)) for n in extra_offsets}
                    | {iso(hearing - timedelta(days=n)) for n in extra_offsets})
    plain = compute(case)["deadlines"]
    closed = compute({**case, "extra_holidays": extras})["deadlines"]
    assert closed["agreement_void_until"]["date"] >= plain["agreement_void_until"]["date"]
    assert closed["disclosure_by"]["date"] <= plain["disclosure_by"]["date"]
    assert closed["agreement_void_until"]["date"] not in extras
    assert closed["disclosure_by"]["date"] not in extras


@st.composite
def expedited_cases(draw) -> dict:
    filed = draw(case_days)
    breaks = []
    for _ in range(draw(st.integers(0, 3))):
        start = filed + timedelta(days=draw(st.integers(-5, 40)))
        breaks.append(f"{iso(start)}..{iso(start + timedelta(days=draw(st.integers(0, 14))))}")
    case = {"received": iso(filed), "track": "expedited", "non_school_days": breaks}
    if draw(st.booleans()):
        case["hearing_dates"] = [iso(filed + timedelta(days=draw(st.integers(1, 40))))]
    if draw(st.booleans()):
        case["state"] = draw(st.sampled_from(["TX", "CA"]))
    return case


def _expand(ranges: list[str]) -> set[date]:
    out = set()
    for text in ranges:
        first, last = (date.fromisoformat(p) for p in text.split(".."))
        out |= {first + timedelta(days=i) for i in range((last - first).days + 1)}
    return out


@engine_settings
@given(expedited_cases())
def test_expedited_school_day_counts_are_exact(case):
    """300.532(c)(2) and C6: 20 school days after filing, 10 after the last hearing day, neither start day counted."""
    cal = LawCalendar(state=case.get("state"), non_school=_expand(case["non_school_days"]))
    deadlines = compute(case)["deadlines"]
    filed = date.fromisoformat(case["received"])

    def school_days_between(start, end):
        return sum(cal.is_school_day(start + timedelta(days=i)) for i in range(1, (end - start).days + 1))

    by = date.fromisoformat(deadlines["hearing_must_occur_by"]["date"])
    assert cal.is_school_day(by) and school_days_between(filed, by) == 20
    if "hearing_dates" in case:
        last = date.fromisoformat(case["hearing_dates"][-1])
        due = date.fromisoformat(deadlines["decision_due"]["date"])
        assert cal.is_school_day(due) and school_days_between(last, due) == 10
    assert deadlines["resolution_meeting_by"]["date"] == iso(filed + timedelta(days=7))  # 300.532(c)(3)(i)
    assert deadlines["resolution_period_ends"]["date"] == iso(filed + timedelta(days=15))  # 300.532(c)(3)(ii)
