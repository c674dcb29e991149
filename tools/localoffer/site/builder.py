"""The whole site from the borough's offers, built once: every page as HTML, the images to
copy and offers.json. A site engine (MkDocs today, see mkdocs_plugin.py) only places them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable, Mapping

from localoffer.borough import Borough
from localoffer.checks.translation_state import EnglishVersions
from localoffer.git.history import PublicChange, Record, read_history_or_none
from localoffer.model.feedback import FeedbackItem
from localoffer.site.booklet import KeepPage, booklet_pages
from localoffer.site.catalogue import Catalogue, PublishedOffer
from localoffer.site.feedback_links import PRIVACY_WARNING, feedback_links
from localoffer.site.finder import finder
from localoffer.site.lists import list_inputs, list_pages, list_titles
from localoffer.site.markup import Markup, escape
from localoffer.site.open_data import open_data_json
from localoffer.site.bodies import BodiesOnDemand
from localoffer.site.build_cache import KeptPages, digest
from localoffer.site.pages import OfferPageContext, offer_page
from localoffer.site.render import MarkdownRenderer, Rendered
from localoffer.site.search import search_page
from localoffer.site.search_words import WORDS_FILE, glossary_page, words_file
from localoffer.site.structure import BuiltPage
from localoffer.site.translated_booklets import (
    TranslatedBodies,
    language_booklet_pages,
    render_translations,
)
from localoffer.site.translated_pages import switcher, translated_page
from localoffer.site.words import Words
from localoffer.site.you_said import items_by_setting, setting_section, you_said_pages

# A page made by another package from the catalogue and the published history (None without
# Git): the face that builds the site hands it in (the MkDocs plugin gives reporting's
# dashboard page), so the site does not reach into reporting.
PageMaker = Callable[[Catalogue, "Record | None"], BuiltPage]
OPEN_DATA_FILE = "offers.json"
SEARCH_ENGINES = ("material", "pagefind")
_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_.]+)\s*\}\}")
# The lists' name in the site folder's manifest (KeptPages): with a "/", never a setting's.
_LISTS = "lists/"


@dataclass
class SiteOptions:
    search: str = "material"
    booklet_size: int = 100
    changes_shown: int = 10
    history: bool = True
    site_url: str = ""
    more_pages: tuple[PageMaker, ...] = ()


@dataclass
class BuiltSite:
    catalogue: Catalogue
    pages: list[BuiltPage]
    images: dict[str, Path] = field(default_factory=dict)  # site path: file beside the offer
    open_data: str = ""
    # Other files the pages read, such as the finder's data: {site path: text}.
    files: dict[str, str] = field(default_factory=dict)

    @property
    def kept_urls(self) -> list[str]:
        """The offers' pages that the site folder holds already, right (KeptPages)."""
        return [page.url for page in self.pages if page.kept]

    def page(self, url: str) -> BuiltPage | None:
        return next((page for page in self.pages if page.url == url), None)


def offer_page_context(borough: Borough, options: SiteOptions) -> OfferPageContext:
    return OfferPageContext(borough.name, borough.feedback_url, borough.glossary,
                            options.changes_shown, options.site_url, borough.feedback)


def build_site(catalogue: Catalogue, options: SiteOptions,
               changes: dict[str, list[PublicChange]] | None = None,
               rendered: Mapping[str, Rendered] | None = None,
               kept_pages: KeptPages | None = None, html_later: bool = False) -> BuiltSite:
    """Every page of the site. `rendered`: offers' bodies already rendered (parallel.py);
    any missing are rendered here. `kept_pages`: which offers' pages the site folder holds
    already, right (an incremental build): those are not made again. `html_later`: the
    English offer pages' and the booklets' HTML is made when the engine writes each
    (BuiltPage.full_html)."""
    borough = catalogue.borough
    # The published history is read once (one `git log`), for "Changes to this page" and
    # for the pages handed in (the dashboard's month-by-month counts).
    record = (read_history_or_none(borough.offers_dir)
              if options.history or options.more_pages else None)
    if changes is None:
        changes = record.public_changes_by_folder() if record and options.history else {}
    renderer = MarkdownRenderer(borough.glossary)
    context = offer_page_context(borough, options)
    bodies = BodiesOnDemand(catalogue, rendered or {}, renderer)
    said = items_by_setting(catalogue)
    versions = EnglishVersions(borough.offers_dir, record)
    pages = []
    for item in catalogue.offers:
        if kept_pages is not None and kept_pages.unchanged(
                item.slug, (changes.get(item.slug, []),
                            str(setting_section(item.url, said.get(item.slug, []), catalogue))),
                [item.url]):
            pages.append(_kept_page(item.url, item.name))
            continue
        body_later = partial(bodies.__getitem__, item.slug) if html_later else None
        pages.append(setting_page(item, bodies[item.slug], catalogue, changes, context, said,
                                  body_later))
    translated = render_translations(catalogue, bodies)
    pages += translated_pages(catalogue, translated, versions)
    pages += _list_pages(catalogue, kept_pages)
    found = finder(catalogue)
    pages.append(found.page)
    pages.append(glossary_page(catalogue))
    pages += you_said_pages(catalogue, renderer)
    pages += [make(catalogue, record) for make in options.more_pages]
    pages += booklet_pages(catalogue, bodies, options.booklet_size, borough.glossary,
                           _keep_booklet(kept_pages) if kept_pages is not None else None,
                           html_later)
    pages += language_booklet_pages(catalogue, translated)
    if options.search == "pagefind":
        pages.append(search_page())
    images = {f"{item.url}{image.name}": image
              for item in catalogue.offers for image in item.images}
    return BuiltSite(catalogue, pages, images, open_data_json(catalogue, options.site_url),
                     {**found.files, WORDS_FILE: words_file(catalogue)})


