"""Strict checker for the state packs (resolution_guide/states/xx.yml, or a fork's state_packs_dir).

The engine trusts a pack: a date written `12/24/2026` is simply never matched, so a family gets a wrong
date with no warning. This checker runs at build time, in the tests and in `resolution-guide check`, and
reports every problem of every pack at once, each naming the file, the line, the key, what was expected,
what was found and what to do. The node-by-node reader of `strict_yaml` gives the line of every key,
catches duplicate keys and keeps unquoted dates as written (so `2026-1-12` is reported, not converted).
For the shipped packs it also reports an engine JSON file (engine/states/xx.json) that is out of date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import statepack_files
from .strict_yaml import path_text, read_yaml

ERROR = "error"
WARNING = "warning"

# Holiday data should reach at least this year; a pack that stops earlier gets a warning.
COVER_AT_LEAST_TO = 2030

# Every key a pack may have, with the words used in messages for what it should hold (contract with
# engine/calendars.py, which reads state, name, holidays, holidays_cover, holidays_source and rules).
PACK_KEYS = {
    "state": "the two-letter state code in capitals, the same as the file name (e.g. NY in ny.yml)",
    "name": "the state's full name, e.g. \"New York\"",
    "holidays_statute": "the citation of the state's own law that lists its legal holidays",
    "holidays_source_url": "an https:// link to that law",
    "holidays": "a list of lines 'YYYY-MM-DD': holiday name",
    "holidays_cover": "[first year, last year] covered by the holiday list",
    "holidays_source": "how the holiday list was made, e.g. \"python package holidays 0.109, US subdivision NY\"",
    "notes": "a sentence or two on what was left out of the list and why",
    "rules": "a mapping with at most limitation_period",
    "rules_checked": "true when rules.limitation_period cites the state's own law, false when it was not checked",
    "parent_center": "name: and url: https://... of the state's Parent Training and Information Center",
    "sources": "a list of items with what: and url: https://...",
    "checked": "the date (YYYY-MM-DD) a person last checked the pack",
    "to_check": "a list of key names a person still has to fill in",
}
# Keys that may be missing only when named in `to_check` (left out because no source was found).
REQUIRED = ("state", "name", "holidays_statute", "holidays_source_url", "holidays", "holidays_cover",
            "holidays_source", "notes", "rules", "rules_checked", "parent_center", "sources", "checked")
NEVER_TO_CHECK = ("state", "holidays", "holidays_cover", "rules", "rules_checked", "sources")

LIMITATION_KEYS = {
    "value": "the number of years as a whole number, e.g. 1",
    "unit": "\"years\"",
    "reference": "the citation of the state's own law, e.g. \"N.C. Gen. Stat. 115C-109.6(b)\"",
    "description": "one plain sentence saying what the law sets",
    "source_url": "an https:// link to that law",
    "checked": "the date (YYYY-MM-DD) the citation was checked",
}

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
PACK_FILE = re.compile(r"[a-z]{2}\.yml")


@dataclass(frozen=True)
class PackProblem:
    """One thing wrong in one pack, with what to do about it."""

    file: str
    line: int | None
    key: str
    expected: str
    found: str
    fix: str
    severity: str = ERROR

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}" if self.line else self.file
        at = f", key {self.key}" if self.key else ""
        head = "warning: " if self.severity == WARNING else ""
        return f"{head}{where}{at}: expected {self.expected}; found {self.found}. {self.fix}"


class StatePackError(ValueError):
    """Raised by `require_valid_state_packs` when a pack has errors; every problem is listed."""

    def __init__(self, problems: list[PackProblem]):
        self.problems = list(problems)
        head = "1 problem in the state packs" if len(problems) == 1 else f"{len(problems)} problems in the state packs"
        super().__init__(head + ":\n" + "\n".join(f"- {p}" for p in self.problems))


def default_folder() -> Path:
    return statepack_files.YAML_DIR


def check_state_packs(folder: Path | str | None = None) -> list[PackProblem]:
    """Every problem (errors and warnings) in every pack of `folder` (default: the shipped packs, whose
    generated engine JSON must also be up to date)."""
    shipped = folder is None
    folder = Path(folder) if folder is not None else default_folder()
    if not folder.is_dir():
        return [PackProblem(str(folder), None, "", "a folder of state packs (xx.yml files)", "no such folder",
                            "Create it, or correct state_packs_dir in mkdocs.yml (a path relative to mkdocs.yml).")]
    problems: list[PackProblem] = []
    for path in statepack_files.pack_files(folder):
        problems.extend(check_state_pack(path))
    if shipped and not any(p.severity == ERROR for p in problems):
        for name in statepack_files.out_of_date(folder, statepack_files.JSON_DIR):
            problems.append(PackProblem(str(statepack_files.JSON_DIR / name), None, "",
                                        f"the engine's copy of {name[:-5]}.yml", "a file that differs from it",
                                        "Run `resolution-guide state-pack --sync` after editing a pack "
                                        "(the engine reads this generated JSON)."))
    return problems


def require_valid_state_packs(folder: Path | str | None = None) -> list[PackProblem]:
    """For the build: raise StatePackError on any error; return the warnings."""
    problems = check_state_packs(folder)
    errors = [p for p in problems if p.severity == ERROR]
    if errors:
        raise StatePackError(errors)
    return problems


def load_state_packs(folder: Path | str) -> tuple[dict[str, dict], list[PackProblem]]:
    """A fork's packs, checked: ({code: pack}, warnings); raises StatePackError on any error."""
    warnings = require_valid_state_packs(folder)
    packs = {p.stem.upper(): statepack_files.read_pack(p) for p in sorted(Path(folder).glob("*.yml"))}
    return packs, warnings


