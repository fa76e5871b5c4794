"""The worked cases must keep covering every deadline id (issue 2: a worked example for each)."""

from __future__ import annotations

from pathlib import Path

import yaml

from resolution_guide.engine import DEADLINE_IDS

CASES_DIR = Path(__file__).parent / "cases"
# The ids issue 2 lists; the engine's catalog must not drop any, and the cases must date each one.
ISSUE_IDS = {
    "resolution_meeting_by", "resolution_period_ends", "hearing_timeline_starts", "decision_due",
    "agreement_void_until", "district_response_due", "other_party_response_due", "sufficiency_challenge_due",
    "sufficiency_ruling_due", "disclosure_by", "hearing_must_occur_by", "intervention_available_from",
    "dismissal_request_available_from", "filing_deadline",
}


def _dated_ids() -> set[str]:
    ids = set()
    for path in CASES_DIR.glob("*.yml"):
        for spec in yaml.safe_load(path.read_text(encoding="utf-8")):
            ids |= {k for k, v in (spec.get("dates") or {}).items() if v is not None}
    return ids


def test_catalog_has_every_issue_id():
    assert ISSUE_IDS <= set(DEADLINE_IDS)


def test_every_deadline_id_has_a_worked_date():
    assert set(DEADLINE_IDS) - _dated_ids() == set()
