"""What content text may contain, so an edited YAML file can never put script or markup on a page.

Contract (DESIGN.md section "Content safety"): every plain-text field is HTML-escaped by the templates
(Jinja autoescape); Markdown fields may not hold raw HTML (rejected here with a loader message, no
sanitiser to trust); link targets are `https:`/`http:` addresses, `page:` links or relative links inside
the guide; `file` names are relative `.md` names that stay inside the site folder.
"""

from __future__ import annotations

import re

CODE_SPAN = re.compile(r"(`[^`]*`)")
# A tag, closing tag, comment, doctype or processing instruction: what Markdown passes through as HTML.
RAW_HTML = re.compile(r"<[A-Za-z/!?]")
# The one kind of comment the build itself reads (a marker the offline plugin replaces).
BUILD_MARKER = re.compile(r"<!-- rg:[a-z-]+ -->")
# attr_list syntax ({: #id .class key=value }) would let text add attributes such as onclick.
ATTR_LIST = re.compile(r"\{\s*[:#.]|\{\s*[A-Za-z_-]+\s*=")
# Markdown link and image targets: [words](target) and reference definitions [id]: target.
LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
REFERENCE_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
SAFE_SCHEMES = ("http", "https")
PAGE_FILE = re.compile(r"^[a-z0-9][a-z0-9_-]*(?:/[a-z0-9][a-z0-9_-]*)*\.md$")
WEB_URL = re.compile(r"^https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[^\s\"'<>`\\]*)?$")

URL_EXPECTED = "a web address starting with https:// (or http://), with no spaces or quotes"
FILE_EXPECTED = ("a relative Markdown file name such as 'timeline.md' or 'guides/timeline.md' "
                 "(lower-case letters, digits, - or _; no '..', no leading '/')")


def link_problems(text: str) -> list[str]:
    """Link targets with a scheme other than http/https/page (e.g. javascript:), as 'found' phrases."""
    out = []
    targets = LINK_TARGET.findall(text) + REFERENCE_DEF.findall(text)
    for target in targets:
        m = SCHEME.match(target)
        if m and m.group(1).lower() not in SAFE_SCHEMES + ("page",):
            out.append(f"a link to '{target[:60]}' (only https:, http:, page: or relative links are allowed)")
    return out


def outside_code(text: str) -> list[str]:
    """The parts of a text outside `code spans` (where [[...]] or <tags> are just examples, not marks)."""
    return [part for part in CODE_SPAN.split(text) if not part.startswith("`")]


def text_problems(text: str, markup: bool) -> list[str]:
    """Why a text field is unsafe, as 'found' phrases for the loader's messages."""
    code_free = " ".join(outside_code(text)) if markup else text
    out = []
    if markup:
        html = RAW_HTML.search(BUILD_MARKER.sub("", code_free))
        if html:
            start = max(html.start() - 10, 0)
            out.append(f"raw HTML near '{code_free[start:html.start() + 20]}' (write plain words; put code in "
                       "`backticks`; HTML in content is not allowed)")
    if ATTR_LIST.search(code_free):
        out.append("an attribute list in braces such as '{: ...}' (not allowed in content text)")
    out.extend(link_problems(code_free))
    return out


def url_ok(value: str) -> bool:
    return bool(WEB_URL.match(value))


def file_ok(value: str) -> bool:
    return bool(PAGE_FILE.match(value)) and ".." not in value
