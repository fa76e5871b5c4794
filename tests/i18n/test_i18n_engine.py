"""The Spanish calculator gives the same dates as the English one, written in Spanish
("martes, 1 de diciembre de 2026"), and its calendar file is Spanish and valid."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import icalendar
import pytest
import yaml

from resolution_guide.engine.api import handle

CASES = Path(__file__).resolve().parents[1] / "engine" / "cases"
MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
             "octubre", "noviembre", "diciembre"]
WEEKDAYS_ES = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]


def ask(request: dict) -> dict:
    return json.loads(handle(json.dumps(request, default=str)))


def worked_cases() -> list:
    out = []
    for path in sorted(CASES.glob("*.yml")):
        for spec in yaml.safe_load(path.read_text(encoding="utf-8")):
            out.append(pytest.param(spec["case"], id=f"{path.stem}: {spec['name']}"))
    return out


@pytest.mark.parametrize("case", worked_cases())
def test_spanish_gives_the_same_dates_with_spanish_month_names(case):
    english = ask({"action": "compute", "locale": "en", "case": case})
    spanish = ask({"action": "compute", "locale": "es", "case": case})
    assert english["ok"] and spanish["ok"]
    assert spanish["result"] == english["result"]  # the words never change a date
    for deadline_id, item in spanish["result"]["deadlines"].items():
        if not item.get("date"):
            continue
        day = dt.date.fromisoformat(item["date"])
        said = spanish["text"]["deadlines"][deadline_id]["date"]
        assert said == f"{WEEKDAYS_ES[day.weekday()]}, {day.day} de {MONTHS_ES[day.month - 1]} de {day.year}"


def test_christmas_is_written_the_spanish_way():
    spanish = ask({"action": "compute", "locale": "es", "case": {"agreement_signed": "2026-12-22"}})
    assert spanish["text"]["deadlines"]["agreement_void_until"]["date"] == "lunes, 28 de diciembre de 2026"
    reasons = " ".join(spanish["text"]["deadlines"]["agreement_void_until"]["reasons"])
    assert "25 dic 2026" in reasons and "Christmas" not in reasons


def test_a_state_holiday_is_named_in_spanish():
    """California closes Fri 2026-11-27 ('Day After Thanksgiving' in its pack)."""
    spanish = ask({"action": "compute", "locale": "es", "case": {"agreement_signed": "2026-11-24", "state": "CA"}})
    reasons = " ".join(spanish["text"]["deadlines"]["agreement_void_until"]["reasons"])
    assert "Day After Thanksgiving" not in reasons
    assert "27 nov 2026: Día después de Acción de Gracias (día feriado estatal, CA)" in reasons


def test_the_spanish_calendar_file_parses_and_is_in_spanish():
    case = {"filed_by": "parent", "received": "2026-12-01"}
    english = icalendar.Calendar.from_ical(ask({"action": "ics", "locale": "en", "case": case})["ics"])
    spanish = icalendar.Calendar.from_ical(ask({"action": "ics", "locale": "es", "case": case})["ics"])
    events_en = {str(e["UID"]): e for e in english.walk("VEVENT")}
    events_es = {str(e["UID"]): e for e in spanish.walk("VEVENT")}
    assert events_es and events_es.keys() == events_en.keys()
    for uid, event in events_es.items():
        assert event.decoded("DTSTART") == events_en[uid].decoded("DTSTART")
        assert event["SUMMARY"].params.get("LANGUAGE") == "es"
        assert str(event["SUMMARY"]) != str(events_en[uid]["SUMMARY"])
    response = events_es[next(u for u in events_es if u.endswith("-district_response_due@resolution-guide"))]
    assert "viernes, 11 de diciembre de 2026" in str(response["DESCRIPTION"])
