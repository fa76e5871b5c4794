"""MkDocs plugin `resolution-guide`: builds the guide's pages from `content/` before MkDocs writes anything.

Content is loaded, checked and rendered in `on_config`, so a content or template error stops the
build before MkDocs cleans `site_dir`: the previously built site stays as it was.
"""

from __future__ import annotations

import logging
from pathlib import Path

import jinja2
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .errors import ContentError
from .generate import generate_pages, template_dirs
from .loader import load_content
from .statepacks import StatePackError, require_valid_state_packs

log = logging.getLogger("mkdocs.plugins.resolution_guide")
STYLESHEET = "assets/rg-site/guide.css"
REQUIRED_EXTENSIONS = ("attr_list", "md_in_html")
STYLESHEET_SOURCE = Path(__file__).parent / "assets" / "guide.css"


class Flag(c.Type):
    """true/false that also accepts what an environment variable holds (`!ENV`): 1/0, yes/no, on/off."""

    WORDS = {"true": True, "1": True, "yes": True, "on": True, "false": False, "0": False, "no": False,
             "off": False, "": False}

    def __init__(self, default: bool):
        super().__init__(bool, default=default)

    def run_validation(self, value):
        if isinstance(value, (int, str)) and not isinstance(value, bool):
            word = str(value).strip().lower()
            if word not in self.WORDS:
                raise c.ValidationError(f"expected true or false, found {value!r}")
            return self.WORDS[word]
        return super().run_validation(value)


class ResolutionGuideConfig(Config):
    enabled = Flag(default=True)
    locale = c.Type(str, default="en")
    content_dir = c.Type(str, default="content")
    state = c.Optional(c.Type(str))  # two-letter code: applies content/<locale>/states/<XX>/ overrides
    templates_dir = c.Optional(c.Type(str))  # a fork's templates, searched before the package's
    widgets = Flag(default=True)  # place the calculators and install their assets
    offline_bundle = Flag(default=False)


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

    def _paths(self, config) -> tuple[Path, Path | None]:
        base = Path(config.config_file_path or ".").resolve().parent
        content_dir = base / self.config.content_dir
        templates = base / self.config.templates_dir if self.config.templates_dir else None
        return content_dir, templates

    # Runs first on every build (and rebuild under `serve`): load, check and render all content.
    def on_config(self, config):
        if not self.config.enabled:
            return
        content_dir, templates = self._paths(config)
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
            config.nav = [{p.get("nav_title", p["title"]): p["file"]} for p in self.content.pages]
        for extension in REQUIRED_EXTENSIONS:  # the templates use heading ids and Markdown inside HTML
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        return config

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
        folders = [content_dir, *template_dirs(templates)]
        if self.config.widgets:
            from ..browser.paths import PACKAGE_DIR, WIDGETS_DIR

            # the calculators' questions, words and scripts, and the engine that goes into their wheel
            folders += [WIDGETS_DIR, PACKAGE_DIR / "engine", PACKAGE_DIR / "locales"]
        for folder in folders:
            if folder.exists():
                server.watch(str(folder))
        return server

    # Runs once the site is written: copy the calculators' files, then the offline bundle if asked.
    def on_post_build(self, config):
        if not self.config.enabled:
            return
        if self.config.widgets:
            try:
                from ..browser.assets import install
            except ImportError as err:
                raise PluginError(f"resolution-guide: cannot install the calculators' files: {err}") from None
            install(config.site_dir)
        if self.config.offline_bundle:
            try:
                from ..bundle.hosted import publish
            except ImportError as err:
                raise PluginError(f"resolution-guide: cannot build the offline bundle: {err}") from None
            publish(config.site_dir, config)
