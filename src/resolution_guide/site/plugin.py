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
from .organization import OrganizationOption
from .generate import generate_pages, template_dirs
from .languages import Edition, alternates, build_edition, editions
from .loader import load_content
from .wordfiles import check_engine_words
from ..engine.calendars import use_state_packs
from .statepacks import StatePackError, load_state_packs, require_valid_state_packs

log = logging.getLogger("mkdocs.plugins.resolution_guide")
#: Outside MkDocs' loggers on purpose: a translation to review is shown, but does not stop a
#: `strict` build (English edits would otherwise block every build until the translators catch up).
review_log = logging.getLogger("resolution_guide.translations")


def warn_translation_review(code: str, content_dir: Path) -> None:
    from .translations import report

    state = report(code, content_dir)
    if state.review:
        names = ", ".join(f"{s} {e}" for s, e, _ in state.review[:3]) + (" ..." if len(state.review) > 3 else "")
        review_log.warning("WARNING -  resolution-guide: %d '%s' entries need review because the English changed "
                           "(%s); run `resolution-guide check --language %s`", len(state.review), code, names, code)
STYLESHEET = "assets/rg-site/guide.css"
REQUIRED_EXTENSIONS = ("attr_list", "md_in_html")
STYLESHEET_SOURCE = Path(__file__).parent / "assets" / "guide.css"
#: The language switch keeps the calculator answers (the URL fragment) when followed.
SWITCH_SCRIPT = "assets/rg-site/language-switch.js"
SWITCH_SCRIPT_SOURCE = Path(__file__).parent / "assets" / "language-switch.js"
#: The theme override (the "not legal advice" note under every page), package data.
THEME_DIR = Path(__file__).parent / "theme"
#: The name of the offline plugin's entry point (bundle/plugin.py); this plugin only reads its `enabled`.
OFFLINE_PLUGIN = "resolution-guide/offline"


class ResolutionGuideConfig(Config):
    enabled = Flag(default=True)
    locale = c.Type(str, default="en")  # the language when `languages` is not given
    # every language of the guide, the first at the site root, each other under <code>/ (DESIGN.md, "Languages")
    languages = c.ListOfItems(c.Type(str), default=[])
    # the guide's title in each other language (mkdocs.yml's site_name is the first language's), e.g. {es: ...}
    site_names = c.Type(dict, default={})
    content_dir = c.Type(str, default="content")
    state = c.Optional(c.Type(str))  # two-letter code: applies content/<locale>/states/<XX>/ overrides
    templates_dir = c.Optional(c.Type(str))  # a fork's templates, searched before the package's
    widgets = Flag(default=True)  # place the calculators and install their assets
    offline_bundle = Flag(default=False)  # also build the offline zip and link it from the Download page
    pyodide_dir = c.Type(str, default="node_modules/pyodide")  # the pyodide npm package's files
    cache_dir = c.Type(str, default=".cache")  # build cache (memory snapshots), like Material's cache_dir
    state_packs_dir = c.Optional(c.Type(str))  # a fork's own state packs (xx.yml): add to or replace the shipped
    # who publishes this copy: name, contacts, the state to pre-select (site/organization.py; a contract)
    organization = OrganizationOption()


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


