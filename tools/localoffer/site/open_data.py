"""offers.json: every published offer as open data, for the council's wider Local Offer portal.

The fields are documented in docs/about/open-data.md; keep the two in step.
"""
from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from localoffer.site.catalogue import Catalogue, PublishedOffer

FORMAT_VERSION = 1


def open_data(catalogue: Catalogue, site_url: str = "") -> dict[str, Any]:
    borough = catalogue.borough
    return {
        "format_version": FORMAT_VERSION,
        "borough": borough.name,
        "local_offer_url": borough.local_offer_url,
        "generated_on": catalogue.today.isoformat(),
        "count": len(catalogue.offers),
        "offers": [offer_record(item, site_url) for item in catalogue.offers],
    }


def offer_record(item: PublishedOffer, site_url: str = "") -> dict[str, Any]:
    facts, review = item.facts, item.review
    return {
        "slug": item.slug,
        "name": item.name,
        "url": (site_url.rstrip("/") + "/" if site_url else "") + item.url,
        "type": facts.type_id,
        "type_label": facts.type_label,
        "age_from": facts.ages[0] if facts.ages else None,
        "age_to": facts.ages[1] if facts.ages else None,
        "town": facts.town or None,
        "ward": facts.ward or None,
        "postcode_district": facts.postcode_district or None,
        "specialist_provision": list(facts.specialist_provision),
        "areas_covered": sorted(item.areas_covered),
        "review": {
            "status": review.state.value,
            "last_reviewed": review.last_reviewed.isoformat() if review.last_reviewed else None,
            "next_review": review.next_review.isoformat() if review.next_review else None,
        },
        "front_matter": plain(item.offer.front_matter.data if item.offer.front_matter else {}),
    }


def open_data_json(catalogue: Catalogue, site_url: str = "") -> str:
    """offers.json's text: one offer on each line, so a change to a setting is a change to one
    line, and the lines are written by the json module's fast encoder (an indented file takes
    its slow one: seconds for thousands of offers)."""
    data = open_data(catalogue, site_url)
    offers = data.pop("offers")
    head = json.dumps(data, indent=1, ensure_ascii=False)[:-2]  # without "\n}"
    lines = ",\n".join("  " + json.dumps(record, ensure_ascii=False) for record in offers)
    listed = f"[\n{lines}\n ]" if offers else "[]"
    return f'{head},\n "offers": {listed}\n}}\n'


def plain(value: Any) -> Any:
    """YAML values as JSON ones: mappings, lists, text, numbers, true/false, dates as text."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value)
