"""Fill a letter template with a family's own dates (standard library only, so it also runs in Pyodide).

The words of every letter are content (`content/<locale>/letters.yml`, compiled to a plain "letter
pack" by `site/letters.py`); this module only knows the placeholders and fills them:
- `{case.<date field>}`: a date from the case, e.g. `{case.agreement_signed}`;
- `{deadline.<id>}`: a date the engine computed, e.g. `{deadline.agreement_void_until}`;
- `{blank}`: a line to fill in by hand, for what only the family knows (names, the school).
Dates are written the way people read them ("Wednesday, April 1, 2026"), with the pack's words.
A letter asked for without the facts it needs fails with one error per missing field, never a
half-filled letter. Contract: DESIGN.md section 15.
"""

from __future__ import annotations

import re
from datetime import date

from . import compute
from .case import EXAMPLE_DATE, FIELD_BY_NAME, FIELDS, CaseError, FieldError
from .catalog import DEADLINE_IDS, info
from .words import Words

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
BLANK = "blank"
# The parts of a letter pack's `layout` (all optional words around the letter's own text).
TRACKS = FIELD_BY_NAME["track"].choices
# Dates a letter may name: the facts of a case that are dates (not the device's today).
DATE_FIELDS = tuple(f.name for f in FIELDS if f.type == "date" and f.kind == "fact")
LAYOUT_KEYS = ("date", "from", "to", "subject", "child", "closing", "sign_parent", "sign_school",
               "signature", "name", "sign_date")


def placeholder_problem(token: str) -> str | None:
    """Why `{token}` is not a placeholder this module can fill (None when it is fine)."""
    if token == BLANK:
        return None
    kind, _, name = token.partition(".")
    if kind == "case" and name in DATE_FIELDS:
        return None
    if kind == "deadline" and name in DEADLINE_IDS:
        return None
    if kind == "case":
        return f"'{{{token}}}': '{name}' is not a date field of a case ({', '.join(DATE_FIELDS)})"
    if kind == "deadline":
        return f"'{{{token}}}': '{name}' is not a deadline id ({', '.join(DEADLINE_IDS)})"
    return f"'{{{token}}}' is not a placeholder; use {{blank}}, {{case.<date field>}} or {{deadline.<id>}}"


def text_problems(text: str) -> list[str]:
    """Everything wrong with the placeholders of one text (unknown names, lone braces)."""
    problems = [p for p in (placeholder_problem(m.group(1)) for m in PLACEHOLDER.finditer(text)) if p]
    if "{" in PLACEHOLDER.sub("", text) or "}" in PLACEHOLDER.sub("", text):
        problems.append("a '{' or '}' that is not part of a placeholder like {blank}")
    return problems


def letter_texts(letter: dict) -> list[str]:
    return [letter["to"], letter["subject"], *letter["body"]]


def needs(letter: dict) -> dict:
    """The case facts a letter needs: {"fields": [...], "deadlines": [...]}, in order of first use."""
    fields: list[str] = []
    deadlines: list[str] = []
    for text in letter_texts(letter):
        for m in PLACEHOLDER.finditer(text):
            kind, _, name = m.group(1).partition(".")
            if kind == "case" and name not in fields:
                fields.append(name)
            elif kind == "deadline" and name not in deadlines:
                deadlines.append(name)
                anchor = info(name).anchor
                if anchor in DATE_FIELDS and anchor not in fields:
                    fields.append(anchor)
    return {"fields": fields, "deadlines": deadlines}


def format_date(iso: str, words: dict) -> str:
    """'2026-04-01' -> 'Wednesday, April 1, 2026' (with the pack's day and month names and order)."""
    d = date.fromisoformat(iso)
    return words["format"].format(weekday=words["weekdays"][d.weekday()], month=words["months"][d.month - 1],
                                  day=d.day, year=d.year)


class LetterError(ValueError):
    """The letter cannot be made for this case; `errors` are FieldErrors, as for a bad case."""

    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__("\n".join(e.message for e in errors))


def letter_ids(pack: dict) -> list[str]:
    return [letter["id"] for letter in pack["letters"]]


