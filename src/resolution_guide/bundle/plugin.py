"""MkDocs plugin `resolution-guide/offline`: build the copy of the guide that reads from disk.

Like Material's `offline` plugin, it is switched on by configuration (`enabled`, default true
when listed): `on_config` (early, before the site plugin renders its pages) makes links point at
files and drops what needs a server or another host; a late `on_post_build` (after the site
plugin has installed the calculators, before it swaps the new site in) makes search and the
calculators work from file:// and marks the Download page as the offline copy.
`resolution-guide bundle` (make.py) switches it on, builds in this process and zips the result.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from ..site.options import Flag, project_path
from .archive import BundleInfo, bundle_info
from .file_runtime import PyodideLayoutError
from .markers import mark_offline_copy
from .offline_site import (SHIM_IN_PACKAGE, OfflineBuildError, apply_offline_settings, copy_shims,
                           drop_hosted_only, install_file_runtime, write_search_index_script)

log = logging.getLogger("mkdocs.plugins.resolution_guide.offline")

NAME = "resolution-guide/offline"
SITE_PLUGIN = "resolution-guide"
LANGUAGE_NAMES = {"en": "English", "es": "Spanish (espanol)"}


def _say(message: str) -> None:
    """Progress of the finishing steps; their "warning: ..." lines are MkDocs warnings (strict stops)."""
    if message.startswith("warning: "):
        log.warning("resolution-guide/offline: %s", message.removeprefix("warning: "))
    else:
        log.info("resolution-guide/offline: %s", message)


class OfflineConfig(Config):
    enabled = Flag(default=True)
    # the iframe-worker npm package (its shim runs search from disk), relative to mkdocs.yml
    iframe_worker_dir = c.Type(str, default="node_modules/iframe-worker")


def describe(config) -> tuple[str, str]:
    """The language and the state rules of the guide, in words, from the loaded config."""
    code = str(config.theme.get("language") or "en")
    site = config.plugins.get(SITE_PLUGIN)
    state = site.config.get("state") if site is not None else None
    return LANGUAGE_NAMES.get(code, code), str(state).upper() if state else _state_packs()


def _state_packs() -> str:
    """The states whose holidays and rules the calculators know, besides the federal rules."""
    from ..engine.calendars import available_states, load_state

    names = sorted(load_state(code).name for code in available_states())  # a fork's own packs too
    # A long list of names makes the Download page hard to read (grade test): past a few, give the count.
    listed = ", ".join(names) if len(names) <= 5 else f"{len(names)} places, listed in the calculators"
    return "federal rules (34 CFR Part 300)" + (f"; state holidays and rules for {listed}" if names else "")


class OfflinePlugin(BasePlugin[OfflineConfig]):
    def __init__(self):
        super().__init__()
        self.info: BundleInfo | None = None  # what README.txt and the Download page say about this copy

    def _shim(self, config) -> Path:
        return project_path(config, self.config.iframe_worker_dir) / SHIM_IN_PACKAGE

    @event_priority(100)  # before the site plugin renders pages with config.use_directory_urls
    def on_config(self, config):
        if not self.config.enabled:
            return
        if not self._shim(config).is_file():
            raise PluginError(
                f"resolution-guide/offline: search from disk needs the iframe-worker npm package, but "
                f"{self._shim(config)} is missing. Run `npm ci` in the folder of mkdocs.yml (./dev setup does it), "
                "or set this plugin's option `iframe_worker_dir` to the folder of that package.")
        apply_offline_settings(config)
        self.info = bundle_info(*describe(config))
        return config

    # Runs for every page: the theme override leaves out the service worker's registration script.
    def on_page_context(self, context, page, config, nav):
        if self.config.enabled:
            context["rg_offline"] = True
        return context

    @event_priority(-50)  # after the site plugin installed the calculators (0), before its swap (-1000)
    def on_post_build(self, config):
        if not self.config.enabled:
            return
        site_dir = Path(config.site_dir)
        try:
            write_search_index_script(site_dir)
            copy_shims(site_dir, self._shim(config))
            if any(site_dir.rglob("pyodide.asm.mjs")):  # the calculators are in this build
                install_file_runtime(site_dir, say=_say)
            mark_offline_copy(site_dir, self.info)
            removed = drop_hosted_only(site_dir)
            log.info("resolution-guide/offline: left out %d files only a web server uses", len(removed))
        except (OfflineBuildError, PyodideLayoutError) as err:
            raise PluginError(f"resolution-guide/offline: the offline copy could not be made: {err}") from None


def switch_on(config) -> OfflinePlugin:
    """Turn the offline plugin on in a loaded config, adding it when mkdocs.yml does not list it."""
    plugin = config.plugins.get(NAME)
    if plugin is None:
        plugin = OfflinePlugin()
        errors, _warnings = plugin.load_config({}, config_file_path=config.config_file_path)
        if errors:
            raise PluginError(f"{NAME}: {errors}")
        config.plugins[NAME] = plugin
    plugin.config.enabled = True
    return plugin
