"""Content cannot put script or markup on a page: payloads in every kind of content field.

Plain-text fields must come out as text (autoescape); Markdown fields, link targets, URLs and page file
names with anything unsafe are refused by the loader with file, line and key (site/safety.py).
"""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from resolution_guide.site.errors import ContentError
from resolution_guide.site.generate import generate_pages
from resolution_guide.site.loader import load_content
from resolution_guide.site.schema import FILES, ListOf, MapOf, Record, Text

REPO = Path(__file__).resolve().parents[2]
MARK = "pwned"
PLAIN_PAYLOADS = [
    f"<img src=x onerror=alert('{MARK}')>",
    f"<script>alert('{MARK}')</script>",
    f'x" onfocus="alert(\'{MARK}\')" autofocus="',
    f"<a href='javascript:alert(1)'>{MARK}</a>",
]
# plain fields whose value the build reads as data, not words (checked by other rules)
NOT_WORDS = {("sources", "regulations", "section"), ("letters", "dates", "format")}


class TagCollector(HTMLParser):
    """Every element and attribute of an HTML page, to look for what a payload tried to add."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def injected(html: str) -> list[str]:
    """Elements or attributes that only a payload could have made."""
    parser = TagCollector()
    parser.feed(html)
    bad = []
    for tag, attrs in parser.tags:
        if tag in ("script", "img", "iframe", "object", "embed") and MARK in str(attrs) + html:
            if tag != "script" or attrs.get("type") != "application/json":
                bad.append(f"<{tag} {attrs}>")
        for name, value in attrs.items():
            if name.startswith("on") or name == "autofocus":
                bad.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src") and value and value.strip().lower().startswith("javascript:"):
                bad.append(f"<{tag} {name}={value!r}>")
    return bad


def inject_plain(data, schema, path, payload, hits):
    """Append `payload` to every plain-text field of one content file (walking it with its schema)."""
    if isinstance(schema, Record) and isinstance(data, dict):
        known = {**schema.required, **schema.optional}
        for key, value in data.items():
            if key in known:
                data[key] = inject_plain(value, known[key], path + (key,), payload, hits)
        return data
    if isinstance(schema, ListOf) and isinstance(data, list):
        return [inject_plain(v, schema.item, path, payload, hits) for v in data]
    if isinstance(schema, MapOf) and isinstance(data, dict):
        return {k: inject_plain(v, schema.value, path, payload, hits) for k, v in data.items()}
    if isinstance(schema, Text) and not schema.markup and isinstance(data, str):
        if tuple(p for p in path) in NOT_WORDS:
            return data
        hits.append(path)
        return data + " " + payload
    return data


@pytest.fixture()
def content_copy(tmp_path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(REPO / "content", target)
    return target


def rendered(content_dir: Path) -> dict[str, str]:
    content = load_content(content_dir)
    pages = generate_pages(content, lambda name, root: f'<div class="rg-widget">{name}</div>')
    md_ext = ["attr_list", "md_in_html", "tables", "toc"]
    return {name: markdown.markdown(text, extensions=md_ext) for name, text in pages.items()}


@pytest.mark.parametrize("payload", PLAIN_PAYLOADS)
def test_plain_text_fields_come_out_as_text(content_copy, payload):
    hits = []
    for kind, schema in FILES.items():
        path = content_copy / "en" / f"{kind}.yml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data = inject_plain(data, schema, (kind,), payload, hits)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert len(set(hits)) > 20, "the walk must reach titles, headings, questions, terms, labels..."
    pages = rendered(content_copy)
    for name, html in pages.items():
        assert injected(html) == [], name
    # the words are still shown, as text
    assert any(MARK in html for html in pages.values())


def _edit(content_dir: Path, kind: str, change) -> None:
    path = content_dir / "en" / f"{kind}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _problems(content_dir: Path) -> list:
    with pytest.raises(ContentError) as err:
        load_content(content_dir)
    return err.value.problems


@pytest.mark.parametrize("name", ["../../x.md", "/x.md", "a/../../x.md", "x.html", "..md", "C:/x.md", "x.md/"])
def test_page_file_names_stay_inside_the_site(content_copy, name):
    _edit(content_copy, "pages", lambda d: d["pages"][1].update(file=name))
    problems = _problems(content_copy)
    assert [(p.file, p.path) for p in problems] == [("content/en/pages.yml", "pages[1].file")]
    assert problems[0].line and "no '..'" in problems[0].expected


@pytest.mark.parametrize("url", ["javascript:alert(1)", 'x" onfocus="alert(1)', "data:text/html,x",
                                 "https://example.org/a b", "//example.org", "vbscript:x"])
def test_source_urls_are_web_addresses(content_copy, url):
    _edit(content_copy, "sources", lambda d: d["other"][0].update(url=url))
    problems = _problems(content_copy)
    assert [(p.file, p.path) for p in problems] == [("content/en/sources.yml", "other[0].url")]


@pytest.mark.parametrize("kind,where,text", [
    ("pages", lambda d: d["pages"][0]["sections"][0], "Hi <script>alert(1)</script>"),
    ("pages", lambda d: d["pages"][0]["sections"][0], "Hi <img src=x onerror=alert(1)>"),
    ("faq", lambda d: d["questions"][0], "See [here](javascript:alert(1))."),
    ("faq", lambda d: d["questions"][0], "See [here]( JavaScript:alert(1) )."),
    ("glossary", lambda d: d["terms"][0], "Words {: onclick=alert(1) }"),
    ("takeaways", lambda d: d["takeaways"][0], "[x]: javascript:alert(1)\n\nSee [x]."),
    ("takeaways", lambda d: d["takeaways"][0], "Link <javascript:alert(1)>"),
])
def test_markdown_fields_refuse_html_and_unsafe_links(content_copy, kind, where, text):
    field = "answer" if kind == "faq" else "text"
    _edit(content_copy, kind, lambda d: where(d).update({field: text}))
    problems = _problems(content_copy)
    assert len(problems) == 1 and problems[0].file == f"content/en/{kind}.yml"
    assert problems[0].path.endswith(field) and problems[0].line


def test_plain_fields_refuse_attribute_lists_and_script_links(content_copy):
    _edit(content_copy, "pages", lambda d: d["pages"][0].update(title="Home { onmouseover=alert(1) }"))
    _edit(content_copy, "faq", lambda d: d["questions"][0].update(question="[x](javascript:alert(1))"))
    keys = sorted(p.path for p in _problems(content_copy))
    assert keys == ["pages[0].title", "questions[0].question"]


def test_code_spans_and_the_build_marker_stay_allowed(content_copy):
    _edit(content_copy, "pages", lambda d: d["pages"][0]["sections"][0].update(
        text="Use `<id>` and `{: #x }`.\n\n<!-- rg:bundle-info -->"))
    load_content(content_copy)
