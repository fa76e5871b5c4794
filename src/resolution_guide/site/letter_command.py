"""`resolution-guide letter`: list the letters, or print one filled with a case's dates (text or .docx).

Errors follow the `deadlines` command: each problem on its own line naming its field, exit status 2,
nothing on standard output. The letter words come from content/<locale>/letters.yml (strictly loaded).
"""

from __future__ import annotations

import argparse
import sys

FORMATS = ("text", "docx")


def add_letter_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "letter", help="print a letter filled with a case's dates (--list shows the letters)",
        description="Fill one of the guide's letters with the dates of a case. The case is the same JSON "
                    "as for `deadlines`; blanks (____) are left where only the family knows the answer.")
    p.add_argument("name", nargs="?", help="the letter's name (see --list)")
    p.add_argument("case", nargs="?", help="path to the case JSON file, or - to read standard input")
    p.add_argument("--list", action="store_true", help="list the letters: one name a line, with its title")
    p.add_argument("--format", choices=FORMATS, default="text", help="text (default) or docx (a Word file)")
    p.add_argument("-o", "--output", help="write to this file (needed for docx when standard output is a terminal)")
    p.add_argument("--content", default=None, help="content folder (default: ./content, else the guide's own)")
    p.add_argument("--locale", default="en", help="content language folder (default: en)")
    p.add_argument("--state", default=None, help="two-letter state code for state overrides of the content")
    p.set_defaults(handler=run_letter, parser=p)


def _fail(lines) -> int:
    for line in lines:
        print(line, file=sys.stderr)
    return 2


def run_letter(args: argparse.Namespace) -> int:
    from ..cli import _missing, _read_case
    from ..engine import CaseError
    from ..engine.docx_writer import docx_bytes
    from ..engine.letters import LetterError, fill, find
    from .errors import ContentError

    try:
        from .letters import load_pack  # reads YAML: needs the site packages
    except ImportError as err:
        return _missing(err)

    try:
        pack = load_pack(args.content, args.locale, args.state)
    except ContentError as err:
        return _fail([str(err)])
    if args.list:
        width = max(len(letter["id"]) for letter in pack["letters"])
        sys.stdout.write("".join(f"{letter['id'].ljust(width)}  {letter['title']}\n" for letter in pack["letters"]))
        return 0
    if not args.name or not args.case:
        args.parser.error("give a letter name and a case file (or -), e.g. `letter cancel_agreement case.json`; "
                          "`letter --list` shows the names")
    try:
        find(pack, args.name)  # an unknown name is reported before the case is read
        letter = fill(pack, args.name, _read_case(args.case))
    except (CaseError, LetterError) as err:
        return _fail(e.message for e in err.errors)
    except ValueError as err:
        return _fail([err])
    if args.format == "text":
        data = letter["text"].encode("utf-8")
    else:
        data = docx_bytes(letter["blocks"], letter["title"])
    if args.output:
        try:
            with open(args.output, "wb") as out:
                out.write(data)
        except OSError as err:
            return _fail([f"{args.output}: cannot write the file ({err.strerror})"])
        return 0
    if args.format == "docx" and sys.stdout.isatty():
        return _fail(["A .docx file is not for the terminal: add -o FILE.docx, or redirect, e.g. > letter.docx"])
    sys.stdout.buffer.write(data)
    sys.stdout.flush()
    return 0
