"""`resolution-guide check`: everything a person edits, checked the way the build checks it.

Per language: the word files read strictly (mistakes with file, line, key and what to do), then
what the translation lacks and what needs review since the English changed (translations.py);
and the state packs (statepacks.py). Exit 1 on a mistake; with --strict also on anything missing
or to review (for a CI job that keeps a translation complete).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_check_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "check", help="check the content, word files, translations and state packs",
        description="Check every file a person edits, and list per language what a translation lacks "
                    "and what needs review because the English changed.")
    p.add_argument("--content", default="content", help="content folder (default: content)")
    p.add_argument("--language", action="append", dest="languages", metavar="CODE",
                   help="a language to check (repeatable; default: every folder in the content folder)")
    p.add_argument("--reviewed", metavar="CODE",
                   help="record that the translation CODE is reviewed: its entries now match the current English")
    p.add_argument("--strict", action="store_true", help="exit 1 also when something is missing or to review")
    p.add_argument("--state-packs", metavar="DIR",
                   help="also check your own state packs (default: state_packs_dir of the mkdocs.yml in this folder)")
    p.set_defaults(handler=run_check)


def _word_file_problems(code: str, content_dir: Path) -> list[str]:
    from ..browser.paths import WIDGETS_DIR
    from .errors import ContentError
    from .loader import load_content
    from .wordfiles import engine_words_file, read_word_file

    out = []
    try:
        load_content(content_dir, code)
    except ContentError as err:
        out.extend(str(p) for p in err.problems)
    for path in (WIDGETS_DIR / "locales" / f"{code}.yml", engine_words_file(code)):
        if path.is_file():
            try:
                read_word_file(path)
            except ContentError as err:
                out.extend(str(p) for p in err.problems)
    return out


def configured_state_packs(mkdocs_yml: Path) -> str | None:
    """The fork's `state_packs_dir` from the mkdocs.yml in this folder (resolved against it), so a plain
    `resolution-guide check` also checks the packs the build will use. MkDocs' own tags (!ENV) are ignored."""
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    try:
        config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None  # no mkdocs.yml here, or one MkDocs itself will report
    for plugin in config.get("plugins") or [] if isinstance(config, dict) else []:
        if isinstance(plugin, dict) and isinstance(plugin.get("resolution-guide"), dict):
            folder = plugin["resolution-guide"].get("state_packs_dir")
            if isinstance(folder, str) and folder:
                return str(mkdocs_yml.resolve().parent / folder)
    return None


def run_check(args: argparse.Namespace) -> int:
    from .statepacks import ERROR, check_state_packs
    from .translations import record_reviewed, report, translated_languages

    content_dir = Path(args.content)
    if not (content_dir / "en").is_dir():
        print(f"{content_dir}: no folder 'en' of English content here; give the content folder with --content",
              file=sys.stderr)
        return 2
    languages = args.languages or ["en", *translated_languages(content_dir)]
    mistakes = 0
    to_do = 0
    for code in languages:
        problems = _word_file_problems(code, content_dir)
        mistakes += len(problems)
        print(f"{code}: " + (f"{len(problems)} mistakes in the word files" if problems else "word files read without mistakes"))
        for problem in problems:
            print(f"  - {problem}")
        if code == "en" or problems:
            continue
        if args.reviewed == code:
            path = record_reviewed(code, content_dir)
            print(f"  recorded the English of every translated entry in {path}")
        state = report(code, content_dir)
        to_do += len(state.missing) + len(state.review)
        print("\n".join(state.lines()))
    own_packs = args.state_packs or configured_state_packs(Path("mkdocs.yml"))
    folders = [("state packs", None)] + ([(f"state packs in {own_packs}", own_packs)] if own_packs else [])
    for label, folder in folders:
        packs = check_state_packs(folder)
        errors = [p for p in packs if p.severity == ERROR]
        print(f"{label}: {len(errors)} errors, {len(packs) - len(errors)} warnings")
        for problem in packs:
            print(f"  - {problem}")
        mistakes += len(errors)
    return 1 if mistakes or (args.strict and to_do) else 0
