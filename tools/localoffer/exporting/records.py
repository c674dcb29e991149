"""Each setting as a plain record: its details, where its offer is published, its review and
its coverage. The JSON and CSV exports are made from these; the Open Referral UK records too.

Details are read through localoffer.site.facts, as the site shows them: a value of the wrong
shape becomes empty (the checks report it), never an error here.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable, Iterator

from localoffer.borough import Borough
from localoffer.checks import CheckContext, check_offer
from localoffer.collector import collector_paused
from localoffer.exporting.urls import offer_url
from localoffer.model import Offer
from localoffer.model.offer import question_set_of
from localoffer.reporting.data import iso
from localoffer.reporting.rows import SettingRow, setting_row
from localoffer.site.facts import SettingFacts, email_href, setting_facts, website_href


@dataclass(frozen=True)
class Setting:
    """One offer, parsed, checked once, with its report row and its details."""

    offer: Offer
    row: SettingRow
    facts: SettingFacts
    url: str | None
    question_set: str | None  # the set its headings follow (its own, or its type's usual set)


def checked_settings(borough: Borough, offers: Iterable[Offer], today: date, site: str | None,
                     offer_slugs: frozenset[str]) -> Iterator[Setting]:
    """Each offer, checked once, as it is read: in the order given, so that an export can
    keep what it writes of a setting and let the parsed offer go (see exporting/spool.py)."""
    context = CheckContext(borough, today, offer_slugs)
    with collector_paused():
        for offer in offers:
            question_set = question_set_of(offer, borough) if offer.readable else None
            yield Setting(
                offer, setting_row(offer, borough, today, check_offer(offer, context)),
                setting_facts(offer, borough), offer_url(site, offer.slug),
                question_set.id if question_set is not None else None)


def sort_key(setting: Setting) -> tuple[str, str]:
    """Exports list settings by name (ignoring capitals), then by folder."""
    return setting.row.name.casefold(), setting.offer.slug


def text_or_none(value: Any) -> str | None:
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def identifier(offer: Offer, key: str) -> str | None:
    """A URN or UKPRN as text: unquoted in YAML it arrives as a whole number."""
    return text_or_none(offer.get(key))


def record(setting: Setting) -> dict[str, Any]:
    """The JSON export's record of one setting (documented in docs/data/exports.md)."""
    offer, row, facts = setting.offer, setting.row, setting.facts
    return {
        "slug": offer.slug,
        "name": row.name,
        "url": setting.url,
        "type": row.setting_type,
        "type_label": row.type_label,
        "status": row.status,
        "readable": row.readable,
        "urn": identifier(offer, "urn"),
        "ukprn": identifier(offer, "ukprn"),
        "age_from": facts.ages[0] if facts.ages else None,
        "age_to": facts.ages[1] if facts.ages else None,
        "address": facts.address or None,
        "town": facts.town or None,
        "ward": facts.ward or None,
        "postcode": facts.postcode or None,
        "website": website_href(facts.website) if facts.website else None,
        "phone": facts.phone or None,
        "senco": {"name": facts.senco.name or None,
                  "email": facts.senco.email if email_href(facts.senco.email) else None,
                  "phone": facts.senco.phone or None},
        "question_set": setting.question_set,
        "last_reviewed": iso(row.last_reviewed),
        "next_review": iso(row.next_review),
        "approved_by": text_or_none(offer.get("approved_by")),
        "review_state": row.review_state.value,
        "maintainers": offer.maintainers,
        "languages": list(facts.languages),
        "specialist_provision": list(facts.specialist_provision),
        "areas_required": list(row.areas_required),
        "areas_covered": list(row.areas_covered),
        "areas_missing": list(row.areas_missing),
        "statutory_uncovered": list(row.statutory_uncovered),
        "complete": row.complete,
        "errors": row.errors,
        "warnings": row.warnings,
        "reading_ease": row.reading_ease,
        "answers": [
            {"heading": section.heading,
             "question": section.question.id if section.question is not None else None,
             "areas": list(section.areas),
             "words": section.word_count,
             "markdown": section.text.strip()}
            for section in offer.sections
        ],
    }

