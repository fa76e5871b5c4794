"""The guide's site: strict content loader, Jinja2 generation and the MkDocs plugin.

`load_content` + `generate_pages` are shared by the MkDocs plugin and by
`resolution-guide generate`, so the content never depends on one site engine.
"""

from .errors import ContentError, Problem

__all__ = ["ContentError", "Problem"]
