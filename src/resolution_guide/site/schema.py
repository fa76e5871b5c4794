"""The shape of every content file, as data: a small set of types checked by `check`.

Each content file kind (`pages.yml`, `glossary.yml`, ...) has one `Record` here. Adding a key to
content means adding it here first; unknown keys are errors so a typo never silently drops text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..engine.letters import LAYOUT_KEYS, TRACKS, text_problems
from . import safety
from .errors import Problem
from .strict_yaml import path_text

CITATION = re.compile(r"^34 CFR (300\.\d+)((?:\([a-z0-9]+\))*)$")
# The Department's explanations published with the rules (e.g. the 2006 comments): volume FR page.
FR_CITATION = re.compile(r"^(\d+) FR (\d+)$")
KEY = re.compile(r"^[a-z][a-z0-9_-]*$")
SCHOOL_YEAR = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class Text:
    """Plain or Markdown text; may hold [[glossary_key]] and (page:id) references."""
    markup: bool = True
    expected = "text"


@dataclass(frozen=True)
class LetterText:
    """Letter text: plain words with placeholders ({blank}, {case.<field>}, {deadline.<id>})."""
    expected = "letter text (placeholders: {blank}, {case.<date field>}, {deadline.<deadline id>})"


@dataclass(frozen=True)
class PageFile:
    """A page's file name: relative, .md, inside the site folder (safety.FILE_EXPECTED)."""
    expected = safety.FILE_EXPECTED


@dataclass(frozen=True)
class Url:
    """A web address a page links to: https or http only (safety.URL_EXPECTED)."""
    expected = safety.URL_EXPECTED


@dataclass(frozen=True)
class Key:
    expected = "a key (lower-case letters, digits, _ or -, e.g. meeting_deadline)"


@dataclass(frozen=True)
class Bool:
    expected = "true or false"


@dataclass(frozen=True)
class Int:
    expected = "a whole number"


@dataclass(frozen=True)
class Citation:
    expected = "a citation like '34 CFR 300.510(e)' (or '71 FR 46540' for a source listed in sources.yml)"


@dataclass(frozen=True)
class SchoolYear:
    expected = "a school year like '2014-15'"


@dataclass(frozen=True)
class Ref:
    """A reference to something that must exist: 'glossary', 'deadline', 'page', 'source', 'widget'."""
    kind: str

    @property
    def expected(self) -> str:
        return f"the key of an existing {self.kind}"


@dataclass(frozen=True)
class OneOf:
    choices: tuple

    @property
    def expected(self) -> str:
        return "one of " + ", ".join(repr(c) for c in self.choices)


@dataclass(frozen=True)
class ListOf:
    item: object
    min_items: int = 0

    @property
    def expected(self) -> str:
        return "a list" + (f" with at least {self.min_items} item(s)" if self.min_items else "")


@dataclass(frozen=True)
class MapOf:
    value: object
    expected = "a mapping"


@dataclass(frozen=True)
class Record:
    """A mapping with known keys. `statement=True`: text that states law needs `cites` (or `advice: true`)."""
    name: str
    required: dict = field(default_factory=dict)
    optional: dict = field(default_factory=dict)
    statement: bool = False

    @property
    def expected(self) -> str:
        return f"a mapping ({self.name})"


CITES = ListOf(Citation(), min_items=1)
STATEMENT_KEYS = {"cites": CITES, "advice": Bool()}


def statement(name: str, required: dict, optional: dict | None = None) -> Record:
    return Record(name, required, {**(optional or {}), **STATEMENT_KEYS}, statement=True)


SECTION = statement("page section", {}, {
    "id": Key(), "heading": Text(markup=False), "text": Text(), "block": OneOf((
        "takeaways", "exceptions", "attendees", "timeline", "glossary", "sources", "comparison",
        "checklist", "statistics", "faq", "page_list", "letters", "organization")),
    "widget": Ref("widget"),
})

