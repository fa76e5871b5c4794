"""The `--format text` report: the same result as the JSON, laid out for a person to read."""

from __future__ import annotations

from datetime import date

from .engine.words import Words


def _day(iso: str | None) -> str:
    if not iso:
        return "no date"
    d = date.fromisoformat(iso)
    return f"{d:%a} {iso}"


def to_text(result: dict, locale: str = "en") -> str:
    w = Words(locale)
    out: list[str] = []
    required = result["resolution_meeting_required"]
    out.append(w.say("answers", "true" if required else "false"))
    for r in result["resolution_meeting_reasons"]:
        out.append("  - " + w.say("meeting_reasons", r["code"], citation=r["citation"]))
    out.append("")
    rows = [(_day(d["date"]), d["counting"], d["citation"], w.deadline(k)) for k, d in result["deadlines"].items()]
    if rows:
        header = ("Date", "Counting", "Rule", "Deadline")
        widths = [max(len(r[i]) for r in rows + [header]) for i in range(3)]
        for row in [header, tuple("-" * n for n in widths) + ("-" * 8,), *rows]:
            out.append("  ".join(c.ljust(widths[i]) for i, c in enumerate(row[:3])) + "  " + row[3])
        out.append("")
        out.append("Why each date:")
        for key, d in result["deadlines"].items():
            out.append(f"* {w.deadline(key)}: {_day(d['date'])} ({d['citation']})")
            if d.get("not_computable_reason"):
                out.append("    " + w.say("not_computable", d["not_computable_reason"]))
            for step in d["reasons"]:
                out.append("    " + w.step(step))
    else:
        out.append("No dates: enter at least the date the complaint was received.")
    if result["assumptions"]:
        out.append("")
        out.append("Assumptions (where the law is not clear, this is the reading used):")
        for a in result["assumptions"]:
            title, reading, alternative = w.assumption(a)
            out.append(f"* {title} [{a['citation']}]: {reading} Other reading: {alternative}")
    if result["warnings"]:
        out.append("")
        out.append("Warnings:")
        for warning in result["warnings"]:
            out.append("* " + w.warning(warning))
    return "\n".join(out) + "\n"
