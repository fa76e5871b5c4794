"""Build the engine wheel that the browser installs with pyodide.unpackArchive.

Why by hand with zipfile: the wheel is pure Python (py3-none-any) and holds only the
standard-library parts of the package, so no build backend or pyodide-build (which
downloads a toolchain and cannot run on a closed network) is needed. Entries are
sorted and time-stamped with a fixed date so the same sources give the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile
from pathlib import Path

from .. import __version__
from .paths import PACKAGE_DIR

DIST_NAME = "resolution_guide"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def wheel_name(version: str = __version__) -> str:
    return f"{DIST_NAME}-{version}-py3-none-any.whl"


def _engine_files(package_dir: Path) -> list[tuple[str, bytes]]:
    """The stdlib-only parts: the package marker, the engine (with its JSON data), the locales."""
    chosen: list[Path] = [package_dir / "__init__.py"]
    for sub in ("engine", "locales"):
        for path in sorted((package_dir / sub).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix in (".py", ".json"):
                chosen.append(path)
    files = {f"{DIST_NAME}/{p.relative_to(package_dir).as_posix()}": p.read_bytes() for p in chosen}
    files.update(_own_state_packs())
    return sorted(files.items())


def _own_state_packs() -> dict[str, bytes]:
    """A fork's packs (state_packs_dir), handed to the engine by the build, as files of the wheel: they
    add to or replace the shipped `engine/states/xx.json`, so the browser's engine and its list of
    states use them with no code of their own."""
    from ..engine.calendars import own_state_packs
    from ..site.statepack_files import engine_json

    return {f"{DIST_NAME}/engine/states/{code.lower()}.json": engine_json(raw).encode("utf-8")
            for code, raw in own_state_packs().items()}


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def build_wheel_bytes(package_dir: Path = PACKAGE_DIR, version: str = __version__) -> bytes:
    files = _engine_files(package_dir)
    info = f"{DIST_NAME}-{version}.dist-info"
    files.append((f"{info}/METADATA", (
        "Metadata-Version: 2.1\n"
        f"Name: resolution-guide\nVersion: {version}\n"
        "Summary: Rules engine of the resolution session guide (browser build)\n"
        "Requires-Python: >=3.11\n").encode()))
    files.append((f"{info}/WHEEL", (
        "Wheel-Version: 1.0\nGenerator: resolution_guide.browser.wheel\n"
        "Root-Is-Purelib: true\nTag: py3-none-any\n").encode()))
    record = "\n".join(_record_line(n, d) for n, d in files) + f"\n{info}/RECORD,,\n"
    files.append((f"{info}/RECORD", record.encode()))

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in files:
            entry = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            zf.writestr(entry, data)
    return buf.getvalue()


def build_wheel(out_dir: Path) -> Path:
    """Write the wheel into out_dir and return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / wheel_name()
    target.write_bytes(build_wheel_bytes())
    return target
