"""The `--format text` report: the same result as the JSON, laid out for a person to read.

Every sentence comes from the engine's one renderer (engine/render.py), so the command
line, the calendar file and the browser say the same thing.
"""

from __future__ import annotations

from datetime import date

from .engine.render import render_result
from .engine.words import Words


def _iso_day(iso: str | None, words: Words) -> str:
    """A sortable column: "Wed 2026-04-01" (weekday name from the locale file)."""
    if not iso:
        return words.say("dates", "no_date")
    weekdays = words.get_list("dates", "weekdays_short") or ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    return f"{weekdays[date.fromisoformat(iso).weekday()]} {iso}"


def to_text(result: dict, locale: str = "en") -> str:
    w = Words(locale)
    text = render_result(result, locale)
    say = lambda *keys, **p: w.say("report", *keys, **p)  # noqa: E731
    out: list[str] = []
    if text["meeting_required"]["answer"]:
        out.append(text["meeting_required"]["answer"])
    for reason in text["meeting_required"]["reasons"]:
        out.append("  - " + reason)
    out.append("")
    deadlines = result["deadlines"]
    order = text["order"]
    rows = [(_iso_day(deadlines[k]["date"], w), text["deadlines"][k]["counting"], deadlines[k]["citation"],
             text["deadlines"][k]["name"] + _when(text["deadlines"][k], deadlines[k].get("status")))
            for k in order]
    if rows:
        header = (say("date"), say("counting"), say("rule"), say("deadline"))
        widths = [max(len(r[i]) for r in rows + [header]) for i in range(3)]
        for row in [header, tuple("-" * n for n in widths) + ("-" * 8,), *rows]:
            out.append("  ".join(c.ljust(widths[i]) for i, c in enumerate(row[:3])) + "  " + row[3])
        out.append("")
        if text["next_steps"]:
            out.append(say("next_steps"))
            for step in text["next_steps"]:
                when = f"{step['date']} ({step['days_left']}): " if step["date"] and step["days_left"] else \
                    (f"{step['date']}: " if step["date"] else "")
                out.append(f"* {when}{step['text']}")
            out.append("")
        out.append(say("why"))
        for key in order:
            d, t = deadlines[key], text["deadlines"][key]
            out.append(f"* {t['name']}: {t['date'] or w.say('dates', 'no_date')} ({d['citation']})")
            for line in (t["status"], t["not_computable"], t["closed_day"]):
                if line:
                    out.append("    " + line)
            for step in t["reasons"]:
                out.append("    " + step)
    else:
        out.append(say("empty"))
    if text["assumptions"]:
        out.append("")
        out.append(say("assumptions"))
        for a in text["assumptions"]:
            out.append(f"* {a['title']} [{a['citation']}]: {a['reading']} {say('other_reading')} {a['alternative']}")
    if text["warnings"]:
        out.append("")
        out.append(say("warnings"))
        for warning in text["warnings"]:
            out.append("* " + warning["text"])
    return "\n".join(out) + "\n"


def _when(t: dict, status: str | None) -> str:
    """" (in 3 days)" after a deadline's name in the table when today is known; a met or moot date says so."""
    if t.get("days_left") and status not in ("met", "no_longer_applies"):
        return f" ({t['days_left']})"
    return f" ({t['status'].split(':')[0]})" if t.get("status") else ""
