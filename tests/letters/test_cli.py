"""`resolution-guide letter`: the list, a filled letter as text or .docx, and errors exactly as for
`deadlines` (each naming its field, exit status 2, nothing on standard output)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASE = {"received": "2026-06-03", "agreement_signed": "2026-11-25"}


def run(*args, stdin: str | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "resolution_guide", *args], input=None if stdin is None else
                          stdin.encode(), capture_output=True, cwd=cwd, timeout=60)


def test_list_is_one_name_a_line_with_its_title(pack, tmp_path):
    proc = run("letter", "--list", cwd=tmp_path)  # outside the checkout: the guide's own content
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.decode().splitlines()
    assert [line.split()[0] for line in lines] == [letter["id"] for letter in pack["letters"]]
    assert lines[0].split(None, 1)[1] == "Cancel the agreement"


def test_text_letter_from_a_file_and_from_stdin(tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(CASE))
    from_file = run("letter", "cancel_agreement", str(path))
    from_stdin = run("letter", "cancel_agreement", "-", "--format", "text", stdin=json.dumps(CASE))
    assert from_file.returncode == 0 and from_stdin.returncode == 0, from_file.stderr
    assert from_file.stdout == from_stdin.stdout
    text = from_file.stdout.decode()
    assert "Tuesday, December 1, 2026" in text and "34 CFR 300.510(e)" in text and from_file.stderr == b""


def test_docx_to_a_file_and_to_a_pipe(tmp_path):
    out = tmp_path / "letter.docx"
    proc = run("letter", "waive_meeting", "-", "--format", "docx", "-o", str(out), stdin=json.dumps(CASE))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == b""
    piped = run("letter", "waive_meeting", "-", "--format", "docx", stdin=json.dumps(CASE))
    assert piped.stdout == out.read_bytes()
    with zipfile.ZipFile(io.BytesIO(piped.stdout)) as zf:
        assert b"Wednesday, June 3, 2026" in zf.read("word/document.xml")


def test_bad_case_errors_are_the_same_as_for_deadlines():
    bad = json.dumps({"received": "2026-02-30", "mediation": "yes"})
    letter = run("letter", "move_meeting", "-", stdin=bad)
    deadlines = run("deadlines", "-", stdin=bad)
    assert letter.returncode == deadlines.returncode == 2
    assert letter.stdout == b""
    assert letter.stderr == deadlines.stderr
    assert b'received: "2026-02-30" is not a date' in letter.stderr


def test_unreadable_case_file_is_reported_as_for_deadlines(tmp_path):
    letter = run("letter", "move_meeting", str(tmp_path / "nope.json"))
    deadlines = run("deadlines", str(tmp_path / "nope.json"))
    assert letter.returncode == 2 and letter.stdout == b"" and letter.stderr == deadlines.stderr


def test_missing_fact_names_the_field():
    proc = run("letter", "cancel_agreement", "-", stdin=json.dumps({"received": "2026-06-03"}))
    assert proc.returncode == 2 and proc.stdout == b""
    assert proc.stderr.decode().startswith("agreement_signed: the letter \"cancel_agreement\" needs")


def test_unknown_letter_lists_the_names(pack):
    proc = run("letter", "cancel", "-", stdin=json.dumps(CASE))
    assert proc.returncode == 2 and proc.stdout == b""
    message = proc.stderr.decode()
    assert message.startswith('letter: "cancel" is not a letter here; use one of ')
    for letter in pack["letters"]:
        assert letter["id"] in message


def test_name_without_case_is_a_usage_error():
    proc = run("letter", "cancel_agreement")
    assert proc.returncode == 2 and proc.stdout == b"" and b"--list" in proc.stderr


def test_bad_content_stops_with_file_and_line(tmp_path):
    content = tmp_path / "content"
    import shutil
    shutil.copytree(ROOT / "content", content)
    path = content / "en" / "letters.yml"
    path.write_text(path.read_text().replace("cancel is {deadline.agreement_void_until}", "cancel is {deadline.void_until}"))
    proc = run("letter", "--list", "--content", str(content))
    assert proc.returncode == 2 and proc.stdout == b""
    message = proc.stderr.decode()
    assert "content/en/letters.yml, line" in message and "'void_until' is not a deadline id" in message
