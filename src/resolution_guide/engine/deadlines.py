"""Every date of the resolution process for one case, each with its rule and its reasons.

The formulas are the rule book's table (section 12). Every number and citation of
a count comes from the rules data (engine/rules/federal.json, overridden by a state
pack's `rules`); this module only says which count applies when.
"""

from __future__ import annotations

from datetime import date

from .assumptions import assumption
from .calendars import OBSERVED, Calendar
from .case import FIELDS, Case
from .counting import (NoCountableDays, add_business_days, add_calendar_days, add_school_days,
                       business_days_before, last_business_day_on_or_before)
from .rules import Rule, on_track, parameter

# A date more than this far from today is probably a typo in the year (issue 9 item 11). The filing
# limit looks back two years (300.507(a)(2)), so a knew-or-should-have-known date may be that old.
FAR_FROM_TODAY_DAYS = 3 * 366

# The three 300.510(c) events that end the resolution period early (the 45 days start the day after).
ADJUSTMENTS = {"waiver_signed": "34 CFR 300.510(c)(1)", "no_agreement_possible": "34 CFR 300.510(c)(2)",
               "mediation_withdrawn": "34 CFR 300.510(c)(3)"}


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
        self.state_rules = calendar.state.rules if calendar.state else {}
        self.track_rules = on_track(case.track)
        self.scheduled_period_end: date | None = None  # day 30 (or 15), before any 300.510(c) event
        self.valid_continuation: date | None = None
        self.moot_reasons: dict[str, dict] = {}  # deadline id -> why the facts made it moot

    def rule(self, name: str) -> Rule:
        """The parameter in force for this case: the state's, the track's, else the standard one."""
        return parameter(name, self.case.track, self.state_rules)

    # -- recording -------------------------------------------------------------
    def assume(self, assumption_id: str, swapped: bool = False) -> None:
        self.assumptions.setdefault(assumption_id, assumption(assumption_id, swapped))

    def warn(self, code: str, field: str | None = None, **params) -> None:
        self.warnings.append({"code": code, "field": field, "params": params})

    def put(self, deadline_id: str, day: date | None, reasons: list[dict], *, counting: str | None = None,
            citation: str | None = None, not_computable_reason: str | None = None) -> None:
        rule = self.track_rules.get(deadline_id) or parameter(deadline_id)
        entry: dict = {
            "date": day.isoformat() if day else None,
            "counting": counting or rule.counting,
            "citation": citation or rule.citation,
            "reasons": reasons,
        }
        if day is None:
            entry["not_computable_reason"] = not_computable_reason
        elif entry["counting"] == "calendar" and not rule.is_starting_date:
            target, skipped = last_business_day_on_or_before(day, self.calendar)
            entry["on_non_business_day"] = target != day
            if target != day:
                entry["last_business_day_on_or_before"] = target.isoformat()
                entry["reasons"] = reasons + [{"step": "closed_day_no_roll_forward", "date": day.isoformat(),
                                               "last_business_day": target.isoformat(), "skipped": skipped}]
                self.assume("no_roll_forward")
        self.deadlines[deadline_id] = entry

    def moot(self, deadline_id: str, code: str, **params) -> None:
        """The facts made this date moot (issue 9): it stays in the result, marked, never shown as current."""
        self.moot_reasons.setdefault(deadline_id, {"code": code, "params": params})

    # -- counting helpers ------------------------------------------------------
    def within(self, anchor_field: str, anchor: date, name: str) -> tuple[date, list[dict]]:
        """'Within N days of receipt' (N from parameter `name`): day 0 is the day of receipt unless the
        case chose day 1 (C2)."""
        swapped = self.case.receipt_day == "day1"
        self.assume("receipt_day", swapped)
        days = self.rule(name).value
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
        if self.expedited and (c.received or c.hearing_dates):
            self.expedited_decision()  # from the hearing dates alone if need be (issue 9 item 9)
        if c.sufficiency_challenge_received and not self.expedited:
            # 34 CFR 300.508(d)(2): ruling within five days of the hearing officer's receipt
            day, steps = self.within("sufficiency_challenge_received", c.sufficiency_challenge_received,
                                     "sufficiency_ruling_due")
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
            day, steps = self.within("received", received, "district_response_due")
            self.put("district_response_due", day, steps)
        else:
            # 34 CFR 300.508(f): the parent answers a district's complaint within 10 days
            day, steps = self.within("received", received, "other_party_response_due")
            self.put("other_party_response_due", day, steps)
        # 34 CFR 300.508(d)(1): a sufficiency challenge within 15 days of receipt
        day, steps = self.within("received", received, "sufficiency_challenge_due")
        self.put("sufficiency_challenge_due", day, steps)
        if c.amended_complaint:
            self.assume("amended_restart")

    def restart_anchor(self, received: date) -> tuple[str, date, list[dict]]:
        """34 CFR 300.508(d)(4): an amended complaint starts the meeting and period clocks again."""
        if self.case.amended_complaint and not self.expedited:
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
            meeting_by, steps = self.within(field, anchor, "resolution_meeting_by")
            self.put("resolution_meeting_by", meeting_by, restart + steps)
        period_end, period_steps = self.within(field, anchor, "resolution_period_ends")
        period_steps = restart + period_steps
        self.scheduled_period_end = period_end
        waiver = c.since_restart("waiver_signed")
        nonparticipation = c.parent_did_not_participate
        if nonparticipation and (waiver or c.mediation):
            # 300.510(b)(3) does not apply where the parties waived the process or chose mediation
            self.warn("nonparticipation_ignored", "parent_did_not_participate")
            nonparticipation = False
        held = c.since_restart("meeting_held")
        if meeting_by and not nonparticipation:
            # 34 CFR 300.510(b)(5): no meeting within 15 days -> the parent may ask a hearing officer to step in
            day, steps = add_calendar_days(meeting_by, self.rule("intervention_available_from").value)
            reasons = [{"step": "start", "field": "resolution_meeting_by", "date": meeting_by.isoformat()}, *steps]
            if held and held > meeting_by:
                reasons.append({"step": "meeting_held_late", "date": held.isoformat()})
            self.put("intervention_available_from", day, reasons)
            if held and held <= meeting_by:
                self.moot("intervention_available_from", "meeting_held_in_time", date=held.isoformat())
        if nonparticipation:
            # 34 CFR 300.510(b)(4): after documented efforts, dismissal may be requested when the period ends
            self.assume("dismissal_timing")
            day, steps = add_calendar_days(period_end, self.rule("dismissal_request_available_from").value)
            self.put("dismissal_request_available_from", day,
                     [*period_steps, {"step": "period_ended", "date": period_end.isoformat()}, *steps])
            if held:
                # 300.510(b)(3): the meeting has now been held, so the parent took part (issue 9 item 2)
                self.moot("dismissal_request_available_from", "meeting_held", date=held.isoformat())
        self.hearing_clock(period_end, period_steps, nonparticipation)

    def continued_mediation(self, period_end: date) -> date | None:
        """The written agreement to continue mediation, if it counts under 34 CFR 300.510(c)(3): made at
        the end of the 30-day period, after mediation started. Otherwise a warning and None."""
        c = self.case
        continued = c.mediation_continued
        if not continued:
            return None
        started = c.since_restart("mediation_started")
        if started and continued < started:
            self.warn("mediation_continued_before_mediation", "mediation_continued", date=continued.isoformat(),
                      started=started.isoformat(), citation="34 CFR 300.510(c)(3)")
            return None
        if continued < period_end:
            self.warn("mediation_continued_before_period_end", "mediation_continued", date=continued.isoformat(),
                      period_end=period_end.isoformat(), citation="34 CFR 300.510(c)(3)")
            return None
        if continued > period_end:
            # the 45 days began the day after day 30 (300.510(b)(2)); a later agreement cannot stop them
            self.warn("mediation_continued_after_period", "mediation_continued", date=continued.isoformat(),
                      period_end=period_end.isoformat(), citation="34 CFR 300.510(c)(3)")
            return None
        self.assume("continued_mediation_day")
        return continued

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
        if self.valid_continuation and c.mediation_withdrawn:
            events.append((c.mediation_withdrawn, "mediation_withdrawn"))  # (c)(3)
        elif c.mediation_withdrawn and c.mediation_continued:
            self.warn("withdrawal_without_valid_continuation", "mediation_withdrawn",
                      date=c.mediation_withdrawn.isoformat(), citation="34 CFR 300.510(c)(3)")
        if not events:
            return None
        day, kind = min(events)
        return kind, day

    def hearing_clock(self, period_end: date, period_steps: list[dict], nonparticipation: bool) -> None:
        """The resolution period as it actually runs, when the 45-day hearing timeline starts and when the
        decision is due (300.510(b)-(c), 300.515(a)). Whenever both are dated, the timeline starts the day
        after the period ends."""
        c = self.case
        self.valid_continuation = self.continued_mediation(period_end)
        event = self.adjustment_event(period_end)
        scheduled = [*period_steps, {"step": "period_scheduled_end", "date": period_end.isoformat()}]
        if event:
            kind, event_day = event
            base = [*scheduled, {"step": "adjustment", "field": kind, "date": event_day.isoformat(),
                                 "citation": ADJUSTMENTS[kind]}]
            start_citation = ADJUSTMENTS[kind]
        elif self.valid_continuation:
            base = [*scheduled, {"step": "mediation_continued", "date": self.valid_continuation.isoformat(),
                                 "citation": ADJUSTMENTS["mediation_withdrawn"]}]
            self.clock_waits("mediation_continues", "mediation_withdrawn", ADJUSTMENTS["mediation_withdrawn"], base)
            return
        elif nonparticipation:
            held = c.since_restart("meeting_held")
            if held:
                self.assume("delayed_meeting")
                base = [*scheduled, {"step": "meeting_held_after_delay", "date": held.isoformat()}]
                self.clock_waits("delayed_meeting_held", None, "34 CFR 300.510(b)(3)", base)
            else:
                self.clock_waits("parent_not_participating", "meeting_held", "34 CFR 300.510(b)(3)", scheduled)
            return
        else:
            kind, event_day = "resolution_period_ends", period_end
            base = [*period_steps, {"step": "period_ended", "date": period_end.isoformat()}]
            start_citation = None
        if event:
            self.put("resolution_period_ends", event_day, base, citation=start_citation)
        else:
            self.put("resolution_period_ends", period_end, period_steps)
        # the 45-day timeline "starts the day after" the event (300.510(c)); C8
        start, steps = add_calendar_days(event_day, self.rule("hearing_timeline_starts").value)
        self.put("hearing_timeline_starts", start, base + steps, citation=start_citation)
        decision, steps = add_calendar_days(event_day, self.rule("decision_due").value)
        self.decision(decision, base + steps, None)

    def clock_waits(self, reason: str, waiting_for: str | None, citation: str, known: list[dict]) -> None:
        """No end of the period, hearing start or decision date yet: the clock waits for an event that has
        not happened, or the law gives no formula. What is known stays visible as reason steps."""
        waiting = [*known, {"step": "waiting_for", "field": waiting_for}] if waiting_for else list(known)
        self.put("resolution_period_ends", None, waiting, citation=citation, not_computable_reason=reason)
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
        estimate = self.rule("district_filed_decision_estimate")
        start, steps = add_calendar_days(received, self.rule("hearing_timeline_starts").value)
        base = [{"step": "start", "field": "received", "date": received.isoformat()},
                {"step": "no_resolution_period", "citation": "34 CFR 300.510(a)(1)"}]
        self.put("hearing_timeline_starts", start, base + steps, citation=estimate.reference)
        decision, steps = add_calendar_days(received, estimate.value)
        self.decision(decision, base + steps, None)

    def expedited_track(self, received: date) -> None:
        """Discipline hearings: 7-day meeting, 15-day window, school-day hearing and decision (300.532(c))."""
        c = self.case
        self.response_and_sufficiency(received)
        # 300.532(c)(2)-(3) set the expedited timeline in place of 300.510(b)-(c), and 300.532(c)(1) takes in
        # only 300.508(a)-(c), so these facts change no expedited date
        for name in ("no_agreement_possible", "mediation_withdrawn", "mediation_continued",
                     "parent_did_not_participate"):
            if getattr(c, name):
                self.warn("adjustment_not_for_expedited", name, citation="34 CFR 300.532(c)(2)-(3)")
        if c.amended_complaint:
            self.warn("amended_not_for_expedited", "amended_complaint", citation="34 CFR 300.532(c)(1)")
        if c.filed_by == "district":
            self.assume("district_filed_expedited_meeting")
        else:
            field, anchor, restart = self.restart_anchor(received)
            if self.meeting_required:
                day, steps = self.within(field, anchor, "resolution_meeting_by")  # 300.532(c)(3)(i)
                self.put("resolution_meeting_by", day, restart + steps)
                self.assume("expedited_intervention")
            if not (c.waiver_signed or c.mediation):
                day, steps = self.within(field, anchor, "resolution_period_ends")  # 300.532(c)(3)(ii)
                self.put("resolution_period_ends", day, restart + steps)
        self.school_days_note()
        filed = c.filed or received
        try:
            day, steps = add_school_days(filed, self.rule("hearing_must_occur_by").value, self.calendar)  # C6
            self.assume("school_day_count")
            self.put("hearing_must_occur_by", day,
                     [{"step": "start", "field": "filed" if c.filed else "received", "date": filed.isoformat()},
                      *steps])
        except NoCountableDays:
            self.put("hearing_must_occur_by", None, [], not_computable_reason="no_school_days")

    def expedited_decision(self) -> None:
        """300.532(c)(2): the decision within 10 school days after the hearing (C6, Fletcher: its last day)."""
        c = self.case
        if c.decision_extended_to:
            self.warn("extension_not_for_expedited", "decision_extended_to", citation="34 CFR 300.532(c)(2)")
        if c.hearing_dates:
            self.school_days_note()
            last = c.hearing_dates[-1]
            try:
                day, steps = add_school_days(last, self.rule("decision_due").value, self.calendar)  # C6, Fletcher
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
        else:  # issue 9 item 6: whether holidays not on the family's list still close the schools
            self.assume("school_calendar_holidays", swapped=self.case.school_holidays == "as_listed")

    def agreement_review(self, signed: date) -> None:
        """34 CFR 300.510(e): either side may void a resolution agreement within 3 business days (C5).

        A mediation agreement (mediation chosen, no resolution meeting held) has no such window:
        300.506(b)(6)-(7) make it binding when signed. An agreement signed after the 30-day period or not
        at the meeting gets the window under a stated reading (rule book question 16)."""
        c = self.case
        if (c.mediation or c.mediation_started) and not c.meeting_held:
            self.put("agreement_void_until", None,
                     [{"step": "start", "field": "agreement_signed", "date": signed.isoformat()},
                      {"step": "mediation_agreement_binding", "citation": "34 CFR 300.506(b)(6)-(7)"}],
                     citation="34 CFR 300.506(b)(6)-(7)", not_computable_reason="mediation_agreement")
        else:
            self.assume("business_day_count")
            day, steps = add_business_days(signed, self.rule("agreement_void_until").value, self.calendar)
            reasons = [{"step": "start", "field": "agreement_signed", "date": signed.isoformat()}, *steps,
                       {"step": "written_notice_no_hour", "citation": "34 CFR 300.510(e)"}]
            held = c.since_restart("meeting_held")
            late = self.scheduled_period_end and signed > self.scheduled_period_end
            if late or (held and signed != held):
                self.assume("agreement_outside_meeting")
                reasons.insert(1, {"step": "agreement_after_period" if late else "agreement_not_at_meeting",
                                   "date": signed.isoformat()})
            self.put("agreement_void_until", day, reasons)
        # while the agreement stands the dispute is settled: the hearing dates no longer apply
        for deadline_id in ("hearing_timeline_starts", "decision_due", "intervention_available_from",
                            "dismissal_request_available_from", "hearing_must_occur_by", "disclosure_by"):
            self.moot(deadline_id, "agreement_signed", date=signed.isoformat())

    def disclosure(self, hearing: date) -> None:
        """34 CFR 300.512(b)(1): disclose evaluations at least 5 business days before the hearing (C7)."""
        self.assume("disclosure_count")
        day, steps = business_days_before(hearing, self.rule("disclosure_by").value, self.calendar)
        self.put("disclosure_by", day,
                 [{"step": "start", "field": "hearing_dates", "date": hearing.isoformat(), "first_hearing_day": True},
                  *steps])

    def filing_deadline(self, knew: date) -> None:
        """34 CFR 300.507(a)(2), 300.511(e): two years, or the state's own limit (its pack's limitation_period)."""
        self.assume("limitation_period")
        rule = self.rule("limitation_period")
        years = rule.value
        try:
            day = knew.replace(year=knew.year + years)
        except ValueError:  # February 29 -> February 28
            day = date(knew.year + years, 2, 28)
            self.assume("leap_day_anniversary")
        self.put("filing_deadline", day,
                 [{"step": "start", "field": "knew_or_should_have_known", "date": knew.isoformat()},
                  {"step": "add_years", "years": years, "to": day.isoformat(), "citation": rule.reference}],
                 citation=rule.reference)

    def calendar_notes(self) -> None:
        """Say which holiday reading and data were used, and warn once outside the years they cover."""
        c = self.case
        year_typo = self.year_check()
        uses_business_days = any(d["counting"] != "calendar" or "on_non_business_day" in d
                                 for d in self.deadlines.values() if d["date"])
        if not uses_business_days:
            return
        if c.holidays is None:
            self.assume("holiday_observance", swapped=c.holiday_observance != OBSERVED)
            self.assume("state_holidays" if c.state else "no_state_holidays")
        outside = [k for k, d in self.deadlines.items()
                   if d["date"] and not self.calendar.covers(date.fromisoformat(d["date"]))]
        if outside and not year_typo:  # one warning for all of them, none if the year itself looks wrong
            cover = self.calendar.state.holidays_cover if self.calendar.state else None
            years = sorted({self.deadlines[k]["date"][:4] for k in outside})
            self.warn("outside_holiday_data", outside[0], date=self.deadlines[outside[0]]["date"],
                      deadlines=outside, years=", ".join(years), state=c.state,
                      covered_years=list(cover) if cover else None)

    def year_check(self) -> bool:
        """A date typed far from today (1926 for 2026) gets one warning naming its field, not one per date."""
        c = self.case
        if not c.today:
            return False
        far = []
        for spec in FIELDS:
            if spec.kind != "fact" or spec.type != "date" or not getattr(c, spec.attribute):
                continue
            value = getattr(c, spec.attribute)
            if abs((value - c.today).days) > FAR_FROM_TODAY_DAYS:
                far.append((spec.name, value))
        if far:
            name, value = far[0]
            self.warn("check_year", name, date=value.isoformat(), today=c.today.isoformat(),
                      fields=[n for n, _ in far])
        return bool(far)
