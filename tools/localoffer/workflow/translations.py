"""What is translated, what is out of date and what is missing, per setting and per language:
the LA's view behind `localoffer translations`."""
from __future__ import annotations

from dataclasses import dataclass, field

from localoffer.borough import Borough
from localoffer.checks.translation_state import Freshness, TranslationStatus, translation_statuses
from localoffer.model import load_offer
from localoffer.model.discover import find_offer_files
from localoffer.model.translation import language_of


@dataclass
class SettingTranslations:
    slug: str
    name: str
    path: str  # the setting's folder, as shown
    translations: list[TranslationStatus] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # language tags


@dataclass
class LanguageTotals:
    tag: str
    name: str  # in English
    autonym: str
    current: int = 0
    stale: int = 0
    unknown: int = 0
    missing: int = 0


@dataclass
class TranslationOverview:
    settings: list[SettingTranslations]
    languages: list[LanguageTotals]

    def as_dict(self) -> dict[str, object]:
        return {
            "languages": [vars(item) for item in self.languages],
            "settings": [{"slug": item.slug, "name": item.name, "path": item.path,
                          "translations": [each.as_dict() for each in item.translations],
                          "missing": item.missing} for item in self.settings],
        }


def translation_overview(borough: Borough, languages: list[str] | None = None
                         ) -> TranslationOverview:
    """Every readable offer with its translations. A language is missing for a setting when
    some other setting of the borough has it (or it is asked for in `languages`) and this one
    does not."""
    statuses = translation_statuses(borough)
    wanted = list(dict.fromkeys([*(languages or []), *(item.tag for item in statuses)]))
    by_slug: dict[str, list[TranslationStatus]] = {}
    for item in statuses:
        by_slug.setdefault(item.slug, []).append(item)
    settings = []
    paths = find_offer_files([borough.offers_dir]) if borough.offers_dir.is_dir() else []
    for path in paths:
        offer = load_offer(path, borough)
        if not offer.readable:
            continue
        have = by_slug.get(offer.slug, [])
        tags = {item.tag for item in have}
        settings.append(SettingTranslations(
            offer.slug, offer.name, offer.display_path.rsplit("/", 1)[0], have,
            [tag for tag in wanted if tag not in tags]))
    totals = {}
    for tag in sorted(wanted):
        language = language_of(tag)
        totals[tag] = LanguageTotals(tag, language.english_name if language else tag,
                                     language.autonym if language else tag)
    for setting in settings:
        for item in setting.translations:
            kind = item.state.freshness
            counts = totals[item.tag]
            if kind is Freshness.CURRENT:
                counts.current += 1
            elif kind is Freshness.STALE:
                counts.stale += 1
            else:
                counts.unknown += 1
        for tag in setting.missing:
            totals[tag].missing += 1
    return TranslationOverview(sorted(settings, key=lambda item: (item.name.casefold(),
                                                                  item.slug)),
                               list(totals.values()))
