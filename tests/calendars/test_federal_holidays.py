"""Federal legal public holidays (5 U.S.C. 6103) against the rule book's table 1.4,
checked by hand for 2026 and 2027, and the two readings of the weekend rule."""

from datetime import date

import pytest

from resolution_guide.engine.calendars import OBSERVED, STATUTORY, Calendar, federal_holidays

# Rule book 1.4 (observed weekdays).
OBSERVED_2026 = {
    "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03",
    "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25",
}
OBSERVED_2027 = {
    "2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05",
    "2027-09-06", "2027-10-11", "2027-11-11", "2027-11-25", "2027-12-24",
    "2027-12-31",  # New Year's Day 2028 falls on a Saturday
}


@pytest.mark.parametrize("year, expected", [(2026, OBSERVED_2026), (2027, OBSERVED_2027)])
def test_observed_federal_holidays_match_the_rule_book(year, expected):
    assert {d.isoformat() for d in federal_holidays(year, OBSERVED)} == expected


def test_statutory_reading_keeps_weekend_dates():
    days = {d.isoformat() for d in federal_holidays(2027, STATUTORY)}
    assert "2027-06-19" in days and "2027-06-18" not in days
    assert "2027-12-25" in days and "2027-12-24" not in days
    assert "2027-12-31" not in days  # New Year's Day 2028 stays in 2028


def test_observed_days_are_flagged_as_observed():
    marked = federal_holidays(2026, OBSERVED)
    assert marked[date(2026, 7, 3)] == ("independence_day", True)
    assert marked[date(2026, 11, 26)] == ("thanksgiving_day", False)


def test_juneteenth_only_from_2021():
    assert date(2020, 6, 19) not in federal_holidays(2020, STATUTORY)
    assert date(2021, 6, 18) in federal_holidays(2021, OBSERVED)  # June 19, 2021 was a Saturday


def test_business_day_reasons():
    cal = Calendar()
    assert cal.why_not_business_day(date(2026, 7, 3))["holiday"] == "independence_day"
    assert cal.why_not_business_day(date(2026, 7, 4)) == {"why": "weekend"}
    assert cal.why_not_business_day(date(2026, 7, 2)) is None


def test_replacement_list_replaces_federal_days():
    cal = Calendar(replace_holidays=frozenset({date(2026, 3, 4)}))
    assert cal.why_not_business_day(date(2026, 7, 3)) is None
    assert cal.why_not_business_day(date(2026, 3, 4))["holiday"] == "listed_holiday"


def test_state_pack_years_are_covered():
    from resolution_guide.engine.calendars import load_state

    cal = Calendar(state=load_state("TX"))
    assert cal.covers(date(2027, 5, 1))
    assert not cal.covers(date(2040, 5, 1))
