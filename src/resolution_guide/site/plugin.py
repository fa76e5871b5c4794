"""MkDocs plugin `resolution-guide`: builds the guide's pages from `content/` before MkDocs writes anything.

Content is loaded, checked and rendered in `on_config`, so a content or template error stops the
build before MkDocs cleans `site_dir`. Everything later is built into a temporary folder that
replaces `site_dir` only when the whole build succeeded (site/atomic.py), so a failed build
always leaves the previously built site as it was. Every problem is a `PluginError` with a sentence.

Paths in the options are resolved against the folder of mkdocs.yml, never the current folder or
this package's source checkout; what the build needs from the package (templates, theme override,
widget code) ships inside it (DESIGN.md, "Package data and project paths").
"""

from __future__ import annotations

import logging
from pathlib import Path

import jinja2
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files

from .atomic import AtomicSiteDir
from .errors import ContentError
from .options import Flag, project_path
from .generate import generate_pages, template_dirs
from .loader import load_content
from .statepacks import StatePackError, require_valid_state_packs

log = logging.getLogger("mkdocs.plugins.resolution_guide")
STYLESHEET = "assets/rg-site/guide.css"
REQUIRED_EXTENSIONS = ("attr_list", "md_in_html")
STYLESHEET_SOURCE = Path(__file__).parent / "assets" / "guide.css"
#: The theme override (the "not legal advice" note under every page), package data.
THEME_DIR = Path(__file__).parent / "theme"
#: The name of the offline plugin's entry point (bundle/plugin.py); this plugin only reads its `enabled`.
OFFLINE_PLUGIN = "resolution-guide/offline"


class ResolutionGuideConfig(Config):
    enabled = Flag(default=True)
    locale = c.Type(str, default="en")
    content_dir = c.Type(str, default="content")
    state = c.Optional(c.Type(str))  # two-letter code: applies content/<locale>/states/<XX>/ overrides
    templates_dir = c.Optional(c.Type(str))  # a fork's templates, searched before the package's
    widgets = Flag(default=True)  # place the calculators and install their assets
    offline_bundle = Flag(default=False)  # also build the offline zip and link it from the Download page
    pyodide_dir = c.Type(str, default="node_modules/pyodide")  # the pyodide npm package's files
    cache_dir = c.Type(str, default=".cache")  # build cache (memory snapshots), like Material's cache_dir


def offline_build(config) -> bool:
    """True when the offline plugin is switched on for this build (the copy that reads from disk)."""
    plugin = config.plugins.get(OFFLINE_PLUGIN)
    return bool(plugin is not None and plugin.config.get("enabled"))


def add_theme_override(config) -> None:
    """Put the package's theme override after a fork's own `custom_dir` (which still wins) and
    before the theme's templates. Material only: the override extends Material's base.html."""
    if config.theme.name != "material":
        return
    folder = str(THEME_DIR)
    if folder not in config.theme.dirs:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, folder)


def render_widget_html(locale: str):
    """The `widget(name)` Jinja global for the hosted site (the calculators' HTML)."""
    def widget(name: str, root: str) -> str:
        try:
            from ..browser.render import render_widget
        except ImportError as err:
            raise PluginError(f"resolution-guide: cannot place the calculator '{name}': "
                              f"resolution_guide.browser.render is not available ({err}). "
                              "Set `widgets: false` under the plugin in mkdocs.yml to build without calculators.") from None
        return render_widget(name, locale=locale, root=root)
    return widget


def _no_widget(name: str, root: str) -> str:
    return ""


