"""An RFC 5545 calendar of the dated deadlines: all-day events a family can import.

UIDs are derived from the deadline id and date, so exporting the same case twice
updates events in a calendar app instead of duplicating them.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

from .render import render_result
from .words import Words

PRODID = "-//Resolution Session Guide//Deadlines//EN"


def _escape(text: str) -> str:
    # RFC 5545 3.3.11: a bare CR or LF would end the line and start a property of the reader's choosing
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    out, current = [], ""
    for ch in line:
        limit = 75 if not out else 74
        if len((current + ch).encode("utf-8")) > limit:
            out.append(current)
            current = ch
        else:
            current += ch
    out.append(current)
    return [out[0]] + [" " + part for part in out[1:]]


# Reminders: two days before at 9:00 and on the morning itself at 9:00 (all-day events start at
# midnight local time, so the triggers are relative to that).
REMINDERS = (("-P1DT15H", "two_days_before"), ("PT9H", "on_the_day"))


def event_description(t: dict, citation: str, words: Words) -> str:
    """The plain words of the results for one date: status, closed-day advice, the reasons, the rule."""
    lines = [t["date"]] if t.get("date") else []
    lines += [x for x in (t.get("status"), t.get("closed_day")) if x]
    lines += t.get("reasons", [])
    lines.append(words.say("ics", "rule", citation=citation))
    return "\n".join(lines)


def to_ics(result: dict, calendar_name: str | None = None, locale: str = "en") -> str:
    words = Words(locale)
    text = render_result(result, locale)
    lang = words.say("_meta", "locale") if words.get("_meta", "locale") else locale
    case_key = result.get("case", {}).get("received") or "case"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{_escape(calendar_name or words.say('ics', 'calendar_name'))}"]
    # DTSTAMP must be UTC date-time; derived from the case, not the clock, so output is reproducible
    stamp = (result.get("case", {}).get("received") or "2000-01-01").replace("-", "") + "T000000Z"
    for deadline_id in text["order"]:
        d = result["deadlines"][deadline_id]
        if not d.get("date") or d.get("status") == "no_longer_applies":
            continue
        t = text["deadlines"][deadline_id]
        day = date.fromisoformat(d["date"])
        uid = hashlib.sha256(f"{case_key}|{deadline_id}".encode()).hexdigest()[:24]
        lines += ["BEGIN:VEVENT",
                  f"UID:{uid}-{deadline_id}@resolution-guide",
                  f"DTSTAMP:{stamp}",
                  f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
                  f"DTEND;VALUE=DATE:{(day + timedelta(days=1)).strftime('%Y%m%d')}",
                  f"SUMMARY;LANGUAGE={lang}:{_escape(t['name'])}",
                  f"DESCRIPTION;LANGUAGE={lang}:{_escape(event_description(t, d['citation'], words))}",
                  "TRANSP:TRANSPARENT"]
        for trigger, key in REMINDERS:
            lines += ["BEGIN:VALARM", "ACTION:DISPLAY", f"TRIGGER:{trigger}",
                      f"DESCRIPTION:{_escape(words.say('ics', key, name=t['name'], date=t['date']))}",
                      "END:VALARM"]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
