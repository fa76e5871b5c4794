"""Dates as people type them (engine/typed_dates.py): every accepted form, both sides of each edge,
and the case reader using it for single dates and list entries."""

from datetime import date

import pytest

from resolution_guide.engine.case import CaseError, parse_case
from resolution_guide.engine.typed_dates import TypedDateError, parse_date, split_date_list


@pytest.mark.parametrize("typed", ["03/02/2026", "3/2/26", "2026-03-02", "March 2, 2026", "2026-3-2",
                                   " 3/2/2026 ", "3-2-2026", "3.2.2026", "Mar 2 2026", "mar. 2, 2026",
                                   "2 March 2026", "March 2nd, 2026"])
def test_the_same_day_typed_many_ways(typed):
    assert parse_date(typed) == date(2026, 3, 2)


@pytest.mark.parametrize("typed, expected", [
    ("1/1/00", date(2000, 1, 1)),          # two-digit years: 2000-2099, both ends
    ("12/31/99", date(2099, 12, 31)),
    ("2/29/2028", date(2028, 2, 29)),      # a leap year has February 29 ...
    ("12/31/2026", date(2026, 12, 31)),    # last month, last day
    ("Sept 30, 2026", date(2026, 9, 30)),
    ("Jun 1, 2026", date(2026, 6, 1)),     # three letters name a month
])
def test_edges_that_are_dates(typed, expected):
    assert parse_date(typed) == expected


@pytest.mark.parametrize("typed", [
    "2/29/2027",        # ... a common year does not
    "13/01/2026",       # month 13
    "12/32/2026",       # day 32
    "0/10/2026",        # month 0
    "2/30/2026",
    "Ju 1, 2026",       # two letters do not name a month
    "Smarch 2, 2026",
    "3/2/2026x", "3/2", "03022026", "2026/03/02", "3/2-2026", "3/2/026", "", "tomorrow",
])
def test_edges_that_are_not(typed):
    with pytest.raises(TypedDateError):
        parse_date(typed)


def test_lists_split_on_commas_and_keep_ranges():
    assert split_date_list("3/16/2026, 3/17/2026") == ["3/16/2026", "3/17/2026"]
    assert split_date_list("March 16, 2026, March 17, 2026") == ["March 16, 2026", "March 17, 2026"]
    assert split_date_list("2026-03-23..2026-03-27, 2026-04-03") == ["2026-03-23..2026-03-27", "2026-04-03"]
    assert split_date_list("3/23/26 to 3/27/26; 4/3/26") == ["3/23/26..3/27/26", "4/3/26"]
    assert split_date_list("3/23/2026 - 3/27/2026 3/30/2026") == ["3/23/2026..3/27/2026", "3/30/2026"]
    # Something that is not a date stays an entry, so the reader can name it.
    assert split_date_list("3/16/2026, soon, 3/17/2026") == ["3/16/2026", "soon", "3/17/2026"]
    assert split_date_list("  ") == []


def test_the_case_reader_reads_typed_dates_everywhere():
    case = parse_case({"received": "3/2/26", "track": "expedited",
                       "non_school_days": "3/23/2026 to 3/25/2026, March 30, 2026",
                       "extra_holidays": ["2/16/2026"], "hearing_dates": ["April 6, 2026", "4/7/26"]})
    assert case.received == date(2026, 3, 2)
    assert case.non_school_days == [date(2026, 3, 23), date(2026, 3, 24), date(2026, 3, 25), date(2026, 3, 30)]
    assert case.extra_holidays == [date(2026, 2, 16)]
    assert case.hearing_dates == [date(2026, 4, 6), date(2026, 4, 7)]


def test_the_case_reader_names_each_bad_entry():
    with pytest.raises(CaseError) as err:
        parse_case({"received": "2/30/2026", "extra_holidays": "3/16/2026, soon"})
    found = {(e.field, e.code, e.params.get("value")) for e in err.value.errors}
    assert found == {("received", "not_a_date", "2/30/2026"), ("extra_holidays", "not_a_date", "soon")}
