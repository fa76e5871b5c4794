"""The letter pack: `content/<locale>/letters.yml`, checked by the strict loader, as plain JSON-ready data.

The engine's letter filler (engine/letters.py) takes this pack, so the CLI, the Letters page and
the calculators in the browser (which cannot read YAML) fill letters from the same words.
Contract (DESIGN.md section 15): {"locale", "dates", "blank", "layout", "letters": [...]}, each letter
as in letters.yml plus "needs": {"fields": [...], "deadlines": [...]}.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..engine.letters import needs
from .loader import Content, load_content

PACKAGE_CHECKOUT_CONTENT = Path(__file__).resolve().parents[3] / "content"


def pack_from_content(content: Content, organization: dict | None = None) -> dict:
    """`organization` (Organization.as_data(), given when it has a name) adds the letters' help line."""
    data = content["letters"]
    pack = {
        "locale": content.locale,
        "dates": data["dates"],
        "blank": data["blank"],
        "layout": data["layout"],
        "letters": [{**letter, "needs": needs(letter)} for letter in data["letters"]],
    }
    if organization and organization.get("name"):
        pack["organization"] = organization
    return pack


def script_json(data) -> str:
    """Data as compact JSON, safe inside <script type="application/json">: every '<' written as \\u003c,
    so no text (an organization's name included) can close the script or open a comment."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def pack_json(content: Content, organization: dict | None = None) -> str:
    return script_json(pack_from_content(content, organization))


def default_content_dir() -> Path:
    """./content when it exists (a fork's own words), else the content folder of this checkout."""
    here = Path("content")
    return here if (here / "en").is_dir() else PACKAGE_CHECKOUT_CONTENT


def load_pack(content_dir: str | Path | None = None, locale: str = "en", state: str | None = None) -> dict:
    """Load and check all content (letters cite sources and glossary terms), then make the pack."""
    return pack_from_content(load_content(content_dir or default_content_dir(), locale, state))
