"""`resolution-guide new DIR`: write a new organization's guide folder from the installed package.

The folder holds what an organization owns (mkdocs.yml with its name, state and contacts; the words
in content/; the npm pins of the calculators' runtime; a README; a GitHub Pages workflow); the rest
comes from the package at build time (DESIGN.md, "A new organization's guide: `new`, publishing").
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from .. import __version__
from .starter import StarterMissing, npm_files, starter_dir

TEMPLATES = Path(__file__).parent / "templates"
#: template file -> where `new` writes it in the new folder
WRITES = {
    "mkdocs.yml": "mkdocs.yml",
    "README.md": "README.md",
    "requirements.txt": "requirements.txt",
    "publish.yml": ".github/workflows/publish.yml",
    "gitignore": ".gitignore",
}
ORGANIZATION_START = "      organization:"
NOT_YET = ("      # This version of resolution-guide does not read `organization:` yet: the lines below are\n"
           "      # switched off with '#'. Remove the '# ' in front of them after upgrading the package.\n")


def add_new_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "new", help="make a folder with a new organization's guide (settings, words, publishing workflow)",
        description="Write a new organization's guide into an empty or new folder: mkdocs.yml to edit, "
                    "the content, the calculators' npm pins, a README and a GitHub Pages workflow.")
    p.add_argument("folder", help="the folder to create (it must be new or empty)")
    p.set_defaults(handler=run_new)


def plugin_reads_organization() -> bool:
    """True when the installed plugin's options include `organization` (the block is then written on)."""
    try:
        from ..site.plugin import ResolutionGuideConfig
    except ImportError:  # no MkDocs here: the guide cannot be built here either, write the safe form
        return False
    return any(name == "organization" for name, _ in ResolutionGuideConfig._schema)


def mkdocs_text(organization: bool) -> str:
    """The mkdocs.yml template; without plugin support the organization block is commented out."""
    text = (TEMPLATES / "mkdocs.yml").read_text(encoding="utf-8")
    if organization:
        return text
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.rstrip() == ORGANIZATION_START)
    end = start + 1
    while end < len(lines) and lines[end].startswith("        "):
        end += 1
    block = ["      # " + line[6:] for line in lines[start:end]]
    return "".join(lines[:start] + [NOT_YET] + block + lines[end:])


def files_for_new_guide() -> dict[str, str]:
    """Relative path -> text of every file `new` writes, apart from the content folder."""
    texts = {target: (TEMPLATES / source).read_text(encoding="utf-8").replace("@VERSION@", __version__)
             for source, target in WRITES.items()}
    texts["mkdocs.yml"] = mkdocs_text(plugin_reads_organization())
    texts.update(npm_files())
    texts["docs/.gitkeep"] = ""  # MkDocs needs the folder; the plugin makes the pages
    return texts


def run_new(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    if folder.exists() and not folder.is_dir():
        print(f"{folder}: this is a file, not a folder; give the name of a new folder", file=sys.stderr)
        return 2
    if folder.is_dir() and any(folder.iterdir()):
        print(f"{folder}: this folder is not empty; `new` writes only into a new or empty folder, "
              "so nothing of yours is overwritten. Give another folder name.", file=sys.stderr)
        return 2
    try:
        content = starter_dir() / "content"
        texts = files_for_new_guide()
    except StarterMissing as err:
        print(err, file=sys.stderr)
        return 2
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(content, folder / "content", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__", ".*"))
    for rel, text in texts.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"Wrote a new guide in {folder}:")
    for rel, what in (("mkdocs.yml", "the settings: change the lines marked CHANGE (name, state, contacts, site_url)"),
                      ("content/", "the words of every page, English (en/) and Spanish (es/)"),
                      ("README.md", "what to change, how to build, preview and publish"),
                      ("requirements.txt", f"the package that builds the guide (resolution-guide {__version__})"),
                      ("package.json, package-lock.json", "the calculators' pinned Python runtime (npm ci)"),
                      (".github/workflows/publish.yml", "publishes the site and its offline zip on GitHub Pages"),
                      (".gitignore", "what the build makes")):
        print(f"  {rel:34} {what}")
    print("Next:")
    for line in (f"cd {folder}", "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt",
                 "npm ci", ".venv/bin/mkdocs serve      # preview at http://127.0.0.1:8000/"):
        print(f"  {line}")
    return 0
