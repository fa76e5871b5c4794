"""Read the translatable word files strictly (DESIGN.md, "Languages"): the calculators' words
(`browser/widgets/locales/<code>.yml`) and the engine's words (`locales/<code>.json`).

A translation is checked against the English file of its kind, key by key: a key English does
not have is a mistake (a typo such as `agrement_review:` would otherwise leave English on the
page), a different kind of value (text where English has a list) is a mistake, a YAML or JSON
error names its line. English itself is checked against the few shapes the code reads
(`fields.<name>` has label, hint, short, choices). Keys English has and a translation lacks are
not mistakes: the page falls back to English, and `resolution-guide check` lists them.
"""

from __future__ import annotations

import difflib
import json
from functools import lru_cache
from pathlib import Path

from .errors import ContentError, Problem
from .strict_yaml import path_text, read_yaml

#: The words of one plural entry ({"one": ..., "other": ...}); a language may use any of them.
PLURAL_FORMS = {"zero", "one", "two", "few", "many", "other"}
#: Per-language facts, not translations: their values differ and are never compared.
META_KEYS = {"meta", "_meta"}
#: The keys the code reads under each item of these mappings (English is checked against them).
SHAPES = {("fields", "*"): {"label", "hint", "short", "choices"},
          ("widgets", "*"): {"title", "intro", "rule", "follow_ups"}}


def _kind(value) -> str:
    if isinstance(value, dict):
        return "a group of keys"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool):
        return "true or false"
    if value is None:
        return "nothing (an empty value)"
    return "a number"


def _state_codes() -> set:
    from ..engine.api import describe

    return {s["code"] for s in describe("en")["states"]}


def did_you_mean(key: str, choices) -> str:
    close = difflib.get_close_matches(key, [str(c) for c in choices], n=1, cutoff=0.6)
    return f"; did you mean {close[0]}?" if close else f"; the keys here are {', '.join(sorted(map(str, choices)))}"


def parse_word_file(path: Path, label: str) -> tuple[object, dict, list[Problem]]:
    """(data, {key path: line}, problems) of a YAML or JSON word file."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            return None, {}, [Problem(label, err.lineno, "", "valid JSON",
                                      f"{err.msg} at column {err.colno}; check the commas and quotes on this line "
                                      "and the line before")]
        _, lines, _ = read_yaml(text.replace("\t", " "), label)  # JSON is YAML: the lines of its keys
        return data, lines, []
    return read_yaml(text, label)


def check_shape(data, lines: dict, label: str) -> list[Problem]:
    """English: keys the code reads under fields.<name> and widgets.<name>."""
    out = []
    for (group, _), allowed in SHAPES.items():
        for name, item in ((data or {}).get(group) or {}).items():
            for key in (item if isinstance(item, dict) else {}):
                if key not in allowed:
                    path = (group, name, key)
                    out.append(Problem(label, lines.get(path), path_text(path), f"one of the keys {', '.join(sorted(allowed))}",
                                       f"unknown key '{key}'{did_you_mean(key, allowed)}"))
    return out


def compare(english, translated, lines: dict, label: str, english_label: str, path=()) -> list[Problem]:
    """Mistakes in a translation, compared with English: unknown keys and different kinds of value."""
    out = []
    if isinstance(english, dict) and not english and isinstance(translated, dict):
        return out  # a list English leaves empty, e.g. state_holiday_names (English name -> translated name)
    if isinstance(english, dict) and isinstance(translated, dict):
        plural = set(english) <= PLURAL_FORMS and "other" in english
        for key, value in translated.items():
            here = path + (key,)
            if key in META_KEYS and not path:
                continue
            if key not in english:
                if plural and key in PLURAL_FORMS:
                    continue
                if path[-1:] == ("choices",) and isinstance(key, str) and key in _state_codes():
                    continue  # a state's name in this language (English takes it from the state pack)
                out.append(Problem(label, lines.get(here), path_text(here), f"a key that {english_label} has",
                                   f"unknown key '{key}'{did_you_mean(key, english)}"))
                continue
            out.extend(compare(english[key], value, lines, label, english_label, here))
        return out
    if isinstance(english, dict) and "other" in english and isinstance(translated, str):
        return out  # a language with one form for every number may write plain text
    if _kind(english) != _kind(translated) and not (isinstance(english, str) and translated is None):
        out.append(Problem(label, lines.get(path), path_text(path), f"{_kind(english)}, as in {english_label}",
                           f"{_kind(translated)}"))
    elif isinstance(english, list) and isinstance(translated, list) and len(english) != len(translated):
        out.append(Problem(label, lines.get(path), path_text(path), f"{len(english)} items, as in {english_label}",
                           f"{len(translated)} items"))
    return out


def label_of(path: Path) -> str:
    """A word file as named in messages: from its package folder down (no machine paths)."""
    parts = Path(path).parts
    start = parts.index("resolution_guide") if "resolution_guide" in parts else max(len(parts) - 3, 0)
    return "/".join(("src",) + parts[start:]) if "resolution_guide" in parts else "/".join(parts[start:])


@lru_cache(maxsize=64)
def _checked(path: str, english: str | None, _stamp: tuple) -> object:
    p = Path(path)
    label = label_of(p)
    data, lines, problems = parse_word_file(p, label)
    if not problems and not isinstance(data, dict):
        problems = [Problem(label, None, "", "a group of keys (key: value lines)", _kind(data))]
    if not problems:
        if english is None:
            problems = check_shape(data, lines, label)
        else:
            english_data = read_word_file(Path(english))
            problems = compare(english_data, data, lines, label, label_of(Path(english)))
    if problems:
        raise ContentError(problems)
    return data


def _stamp(path: Path) -> tuple:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


def read_word_file(path: Path) -> dict:
    """The data of a word file, checked; raises ContentError (file, line, key, what to do).

    The English file beside it (`en.yml` / `en.json`) is the reference for any other language."""
    path = Path(path)
    english = path.with_name("en" + path.suffix)
    reference = None if path.name == english.name or not english.is_file() else str(english)
    stamp = _stamp(path) + (_stamp(english) if reference else ())
    return _checked(str(path), reference, stamp)


def engine_words_file(code: str) -> Path:
    from .. import __file__ as package_init

    return Path(package_init).parent / "locales" / f"{code}.json"


def check_engine_words(code: str) -> None:
    """The engine reads its words with the standard library (in Pyodide too): check them at build."""
    path = engine_words_file(code)
    if path.is_file():
        read_word_file(path)
    if code != "en":
        read_word_file(engine_words_file("en"))
