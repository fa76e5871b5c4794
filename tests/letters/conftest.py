"""The letter pack from the guide's own content, loaded once (the strict loader runs on it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from resolution_guide.site.letters import load_pack


@pytest.fixture(scope="session")
def pack() -> dict:
    return load_pack(Path(__file__).resolve().parents[2] / "content")
