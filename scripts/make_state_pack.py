"""Write or refresh a state pack's holiday list from the `holidays` package.

Run at authoring time only (the engine never imports `holidays`):
    pip install holidays
    python scripts/make_state_pack.py TX 2025 2030

It keeps the pack's other keys (rules, notes) and replaces `holidays` with the
state's own public holidays that are not already federal legal public holidays
(the engine computes those itself, 5 U.S.C. 6103). A person must still check the
list against the state's official calendar and then set `verified_by`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import holidays

from_here = Path(__file__).resolve().parents[1] / "src" / "resolution_guide" / "engine" / "states"


def state_only_holidays(state: str, years: range) -> dict[str, str]:
    federal = holidays.US(years=years)
    state_days = holidays.US(subdiv=state, years=years)
    return {
        day.isoformat(): name
        for day, name in sorted(state_days.items())
        if day not in federal
    }


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__)
        return 2
    state, first, last = argv[0].upper(), int(argv[1]), int(argv[2])
    path = from_here / f"{state.lower()}.json"
    pack = json.loads(path.read_text()) if path.exists() else {"state": state, "name": state, "rules": {}}
    pack["holidays"] = state_only_holidays(state, range(first, last + 1))
    pack["holidays_cover"] = [first, last]
    pack["holidays_source"] = f"python package holidays {holidays.__version__}, US subdivision {state}"
    path.write_text(json.dumps(pack, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {path.name}: {len(pack['holidays'])} state holidays {first}-{last}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
