"""Load `content/<locale>/*.yml` strictly and resolve every cross-reference before anything is built.

Layout (so a translation or a state edition needs no code change):
- `content/<locale>/<kind>.yml`: one file per kind (see schema.FILES). A locale that lacks a file
  falls back to the English file, so a half-finished translation still builds.
- `content/<locale>/states/<XX>/<kind>.yml`: optional per-state overrides. Items are matched by their
  `id` (or `key`): an item with a known id replaces the federal one, a new id is added at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..engine import catalog
from ..engine.letters import letter_texts
from .citations import find_format, read_formats
from .errors import ContentError, Problem
from ..browser.definitions import widget_names
from .schema import CITATION, FILES, FR_CITATION, Checker, Citation, Record
from .strict_yaml import path_text, read_yaml

GLOSSARY_MARK = re.compile(r"\[\[([^\]|]+)(?:\|([^\]]+))?\]\]")
PAGE_LINK = re.compile(r"\]\(page:([^)#\s]+)(#[^)\s]*)?\)")
FALLBACK_LOCALE = "en"
from .safety import CODE_SPAN, outside_code  # noqa: E402,F401 (re-exported for generate.py)


@dataclass
class Content:
    """Checked content of one locale (and state), plain dicts as in the YAML files."""
    locale: str
    state: str | None
    data: dict  # kind -> parsed file
    files: list  # the files read, for `mkdocs serve` to watch
    citation_formats: list = field(default_factory=list)  # citations.CitationFormat, from sources.yml

    def __getitem__(self, kind: str):
        return self.data[kind]

    @property
    def pages(self) -> list[dict]:
        return self.data["pages"]["pages"]

    @property
    def terms(self) -> dict[str, dict]:
        return {t["key"]: t for t in self.data["glossary"]["terms"]}

    def label(self, key: str) -> str:
        return self.data["words"]["labels"].get(key, key)


def _label(path: Path, content_dir: Path) -> str:
    """A path as shown in messages: relative to the content folder's parent (e.g. content/en/pages.yml)."""
    try:
        return str(path.relative_to(content_dir.parent))
    except ValueError:
        return str(path)


def _item_id(item) -> str | None:
    return item.get("id") or item.get("key") if isinstance(item, dict) else None


def _merge(base, override):
    """Overlay a state file on the federal one: lists of items merge by id, other values replace."""
    if not isinstance(base, dict) or not isinstance(override, dict):
        return override
    out = dict(base)
    for key, value in override.items():
        old = out.get(key)
        if isinstance(old, list) and isinstance(value, list) and all(_item_id(i) for i in old + value):
            merged = {_item_id(i): i for i in old}
            merged.update({_item_id(i): i for i in value})
            out[key] = list(merged.values())
        elif isinstance(old, dict) and isinstance(value, dict):
            out[key] = {**old, **value}
        else:
            out[key] = value
    return out


def _partial(schema: Record) -> Record:
    return Record(schema.name, {}, {**schema.required, **schema.optional}, schema.statement)


def _check_file(path: Path, kind: str, content_dir: Path, partial: bool) -> tuple[object, Checker]:
    label = _label(path, content_dir)
    data, lines, problems = read_yaml(path.read_text(encoding="utf-8"), label)
    checker = Checker(label, lines)
    checker.problems.extend(problems)
    if not problems:
        schema = FILES[kind]
        checker.check(data, _partial(schema) if partial else schema, ())
    return data, checker


def _check_unique(data: dict, checker: Checker, kind: str) -> None:
    """Ids must be unique inside each list, or a reference could point at the wrong item."""
    def walk(value, path):
        if isinstance(value, list):
            seen: dict[str, int] = {}
            for i, item in enumerate(value):
                ident = _item_id(item)
                if isinstance(ident, str):
                    if ident in seen:
                        checker.fail(path + (i,), "a different id in each item of this list",
                                     f"id '{ident}' again (also item {seen[ident]})")
                    seen.setdefault(ident, i)
                walk(item, path + (i,))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, path + (key,))
    walk(data, ())


