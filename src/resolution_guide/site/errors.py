"""Errors for content files that a person can act on: file, line, key path, expected, found."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    path: str
    expected: str
    found: str

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}" if self.line else self.file
        at = f" at {self.path}" if self.path else ""
        return f"{where}{at}: expected {self.expected}; found {self.found}"


class ContentError(ValueError):
    """One or more problems in the content files; all are reported at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        count = len(self.problems)
        head = "1 problem in the content files" if count == 1 else f"{count} problems in the content files"
        super().__init__(head + ":\n" + "\n".join(f"- {p}" for p in self.problems))
