"""The MkDocs plugin `localoffer`: a thin shell that places the site built by
localoffer.site.builder into an MkDocs build. Nothing else in localoffer imports MkDocs.

Heavy work happens once per build (in on_files): load and check every offer, read the Git
history, render every page. The page hooks only hand over HTML that is already made.

Like the commands, the plugin is a face over the layers below it: it hands reporting's
dashboard page to the site builder, which does not import reporting itself.
"""
from __future__ import annotations

import gc
import logging
import os
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from click import ClickException
from jinja2 import ChoiceLoader, Environment, PackageLoader
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from watchdog.observers.api import BaseObserver

from localoffer.borough import Borough, load_borough
from localoffer.errors import LocalOfferError
from localoffer.model.files import no_link_below
from localoffer.reporting.dashboard import dashboard_page
from localoffer.site.build_cache import file_bytes, tree_fingerprint
from localoffer.site.builder import (
    OPEN_DATA_FILE,
    BuiltSite,
    SiteOptions,
    build_site,
    fill_placeholders,
    offer_page_context,
)
from localoffer.site.catalogue import Catalogue, offer_paths
from localoffer.site.config import LocalOfferConfig, option_line
from localoffer.site.engine import engine_version
from localoffer.site.file_links import FILE_LINKS_VARIABLE, with_file_links
from localoffer.site.incremental import IncrementalBuild
from localoffer.site.markup import escape
from localoffer.site.mkdocs_menu import draw_menu_once_per_folder
from localoffer.site import mkdocs_shell
from localoffer.site.mkdocs_shell import ShellWriter
from localoffer.site.page_language import set_page_language
from localoffer.site.preview import only_previewed, previewed_offers
from localoffer.site.search import PagefindRun
from localoffer.site.search_shards import PAGEFIND_FOLDER, SEARCH_CACHE, shard_count
from localoffer.site.serve_watch import watch_for_saves
from localoffer.site.template_cache import template_cache
from localoffer.site.structure import BuiltPage

log = get_plugin_logger(__name__)

TODAY_VARIABLE = "LOCALOFFER_TODAY"
CONFIG_VARIABLE = "LOCALOFFER_CONFIG"
ASSETS = "assets/localoffer/"
# Pages reached from list pages rather than from the menu.
_NOT_IN_MENU = ("offer", "booklet")
# The pages a later build may keep as this one wrote them (KeptPages).
_KEPT_KINDS = ("offer", "booklet", "list")
# Pages MkDocs draws whose HTML is made only as each is drawn, and dropped once it is written:
# a build never holds them all (25,000 offers make 250 booklet pages of about 5 MB).
_DRAWN_WHEN_WRITTEN = ("booklet",)


class SetupError(ClickException):
    """A mistake in localoffer.yml or in the plugin's options: the build could not run.

    Not a PluginError, which MkDocs turns into "Aborted with a BuildError!" and exit code 1:
    `mkdocs build` shows this message, with its file and line, and exits with 2, as
    `localoffer build` does."""

    exit_code = 2

    def __init__(self, error: LocalOfferError) -> None:
        super().__init__(str(error))
        self.error = error


