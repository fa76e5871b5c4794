"""The deadline ids and the rule behind each, read from the rules data (engine/rules/federal.json).

A thin accessor kept for the site and older callers; the numbers live only in the data file.
"""

from __future__ import annotations

from . import rules
from .rules import Rule as DeadlineInfo  # noqa: F401  (the name the site used)
from .rules import needed_for  # noqa: F401

DEADLINE_IDS: tuple[str, ...] = rules.deadline_ids()
DEADLINES: dict[str, DeadlineInfo] = {**rules.on_track("expedited"), **rules.on_track("standard")}


def info(deadline_id: str, track: str = "standard") -> DeadlineInfo:
    """The rule behind a deadline id on a track (expedited values override standard ones)."""
    return rules.on_track(track).get(deadline_id) or DEADLINES[deadline_id]


def tracks(deadline_id: str) -> tuple[str, ...]:
    return tuple(t for t in rules.TRACKS if deadline_id in rules.on_track(t))
