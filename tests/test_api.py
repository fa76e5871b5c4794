"""The browser's single entry point answers every request with JSON and never raises."""

import json

from resolution_guide.engine.api import handle


def call(request) -> dict:
    return json.loads(handle(json.dumps(request)))


def test_compute_returns_result():
    out = call({"action": "compute", "case": {"received": "2026-03-02"}})
    assert out["ok"] is True
    assert out["result"]["deadlines"]["resolution_meeting_by"]["date"] == "2026-03-17"


def test_bad_case_returns_field_errors_not_an_exception():
    out = call({"action": "compute", "case": {"received": "2026-02-30", "waiver_signed": "soon"}})
    assert out["ok"] is False
    assert {e["field"] for e in out["errors"]} == {"received", "waiver_signed"}
    assert all(e["code"] == "not_a_date" for e in out["errors"])


def test_ics_action_returns_calendar_text():
    out = call({"action": "ics", "case": {"agreement_signed": "2026-11-25"}})
    assert out["ok"] and out["ics"].startswith("BEGIN:VCALENDAR")
    assert "DTSTART;VALUE=DATE:20261201" in out["ics"]


def test_garbage_requests_get_an_answer():
    assert json.loads(handle("not json"))["errors"][0]["code"] == "bad_request"
    assert call({"action": "delete_everything"})["errors"][0]["code"] == "bad_request"
    assert call({"action": "compute", "case": [1, 2]})["errors"][0]["code"] == "not_an_object"


def test_unexpected_failure_hides_the_traceback(monkeypatch):
    import resolution_guide.engine.api as api

    def boom(_case):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(api, "compute", boom)
    out = call({"action": "compute", "case": {}})
    assert out["errors"][0]["code"] == "internal_error"
    assert "secret" not in json.dumps(out) and "Traceback" not in json.dumps(out)


def test_compute_returns_the_rendered_words_next_to_the_codes():
    from resolution_guide.engine import compute
    from resolution_guide.engine.render import render_result

    out = call({"action": "compute", "case": {"received": "2026-03-02"}, "locale": "en"})
    assert out["text"] == render_result(compute({"received": "2026-03-02"}), "en")
    assert out["text"]["deadlines"]["resolution_meeting_by"]["date"] == "Tuesday, March 17, 2026"


def test_locale_is_optional_and_checked():
    assert call({"action": "compute", "case": {}})["ok"] is True
    bad = call({"action": "compute", "case": {}, "locale": ["en"]})
    assert bad["ok"] is False and bad["errors"][0]["field"] == "locale"


def test_describe_action_and_warm_up_request():
    from resolution_guide.engine.api import WARM_UP_REQUEST, describe

    assert call({"action": "describe"}) == {"ok": True, "describe": json.loads(json.dumps(describe()))}
    warm = call(WARM_UP_REQUEST)
    assert warm["ok"] is True and warm["result"]["deadlines"]["agreement_void_until"]["date"]


def test_ics_uses_the_locale():
    out = call({"action": "ics", "case": {"agreement_signed": "2026-11-25"}, "locale": "en"})
    assert "SUMMARY;LANGUAGE=en:" in out["ics"]
