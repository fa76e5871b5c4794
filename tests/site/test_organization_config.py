"""The plugin's `organization:` block (DESIGN.md, "Organization block (contract)"): what it accepts, and one
sentence per mistake that names the key, what was found and what to do."""

from __future__ import annotations

import logging

import pytest
from mkdocs.config import load_config
from mkdocs.config import config_options as c
from mkdocs.exceptions import Abort

from resolution_guide.site.organization import Organization, check

FULL = {"name": "Example Parent Center", "site": "https://example.org/", "phone": "555-0100",
        "email": "help@example.org", "hours": "Monday to Friday, 9 to 5", "languages": ["English", "Spanish"],
        "state": "NY"}


def _project(tmp_path, minimal_content, block: str):
    (tmp_path / "docs").mkdir(exist_ok=True)
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Tiny\ntheme: mkdocs\nplugins:\n  - resolution-guide:\n"
                      f"      content_dir: {minimal_content.name}\n      widgets: false\n" + block)
    return config


def test_the_whole_contract_is_accepted_as_written_in_mkdocs_yml(tmp_path, minimal_content):
    block = ("      organization:\n        name: Example Parent Center\n        site: https://example.org/\n"
             '        phone: "555-0100"\n        email: help@example.org\n        hours: Monday to Friday, 9 to 5\n'
             "        languages: [English, Spanish]\n        state: ny\n")
    config = load_config(str(_project(tmp_path, minimal_content, block)))
    org = config.plugins["resolution-guide"].config.organization
    assert org == Organization("Example Parent Center", "https://example.org/", "555-0100", "help@example.org",
                               "Monday to Friday, 9 to 5", ("English", "Spanish"), "NY")


def test_no_block_is_the_national_guide(tmp_path, minimal_content):
    config = load_config(str(_project(tmp_path, minimal_content, "")))
    org = config.plugins["resolution-guide"].config.organization
    assert org == Organization() and not org.has_contact and org.as_data() == {}


def test_a_state_alone_only_preselects_it():
    org = check({"state": "CA"})
    assert org.state == "CA" and not org.has_contact


@pytest.mark.parametrize("change,words", [
    ({"website": "https://example.org/"}, ["unknown key 'website'", "name, site, phone, email, hours, languages, state",
                                           "Check the spelling"]),
    ({"site": "javascript:alert(1)"}, ["organization.site", "https://", "found 'javascript:alert(1)'", "Fix `site:`"]),
    ({"site": "ftp://example.org/"}, ["organization.site", "found 'ftp://example.org/'"]),
    ({"email": "help at example.org"}, ["organization.email", "an email address", "found 'help at example.org'"]),
    ({"email": "a@b"}, ["organization.email", "found 'a@b'"]),
    ({"phone": 5550100}, ["organization.phone", "found 5550100", "put the phone number in quotes"]),
    ({"phone": "call <us>"}, ["organization.phone", "digits, spaces and"]),
    ({"state": "ZZ"}, ["organization.state", "found 'ZZ'", "state pack", "NY"]),
    ({"state": 12}, ["organization.state", "found 12"]),
    ({"languages": "English"}, ["organization.languages", "a list of the languages", "found 'English'"]),
    ({"languages": ["English", 3]}, ["organization.languages", "found 3"]),
    ({"hours": ["9", "5"]}, ["organization.hours", "found ['9', '5']", "not text"]),
    ({"name": ""}, ["organization.name", "1 to 200 characters"]),
    ({"name": "Two\nlines"}, ["organization.name", "one line"]),
], ids=lambda v: str(v)[:30])
def test_each_mistake_is_one_sentence_naming_key_found_and_what_to_do(change, words):
    with pytest.raises(c.ValidationError) as err:
        check({**FULL, **change})
    message = str(err.value)
    for word in words:
        assert word in message, message
    assert "\n" not in message.strip() and message.rstrip().endswith(".")


def test_contacts_without_a_name_are_refused():
    with pytest.raises(c.ValidationError) as err:
        check({"phone": "555-0100", "state": "NY"})
    assert "organization.name" in str(err.value) and "gives phone" in str(err.value)


def test_a_block_that_is_not_a_mapping_is_refused():
    with pytest.raises(c.ValidationError, match="organization: expected keys such as name"):
        check("Example Parent Center")


def test_mkdocs_reports_the_sentence_and_stops(tmp_path, minimal_content, caplog):
    block = "      organization:\n        name: Example\n        email: nobody\n"
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        load_config(str(_project(tmp_path, minimal_content, block)))
    assert "organization.email: expected an email address" in caplog.text + str(caplog.records)


def test_a_title_for_a_language_the_guide_does_not_have_is_a_sentence(tmp_path, minimal_content):
    """site_names (the guide's title in the other languages) names only languages the guide builds."""
    config = load_config(str(_project(tmp_path, minimal_content, "      site_names: {fr: Guide}\n")))
    plugin = config.plugins["resolution-guide"]
    with pytest.raises(Exception) as caught:
        plugin.on_config(config)
    message = str(caught.value)
    assert "site_names" in message and "'fr'" in message and "mkdocs.yml" in message
