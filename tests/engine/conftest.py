"""Collect the legal test cases in tests/engine/cases/*.yml and run each through the engine.

Each file is a list of cases; a case names the rule it checks, gives the case input
and the dates worked out by hand from the regulation. A failure reports the file,
the case name and every field that differs (expected vs got), so a reviewer who
is not a programmer can read it. See cases/README.md for the keys.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

CASE_KEYS = {
    "name", "note", "case", "meeting_required", "dates", "absent", "falls_on_closed_day",
    "falls_on_open_day", "citations", "counting", "warnings", "assumptions", "status", "days_left",
    "not_computable", "next_steps", "warning_counts",
}
REQUIRED_KEYS = {"name", "note", "case"}


def _plain(value):
    """YAML turns 2026-03-02 into a date; the engine takes and returns ISO text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def pytest_collect_file(parent, file_path: Path):
    if file_path.suffix == ".yml" and file_path.parent.name == "cases" and file_path.parent.parent.name == "engine":
        return LegalCaseFile.from_parent(parent, path=file_path)
    return None


class CaseFileError(Exception):
    """A case file that does not follow the format (reported at collection, naming the case)."""


class LegalCaseFile(pytest.File):
    def collect(self):
        try:
            cases = yaml.safe_load(self.path.read_text(encoding="utf-8"))
        except yaml.YAMLError as err:
            # e.g. a note with ": " in it needs "note: >" and the text on the next lines
            raise CaseFileError(f"{self.path.name}: not valid YAML: {err}") from None
        if not isinstance(cases, list):
            raise CaseFileError(f"{self.path.name}: expected a list of cases (each starting with '- name:')")
        seen = set()
        for i, spec in enumerate(cases):
            if not isinstance(spec, dict):
                raise CaseFileError(f"{self.path.name}: entry {i + 1} is not a case (a mapping of keys)")
            label = spec.get("name", f"entry {i + 1}")
            unknown = set(spec) - CASE_KEYS
            missing = REQUIRED_KEYS - set(spec)
            if unknown or missing:
                raise CaseFileError(f"{self.path.name}: case {label!r}: unknown keys {sorted(unknown)}, "
                                    f"missing keys {sorted(missing)}; allowed: {sorted(CASE_KEYS)}")
            if label in seen:
                raise CaseFileError(f"{self.path.name}: two cases are named {label!r}")
            seen.add(label)
            yield LegalCaseItem.from_parent(self, name=label, spec=_plain(spec))


class CaseMismatch(Exception):
    def __init__(self, differences: list[str]):
        super().__init__("\n".join(differences))
        self.differences = differences


class LegalCaseItem(pytest.Item):
    def __init__(self, *, spec: dict, **kwargs):
        super().__init__(**kwargs)
        self.spec = spec

    def runtest(self):
        from resolution_guide.engine import compute

        result = compute(self.spec["case"])
        differences = compare(self.spec, result)
        if differences:
            raise CaseMismatch(differences)

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, CaseMismatch):
            lines = [f"{self.path.name}: {self.name}", f"  rule: {self.spec['note'].strip()}",
                     f"  case: {self.spec['case']}"]
            lines += [f"  {d}" for d in excinfo.value.differences]
            return "\n".join(lines)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, None, f"{self.path.name}: {self.name}"


def _show(value) -> str:
    return "null (no date)" if value is None else repr(value)


def compare(spec: dict, result: dict) -> list[str]:
    """Every difference between what the case file expects and what the engine returned."""
    diffs: list[str] = []
    deadlines = result["deadlines"]

    def want(label, expected, got):
        if expected != got:
            diffs.append(f"{label}: expected {_show(expected)}, got {_show(got)}")

    if "meeting_required" in spec:
        want("resolution_meeting_required", spec["meeting_required"], result["resolution_meeting_required"])
    for did, expected in (spec.get("dates") or {}).items():
        if did not in deadlines:
            diffs.append(f"dates.{did}: expected {expected!r}, got no such deadline "
                         f"(present: {', '.join(deadlines) or 'none'})")
            continue
        got = deadlines[did]
        want(f"dates.{did}", expected, got.get("date"))
        if expected is None and got.get("date") is None and not got.get("not_computable_reason"):
            diffs.append(f"dates.{did}: date is null but no not_computable_reason says why")
    for did in spec.get("absent") or []:
        if did in deadlines:
            diffs.append(f"absent.{did}: expected no such deadline, got {deadlines[did].get('date')!r}")
    for did, last_open in (spec.get("falls_on_closed_day") or {}).items():
        got = deadlines.get(did, {})
        want(f"falls_on_closed_day.{did} (on_non_business_day)", True, got.get("on_non_business_day"))
        want(f"falls_on_closed_day.{did} (last_business_day_on_or_before)", last_open,
             got.get("last_business_day_on_or_before"))
    for did in spec.get("falls_on_open_day") or []:
        got = deadlines.get(did, {})
        if did not in deadlines:
            diffs.append(f"falls_on_open_day.{did}: no such deadline")
        elif got.get("on_non_business_day"):
            diffs.append(f"falls_on_open_day.{did}: expected a business day, got on_non_business_day true "
                         f"(last business day {got.get('last_business_day_on_or_before')!r})")
    for did, citation in (spec.get("citations") or {}).items():
        want(f"citations.{did}", citation, deadlines.get(did, {}).get("citation"))
    for did, counting in (spec.get("counting") or {}).items():
        want(f"counting.{did}", counting, deadlines.get(did, {}).get("counting"))
    warned = {w.get("field") for w in result["warnings"]}
    for field in spec.get("warnings") or []:
        if field not in warned:
            diffs.append(f"warnings: expected a warning about {field!r}, got warnings {result['warnings']!r}")
    for did, status in (spec.get("status") or {}).items():
        want(f"status.{did}", status, deadlines.get(did, {}).get("status"))
    for did, left in (spec.get("days_left") or {}).items():
        want(f"days_left.{did}", left, deadlines.get(did, {}).get("days_left"))
    for did, reason in (spec.get("not_computable") or {}).items():
        want(f"not_computable.{did}", reason, deadlines.get(did, {}).get("not_computable_reason"))
    if "next_steps" in spec:
        want("next_steps (codes in date order)", spec["next_steps"], [s["code"] for s in result["next_steps"]])
    for code, count in (spec.get("warning_counts") or {}).items():
        want(f"warning_counts.{code}", count, sum(w["code"] == code for w in result["warnings"]))
    listed = {a["id"] for a in result["assumptions"]}
    for aid in spec.get("assumptions") or []:
        if aid not in listed:
            diffs.append(f"assumptions: expected {aid!r} to be listed, got {sorted(listed)}")
    return diffs
