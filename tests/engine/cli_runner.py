"""Run `python -m resolution_guide deadlines` the way a person would, from a bare checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"


# Tests always give today's date, so no result depends on the day the suite runs.
TODAY = "2026-03-05"


def run_deadlines(case, fmt: str = "json", *, via_stdin: bool = False, tmp_path: Path | None = None,
                  raw_text: str | None = None, today: str | None = TODAY) -> subprocess.CompletedProcess:
    """The CLI on `case` (a dict, or raw_text as the file's contents), with only PYTHONPATH=src.

    `python -S` leaves out site-packages, so an installed copy of the package (or any
    third-party module) cannot be what answers: this is the bare-checkout path of issue 2.
    """
    text = raw_text if raw_text is not None else json.dumps(case)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["PYTHONPATH"] = str(SRC)
    cmd = [sys.executable, "-S", "-m", "resolution_guide", "deadlines"] + (["--today", today] if today else [])
    if via_stdin:
        cmd += ["-", "--format", fmt]
        stdin = text
    else:
        assert tmp_path is not None, "give tmp_path to write the case file"
        path = tmp_path / "case.json"
        path.write_text(text, encoding="utf-8")
        cmd += [str(path), "--format", fmt]
        stdin = None
    # Bytes, decoded here: text mode would turn the CRLF line ends of the .ics output into LF.
    proc = subprocess.run(cmd, input=None if stdin is None else stdin.encode("utf-8"), capture_output=True,
                          env=env, cwd=tmp_path or ROOT, timeout=60)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8"),
                                       proc.stderr.decode("utf-8"))
