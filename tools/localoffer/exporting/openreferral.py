"""`localoffer export --format openreferral`: the published offers as Open Referral UK records.

Open Referral UK (version 3.0, the UK profile of the Human Services Data Specification) is the
standard English councils use to share directories of services. Each published offer becomes:

- an organization: the setting (with its URN or UKPRN as an organization_identifier)
- a service: its SEND support, whose url is the offer's page and assured_date its last review
- a location with its address, joined to the service by a service_at_location
- contacts (the SENCO or SEND lead, and the main office) with their phone numbers

Records are in the standard's tabular form: one list per table, joined by *_id fields. Ids
are UUIDs derived from the borough and the setting's slug, so they stay the same from one
export to the next. schemas/openreferral-uk-3.0.schema.json holds the standard's field rules
that can be checked offline (required fields, types, enums, UUIDs).
"""
from __future__ import annotations

import json
import uuid
from datetime import date
from typing import Any, Iterable, Iterator

from localoffer.borough import Borough
from localoffer.errors import LocalOfferError
from localoffer.exporting.records import Setting, identifier, sort_key
from localoffer.model.markdown import strip_html_comments
from localoffer.review import ReviewState, long_date
from localoffer.site.facts import email_href, website_href

TABLES = ("organization", "organization_identifier", "service", "location", "address",
          "service_at_location", "contact", "phone")
SCHEMA_FILE = "openreferral-uk-3.0.schema.json"
COUNTRY = "GB"
# org-id.guide schemes for the identifiers in offers' front-matter.
IDENTIFIER_SCHEMES = {
    "dfe": ("GB-EDU", "Unique Reference Number (URN) from Get Information About Schools"),
    "ukprn": ("GB-UKPRN", "UK Provider Reference Number (UKPRN)"),
    "ofsted": (None, "Ofsted unique reference number"),
}


def records(borough: Borough, found: Iterable[Setting],
            site: str | None) -> dict[str, list[dict[str, Any]]]:
    """The tables, for the published offers (drafts and unreadable offers are left out), in
    the order of the settings' names. Each setting's rows are made as it is read, so the
    parsed offers are not kept."""
    if not site:
        raise LocalOfferError(
            "Open Referral UK records must carry each offer's web address, and the site's "
            "address is not set. Add 'site_url: https://...' to mkdocs.yml, or 'site:' with "
            "'url: https://...' to localoffer.yml, or give --site-url.")
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, site)
    rows: list[tuple[tuple[str, str], dict[str, list[dict[str, Any]]]]] = []
    for setting in found:
        if setting.row.readable and setting.row.published and setting.row.setting_type:
            own: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
            _add_setting(own, borough, setting, namespace)
            rows.append((sort_key(setting), own))
    rows.sort(key=lambda keyed: keyed[0])
    return {table: [entry for _key, own in rows for entry in own[table]] for table in TABLES}


def render(borough: Borough, found: Iterable[Setting], _today: date,
           site: str | None) -> Iterator[str]:
    return iter([json.dumps(records(borough, found, site), indent=2, ensure_ascii=False) + "\n"])


def _add_setting(tables: dict[str, list[dict[str, Any]]], borough: Borough, setting: Setting,
                 namespace: uuid.UUID) -> None:
    offer, row, facts = setting.offer, setting.row, setting.facts

    def new_id(*parts: str) -> str:
        return str(uuid.uuid5(namespace, "/".join((offer.slug, *parts))))

    organization_id, service_id, location_id = new_id("organization"), new_id("service"), \
        new_id("location")
    kind = borough.setting_types[row.setting_type]  # type: ignore[index]
    organization: dict[str, Any] = {
        "id": organization_id,
        "name": row.name,
        "description": _description(offer.intro_text) or
        f"{kind.label} in {facts.town or borough.name}.",
    }
    website = website_href(facts.website) if facts.website else None
    if website:
        organization["website"] = website
    tables["organization"].append(organization)

    scheme, identifier_type = IDENTIFIER_SCHEMES[kind.urn_kind]
    number = identifier(offer, "ukprn" if kind.urn_kind == "ukprn" else "urn")
    if number:
        entry: dict[str, Any] = {"id": new_id("identifier"), "organization_id": organization_id,
                                 "identifier_type": identifier_type, "identifier": number}
        if scheme:
            entry["identifier_scheme"] = scheme
        tables["organization_identifier"].append(entry)

    service: dict[str, Any] = {
        "id": service_id,
        "organization_id": organization_id,
        "name": f"Special educational needs and disabilities (SEND) support at {row.name}",
        "description": (f"The SEND information report and Local Offer of {row.name}, a "
                        f"{kind.label.lower()} in {borough.name}: how it supports children and "
                        "young people with special educational needs and disabilities."),
        "url": setting.url,
        "status": "active",
    }
    if email_href(facts.senco.email):
        service["email"] = facts.senco.email
    if facts.ages:
        service["minimum_age"], service["maximum_age"] = facts.ages
    if setting.last_reviewed:
        service["assured_date"] = setting.last_reviewed.isoformat()
    if row.review_state is ReviewState.OVERDUE and row.next_review:
        service["alert"] = (f"This offer was due for review on {long_date(row.next_review)} "
                            "and may be out of date.")
    tables["service"].append(service)

    tables["location"].append({"id": location_id, "location_type": "physical",
                               "name": row.name})
    if facts.address and facts.postcode:
        tables["address"].append({
            "id": new_id("address"), "location_id": location_id,
            "address_1": facts.address, "city": facts.town or borough.name,
            "state_province": borough.name, "postal_code": facts.postcode,
            "country": COUNTRY, "address_type": "physical"})
    tables["service_at_location"].append({"id": new_id("service_at_location"),
                                          "service_id": service_id, "location_id": location_id})

    lead = "SENCO" if kind.duty else "SEND lead"
    contacts = [("senco", facts.senco.name or lead, lead, facts.senco.phone),
                ("office", f"{row.name} office", "Main office", facts.phone)]
    for key, name, title, phone in contacts:
        contact_id = new_id("contact", key)
        tables["contact"].append({"id": contact_id, "service_id": service_id, "name": name,
                                  "title": title})
        if phone:
            tables["phone"].append({"id": new_id("phone", key), "contact_id": contact_id,
                                    "number": phone})


def _description(intro: str) -> str:
    """The offer's welcome: its first paragraph, as Markdown (which the standard allows)."""
    without_comments = strip_html_comments(intro, keep_line_breaks=False)
    paragraphs = [part.strip() for part in without_comments.split("\n\n")]
    first = next((part for part in paragraphs if part), "")
    # Lines wrapped in the file are one paragraph. (Not a regular expression: tried at every
    # space of a long run of spaces, one took time with the square of its length.)
    return " ".join(line.strip(" \t") for line in first.split("\n"))
