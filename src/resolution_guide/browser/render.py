"""Render a calculator into a page (DESIGN.md section 4).

The HTML is complete without JavaScript: the rule in words, a <noscript> note, and
the questions (hidden until the script knows Python can run). Script and style
tags use relative URLs built from `root`, so pages without a widget load nothing
of Pyodide and the same HTML works on a web host and from disk.
"""

from __future__ import annotations

import json

from jinja2 import Environment, FileSystemLoader

from .. import __version__
from .definitions import WIDGET_NAMES, WidgetError, definitions, ui_words
from .paths import ASSETS_PREFIX, WIDGETS_DIR
from .wheel import wheel_name

_env = Environment(
    loader=FileSystemLoader(str(WIDGETS_DIR / "templates")),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["tojson_attr"] = lambda value: json.dumps(value, separators=(",", ":"))


def render_widget(name: str, *, locale: str = "en", root: str = "") -> str:
    """HTML for one calculator; `root` is the relative path from the page to the site root."""
    if name not in WIDGET_NAMES:
        raise WidgetError(f'widget("{name}"): unknown calculator; use one of {", ".join(WIDGET_NAMES)}')
    if root and not root.endswith("/"):
        root += "/"
    words = ui_words(locale)
    spec = definitions()[name]
    return _env.get_template("widget.html.j2").render(
        name=name,
        spec=spec,
        fields=spec["fields"],
        words=words,
        widget_words=words["widgets"][name],
        locale=locale,
        assets=root + ASSETS_PREFIX,
        wheel="engine/" + wheel_name(),
        version=__version__,
    )
