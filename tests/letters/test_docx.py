"""The .docx is a zip whose XML parts parse, holding the letter's words in order."""

from __future__ import annotations

import base64
import io
import zipfile
from xml.etree import ElementTree

from resolution_guide.engine.docx_writer import docx_bytes
from resolution_guide.engine.letters import fill, respond

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CASE = {"received": "2026-06-03", "agreement_signed": "2026-11-25"}


def paragraphs(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = ElementTree.fromstring(zf.read("word/document.xml"))
    return ["".join(t.text or "" for t in p.iter(W + "t")) for p in root.iter(W + "p")]


def test_docx_opens_and_every_part_parses(pack):
    letter = fill(pack, "cancel_agreement", CASE)
    data = docx_bytes(letter["blocks"], letter["title"])
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        names = zf.namelist()
        assert names[0] == "[Content_Types].xml"
        assert {"_rels/.rels", "word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels"} <= set(names)
        for name in names:
            ElementTree.fromstring(zf.read(name))  # raises if not well-formed
        types = ElementTree.fromstring(zf.read("[Content_Types].xml"))
        overrides = {o.get("PartName") for o in types}
        assert "/word/document.xml" in overrides and "/word/styles.xml" in overrides
    lines = [line for block in letter["blocks"] for line in block]
    assert paragraphs(data) == lines
    assert any("Tuesday, December 1, 2026" in p for p in paragraphs(data))


def test_special_characters_are_escaped():
    data = docx_bytes([["Smith & Sons <school> \"quoted\""]], "A & B")
    assert paragraphs(data) == ["Smith & Sons <school> \"quoted\""]


def test_same_letter_same_bytes(pack):
    letter = fill(pack, "waive_meeting", CASE)
    assert docx_bytes(letter["blocks"]) == docx_bytes(letter["blocks"])


def test_browser_action_returns_the_docx(pack):
    answer = respond({"action": "letter", "pack": pack, "case": CASE, "letter": "waive_meeting", "format": "docx"})
    data = base64.b64decode(answer["docx_base64"])
    assert paragraphs(data) == [line for block in answer["letter"]["blocks"] for line in block]