class ResolutionGuidePlugin(BasePlugin[ResolutionGuideConfig]):
    def __init__(self):
        super().__init__()
        self.pages: dict[str, str] = {}
        self.content = None
        self.own_nav = False  # the menu was made from pages.yml (so `serve` rebuilds must remake it)
        self.site = AtomicSiteDir()

    def _paths(self, config) -> tuple[Path, Path | None]:
        content_dir = project_path(config, self.config.content_dir)
        templates = project_path(config, self.config.templates_dir) if self.config.templates_dir else None
        return content_dir, templates

    # Runs first on every build (and rebuild under `serve`): load, check and render all content.
    def on_config(self, config):
        if not self.config.enabled:
            return
        content_dir, templates = self._paths(config)
        if not content_dir.is_dir():
            raise PluginError(f"resolution-guide: the content folder {content_dir} does not exist. Set the plugin "
                              "option `content_dir` in mkdocs.yml to the folder that holds <locale>/pages.yml "
                              "(a path relative to mkdocs.yml).")
        if self.config.widgets:
            self._check_pyodide(config)
        try:  # the calculators read the state packs as they are: check them first (DESIGN 13)
            for warning in require_valid_state_packs():
                log.warning("resolution-guide: %s", warning)
        except StatePackError as err:
            raise PluginError(str(err)) from None
        try:
            self.content = load_content(content_dir, self.config.locale, self.config.state)
            widget = render_widget_html(self.config.locale) if self.config.widgets else _no_widget
            self.pages = generate_pages(self.content, widget, templates, config.use_directory_urls)
        except ContentError as err:
            raise PluginError(str(err)) from None
        except jinja2.TemplateError as err:
            where = f"{err.filename}, line {err.lineno}: " if getattr(err, "lineno", None) else ""
            raise PluginError(f"resolution-guide: template error: {where}{err}") from None
        if config.nav is None or self.own_nav:
            self.own_nav = True
            # Family pages first; reference pages (pages.yml `reference: true`) in their own section.
            entry = lambda p: {p.get("nav_title", p["title"]): p["file"]}  # noqa: E731
            reference = [entry(p) for p in self.content.pages if p.get("reference")]
            config.nav = [entry(p) for p in self.content.pages if not p.get("reference")] + (
                [{self.content.label("nav_reference"): reference}] if reference else [])
        for extension in REQUIRED_EXTENSIONS:  # the templates use heading ids and Markdown inside HTML
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        add_theme_override(config)
        return config

    def _check_pyodide(self, config) -> None:
        """Fail before anything is written when the calculators' runtime is missing."""
        from ..browser.assets import AssetsError, check_pyodide

        try:
            check_pyodide(project_path(config, self.config.pyodide_dir))
        except AssetsError as err:
            raise PluginError(f"resolution-guide: {err}") from None

    # Runs before MkDocs cleans site_dir: build into a temporary folder instead.
    @event_priority(100)
    def on_pre_build(self, config):
        if self.config.enabled:
            self._mkdocs_config = config
            self.site.begin(config)

    # Runs when any step of the build failed (MkDocs' strict abort included): drop the half site.
    def on_build_error(self, error):
        if self.config.enabled and self.site.temp is not None:
            self.site.abandon(self._mkdocs_config)

    # Runs after MkDocs lists docs/: add the generated pages (a hand-written docs/ file of the same name wins).
    def on_files(self, files: Files, config):
        if not self.config.enabled:
            return
        for name, text in self.pages.items():
            if files.get_file_from_path(name) is None:
                files.append(File.generated(config, name, content=text))
            else:
                log.info("resolution-guide: docs/%s replaces the generated page", name)
        if files.get_file_from_path(STYLESHEET) is None:
            files.append(File.generated(config, STYLESHEET, abs_src_path=str(STYLESHEET_SOURCE)))
        return files

    # Runs under `mkdocs serve`: rebuild when content, templates, widgets or the engine change.
    def on_serve(self, server, config, builder):
        if not self.config.enabled:
            return
        content_dir, templates = self._paths(config)
        folders = [content_dir, *template_dirs(templates), THEME_DIR]
        if self.config.widgets:
            from ..browser.paths import PACKAGE_DIR, WIDGETS_DIR

            # the calculators' questions, words and scripts, and the engine that goes into their wheel
            folders += [WIDGETS_DIR, PACKAGE_DIR / "engine", PACKAGE_DIR / "locales"]
        for folder in folders:
            if folder.exists():
                server.watch(str(folder))
        return server

    # Runs once the site is written: copy the calculators' files, then the offline zip if asked.
    def _post_build_assets(self, config):
        if not self.config.enabled:
            return
        offline = offline_build(config)
        if self.config.widgets:
            from ..browser.assets import AssetsError, install

            try:
                install(config.site_dir, pyodide_dir=project_path(config, self.config.pyodide_dir),
                        cache_dir=project_path(config, self.config.cache_dir), snapshot=not offline)
            except AssetsError as err:
                raise PluginError(f"resolution-guide: {err}") from None
        if self.config.offline_bundle and not offline:
            from ..bundle.hosted import publish

            publish(config.site_dir, config)

    # Runs last, after every other plugin (the offline plugin's finishing steps included): swap the site in.
    @event_priority(-1000)
    def _post_build_swap(self, config):
        if not self.config.enabled:
            return
        try:
            self.site.finish(config)
        except OSError as err:
            self.site.abandon(config)
            raise PluginError(f"resolution-guide: the new site could not replace {config.site_dir} "
                              f"({err.strerror or err}); the old site was left as it was.") from None

    on_post_build = CombinedEvent(_post_build_assets, _post_build_swap)
