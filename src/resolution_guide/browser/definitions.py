"""Read the widget definitions and their UI words (src/resolution_guide/browser/widgets/*.yml).

Why data: questions, labels, help text and error messages must be translatable
without touching JavaScript; a locale falls back to English, then to the key.
Files are re-read when they change, so a `mkdocs serve` rebuild shows an edit.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from .paths import WIDGETS_DIR

WIDGET_NAMES = ("deadlines", "meeting_required", "attendance", "agreement_review")


class WidgetError(ValueError):
    """A widget name or definition the build cannot use; the message says what to fix."""


@lru_cache(maxsize=32)
def _parsed(path: str, _mtime_ns: int, _size: int):
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def _read_yaml(path: Path):
    """The file's data, parsed once per version of the file (keyed by its mtime and size)."""
    stat = path.stat()
    return _parsed(str(path), stat.st_mtime_ns, stat.st_size)


def definitions() -> dict:
    data = _read_yaml(WIDGETS_DIR / "definitions.yml")
    missing = [n for n in WIDGET_NAMES if n not in data]
    if missing:
        raise WidgetError(f"src/resolution_guide/browser/widgets/definitions.yml: no definition for {', '.join(missing)}")
    return data


def _locale_file(locale: str) -> dict:
    path = WIDGETS_DIR / "locales" / f"{locale}.yml"
    return _read_yaml(path) if path.is_file() else {}


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        out[key] = _merge(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return out


def ui_words(locale: str) -> dict:
    """The locale's UI words laid over English, so a missing string is never blank."""
    english = _locale_file("en")
    return english if locale == "en" else _merge(english, _locale_file(locale))


def available_locales() -> list[str]:
    return sorted(p.stem for p in (WIDGETS_DIR / "locales").glob("*.yml"))