def _list_pages(catalogue: Catalogue, kept_pages: KeptPages | None) -> list[BuiltPage]:
    """The lists of settings, or, when the settings' names, details and review states are as
    in the last build, the pages the site folder holds (most changes are to answers)."""
    if kept_pages is not None:
        titles = list_titles()
        if kept_pages.unchanged_page(_LISTS, digest(list_inputs(catalogue)),
                                     [url for url, _ in titles]):
            return [BuiltPage(url=url, title=title, html=Markup(""), kind="list", kept=True)
                    for url, title in titles]
    return list_pages(catalogue)


def _keep_booklet(kept_pages: KeptPages) -> KeepPage:
    """A booklet page is made from its offers (their keys) and its title and links."""
    def keep(url: str, items: list[PublishedOffer], links: object) -> bool:
        keys = [kept_pages.offer_keys.get(item.slug) for item in items]
        return kept_pages.unchanged_page(url, digest(links, keys), [url])
    return keep


def _kept_page(url: str, title: str) -> BuiltPage:
    return BuiltPage(url=url, title=title, html=Markup(""), kind="offer", kept=True)


def setting_page(item: PublishedOffer, body: Rendered, catalogue: Catalogue,
                 changes: dict[str, list[PublicChange]], context: OfferPageContext,
                 said: dict[str, list[FeedbackItem]],
                 html_later: Callable[[], Rendered] | None = None) -> BuiltPage:
    """One setting's page in English: the build and the editor's preview (offer_preview.py)
    both make it here. `said`: items_by_setting(catalogue); `html_later`: see offer_page."""
    return offer_page(item, body, changes.get(item.slug, []), context,
                      switcher(item, item.url, Words("en")),
                      setting_section(item.url, said.get(item.slug, []), catalogue), html_later)


def translated_pages(catalogue: Catalogue, translated: TranslatedBodies,
                     versions: EnglishVersions) -> list[BuiltPage]:
    """Each published offer's page in each language it is translated into (made in every
    build: they are few, and the search index reads them)."""
    return [translated_page(item, translation, translated[(item.slug, translation.tag)],
                            versions.state(translation, item.offer),
                            catalogue.borough.glossary)
            for item in catalogue.offers for translation in item.translations]


def fill_placeholders(markdown: str, catalogue: Catalogue) -> str:
    """`{{ borough.name }}` and friends in the site's own pages, from localoffer.yml, escaped
    (the pages' Markdown and meta may hold HTML, and the theme prints meta as it is)."""
    values = {key: str(escape(value)) for key, value in placeholder_values(catalogue).items()}
    return _PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), markdown)


def _site_feedback_url(catalogue: Catalogue) -> str:
    borough = catalogue.borough
    links = feedback_links(borough.feedback, borough.feedback_url, "the Local Offer website", "")
    return links[0].href if links else borough.local_offer_url


def placeholder_values(catalogue: Catalogue) -> dict[str, str]:
    borough = catalogue.borough
    return {
        "borough.name": borough.name,
        "borough.local_offer_url": borough.local_offer_url,
        "borough.sendiass_url": borough.sendiass_url or borough.local_offer_url,
        "borough.feedback_url": borough.feedback_url or borough.local_offer_url,
        "settings.count": f"{len(catalogue.offers):,}",
        # The parents' route (a form or an email), for the site as a whole, and its warning.
        "feedback.url": _site_feedback_url(catalogue),
        "feedback.warning": PRIVACY_WARNING,
    }