class LocalOfferPlugin(BasePlugin[LocalOfferConfig]):
    supports_multiple_instances = False

    def load_config(self, options: dict[str, Any],
                    config_file_path: str | None = None) -> tuple[Any, Any]:
        errors, warnings = super().load_config(options, config_file_path)
        if errors:
            key, problem = errors[0]
            raise SetupError(LocalOfferError(
                f"The localoffer option '{key}' is not valid: {problem}",
                config_file_path, option_line(config_file_path, key)))
        return errors, warnings

    def __init__(self) -> None:
        self.borough: Borough | None = None
        self.today = date.today()
        self.catalogue: Catalogue | None = None
        self.site: BuiltSite | None = None
        self.serving = False
        self.pagefind: PagefindRun | None = None
        # A "dirty" build (localoffer build and serve ask for one; --clean does not) builds
        # into the last build's folder and keeps the offers' pages that are still right.
        self.incremental = False
        self.file_links = False
        self.incremental_build: IncrementalBuild | None = None
        self.files: Files | None = None
        # Offer pages written from one shell per kind (mkdocs_shell.py), when it may.
        self.shell_writer: ShellWriter | None = None
        self._shell_log_filter: Any = None
        self.nav: Navigation | None = None
        self.env: Environment | None = None
        self.watches: list[BaseObserver] = []  # serve's watches on offers/ and feedback/

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.incremental = dirty
        if dirty:  # the engine's warning is for dirty builds that keep stale pages: ours do not
            logging.getLogger("mkdocs.commands.build").addFilter(_not_about_dirty_builds)

    # Configuration ----------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.use_directory_urls:
            raise PluginError("localoffer: set 'use_directory_urls: true' in mkdocs.yml (each "
                              "setting's page lives at settings/<name>/).")
        # What a previous build in this process froze (see on_files) may be collected now. A
        # build leaves its objects frozen: most often the process then ends, and Python's
        # last collection would scan them all once more (half a second at 1,000 offers).
        gc.unfreeze()
        self.today = self._today()
        self.file_links = os.environ.get(FILE_LINKS_VARIABLE) == "1"  # localoffer build
        try:
            start = Path(config.config_file_path or ".").resolve().parent
            # The command line's --config (localoffer build/serve/publish) wins.
            given = os.environ.get(CONFIG_VARIABLE) or self.config.config
            path = Path(given) if given else None
            self.borough = load_borough(path, start=start)
        except LocalOfferError as error:
            raise SetupError(error) from error
        self._glossary_everywhere(config)
        if not self.config.dashboard and config.nav:
            config.nav = _without(config.nav, "dashboard/index.md")
        if os.environ.get("MIKE_DOCS_VERSION"):  # published with mike: show the version menu
            config.extra.setdefault("version", {"provider": "mike", "default": "latest"})
        config.extra_css.append(f"{ASSETS}localoffer.css")
        config.extra_javascript.append(f"{ASSETS}localoffer.js")
        config.extra_javascript.append(f"{ASSETS}finder.js")
        # Where the 404 page's search box sends its words (?q=): the theme's search opens
        # on any page; Pagefind's runs on the search page.
        config.extra["localoffer_search_page"] = "search/" if self.config.search == "pagefind" else ""
        if self.config.search == "pagefind":
            self._turn_off_theme_search(config)
            config.extra_javascript.append(f"{ASSETS}search.js")
        else:
            config.extra_javascript.append(f"{ASSETS}search-words.js")
        return config

    def _today(self) -> date:
        value = os.environ.get(TODAY_VARIABLE) or self.config.today
        if not value:
            return date.today()
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise PluginError(f"localoffer: '{value}' is not a date; write today's date as "
                              "YYYY-MM-DD.") from None

    def _glossary_everywhere(self, config: MkDocsConfig) -> None:
        """The borough's abbreviations explained on the site's own pages too."""
        assert self.borough is not None
        if "abbr" not in config.markdown_extensions:
            config.markdown_extensions.append("abbr")
        glossary = dict(self.borough.glossary)
        glossary.update(config.mdx_configs.get("abbr", {}).get("glossary", {}))
        config.mdx_configs.setdefault("abbr", {})["glossary"] = glossary

    def _turn_off_theme_search(self, config: MkDocsConfig) -> None:
        for name in ("material/search", "search"):
            plugin = config.plugins.get(name)
            if plugin is not None and hasattr(plugin.config, "enabled"):
                plugin.config.enabled = False

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        assert self.borough is not None
        # The theme's search indexes every page it writes: it needs them all written.
        self.incremental_build = IncrementalBuild(
            Path(config.config_file_path or ".").resolve().parent, self.borough, self.today,
            Path(config.site_dir), self.incremental, self.config.search != "material",
            _around_offer_pages(config, dict(self.config)),
            # The search index keeps its own folder up to date (search_shards.py).
            (PAGEFIND_FOLDER,) if self.config.search == "pagefind" else ())

    # Files: the whole site is built here, once --------------------------------------------

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.borough is not None
        try:
            preview = previewed_offers()  # localoffer build --changed-since: some offers only
        except LocalOfferError as error:
            raise SetupError(error) from error
        gc.disable()  # loading makes many objects that all live on; see gc.freeze below
        checks = preview is not None or self.config.checks == "always" or (
            self.config.checks == "auto" and (config.strict or self.serving))
        options = SiteOptions(search=self.config.search, booklet_size=self.config.booklet_size,
                              changes_shown=self.config.changes_shown,
                              history=self.config.history, site_url=config.site_url or "",
                              more_pages=(dashboard_page,) if self.config.dashboard else ())
        every_path = offer_paths(self.borough)
        paths = only_previewed(every_path, preview)
        self.pagefind = self._search_index(options, paths, kept=preview is None)
        assert self.incremental_build is not None
        loaded = self.incremental_build.load(checks, paths, every_path,
                                 self.pagefind.copies if self.pagefind else None)
        self.catalogue = loaded.catalogue
        for finding in self.catalogue.errors:
            log.warning(f"{finding.path}:{finding.line}: {finding.rule} {finding.message}")
        if self.pagefind is not None:  # indexes while the site is made and MkDocs writes it
            self.pagefind.start(
                Path(config.site_dir),
                {item.slug: item.facts.town or "" for item in self.catalogue.offers},
                {item.slug for item in self.catalogue.offers if item.translations})
        self._start_shell_writer(config)
        self.site = build_site(self.catalogue, options, rendered=loaded.bodies,
                               kept_pages=self.incremental_build.kept_pages,
                               html_later=self.shell_writer is not None)
        if self.pagefind is not None:  # on_post_build waits for it
            for page in self.site.pages:  # translated offers: an index for each language
                if page.lang and page.kind == "offer":
                    self.pagefind.copies.add_page(page)
            self.pagefind.copies_complete()
        # The offers and pages stay until the build ends: the garbage collector need not scan
        # them again and again while MkDocs writes the pages (gc.unfreeze in on_config).
        gc.freeze()
        gc.enable()
        titles = _nav_titles(config.nav)
        for page in self.site.pages:
            inclusion = (InclusionLevel.NOT_IN_NAV if page.kind in _NOT_IN_MENU
                         or page.url.count("/") > 2 else InclusionLevel.UNDEFINED)
            if page.kept:  # in the site folder already, right: listed, not written
                kept = _KeptFile.generated(config, page.source_path, content="",
                                           inclusion=inclusion)
                self._add(files, kept)
                # Not read in this build: named in the menu as it is when it is written.
                Page(titles.get(page.source_path) or _text(page.title), kept, config)
                continue
            file = File.generated(config, page.source_path, content="", inclusion=inclusion)
            self._add(files, file)
            built = _BuiltPage(titles.get(page.source_path), file, config, page)
            if self.shell_writer is None or not self.shell_writer.take(built, page):
                if page.kind in _DRAWN_WHEN_WRITTEN and page.html_later is not None:
                    built.content_later = True  # see on_page_context
                else:
                    page.html, page.html_later = page.full_html(), None  # MkDocs draws it
        self._add(files, File.generated(config, OPEN_DATA_FILE, content=self.site.open_data))
        for site_path, content in self.site.files.items():
            self._add(files, File.generated(config, site_path, content=content))
        folders = tuple(f"{str(folder).strip('/')}/" for folder in self.config.nav_folders)
        listed = set(titles)
        for file in files.documentation_pages():
            if folders and file.src_uri.startswith(folders) and file.src_uri not in listed:
                # on_nav adds them to the menu
                file.inclusion = InclusionLevel.NOT_IN_NAV
        for site_path, source in self.site.images.items():
            self._add(files, _CopiedFile.generated(config, site_path, abs_src_path=str(source)))
        assets = resources.files("localoffer.site") / "assets"
        for asset in assets.iterdir():
            if asset.is_file():
                with resources.as_file(asset) as path:
                    self._add(files, File.generated(config, f"{ASSETS}{asset.name}",
                                                    abs_src_path=str(path)))
        log.info(f"{len(self.catalogue.offers)} published offers; "
                 f"{len(self.catalogue.drafts)} drafts left out.")
        if self.incremental:
            log.info(f"{loaded.examined} of {len(paths)} offers read, the others from the "
                     f"cache; {len(self.site.kept_urls)} pages kept from the last build.")
        self.files = files
        return files

    def _start_shell_writer(self, config: MkDocsConfig) -> None:
        self._stop_shell_writer()
        if not mkdocs_shell.usable(config, theme_search=self.config.search == "material"):
            return
        self.shell_writer = ShellWriter(_stand_in_page, self._finish_page)
        self._shell_log_filter = mkdocs_shell.not_about_shell_pages(self.shell_writer.skipped)
        mkdocs_shell.build_log().addFilter(self._shell_log_filter)

    def _stop_shell_writer(self) -> None:
        if self._shell_log_filter is not None:
            mkdocs_shell.build_log().removeFilter(self._shell_log_filter)
        self.shell_writer, self._shell_log_filter = None, None

    def _search_index(self, options: SiteOptions, paths: list[Path],
                      kept: bool) -> PagefindRun | None:
        """`kept`: False for a preview of some offers, whose index must not replace the whole
        site's in the cache."""
        if options.search != "pagefind":
            return None
        assert self.borough is not None
        # The copies take about twice the size of the offers' files; four times leaves room.
        room = 4 * sum(path.stat().st_size for path in paths)
        try:
            return PagefindRun(offer_page_context(self.borough, options), room,
                               shard_count(len(paths), self.config.search_shards),
                               cache=self.borough.root / SEARCH_CACHE
                               if kept and no_link_below(self.borough.root, SEARCH_CACHE)
                               else None,
                               reuse=self.incremental)
        except LocalOfferError as error:
            raise PluginError(f"localoffer: {error}") from error

    @staticmethod
    def _add(files: Files, file: File) -> None:
        existing = files.get_file_from_path(file.src_uri)
        if existing is not None:
            log.warning(f"docs/{file.src_uri} is replaced by the page localoffer builds there; "
                        "move or rename it.")
            files.remove(existing)
        files.append(file)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        for folder, title in self.config.nav_folders.items():
            prefix = f"{str(folder).strip('/')}/"
            listed = {page.file.src_uri for page in nav.pages}
            pages = sorted((file for file in files.documentation_pages()
                            if file.src_uri.startswith(prefix) and file.src_uri not in listed),
                           key=lambda file: (not file.name == "index", file.src_uri))
            if not pages:
                continue
            section = Section(str(title), [])
            for file in pages:
                page = file.page or Page(None, file, config)
                page.parent = section
                section.children.append(page)
            nav.items.append(section)
        if self.config.search == "pagefind":
            file = files.get_file_from_path("search/index.md")
            if file is not None:
                nav.items.insert(1, file.page or Page("Search", file, config))
        self.nav = nav
        return nav

    # The site's own pages ------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        """The site's own pages (docs/) may use {{ placeholders }} for the borough's figures."""
        if isinstance(page, _BuiltPage):
            return markdown
        assert self.catalogue is not None
        folders = tuple(f"{str(folder).strip('/')}/" for folder in self.config.staff_guides)
        if (not self.config.search_staff_guides and folders
                and page.file.src_uri.startswith(folders)):
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        for key, value in page.meta.items():
            if isinstance(value, str):
                page.meta[key] = fill_placeholders(value, self.catalogue)
        return fill_placeholders(markdown, self.catalogue)

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> dict[str, Any]:
        if isinstance(page, _BuiltPage) and page.content_later:
            page.content = page.built.full_html()
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if isinstance(page, _BuiltPage) and page.content_later:
            page.content = ""
        if self.shell_writer is not None and self.shell_writer.is_stand_in(page):
            return output  # a shell: its pages are finished one by one (mkdocs_shell.py)
        return self._finish_page(output, page)

    def _finish_page(self, output: str, page: Page) -> str:
        """A translated page's language and direction; links that open from disk."""
        if not output:
            return output
        if isinstance(page, _BuiltPage) and page.built.lang:
            output = set_page_language(output, page.built)
        return with_file_links(output) if self.file_links else output

    def on_post_template(self, output_content: str, *, template_name: str,
                         config: MkDocsConfig) -> str:
        if self.file_links and template_name.endswith(".html"):
            return with_file_links(output_content)
        return output_content

    # After the build -----------------------------------------------------------------------

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.shell_writer is not None and self.files is not None:
            assert self.nav is not None and self.env is not None
            self.shell_writer.write_all(config, self.files, self.nav, self.env, self.serving)
        self._stop_shell_writer()
        self.nav, self.env = None, None
        if self.incremental_build and self.files is not None and self.catalogue is not None:
            self.incremental_build.finish({file.dest_uri for file in self.files},
                                          [page.url for page in self.site.pages
                                           if page.kind in _KEPT_KINDS]
                                          if self.site else [])
        self.incremental_build, self.files = None, None
        if self.pagefind is not None:
            run, self.pagefind = self.pagefind, None
            try:
                run.wait()
            except LocalOfferError as error:
                raise PluginError(f"localoffer: {error}") from error

    def on_build_error(self, *, error: Exception) -> None:
        gc.enable()
        gc.unfreeze()
        self._stop_shell_writer()
        self.nav, self.env = None, None
        self.incremental_build, self.files = None, None
        if self.pagefind is not None:
            self.pagefind.stop()
            self.pagefind = None

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # The theme's pages localoffer replaces (404.html: a way back, not a dead end).
        env.loader = ChoiceLoader([PackageLoader("localoffer.site", "theme"), env.loader])
        env.bytecode_cache = template_cache()
        draw_menu_once_per_folder(env)
        if self.shell_writer is not None:
            self.shell_writer.prepare_env(env)
        self.env = env
        return env

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig,
                 builder: Any) -> LiveReloadServer:
        if self.borough is not None:
            self._stop_watching()
            # Never through a link: a pull request could commit offers/ or feedback/ ("You said,
            # we did") as a link to /, and every folder of the machine would be watched.
            folders = [folder for folder in (self.borough.offers_dir, self.borough.feedback_dir)
                       if folder.is_dir() and not folder.is_symlink()]
            for folder in folders:
                watch = watch_for_saves(server, folder)
                if watch is None:
                    server.watch(str(folder))
                else:
                    self.watches.append(watch)
            if self.borough.config_path is not None:
                server.watch(str(self.borough.config_path))
        return server


    def on_shutdown(self) -> None:
        self._stop_watching()

    def _stop_watching(self) -> None:
        for watch in self.watches:
            watch.stop()
            watch.join(10)
        self.watches = []


