"""Citation formats beyond 34 CFR (sources.yml `citation_formats`): state content cites its own law and
gets a link; a citation in no declared format, or a format written wrong, is named with file, line and key."""

from __future__ import annotations

import pytest

from resolution_guide.site.errors import ContentError
from resolution_guide.site.generate import generate_pages
from resolution_guide.site.loader import load_content

NYCRR = """
citation_formats:
  - name: New York regulations
    pattern: "{title} NYCRR {section}"
    example: "8 NYCRR 200.5(j)(2)"
    link: "https://www.law.cornell.edu/regulations/new-york/{title}-NYCRR-{section}"
"""
NY_PAGE = """\
pages:
  - id: home
    file: index.md
    title: Tiny guide for New York
    summary: The start.
    sections:
      - text: In New York the district also follows the state's rules on the meeting.
        cites: ["{cite}"]
"""


def with_formats(content, formats: str = NYCRR, cite: str = "8 NYCRR 200.5(j)(2)"):
    sources = content / "en" / "sources.yml"
    sources.write_text(sources.read_text() + formats)
    ny = content / "en" / "states" / "NY"
    ny.mkdir(parents=True)
    (ny / "pages.yml").write_text(NY_PAGE.replace("{cite}", cite))
    return content


def problems(content) -> list[str]:
    with pytest.raises(ContentError) as err:
        load_content(content, state="NY")
    return [str(p) for p in err.value.problems]


def test_a_state_page_cites_state_law_and_links_it(minimal_content):
    content = load_content(with_formats(minimal_content), state="NY")
    home = generate_pages(content, lambda name, root: "")["index.md"]
    assert ('<a href="https://www.law.cornell.edu/regulations/new-york/8-NYCRR-200.5">8 NYCRR 200.5(j)(2)</a>'
            in home)


def test_without_the_format_the_citation_is_refused_with_what_to_do(minimal_content):
    sources = minimal_content / "en" / "sources.yml"
    with_formats(minimal_content, formats="")
    assert "citation_formats" not in sources.read_text()
    assert problems(minimal_content) == [
        "content/en/states/NY/pages.yml, line 8 at pages[0].sections[0].cites[0]: expected a citation like "
        "'34 CFR 300.510(e)' (or '71 FR 46540' for a source listed in sources.yml), or one in a format "
        "declared under citation_formats in sources.yml (none yet); found '8 NYCRR 200.5(j)(2)'; declare its "
        "format there (name, pattern, example, link) or correct the citation"]


def test_a_citation_in_another_form_names_the_declared_examples(minimal_content):
    with_formats(minimal_content, cite="N.Y. Comp. Codes R. & Regs. tit. 8, 200.5")
    [message] = problems(minimal_content)
    assert message.startswith("content/en/states/NY/pages.yml, line 8 at pages[0].sections[0].cites[0]")
    assert "declared under citation_formats in sources.yml ('8 NYCRR 200.5(j)(2)')" in message
    assert "found 'N.Y. Comp. Codes R. & Regs. tit. 8, 200.5'" in message


@pytest.mark.parametrize("change, key, words", [
    (('example: "8 NYCRR 200.5(j)(2)"', 'example: "8 N.Y.C.R.R. 200.5"'), "example",
     ["a citation written as the pattern '{title} NYCRR {section}' says", "'8 N.Y.C.R.R. 200.5'"]),
    (("-NYCRR-{section}", "-NYCRR-{part}"), "link",
     ["only the parts named in the pattern (title, section)", "{part}, which the pattern does not name"]),
    (('link: "https://', 'link: "http://'), "link", ["an https:// address"]),
    (('pattern: "{title} NYCRR {section}"', 'pattern: "8 NYCRR 200.5"'), "pattern",
     ["each changing part in braces", "'8 NYCRR 200.5'"]),
    (('pattern: "{title} NYCRR {section}"', 'pattern: "{Title} NYCRR {section}"'), "pattern",
     ["part names 'Title'"]),
])
def test_a_format_written_wrong_is_named_with_its_line(minimal_content, change, key, words):
    with_formats(minimal_content, formats=NYCRR.replace(*change))
    rows = (minimal_content / "en" / "sources.yml").read_text().splitlines()
    line = next(n for n, row in enumerate(rows, 1) if row.strip().startswith(f"{key}:"))
    found = problems(minimal_content)
    assert found[0].startswith(f"content/en/sources.yml, line {line} at citation_formats[0].{key}: expected ")
    for word in words:
        assert word in found[0], found[0]
    # the format is not used, so the state page's citation is refused too
    assert any("states/NY/pages.yml" in p for p in found)


def test_the_real_content_declares_the_formats_the_state_packs_cite():
    from pathlib import Path

    from resolution_guide.site.citations import find_format
    from resolution_guide.site.generate import citation_url

    root = Path(__file__).resolve().parents[2]
    for locale in ("en", "es"):  # a translation uses the English declarations
        formats = load_content(root / "content", locale).citation_formats
        for citation, url in [
            ("N.Y. Educ. Law 4404(1)(a)", "https://www.nysenate.gov/legislation/laws/EDN/4404"),
            ("19 TAC 89.1151(c)", "https://www.law.cornell.edu/regulations/texas/19-Tex-Admin-Code-SS-89-1151"),
            ("WAC 392-172A-05080(2)", "https://app.leg.wa.gov/wac/default.aspx?cite=392-172A-05080"),
            ("N.J.A.C. 6A:14-2.7(a)1", "https://www.law.cornell.edu/regulations/new-jersey/N-J-A-C-6A-14-2-7"),
        ]:
            assert find_format(citation, formats) and citation_url(citation, formats=formats) == url
