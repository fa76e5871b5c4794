"""Print the Flesch-Kincaid grade of each built page's main text, and the average of family pages.

    python scripts/readability.py SITE_DIR [--max-page 8] [--max-average 7]
    python scripts/readability.py --calculators [--max-average 7]
    python scripts/readability.py SITE_DIR --lang es [--min-score 70]
    python scripts/readability.py --calculators --lang es [--min-score 70]

--lang es: the Spanish edition (SITE_DIR/es/, the Spanish word files) on the Fernández-Huerta
scale (textstat.set_lang("es"); 70 or more = fairly easy), each figure beside the same formula
with a vowel-group syllable count, because textstat's Spanish hyphenation undercounts syllables
(DESIGN.md, "The Spanish text"). The lower of the two is held to --min-score.

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
    import textstat

    text = _sentences(strings)
    return textstat.flesch_kincaid_grade(text) if text else 0.0


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


# ---- Spanish: Fernández-Huerta ------------------------------------------------------------

SPANISH_WORDS = {
    "calculators": CALCULATOR_WORDS.with_name("es.yml"),
    "engine": ROOT / "src" / "resolution_guide" / "locales" / "es.json",
    "letters": ROOT / "content" / "es" / "letters.yml",
}
#: The parts of the engine's word file a family reads as sentences (not names, dates or codes).
ENGINE_PARTS = ("deadlines", "steps", "not_computable", "meeting_reasons", "answers", "assumptions", "warnings",
                "attendance", "next_steps", "status", "status_reasons", "closed_day")


def _vowel_group_score(text: str) -> float:
    """Fernández-Huerta with syllables counted as groups of vowels (a cross-check of textstat's)."""
    import re

    words = re.findall(r"[^\W\d_]+", text)
    sentences = max(1, len(re.findall(r"[.!?:]+(?:\s|$)", text)))
    if not words:
        return 0.0
    syllables = sum(max(1, len(re.findall(r"[aeiouáéíóúü]+", w.lower()))) for w in words)
    return round(206.84 - 60 * syllables / len(words) - 1.02 * len(words) / sentences, 1)


def spanish_scores(text: str) -> tuple[float, float]:
    """(textstat's Fernández-Huerta, the vowel-group one) of a Spanish text; English is left as it was."""
    import textstat

    textstat.set_lang("es")
    try:
        return float(textstat.fernandez_huerta(text)), _vowel_group_score(text)
    finally:
        textstat.set_lang("en_US")


def _sentences(strings: list[str]) -> str:
    import re

    out = []
    for text in strings:
        text = re.sub(r"\{[\w.]+\}", "", re.sub(_CITATION, "", text)).strip()
        if text:
            out.append(text if text[-1] in ".!?:" else text + ".")
    return " ".join(out)


def spanish_page_scores(site_dir: Path) -> dict[str, tuple[float, float]]:
    """{page: (textstat, vowel-group)} for every page of the Spanish edition under site_dir/es/."""
    root = site_dir / "es"
    scores = {}
    for path in sorted(root.rglob("index.html")):
        rel = path.parent.relative_to(root)
        if rel.parts and rel.parts[0] in ("assets", "search"):
            continue
        text = main_text(path.read_text(encoding="utf-8"))
        if text:
            scores["/".join(rel.parts) or "home"] = spanish_scores(text)
    return scores


def spanish_word_scores() -> dict[str, tuple[float, float]]:
    """{part: (textstat, vowel-group)} for the Spanish calculator words, engine words and letters."""
    import json

    import yaml

    widgets = yaml.safe_load(SPANISH_WORDS["calculators"].read_text(encoding="utf-8"))
    engine = json.loads(SPANISH_WORDS["engine"].read_text(encoding="utf-8"))
    parts = {f"calculators: {part}": _strings(widgets.get(part)) for part in CALCULATOR_PARTS}
    parts.update({f"engine: {part}": _strings(engine.get(part)) for part in ENGINE_PARTS})
    parts["letters"] = _strings(yaml.safe_load(SPANISH_WORDS["letters"].read_text(encoding="utf-8")).get("letters"))
    return {name: spanish_scores(_sentences(strings)) for name, strings in parts.items() if strings}


def spanish_main(scores: dict[str, tuple[float, float]], min_score: float, reference=()) -> int:
    failed = False
    for name, (ts, vg) in scores.items():
        kind = "reference" if name in reference else "family"
        flag = "  BELOW LIMIT" if kind == "family" and min(ts, vg) < min_score else ""
        failed |= bool(flag)
        print(f"{ts:6.1f} {vg:6.1f}  {name:32} {kind}{flag}")
    family = [v for k, v in scores.items() if k not in reference]
    if family:
        print(f"{sum(t for t, _ in family) / len(family):6.1f} {sum(v for _, v in family) / len(family):6.1f}  "
              f"average of {len(family)} (textstat, vowel groups; limit {min_score})")
    return 1 if failed else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path, nargs="?")
    parser.add_argument("--calculators", action="store_true", help="measure the calculators' and letters' words")
    parser.add_argument("--max-page", type=float, default=8.0)
    parser.add_argument("--max-average", type=float, default=7.0)
    parser.add_argument("--lang", default="en", choices=["en", "es"])
    parser.add_argument("--min-score", type=float, default=70.0, help="Fernández-Huerta floor (--lang es)")
    args = parser.parse_args(argv)
    if args.lang == "es":
        if args.calculators:
            return spanish_main(spanish_word_scores(), args.min_score)
        if args.site_dir is None:
            parser.error("give SITE_DIR, or --calculators")
        return spanish_main(spanish_page_scores(args.site_dir), args.min_score, REFERENCE_PAGES)
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
