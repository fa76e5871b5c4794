"""`resolution-guide check` lists per language what is missing and what needs review since the English changed."""

from __future__ import annotations

import shutil
from pathlib import Path

from resolution_guide.cli import main
from resolution_guide.site.translations import report

ROOT = Path(__file__).resolve().parents[2]


def make_translation(tmp_path) -> Path:
    """English content, and a 'translation' (code xx) of pages.yml and words.yml only."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "en", content / "en")
    (content / "xx").mkdir()
    for kind in ("pages", "words"):
        shutil.copy(content / "en" / f"{kind}.yml", content / "xx" / f"{kind}.yml")
    return content


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_missing_files_and_entries_are_listed(tmp_path):
    content = make_translation(tmp_path)
    edit(content / "xx" / "words.yml", "  day: Day\n", "")
    state = report("xx", content)
    assert ("content/glossary.yml", "") in state.missing  # a whole file, English used
    assert ("content/words.yml", "labels.day") in state.missing
    assert ("content/pages.yml", "pages[home].title") not in state.missing
    assert state.review == []


def test_a_change_in_english_marks_the_translation_for_review(tmp_path, capsys):
    content = make_translation(tmp_path)
    assert main(["check", "--content", str(content), "--language", "xx", "--reviewed", "xx"]) == 0
    assert (content / "xx" / "translated-from.yml").is_file()
    assert report("xx", content).review == [] and report("xx", content).unrecorded == []
    edit(content / "en" / "pages.yml", "title: The resolution session, explained for families",
         "title: The resolution meeting, explained for families")
    state = report("xx", content)
    assert [(s, e) for s, e, _ in state.review] == [("content/pages.yml", "pages[home].title")]
    capsys.readouterr()
    assert main(["check", "--content", str(content), "--language", "xx"]) == 0  # to review is not a mistake
    out = capsys.readouterr().out
    assert "review   content/pages.yml pages[home].title  (English now: 'The resolution meeting" in out
    assert main(["check", "--content", str(content), "--language", "xx", "--strict"]) == 1
    assert main(["check", "--content", str(content), "--language", "xx", "--reviewed", "xx"]) == 0
    assert report("xx", content).review == []


def test_check_reports_word_file_mistakes_and_the_state_packs(tmp_path, capsys):
    content = make_translation(tmp_path)
    edit(content / "xx" / "pages.yml", "    summary:", "    sumary:")
    assert main(["check", "--content", str(content), "--language", "xx"]) == 1
    out = capsys.readouterr().out
    assert "content/xx/pages.yml, line" in out and "did you mean summary?" in out
    assert "state packs: 0 errors" in out


def test_a_change_in_english_makes_the_build_warn_without_failing_strict(tmp_path):
    """The repository's Spanish is recorded as reviewed; one English sentence changes; the build of
    both languages (`strict: true`) still succeeds and says which Spanish entry to review."""
    import subprocess
    import sys

    content = tmp_path / "content"
    for code in ("en", "es"):
        shutil.copytree(ROOT / "content" / code, content / code)
    assert report("es", content).review == [] and report("es", content).unrecorded == []  # the committed state
    edit(content / "en" / "pages.yml", "title: The resolution session, explained for families",
         "title: The resolution meeting, explained for families")
    assert [(s, e) for s, e, _ in report("es", content).review] == [("content/pages.yml", "pages[home].title")]
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Tiny\nstrict: true\ntheme:\n  name: material\n  font: false\n"
        "plugins:\n  - resolution-guide:\n      languages: [en, es]\n      content_dir: content\n"
        "      widgets: false\n      offline_bundle: false\n"
        "markdown_extensions: [attr_list, md_in_html, tables]\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(tmp_path / "mkdocs.yml")],
                          cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "1 'es' entries need review because the English changed (content/pages.yml pages[home].title)" in proc.stderr
    assert "resolution-guide check --language es" in proc.stderr
    assert (tmp_path / "site" / "es" / "index.html").is_file()
