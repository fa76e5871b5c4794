"""Render a calculator into a page (DESIGN.md section 4).

The HTML is complete without JavaScript: the rule in words, a <noscript> note, and
the questions (hidden until the script knows Python can run). The questions come from
the engine's description of its fields (definitions.questions); script and style tags
use relative URLs built from `root`, so pages without a widget load nothing of
Pyodide and the same HTML works on a web host and from disk.
"""

from __future__ import annotations

import html
import json
import re

from jinja2 import Environment, FileSystemLoader

from .. import __version__
from ..engine.api import describe
from ..engine.case import TOPICS
from .definitions import WidgetError, definitions, questions, ui_words, widget_names
from .paths import ASSETS_PREFIX, WIDGETS_DIR
from .scripts import WIDGETS_SCRIPT
from .wheel import wheel_name

#: Counting options (describe() kind "option") are asked in one collapsed, optional group.
OPTION_GROUP = "counting_options"
#: describe()'s topic of the questions every calculator asks first (DESIGN.md section 22).
FIRST_TOPIC = "basics"
DATE_TYPES = ("date", "date_list", "date_range")
#: The engine's field types the form has a control for (widget.html.j2).
CONTROLS = ("choice", "bool", "state") + DATE_TYPES

#: The tag a calculator's HTML loads its runtime with (widget.html.j2, the one place it is written).
RUNTIME_TAG = re.compile(r'<script src="(?P<src>[^"]*js/runtime\.js)" defer data-rg-wheel="(?P<wheel>[^"]*)"></script>')


def runtime_tag(page_html: str) -> dict | None:
    """The runtime script's src and wheel on a page that has a calculator, else None: the theme loads the same
    file early from the page's head (site/theme/main.html; DESIGN.md "Phone speed", early start)."""
    match = RUNTIME_TAG.search(page_html)
    return {k: html.unescape(v) for k, v in match.groupdict().items()} if match else None


_env = Environment(
    loader=FileSystemLoader(str(WIDGETS_DIR / "templates")),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["tojson_attr"] = lambda value: json.dumps(value, separators=(",", ":"))


def key_date(fields: list[dict]) -> str | None:
    """The date the calculator counts from: the asked date that the most deadlines need.
    Every other date question is marked "(optional)"."""
    dated = [f for f in fields if f["type"] == "date" and f.get("needed_for")]
    return max(dated, key=lambda f: len(f["needed_for"]))["name"] if dated else None


def first_questions(fields: list[dict]) -> set[str]:
    """What a calculator asks before its first answer: describe()'s "basics" and the date it counts
    from. Every other question is an optional follow-up, grouped by its topic. A calculator with
    neither (one question about a lawyer) asks everything at once."""
    first = {f["name"] for f in fields if f["topic"] == FIRST_TOPIC} | {key_date(fields)} - {None}
    return first or {f["name"] for f in fields}


def follow_up_group(f: dict, first: set[str]) -> str | None:
    """The collapsed group a question is asked in (None: asked first, never folded away)."""
    if f["name"] in first:
        return None
    return OPTION_GROUP if f["kind"] == "option" else f["topic"]


def absent_values(fields: list[dict], locale: str) -> dict:
    """Defaults of fields a question's `applies_if` names but this calculator does not ask
    (e.g. filed_by in the agreement calculator), so the page can decide without asking."""
    asked = {f["name"] for f in fields}
    named = {n for f in fields for n in f.get("applies_if", {})} - asked
    described = {f["name"]: f for f in describe(locale)["fields"]}
    return {n: described[n].get("default") for n in sorted(named)}


def preselect_state(fields: list[dict], state: str | None) -> None:
    """Make the organization's state (mkdocs.yml `organization: state:`) the state question's answer
    when nothing else is given. Marked `preselected`: the page script undoes it for a link whose
    fragment holds answers but no state, so old links still mean "federal only" (DESIGN.md,
    "Organization block (contract)")."""
    for f in fields:
        if f["type"] == "state" and state:
            if state not in f["words"]["choices"]:
                raise WidgetError(f"organization.state: no state pack for {state!r} "
                                  f"(packs: {', '.join(c for c in f['words']['choices'] if c)})")
            f["default"] = state
            f["preselected"] = True


def render_widget(name: str, *, locale: str = "en", root: str = "", state: str | None = None) -> str:
    """HTML for one calculator; `root` is the relative path from the page to the site root;
    `state` is pre-selected in the state question (the organization's state)."""
    if name not in widget_names():
        raise WidgetError(f'widget("{name}"): unknown calculator; use one of {", ".join(widget_names())}')
    if root and not root.endswith("/"):
        root += "/"
    words = ui_words(locale)
    if not isinstance((words.get("widgets") or {}).get(name), dict):
        raise WidgetError(f"src/resolution_guide/browser/widgets/locales/en.yml: no words for widgets.{name} "
                          "(title, intro, rule)")
    fields = questions(name, locale)
    preselect_state(fields, state)
    first = first_questions(fields)
    for f in fields:
        if f["type"] not in CONTROLS:
            raise WidgetError(f'widget("{name}"): the engine\'s field {f["name"]} has type {f["type"]}, '
                              f"for which the form has no control (known: {', '.join(CONTROLS)})")
        f["group"] = follow_up_group(f, first)
        f["optional"] = f["group"] is not None
    # Follow-ups in the order things happen in a case (the engine's topics), counting options last.
    order = [*TOPICS, OPTION_GROUP]
    groups = sorted({f["group"] for f in fields if f["group"]}, key=lambda g: order.index(g) if g in order else 99)
    missing = [g for g in groups if not isinstance((words.get("groups") or {}).get(g), dict)]
    if missing:
        raise WidgetError(f"src/resolution_guide/browser/widgets/locales/en.yml: no words for "
                          f"{', '.join('groups.' + g for g in missing)} (summary, intro)")
    return _env.get_template("widget.html.j2").render(
        name=name,
        spec=definitions()[name],
        fields=fields,
        groups=groups,
        absent=absent_values(fields, locale),
        device=[f["name"] for f in describe(locale)["fields"] if f["kind"] == "device"],
        words=words,
        widget_words=words["widgets"][name],
        locale=locale,
        assets=root + ASSETS_PREFIX,
        wheel="engine/" + wheel_name(),
        page_script=WIDGETS_SCRIPT,
        version=__version__,
    )
