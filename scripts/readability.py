"""Print the Flesch-Kincaid grade of each built page's main text, and the average of family pages.

    python scripts/readability.py SITE_DIR [--max-page 8] [--max-average 7]
    python scripts/readability.py --calculators [--max-average 7]

--calculators: the grade of the calculators' own words (src/resolution_guide/browser/widgets/
locales/en.yml, by part: questions, hints, errors, status...) and of the letters
(content/en/letters.yml), each string a sentence, citations and {placeholders} left out.

Main text = the page's <article>, without citations (.rgs-cite, .rgs-source), the calculators
(.rg-widget-wrap: form labels, measured by the widgets' own checks), code, tables of contents and
heading anchors. Reference pages (Glossary, Sources and the law, For organizations) are printed
but not held to the limits. Uses textstat 0.7.4, which works offline.
Exit status 1 when a family page is above --max-page or the average above --max-average.
"""

from __future__ import annotations

import argparse
import sys
from html.parser import HTMLParser
from pathlib import Path

REFERENCE_PAGES = {"glossary", "sources", "for-organizations"}
SKIP_CLASSES = {"rgs-cite", "rgs-source", "rg-widget-wrap", "headerlink", "rgs-source-link", "rgs-term"}
SKIP_TAGS = {"script", "style", "code", "pre", "noscript", "form"}
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "td", "th", "figcaption", "div", "br", "caption", "dd", "dt"}
VOID_TAGS = {"br", "img", "input", "link", "meta", "hr", "source", "wbr", "area", "base", "col", "embed", "track"}


class MainText(HTMLParser):
    """Collects the text inside <article>, sentence-ending each block so headings count as sentences."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_article = 0
        self.skip_depth = 0
        self.stack: list[bool] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID_TAGS:
            if tag == "br" and self.in_article and not self.skip_depth:
                self._end_block()
            return
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        if tag == "article":
            self.in_article += 1
        skip = bool(self.in_article) and (tag in SKIP_TAGS or bool(classes & SKIP_CLASSES))
        self.stack.append(skip)
        if skip:
            self.skip_depth += 1

    def handle_endtag(self, tag):
        if tag in VOID_TAGS or not self.stack:
            return
        if self.stack.pop():
            self.skip_depth -= 1
        if tag == "article":
            self.in_article -= 1
        if tag in BLOCK_TAGS and self.in_article and not self.skip_depth:
            self._end_block()

    def _end_block(self):
        text = "".join(self.parts).rstrip()
        if text and text[-1] not in ".!?:":
            self.parts.append(".")
        self.parts.append(" ")

    def handle_data(self, data):
        if self.in_article and not self.skip_depth:
            self.parts.append(data.replace("\u00b6", ""))

    def text(self) -> str:
        return " ".join("".join(self.parts).split())


def main_text(html: str) -> str:
    parser = MainText()
    parser.feed(html)
    return parser.text()


def page_grades(site_dir: Path) -> dict[str, float]:
    """{page name: Flesch-Kincaid grade} for every built page that has an article (not 404)."""
    import textstat

    grades = {}
    for path in sorted(site_dir.rglob("index.html")):
        rel = path.parent.relative_to(site_dir)
        if rel.parts and rel.parts[0] in ("assets", "search"):
            continue
        if rel.parts and (site_dir / rel.parts[0] / "search").is_dir():
            continue  # another language's site (es/): an English grade formula does not apply
        name = "/".join(rel.parts) or "home"
        text = main_text(path.read_text(encoding="utf-8"))
        if text:
            grades[name] = textstat.flesch_kincaid_grade(text)
    return grades


ROOT = Path(__file__).resolve().parents[1]
CALCULATOR_WORDS = ROOT / "src" / "resolution_guide" / "browser" / "widgets" / "locales" / "en.yml"
LETTER_WORDS = ROOT / "content" / "en" / "letters.yml"
#: The parts of the calculators' word file a family reads, measured one by one.
CALCULATOR_PARTS = ("fields", "groups", "follow_ups", "status", "errors", "widgets", "results", "announce")
_CITATION = r"\(?\b(?:34 CFR|5 U\.S\.C\.|Tex\. Gov't Code)[^)]*\)?"


def _strings(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def words_grade(strings: list[str]) -> float:
    """Grade of a list of UI strings: each one a sentence, without citations or {placeholders}."""
    import re

    import textstat

    sentences = []
    for text in strings:
        text = re.sub(r"\{\w+\}", "", re.sub(_CITATION, "", text)).strip()
        if text:
            sentences.append(text if text[-1] in ".!?:" else text + ".")
    return textstat.flesch_kincaid_grade(" ".join(sentences)) if sentences else 0.0


def calculator_grades() -> dict[str, float]:
    """{part: grade} for the calculators' words and the letters."""
    import yaml

    words = yaml.safe_load(CALCULATOR_WORDS.read_text(encoding="utf-8"))
    grades = {f"calculators: {part}": words_grade(_strings(words.get(part))) for part in CALCULATOR_PARTS}
    if LETTER_WORDS.is_file():
        grades["letters"] = words_grade(_strings(yaml.safe_load(LETTER_WORDS.read_text(encoding="utf-8"))))
    return grades


def calculators_main(max_grade: float) -> int:
    grades = calculator_grades()
    failed = False
    for name, grade in grades.items():
        flag = "  ABOVE LIMIT" if grade > max_grade else ""
        failed |= bool(flag)
        print(f"{grade:5.1f}  {name}{flag}")
    return 1 if failed else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path, nargs="?")
    parser.add_argument("--calculators", action="store_true", help="measure the calculators' and letters' words")
    parser.add_argument("--max-page", type=float, default=8.0)
    parser.add_argument("--max-average", type=float, default=7.0)
    args = parser.parse_args(argv)
    if args.calculators:
        return calculators_main(args.max_average)
    if args.site_dir is None:
        parser.error("give SITE_DIR, or --calculators")
    grades = page_grades(args.site_dir)
    family = {k: v for k, v in grades.items() if k not in REFERENCE_PAGES}
    failed = False
    for name, grade in grades.items():
        kind = "reference" if name in REFERENCE_PAGES else "family"
        flag = "  ABOVE LIMIT" if kind == "family" and grade > args.max_page else ""
        failed |= bool(flag)
        print(f"{grade:5.1f}  {name:22} {kind}{flag}")
    average = sum(family.values()) / len(family) if family else 0.0
    print(f"{average:5.1f}  average of {len(family)} family pages (limit {args.max_average})")
    return 1 if failed or average > args.max_average else 0


if __name__ == "__main__":
    sys.exit(main())
