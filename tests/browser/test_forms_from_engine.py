"""Forms come from the engine's description of its questions (engine.api.describe): a new state
pack or a new field appears in the calculators with no edit to YAML lists, templates or
JavaScript; a question without words is a build error that names the file and the key."""

from __future__ import annotations

import copy

import pytest
from playwright.sync_api import expect

from resolution_guide.browser import definitions, render
from resolution_guide.engine import api

from browser_helpers import WidgetPage
from stub_runtime import install_stub

NEW_FIELD = {"name": "mediator_assigned", "type": "date", "kind": "fact", "topic": "mediation",
             "applies_if": {"received": "given", "mediation": [True]}, "citation": "34 CFR 300.506(b)(1)",
             "needed_for": []}


def engine_with(monkeypatch, *, state=None, field=None):
    """describe() as a later engine would give it: one more state pack, or one more field."""
    real = api.describe

    def later(locale="en"):
        d = copy.deepcopy(real(locale))
        if state:
            d["states"].append(state)
            next(f for f in d["fields"] if f["type"] == "state")["choices"].append(state["code"])
        if field:
            at = next(i for i, f in enumerate(d["fields"]) if f["name"] == "mediation_started")
            d["fields"].insert(at, field)
        return d
    monkeypatch.setattr(definitions, "describe", later)
    monkeypatch.setattr(render, "describe", later)


def with_words(monkeypatch, name, label):
    real = definitions.ui_words

    def words(locale):
        w = copy.deepcopy(real(locale))
        w["fields"][name] = {"label": label}
        return w
    monkeypatch.setattr(definitions, "ui_words", words)


def test_a_fourth_state_pack_is_offered_by_every_calculator_that_asks_the_state(monkeypatch):
    engine_with(monkeypatch, state={"code": "WA", "name": "Washington"})
    for name in ("deadlines", "agreement_review"):
        html = render.render_widget(name)
        assert '<option value="WA">Washington</option>' in html
        assert '<option value="CA">California</option>' in html       # names come from the packs


def test_a_new_field_needs_only_its_words(monkeypatch):
    engine_with(monkeypatch, field=NEW_FIELD)
    with pytest.raises(definitions.WidgetError,
                       match=r"widgets/locales/en\.yml: no words for fields\.mediator_assigned\.label"):
        render.render_widget("deadlines")
    with_words(monkeypatch, "mediator_assigned", "On what date was a mediator assigned?")
    html = render.render_widget("deadlines")
    assert 'data-field="mediator_assigned"' in html and "On what date was a mediator assigned?" in html
    assert html.index('data-field="mediation"') < html.index('data-field="mediator_assigned"') \
        < html.index('data-field="mediation_started"')                 # in the engine's order
    assert 'data-field="mediator_assigned"' not in render.render_widget("meeting_required")   # asks its own list


def test_a_choice_without_words_is_a_build_error(monkeypatch):
    field = {**NEW_FIELD, "name": "track", "type": "choice", "choices": ["standard", "expedited", "emergency"],
             "default": "standard", "applies_if": {}}
    real = api.describe

    def later(locale="en"):
        d = copy.deepcopy(real(locale))
        d["fields"] = [field if f["name"] == "track" else f for f in d["fields"]]
        return d
    monkeypatch.setattr(definitions, "describe", later)
    with pytest.raises(definitions.WidgetError, match=r"fields\.track\.choices\.'emergency'"):
        definitions.questions("deadlines")


def test_a_field_definitions_yml_names_that_the_engine_lacks_is_a_build_error(monkeypatch):
    data = copy.deepcopy(definitions._read_yaml(definitions._definitions_file()))
    data["attendance"]["asks"] = ["parent_brings_lawyer"]
    monkeypatch.setattr(definitions, "_read_yaml", lambda path: data)
    with pytest.raises(definitions.WidgetError, match=r"definitions\.yml, key attendance: the engine has no field "
                                                      r"parent_brings_lawyer"):
        definitions.questions("attendance")


@pytest.mark.browser
def test_the_new_question_shows_when_the_engine_says_it_applies(monkeypatch, page, site_url):
    """The page script decides from data-applies-if alone: no JavaScript knows the new field."""
    engine_with(monkeypatch, field=NEW_FIELD)
    with_words(monkeypatch, "mediator_assigned", "On what date was a mediator assigned?")
    html = render.render_widget("deadlines", root="")
    page.route(site_url + "new-field.html", lambda route: route.fulfill(
        status=200, content_type="text/html", body=f"<!doctype html><html lang=en><body>{html}</body></html>"))
    install_stub(page)
    page.goto(site_url + "new-field.html")
    w = WidgetPage(page, "deadlines")
    question = w.root.locator('[data-field="mediator_assigned"]')
    w.root.locator("[data-rg-form]").wait_for()
    expect(question).to_be_hidden()
    w.fill("received", "2026-03-02")
    expect(question).to_be_hidden()                                   # mediation not chosen
    w.open_group("mediation")                                         # a follow-up group, folded
    w.toggle("mediation")
    expect(question).to_be_visible()
    w.choose("filed_by", "district")                                  # mediation no longer applies
    expect(question).to_be_hidden()
