"""The zip a family downloads: README.txt first, then the offline site, written atomically.

Why atomic: a half-written zip in dist/ (or on the download page) would look like a
release; the archive is written next to its destination and moved into place only
once it is complete.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .. import __version__

PACKAGE_NAME = "resolution-guide"


@dataclass(frozen=True)
class BundleInfo:
    """What README.txt and the download page say about one zip."""
    name: str
    version: str
    built: datetime
    language: str
    state: str
    #: the other languages in the same zip: (name in that language, its index page, its README words)
    languages: tuple = ()
    #: who publishes this copy and how to reach them, in the first language ("" without an organization)
    help: str = ""

    @property
    def folder(self) -> str:
        """The one top-level folder inside the zip, named like the zip (unzipping makes no mess)."""
        return f"{self.name}-offline-{self.version}"

    @property
    def filename(self) -> str:
        return f"{self.folder}.zip"


def build_time() -> datetime:
    """Now, or SOURCE_DATE_EPOCH when set, so a rebuild of the same sources gives the same zip."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.now(timezone.utc).replace(microsecond=0)


def bundle_info(language: str, state: str, built: datetime | None = None) -> BundleInfo:
    return BundleInfo(PACKAGE_NAME, __version__, built or build_time(), language, state)


def readme_text(info: BundleInfo) -> str:
    """README.txt: how to open the guide, what is inside, and that nothing leaves the computer."""
    return f"""\
Resolution Session Guide - offline copy
=======================================

Version:     {info.version}
Built:       {info.built:%Y-%m-%d} (UTC)
Language:    {info.language}
State rules: {info.state}

HOW TO OPEN IT
1. Unzip (extract) this whole file. Opening the pages from inside the zip
   without extracting it first will not work.
2. Open the folder {info.folder} and double-click index.html.
   It opens in your web browser. No internet connection, server or
   installation is needed.

WHAT IS INSIDE
- The whole guide to the IDEA resolution session (34 CFR 300.510): every page,
  with links between pages and search.
- The calculators (deadline dates, whether a resolution session must be held,
  who can come, and the last day to cancel an agreement). They run in your
  browser with a copy of Python that is included in this folder (the files
  under assets/rg/offline/), so the first calculation on a page can take a
  few seconds.
- If your browser cannot run the calculators, each calculator says so and
  explains the rule in words; every page can still be read.

YOUR PRIVACY
Nothing you type is sent anywhere. These pages make no network requests, set no
cookies and store nothing. Your answers stay in the page address (after the #),
so you can bookmark them; use "Clear my answers" on a shared computer.

This guide is general information, not legal advice. Dates are computed from the
federal regulations and the state rules named above; check them against your own
papers and ask your state's parent center if something looks wrong.
""" + (f"\nHELP\n{info.help.strip()}\n" if info.help else "") + "".join(_language_section(*language) for language in info.languages)


def _language_section(name: str, index: str, words: str) -> str:
    """Another language of the same copy: its name, the page to open, and its own README words."""
    head = f"{name}: {index}"
    words = words.replace("{folder}", index.rsplit("/", 1)[0] if "/" in index else ".")  # the language's folder
    return f"\n{head}\n{'=' * len(head)}\n\n" + (words.strip() + "\n" if words else "")


def _date_time(built: datetime) -> tuple[int, int, int, int, int, int]:
    return (max(built.year, 1980), built.month, built.day, built.hour, built.minute, built.second)


def write_zip(site_dir: Path, info: BundleInfo, dest: Path, progress=None) -> Path:
    """Zip README.txt and site_dir into dest (a file path), all inside one folder named
    like the zip (info.folder), and return dest.

    Entries are sorted and dated with the build time, so the archive depends only on
    its contents. progress(done, total) is called as files are added.
    """
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    stamp = _date_time(info.built)
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
            _add(zf, f"{info.folder}/README.txt", readme_text(info).replace("\n", "\r\n").encode("utf-8"), stamp)
            for done, path in enumerate(files, 1):
                _add(zf, f"{info.folder}/{path.relative_to(site_dir).as_posix()}", path.read_bytes(), stamp)
                if progress:
                    progress(done, len(files))
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a web server must be able to read the download
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return dest


def _add(zf: zipfile.ZipFile, name: str, data: bytes, stamp) -> None:
    entry = zipfile.ZipInfo(name, date_time=stamp)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o644 << 16
    zf.writestr(entry, data, compresslevel=9)
