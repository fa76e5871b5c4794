"""`resolution-guide generate --out DIR`: the guide as plain Markdown, without MkDocs.

Same loader and templates as the plugin. Pages are written to a temporary folder next to DIR and
moved into place only when all of them succeeded, so DIR is never left half-written.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path


def add_generate_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "generate", help="write the guide's pages as plain Markdown into a folder (no MkDocs needed)",
        description="Check the content files and write every page of the guide as plain Markdown.")
    p.add_argument("--out", required=True, help="folder to write the pages into (replaced as a whole)")
    p.add_argument("--content", default="content", help="content folder (default: content)")
    p.add_argument("--locale", default="en", help="content language folder (default: en)")
    p.add_argument("--state", default=None, help="two-letter state code for state overrides, e.g. TX")
    p.add_argument("--templates", default=None, help="folder of templates that replace the built-in ones")
    p.set_defaults(handler=run_generate)


def _widget_note(label):
    def widget(name: str, root: str) -> str:
        return f"> {label('widget_elsewhere')}"
    return widget


def run_generate(args: argparse.Namespace) -> int:
    import jinja2

    from .errors import ContentError
    from .generate import generate_pages
    from .loader import load_content

    out = Path(args.out)
    try:
        print(f"Checking content in {args.content}/{args.locale} ...", file=sys.stderr)
        content = load_content(args.content, args.locale, args.state)
        pages = generate_pages(content, _widget_note(content.label), args.templates, use_directory_urls=False,
                               link_style="markdown")
    except ContentError as err:
        print(err, file=sys.stderr)
        return 2
    except jinja2.TemplateError as err:
        print(f"template error: {getattr(err, 'filename', '') or ''} line {getattr(err, 'lineno', '?')}: {err}",
              file=sys.stderr)
        return 2
    out.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=".generate-", dir=out.parent))
    try:
        for i, (name, text) in enumerate(pages.items(), 1):
            print(f"[{i}/{len(pages)}] {name}", file=sys.stderr)
            target = temp / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        old = None
        if out.exists():
            old = out.with_name(f".{out.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            out.rename(old)
        temp.rename(out)
        if old:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as err:
        shutil.rmtree(temp, ignore_errors=True)
        print(f"cannot write {out}: {err.strerror or err}", file=sys.stderr)
        return 2
    print(f"Wrote {len(pages)} pages to {out}", file=sys.stderr)
    return 0
