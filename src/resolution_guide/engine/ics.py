"""An RFC 5545 calendar of the dated deadlines: all-day events a family can import.

UIDs are derived from the deadline id and date, so exporting the same case twice
updates events in a calendar app instead of duplicating them.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

from .words import Words

PRODID = "-//Resolution Session Guide//Deadlines//EN"


def _escape(text: str) -> str:
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


def to_ics(result: dict, calendar_name: str | None = None, locale: str = "en") -> str:
    words = Words(locale)
    case_key = result.get("case", {}).get("received") or "case"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{_escape(calendar_name or 'Resolution process dates')}"]
    # DTSTAMP must be UTC date-time; derived from the case, not the clock, so output is reproducible
    stamp = (result.get("case", {}).get("received") or "2000-01-01").replace("-", "") + "T000000Z"
    for deadline_id, d in result.get("deadlines", {}).items():
        if not d.get("date"):
            continue
        day = date.fromisoformat(d["date"])
        uid = hashlib.sha256(f"{case_key}|{deadline_id}".encode()).hexdigest()[:24]
        description = [f"{d['citation']}."] + [words.step(s) for s in d.get("reasons", [])
                                                if s.get("step") not in ("count_day",)]
        if d.get("last_business_day_on_or_before"):
            description.append(f"Last business day on or before: {d['last_business_day_on_or_before']}.")
        lines += ["BEGIN:VEVENT",
                  f"UID:{uid}-{deadline_id}@resolution-guide",
                  f"DTSTAMP:{stamp}",
                  f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
                  f"DTEND;VALUE=DATE:{(day + timedelta(days=1)).strftime('%Y%m%d')}",
                  f"SUMMARY:{_escape(words.deadline(deadline_id))}",
                  f"DESCRIPTION:{_escape(chr(10).join(description))}",
                  "TRANSP:TRANSPARENT",
                  "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