FILES: dict[str, Record] = {
    "words": Record("words", {"labels": MapOf(Text(markup=False))}),
    "pages": Record("pages", {"pages": ListOf(Record("page", {
        "id": Key(), "file": PageFile(), "title": Text(markup=False), "summary": Text(markup=False),
        "sections": ListOf(SECTION, min_items=1)}, {"nav_title": Text(markup=False),
                                                      "reference": Bool()}), min_items=1)}),
    "takeaways": Record("takeaways", {"takeaways": ListOf(statement("takeaway", {"id": Key(), "text": Text()}))}),
    "exceptions": Record("exceptions", {"exceptions": ListOf(statement("exception", {
        "id": Key(), "title": Text(markup=False), "text": Text()}))}),
    "attendees": Record("attendees", {"attendees": ListOf(statement("attendee", {
        "id": Key(), "who": Text(markup=False), "status": OneOf(("must", "may", "only_if")), "text": Text()}))}),
    "timeline": Record("timeline", {
        "anchors": MapOf(Text(markup=False)),
        "tracks": ListOf(Record("track", {
            "id": OneOf(("standard", "expedited")), "title": Text(markup=False), "summary": Text(),
            "steps": ListOf(statement("timeline step", {"id": Key(), "title": Text(markup=False), "text": Text()}, {
                "deadline": Ref("deadline"), "term": Ref("glossary"), "day": Int()}), min_items=1)}), min_items=1)}),
    "glossary": Record("glossary", {"terms": ListOf(statement("glossary term", {
        "key": Key(), "term": Text(markup=False), "short": Text(markup=False), "text": Text()},
        {"also": ListOf(Text(markup=False))}))}),
    "sources": Record("sources", {
        "regulations": ListOf(Record("regulation", {
            "section": Text(markup=False), "title": Text(markup=False), "summary": Text()})),
        "other": ListOf(Record("other source", {
            "id": Key(), "title": Text(markup=False), "publisher": Text(markup=False), "url": Url(),
            "summary": Text()}, {"citation": Citation()}))}, {
        # state law and other citations beyond 34 CFR: citations.py
        "citation_formats": ListOf(Record("citation format", {
            "name": Text(markup=False), "pattern": Text(markup=False), "example": Text(markup=False),
            "link": Url()}))}),
    "comparison": Record("comparison", {
        "columns": ListOf(Record("column", {"id": Key(), "title": Text(markup=False)}), min_items=2),
        "rows": ListOf(Record("row", {"id": Key(), "question": Text(markup=False),
                                      "answers": MapOf(statement("answer", {"text": Text()}))}))}),
    "checklist": Record("checklist", {"groups": ListOf(Record("group", {
        "id": Key(), "title": Text(markup=False),
        "items": ListOf(statement("checklist item", {"id": Key(), "text": Text()}), min_items=1)}))}),
    "statistics": Record("statistics", {"statistics": ListOf(Record("statistic", {
        "id": Key(), "text": Text(), "school_years": ListOf(SchoolYear(), min_items=1), "source": Ref("source")}))}),
    "faq": Record("faq", {"questions": ListOf(statement("question", {
        "id": Key(), "question": Text(markup=False), "answer": Text()}))}),
    "letters": Record("letters", {
        "dates": Record("date words", {"weekdays": ListOf(Text(markup=False), min_items=7),
                                       "months": ListOf(Text(markup=False), min_items=12),
                                       "format": Text(markup=False)}),
        "blank": Text(markup=False),
        "layout": Record("letter layout", {key: LetterText() for key in LAYOUT_KEYS}),
        "letters": ListOf(Record("letter", {
            "id": Key(), "title": Text(markup=False), "purpose": Text(), "signers": OneOf(("parent", "both")),
            "to": LetterText(), "subject": LetterText(), "body": ListOf(LetterText(), min_items=1),
            "cites": CITES}, {"tips": ListOf(Text()), "open_from": Ref("deadline"), "open_until": Ref("deadline"),
                              "tracks": ListOf(OneOf(TRACKS), min_items=1)}),
            min_items=1)}),
}


def _did_you_mean(key: str, known) -> str:
    import difflib

    close = difflib.get_close_matches(str(key), list(known), n=1, cutoff=0.6)
    return f"; did you mean {close[0]}?" if close else ""


def _describe(value) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        short = value if len(value) <= 60 else value[:57] + "..."
        return f"'{short}'"
    if isinstance(value, list):
        return f"a list of {len(value)} item(s)"
    if isinstance(value, dict):
        return "a mapping with keys " + ", ".join(list(value)[:5])
    return type(value).__name__


