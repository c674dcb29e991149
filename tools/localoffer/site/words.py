"""The website's own words (facts box labels, notices, list labels) in a reader's language, from
gettext message catalogues: site/locale/<language>/LC_MESSAGES/localoffer.po.

The catalogues are compiled when first used (Babel reads the .po and writes the .mo in memory),
so there is no build step to forget and nothing is downloaded. A message without a translation
is shown in English and says so (`Phrase.lang` is "en"), so that the page marks it lang="en"
(WCAG 3.1.2). Dates are written the language's way by Babel (CLDR).
"""
from __future__ import annotations

import gettext
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from io import BytesIO

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "localoffer"
SOURCE_LANGUAGE = "en"


@dataclass(frozen=True)
class Phrase:
    """Words to show, and the language they are in (the reader's, or English when there is no
    translation)."""

    text: str
    lang: str

    def __str__(self) -> str:
        return self.text


class Words:
    """The site's words in one language: `words("Type")`, `words("... {date}", date=...)`."""

    def __init__(self, tag: str) -> None:
        self.tag = tag
        self._catalogue = _catalogue(tag)

    def __call__(self, message: str, **values: object) -> Phrase:
        translated = self._catalogue.get(message, "") if self._catalogue else ""
        if translated:
            return Phrase(translated.format(**values), self.tag)
        return Phrase(message.format(**values), SOURCE_LANGUAGE)

    def date(self, day: date) -> str:
        try:
            return format_date(day, format="long", locale=self.tag.replace("-", "_"))
        except (ValueError, LookupError):
            return format_date(day, format="long", locale="en_GB")


def catalogue_languages() -> list[str]:
    """The languages with a message catalogue, English first."""
    folder = resources.files("localoffer.site") / "locale"
    found = sorted(entry.name for entry in folder.iterdir() if entry.is_dir())
    return sorted(found, key=lambda tag: tag != SOURCE_LANGUAGE)


@lru_cache(maxsize=None)
def _catalogue(tag: str) -> dict[str, str] | None:
    """message: translation, for the catalogue of `tag` (or of its language alone when the rest
    is a region: pl for pl-PL, but never pa for pa-Arab, another script), compiled to a .mo in
    memory; None when there is none."""
    parts = tag.split("-")
    names = [tag] + ([parts[0]] if len(parts) > 1 and len(parts[1]) != 4 else [])
    for name in names:
        source = resources.files("localoffer.site") / "locale" / name / "LC_MESSAGES" / f"{DOMAIN}.po"
        if not source.is_file():
            continue
        with source.open("rb") as handle:
            catalog = read_po(handle, locale=name.replace("-", "_"), domain=DOMAIN)
        compiled = BytesIO()
        write_mo(compiled, catalog, use_fuzzy=False)
        compiled.seek(0)
        translations = gettext.GNUTranslations(compiled)
        return {message.id: translations.gettext(message.id) if message.string else ""
                for message in catalog if message.id and isinstance(message.id, str)}
    return None
