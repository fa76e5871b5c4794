"""The letters' help line: the organization that publishes the guide (mkdocs.yml `organization:`), passed to
the engine as plain data in the letter pack, said in the pack's language, beside the letter and never in it."""

from __future__ import annotations

from pathlib import Path

from resolution_guide.engine.letters import fill, preview, respond
from resolution_guide.site.letters import load_pack, pack_from_content
from resolution_guide.site.loader import load_content

CONTENT = Path(__file__).resolve().parents[2] / "content"
ORG = {"name": "Example Parent Center", "phone": "555-0100", "email": "help@example.org",
       "site": "https://example.org/", "languages": ["English", "Spanish"]}
CASE = {"received": "2026-06-03", "agreement_signed": "2026-11-25"}


def test_the_filled_letter_names_the_organization_to_ask_in_english(pack):
    letter = fill({**pack, "organization": ORG}, "cancel_agreement", CASE)
    assert letter["help"] == ("For help with this letter, contact Example Parent Center. Phone 555-0100; "
                              "email help@example.org; web site https://example.org/; "
                              "languages spoken: English, Spanish.")
    # The letter goes to the school: the help line is not part of its text.
    assert "Example Parent Center" not in letter["text"]


def test_the_help_line_is_in_spanish_for_the_spanish_pack():
    pack = pack_from_content(load_content(CONTENT, "es"), ORG)
    letter = fill(pack, "cancel_agreement", CASE)
    assert letter["help"].startswith("Si necesita ayuda con esta carta, comuníquese con Example Parent Center.")
    assert "Teléfono 555-0100" in letter["help"] and "correo electrónico help@example.org" in letter["help"]


def test_no_organization_no_help_line(pack):
    assert "organization" not in pack
    assert fill(pack, "cancel_agreement", CASE)["help"] is None
    # A pack given an organization without a name (a state alone) carries none either.
    assert "organization" not in pack_from_content(load_content(CONTENT, "en"), {"state": "NY"})


def test_the_browser_action_returns_the_help_line(pack):
    out = respond({"action": "letter", "pack": {**pack, "organization": {"name": "Example"}},
                   "case": CASE, "letter": "cancel_agreement"})
    assert out["ok"] and out["letter"]["help"] == "For help with this letter, contact Example."
    assert "Example" not in preview({**pack, "organization": {"name": "Example"}}, "cancel_agreement")


def test_load_pack_without_organization_is_unchanged():
    assert "organization" not in load_pack(CONTENT)
