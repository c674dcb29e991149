"""A setting's page in each language it is translated into, at settings/<slug>/<lang>/.

The translation gives the answers; the facts come from the English offer (its header card,
labelled in the page's language from the message catalogues, the values in English and marked
so). The page says who translated it, and plainly when the English has changed since (with the
date of the version it translates and a link to the English). Every language of a setting's
page links to every other (the switcher's links, with hreflang).
"""
from __future__ import annotations

from dataclasses import dataclass
from localoffer.checks.translation_state import TranslationState
from localoffer.model.translation import ENGLISH, Language, Translation
from localoffer.site.booklet import BOOKLET_URL
from localoffer.site.catalogue import PublishedOffer
from localoffer.site.markup import Markup, fragment
from localoffer.site.pages import header_card
from localoffer.site.render import MarkdownRenderer, Rendered
from localoffer.site.structure import BuiltPage, relative_url
from localoffer.site.words import Words

SWITCHER_TITLE = "This page in other languages"


@dataclass(frozen=True)
class LanguageLink:
    tag: str
    autonym: str
    direction: str
    url: str  # site-root relative
    current: bool = False
    href: str = ""  # relative to the page it is shown on


def translation_url(item: PublishedOffer, language: Language) -> str:
    return f"{item.url}{language.tag}/"


def languages_of(item: PublishedOffer) -> list[tuple[Language, str]]:
    """English first, then each translation (by tag): (language, page url)."""
    found = [(ENGLISH, item.url)]
    for translation in sorted(item.translations, key=lambda each: each.tag):
        language = translation.language
        if language is not None:
            found.append((language, translation_url(item, language)))
    return found


def switcher(item: PublishedOffer, page_url: str, words: Words) -> Markup:
    """The language switcher for one of the setting's pages; nothing when it has no
    translation."""
    languages = languages_of(item)
    if len(languages) < 2:
        return Markup()
    links = [LanguageLink(language.tag, language.autonym, language.direction, url,
                          url == page_url, relative_url(page_url, url))
             for language, url in languages]
    return fragment("translated.html", "language_switcher", links, words(SWITCHER_TITLE),
                    words.tag)


def render_translation(translation: Translation, english: Rendered,
                       renderer: MarkdownRenderer) -> Rendered:
    """The translation's answers as safe HTML. Its `##` headings take the ids of the English
    headings in the same place, so a link to an answer works in every language."""
    document = translation.document
    lines = document.text.split("\n")
    ids = [token["id"] for token in english.toc if token["level"] == 2]
    for section, anchor in zip(document.sections, ids):
        if section.anchor is None:
            lines[section.line - 1] = f"{lines[section.line - 1].rstrip()} {{#{anchor}}}"
    # The page is one folder deeper than the English page (settings/<slug>/<lang>/).
    return renderer.render("\n".join(lines[document.body_start - 1:]), depth=1)


def translated_page(item: PublishedOffer, translation: Translation, body: Rendered,
                    state: TranslationState, glossary: dict[str, str]) -> BuiltPage:
    language = translation.language
    assert language is not None  # the catalogue keeps only translations into a known language
    words = Words(language.tag)
    url = translation_url(item, language)
    english_href = relative_url(url, item.url)
    made_by = words("This page is a translation of the English page. Translated by: "
                    "{translated_by}.", translated_by=translation.translated_by)
    stale_text = (words("This translation was made from the English page of {date}. The English "
                        "page has changed since then, so parts of this page may be out of date.",
                        date=words.date(state.version_date))
                  if state.is_stale and state.version_date else None)
    notice = fragment("translated.html", "translation_notice", language.tag, made_by,
                      words("Translation out of date"), stale_text, english_href,
                      words("Read the English page"))
    card = header_card(item.facts, glossary, words=words)
    questions = [token for token in body.toc if token["level"] == 2]
    html = fragment("translated.html", "translated_page", item, translation, language.tag,
                    language.direction, switcher(item, url, words), card, notice, body,
                    questions, words("Questions answered on this page ({count})",
                                     count=len(questions)),
                    (words("Printable booklet"), relative_url(url, f"{BOOKLET_URL}{language.tag}/")))
    return BuiltPage(
        url=url,
        title=item.name,
        html=html,
        toc=[],  # the theme's contents list is titled in English: the page lists its questions
        description=item.name,
        search_boost=2,
        kind="offer",
        lang=language.tag,
        direction=language.direction,
    )
