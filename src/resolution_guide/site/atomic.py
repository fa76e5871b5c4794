"""Build into a temporary folder beside site_dir; swap it in only when the whole build succeeded.

Why: MkDocs empties site_dir before it writes, and a problem found later (a broken link under
`strict`, a missing Pyodide file, a failed offline copy) would leave a half site, or none, where
the old one was. The plugin points `config.site_dir` at a fresh sibling folder before MkDocs
cleans anything, and renames it into place as the very last step of the build. MkDocs raises the
`strict` abort only after every `on_post_build`, so the swap counts the warnings itself (the same
counter MkDocs uses) and leaves the old site when there are any. DESIGN.md, "A failed build leaves the old site".
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.utils import CountHandler


class AtomicSiteDir:
    """One build at a time: begin() before MkDocs cleans, finish() last, abandon() on an error."""

    def __init__(self):
        self.target: Path | None = None
        self.temp: Path | None = None
        self.warnings: CountHandler | None = None

    def begin(self, config) -> None:
        self.abandon(config)  # a previous build that neither finished nor failed (should not happen)
        self.target = Path(config.site_dir).resolve()
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self.temp = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.new-", dir=self.target.parent))
        os.chmod(self.temp, 0o755)  # mkdtemp makes it private; a web server must read the site
        config.site_dir = str(self.temp)
        if config.strict:
            self.warnings = CountHandler()
            self.warnings.setLevel(logging.WARNING)
            logging.getLogger("mkdocs").addHandler(self.warnings)

    def finish(self, config) -> bool:
        """Swap the new site in, unless a warning will make MkDocs abort a strict build; True if swapped.

        Raises OSError when the folders cannot be renamed; the old site is then where it was."""
        if self.temp is None:
            return False
        if self.warnings is not None and self.warnings.get_counts():
            return False  # MkDocs raises its strict abort next; on_build_error calls abandon()
        old = None
        if self.target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.old-", dir=self.target.parent))
            os.replace(self.target, old / "site")
        try:
            os.replace(self.temp, self.target)
        except OSError:
            if old:
                os.replace(old / "site", self.target)  # put the old site back before reporting
                shutil.rmtree(old, ignore_errors=True)
            raise
        if old:
            shutil.rmtree(old, ignore_errors=True)
        self._reset(config)
        return True

    def abandon(self, config) -> None:
        """Drop the half-built folder; the old site was never touched."""
        if self.temp is not None:
            shutil.rmtree(self.temp, ignore_errors=True)
        self._reset(config)

    def _reset(self, config) -> None:
        if self.target is not None:
            config.site_dir = str(self.target)
        if self.warnings is not None:
            logging.getLogger("mkdocs").removeHandler(self.warnings)
        self.target = self.temp = self.warnings = None
