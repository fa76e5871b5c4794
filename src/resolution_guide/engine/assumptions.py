"""The open questions of the law (rule book section 13) as data.

When a result relies on one of them, it lists the reading it used and the other
reading, so the family sees that the date rests on an interpretation.
"""

from __future__ import annotations

# id -> (citation, default reading, the other reading)
ASSUMPTIONS: dict[str, tuple[str, str, str]] = {
    "receipt_day": ("34 CFR 300.510(a)(1), (b)(1)", "day_of_receipt_is_day_0", "day_of_receipt_is_day_1"),
    "receipt_date_as_entered": ("34 CFR 300.510(a)(1)", "date_entered_is_receipt", "receipt_rules_of_the_state"),
    "no_roll_forward": ("34 CFR 300.11(a)", "deadline_stays_on_closed_day", "moves_to_next_business_day"),
    "holiday_observance": ("34 CFR 300.11(b); 5 U.S.C. 6103(b)", "weekend_holiday_on_observed_weekday",
                           "weekend_holiday_on_statutory_date"),
    "state_holidays": ("34 CFR 300.11(b)", "state_pack_list", "state_official_calendar"),
    "no_state_holidays": ("34 CFR 300.11(b)", "federal_holidays_only", "add_state_holidays"),
    "business_day_count": ("34 CFR 300.510(e)", "signing_day_not_counted_last_signature",
                           "signing_day_counted"),
    "school_day_count": ("34 CFR 300.532(c)(2)", "start_day_not_counted_from_last_hearing_day",
                         "start_day_counted"),
    "school_calendar_missing": ("34 CFR 300.11(c)", "every_weekday_not_holiday_is_school_day",
                                "district_school_calendar"),
    "school_calendar_holidays": ("34 CFR 300.11(c)", "holidays_also_no_school", "only_listed_days_no_school"),
    "continued_mediation_day": ("34 CFR 300.510(c)(3)", "agreement_on_last_day_of_period",
                                "agreement_near_end_of_period"),
    "agreement_outside_meeting": ("34 CFR 300.510(d)-(e)", "window_applies_clock_unchanged",
                                  "no_window_or_clock_effect_unclear"),
    "delayed_meeting": ("34 CFR 300.510(b)(3)", "no_date_until_hearing_officer_says", "period_restarts_at_meeting"),
    "disclosure_count": ("34 CFR 300.512(b)(1)", "count_back_from_first_hearing_day", "count_back_from_other_day"),
    "district_filed_clock": ("34 CFR 300.515(a)", "estimate_received_plus_45", "hearing_begins_immediately"),
    "district_filed_expedited_meeting": ("34 CFR 300.532(c)(3)", "no_meeting_for_district_complaint",
                                         "meeting_within_7_days"),
    "amended_restart": ("34 CFR 300.508(d)(4)", "restart_meeting_and_period_from_amended_filing_only",
                        "restart_response_and_sufficiency_too"),
    "dismissal_timing": ("34 CFR 300.510(b)(4)", "day_after_period_ends", "last_day_of_period"),
    "expedited_no_sufficiency": ("34 CFR 300.532(c)(1)", "300_508_d_to_f_do_not_apply", "they_apply"),
    "expedited_intervention": ("34 CFR 300.532(c)(3)", "not_computed", "day_after_7_day_deadline"),
    "limitation_period": ("34 CFR 300.507(a)(2); 300.511(e)-(f)", "two_years_from_knew_or_should_have_known",
                          "state_period_or_exceptions"),
    "leap_day_anniversary": ("34 CFR 300.511(e)", "february_28", "march_1"),
    "others_may_attend": ("34 CFR 300.510(a)", "parent_may_bring_others", "district_may_object"),
}


def assumption(assumption_id: str, swapped: bool = False) -> dict:
    """The assumption as data; `swapped` when the case chose the alternative reading."""
    citation, reading, alternative = ASSUMPTIONS[assumption_id]
    if swapped:
        reading, alternative = alternative, reading
    return {"id": assumption_id, "citation": citation, "reading": reading, "alternative": alternative}