def find(pack: dict, letter_id) -> dict:
    for letter in pack["letters"]:
        if letter["id"] == letter_id:
            return letter
    names = ", ".join(letter_ids(pack))
    raise LetterError([FieldError("letter", "unknown_letter", {"letter": str(letter_id), "letters": letter_ids(pack)},
                                  f'letter: "{letter_id}" is not a letter here; use one of {names}')])


def _missing(letter: dict, result: dict, words: Words) -> list[FieldError]:
    wanted = needs(letter)
    errors: list[FieldError] = []
    given = result["case"]
    tracks = letter.get("tracks") or TRACKS
    if given["track"] not in tracks:
        return [FieldError("track", "letter_not_for_track", {"letter": letter["id"], "tracks": list(tracks)},
                           f'track: the letter "{letter["id"]}" states the rules of the {" and ".join(tracks)} '
                           f'track, and this case is on the {given["track"]} track')]
    for name in wanted["fields"]:
        if given.get(name) is None:
            errors.append(FieldError(name, "letter_needs_field", {"letter": letter["id"], "field": name},
                                     f'{name}: the letter "{letter["id"]}" needs this date ({words.field(name)}); add it '
                                     f'to the case, e.g. "{name}": "{EXAMPLE_DATE}"'))
    if errors:
        return errors
    for deadline_id in wanted["deadlines"]:
        entry = result["deadlines"].get(deadline_id)
        moot = entry.get("status") == "no_longer_applies" if entry else False
        if entry and entry.get("date") and not moot:
            continue
        if moot:  # the facts made the date moot (e.g. the meeting was held in time): no letter from it
            status = entry.get("status_reason") or {}
            reason = status.get("code")
            why = f" ({words.say('status_reasons', reason, **status.get('params', {}))})" if reason else ""
        else:
            reason = entry.get("not_computable_reason") if entry else None
            why = f" ({words.say('not_computable', reason)})" if reason else ""
        errors.append(FieldError(deadline_id, "letter_date_not_available",
                                 {"letter": letter["id"], "deadline": deadline_id, "reason": reason},
                                 f'{deadline_id}: the letter "{letter["id"]}" uses the date "{words.deadline(deadline_id)}", '
                                 f"and this case has no such date{why}; check the case (for example filed_by, "
                                 "waiver_signed, mediation or meeting_held)"))
    return errors


def _filler(result: dict, pack: dict):
    def fill(text: str) -> str:
        def one(m: re.Match) -> str:
            kind, _, name = m.group(1).partition(".")
            if kind == "case":
                return format_date(result["case"][name], pack["dates"])
            if kind == "deadline":
                return format_date(result["deadlines"][name]["date"], pack["dates"])
            return pack["blank"]
        return PLACEHOLDER.sub(one, text)
    return fill


def _blocks(letter: dict, pack: dict, f) -> list[list[str]]:
    """The letter laid out: heading lines, the child line, the body, then the signature block(s)."""
    layout = pack["layout"]
    blocks: list[list[str]] = [
        [f(layout["date"]), f(layout["from"]), f(layout["to"]) + " " + f(letter["to"]),
         f(layout["subject"]) + " " + f(letter["subject"])],
        [f(layout["child"])],
        *[[f(paragraph)] for paragraph in letter["body"]],
    ]
    if letter["signers"] == "both":
        for heading in ("sign_parent", "sign_school"):
            blocks.append([f(layout[heading]), f(layout["signature"]), f(layout["name"]), f(layout["sign_date"])])
    else:
        blocks.append([f(layout["closing"])])
        blocks.append([f(layout["signature"]), f(layout["name"])])
    return blocks


#: The organization's contacts the help line names, in this order (site/organization.py gives them).
HELP_CONTACTS = ("phone", "email", "site", "hours", "languages")


