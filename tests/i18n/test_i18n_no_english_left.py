"""No English left on the Spanish pages beyond names and citations: a word-list test.

The list holds common English words that are not Spanish words too (so "a", "no", "con" are not
in it). Citations (`rgs-cite`), code, the names of laws and organizations, and an English term
in parentheses after its Spanish one (the words on school papers) are taken out first.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from test_i18n_build import guide_pages

ENGLISH = set("""
the and you your with this that what when which who will would should must have has been
are was were not for from they their there them about after before into other only also
day days date dates school meeting parent parents child children complaint hearing agreement
write read here how page guide rules rule file filed may can does did
""".split())
#: Names and citations that stay in English on a Spanish page (laws, documents, places).
NAMES = re.compile(r"Individuals with Disabilities Education Act|Federal Register|IDEA|CFR|U\.S\.C\.|"
                   r"Department of Education|Office of Special Education Programs|"
                   r"Center for Appropriate Dispute Resolution in Special Education|"
                   r"Center for Parent Information and Resources|"
                   r"Parent Training and Information Centers?|"
                   # the English term a parent sees on school papers, in parentheses after the Spanish one
                   r"\((?:the )?[A-Za-z]+(?: [A-Za-z]+){0,3}\)|"
                   # the glossary's "also called" line lists the English names of a term on purpose
                   r"^También se llama .*$", re.I)
SKIPPED_TAGS = {"script", "style", "code", "pre", "svg"}


class _Text(HTMLParser):
    """The words a reader sees in the page's article, without citations and code."""

    def __init__(self):
        super().__init__()
        self.depth = 0  # inside <article>
        self.skip = []  # open tags whose text is skipped
        self.words: list[str] = []

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class") or ""
        if tag == "article":
            self.depth += 1
        if tag in SKIPPED_TAGS or "rgs-cite" in cls or "headerlink" in cls:
            self.skip.append(tag)

    def handle_endtag(self, tag):
        if self.skip and self.skip[-1] == tag:
            self.skip.pop()
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.words.extend(re.findall(r"[A-Za-z]+", NAMES.sub(" ", data)))


def english_words(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return [w for w in parser.words if w.lower() in ENGLISH]


def test_the_word_list_finds_english_on_an_english_page(built_site):
    assert len(english_words((built_site / "index.html").read_text(encoding="utf-8"))) > 20


def test_spanish_pages_have_no_english_words(built_site):
    found = {}
    for page in guide_pages(built_site / "es"):
        words = english_words(page.read_text(encoding="utf-8"))
        if words:
            found[str(page.relative_to(built_site))] = sorted(set(words))[:12]
    assert not found, f"English words on Spanish pages: {found}"
