"""The real guide, built once by `mkdocs build --strict` (fixture built_site): every page, the
generated content, the law points families rely on, no request to another host, and plain language."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from resolution_guide.engine import catalog

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import readability  # noqa: E402

PAGES = {  # page folder -> words from its title
    "": "The resolution session, explained for families",
    "what-it-is": "What a resolution session is",
    "timeline": "Timeline and deadlines",
    "do-you-need-one": "Do you need one?",
    "who-attends": "Who attends",
    "getting-ready": "Getting ready",
    "agreement": "If you reach an agreement",
    "no-agreement": "If you do not agree",
    "your-rights": "Your rights along the way",
    "letters": "Letters you can send",
    "compare": "Session vs mediation vs hearing",
    "glossary": "Glossary",
    "sources": "Sources and the law",
    "for-organizations": "For organizations",
    "download": "Download for offline use",
}
WIDGET_PAGES = {"timeline": "deadlines", "do-you-need-one": "meeting_required", "who-attends": "attendance",
                "agreement": "agreement_review"}


def page(site: Path, name: str) -> str:
    return (site / name / "index.html").read_text(encoding="utf-8")


def article(html: str) -> str:
    return html[html.index("<article"):html.index("</article>")]


def content(kind: str):
    return yaml.safe_load((ROOT / "content" / "en" / f"{kind}.yml").read_text())


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_page_is_built_with_its_title(built_site, name):
    html = page(built_site, name)
    assert "<h1" in html and PAGES[name] in html
    assert 'href="' + ("../" if name else "") + "assets/rg-site/guide.css" in html


@pytest.mark.parametrize("name,widget", sorted(WIDGET_PAGES.items()))
def test_calculators_are_on_their_pages(built_site, name, widget):
    assert f'data-rg-widget="{widget}"' in page(built_site, name)


def test_timeline_days_and_citations_come_from_the_engine_catalog(built_site):
    html = article(page(built_site, "timeline"))
    standard, expedited = html.split('class="rgs-track rgs-track-expedited"')
    for deadline_id, track_html, track in ((d, standard, "standard") for d in
                                           ("resolution_meeting_by", "resolution_period_ends", "district_response_due")):
        rule = catalog.info(deadline_id, track)
        step = track_html.split(f'data-deadline="{deadline_id}"')[1].split("</li>")[0]
        assert f"Day {rule.days}" in step
        assert f">{rule.citation}</a>" in step
    assert "Day 75" in standard.split('data-deadline="decision_due"')[1]  # 30 + 45 (34 CFR 300.515(a))
    meeting = expedited.split('data-deadline="resolution_meeting_by"')[1].split("</li>")[0]
    assert "Day 7" in meeting and ">34 CFR 300.532(c)(3)(i)</a>" in meeting
    hearing = expedited.split('data-deadline="hearing_must_occur_by"')[1].split("</li>")[0]
    assert "20 school days after the complaint is filed" in hearing
    for track in content("timeline")["tracks"]:
        assert track["title"] in html
        assert html.count('<li class="rgs-step"') >= len(track["steps"])


def test_timeline_picture_has_a_text_alternative(built_site):
    html = article(page(built_site, "timeline"))
    figures = re.findall(r'<figure class="rgs-track[^"]*" aria-labelledby="([^"]+)"', html)
    assert len(figures) == 2
    for label_id in figures:
        assert f'<figcaption id="{label_id}">' in html


def test_every_glossary_term_is_on_the_glossary_page(built_site):
    html = article(page(built_site, "glossary"))
    for term in content("glossary")["terms"]:
        assert f'id="term-{term["key"]}"' in html, term["key"]


def test_glossary_terms_are_explained_once_per_page_and_can_be_tapped(built_site):
    html = article(page(built_site, "what-it-is"))
    abbrs = re.findall(r'<abbr title="[^"]+" tabindex="0">([^<]+)</abbr>', html)
    assert "due process complaint" in abbrs
    assert len(abbrs) == len(set(abbrs))


def test_every_regulation_in_sources_links_to_ecfr(built_site):
    html = article(page(built_site, "sources"))
    for reg in content("sources")["regulations"]:
        assert f'href="https://www.ecfr.gov/current/title-34/section-{reg["section"]}"' in html


def test_citations_link_to_the_cited_paragraph(built_site):
    html = page(built_site, "agreement")
    assert ('<a href="https://www.ecfr.gov/current/title-34/section-300.510#p-300.510(e)">34 CFR 300.510(e)</a>'
            in html)


@pytest.mark.parametrize("name,citations", [
    ("who-attends", ["34 CFR 300.510(a)(1)(ii)", "34 CFR 300.517(c)(2)(iii)"]),  # school lawyer rule; no fees
    ("getting-ready", ["34 CFR 300.510", "34 CFR 300.506(b)(8)"]),  # session not confidential; mediation is
    ("agreement", ["34 CFR 300.510(e)", "34 CFR 300.506(b)(6)"]),  # 3 business days; none for mediation
    ("do-you-need-one", ["34 CFR 300.510(a)(3)(i)", "34 CFR 300.510(a)(3)(ii)", "34 CFR 300.532(c)(3)"]),
    # issue 11: all evidence, not only evaluations; fees and settlement offers; who may represent
    ("no-agreement", ["34 CFR 300.512(a)(3)", "34 CFR 300.512(b)(1)", "34 CFR 300.517(c)(2)(i)",
                      "34 CFR 300.517(c)(3)", "34 CFR 300.517(a)(1)(ii)", "34 CFR 300.517(a)(1)(iii)",
                      "34 CFR 300.512(a)(1)"]),
    # the agreement ends the complaint; stay-put; enforcement; IEP changes in writing (2006 comments)
    ("agreement", ["34 CFR 300.510(d)", "34 CFR 300.518(a)", "34 CFR 300.537", "71 FR 46540"]),
    ("getting-ready", ["71 FR 46540", "34 CFR 300.613(a)", "34 CFR 300.510(b)(4)"]),
    ("your-rights", ["34 CFR 300.504(a)(2)", "34 CFR 300.613(a)", "34 CFR 300.322(e)", "34 CFR 300.512(a)(1)"]),
    ("do-you-need-one", ["34 CFR 300.532(a)", "34 CFR 300.533"]),
    ("glossary", ["34 CFR 300.511(c)(1)"]),
])
def test_family_pages_cite_the_rules_they_explain(built_site, name, citations):
    html = article(page(built_site, name))
    for citation in citations:
        assert f">{citation}</a>" in html, citation


def test_letters_page_lists_every_letter_with_its_rules_and_blank_text(built_site):
    html = article(page(built_site, "letters"))
    for letter in content("letters")["letters"]:
        anchor = letter["id"].replace("_", "-")
        assert f'id="{anchor}"' in html, anchor
        section = html.split(f'id="{anchor}"')[1].split("<h3")[0]
        for citation in letter["cites"]:
            assert f">{citation}</a>" in section, (anchor, citation)
        assert "____________" in section and "{" not in section


def test_links_to_a_letter_land_on_its_heading(built_site):
    letters = article(page(built_site, "letters"))
    targets = set()
    for name in PAGES:
        targets |= set(re.findall(r'href="(?:\.\./)*letters/#([a-z0-9-]+)"', article(page(built_site, name))))
    assert {"records-request", "confidentiality-agreement", "move-meeting", "interpreter"} <= targets
    for anchor in targets:
        assert f'id="{anchor}"' in letters, anchor


def test_calculator_pages_embed_the_letter_pack(built_site):
    import json
    for name in WIDGET_PAGES:
        html = page(built_site, name)
        match = re.search(r'<script type="application/json" id="rg-letter-pack">(.*?)</script>', html, re.S)
        assert match, name
        pack = json.loads(match.group(1))
        assert [letter["id"] for letter in pack["letters"]] == [x["id"] for x in content("letters")["letters"]]
    assert 'id="rg-letter-pack"' not in page(built_site, "letters")  # no calculator there


def test_register_citations_link_to_their_source(built_site):
    html = article(page(built_site, "getting-ready"))
    assert '<a href="https://www.federalregister.gov/citation/71-FR-46540">71 FR 46540</a>' in html


def test_statistics_name_the_one_state_that_files_most_complaints(built_site):
    html = article(page(built_site, "agreement"))
    assert "New York" in html and "2023-24" in html


def test_statistics_carry_school_years_and_no_timeless_22_percent(built_site):
    for path in built_site.rglob("*.html"):
        text = readability.main_text(path.read_text(encoding="utf-8"))
        assert not re.search(r"\b22\s*(%|percent)", text), path
    html = article(page(built_site, "agreement"))
    assert "2009-10" in html and "2014-15" in html and "2006-07 to 2014-15" in html.replace("</span>", "")
    assert 'href="https://cadreworks.org/' in html


def test_download_page_keeps_the_bundle_marker_or_has_bundle_info(built_site):
    html = page(built_site, "download")
    # the offline helper's publish() replaces the marker when the bundle is built
    assert "<!-- rg:bundle-info -->" in html or 'class="rg-bundle-info"' in html
    # No zip in this build: the page says so in a family's words, never with a command.
    assert "does not have the file" in html and "./dev" not in html


def _urls(value):
    """Every web address in a YAML or JSON value, however deep."""
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [url for item in value for url in _urls(item)]
    return re.findall(r"https?://[^\s\"'<>)]+", value) if isinstance(value, str) else []


def _source_hosts(config) -> set[str]:
    """The hosts a page may link: the sources of every language (the fork's own too, with any state
    citation links), the configured state's pack, the organization's web site and the guide's own."""
    urls = ["https://www.ecfr.gov/"]
    for path in (ROOT / "content").glob("*/sources.yml"):
        urls += _urls(yaml.safe_load(path.read_text(encoding="utf-8")))
    options = config.plugins["resolution-guide"].config
    organization = options.organization        # site/organization.py: every key optional
    urls += _urls(organization.site or "")
    packs = Path(catalog.__file__).parent / "states"  # whatever format a pack is written in
    for state in {options.get("state"), organization.state} - {None, ""}:
        for pack in packs.glob(f"{state.lower()}.*"):
            urls += _urls(pack.read_text(encoding="utf-8"))
    if config.site_url:
        urls.append(config.site_url)
    return {urlparse(url).hostname for url in urls}


