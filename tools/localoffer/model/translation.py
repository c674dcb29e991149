"""A translated offer, `offers/<slug>/offer.<lang>.md`: the English offer's text in another
language, written by a person. It holds only text: the setting's facts (name, address, review
dates, ...) come from the English front-matter, the one source of truth, so its own
front-matter says only which English version it translates (`translated_from`: a commit, or
the English `last_reviewed` date) and who translated it (`translated_by`).

The language is the file name's BCP 47 tag (ur, pl, pa-Arab, ...). Babel's locale data (the
Unicode CLDR) names each language in its own script and says which way it is written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from localoffer.model.files import OFFER_FILE, TRANSLATION_NAME, ordinary_files
from localoffer.model.frontmatter import as_date
from localoffer.model.offer import Offer, load_offer

if TYPE_CHECKING:
    from localoffer.borough import Borough

# Anything shaped like offer.<something>.md, to name a badly spelt tag rather than ignore it.
TRANSLATION_LIKE = re.compile(r"^offer\.([^./]+)\.md$")
TRANSLATION_KEYS = ("translated_from", "translated_by", "language")
_COMMIT = re.compile(r"^[0-9a-f]{7,40}$")


@dataclass(frozen=True)
class Language:
    """A language as readers see it: `tag` (BCP 47, as in the file name), its name in English,
    its name in its own script (`autonym`), and its writing direction ('ltr' or 'rtl')."""

    tag: str
    english_name: str
    autonym: str
    direction: str


ENGLISH = Language("en", "English", "English", "ltr")


@lru_cache(maxsize=None)
def language_of(tag: str) -> Language | None:
    """The language a BCP 47 tag names, or None when the tag names no language known to the
    Unicode CLDR (a misspelt code)."""
    # Imported here: the pre-commit hook checks offers without translations, and starts faster.
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(tag, sep="-")
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    autonym = locale.get_display_name(locale) or tag
    if autonym[:1].islower():  # "polski" as a menu item is "Polski"
        autonym = autonym[:1].upper() + autonym[1:]
    direction = "rtl" if locale.character_order == "right-to-left" else "ltr"
    return Language(tag, locale.get_display_name("en") or tag, autonym, direction)


def translation_tag(name: str) -> str | None:
    """The language tag of a translation's file name (offer.ur.md: 'ur'), or None."""
    match = TRANSLATION_NAME.match(name)
    return match.group(1) if match else None


def is_translation_name(name: str) -> bool:
    return bool(TRANSLATION_LIKE.match(name)) and name != OFFER_FILE


def translation_files_in(folder: Path) -> list[Path]:
    """The translations in one setting's folder (ordinary files named offer.<something>.md,
    links never followed), sorted by name."""
    return ordinary_files(folder, is_translation_name, below=False)


@dataclass
class Translation:
    """One translation, parsed as an offer is (`document`: its body, sections and problems)."""

    document: Offer
    tag: str

    @property
    def path(self) -> Path:
        return self.document.path

    @property
    def display_path(self) -> str:
        return self.document.display_path

    @property
    def slug(self) -> str:
        return self.document.slug

    @property
    def language(self) -> Language | None:
        return language_of(self.tag)

    @property
    def readable(self) -> bool:
        return self.document.readable

    @property
    def translated_by(self) -> str:
        value = self.document.get("translated_by")
        if isinstance(value, list):
            return ", ".join(str(item) for item in value if str(item).strip())
        return value.strip() if isinstance(value, str) else ""

    @property
    def translated_from_date(self) -> date | None:
        """The English `last_reviewed` date the translation was made from, when it names one."""
        return as_date(self.document.get("translated_from"))

    @property
    def translated_from_commit(self) -> str | None:
        """The commit of the English version it was made from, when it names one."""
        value = self.document.get("translated_from")
        if isinstance(value, str) and _COMMIT.match(value.strip().lower()):
            return value.strip().lower()
        return None

    def fact_keys(self) -> list[str]:
        """Front-matter keys that are not a translation's own: facts belong in the English."""
        data = self.document.front_matter.data if self.document.front_matter else {}
        return [str(key) for key in data if key not in TRANSLATION_KEYS]


def load_translation(path: Path, borough: Borough) -> Translation:
    """Read one translation; problems reading it become findings, as for an offer."""
    document = load_offer(path, borough)
    return Translation(document, translation_tag(path.name) or _loose_tag(path.name))


def english_path(translation_path: Path) -> Path:
    return translation_path.parent / OFFER_FILE


def _loose_tag(name: str) -> str:
    match = TRANSLATION_LIKE.match(name)
    return match.group(1) if match else name