def render_widget_html(locale: str, state: str | None = None):
    """The `widget(name)` Jinja global for the hosted site (the calculators' HTML); `state` is
    the organization's state, pre-selected in the calculators' state question."""
    def widget(name: str, root: str) -> str:
        try:
            from ..browser.render import render_widget
        except ImportError as err:
            raise PluginError(f"resolution-guide: cannot place the calculator '{name}': "
                              f"resolution_guide.browser.render is not available ({err}). "
                              "Set `widgets: false` under the plugin in mkdocs.yml to build without calculators.") from None
        return render_widget(name, locale=locale, root=root, state=state)
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
        self.edition_of = None  # the first language's plugin, when this build is another language
        self.code = None  # the language this build writes
        self.editions: list[Edition] = []
        self.offline_enabled = False
        self.loaded: dict = {}  # language -> its checked Content, this build (kept by the first language's plugin)

    def as_edition(self, code: str, parent) -> None:
        """Make this (freshly loaded) plugin build the language `code` of `parent`'s build."""
        self.edition_of = parent
        self.code = code

    @property
    def languages(self) -> list[str]:
        return list(self.config.languages) or [self.config.locale]

    def _prefix_root(self) -> str:
        """From this language's root to the first language's root (where the shared assets are)."""
        edition = next((e for e in self.editions if e.code == self.code), None)
        return "../" * edition.prefix.count("/") if edition else ""

    def _content_of(self, code: str, content_dir: Path):
        """A language's checked content, loaded once per build (the menus, each language's pages, the
        Download page and the offline README all read it) and kept by the first language's plugin."""
        first = self.edition_of or self
        if code not in first.loaded:
            first.loaded[code] = load_content(content_dir, code, self.config.state)
        return first.loaded[code]

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
        try:  # the calculators read the state packs as they are: check them first (DESIGN.md section 16)
            for warning in require_valid_state_packs():
                log.warning("resolution-guide: %s", warning)
            own: dict = {}
            if self.config.state_packs_dir:
                own, warnings = load_state_packs(project_path(config, self.config.state_packs_dir))
                for warning in warnings:
                    log.warning("resolution-guide: %s", warning)
            use_state_packs(own)  # the engine (here and in the browser's wheel) uses the fork's packs too
        except StatePackError as err:
            raise PluginError(str(err)) from None
        for code, name in self.config.site_names.items():
            if code not in self.languages[1:] or not isinstance(name, str) or not name.strip():
                raise PluginError(
                    f"resolution-guide: site_names: found {code!r}: {name!r}; expected the guide's title for one of "
                    f"the other languages ({', '.join(self.languages[1:]) or 'none configured'}), e.g. "
                    f"es: Guía de la sesión de resolución. Fix it under the plugin in mkdocs.yml.")
        try:
            if self.edition_of is None:
                self.code = self.languages[0]
                self.offline_enabled = offline_build(config)
                self.loaded = {}  # a rebuild under `serve` reads the content again
                pages = {code: self._content_of(code, content_dir).pages for code in self.languages}
                self.editions = editions(self.languages, pages, config.use_directory_urls)
            else:
                self.editions = self.edition_of.editions
            self.content = self._content_of(self.code, content_dir)
            check_engine_words(self.code)
            if self.code != "en":
                warn_translation_review(self.code, content_dir)
            organization = self.config.organization
            widget = render_widget_html(self.code, organization.state) if self.config.widgets else _no_widget
            if self.config.widgets and self._prefix_root():
                shared = self._prefix_root()
                widget = (lambda name, root, _w=widget: _w(name, shared + root))
            self.pages = generate_pages(self.content, widget, templates, config.use_directory_urls,
                                        organization=organization)
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
        if len(self.editions) > 1 and SWITCH_SCRIPT not in config.extra_javascript:
            config.extra_javascript.append(SWITCH_SCRIPT)
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
        if len(self.editions) > 1 and files.get_file_from_path(SWITCH_SCRIPT) is None:
            files.append(File.generated(config, SWITCH_SCRIPT, abs_src_path=str(SWITCH_SCRIPT_SOURCE)))
        return files

    def _label(self, key: str) -> str:
        """A word of this language, else of the first language (a translation may lag behind)."""
        own = self.content["words"]["labels"].get(key)
        first = self.edition_of.content if self.edition_of is not None else None
        return own or (first.label(key) if first is not None else key)

    def _bundle_words(self, lang: str) -> tuple:
        """A language's labels and its way of writing a date, for the Download page's link to the zip."""
        from ..engine.words import Words

        code = lang.split("-")[0].lower()
        code = code if code in self.languages else self.languages[0]
        content_dir, _ = self._paths(self._mkdocs_config)
        labels = self._content_of(code, content_dir)["words"]["labels"]
        words = Words(code)
        return labels, (lambda iso: words.date(iso, "long").split(", ", 1)[-1])

    def language_notes(self) -> tuple:
        """For the offline README: each other language's name, index page and README words
        (`labels.offline_readme` in its words.yml; placeholders {folder}), then who to ask for help
        in that language (the organization, when mkdocs.yml names one)."""
        from .languages import native_name
        from .organization import contact_text

        content_dir, _ = self._paths(self._mkdocs_config)
        suffix = "index.html" if not self._mkdocs_config.use_directory_urls else ""
        notes = []
        for edition in self.editions[1:]:
            words = self._content_of(edition.code, content_dir)["words"]["labels"]
            org = contact_text(self.config.organization, lambda key: words.get(key, key))
            notes.append((native_name(edition.code), edition.prefix + suffix,
                          "\n\n".join(part for part in (words.get("offline_readme", ""), org) if part)))
        return tuple(notes)

    def readme_help(self) -> str:
        """For the offline README's first language: who to ask for help ("" without an organization)."""
        from .organization import contact_text

        return contact_text(self.config.organization, self._label)

    # Runs for every page: what the theme override shows (language switch, hreflang, disclaimer).
    def on_page_context(self, context, page, config, nav):
        if not self.config.enabled or self.content is None:
            return context
        ids = {p["file"]: p["id"] for p in self.content.pages}
        page_id = ids.get(page.file.src_uri)
        context["rg_alternates"] = (alternates(self.editions, self.code, page_id, page.url)
                                    if len(self.editions) > 1 else [])
        context["rg_words"] = {key: self._label(key) for key in ("disclaimer", "language", "org_footer",
                                                                 "org_site", "org_phone", "org_email")}
        context["rg_organization"] = self.config.organization
        context["rg_runtime_head"] = None
        if self.config.widgets:     # a calculator page loads its runtime early too (theme/main.html)
            from ..browser.render import runtime_tag
            context["rg_runtime_head"] = runtime_tag(page.content or "")
        # every language's pages use the one service worker at the first language's root
        context["rg_shared_root"] = self._prefix_root()
        return context

    # Runs for the pages without a source file (404.html, which Material links from site_url):
    # the same note under the page and the one service worker at the first language's root.
    def on_template_context(self, context, template_name, config):
        if not self.config.enabled or self.content is None:
            return context
        context["rg_words"] = {key: self._label(key) for key in ("disclaimer", "language")}
        context["rg_shared_root"] = self._prefix_root()
        return context

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
        if self.code != "en":  # after the search plugin wrote the index, before the offline copy reads it
            from .searchfold import fold_search_index
            fold_search_index(Path(config.site_dir), self.code)
        if self.config.widgets and self.edition_of is None:  # the other languages share these files
            from ..browser.assets import AssetsError, install

            try:
                install(config.site_dir, pyodide_dir=project_path(config, self.config.pyodide_dir),
                        cache_dir=project_path(config, self.config.cache_dir), snapshot=not offline)
            except AssetsError as err:
                raise PluginError(f"resolution-guide: {err}") from None

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

    # Runs after the first language is complete (offline steps included): build each other language.
    @event_priority(-100)
    def _post_build_editions(self, config):
        if not self.config.enabled or self.edition_of is not None:
            return
        for edition in self.editions[1:]:
            build_edition(config.config_file_path, edition.code,
                          str(Path(config.site_dir) / edition.prefix), self)
        if self.config.offline_bundle and not offline_build(config):  # after the editions: all Download pages
            from ..bundle.hosted import publish

            publish(config.site_dir, config, self._bundle_words)

    on_post_build = CombinedEvent(_post_build_assets, _post_build_editions, _post_build_swap)
