"""Read YAML into plain Python while remembering the line of every key, and refuse duplicate keys.

PyYAML silently keeps the last of two equal keys; for hand-edited content that hides mistakes.
Dates stay strings (the schema checks them), so `2026-03-02` is never turned into a date object.
"""

from __future__ import annotations

import yaml

from .errors import Problem

Path = tuple  # a key path: ("pages", 3, "title")


def path_text(path: Path) -> str:
    """("pages", 3, "title") -> "pages[3].title" (the form used in messages)."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _Reader:
    def __init__(self, file_label: str):
        self.file = file_label
        self.lines: dict[Path, int] = {}
        self.problems: list[Problem] = []
        self._scalar = yaml.SafeLoader("")

    def convert(self, node, path: Path):
        self.lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            out: dict = {}
            for key_node, value_node in node.value:
                key = self.convert(key_node, path + ("<key>",))
                if not isinstance(key, str):
                    self.problems.append(Problem(self.file, key_node.start_mark.line + 1, path_text(path),
                                                 "text keys", f"key {key!r}"))
                    continue
                if key in out:
                    first = self.lines.get(path + (key,))
                    self.problems.append(Problem(self.file, key_node.start_mark.line + 1, path_text(path + (key,)),
                                                 "each key once", f"duplicate key '{key}' (first on line {first})"))
                    continue
                self.lines[path + (key,)] = key_node.start_mark.line + 1
                out[key] = self.convert(value_node, path + (key,))
                self.lines[path + (key,)] = key_node.start_mark.line + 1
            self.lines.pop(path + ("<key>",), None)
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, path + (i,)) for i, item in enumerate(node.value)]
        if node.tag == "tag:yaml.org,2002:timestamp":
            return node.value  # keep dates as written; the schema decides
        return self._scalar.construct_object(node, deep=True)


def read_yaml(text: str, file_label: str) -> tuple[object, dict[Path, int], list[Problem]]:
    """Parse one YAML document: (data, {key path: line}, problems)."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        tab = next((n for n, row in enumerate(text.splitlines(), 1) if "\t" in row[:len(row) - len(row.lstrip())]), None)
        if tab:  # YAML's own message ("found character '\t' that cannot start any token") hides the cause
            return None, {}, [Problem(file_label, tab, "", "spaces to indent (YAML does not allow tabs)",
                                      f"a tab character at line {tab}; use spaces")]
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else None
        return None, {}, [Problem(file_label, line, "", "valid YAML",
                                  f"{getattr(err, 'problem', None) or err}; check this line and the one before "
                                  "(a missing space after ':', a quote not closed, a wrong indent)")]
    if node is None:
        return None, {}, []
    reader = _Reader(file_label)
    data = reader.convert(node, ())
    return data, reader.lines, reader.problems