def load_content(content_dir: str | Path, locale: str = "en", state: str | None = None) -> Content:
    """Read and check every content file; raise ContentError listing every problem found."""
    content_dir = Path(content_dir)
    problems: list[Problem] = []
    checkers: list[Checker] = []
    data: dict = {}
    files: list[Path] = []
    if not (content_dir / locale).is_dir():
        raise ContentError([Problem(_label(content_dir / locale, content_dir), None, "",
                                    f"a folder of content files for the locale '{locale}'", "no such folder")])
    for kind in FILES:
        path = content_dir / locale / f"{kind}.yml"
        if not path.exists():
            path = content_dir / FALLBACK_LOCALE / f"{kind}.yml"
        if not path.exists():
            problems.append(Problem(_label(content_dir / locale / f"{kind}.yml", content_dir), None, "",
                                    f"a content file '{kind}.yml'", "no such file"))
            continue
        parsed, checker = _check_file(path, kind, content_dir, partial=False)
        if kind == "sources":
            sources_checker = checker
        files.append(path)
        checkers.append(checker)
        _check_unique(parsed, checker, kind)
        data[kind] = parsed
        if state:
            overlay = content_dir / locale / "states" / state.upper() / f"{kind}.yml"
            if overlay.exists():
                extra, extra_checker = _check_file(overlay, kind, content_dir, partial=True)
                files.append(overlay)
                checkers.append(extra_checker)
                data[kind] = _merge(parsed, extra)
    for checker in checkers:
        problems.extend(checker.problems)
    if problems:
        raise ContentError(problems)
    content = Content(locale, state, data, files)
    problems.extend(_citation_formats(content, content_dir, sources_checker))
    problems.extend(_resolve_references(content, checkers))
    if problems:
        raise ContentError(problems)
    return content


def _citation_formats(content: Content, content_dir: Path, checker: Checker) -> list[Problem]:
    """Read sources.yml's citation_formats into `content` (a translation without its own uses the English
    file's: a citation is written the same in every language); each mistake with its line."""
    entries = content["sources"].get("citation_formats")
    fallback = content_dir / FALLBACK_LOCALE / "sources.yml"
    if entries is None and content.locale != FALLBACK_LOCALE and fallback.exists():
        english, english_checker = _check_file(fallback, "sources", content_dir, partial=False)
        if not english_checker.problems:  # else the English build reports them
            content.citation_formats, _ = read_formats(english.get("citation_formats"))
        return []
    content.citation_formats, bad = read_formats(entries)
    return [Problem(checker.file, checker.line(("citation_formats", i, key)),
                    path_text(("citation_formats", i, key)), expected, found) for i, key, expected, found in bad]


