"""Offer pages written from one shell per kind of page, not drawn by the theme one by one.

MkDocs draws every page through the theme (menu, header, contents list, footer): about 7 ms
an offer page, most of a large build. Offer pages of one kind (English, or one language; at
one depth of folder) differ only in their own values, so MkDocs draws ONE stand-in page of
each kind, with its own page builder (`_build_page`, every plugin's hooks included), whose
values are markers (shell.py): the setting's folder, title, description, the first heading
(the skip link), the contents list and the page's HTML. This writer fills that shell for each
page and writes the file. The theme's contents list is still drawn for each page by the
theme's own partial (partials/toc.html), alone.

Nothing is trusted blindly: the first page of each kind is built by MkDocs as usual, and its
file must be byte for byte what the shell gives for it, or every page of that kind is built by
MkDocs' own page builder instead (as before). Pages a theme's search must read (the material
search plugin indexes each page as it is built) and plugins this writer does not know keep
the usual way: `usable` says so. Part of the MkDocs layer.
"""
from __future__ import annotations

import logging
import os
import tempfile
from typing import Any, Callable, Iterable

from jinja2 import ChoiceLoader, DictLoader, Environment, PrefixLoader, TemplateNotFound, pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import write_file

from localoffer.site.shell import Markers, Shell
from localoffer.site.structure import BuiltPage, toc_entry

TOC = "partials/toc.html"
SKIP_TEMPLATE = "localoffer/written-from-a-shell.html"  # draws nothing: MkDocs writes no file
_THEME = "localoffer-theme"  # the theme's own templates, under this prefix
# Plugins that do nothing per page that a shell would miss ("search" is turned off whenever
# pages are kept or shelled: see usable()).
_KNOWN_PLUGINS = {"localoffer", "search", "material/search"}

Key = tuple[str, str, bool]  # address with the folder marked, language, has a contents list


def usable(config: MkDocsConfig, theme_search: bool) -> bool:
    """Whether offer pages may be written from shells in this build."""
    if theme_search or not set(config.plugins).issubset(_KNOWN_PLUGINS):
        return False
    env = config.theme.get_env()
    try:
        for name in ("main.html", TOC):
            env.loader.get_source(env, name)  # type: ignore[union-attr]
    except TemplateNotFound:
        return False
    return True