def test_no_request_to_another_host(built_site, config):
    """Only <a href> links a reader clicks may leave the site, and only to the sources we cite.
    With a site_url (a fork's), pages also name their own address (<link rel="canonical">): no request."""
    allowed = _source_hosts(config)
    own = config.site_url
    attr = re.compile(r'<(\w+)[^>]*?\s(src|href|srcset|data|poster|action)=["\']?((?:https?:)?//[^"\'\s>]+)', re.I)
    found = 0
    for path in built_site.rglob("*.html"):
        for tag, name, url in attr.findall(path.read_text(encoding="utf-8")):
            if own and tag.lower() == "link" and url.startswith(own):
                continue
            found += 1
            assert tag.lower() == "a" and name.lower() == "href", f"{path}: <{tag} {name}={url}>"
            assert urlparse(url).hostname in allowed, f"{path}: {url}"
    assert found > 0
    for path in list(built_site.rglob("*.css")):
        if "/assets/rg/" in str(path):
            continue  # the calculators' files are checked by their own tests
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", path.read_text(encoding="utf-8")), path


def test_theme_loads_no_web_fonts_and_has_light_and_dark(built_site):
    html = page(built_site, "")
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
    assert 'data-md-color-scheme="default"' in html and "slate" in html
    assert "navigation.instant" not in html
    # The theme's tooltip and palette scripts are not started (DESIGN.md "Phone speed", fifth round): the glossary
    # meaning is plain CSS, the toggle the guide's own script (tests/site/test_palette_toggle.py).
    assert '"content.tooltips"' not in html
    assert 'data-md-component="palette"' not in html and "data-rg-palette" in html


def test_print_and_phone_styles_exist(built_site):
    css = (built_site / "assets" / "rg-site" / "guide.css").read_text()
    assert "@media print" in css and "max-width: 44.9375em" in css


def test_plain_language_figures(built_site):
    grades = readability.page_grades(built_site)
    family = {k: v for k, v in grades.items() if k not in readability.REFERENCE_PAGES}
    assert set(grades) >= {name or "home" for name in PAGES}
    for name, grade in family.items():
        assert grade <= 8.0, f"{name}: grade {grade}"
    assert sum(family.values()) / len(family) <= 7.0


def test_readability_script_ignores_citations_and_calculators():
    html = ('<nav>Menu words</nav><article><h1>Title</h1><p>The cat sat. <span class="rgs-cite">'
            '(34 CFR 300.510(e))</span></p><div class="rg-widget-wrap"><label>Date received</label></div>'
            '<script>var x = 1;</script></article>')
    assert readability.main_text(html) == "Title. The cat sat."