def _resolve_references(content: Content, checkers: list[Checker]) -> list[Problem]:
    known = {
        "glossary": set(content.terms),
        "deadline": set(catalog.DEADLINE_IDS),
        "page": {p["id"] for p in content.pages},
        "source": {s["id"] for s in content["sources"]["other"]},
        "widget": set(widget_names()),  # the calculators listed in widgets/definitions.yml
    }
    sections = {r["section"] for r in content["sources"]["regulations"]}
    register = {s["citation"] for s in content["sources"]["other"] if s.get("citation")}
    out: list[Problem] = []

    def missing(checker, kind, key, path):
        choices = ", ".join(sorted(known[kind]))
        out.append(Problem(checker.file, checker.line(path), path_text(path),
                           f"the key of an existing {kind} ({choices})", f"'{key}', which does not exist"))

    for checker in checkers:
        for kind, key, path in checker.refs:
            if key not in known[kind]:
                missing(checker, kind, key, path)
        for text, path in checker.texts:
            text = " ".join(outside_code(text))
            for m in GLOSSARY_MARK.finditer(text):
                if m.group(1).strip() not in known["glossary"]:
                    missing(checker, "glossary", m.group(1), path)
            for m in PAGE_LINK.finditer(text):
                if m.group(1) not in known["page"]:
                    missing(checker, "page", m.group(1), path)
        for citation, path in checker.citations:
            if FR_CITATION.match(citation):
                if citation not in register:
                    out.append(Problem(checker.file, checker.line(path), path_text(path),
                                       "a Federal Register citation given as `citation:` of a source in sources.yml "
                                       f"under other ({', '.join(sorted(register)) or 'none yet'})",
                                       f"'{citation}', which no source has; add the source first"))
                continue
            cfr = CITATION.match(citation)
            if not cfr:
                if not find_format(citation, content.citation_formats):
                    declared = ", ".join(f"'{f.example}'" for f in content.citation_formats) or "none yet"
                    out.append(Problem(checker.file, checker.line(path), path_text(path),
                                       f"{Citation.expected}, or one in a format declared under citation_formats "
                                       f"in sources.yml ({declared})",
                                       f"'{citation}'; declare its format there (name, pattern, example, link) "
                                       "or correct the citation"))
                continue
            section = cfr.group(1)
            if section not in sections:
                out.append(Problem(checker.file, checker.line(path), path_text(path),
                                   f"a section listed in sources.yml under regulations ({', '.join(sorted(sections))})",
                                   f"'{citation}', whose section {section} is not listed"))
    out.extend(_check_comparison(content, checkers))
    out.extend(_check_letters(content, checkers))
    return out


CFR_IN_TEXT = re.compile(r"34 CFR 300\.\d+(?:\([a-z0-9]+\))*")


def _check_letters(content: Content, checkers: list[Checker]) -> list[Problem]:
    """Date words complete; each letter's `cites` and the citations written in its text agree."""
    checker = next((c for c in checkers if c.file.endswith("letters.yml")), None)
    file = checker.file if checker else "letters.yml"

    def problem(path, expected, found):
        return Problem(file, checker.line(path) if checker else None, path_text(path), expected, found)

    out = []
    data = content["letters"]
    for key, count in (("weekdays", 7), ("months", 12)):
        if len(data["dates"][key]) != count:
            out.append(problem(("dates", key), f"{count} names ({'Monday to Sunday' if count == 7 else 'January to December'})",
                               f"{len(data['dates'][key])} names"))
    fmt = data["dates"]["format"]
    if sorted(re.findall(r"\{(\w*)\}", fmt)) != ["day", "month", "weekday", "year"]:
        out.append(problem(("dates", "format"), "a date pattern with {weekday}, {month}, {day} and {year} once each, "
                           "e.g. '{weekday}, {month} {day}, {year}'", f"'{fmt}'"))
    for i, letter in enumerate(data["letters"]):
        written = {m.group(0) for text in letter_texts(letter) for m in CFR_IN_TEXT.finditer(text)}
        listed = set(letter["cites"])
        for citation in sorted(listed - written):
            if not FR_CITATION.match(citation) and not any(w.startswith(citation) for w in written):
                out.append(problem(("letters", i, "cites"), f"each citation under cites written in the letter's text "
                                   "(the reader must see the rule), or removed from cites",
                                   f"'{citation}' listed but not in the text"))
        for citation in sorted(written - listed):
            out.append(problem(("letters", i, "cites"), "every citation in the letter's text listed under cites "
                               "(so the Sources page is complete)", f"'{citation}' in the text but not listed"))
    return out


def _check_comparison(content: Content, checkers: list[Checker]) -> list[Problem]:
    """Every row of the comparison answers every column, and only those."""
    checker = next((c for c in checkers if c.file.endswith("comparison.yml")), None)
    columns = [c["id"] for c in content["comparison"]["columns"]]
    out = []
    for i, row in enumerate(content["comparison"]["rows"]):
        path = ("rows", i, "answers")
        if sorted(row["answers"]) != sorted(columns):
            out.append(Problem(checker.file if checker else "comparison.yml", checker.line(path) if checker else None,
                               path_text(path), "an answer for each column: " + ", ".join(columns),
                               "answers for " + ", ".join(row["answers"])))
    return out
