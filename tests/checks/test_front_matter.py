"""front-matter/missing-field, front-matter/bad-value and front-matter/unknown-field."""
from __future__ import annotations

import pytest

from localoffer.borough import Borough

from .helpers import ERROR, WARNING, add_key, drop_key, line_of, of_rule, offer_text, set_key, where

MISSING, BAD, UNKNOWN = ("front-matter/missing-field", "front-matter/bad-value",
                         "front-matter/unknown-field")


def closing_line(text: str) -> int:
    return line_of(text, "---", nth=2)


def test_a_complete_front_matter_has_no_findings(check, primary: str) -> None:
    findings = check(primary)
    assert not [f for f in findings if f.rule.startswith("front-matter/")]


@pytest.mark.parametrize("key", ["name", "type", "urn", "age_range", "address", "postcode",
                                 "website", "phone", "senco", "last_reviewed", "next_review",
                                 "approved_by", "status", "maintainers"])
def test_a_required_key_that_is_left_out_is_reported_at_the_closing_line(
        check, primary: str, key: str) -> None:
    text = drop_key(primary, key)
    if key == "senco":  # its indented lines go with it
        text = text.replace("  name: Sam Example\n", "").replace("  email: senco@", "x: senco@")
        text = text.replace("  phone: 0161 496 0001\n", "").replace("\nx: senco@setting-00005.example", "")
    missing = of_rule(check(text), MISSING)
    assert [(f.line, f.severity) for f in missing] == [(closing_line(text), ERROR)]
    assert key in missing[0].message and "for example" in missing[0].message


def test_an_empty_value_is_reported_at_its_own_line(check, primary: str) -> None:
    text = set_key(primary, "approved_by", '""')
    assert where(check(text), MISSING) == [(line_of(text, "approved_by:"), ERROR)]


def test_the_senco_needs_a_name_and_an_email(check, primary: str) -> None:
    text = primary.replace("  email: senco@setting-00005.example\n", "")
    findings = of_rule(check(text), MISSING)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, "senco:"), ERROR)]
    assert "senco.email" in findings[0].message


def test_question_set_is_optional_and_defaults_to_the_types_set(check, primary: str) -> None:
    # Without question_set the headings still map to the SE7 parent set: nothing is reported.
    assert check(drop_key(primary, "question_set")) == []


def test_a_college_needs_a_ukprn_not_a_urn(check, borough: Borough) -> None:
    college = offer_text(borough, "fe-college")
    assert check(college) == []
    text = drop_key(college, "ukprn")
    findings = of_rule(check(text), MISSING)
    assert [(f.line, f.severity) for f in findings] == [(closing_line(text), ERROR)]
    assert "ukprn" in findings[0].message and "further education college" in findings[0].message


@pytest.mark.parametrize("key, value", [
    ("type", "primry"),
    ("urn", '"12345"'),
    ("urn", '"1234567"'),
    ("urn", "EY123456"),  # an Ofsted number is for early years settings
    ("urn", "true"),
    ("age_range", '"11-2"'),
    ("age_range", '"0-26"'),
    ("age_range", "two to eleven"),
    ("age_range", "{from: 2}"),
    ("age_range", "{from: 2, to: 30}"),
    ("postcode", "ck1 1aa"),
    ("postcode", '"12345"'),
    ("website", "http://oakfield.example"),
    ("website", "www.oakfield.example"),
    ("phone", "0161 496 00"),
    ("phone", "0161-496-0000"),
    ("phone", "01614960000"),
    ("last_reviewed", "12/09/2026"),
    ("next_review", "2027-02-30"),
    ("next_review", "2027-09-20 10:00:00"),
    ("status", "live"),
    ("question_set", "se8-parent"),
    ("maintainers", '"@example/setting-00005"'),
    ("maintainers", "[]"),
    ("maintainers", "[1, 2]"),
    ("name", "[Oakfield, Primary]"),
])
def test_a_bad_value_is_an_error_at_its_line(check, primary: str, key: str, value: str) -> None:
    text = set_key(primary, key, value)
    findings = of_rule(check(text), BAD)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, f"{key}:"), ERROR)]
    assert findings[0].message.startswith(f"{key}: ")