def check_state_pack(path: Path) -> list[PackProblem]:
    return _PackCheck(path).run()


def _describe(value) -> str:
    if isinstance(value, str):
        return f"\"{value}\""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    return str(value)


def _yaml_fix(found: str) -> str:
    if "duplicate" in found:
        return "Remove one of the two: only the last one would be used."
    if "found ','" in found:
        return "Remove the comma at the end of the line: YAML needs no commas between lines."
    return "Fix the file at that place."


def _is_https(value) -> bool:
    return isinstance(value, str) and re.fullmatch(r"https://[^\s/]+\.[^\s]+", value) is not None


def _real_date(text) -> date | None:
    if not isinstance(text, str) or not ISO_DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _date_problem(text) -> str:
    """Why `text` is not a usable date, in the words of the message's 'found' part."""
    if isinstance(text, str) and ISO_DATE.fullmatch(text):
        return f"\"{text}\", which is not a day of the calendar"
    if isinstance(text, str) and re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
        return f"\"{text}\" (months and days need two digits)"
    return _describe(text)


class _PackCheck:
    def __init__(self, path: Path):
        self.path = path
        self.file = str(path)
        self.problems: list[PackProblem] = []
        self.lines: dict[tuple, int] = {}

    def add(self, key: tuple, expected: str, found: str, fix: str, severity: str = ERROR, line: int | None = None):
        if line is None:
            line = self.lines.get(key) or (self.lines.get(key[:-1]) if key else None)
        self.problems.append(PackProblem(self.file, line, path_text(key), expected, found, fix, severity))

    def run(self) -> list[PackProblem]:
        if not PACK_FILE.fullmatch(self.path.name):
            self.add((), "a file name of two lower-case letters and .yml, e.g. ny.yml",
                     f"\"{self.path.name}\"", "Rename the file: the build looks for the lower-case state code "
                     "and .yml.", line=None)
            if self.path.suffix != ".yml":
                return self.problems
        text = self.path.read_text(encoding="utf-8")
        data, self.lines, yaml_problems = read_yaml(text, self.file)
        for p in yaml_problems:
            self.problems.append(PackProblem(self.file, p.line, p.path, p.expected, p.found, _yaml_fix(p.found)))
        if data is None and yaml_problems:
            return self.problems
        if not isinstance(data, dict):
            self.add((), "the pack keys, one per line (state: NY, name: New York, ...)", _describe(data),
                     "Write the pack as key: value lines, as in the shipped packs.", line=1)
            return self.problems
        self.check_commas(data, ())
        self.check_keys(data)
        self.check_state(data)
        self.check_texts(data)
        cover = self.check_cover(data.get("holidays_cover"))
        self.check_holidays(data.get("holidays"), cover)
        self.check_rules(data)
        self.check_parent_center(data.get("parent_center"))
        self.check_sources(data.get("sources"))
        return self.problems

    def check_commas(self, value, path: tuple) -> None:
        """A comma at the end of a YAML line is kept as part of the text (`Christmas Eve,`): say so."""
        if isinstance(value, dict):
            for key, item in value.items():
                self.check_commas(item, path + (key,))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                self.check_commas(item, path + (i,))
        elif isinstance(value, str) and value.rstrip().endswith(","):
            self.add(path, "a value without a comma at the end", _describe(value),
                     "Remove the comma at the end of the line: YAML needs no commas between lines.")

    # --- keys -------------------------------------------------------------------------------------
    def check_keys(self, data: dict) -> None:
        known = ", ".join(PACK_KEYS)
        for key in data:
            if key not in PACK_KEYS:
                self.add((key,), f"one of the known keys ({known})", f"unknown key \"{key}\"",
                         "Correct the spelling or remove the key: the engine ignores keys it does not know.")
        to_check = data.get("to_check", [])
        if not isinstance(to_check, list) or not all(isinstance(k, str) for k in to_check):
            self.add(("to_check",), PACK_KEYS["to_check"], _describe(to_check), "Write a list of key names.")
            to_check = []
        for i, key in enumerate(to_check):
            if key not in REQUIRED or key in NEVER_TO_CHECK:
                allowed = ", ".join(k for k in REQUIRED if k not in NEVER_TO_CHECK)
                self.add(("to_check", i), f"a key that may be left for later ({allowed})", f"\"{key}\"",
                         "Remove it from to_check, or correct the spelling.")
            elif key in data:
                self.add(("to_check", i), f"only keys that are still missing", f"\"{key}\", which is filled in",
                         f"Remove \"{key}\" from to_check once it is checked.")
        for key in REQUIRED:
            if key not in data and key not in to_check:
                fix = (f"Add \"{key}\"." if key in NEVER_TO_CHECK else
                       f"Add \"{key}\", or add \"{key}\" to the to_check list when you could not find a source.")
                self.add((), f"the key \"{key}\" ({PACK_KEYS[key]})", "no such key", fix, line=1)

    def check_state(self, data: dict) -> None:
        state = data.get("state")
        expected_code = self.path.stem.upper()
        if "state" in data and state != expected_code:
            self.add(("state",), f"\"{expected_code}\" (the file name in capitals)", _describe(state),
                     f"Write state: {expected_code}, or rename the file to match the state code.")
        name = data.get("name")
        if "name" in data and (not isinstance(name, str) or len(name.strip()) < 4 or name.strip().upper() == expected_code):
            self.add(("name",), PACK_KEYS["name"], _describe(name),
                     "Write the full name: the calculators show it in the list of states.")

    def check_texts(self, data: dict) -> None:
        for key in ("holidays_statute", "holidays_source", "notes"):
            if key in data and (not isinstance(data[key], str) or not data[key].strip()):
                self.add((key,), PACK_KEYS[key], _describe(data[key]), "Write it as text.")
        if "holidays_source_url" in data and not _is_https(data["holidays_source_url"]):
            self.add(("holidays_source_url",), "an https:// link", _describe(data["holidays_source_url"]),
                     "Give the https:// address of the state's law (http:// links can be changed on the way).")
        if "checked" in data and _real_date(data["checked"]) is None:
            self.add(("checked",), "a date written YYYY-MM-DD, e.g. 2026-11-30", _date_problem(data["checked"]),
                     "Write the date the pack was last checked as YYYY-MM-DD.")

    # --- holidays ---------------------------------------------------------------------------------
    def check_cover(self, cover) -> tuple[int, int] | None:
        key = ("holidays_cover",)
        if cover is None:
            return None
        if (not isinstance(cover, list) or len(cover) != 2
                or not all(isinstance(y, int) and not isinstance(y, bool) for y in cover)):
            self.add(key, "[first year, last year], e.g. [2025, 2030]", _describe(cover),
                     "Write the two years as whole numbers in a list.")
            return None
        first, last = cover
        if first > last:
            self.add(key, "the first year before the last year", f"[{first}, {last}]", "Swap the two years.")
            return None
        if last < COVER_AT_LEAST_TO:
            self.add(key, f"holiday data through at least {COVER_AT_LEAST_TO}", f"the last covered year is {last}",
                     f"Add the later years (resolution-guide state-pack {self.path.stem.upper()} --force) so dates after "
                     f"{last} are not counted without the state's holidays.", severity=WARNING)
        return first, last

    def check_holidays(self, holidays, cover: tuple[int, int] | None) -> None:
        key = ("holidays",)
        if holidays is None:
            return
        if not isinstance(holidays, dict):
            self.add(key, PACK_KEYS["holidays"], _describe(holidays), "Write one holiday per line under holidays:.")
            return
        for day_text, name in holidays.items():
            at = key + (day_text,)
            day = _real_date(day_text)
            if day is None:
                self.add(at, "a real date written YYYY-MM-DD, e.g. 2026-12-24", _date_problem(day_text),
                         "Write the date as year-month-day with four, two and two digits; the engine would "
                         "never match this date, so the day would be counted as a business day.")
            elif cover and not cover[0] <= day.year <= cover[1]:
                self.add(at, f"a date in the covered years {cover[0]}-{cover[1]} (holidays_cover)", f"\"{day_text}\"",
                         "Check the year, or widen holidays_cover if the list really covers that year.")
            if not isinstance(name, str) or not name.strip():
                self.add(at, "the holiday's name as text", _describe(name), "Write the holiday's name.")

    # --- rules ------------------------------------------------------------------------------------
    def check_rules(self, data: dict) -> None:
        rules = data.get("rules")
        if rules is None:
            return
        if not isinstance(rules, dict):
            self.add(("rules",), PACK_KEYS["rules"], _describe(rules), "Write rules: {} when the state sets no rule here.")
            return
        for key in rules:
            if key != "limitation_period":
                self.add(("rules", key), "only \"limitation_period\" (other state rules need engine code)",
                         f"unknown rule \"{key}\"", "Remove it or correct the spelling.")
        limitation = rules.get("limitation_period")
        checked = data.get("rules_checked")
        if "rules_checked" in data and not isinstance(checked, bool):
            self.add(("rules_checked",), "true or false", _describe(checked), "Write true or false, without quotes.")
        elif limitation is not None and checked is False:
            self.add(("rules_checked",), "true when rules.limitation_period is given", "false",
                     "Set rules_checked to true, or remove the limitation period if it was not checked.")
        elif limitation is None and checked is True:
            self.add(("rules_checked",), "false when no rules.limitation_period is given", "true",
                     "Add the state's limitation period with its citation, or set rules_checked to false "
                     "(the federal two years of 34 CFR 300.507(a)(2) then apply as a stated assumption).")
        if limitation is not None:
            self.check_limitation(limitation)

    def check_limitation(self, rule) -> None:
        base = ("rules", "limitation_period")
        if not isinstance(rule, dict):
            self.add(base, "a mapping with " + ", ".join(LIMITATION_KEYS), _describe(rule),
                     "Write the rule in the shape shown in DESIGN.md (State packs).")
            return
        for key in rule:
            if key not in LIMITATION_KEYS:
                self.add(base + (key,), "one of " + ", ".join(LIMITATION_KEYS), f"unknown key \"{key}\"",
                         "Correct the spelling or remove the key.")
        missing = [key for key in LIMITATION_KEYS if key not in rule]
        if missing:
            names = ", ".join(f"\"{key}\"" for key in missing)
            self.add(base, f"the keys {', '.join(LIMITATION_KEYS)}", f"no {names}",
                     "Add them: " + "; ".join(f"{key}: {LIMITATION_KEYS[key]}" for key in missing) + ".")
        value = rule.get("value")
        if "value" in rule and (not isinstance(value, int) or isinstance(value, bool) or not 0 < value < 10):
            self.add(base + ("value",), LIMITATION_KEYS["value"], _describe(value),
                     "Write the number of years without quotes.")
        if "unit" in rule and rule["unit"] != "years":
            self.add(base + ("unit",), "\"years\"", _describe(rule["unit"]),
                     "Write \"years\"; convert a limit in months only if it is a whole number of years.")
        for key in ("reference", "description"):
            if key in rule and (not isinstance(rule[key], str) or not rule[key].strip()):
                self.add(base + (key,), LIMITATION_KEYS[key], _describe(rule[key]), "Write it as text.")
        if "source_url" in rule and not _is_https(rule["source_url"]):
            self.add(base + ("source_url",), "an https:// link", _describe(rule["source_url"]),
                     "Give the https:// address of the state's law.")
        if "checked" in rule and _real_date(rule["checked"]) is None:
            self.add(base + ("checked",), "a date written YYYY-MM-DD", _date_problem(rule["checked"]),
                     "Write the date the citation was checked as YYYY-MM-DD.")

    # --- people and sources -----------------------------------------------------------------------
    def check_parent_center(self, center) -> None:
        base = ("parent_center",)
        if center is None:
            return
        if not isinstance(center, dict) or set(center) != {"name", "url"}:
            self.add(base, PACK_KEYS["parent_center"], _describe(center) if not isinstance(center, dict)
                     else "keys " + ", ".join(sorted(center)), "Give exactly a name and an url.")
            return
        if not isinstance(center["name"], str) or not center["name"].strip():
            self.add(base + ("name",), "the center's name", _describe(center["name"]), "Write the center's name.")
        if not _is_https(center["url"]):
            self.add(base + ("url",), "an https:// link", _describe(center["url"]), "Give the center's https:// address.")

    def check_sources(self, sources) -> None:
        base = ("sources",)
        if sources is None:
            return
        if not isinstance(sources, list) or not sources:
            self.add(base, PACK_KEYS["sources"], _describe(sources), "List at least the holiday law you used.")
            return
        for i, source in enumerate(sources):
            if not isinstance(source, dict) or set(source) != {"what", "url"}:
                self.add(base + (i,), "what: ... and url: https://...",
                         _describe(source) if not isinstance(source, dict) else "keys " + ", ".join(sorted(source)),
                         "Give exactly what the source is and its address.")
                continue
            if not isinstance(source["what"], str) or not source["what"].strip():
                self.add(base + (i, "what"), "what the source is, as text", _describe(source["what"]), "Describe it.")
            if not _is_https(source["url"]):
                self.add(base + (i, "url"), "an https:// link", _describe(source["url"]), "Give the https:// address.")


def main(argv: list[str] | None = None) -> int:
    """`python -m resolution_guide.site.statepacks [FOLDER]`: print every problem; exit 1 on an error."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    problems = check_state_packs(args[0] if args else None)
    for problem in problems:
        print(problem)
    errors = sum(p.severity == ERROR for p in problems)
    print(f"{errors} errors, {len(problems) - errors} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
