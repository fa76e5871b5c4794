"""Turn checked content into Markdown pages through Jinja2 templates (used by the plugin and the CLI).

Templates ship in this package (`templates/`); a fork may put files of the same name in its own
folder (plugin option `templates_dir`) to replace any of them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import jinja2
from markupsafe import Markup

from ..engine import catalog, rules
from ..engine import letters as fill
from ..engine.words import Words
from .loader import CODE_SPAN, GLOSSARY_MARK, PAGE_LINK, Content
from .citations import find_format
from .letters import pack_from_content, pack_json, script_json
from .organization import Organization
from .schema import CITATION, FR_CITATION

PACKAGE_TEMPLATES = Path(__file__).parent / "templates"
ECFR_SECTION = "https://www.ecfr.gov/current/title-34/section-{section}"


def ecfr_url(citation: str) -> str:
    """Link to the regulation at eCFR, down to the paragraph when the citation names one."""
    m = CITATION.match(citation)
    section, paragraphs = m.group(1), m.group(2)
    url = ECFR_SECTION.format(section=section)
    return f"{url}#p-{section}{paragraphs}" if paragraphs else url


def page_root(file: str, use_directory_urls: bool = True) -> str:
    """Relative path from a built page to the site root (index.md -> '', who.md -> '../')."""
    depth = file.count("/")
    if use_directory_urls and Path(file).stem != "index":
        depth += 1
    return "../" * depth


@dataclass
class PageState:
    """What one page has shown so far, so a glossary term is explained on its first use only."""
    content: Content
    explained: set = field(default_factory=set)

    def markup(self, text: str) -> str:
        glossary = self.content.terms
        files = {p["id"]: p["file"] for p in self.content.pages}

        def term(m: re.Match) -> str:
            key = m.group(1).strip()
            words = m.group(2) or glossary[key]["term"]
            words = html.escape(words, quote=True)
            if key in self.explained:
                return words
            self.explained.add(key)
            tip = html.escape(glossary[key]["short"], quote=True)
            return f'<abbr title="{tip}" tabindex="0">{words}</abbr>'

        def convert(part: str) -> str:
            if part.startswith("`"):
                return part
            part = GLOSSARY_MARK.sub(term, part)
            return PAGE_LINK.sub(lambda m: f"]({files[m.group(1)]}{m.group(2) or ''})", part)

        # Markdown text was checked by the loader (no raw HTML, no unsafe links: safety.py), so it is
        # trusted here as the one thing templates insert unescaped, with what this function builds.
        return Markup("".join(convert(part) for part in CODE_SPAN.split(text)))


def citation_url(citation: str, register: dict[str, str] | None = None, formats=()) -> str:
    """Where a (checked) citation links: eCFR, the Federal Register source, or a declared format's link."""
    if FR_CITATION.match(citation):
        return (register or {}).get(citation, "")
    if CITATION.match(citation):
        return ecfr_url(citation)
    fmt = find_format(citation, list(formats))
    return fmt.url(citation) if fmt else ""


def cites_html(citations: list[str] | None, register: dict[str, str] | None = None, formats=()) -> str:
    """The rule behind a statement, as links the reader can follow to the regulation.

    `register` maps a Federal Register citation (e.g. '71 FR 46540') to its source's URL; `formats`
    are the citation formats of sources.yml (state law)."""
    if not citations:
        return ""

    def url(c: str) -> str:
        return citation_url(c, register, formats)
    links = ", ".join(f'<a href="{html.escape(url(c), quote=True)}">{html.escape(c)}</a>' for c in citations)
    return Markup(f' <span class="rgs-cite">({links})</span>')


def register_urls(content: Content) -> dict[str, str]:
    """Federal Register citations -> the URL of the source that holds them (sources.yml, other)."""
    return {s["citation"]: s["url"] for s in content["sources"]["other"] if s.get("citation")}


def timeline_tracks(content: Content) -> list[dict]:
    """Timeline steps with their day numbers, counts and citations asked from the engine's rules data."""
    anchors = content["timeline"]["anchors"]
    tracks = []
    for track in content["timeline"]["tracks"]:
        days = rules.timeline(track["id"])
        steps = []
        for step in track["steps"]:
            out = dict(step)
            deadline = step.get("deadline")
            if deadline:
                # a step may name a deadline of the other track (the schema checks only that the id exists)
                rule = days.get(deadline) or {**rules.timeline("expedited"), **rules.timeline("standard")}[deadline]
                out["cites"] = step.get("cites") or [rule["reference"]]
                out["counting"] = rule["counting"]
                out["days"] = rule["days"]
                out["anchor_words"] = anchors.get(rule["anchor"], rule["anchor"])
                if rule["day"] is not None:
                    out["day"] = rule["day"]
            steps.append(out)
        tracks.append({**track, "steps": steps})
    return tracks


def fill_html(text: str, **values) -> Markup:
    """A word file's sentence with {placeholders} filled, as HTML: the sentence and every plain value
    escaped, a Markup value (e.g. a name in <strong>) kept."""
    out = html.escape(str(text), quote=False)
    for key, value in values.items():
        out = out.replace("{" + key + "}", str(value) if isinstance(value, Markup) else html.escape(str(value)))
    return Markup(out)


