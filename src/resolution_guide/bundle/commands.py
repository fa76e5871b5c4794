"""`resolution-guide bundle`: write dist/resolution-guide-offline-<version>.zip."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

import mkdocs  # noqa: F401  (the command needs the site packages; cli.py reports when they are missing)


def add_bundle_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "bundle", help="build the offline zip (the guide and its calculators, working from disk)",
        description="Build the guide with offline settings and pack it, with its calculators, into one zip "
                    "that works from disk with no server and no network.")
    p.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's MkDocs config (default: mkdocs.yml)")
    p.add_argument("-o", "--output-dir", default="dist", help="folder for the zip (default: dist)")
    p.set_defaults(handler=run_bundle)


def _show_build_messages() -> logging.Handler:
    """MkDocs' warnings and errors on standard error, as `mkdocs build` shows them."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)
    return handler


def run_bundle(args: argparse.Namespace) -> int:
    from mkdocs.exceptions import MkDocsException

    from .make import make_bundle

    config_file = Path(args.config_file)
    if not config_file.is_file():
        print(f"{config_file}: no such MkDocs config (run from the project folder or pass -f)", file=sys.stderr)
        return 2
    handler = _show_build_messages()
    try:
        make_bundle(config_file, Path(args.output_dir))
    except MkDocsException as err:  # PluginError, Abort (strict), ConfigurationError: each has its sentence
        print(f"bundle failed: {err}", file=sys.stderr)
        return 1
    except OSError as err:
        print(f"bundle failed: cannot write {err.filename or args.output_dir}: {err.strerror or err}", file=sys.stderr)
        return 1
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    return 0
