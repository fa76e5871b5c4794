"""Command line: `resolution-guide deadlines | generate | bundle | letter | check | new | state-pack`.

`deadlines` needs only the standard library, so it works in a bare checkout:
    PYTHONPATH=src python3 -m resolution_guide deadlines case.json
The other commands import the site build code only when they are used.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from . import __version__

FORMATS = ("json", "text", "ics")


def _read_case(source: str):
    """Load the case JSON from a file or standard input; raise ValueError with a plain message."""
    from .engine.limits import MAX_REQUEST_CHARS, InputError, decode, read_json

    name = "standard input" if source == "-" else source
    try:
        if source == "-":
            data = sys.stdin.buffer.read(MAX_REQUEST_CHARS * 4 + 4)
        else:
            with open(source, "rb") as f:
                data = f.read(MAX_REQUEST_CHARS * 4 + 4)  # UTF-8: at most 4 bytes a character
    except OSError as err:
        raise ValueError(f"{name}: cannot read the file ({err.strerror})") from None
    try:
        return read_json(decode(data, name), name)
    except InputError as err:  # too large, too deep, duplicate keys, not UTF-8, not JSON
        raise ValueError(str(err)) from None


def run_deadlines(args: argparse.Namespace) -> int:
    from .engine import CaseError, compute
    from .engine.ics import to_ics
    from .textreport import to_text

    try:
        case = _read_case(args.case)
        if isinstance(case, dict) and (args.today or not case.get("today")):
            # statuses and days left count from today: --today, else the case's own, else the system date
            case = {**case, "today": args.today or date.today().isoformat()}
        result = compute(case)
    except CaseError as err:
        for e in err.errors:
            print(e.message, file=sys.stderr)
        return 2
    except ValueError as err:
        print(err, file=sys.stderr)
        return 2
    if args.format == "json":
        sys.stdout.write(json.dumps(result, indent=2) + "\n")
    elif args.format == "text":
        sys.stdout.write(to_text(result))
    else:
        sys.stdout.write(to_ics(result))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="resolution-guide",
        description="Dates and rules of the IDEA resolution process (34 CFR 300.510), and the guide's build.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("deadlines", help="compute every deadline for a case (JSON file, or - for standard input)",
                       description="Compute every deadline for a case. The case is a JSON object; see README.md.")
    p.add_argument("case", help="path to the case JSON file, or - to read standard input")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    p.add_argument("--today", metavar="YYYY-MM-DD",
                   help="the date to count days left from (default: the case's \"today\", else the system date)")
    p.set_defaults(handler=run_deadlines)
    for name, module, adder in (("generate", "site.commands", "add_generate_parser"),
                                ("bundle", "bundle.commands", "add_bundle_parser"),
                                ("letter", "site.letter_command", "add_letter_parser"),
                                ("check", "site.check_command", "add_check_parser"),
                                ("new", "fork.new_command", "add_new_parser"),
                                ("state-pack", "site.statepack_make", "add_state_pack_parser")):
        _add_optional(sub, name, module, adder)
    return parser


def _add_optional(sub, name: str, module: str, adder: str) -> None:
    """Register a subcommand whose code needs the site dependencies, if they are installed."""
    import importlib

    try:
        mod = importlib.import_module(f"resolution_guide.{module}")
    except ImportError as err:
        p = sub.add_parser(name, help=f"(unavailable: {err.name} is not installed)")
        p.set_defaults(handler=lambda _args, e=err: _missing(e))
        return
    getattr(mod, adder)(sub)


def _missing(err: ImportError) -> int:
    print(f"This command needs the site build packages ({err.name} is missing): pip install -e '.[site]'",
          file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)
