"""The `organization:` block of the plugin configuration: who publishes this copy of the guide.

Why a block of its own: a parent center or legal-aid group that forks the guide puts its name and
contacts in ONE place (mkdocs.yml), and the home page, the calculators' results, the footer, the
print summary, the letters' help line and the offline README all read them from here.
Contract (DESIGN.md, "Organization block (contract)"): the keys below, all optional; `resolution-guide
new` writes them, so they are never renamed. Every value is plain text, escaped where it is shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mkdocs.config import config_options as c

from .safety import url_ok

KEYS = ("name", "site", "phone", "email", "hours", "languages", "state")
#: What each key holds, for the messages (and DESIGN.md).
EXPECTED = {
    "name": "the organization's name as text, for example: name: Example Parent Center",
    "site": "a web address starting with https:// (or http://), for example: site: https://example.org/",
    "phone": 'a phone number in quotes, for example: phone: "555-0100"',
    "email": "an email address, for example: email: help@example.org",
    "hours": "opening hours as text, for example: hours: Monday to Friday, 9 to 5",
    "languages": "a list of the languages spoken, for example: languages: [English, Spanish]",
    "state": "the two-letter code of a state that has a state pack, for example: state: NY",
}
#: Contacts that need a name to be said ("Call 555-0100" alone would not say who answers).
CONTACTS = ("site", "phone", "email", "hours", "languages")
EMAIL = re.compile(r"^[^@\s<>\"'`,;()\[\]\\]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
PHONE = re.compile(r"^[0-9+()./ x-]{3,40}$")
MAX_TEXT = 200


@dataclass(frozen=True)
class Organization:
    """The checked block. Empty (every value None) when mkdocs.yml has no block: the national guide."""
    name: str | None = None
    site: str | None = None
    phone: str | None = None
    email: str | None = None
    hours: str | None = None
    languages: tuple[str, ...] = ()
    state: str | None = None

    @property
    def has_contact(self) -> bool:
        """True when there is someone to name on the pages (a state alone only pre-selects it)."""
        return self.name is not None

    def as_data(self) -> dict:
        """The given keys as JSON-ready data (for the page scripts and the engine's letters)."""
        out = {key: getattr(self, key) for key in KEYS if getattr(self, key)}
        if self.languages:
            out["languages"] = list(self.languages)
        return out


def _message(key: str, found, why: str = "") -> str:
    return (f"organization.{key}: expected {EXPECTED[key]}; found {found!r}{why}. "
            f"Fix `{key}:` under `organization:` of the resolution-guide plugin in mkdocs.yml, or remove it.")


def _text(key: str, value) -> str:
    if not isinstance(value, str):
        hint = " (a number: put the phone number in quotes)" if key == "phone" and isinstance(value, (int, float)) else ""
        raise c.ValidationError(_message(key, value, hint or f" ({type(value).__name__}, not text)"))
    value = value.strip()
    if not value or "\n" in value or len(value) > MAX_TEXT:
        raise c.ValidationError(_message(key, value, f" (expected one line of 1 to {MAX_TEXT} characters)"))
    return value


def check(raw) -> Organization:
    """The block as given in mkdocs.yml -> Organization; a ValidationError sentence for the first problem."""
    from ..engine.calendars import available_states

    if raw is None:
        return Organization()
    if not isinstance(raw, dict):
        raise c.ValidationError(f"organization: expected keys such as name, site, phone (each on its own line "
                                f"under `organization:`); found {raw!r}. Write the block as in DESIGN.md, "
                                "\"Organization block (contract)\".")
    unknown = [k for k in raw if k not in KEYS]
    if unknown:
        raise c.ValidationError(f"organization: unknown key {', '.join(repr(str(k)) for k in unknown)}; "
                                f"the keys are {', '.join(KEYS)}. Check the spelling in mkdocs.yml.")
    values: dict = {}
    for key in ("name", "site", "phone", "email", "hours"):
        if raw.get(key) is not None:
            values[key] = _text(key, raw[key])
    if "site" in values and not url_ok(values["site"]):
        raise c.ValidationError(_message("site", values["site"]))
    if "email" in values and not EMAIL.match(values["email"]):
        raise c.ValidationError(_message("email", values["email"]))
    if "phone" in values and not PHONE.match(values["phone"]):
        raise c.ValidationError(_message("phone", values["phone"], " (digits, spaces and + ( ) - . only)"))
    languages = raw.get("languages")
    if languages is not None:
        if not isinstance(languages, list) or not languages:
            raise c.ValidationError(_message("languages", languages))
        values["languages"] = tuple(_text("languages", item) for item in languages)
    state = raw.get("state")
    if state is not None:
        codes = available_states()
        if not isinstance(state, str) or state.strip().upper() not in codes:
            raise c.ValidationError(_message("state", state, f" (state packs: {', '.join(codes)})"))
        values["state"] = state.strip().upper()
    given = [k for k in CONTACTS if k in values]
    if given and "name" not in values:
        raise c.ValidationError(f"organization.name: expected {EXPECTED['name']}, because the block gives "
                                f"{', '.join(given)}; found no name. The pages say who the contacts belong to: "
                                "add `name:` under `organization:` in mkdocs.yml.")
    return Organization(**values)


class OrganizationOption(c.BaseConfigOption):
    """The plugin option `organization:` (a mapping; see check()); its default is None, no block."""

    def run_validation(self, value):
        return check(value)  # no block (None): an empty Organization, the national guide


def contact_text(org: Organization, label) -> str:
    """The organization as plain-text lines in one language (`label(key)` gives words.yml labels),
    for the offline README: "For help, contact <name>." then one line per contact. "" without a name."""
    if not org.has_contact:
        return ""
    lines = [label("org_readme").replace("{name}", org.name)]
    for key in ("phone", "email", "site", "hours"):
        if getattr(org, key):
            lines.append(f"{label('org_' + key)}: {getattr(org, key)}")
    if org.languages:
        lines.append(f"{label('org_languages')}: {', '.join(org.languages)}")
    return "\n".join(lines)