def _nav_titles(nav: Any, title: str | None = None) -> dict[str, str | None]:
    """Every page path named in mkdocs.yml's nav, with the title given to it there."""
    if isinstance(nav, str):
        return {nav: title}
    found: dict[str, str | None] = {}
    if isinstance(nav, dict):
        for key, value in nav.items():
            found.update(_nav_titles(value, str(key)))
    elif isinstance(nav, list):
        for item in nav:
            found.update(_nav_titles(item))
    return found


def _around_offer_pages(config: MkDocsConfig, options: dict[str, Any]) -> tuple[Any, ...]:
    """Everything the theme puts around an offer's page: the site's settings, its own pages
    (their titles make the menu), the theme, the engine and the plugin's options."""
    theme_dir = config.theme.custom_dir
    return (file_bytes(Path(config.config_file_path or "")),
            tree_fingerprint(Path(config.docs_dir)),
            tree_fingerprint(Path(theme_dir) if theme_dir else None),
            engine_version(), options, config.site_url, config.nav,
            os.environ.get("MIKE_DOCS_VERSION"))


def _not_about_dirty_builds(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith(("A 'dirty' build", "The directory contains stale"))


class _KeptFile(File):
    """An offer's page that the site folder already holds, right (KeptPages): the engine
    lists it (in sitemap.xml) but neither reads nor writes it in a dirty build."""

    def is_modified(self) -> bool:
        return False


class _CopiedFile(File):
    """A picture beside an offer, copied in every build (a dirty build would skip one whose
    copy is newer, even with other content)."""

    def is_modified(self) -> bool:
        return True


class _BuiltPage(Page):
    """A page whose HTML localoffer has built: MkDocs reads and converts no Markdown for it
    (a Markdown converter made for each page would cost a millisecond a page)."""

    def __init__(self, title: str | None, file: File, config: MkDocsConfig,
                 built: BuiltPage) -> None:
        super().__init__(title, file, config)
        self.built = built
        self.template: str | None = None  # the theme's template, when not its main.html
        # Its HTML is made as MkDocs draws it (on_page_context), not when it is read.
        self.content_later = False

    def read_source(self, config: MkDocsConfig) -> None:
        built = self.built
        # The one place a built page's text reaches MkDocs: the theme prints title,
        # description and tags into HTML as they are, so they are escaped here, once.
        meta: dict[str, Any] = {"title": _text(built.title),
                                "description": _text(built.description)}
        search: dict[str, Any] = {}
        if built.search_exclude:
            search["exclude"] = True
        elif built.search_boost:
            search["boost"] = built.search_boost
        if search:
            meta["search"] = search
        if built.search_tags:
            meta["tags"] = [_text(tag) for tag in built.search_tags]
        if built.lang:  # the theme's contents list is English: the page lists its questions
            meta["hide"] = ["toc"]
        if self.template:
            meta["template"] = self.template
        self.markdown, self.meta = "", meta

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = "" if self.content_later else self.built.html
        self.toc = get_toc(self.built.toc)


def _stand_in_page(file: File, config: MkDocsConfig, built: BuiltPage) -> Page:
    return _BuiltPage(None, file, config, built)


def _text(value: str) -> str:
    """Plain text escaped for the theme, as str: the theme's templates do not autoescape, and
    a Markup would change how they join and strip it."""
    return str(escape(value))


def _without(nav: Any, path: str) -> Any:
    """mkdocs.yml's nav without the entries for `path` (a page that is turned off)."""
    if isinstance(nav, list):
        kept = [_without(item, path) for item in nav if item != path]
        return [item for item in kept if item not in ({}, [], None)]
    if isinstance(nav, dict):
        return {key: _without(value, path) for key, value in nav.items() if value != path}
    return nav