@pytest.mark.parametrize("key, value", [
    ("urn", "113562"),  # unquoted: YAML reads a number
    ("age_range", "{from: 2, to: 11}"),
    ("age_range", '"2 - 11"'),
    ("age_range", '"0-25"'),
    ("postcode", "CK11AA"),
    ("postcode", "M1 1AE"),
    ("phone", "+44 161 496 0000"),
    ("phone", '"01614960000"'),
    ("website", "https://www.oakfield.example/send?tab=1"),
    ("last_reviewed", '"2026-10-25"'),
    ("status", "draft"),
    ("maintainers", "[alice, '@calderbrook/send-team']"),
])
def test_a_good_value_is_accepted(check, primary: str, key: str, value: str) -> None:
    assert of_rule(check(set_key(primary, key, value)), BAD) == []


def test_the_type_message_lists_the_boroughs_types(check, primary: str, borough: Borough) -> None:
    message = of_rule(check(set_key(primary, "type", "primry")), BAD)[0].message
    assert all(type_id in message for type_id in borough.setting_types)
    assert "Did you mean primary?" in message


def test_the_senco_email_is_checked_at_its_own_line(check, primary: str) -> None:
    text = primary.replace("email: senco@setting-00005.example", "email: senco at oakfield")
    assert where(check(text), BAD) == [(line_of(text, "email: senco at"), ERROR)]


@pytest.mark.parametrize("key, value", [
    ("languages", "English"), ("languages", "[English, 3]"),
    ("specialist_provision", "autism"), ("sen_report_duty", "yes"),
])
def test_optional_keys_are_checked_when_given(check, primary: str, key: str, value: str) -> None:
    text = add_key(primary, f"{key}: {value}") if key != "languages" else set_key(primary, key, value)
    assert where(check(text), BAD) == [(line_of(text, f"{key}:"), ERROR)]


@pytest.mark.parametrize("setting_type, urn, good", [
    ("early-years", "EY123456", True),
    ("early-years", '"123456"', True),  # a maintained nursery school has a DfE URN
    ("early-years", "EY12345", False),
    ("childminder", "ey123456", False),
    ("fe-college", '"123456"', True),  # a college may give its DfE URN as well as its UKPRN
])
def test_urns_follow_the_setting_types_kind(check, borough: Borough, setting_type: str,
                                            urn: str, good: bool) -> None:
    text = offer_text(borough, setting_type)
    text = set_key(text, "urn", urn) if "\nurn:" in text else add_key(text, f"urn: {urn}")
    expected = [] if good else [(line_of(text, "urn:"), ERROR)]
    assert where(check(text), BAD) == expected


def test_a_ukprn_must_be_8_digits(check, borough: Borough) -> None:
    text = set_key(offer_text(borough, "sixth-form"), "ukprn", '"1000123"')
    assert where(check(text), BAD) == [(line_of(text, "ukprn:"), ERROR)]
    assert where(check(set_key(text, "ukprn", "10001234")), BAD) == []


def test_a_misspelt_key_is_a_warning_suggesting_the_right_one(check, primary: str) -> None:
    text = primary.replace("next_review:", "nxt_review:")
    findings = check(text)
    assert where(findings, UNKNOWN) == [(line_of(text, "nxt_review:"), WARNING)]
    assert "Did you mean next_review?" in of_rule(findings, UNKNOWN)[0].message
    # ... and the key it should have been is missing.
    assert where(findings, MISSING) == [(closing_line(text), ERROR)]


def test_an_unknown_key_lists_the_known_ones(check, primary: str) -> None:
    text = add_key(primary, "colour: blue")
    findings = of_rule(check(text), UNKNOWN)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, "colour:"), WARNING)]
    assert "last_reviewed" in findings[0].message


def test_an_unknown_key_inside_senco_is_reported_too(check, primary: str) -> None:
    text = primary.replace("  phone: 0161 496 0001", "  phnoe: 0161 496 0001")
    findings = of_rule(check(text), UNKNOWN)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, "phnoe:"), WARNING)]
    assert "senco.phone" in findings[0].message


def test_a_senco_that_is_not_a_mapping_is_a_bad_value(check, primary: str) -> None:
    text = primary.replace("senco:\n  name: Sam Example\n  email: senco@setting-00005.example\n"
                           "  phone: 0161 496 0001", "senco: Sam Example")
    assert where(check(text), BAD) == [(line_of(text, "senco:"), ERROR)]