class Checker:
    """Walks data against a schema, collecting problems and the references to resolve later."""

    def __init__(self, file_label: str, lines: dict):
        self.file = file_label
        self.lines = lines
        self.problems: list[Problem] = []
        self.refs: list[tuple[str, str, tuple]] = []  # (kind, key, path)
        self.texts: list[tuple[str, tuple]] = []  # markup texts, scanned for [[term]] and (page:id)
        self.citations: list[tuple[str, tuple]] = []

    def line(self, path: tuple) -> int | None:
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)

    def fail(self, path: tuple, expected: str, found: str) -> None:
        self.problems.append(Problem(self.file, self.line(path), path_text(path), expected, found))

    def check(self, value, schema, path: tuple) -> None:
        if isinstance(schema, Record):
            return self._record(value, schema, path)
        if isinstance(schema, ListOf):
            if not isinstance(value, list) or len(value) < schema.min_items:
                return self.fail(path, schema.expected, _describe(value))
            for i, item in enumerate(value):
                self.check(item, schema.item, path + (i,))
            return
        if isinstance(schema, MapOf):
            if not isinstance(value, dict):
                return self.fail(path, schema.expected, _describe(value))
            for key, item in value.items():
                self.check(item, schema.value, path + (key,))
            return
        if isinstance(schema, Bool):
            if not isinstance(value, bool):
                self.fail(path, schema.expected, _describe(value))
            return
        if isinstance(schema, Int):
            if not isinstance(value, int) or isinstance(value, bool):
                self.fail(path, schema.expected, _describe(value))
            return
        if isinstance(schema, OneOf):
            if value not in schema.choices:
                self.fail(path, schema.expected, _describe(value))
            return
        if not isinstance(value, str) or not value.strip():
            return self.fail(path, schema.expected, _describe(value))
        if isinstance(schema, Text):
            for problem in safety.text_problems(value, schema.markup):
                self.fail(path, "content text without HTML, attribute lists or unsafe links", problem)
            if schema.markup:
                self.texts.append((value, path))
        elif isinstance(schema, PageFile):
            if not safety.file_ok(value):
                self.fail(path, schema.expected, _describe(value))
        elif isinstance(schema, Url):
            if not safety.url_ok(value):
                self.fail(path, schema.expected, _describe(value))
        elif isinstance(schema, Key) and not KEY.match(value):
            self.fail(path, schema.expected, _describe(value))
        elif isinstance(schema, LetterText):
            for problem in text_problems(value):
                self.fail(path, schema.expected, problem)
        elif isinstance(schema, Citation):  # checked once sources.yml (and its citation_formats) is read
            self.citations.append((value, path))
        elif isinstance(schema, SchoolYear):
            m = SCHOOL_YEAR.match(value)
            if not m or (int(m.group(1)) + 1) % 100 != int(m.group(2)):
                self.fail(path, schema.expected, _describe(value))
        elif isinstance(schema, Ref):
            self.refs.append((schema.kind, value, path))

    def _record(self, value, schema: Record, path: tuple) -> None:
        if not isinstance(value, dict):
            return self.fail(path, schema.expected, _describe(value))
        known = {**schema.required, **schema.optional}
        for key in value:
            if key not in known:
                self.fail(path + (key,), f"one of the keys of a {schema.name}: " + ", ".join(known),
                          f"unknown key '{key}'{_did_you_mean(key, known)}")
        for key in schema.required:
            if key not in value:
                self.fail(path, f"the key '{key}' in this {schema.name}", "it is missing")
        for key, item in value.items():
            if key in known:
                self.check(item, known[key], path + (key,))
        has_text = value.get("text", value.get("answer"))
        # a timeline step citing a deadline id takes its citation from the engine's catalog
        if schema.statement and has_text and not value.get("cites") and not value.get("deadline") \
                and value.get("advice") is not True:
            self.fail(path, "a citation for this statement of law: add `cites: ['34 CFR 300.xxx']`, "
                            "or `advice: true` if it is advice rather than law",
                      "a statement of law without a citation")
