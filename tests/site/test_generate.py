"""`resolution-guide generate --out DIR`: plain Markdown from the same content, never half-written."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BAD = Path(__file__).parent / "fixtures" / "bad"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "resolution_guide", "generate", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_generate_writes_every_page_as_plain_markdown(tmp_path):
    out = tmp_path / "guide"
    proc = run("--out", str(out))
    assert proc.returncode == 0, proc.stderr
    names = sorted(p.name for p in out.iterdir())
    assert "index.md" in names and "timeline.md" in names and "download.md" in names and "letters.md" in names \
        and len(names) == 15
    timeline = (out / "timeline.md").read_text()
    assert timeline.startswith("# Timeline and deadlines")
    assert "Day 15" in timeline and "Day 75" in timeline
    assert "glossary.md#term-resolution_session" in timeline  # links between .md files, no built URLs
    assert "A calculator goes here in the web version" in timeline  # no widget script in plain Markdown
    assert "<script" not in timeline
    assert "[15/15] download.md" in proc.stderr  # progress
    assert "](timeline.md)" in (out / "getting-ready.md").read_text()


def test_bad_content_leaves_the_previous_output_untouched(tmp_path, minimal_content):
    out = tmp_path / "guide"
    assert run("--out", str(out), "--content", str(minimal_content)).returncode == 0
    before = {p.name: p.read_text() for p in out.iterdir()}
    shutil.copy(BAD / "law_without_citation" / "takeaways.yml", minimal_content / "en" / "takeaways.yml")
    proc = run("--out", str(out), "--content", str(minimal_content))
    assert proc.returncode == 2
    assert "content/en/takeaways.yml, line 2" in proc.stderr and "without a citation" in proc.stderr
    assert {p.name: p.read_text() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "guide"]  # no temp folder left


def test_generate_replaces_old_pages_as_a_whole(tmp_path, minimal_content):
    out = tmp_path / "guide"
    out.mkdir()
    (out / "stale.md").write_text("old page")
    assert run("--out", str(out), "--content", str(minimal_content)).returncode == 0
    assert sorted(p.name for p in out.iterdir()) == ["glossary.md", "index.md"]
