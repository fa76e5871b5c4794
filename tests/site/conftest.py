"""Fixtures for the site tests: a copy of the tiny valid content tree that a test may change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture()
def minimal_content(tmp_path) -> Path:
    """tmp/content/en/*.yml: the smallest content that builds, copied so tests can change it."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", target)
    return target
