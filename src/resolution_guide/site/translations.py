"""What each translation lacks and what needs review since English changed (DESIGN.md, "Languages").

Three kinds of word files are translated: the content (`content/<code>/<kind>.yml`), the
calculators' words (`browser/widgets/locales/<code>.yml`) and the engine's words
(`locales/<code>.json`). Each text is an *entry*, named by its key path (list items by their id:
`pages[home].title`). A translation records, per entry, a short fingerprint of the English text
it was made from, in one file per language, `content/<code>/translated-from.yml`, written by
`resolution-guide check --reviewed <code>` (translators never edit it by hand). When the English
text changes its fingerprint no longer matches: the entry *needs review*, like gettext's fuzzy flag.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..browser.paths import WIDGETS_DIR
from .schema import FILES
from .strict_yaml import read_yaml
from .wordfiles import META_KEYS, engine_words_file, read_word_file

FINGERPRINT_FILE = "translated-from.yml"
#: Values that are names, links or references, never words to translate. Citation formats are written
#: the same in every language: a translation uses the English ones (loader._citation_formats).
NOT_WORDS = {"id", "key", "file", "block", "widget", "cites", "deadline", "source", "url", "citation",
             "section", "page", "glossary", "advice", "locale", "fallback", "citation_formats"}


def fingerprint(text: str) -> str:
    """Eight hex digits of the English text's SHA-256: short to read, a change always shows."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def entries(data, path: str = "") -> dict[str, str]:
    """Every translatable text of a word file, by its key path."""
    out: dict[str, str] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            if key in NOT_WORDS or (not path and key in META_KEYS):
                continue
            out.update(entries(value, f"{path}.{key}" if path else str(key)))
    elif isinstance(data, list):
        if data and all(isinstance(v, str) for v in data):
            out[path] = "\n".join(data)  # a list of names (months) is one entry
        for i, item in enumerate(data):
            if isinstance(item, (dict, list)):
                ident = item.get("id") or item.get("key") if isinstance(item, dict) else None
                out.update(entries(item, f"{path}[{ident if isinstance(ident, str) else i}]"))
    elif isinstance(data, str) and data.strip():
        out[path] = data
    return out


@dataclass
class Source:
    """One word file of one language and its English original."""
    name: str  # the name in the fingerprint file and in messages, e.g. "content/pages.yml"
    english: Path
    translated: Path


def sources(code: str, content_dir: Path) -> list[Source]:
    out = [Source(f"content/{kind}.yml", content_dir / "en" / f"{kind}.yml", content_dir / code / f"{kind}.yml")
           for kind in FILES]
    out.append(Source("calculator words", WIDGETS_DIR / "locales" / "en.yml", WIDGETS_DIR / "locales" / f"{code}.yml"))
    out.append(Source("engine words", engine_words_file("en"), engine_words_file(code)))
    return out


def _read(path: Path):
    if path.suffix == ".yml" and path.parent.parent.name != "locales":
        data, _lines, problems = read_yaml(path.read_text(encoding="utf-8"), str(path))
        return None if problems else data
    return read_word_file(path)


@dataclass
class Report:
    """One language's state: entries missing, needing review, and translated without a fingerprint."""
    code: str
    missing: list[tuple[str, str]] = field(default_factory=list)  # (source, entry) or (source, "") for a whole file
    review: list[tuple[str, str, str]] = field(default_factory=list)  # (source, entry, English now)
    unrecorded: list[tuple[str, str]] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"{self.code}: {len(self.missing)} missing, {len(self.review)} to review (English changed), "
               f"{len(self.unrecorded)} without a fingerprint"]
        for source, entry in self.missing:
            out.append(f"  missing  {source} " + (entry or "(the whole file; the English one is used)"))
        for source, entry, now in self.review:
            short = now if len(now) <= 70 else now[:67] + "..."
            out.append(f"  review   {source} {entry}  (English now: {short!r})")
        if self.unrecorded:
            out.append(f"  {len(self.unrecorded)} translated entries have no fingerprint yet: once they are checked, "
                       f"run `resolution-guide check --reviewed {self.code}`")
        return out


def fingerprint_path(code: str, content_dir: Path) -> Path:
    return content_dir / code / FINGERPRINT_FILE


def read_fingerprints(code: str, content_dir: Path) -> dict:
    path = fingerprint_path(code, content_dir)
    if not path.is_file():
        return {}
    data, _lines, problems = read_yaml(path.read_text(encoding="utf-8"), str(path))
    return data if not problems and isinstance(data, dict) else {}


def report(code: str, content_dir: Path) -> Report:
    """Compare one language with English (the word files must already pass the strict reader)."""
    content_dir = Path(content_dir)
    recorded = read_fingerprints(code, content_dir)
    out = Report(code)
    for src in sources(code, content_dir):
        if not src.english.is_file():
            continue
        english = entries(_read(src.english))
        if not src.translated.is_file():
            out.missing.append((src.name, ""))
            continue
        translated = entries(_read(src.translated))
        marks = recorded.get(src.name) or {}
        for entry, text in english.items():
            if entry not in translated:
                out.missing.append((src.name, entry))
            elif entry not in marks:
                out.unrecorded.append((src.name, entry))
            elif marks[entry] != fingerprint(text):
                out.review.append((src.name, entry, text))
    return out


def record_reviewed(code: str, content_dir: Path) -> Path:
    """Write the fingerprint of the current English of every translated entry (after a review)."""
    content_dir = Path(content_dir)
    marks: dict = {}
    for src in sources(code, content_dir):
        if src.english.is_file() and src.translated.is_file():
            english = entries(_read(src.english))
            translated = entries(_read(src.translated))
            marks[src.name] = {e: fingerprint(t) for e, t in english.items() if e in translated}
    path = fingerprint_path(code, content_dir)
    head = ("# The English each translated entry was made from (a fingerprint of its text), written by\n"
            f"# `resolution-guide check --reviewed {code}`. Do not edit: when the English of an entry changes,\n"
            "# `resolution-guide check` lists it to review; after the review run that command again.\n")
    path.write_text(head + yaml.safe_dump(marks, allow_unicode=True, sort_keys=True, width=200), encoding="utf-8")
    return path


def translated_languages(content_dir: Path) -> list[str]:
    return sorted(p.name for p in Path(content_dir).iterdir() if p.is_dir() and p.name != "en")