def make_environment(templates_dir: str | Path | None = None, register: dict | None = None,
                     formats=()) -> jinja2.Environment:
    loaders = []
    if templates_dir:
        loaders.append(jinja2.FileSystemLoader(str(templates_dir)))
    loaders.append(jinja2.FileSystemLoader(str(PACKAGE_TEMPLATES)))
    # autoescape: every content value is plain text unless it is Markup (md(), cites, widgets, the pack).
    env = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), undefined=jinja2.ChainableUndefined,
                             keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True, autoescape=True)
    env.filters["cites"] = lambda citations: cites_html(citations, register, formats)
    env.filters["ecfr_url"] = ecfr_url
    env.filters["attr"] = lambda s: Markup(html.escape(str(s), quote=True))
    env.filters["lines_br"] = lambda s: Markup("<br>\n").join(str(s).split("\n"))
    env.filters["fill"] = fill_html
    return env


WidgetRenderer = Callable[[str, str], str]  # (name, root) -> HTML or Markdown


def href_maker(content: Content, root: str, style: str, use_directory_urls: bool):
    """Links written inside raw HTML (which MkDocs does not rewrite): to built URLs, or to .md files."""
    files = {p["id"]: p["file"] for p in content.pages}

    def href(page_id: str, anchor: str = "") -> str:
        file = files[page_id]
        frag = f"#{anchor}" if anchor else ""
        if style == "markdown":
            return file + frag
        stem = file[:-3]
        if use_directory_urls:
            url = "" if stem == "index" else (stem[:-6] if stem.endswith("/index") else stem + "/")
        else:
            url = stem + ".html"
        return f"{root}{url}{frag}"
    return href


MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
#: The checklist group the one-page print summary lists as "What to bring" (issue 10).
BRING_GROUP = "bring"


def plain_text(text: str, glossary: dict) -> str:
    """Checked Markdown content as the words a reader sees: [[key|words]] -> words, [[key]] -> the
    glossary's term, [words](link) -> words (for places that show text, not HTML: the print summary)."""
    text = GLOSSARY_MARK.sub(lambda m: m.group(2) or glossary[m.group(1).strip()]["term"], text)
    return " ".join(MARKDOWN_LINK.sub(lambda m: m.group(1), text).replace("`", "").replace("**", "").split())


def bring_list(content: Content) -> dict | None:
    """The checklist's "What to bring" group for the print summary: {"title", "items": [plain text]}."""
    for group in content["checklist"]["groups"]:
        if group["id"] == BRING_GROUP:
            return {"title": group["title"], "items": [plain_text(i["text"], content.terms) for i in group["items"]]}
    return None


def generate_pages(content: Content, widget: WidgetRenderer, templates_dir=None,
                   use_directory_urls: bool = True, link_style: str = "mkdocs",
                   organization: Organization | None = None) -> dict[str, str]:
    """Every page of the guide as Markdown: {file name: text}. Raises jinja2 errors on bad templates.

    `organization` (site/organization.py) adds who publishes this copy to the home page's help
    section, the calculators' pages (results and print summary) and the letters' help line."""
    organization = organization or Organization()
    org_data = organization.as_data() if organization.has_contact else {}
    env = make_environment(templates_dir, register_urls(content), content.citation_formats)
    tracks = timeline_tracks(content)
    letters = letter_previews(content, org_data)
    scripts = link_style != "markdown"  # plain Markdown runs no script
    letter_pack_json = Markup(pack_json(content, org_data)) if scripts else ""
    bring = bring_list(content)
    bring_json = Markup(script_json(bring)) if scripts and bring else ""
    # the contacts with their words from words.yml, so the page scripts say them as the pages do
    org_words = {key: content.label(f"org_{key}") for key in ("intro", "phone", "email", "site", "hours", "languages")}
    organization_json = Markup(script_json({**org_data, "words": org_words})) if scripts and org_data else ""
    glossary_page = next((p["id"] for p in content.pages
                          if any(s.get("block") == "glossary" for s in p["sections"])), None)
    pages = {}
    for page in content.pages:
        state = PageState(content)
        root = page_root(page["file"], use_directory_urls)
        template = env.select_template([f"pages/{page['id']}.md.j2", "page.md.j2"])
        pages[page["file"]] = template.render(
            page=page, content=content, tracks=tracks, md=state.markup, label=content.label,
            widget=lambda name, _root=root: Markup(widget(name, _root)), deadline_ids=catalog.DEADLINE_IDS,
            href=href_maker(content, root, link_style, use_directory_urls), markdown=link_style == "markdown",
            glossary_page=glossary_page, letters=letters, letter_pack_json=letter_pack_json,
            bring_json=bring_json, organization=organization if organization.has_contact else None,
            organization_json=organization_json,
        )
    return pages


def letter_previews(content: Content, organization: dict | None = None) -> list[dict]:
    """Each letter for the Letters page: its words, what it needs, its text with blank dates, and
    the help line naming the organization (None without one)."""
    pack = pack_from_content(content, organization)
    words = Words(content.locale)
    out = []
    for letter in content["letters"]["letters"]:
        wanted = fill.needs(letter)
        out.append({**letter, "needs_words": [words.field(f) for f in wanted["fields"]],
                    "dates_words": [words.deadline(d) for d in wanted["deadlines"]],
                    "preview": fill.preview(pack, letter["id"], words),
                    "help": fill.help_line(pack, words)})
    return out


def template_dirs(templates_dir=None) -> list[Path]:
    """Folders whose changes should trigger a rebuild under `mkdocs serve`."""
    return ([Path(templates_dir)] if templates_dir else []) + [PACKAGE_TEMPLATES]
