"""The calculators' definitions (widgets/definitions.yml), their questions and UI words.

Why this split: the engine describes its own questions (engine.api.describe: types,
choices, states, when each applies); definitions.yml only says which questions each
calculator asks and which result parts it shows; the words are translatable YAML
(locale -> English -> key). A new engine field or state pack so appears with no edit
to lists, templates or JavaScript; a question without words is a build error naming
the file and the key to add. Files are re-read when they change (`mkdocs serve`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from ..engine.api import describe
from ..site.wordfiles import read_word_file
from .paths import WIDGETS_DIR

#: Which describe() kinds a form asks about ("device" fields, such as today, are not questions).
ASKED_KINDS = ("fact", "option")
#: Result parts the page script can draw: the `part_<name>` methods of its result scripts.
PART_SOURCES = ("results.js", "letters.js", "actions.js")


class WidgetError(ValueError):
    """A widget name or definition the build cannot use; the message says what to fix."""


@lru_cache(maxsize=32)
def _parsed(path: str, _mtime_ns: int, _size: int):
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def _read_yaml(path: Path):
    """The file's data, parsed once per version of the file (keyed by its mtime and size)."""
    stat = path.stat()
    return _parsed(str(path), stat.st_mtime_ns, stat.st_size)


def _definitions_file() -> Path:
    return WIDGETS_DIR / "definitions.yml"


def _where(key: str) -> str:
    return f"src/resolution_guide/browser/widgets/definitions.yml, key {key}"


def definitions() -> dict:
    """Widget name -> {"asks": [...] or "every", "except": [...], "results": [...]}, checked."""
    data = _read_yaml(_definitions_file())
    if not isinstance(data, dict) or not data:
        raise WidgetError(f"{_where('(top)')}: expected a mapping of widget names; found {type(data).__name__}")
    known_parts = result_parts()
    for name, spec in data.items():
        if not isinstance(spec, dict) or set(spec) - {"asks", "except", "results"}:
            raise WidgetError(f"{_where(name)}: expected keys asks, except, results; found "
                              f"{sorted(spec) if isinstance(spec, dict) else spec!r}")
        asks = spec.get("asks")
        if asks != "every" and not (isinstance(asks, list) and asks and all(isinstance(a, str) for a in asks)):
            raise WidgetError(f"{_where(name + '.asks')}: expected \"every\" or a list of field names; found {asks!r}")
        unknown = [p for p in spec.get("results") or [] if p not in known_parts]
        if not spec.get("results") or unknown:
            raise WidgetError(f"{_where(name + '.results')}: expected parts from {', '.join(sorted(known_parts))}; "
                              f"found {unknown or spec.get('results')!r}")
    return data


def widget_names() -> tuple[str, ...]:
    """The calculators, in the order of definitions.yml (the one list of them)."""
    return tuple(definitions())


def result_parts() -> set[str]:
    js = WIDGETS_DIR / "js" / "widgets"
    return {m for name in PART_SOURCES
            for m in re.findall(r"prototype\.part_(\w+)\s*=", (js / name).read_text(encoding="utf-8"))}


def questions(name: str, locale: str = "en") -> list[dict]:
    """The questions of one calculator: describe()'s entry for each field it asks, in order,
    with `words` (label, hint, short, choices: value -> words) and, for `state`, the packs' names."""
    spec = definitions()[name]
    described = describe(locale)
    fields = {f["name"]: f for f in described["fields"]}
    if spec["asks"] == "every":
        skip = set(spec.get("except") or [])
        names = [f["name"] for f in described["fields"] if f["kind"] in ASKED_KINDS and f["name"] not in skip]
    else:
        names = spec["asks"]
    unknown = [n for n in [*names, *(spec.get("except") or [])] if n not in fields]
    if unknown:
        raise WidgetError(f"{_where(name)}: the engine has no field {', '.join(unknown)} "
                          f"(engine.api.describe lists {', '.join(fields)})")
    words = ui_words(locale)
    states = {s["code"]: s["name"] for s in described["states"]}
    return [_with_words(dict(fields[n]), words, states) for n in names]


def _with_words(field: dict, words: dict, states: dict) -> dict:
    """Attach a field's words; a missing one is a build error naming the file and key."""
    name = field["name"]
    field.setdefault("default", None)              # describe() leaves out a default of None
    own = (words.get("fields") or {}).get(name) or {}
    if not isinstance(own.get("label"), str):
        raise WidgetError(f"src/resolution_guide/browser/widgets/locales/en.yml: no words for fields.{name}.label; "
                          f"add the question for the engine's field {name!r} (type {field['type']})")
    choices = {}
    for value in _choices(field):
        said = (own.get("choices") or {}).get(value)
        if said is None and field["type"] == "state" and value:
            said = states[value]                         # a state's name comes from its pack
        if said is None:
            said = (words.get("choices") or {}).get(value)
        if not isinstance(said, str):
            raise WidgetError(f"src/resolution_guide/browser/widgets/locales/en.yml: no words for "
                              f"fields.{name}.choices.{value!r} (or choices.{value!r})")
        choices[value] = said
    field["words"] = {"label": own["label"], "hint": own.get("hint"), "short": own.get("short"), "choices": choices}
    return field


def _choices(field: dict) -> list[str]:
    """The values a person picks from, as form values (strings)."""
    if field["type"] in ("choice", "state"):
        return [str(c) for c in field["choices"]]
    if field["type"] == "bool" and field.get("default") is None:
        return ["", "true", "false"]                    # unanswered is an answer: "not sure"
    return []


def _locale_file(locale: str) -> dict:
    path = WIDGETS_DIR / "locales" / f"{locale}.yml"
    return read_word_file(path) if path.is_file() else {}  # strict: file, line, key, what to do


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
