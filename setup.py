"""The wheel also carries the starter files of `resolution-guide new` (DESIGN.md, "A new organization's guide").

Their single source stays where people edit them: `content/` and the npm pins (`package.json`,
`package-lock.json`) at the repository root. `build_py` copies them into `resolution_guide/starter/`
of the wheel, so the repository holds no second copy. An editable install (`./dev setup`) has no
copy; the package then reads them from the checkout (resolution_guide/fork/starter.py).
Everything else about the package is in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
STARTER_FILES = ("content", "package.json", "package-lock.json")


class BuildWithStarter(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "resolution_guide" / "starter"
        for name in STARTER_FILES:
            source = ROOT / name
            if not source.exists():
                raise SystemExit(f"setup.py: {source} is missing; the wheel must carry it for `resolution-guide new`")
            if source.is_dir():
                shutil.copytree(source, target / name, dirs_exist_ok=True,
                                ignore=shutil.ignore_patterns("__pycache__", ".*"))
            else:
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / name)


setup(cmdclass={"build_py": BuildWithStarter})
