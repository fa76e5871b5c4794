"""Every date of the resolution process for one case, each with its rule and its reasons.

The formulas are the rule book's table (section 12); the comments name the
regulation paragraph each one comes from.
"""

from __future__ import annotations

from datetime import date

from .assumptions import assumption
from .calendars import OBSERVED, Calendar
from .case import Case
from .catalog import info
from .counting import (NoCountableDays, add_business_days, add_calendar_days, add_school_days,
                       business_days_before, last_business_day_on_or_before)


# Dates when something becomes possible, not last days: a closed day changes nothing.
STARTING_DATES = frozenset({"hearing_timeline_starts", "intervention_available_from",
                            "dismissal_request_available_from"})


class DeadlineBuilder:
    """Collects deadlines, assumptions and warnings while the rules run over one case."""

    def __init__(self, case: Case, calendar: Calendar, meeting_required: bool):
        self.case = case
        self.calendar = calendar
        self.meeting_required = meeting_required
        self.expedited = case.track == "expedited"
        self.deadlines: dict[str, dict] = {}
        self.assumptions: dict[str, dict] = {}
        self.warnings: list[dict] = []

    # -- recording -------------------------------------------------------------
    def assume(self, assumption_id: str, swapped: bool = False) -> None:
        self.assumptions.setdefault(assumption_id, assumption(assumption_id, swapped))

    def warn(self, code: str, field: str | None = None, **params) -> None:
        self.warnings.append({"code": code, "field": field, "params": params})

    def put(self, deadline_id: str, day: date | None, reasons: list[dict], *, counting: str | None = None,
            citation: str | None = None, not_computable_reason: str | None = None) -> None:
        rule = info(deadline_id, self.case.track)
        entry: dict = {
            "date": day.isoformat() if day else None,
            "counting": counting or rule.counting,
            "citation": citation or rule.citation,
            "reasons": reasons,
        }
        if day is None:
            entry["not_computable_reason"] = not_computable_reason
        elif entry["counting"] == "calendar" and deadline_id not in STARTING_DATES:
            target, skipped = last_business_day_on_or_before(day, self.calendar)
            entry["on_non_business_day"] = target != day
            if target != day:
                entry["last_business_day_on_or_before"] = target.isoformat()
                entry["reasons"] = reasons + [{"step": "closed_day_no_roll_forward", "date": day.isoformat(),
                                               "last_business_day": target.isoformat(), "skipped": skipped}]
                self.assume("no_roll_forward")
        self.deadlines[deadline_id] = entry

    # -- counting helpers ------------------------------------------------------
    def within(self, anchor_field: str, anchor: date, days: int) -> tuple[date, list[dict]]:
        """'Within N days of receipt': day 0 is the day of receipt unless the case chose day 1 (C2)."""
        swapped = self.case.receipt_day == "day1"
        self.assume("receipt_day", swapped)
        n = days - 1 if swapped else days
        end, steps = add_calendar_days(anchor, n)
        start = {"step": "start", "field": anchor_field, "date": anchor.isoformat()}
        if swapped:
            start["receipt_day_counts_as_day_1"] = True
        return end, [start, *steps]

    # -- the rules -------------------------------------------------------------
    def run(self) -> None:
        c = self.case
        if c.received:
            self.assume("receipt_date_as_entered")
            if self.expedited:
                self.expedited_track(c.received)
            else:
                self.standard_track(c.received)
        if c.sufficiency_challenge_received and not self.expedited:
            # 34 CFR 300.508(d)(2): ruling within five days of the hearing officer's receipt
            day, steps = self.within("sufficiency_challenge_received", c.sufficiency_challenge_received, 5)
            self.put("sufficiency_ruling_due", day, steps)
        if c.agreement_signed:
            self.agreement_review(c.agreement_signed)
        if c.hearing_dates:
            self.disclosure(c.hearing_dates[0])
        if c.knew_or_should_have_known:
            self.filing_deadline(c.knew_or_should_have_known)
        self.calendar_notes()

    def response_and_sufficiency(self, received: date) -> None:
        c = self.case
        if self.expedited:
            self.assume("expedited_no_sufficiency")  # 300.532(c)(1) lists only 300.508(a)-(c)
            return
        if c.filed_by == "parent":
            # 34 CFR 300.508(e)(1): the district answers a parent's complaint within 10 days
            day, steps = self.within("received", received, 10)
            self.put("district_response_due", day, steps)
        else:
            # 34 CFR 300.508(f): the parent answers a district's complaint within 10 days
            day, steps = self.within("received", received, 10)
            self.put("other_party_response_due", day, steps)
        # 34 CFR 300.508(d)(1): a sufficiency challenge within 15 days of receipt
        day, steps = self.within("received", received, 15)
        self.put("sufficiency_challenge_due", day, steps)
        if c.amended_complaint:
            self.assume("amended_restart")

    def restart_anchor(self, received: date) -> tuple[str, date, list[dict]]:
        """34 CFR 300.508(d)(4): an amended complaint starts the meeting and period clocks again."""
        if self.case.amended_complaint:
            return "amended_complaint", self.case.amended_complaint, [
                {"step": "restart", "field": "amended_complaint", "date": self.case.amended_complaint.isoformat(),
                 "citation": "34 CFR 300.508(d)(4)"}]
        return "received", received, []

    def restart_notes(self) -> None:
        """Warn about dated events that an amended complaint made stale (34 CFR 300.508(d)(4))."""
        c = self.case
        for name in ("waiver_signed", "meeting_held", "mediation_started", "no_agreement_possible"):
            if getattr(c, name) and c.since_restart(name) is None:
                self.warn("before_amended_complaint", name, date=getattr(c, name).isoformat(),
                          amended=c.amended_complaint.isoformat(), citation="34 CFR 300.508(d)(4)")

    def standard_track(self, received: date) -> None:
        c = self.case
        self.response_and_sufficiency(received)
        self.restart_notes()
        if c.filed_by == "district":
            self.district_filed_standard(received)
            return
        field, anchor, restart = self.restart_anchor(received)
        meeting_by = None
        if self.meeting_required:
            # 34 CFR 300.510(a)(1): meeting within 15 days of receiving the parent's complaint
            meeting_by, steps = self.within(field, anchor, 15)
            self.put("resolution_meeting_by", meeting_by, restart + steps)
        period_end, period_steps = self.within(field, anchor, 30)
        period_steps = restart + period_steps
        waiver = c.since_restart("waiver_signed")
        if not (waiver and waiver <= period_end):
            # 34 CFR 300.510(b)(1): the 30-day resolution period (a timely waiver replaces it, (c)(1))
            self.put("resolution_period_ends", period_end, period_steps)
        nonparticipation = c.parent_did_not_participate
        if nonparticipation and (waiver or c.mediation):
            # 300.510(b)(3) does not apply where the parties waived the process or chose mediation
            self.warn("nonparticipation_ignored", "parent_did_not_participate")
            nonparticipation = False
        held = c.since_restart("meeting_held")
        if meeting_by and not nonparticipation and (held is None or held > meeting_by):
            # 34 CFR 300.510(b)(5): no meeting within 15 days -> the parent may ask a hearing officer to step in
            day, steps = add_calendar_days(meeting_by, 1)
            reasons = [{"step": "start", "field": "resolution_meeting_by", "date": meeting_by.isoformat()}, *steps]
            if held:
                reasons.append({"step": "meeting_held_late", "date": held.isoformat()})
            self.put("intervention_available_from", day, reasons)
        if nonparticipation:
            # 34 CFR 300.510(b)(4): after documented efforts, dismissal may be requested when the period ends
            self.assume("dismissal_timing")
            day, steps = add_calendar_days(period_end, 1)
            self.put("dismissal_request_available_from", day,
                     [*period_steps, {"step": "period_ended", "date": period_end.isoformat()}, *steps])
        self.hearing_clock(period_end, period_steps, nonparticipation)

    def adjustment_event(self, period_end: date) -> tuple[str, date] | None:
        """The earliest 34 CFR 300.510(c) event that ends the resolution period early."""
        c = self.case
        events: list[tuple[date, str]] = []
        waiver, agreed_no = c.since_restart("waiver_signed"), c.since_restart("no_agreement_possible")
        if waiver and waiver <= period_end:
            events.append((waiver, "waiver_signed"))  # (c)(1)
        elif waiver:
            # (c) adjusts the 30-day period; once it has run out, the 45 days have already begun (b)(2)
            self.warn("waiver_after_period", "waiver_signed", date=c.waiver_signed.isoformat(),
                      period_end=period_end.isoformat(), citation="34 CFR 300.510(c)(1)")
        if agreed_no:
            started = [d for d in (c.since_restart("meeting_held"), c.since_restart("mediation_started"))
                       if d and d <= agreed_no]
            if not started:
                self.warn("no_agreement_before_meeting", "no_agreement_possible",
                          date=agreed_no.isoformat(), citation="34 CFR 300.510(c)(2)")
            elif agreed_no > period_end:
                self.warn("no_agreement_after_period", "no_agreement_possible",
                          date=agreed_no.isoformat(), period_end=period_end.isoformat(),
                          citation="34 CFR 300.510(c)(2)")
            else:
                events.append((agreed_no, "no_agreement_possible"))  # (c)(2)
        if c.mediation_withdrawn:
            events.append((c.mediation_withdrawn, "mediation_withdrawn"))  # (c)(3)
        if not events:
            return None
        day, kind = min(events)
        return kind, day

    def hearing_clock(self, period_end: date, period_steps: list[dict], nonparticipation: bool) -> None:
        """When the 45-day hearing timeline starts and when the decision is due (300.510(b)-(c), 300.515(a))."""
        c = self.case
        event = self.adjustment_event(period_end)
        citations = {"waiver_signed": "34 CFR 300.510(c)(1)", "no_agreement_possible": "34 CFR 300.510(c)(2)",
                     "mediation_withdrawn": "34 CFR 300.510(c)(3)"}
        if event:
            kind, event_day = event
            base = [{"step": "adjustment", "field": kind, "date": event_day.isoformat(), "citation": citations[kind]}]
            start_citation = citations[kind]
        elif c.mediation_continued:
            self.clock_waits("mediation_continues", "mediation_withdrawn", "34 CFR 300.510(c)(3)")
            return
        elif nonparticipation:
            self.clock_waits("parent_not_participating", "meeting_held", "34 CFR 300.510(b)(3)")
            return
        else:
            kind, event_day = "resolution_period_ends", period_end
            base = [*period_steps, {"step": "period_ended", "date": period_end.isoformat()}]
            start_citation = "34 CFR 300.510(b)(2)"
        # the 45-day timeline "starts the day after" the event (300.510(c)); C8
        start, steps = add_calendar_days(event_day, 1)
        self.put("hearing_timeline_starts", start, base + steps, citation=start_citation)
        decision, steps = add_calendar_days(event_day, 45)
        self.decision(decision, base + steps, None)

    def clock_waits(self, reason: str, waiting_for: str, citation: str) -> None:
        """No hearing start or decision date yet: the clock waits for an event that has not happened."""
        waiting = [{"step": "waiting_for", "field": waiting_for}]
        self.put("hearing_timeline_starts", None, waiting, citation=citation, not_computable_reason=reason)
        self.decision(None, waiting, reason)

    def decision(self, day: date | None, reasons: list[dict], not_computable: str | None) -> None:
        c = self.case
        if c.decision_extended_to:
            # 34 CFR 300.515(c): a hearing officer's specific extension replaces the computed date
            if day and c.decision_extended_to < day:
                self.warn("extension_earlier_than_decision", "decision_extended_to",
                          date=c.decision_extended_to.isoformat(), computed=day.isoformat(),
                          citation="34 CFR 300.515(c)")
            self.put("decision_due", c.decision_extended_to,
                     [{"step": "extension", "field": "decision_extended_to",
                       "date": c.decision_extended_to.isoformat(), "replaces": day.isoformat() if day else None,
                       "citation": "34 CFR 300.515(c)"}],
                     citation="34 CFR 300.515(c)")
            return
        self.put("decision_due", day, reasons, not_computable_reason=not_computable)

    def district_filed_standard(self, received: date) -> None:
        """A district's complaint has no resolution meeting or period; the 45 days are an estimate."""
        self.assume("district_filed_clock")
        for name in ("waiver_signed", "no_agreement_possible", "mediation_withdrawn", "parent_did_not_participate"):
            if name in self.case.given and getattr(self.case, name):
                self.warn("not_for_district_complaint", name)
        start, steps = add_calendar_days(received, 1)
        base = [{"step": "start", "field": "received", "date": received.isoformat()},
                {"step": "no_resolution_period", "citation": "34 CFR 300.510(a)(1)"}]
        self.put("hearing_timeline_starts", start, base + steps, citation="34 CFR 300.515(a)")
        decision, steps = add_calendar_days(received, 45)
        self.decision(decision, base + steps, None)

    def expedited_track(self, received: date) -> None:
        """Discipline hearings: 7-day meeting, 15-day window, school-day hearing and decision (300.532(c))."""
        c = self.case
        self.response_and_sufficiency(received)
        for name in ("no_agreement_possible", "mediation_withdrawn", "mediation_continued"):
            if getattr(c, name):
                self.warn("adjustment_not_for_expedited", name, citation="34 CFR 300.532(c)(4)")
        if c.filed_by == "district":
            self.assume("district_filed_expedited_meeting")
        else:
            field, anchor, restart = self.restart_anchor(received)
            if self.meeting_required:
                day, steps = self.within(field, anchor, 7)  # 300.532(c)(3)(i)
                self.put("resolution_meeting_by", day, restart + steps)
                self.assume("expedited_intervention")
            if not (c.waiver_signed or c.mediation):
                day, steps = self.within(field, anchor, 15)  # 300.532(c)(3)(ii)
                self.put("resolution_period_ends", day, restart + steps)
        self.school_days_note()
        filed = c.filed or received
        try:
            day, steps = add_school_days(filed, 20, self.calendar)  # 300.532(c)(2), C6
            self.assume("school_day_count")
            self.put("hearing_must_occur_by", day,
                     [{"step": "start", "field": "filed" if c.filed else "received", "date": filed.isoformat()},
                      *steps])
        except NoCountableDays:
            self.put("hearing_must_occur_by", None, [], not_computable_reason="no_school_days")
        if c.decision_extended_to:
            self.warn("extension_not_for_expedited", "decision_extended_to", citation="34 CFR 300.532(c)(2)")
        if c.hearing_dates:
            last = c.hearing_dates[-1]
            try:
                day, steps = add_school_days(last, 10, self.calendar)  # 300.532(c)(2), C6 (Fletcher)
                self.put("decision_due", day,
                         [{"step": "start", "field": "hearing_dates", "date": last.isoformat(),
                           "last_hearing_day": True}, *steps])
            except NoCountableDays:
                self.put("decision_due", None, [], not_computable_reason="no_school_days")
        else:
            self.put("decision_due", None, [{"step": "waiting_for", "field": "hearing_dates"}],
                     not_computable_reason="needs_hearing_dates")

    def school_days_note(self) -> None:
        if not self.case.non_school_days:
            self.assume("school_calendar_missing")

    def agreement_review(self, signed: date) -> None:
        """34 CFR 300.510(e): either side may void the agreement within 3 business days (C5)."""
        self.assume("business_day_count")
        day, steps = add_business_days(signed, 3, self.calendar)
        self.put("agreement_void_until", day,
                 [{"step": "start", "field": "agreement_signed", "date": signed.isoformat()}, *steps,
                  {"step": "written_notice_no_hour", "citation": "34 CFR 300.510(e)"}])
        c = self.case
        if (c.mediation or c.mediation_started) and not c.meeting_held:
            self.warn("mediation_agreement_no_review", "agreement_signed", citation="34 CFR 300.506(b)(6)")

    def disclosure(self, hearing: date) -> None:
        """34 CFR 300.512(b)(1): disclose evaluations at least 5 business days before the hearing (C7)."""
        self.assume("disclosure_count")
        day, steps = business_days_before(hearing, 5, self.calendar)
        self.put("disclosure_by", day,
                 [{"step": "start", "field": "hearing_dates", "date": hearing.isoformat(), "first_hearing_day": True},
                  *steps])

    def filing_deadline(self, knew: date) -> None:
        """34 CFR 300.507(a)(2), 300.511(e): two years, or the state's own limit."""
        self.assume("limitation_period")
        years, citation = 2, "34 CFR 300.507(a)(2); 300.511(e)"
        state_rule = self.calendar.state.rules.get("limitation_period") if self.calendar.state else None
        if state_rule:
            years, citation = int(state_rule["years"]), state_rule["citation"]
        try:
            day = knew.replace(year=knew.year + years)
        except ValueError:  # February 29 -> February 28
            day = date(knew.year + years, 2, 28)
            self.assume("leap_day_anniversary")
        self.put("filing_deadline", day,
                 [{"step": "start", "field": "knew_or_should_have_known", "date": knew.isoformat()},
                  {"step": "add_years", "years": years, "to": day.isoformat(), "citation": citation}],
                 citation=citation)

    def calendar_notes(self) -> None:
        """Say which holiday reading and data were used, and warn outside the years they cover."""
        c = self.case
        uses_business_days = any(d["counting"] != "calendar" or "on_non_business_day" in d
                                 for d in self.deadlines.values() if d["date"])
        if not uses_business_days:
            return
        if c.holidays is None:
            self.assume("holiday_observance", swapped=c.holiday_observance != OBSERVED)
            self.assume("state_holidays" if c.state else "no_state_holidays")
        for deadline_id, d in self.deadlines.items():
            if d["date"] and not self.calendar.covers(date.fromisoformat(d["date"])):
                cover = self.calendar.state.holidays_cover if self.calendar.state else None
                self.warn("outside_holiday_data", deadline_id, date=d["date"],
                          state=c.state, covered_years=list(cover) if cover else None)

