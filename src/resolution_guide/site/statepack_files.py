"""State packs on disk: the YAML people edit, and the JSON the engine reads (made from the YAML).

Why two forms: a volunteer edits YAML (comments, no braces or commas to get wrong), but the engine runs
in Pyodide and in a bare checkout with the standard library only, so it reads JSON. The YAML files in
`resolution_guide/states/` are the one source; `engine/states/xx.json` is generated from them
(`resolution-guide state-pack --sync`) and committed, and a test fails when the two differ. A fork's own
packs (plugin option `state_packs_dir`) are never written as JSON: the build checks them and hands them
to the engine (`calendars.use_state_packs`), which also puts them into the browser's engine wheel.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

#: The YAML packs that ship with the package (the single source people edit).
YAML_DIR = Path(__file__).resolve().parents[1] / "states"
#: The engine's generated JSON packs.
JSON_DIR = Path(__file__).resolve().parents[1] / "engine" / "states"

#: The keys the engine reads (engine/calendars.py); the rest (notes, sources, ...) is for people.
ENGINE_KEYS = ("state", "name", "holidays_cover", "holidays", "holidays_source", "rules", "parent_center")
#: The order keys are written in a new or refreshed pack.
ORDER = ("state", "name", "holidays_statute", "holidays_source_url", "holidays_cover", "holidays",
         "holidays_source", "notes", "rules", "rules_checked", "parent_center", "sources", "checked", "to_check")

HEADER = ("# State pack {code}{name}. Edit this file; `resolution-guide check` checks it.\n"
          "# Dates are YYYY-MM-DD. Keys are listed in DESIGN.md, section \"State packs\".\n")
TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*:")


def pack_files(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).iterdir() if p.is_file() and p.suffix in (".yml", ".yaml", ".json"))


def engine_json(pack: dict) -> str:
    """The JSON text the engine reads for one (checked) pack: only the keys it uses, in a fixed order."""
    data = {key: pack[key] for key in ENGINE_KEYS if key in pack}
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def read_pack(path: Path) -> dict:
    """The data of a YAML pack that is known to be valid (the checker ran first)."""
    from .strict_yaml import read_yaml

    data, _, _ = read_yaml(Path(path).read_text(encoding="utf-8"), str(path))
    return data


def out_of_date(yaml_dir: Path = YAML_DIR, json_dir: Path = JSON_DIR) -> list[str]:
    """The JSON files that differ from what their YAML packs give (or have no YAML pack)."""
    want = {p.stem + ".json": engine_json(read_pack(p)) for p in sorted(Path(yaml_dir).glob("*.yml"))}
    have = {p.name: p.read_text(encoding="utf-8") for p in sorted(Path(json_dir).glob("*.json"))}
    return sorted(name for name in set(want) | set(have) if want.get(name) != have.get(name))


def write_engine_json(yaml_dir: Path = YAML_DIR, json_dir: Path = JSON_DIR) -> list[str]:
    """Remake the engine's JSON from the YAML packs; return the file names changed or removed."""
    changed = out_of_date(yaml_dir, json_dir)
    for name in changed:
        source = Path(yaml_dir) / (name[:-5] + ".yml")
        target = Path(json_dir) / name
        if source.exists():
            target.write_text(engine_json(read_pack(source)), encoding="utf-8")
        else:
            target.unlink()
    return changed


# --- writing YAML ---------------------------------------------------------------------------------
class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper, value: str):
    style = "|" if "\n" in value else (">" if len(value) > 80 else None)  # long notes fold, unquoted
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump_value(key: str, value) -> str:
    """One top-level key and its value as YAML text (the cover years in one line)."""
    if key == "holidays_cover" and isinstance(value, list):
        return f"{key}: [{', '.join(str(v) for v in value)}]\n"
    if key == "holidays" and isinstance(value, dict) and not value:
        return f"{key}: {{}}\n"
    return yaml.dump({key: value}, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)


def dump_pack(pack: dict) -> str:
    """A whole pack as YAML, with the header comment."""
    keys = [k for k in ORDER if k in pack] + [k for k in pack if k not in ORDER]
    name = f" ({pack['name']})" if pack.get("name") else ""
    head = HEADER.format(name=name, code=pack.get("state", ""))
    return head + "".join(dump_value(key, pack[key]) for key in keys)


def replace_keys(text: str, new: dict, keys: tuple[str, ...]) -> str:
    """`text` with the top-level blocks of `keys` replaced by their values in `new`, everything else kept
    as written (comments too). A key `text` lacks is added at the end. Why: `state-pack --force` refreshes
    the generated holiday list without losing what a person wrote."""
    lines = text.splitlines(keepends=True)
    starts = [(i, m.group(1)) for i, row in enumerate(lines) if (m := TOP_KEY.match(row))]
    blocks: dict[str, tuple[int, int]] = {}
    for n, (i, key) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        while end > i + 1 and lines[end - 1].lstrip().startswith("#"):
            end -= 1  # a comment just above the next key belongs to that key
        blocks[key] = (i, end)
    out = list(lines)
    for key in sorted((k for k in keys if k in blocks), key=lambda k: -blocks[k][0]):
        i, end = blocks[key]
        out[i:end] = [dump_value(key, new[key])] if key in new else []
    tail = "".join(dump_value(key, new[key]) for key in keys if key not in blocks and key in new)
    body = "".join(out)
    if tail and body and not body.endswith("\n"):
        body += "\n"
    return body + tail
