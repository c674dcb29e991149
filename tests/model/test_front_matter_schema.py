"""model/schema.py: one definition of the front-matter, as checks and as JSON Schema."""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from localoffer.borough import Borough
from localoffer.model.frontmatter import parse_front_matter
from localoffer.model.schema import FRONT_MATTER_FIELDS, front_matter_json_schema, value_problem
from localoffer.synthetic import synthetic_offer, synthetic_setting

TODAY = date(2026, 11, 28)


def plain(value: Any) -> Any:
    """Front-matter as JSON would hold it, the way check-jsonschema reads YAML."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def validator(demo_borough: Borough) -> Draft202012Validator:
    schema = front_matter_json_schema(demo_borough)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def synthetic_front_matter(borough: Borough, setting_type: str) -> dict[str, Any]:
    index = sorted(borough.setting_types).index(setting_type)
    text = synthetic_offer(borough, synthetic_setting(borough, index, TODAY), 20)
    return parse_front_matter(text)[0].data


def test_the_schema_describes_every_key(demo_borough: Borough) -> None:
    schema = front_matter_json_schema(demo_borough)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert list(schema["properties"]) == list(FRONT_MATTER_FIELDS)
    assert all(prop["description"] for prop in schema["properties"].values())
    assert schema["properties"]["type"]["enum"] == list(demo_borough.setting_types)
    assert schema["properties"]["question_set"]["enum"] == list(demo_borough.question_sets)
    assert set(schema["required"]) == {key for key, field in FRONT_MATTER_FIELDS.items()
                                       if field.required}
    assert schema["properties"]["senco"]["required"] == ["name", "email"]


def test_every_setting_types_synthetic_front_matter_is_valid(
        demo_borough: Borough, validator: Draft202012Validator) -> None:
    for setting_type in demo_borough.setting_types:
        data = synthetic_front_matter(demo_borough, setting_type)
        assert list(validator.iter_errors(plain(data))) == [], setting_type


# (key, YAML value, whether the JSON Schema can see the mistake as well as the check can)
CASES = [
    ("type", "primry", True), ("urn", '"12345"', True), ("urn", "EY123456", True),
    ("age_range", '"2-11"', None), ("age_range", "{from: 2, to: 11}", None),
    ("age_range", "{from: 2, to: 30}", True), ("age_range", "{from: 2}", True),
    ("age_range", '"11-2"', False),  # from <= to: a pattern cannot compare numbers
    ("postcode", "ck1 1aa", True), ("postcode", "CK1 1AA", None),
    ("website", "http://oak.example", True), ("website", "https://oak.example", None),
    ("phone", "0161 496 00", True), ("phone", "01614960000", True),
    ("phone", "+44 161 496 0000", None),
    ("last_reviewed", "12/09/2026", True), ("last_reviewed", "2027-02-30", True),
    ("status", "live", True), ("question_set", "se8", True),
    ("maintainers", "[]", True), ("maintainers", '"@team"', True),
    ("languages", "English", True), ("sen_report_duty", "yes", True),
    ("sen_report_duty", "false", None), ("urn", "113562", None),
]


@pytest.mark.parametrize("key, value, schema_sees_it", CASES)
def test_the_checks_and_the_schema_agree(demo_borough: Borough, validator: Draft202012Validator,
                                         key: str, value: str, schema_sees_it: bool | None) -> None:
    data = synthetic_front_matter(demo_borough, "primary")
    data[key] = parse_front_matter(f"---\n{key}: {value}\n---\n")[0].data[key]
    problem = value_problem(FRONT_MATTER_FIELDS[key], data[key], demo_borough, "dfe")
    schema_errors = list(validator.iter_errors(plain(data)))
    if schema_sees_it is None:  # a good value
        assert problem is None and schema_errors == []
    else:
        assert problem is not None
        assert bool(schema_errors) is schema_sees_it


def test_the_urn_kind_of_the_type_decides_what_is_required(
        demo_borough: Borough, validator: Draft202012Validator) -> None:
    college = plain(synthetic_front_matter(demo_borough, "fe-college"))
    del college["ukprn"]
    assert any("'ukprn' is a required property" in e.message for e in validator.iter_errors(college))
    nursery = plain(synthetic_front_matter(demo_borough, "early-years"))
    assert list(validator.iter_errors(nursery)) == []
    nursery["type"] = "primary"  # an Ofsted number is not a school's URN
    assert list(validator.iter_errors(nursery))