class ShellWriter:
    """Collects the offer pages to write (`take`), draws the shells once the theme is ready
    (`prepare_env`, then `write_all` after MkDocs has written its own pages)."""

    def __init__(self, make_page: Callable[[File, MkDocsConfig, BuiltPage], Page],
                 finish: Callable[[str, Page], str]) -> None:
        """`make_page`: the plugin's page for a BuiltPage (its `template` attribute, when set,
        names the theme's template); `finish`: what the plugin's on_post_page does to a page
        the theme drew."""
        self.markers = Markers.new()
        self.make_page = make_page
        self.finish = finish
        self._stand_ins: dict[int, Key] = {}
        self._waiting: dict[Key, list[Page]] = {}
        self._proof: dict[Key, Page] = {}
        self._toc_context: dict[Key, dict[str, Any]] = {}
        self._heading: dict[Key, bool] = {}  # whether the proof's HTML has its own <h1>
        self._proof_result: dict[Key, bool] = {}
        self._theme_toc: Any = None
        self.skipped: set[str] = set()  # src_uris MkDocs draws as nothing

    def take(self, page: Page, built: BuiltPage) -> bool:
        """Whether `page` will be written from a shell (MkDocs draws it as nothing: True), or
        is the first of its kind, which MkDocs builds as usual and proves the shell (False)."""
        key = self._key(built)
        if key is None:
            return False
        if key not in self._proof:
            self._proof[key] = page
            return False
        self._waiting.setdefault(key, []).append(page)
        self.skipped.add(page.file.src_uri)
        page.template = SKIP_TEMPLATE  # type: ignore[attr-defined]
        return True

    def is_stand_in(self, page: Page) -> bool:
        return id(page) in self._stand_ins

    def _key(self, built: BuiltPage) -> Key | None:
        parts = built.url.split("/")
        if built.kind != "offer" or len(parts) < 3 or parts[0] != "settings" or not parts[1]:
            return None
        address = "/".join([parts[0], self.markers["slug"], *parts[2:]])
        return (address, built.lang, bool(built.toc))

    def prepare_env(self, env: Environment) -> None:
        """The shell's template that draws nothing, and the contents list drawn by a function
        that gives a stand-in page's marker (any other page's list is the theme's own)."""
        original = env.loader
        theme_toc_name = f"{_THEME}/{TOC}"
        markers, contexts, stand_ins = self.markers, self._toc_context, self._stand_ins

        @pass_context
        def contents_list(context: Context) -> Markup:
            page = context.get("page")
            if id(page) in stand_ins:
                contexts[stand_ins[id(page)]] = dict(context.get_all())
                return Markup(markers["toc"])
            return Markup(context.environment.get_template(theme_toc_name).render(
                context.get_all()))

        env.loader = ChoiceLoader([
            DictLoader({SKIP_TEMPLATE: "", TOC: "{{ localoffer_contents_list() }}"}),
            PrefixLoader({_THEME: original}), original])  # type: ignore[dict-item]
        env.globals["localoffer_contents_list"] = contents_list
        self._theme_toc = env.get_template(theme_toc_name)

    def write_all(self, config: MkDocsConfig, files: Files, nav: Navigation,
                  env: Environment, serving: bool) -> None:
        inclusion = InclusionLevel.is_in_serve if serving else InclusionLevel.is_included
        doc_files = files.documentation_pages(inclusion=inclusion)
        for key, proof in self._proof.items():
            pages = self._waiting.get(key, [])
            if not pages:
                continue
            shell = self._shell(key, proof, config, doc_files, nav, env)
            if shell is None or not self._proved(shell, key, proof):
                logging.getLogger(__name__).debug(
                    "localoffer: offer pages like %s are built by the theme one by one",
                    proof.file.src_uri)
            for page in pages:
                html = str(page.built.full_html())  # type: ignore[attr-defined]
                if shell is None or not self._proved(shell, key, proof) or \
                        ("<h1" in html) != self._heading[key]:
                    self._draw(page, html, config, doc_files, nav, env)
                    continue
                write_file(self._page(shell, key, page, html).encode(
                    "utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path)
        self._waiting.clear()

    def _draw(self, page: Page, html: str, config: MkDocsConfig, doc_files: Any,
              nav: Navigation, env: Environment) -> None:
        """A page the shell does not fit, drawn by the theme as MkDocs would."""
        page.meta.pop("template", None)
        self.skipped.discard(page.file.src_uri)
        page.content = html
        mkdocs_build._build_page(page, config, doc_files, nav, env)
        page.content = ""

    def _shell(self, key: Key, proof: Page, config: MkDocsConfig, doc_files: Any,
               nav: Navigation, env: Environment) -> Shell | None:
        """The stand-in page of `key`'s kind, built by MkDocs' own page builder."""
        address, lang, has_toc = key
        has_heading = self._heading[key] = "<h1" in (proof.content or "")
        markers = self.markers
        built = BuiltPage(url=address, title=markers["title"],
                          html=Markup(markers.content(has_heading)),
                          toc=[toc_entry(2, markers["skip"], "-")] if has_toc else [],
                          description=markers["description"], kind="offer", lang=lang)
        file = File.generated(config, built.source_path, content="",
                              inclusion=InclusionLevel.NOT_IN_NAV)
        stand_in = self.make_page(file, config, built)
        stand_in.read_source(config)
        stand_in.render(config, Files([]))
        self._stand_ins[id(stand_in)] = key
        try:
            with tempfile.TemporaryDirectory(prefix="localoffer-shell-") as folder:
                file.abs_dest_path = os.path.join(folder, "index.html")  # type: ignore[misc]
                mkdocs_build._build_page(stand_in, config, doc_files, nav, env)
                try:
                    with open(file.abs_dest_path, encoding="utf-8") as stream:
                        html = stream.read()
                except OSError:
                    return None
        finally:
            del self._stand_ins[id(stand_in)]
        shell = Shell(html, markers)
        return shell if key in self._toc_context else None

    def _proved(self, shell: Shell, key: Key, proof: Page) -> bool:
        """Whether MkDocs' own page is the shell's, byte for byte (compared once a kind)."""
        if key in self._proof_result:
            return self._proof_result[key]
        self._proof_result[key] = False
        try:
            with open(proof.file.abs_dest_path, "rb") as stream:
                written = stream.read()
        except OSError:
            return False
        self._proof_result[key] = written == self._page(shell, key, proof, proof.content or "") \
            .encode("utf-8", errors="xmlcharrefreplace")
        return self._proof_result[key]

    def _page(self, shell: Shell, key: Key, page: Page, html: str) -> str:
        built: BuiltPage = page.built  # type: ignore[attr-defined]
        toc = list(page.toc)
        values = {
            "slug": built.url.split("/")[1],
            "title": page.meta["title"],
            "description": page.meta["description"],
            "skip": toc[0].id if toc else "",
            "toc": self._theme_toc.render({**self._toc_context[key], "page": page}),
            "content": html,
        }
        return self.finish(shell.fill(values), page)


def build_log() -> logging.Logger:
    """MkDocs' (or ProperDocs') page builder's log."""
    return mkdocs_build.log


def not_about_shell_pages(skipped: Iterable[str]) -> Callable[[logging.LogRecord], bool]:
    """A log filter: MkDocs says it skipped each page a shell writes (it drew nothing)."""
    names = skipped

    def keep(record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message.startswith("Page skipped: '") and message.endswith("Generated empty output."):
            return message[len("Page skipped: '"):].split("'", 1)[0] not in names
        return True
    return keep
