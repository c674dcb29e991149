"""A printable booklet for each language the offers are translated into, `booklet/<lang>/`:
every translated setting's page in that language, as the all-settings booklet has them in
English (booklet.py), and the same as a PDF (booklet_pdf.py)."""
from __future__ import annotations

from dataclasses import dataclass

from localoffer.model.translation import Language, Translation
from localoffer.site.booklet import BOOKLET_URL, place, prepare
from localoffer.site.catalogue import Catalogue, PublishedOffer
from localoffer.site.markup import Markup, fragment
from localoffer.site.pages import header_card
from localoffer.site.render import MarkdownRenderer, Rendered
from localoffer.site.structure import BuiltPage, relative_url, toc_entry
from localoffer.site.translated_pages import render_translation, translation_url
from localoffer.site.words import Words

BOOKLET_TITLE = "Printable booklet"
# (setting's slug, language tag): the translation's answers, rendered once per build.
TranslatedBodies = dict[tuple[str, str], Rendered]


@dataclass
class LanguageBooklet:
    language: Language
    url: str
    items: list[tuple[PublishedOffer, Translation]]


def render_translations(catalogue: Catalogue, bodies: dict[str, Rendered]) -> TranslatedBodies:
    """Every published translation's answers as safe HTML (the glossary's meanings are
    English: they are not added to these pages)."""
    renderer = MarkdownRenderer({})
    return {(item.slug, translation.tag): render_translation(translation, bodies[item.slug],
                                                             renderer)
            for item in catalogue.offers for translation in item.translations}


def language_booklets(catalogue: Catalogue) -> list[LanguageBooklet]:
    """One booklet for each language that any published offer is translated into, by tag."""
    found: dict[str, LanguageBooklet] = {}
    for item in catalogue.offers:
        for translation in item.translations:
            language = translation.language
            if language is None:
                continue
            booklet = found.setdefault(language.tag, LanguageBooklet(
                language, f"{BOOKLET_URL}{language.tag}/", []))
            booklet.items.append((item, translation))
    return [found[tag] for tag in sorted(found)]


def language_booklet_page(booklet: LanguageBooklet, translated: TranslatedBodies,
                          catalogue: Catalogue) -> BuiltPage:
    language = booklet.language
    words = Words(language.tag)
    sections = [_section(item, translation, translated[(item.slug, translation.tag)],
                         booklet.url, words, catalogue.borough.glossary)
                for item, translation in booklet.items]
    html = fragment("translated.html", "language_booklet", words(BOOKLET_TITLE),
                    catalogue.borough.name, language.tag, language.direction,
                    [item for item, _ in booklet.items], sections)
    return BuiltPage(url=booklet.url, title=f"{catalogue.borough.name}: {language.autonym}",
                     html=html, toc=[toc_entry(2, item.slug, item.name)
                                     for item, _ in booklet.items],
                     description=catalogue.borough.name, search_exclude=True, kind="booklet",
                     lang=language.tag, direction=language.direction)


def language_booklet_pages(catalogue: Catalogue, translated: TranslatedBodies) -> list[BuiltPage]:
    return [language_booklet_page(booklet, translated, catalogue)
            for booklet in language_booklets(catalogue)]


def _section(item: PublishedOffer, translation: Translation, body: Rendered, booklet_url: str,
             words: Words, glossary: dict[str, str]) -> Markup:
    language = translation.language
    assert language is not None
    page = translation_url(item, language)
    answers = place(prepare(body.html, item.slug, page), booklet_url)
    return fragment("translated.html", "language_booklet_section", item,
                    header_card(item.facts, glossary, pagefind=False, words=words),
                    relative_url(booklet_url, page), answers)
