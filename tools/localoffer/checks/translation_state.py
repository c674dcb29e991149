"""Is a translation up to date with its English offer? The one rule, which the checks, `due`,
`report`, `translations` and the website's notice all ask.

A translation names the English version it was made from (`translated_from`):
- a date: the English `last_reviewed` it translates. It is out of date when the English
  offer's `last_reviewed` is later.
- a commit: the English as it was in that commit. It is out of date when a later change on
  the published branch changed the English offer.md (read from the one history reader,
  git/history.py, once per run however many translations there are).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from localoffer.git.history import Change, Record, read_history_or_none
from localoffer.model import Offer, load_offer
from localoffer.model.discover import find_offer_files
from localoffer.model.files import OFFER_FILE
from localoffer.model.translation import Translation, load_translation, translation_files_in

if TYPE_CHECKING:
    from localoffer.borough import Borough


class Freshness(str, Enum):
    CURRENT = "current"
    STALE = "stale"
    UNKNOWN = "unknown"  # the version it was made from cannot be found


@dataclass(frozen=True)
class TranslationState:
    freshness: Freshness
    version_date: date | None  # when the English version it translates was made
    english_date: date | None  # when the English last changed
    reason: str  # plain words for a school or an officer

    @property
    def is_stale(self) -> bool:
        return self.freshness is Freshness.STALE


class EnglishVersions:
    """Answers 'is this translation out of date?' for every translation of one borough,
    reading the Git history at most once."""

    def __init__(self, offers_dir: Path, record: Record | None = None) -> None:
        """`record`: the history already read (the site build reads it once for everything)."""
        self.offers_dir = offers_dir
        self._record = record

    @cached_property
    def record(self) -> Record | None:
        return self._record if self._record is not None else read_history_or_none(self.offers_dir)

    def state(self, translation: Translation, english: Offer) -> TranslationState:
        commit = translation.translated_from_commit
        if commit is not None:
            return self._by_commit(commit, translation.slug)
        translated = translation.translated_from_date
        if translated is None:
            return TranslationState(Freshness.UNKNOWN, None, english.last_reviewed,
                                    "translated_from names no English version (a date or a "
                                    "commit)")
        reviewed = english.last_reviewed
        if reviewed is None:
            return TranslationState(Freshness.UNKNOWN, translated, None,
                                    "the English offer has no last_reviewed date to compare "
                                    "with")
        if reviewed > translated:
            return TranslationState(Freshness.STALE, translated, reviewed,
                                    f"it translates the English of {translated.isoformat()}; "
                                    f"the English was reviewed again on {reviewed.isoformat()}")
        return TranslationState(Freshness.CURRENT, translated, reviewed,
                                f"it translates the English of {translated.isoformat()}")

    def _by_commit(self, commit: str, slug: str) -> TranslationState:
        record = self.record
        if record is None:
            return TranslationState(Freshness.UNKNOWN, None, None,
                                    f"translated_from names the commit {commit[:12]}, but there "
                                    "is no Git history here to compare with")
        position = _position_of(record.changes, commit)
        if position is None:
            return TranslationState(Freshness.UNKNOWN, None, None,
                                    f"the commit {commit[:12]} named by translated_from is not "
                                    "in the published history")
        made = record.changes[position].date.date()
        english = f"{slug}/{OFFER_FILE}"
        later = [change for change in record.changes[:position]
                 if any(english in item.paths for item in change.files)]
        if later:
            changed = later[0].date.date()
            return TranslationState(Freshness.STALE, made, changed,
                                    f"it translates the English of {made.isoformat()}; the "
                                    f"English changed on {changed.isoformat()}")
        return TranslationState(Freshness.CURRENT, made, made,
                                f"it translates the English of {made.isoformat()}")


def _position_of(changes: list[Change], commit: str) -> int | None:
    """The index (newest first) of the change that is, or brought in, `commit` (a full or
    abbreviated hash)."""
    for index, change in enumerate(changes):
        if change.sha.startswith(commit) or any(
                brought.sha.startswith(commit) for brought in change.brought_in):
            return index
    return None


@dataclass(frozen=True)
class TranslationStatus:
    """One translation as the LA's lists show it."""

    slug: str
    name: str  # the setting's name, from the English offer
    tag: str
    language_name: str  # in English, for the LA's lists
    path: str
    translated_by: str
    state: TranslationState

    def as_dict(self) -> dict[str, object]:
        return {"slug": self.slug, "name": self.name, "language": self.tag,
                "language_name": self.language_name, "path": self.path,
                "translated_by": self.translated_by, "state": self.state.freshness.value,
                "translates_version_of": _iso(self.state.version_date),
                "english_changed": _iso(self.state.english_date),
                "reason": self.state.reason}


def translation_statuses(borough: Borough) -> list[TranslationStatus]:
    """Every translation of a readable English offer in the borough, by setting then language
    (the Git history is read once)."""
    if not borough.offers_dir.is_dir():
        return []
    versions = EnglishVersions(borough.offers_dir)
    found = []
    for path in find_offer_files([borough.offers_dir]):
        translations = translation_files_in(path.parent)
        if not translations:
            continue
        english = load_offer(path, borough)
        if not english.readable:
            continue
        for each in translations:
            translation = load_translation(each, borough)
            language = translation.language
            found.append(TranslationStatus(
                english.slug, english.name, translation.tag,
                language.english_name if language else translation.tag,
                translation.display_path, translation.translated_by,
                versions.state(translation, english) if translation.readable else
                TranslationState(Freshness.UNKNOWN, None, None, "the file could not be read")))
    return found


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
