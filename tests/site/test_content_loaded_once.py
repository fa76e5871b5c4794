"""Each language's content is read and checked once per build (the first language's plugin keeps it for the
menus, the other languages' builds and the Download page), not once per use."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from resolution_guide.site import plugin as site_plugin

ROOT = Path(__file__).resolve().parents[2]


def test_one_build_loads_each_languages_content_once(tmp_path, monkeypatch):
    loads: Counter = Counter()
    real = site_plugin.load_content

    def counting(content_dir, code, state=None):
        loads[code] += 1
        return real(content_dir, code, state)
    monkeypatch.setattr(site_plugin, "load_content", counting)
    monkeypatch.setenv("RG_OFFLINE_BUNDLE", "false")
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    guide = config.plugins["resolution-guide"]
    guide.config.widgets = False                      # the calculators do not read content
    build(config)
    assert len(guide.languages) > 1 and (tmp_path / "site" / "es" / "index.html").is_file()
    assert loads == Counter({code: 1 for code in guide.languages})
