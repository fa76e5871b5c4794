"""Print the Flesch-Kincaid grade of each built page's main text, and the average of family pages.

    python scripts/readability.py SITE_DIR [--max-page 8] [--max-average 7]

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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--max-page", type=float, default=8.0)
    parser.add_argument("--max-average", type=float, default=7.0)
    args = parser.parse_args(argv)
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