def help_line(pack: dict, words: Words) -> str | None:
    """'For help with this letter, contact <name>. Phone ...; email ...' when the pack carries the
    organization that publishes the guide (pack["organization"], plain data); None otherwise.
    Shown beside a letter, never inside it (the letter goes to the school)."""
    org = pack.get("organization")
    if not isinstance(org, dict) or not org.get("name"):
        return None
    parts = []
    for key in HELP_CONTACTS:
        value = org.get(key)
        if value:
            value = ", ".join(value) if isinstance(value, list) else str(value)
            parts.append(words.say("letter_help", key, **{key: value}))
    head = words.say("letter_help", "intro", name=str(org["name"]))
    return head + (" " + "; ".join(parts) + "." if parts else "")


def as_text(blocks: list[list[str]]) -> str:
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def preview(pack: dict, letter_id: str, words: Words | None = None) -> str:
    """The letter with no case: every date is a blank line followed by what goes there."""
    letter = find(pack, letter_id)
    words = words or Words(pack.get("locale", "en"))

    def f(text: str) -> str:
        def one(m: re.Match) -> str:
            kind, _, name = m.group(1).partition(".")
            if kind == "case":
                return f"{pack['blank']} ({words.field(name)})"
            if kind == "deadline":
                return f"{pack['blank']} ({words.deadline(name)})"
            return pack["blank"]
        return PLACEHOLDER.sub(one, text)
    return as_text(_blocks(letter, pack, f))


def fill(pack: dict, letter_id: str, raw_case) -> dict:
    """The letter `letter_id` filled for a case. Raises CaseError (bad case) or LetterError.

    Returns {"id", "title", "blocks": [[line, ...], ...], "text", "citations", "open_from", "open_until",
    "help"}: a block is a paragraph (or a group of short lines, like an address); `text` joins them;
    `help` is the line naming the organization to ask (None without one), not part of the letter.
    """
    letter = find(pack, letter_id)
    result = compute(raw_case)
    words = Words(pack.get("locale", "en"))
    errors = _missing(letter, result, words)
    if errors:
        raise LetterError(errors)
    blocks = _blocks(letter, pack, _filler(result, pack))

    def day(deadline_id):
        entry = result["deadlines"].get(deadline_id) if deadline_id else None
        return entry.get("date") if entry else None

    return {
        "id": letter["id"],
        "title": letter["title"],
        "blocks": blocks,
        "text": as_text(blocks),
        "citations": list(letter.get("cites", [])),
        "open_from": day(letter.get("open_from")),
        "open_until": day(letter.get("open_until")),
        "help": help_line(pack, words),
    }


def available(pack: dict, raw_case) -> list[dict]:
    """Which letters this case can fill now: [{"id", "title", "ready", "missing": [field, ...]}]."""
    result = compute(raw_case)
    words = Words(pack.get("locale", "en"))
    out = []
    for letter in pack["letters"]:
        missing = _missing(letter, result, words)
        out.append({"id": letter["id"], "title": letter["title"], "ready": not missing,
                    "missing": [e.field for e in missing]})
    return out


def respond(request: dict) -> dict:
    """The browser action (engine/api.py hands `{"action": "letter", ...}` here; DESIGN.md section 15).

    `{"action": "letter", "pack": {...}, "case": {...}}` -> `{"ok": true, "letters": [available(...)]}`
    `... "letter": "<id>"` -> `{"ok": true, "letter": fill(...)}`, plus `"docx_base64"` when `"format": "docx"`.
    """
    import base64

    from .docx_writer import docx_bytes

    pack = request.get("pack")
    if not isinstance(pack, dict) or not isinstance(pack.get("letters"), list):
        return {"ok": False, "errors": [{"field": "pack", "code": "bad_request", "params": {},
                                         "message": "pack: expected the letter pack the page embeds"}]}
    try:
        if request.get("letter") is None:
            return {"ok": True, "letters": available(pack, request.get("case", {}))}
        letter = fill(pack, request["letter"], request.get("case", {}))
    except (CaseError, LetterError) as err:
        return {"ok": False, "errors": [e.as_dict() for e in err.errors]}
    out = {"ok": True, "letter": letter}
    if request.get("format") == "docx":
        out["docx_base64"] = base64.b64encode(docx_bytes(letter["blocks"], letter["title"])).decode("ascii")
    return out
