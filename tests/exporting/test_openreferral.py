"""`localoffer export --format openreferral`: Open Referral UK records that keep the
standard's field rules (schemas/openreferral-uk-3.0.schema.json), link up, and carry each
offer's address and review date."""
from __future__ import annotations

import re
from collections import Counter
from typing import Any

import jsonschema
import pytest

from localoffer.borough import Borough
from localoffer.errors import LocalOfferError
from localoffer.exporting import export, schema
from localoffer.exporting.openreferral import SCHEMA_FILE, TABLES
from exporting.helpers import SITE, exported
from reporting.defects import TODAY, Planted

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
# Foreign keys: (table, field) -> the table it points into.
LINKS = {
    ("organization_identifier", "organization_id"): "organization",
    ("service", "organization_id"): "organization",
    ("address", "location_id"): "location",
    ("service_at_location", "service_id"): "service",
    ("service_at_location", "location_id"): "location",
    ("contact", "service_id"): "service",
    ("phone", "contact_id"): "contact",
}


def validate(data: dict[str, list[dict[str, Any]]]) -> None:
    validator = jsonschema.Draft202012Validator(
        schema(SCHEMA_FILE), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = list(validator.iter_errors(data))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)
    ids = Counter(record["id"] for table in data.values() for record in table)
    assert all(count == 1 for count in ids.values()), "every id is unique"
    assert all(UUID.match(identifier) for identifier in ids)
    for (table, field), target in LINKS.items():
        known = {record["id"] for record in data[target]}
        for record in data[table]:
            assert record[field] in known, (table, field)


def test_schema_is_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(schema(SCHEMA_FILE))


def test_demo_records(demo_borough: Borough) -> None:
    data = exported(demo_borough, "openreferral")
    validate(data)
    assert list(data) == list(TABLES)
    assert {table: len(records) for table, records in data.items()} == {
        "organization": 12, "organization_identifier": 12, "service": 12, "location": 12,
        "address": 12, "service_at_location": 12, "contact": 24, "phone": 24}
    service = next(s for s in data["service"] if "Oakfield Primary School" in s["name"])
    assert service["url"] == f"{SITE}/settings/oakfield-primary-school/"
    assert service["assured_date"] == "2026-09-17"  # the offer's last review
    assert service["status"] == "active"
    assert (service["minimum_age"], service["maximum_age"]) == (4, 11)
    assert service["email"] == "senco@oakfield-primary.calderbrook.example"
    organization = next(o for o in data["organization"] if o["id"] == service["organization_id"])
    assert organization["name"] == "Oakfield Primary School"
    assert organization["description"].startswith("Welcome to Oakfield Primary School.")
    identifier = next(i for i in data["organization_identifier"]
                      if i["organization_id"] == organization["id"])
    assert (identifier["identifier_scheme"], identifier["identifier"]) == ("GB-EDU", "113562")
    college = next(i for i in data["organization_identifier"] if i.get("identifier_scheme")
                   == "GB-UKPRN")
    assert college["identifier"] == "10007731"
    nursery = [i for i in data["organization_identifier"] if "identifier_scheme" not in i]
    assert {i["identifier_type"] for i in nursery} == {"Ofsted unique reference number"}
    address = next(a for a in data["address"] if a["postal_code"] == "CK4 2QT")
    assert (address["address_1"], address["city"], address["country"]) == (
        "12 Oak Lane, Hollins", "Hollins", "GB")
    senco = next(c for c in data["contact"] if c["name"] == "Mr Imran Shah")
    assert senco["title"] == "SENCO" and senco["service_id"] == service["id"]
    phone = next(p for p in data["phone"] if p["contact_id"] == senco["id"])
    assert phone["number"] == "0161 496 0541"


def test_ids_are_stable_from_one_export_to_the_next(demo_borough: Borough) -> None:
    assert export(demo_borough, "openreferral", TODAY, SITE) == export(
        demo_borough, "openreferral", TODAY, SITE)


def test_only_published_readable_offers(defects: tuple[Borough, dict[str, Planted]]) -> None:
    borough, planted = defects
    data = exported(borough, "openreferral")
    validate(data)
    names = {o["name"] for o in data["organization"]}
    # Drafts (4, 9), the unreadable offer (5) and the unknown type (8) are left out.
    assert len(names) == 6
    assert not {"Example Primary school 4", "Example All-through school 9", "setting-00005",
                "Example Special school 8"} & names
    overdue = next(s for s in data["service"] if "Early years setting 2" in s["name"])
    assert overdue["alert"].startswith("This offer was due for review on 18 November 2026")
    assert all("alert" not in s for s in data["service"] if s is not overdue)
    lead = next(c for c in data["contact"] if c["service_id"] == overdue["id"]
                and c["title"] != "Main office")
    assert lead["title"] == "SEND lead"  # early years settings have no duty to name a SENCO


@pytest.mark.parametrize("table, field, value", [
    ("service", "status", "open"),
    ("location", "location_type", "building"),
    ("address", "address_type", "home"),
    ("service", "id", "oakfield-service"),
    ("service", "assured_date", "17/09/2026"),
    ("organization", "charity", "no"),
])
def test_the_schema_catches_broken_field_rules(demo_borough: Borough, table: str, field: str,
                                               value: str) -> None:
    data = exported(demo_borough, "openreferral")
    data[table][0][field] = value
    with pytest.raises(AssertionError):
        validate(data)


@pytest.mark.parametrize("table, field", [
    ("service", "url"), ("service", "status"), ("organization", "description"),
    ("address", "postal_code"), ("phone", "number"), ("service_at_location", "location_id")])
def test_the_schema_requires_the_standards_required_fields(demo_borough: Borough, table: str,
                                                           field: str) -> None:
    data = exported(demo_borough, "openreferral")
    del data[table][0][field]
    with pytest.raises(AssertionError, match=f"'{field}' is a required property"):
        validate(data)


def test_a_site_address_is_needed(borough_dir, demo_borough: Borough) -> None:
    from localoffer.borough import load_borough

    borough = load_borough(borough_dir / "localoffer.yml")
    with pytest.raises(LocalOfferError, match="site_url"):
        export(borough, "openreferral", TODAY)
