"""A fork's `organization:` block on the built site (issue 13): the home page's help section, the footer
of every page, the letters' help line and the offline README, in English and Spanish; every value
escaped; and the national guide (no block) unchanged."""

from __future__ import annotations

import html
import json
import re
import zipfile

import pytest

ORGANIZATION = {"name": 'Example <Parent> Center & "Friends"'}   # tests/conftest.py, ORGANIZATION
NAME = html.escape(ORGANIZATION["name"])          # as HTML shows it: the markup characters escaped


@pytest.fixture(autouse=True)
def _same_block(organization):
    assert organization["name"] == ORGANIZATION["name"], "keep this test's copy of the name in step with conftest"
FINDER = 'href="https://www.parentcenterhub.org/find-your-center/"'


def read(site, page: str) -> str:
    """A built page, with the two spellings of an escaped quote made one (&#34; and &quot;)."""
    return (site / page).read_text(encoding="utf-8").replace("&#34;", "&quot;").replace("&#39;", "&#x27;")


def contacts_block(text: str) -> str:
    m = re.search(r'<div class="rgs-organization".*?</div>', text, re.S)
    assert m, "no organization block on the page"
    return m.group(0)


@pytest.mark.parametrize("page,intro,phone_word", [("index.html", "can help you:", "Phone"),
                                                   ("es/index.html", "le puede ayudar:", "Teléfono")])
def test_home_page_help_section_names_the_organization_and_keeps_the_finder(org_site, page, intro, phone_word):
    text = read(org_site, page)
    block = contacts_block(text)
    assert f"<strong>{NAME}</strong> {intro}" in block
    assert f'{phone_word}: <a href="tel:555-0100">555-0100</a>' in block
    assert '<a href="mailto:help@example.org">help@example.org</a>' in block
    assert '<a href="https://example.org/help/">https://example.org/help/</a>' in block
    assert "Monday to Friday, 9 to 5" in block and "English, Spanish" in block
    assert FINDER in text                       # the national finder stays, before the organization
    assert text.index(FINDER) < text.index(block)


@pytest.mark.parametrize("page,words", [("index.html", "This copy of the guide is published by"),
                                        ("timeline/index.html", "This copy of the guide is published by"),
                                        ("es/index.html", "Esta copia de la guía la publica")])
def test_footer_of_every_page_says_who_publishes_it(org_site, page, words):
    footer = re.search(r'<p class="rgs-publisher".*?</p>', read(org_site, page), re.S).group(0)
    assert f"{words} {NAME}." in footer
    assert 'href="tel:555-0100"' in footer and 'href="https://example.org/help/"' in footer


def test_no_value_reaches_a_page_unescaped(org_site):
    # In HTML the name is escaped; in the pages' embedded JSON its '<' is written \u003c.
    for page in ("index.html", "letters/index.html", "timeline/index.html", "es/index.html", "es/timeline/index.html"):
        assert "<Parent>" not in read(org_site, page)


@pytest.mark.parametrize("page,words", [
    ("letters/index.html", "For help with this letter, contact"),
    ("es/letters/index.html", "Si necesita ayuda con esta carta, comuníquese con"),
])
def test_letters_page_has_the_help_line_beside_each_letter(org_site, page, words):
    text = read(org_site, page)
    lines = re.findall(r'<p class="rgs-letter-help">(.*?)</p>', text, re.S)
    assert lines and len(lines) == text.count('<details class="rgs-letter-box">')
    assert all(line.startswith(f"{words} {NAME}.") and "555-0100" in line for line in lines)


def test_calculator_pages_embed_the_organization_and_what_to_bring(org_site):
    text = read(org_site, "timeline/index.html")
    org = json.loads(re.search(r'id="rg-organization">(.*?)</script>', text, re.S).group(1))
    assert org["name"] == ORGANIZATION["name"] and org["state"] == "IA"
    assert org["words"]["intro"] == "{name} can help you:"
    bring = json.loads(re.search(r'id="rg-bring">(.*?)</script>', text, re.S).group(1))
    assert bring["title"] == "What to bring" and len(bring["items"]) >= 3
    assert not any("[[" in item or "](" in item for item in bring["items"])  # words, not Markdown
    assert 'data-rg-preselected="IA"' in text and '<option value="IA" selected>' in text


def test_offline_readme_names_the_organization_in_both_languages(org_site):
    zips = list((org_site / "download").glob("*.zip"))
    assert len(zips) == 1
    with zipfile.ZipFile(zips[0]) as zf:
        readme = zf.read(next(n for n in zf.namelist() if n.endswith("/README.txt"))).decode("utf-8")
    english, spanish = readme.split("Español:", 1)
    assert f"HELP\r\nFor help, contact {ORGANIZATION['name']}.\r\nPhone: 555-0100\r\n" in english
    assert "Web site: https://example.org/help/" in english
    assert f"Si necesita ayuda, comuníquese con {ORGANIZATION['name']}." in spanish
    assert "Teléfono: 555-0100" in spanish and "Idiomas que hablan: English, Spanish" in spanish


def test_the_national_guide_has_no_organization(built_site):
    for page in ("index.html", "timeline/index.html", "letters/index.html"):
        text = read(built_site, page)
        assert "rgs-organization" not in text and "rgs-publisher" not in text
        assert "rgs-letter-help" not in text and 'id="rg-organization"' not in text
        assert "data-rg-preselected" not in text
    assert 'id="rg-bring"' in read(built_site, "timeline/index.html")   # what to bring is for everyone
