"""Citation formats beyond 34 CFR, declared in sources.yml, so state content can cite its own law.

Why templates and not regular expressions: a volunteer writes the citation as it is printed, with the
changing parts in braces (`8 NYCRR {section}`), and the link with the same parts
(`https://.../8-NYCRR-{section}`). A part is a section number (letters, digits, `.`, `-`, `/`); paragraph
designations right after a part (`(j)(2)`, `(1)(a)1.`) are allowed and stay out of the link, because the
state sites link sections, not paragraphs. Two parts may be split by a literal character
(`19 TAC {chapter}.{rule}`) when the link needs them apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .safety import url_ok

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
PART_NAME = re.compile(r"^[a-z][a-z_]*$")
PART = r"[0-9A-Za-z][0-9A-Za-z.\-/]*?"
TAIL = r"(?:(?:\([0-9A-Za-z]+\))+(?:[0-9]+\.?)?)?"  # (j)(2), (1)(a)1.


@dataclass(frozen=True)
class CitationFormat:
    name: str
    pattern: str
    example: str
    link: str
    regex: re.Pattern

    def parts(self, citation: str) -> dict | None:
        m = self.regex.fullmatch(citation)
        return m.groupdict() if m else None

    def url(self, citation: str) -> str:
        parts = self.parts(citation)
        return PLACEHOLDER.sub(lambda m: parts[m.group(1)], self.link) if parts is not None else ""


def _regex(pattern: str) -> re.Pattern:
    out, at = "", 0
    for m in PLACEHOLDER.finditer(pattern):
        out += re.escape(pattern[at:m.start()]) + f"(?P<{m.group(1)}>{PART}){TAIL}"
        at = m.end()
    return re.compile(out + re.escape(pattern[at:]))


def read_formats(entries) -> tuple[list[CitationFormat], list[tuple[int, str, str, str]]]:
    """The usable formats, and the problems as (index, key, expected, found) for the loader to place."""
    formats: list[CitationFormat] = []
    problems: list[tuple[int, str, str, str]] = []
    for i, entry in enumerate(entries or []):
        pattern, link, example = entry["pattern"], entry["link"], entry["example"]
        names = PLACEHOLDER.findall(pattern)
        bad = [n for n in names if not PART_NAME.match(n)]
        if not names or bad or len(set(names)) != len(names):
            problems.append((i, "pattern", "the citation as printed with each changing part in braces and a "
                             "different lower-case name, e.g. '8 NYCRR {section}'",
                             f"'{pattern}'" + (f" (part names {', '.join(repr(b) for b in bad)})" if bad else "")))
            continue
        if not link.startswith("https://") or not url_ok(PLACEHOLDER.sub("x", link)):
            problems.append((i, "link", "an https:// address with the parts of the pattern in braces",
                             f"'{link}'"))
            continue
        unknown = [n for n in PLACEHOLDER.findall(link) if n not in names]
        if unknown:
            problems.append((i, "link", f"only the parts named in the pattern ({', '.join(names)})",
                             f"{', '.join('{' + n + '}' for n in unknown)}, which the pattern does not name"))
            continue
        fmt = CitationFormat(entry["name"], pattern, example, link, _regex(pattern))
        if fmt.parts(example) is None:
            problems.append((i, "example", f"a citation written as the pattern '{pattern}' says",
                             f"'{example}'; correct the example or the pattern"))
            continue
        formats.append(fmt)
    return formats, problems


def find_format(citation: str, formats: list[CitationFormat]) -> CitationFormat | None:
    return next((f for f in formats if f.parts(citation) is not None), None)
