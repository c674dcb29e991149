"""statutory/uncovered: the SEN information report's required contents."""
from __future__ import annotations

from localoffer.borough import Borough

from .helpers import (
    ADMISSIONS,
    COMPLAINTS,
    CONTACTS,
    ERROR,
    TRAINING,
    WARNING,
    WELLBEING,
    add_key,
    drop_section,
    line_of,
    of_rule,
    offer_text,
    replace_answer,
    set_key,
    where,
)

UNCOVERED = "statutory/uncovered"


def last_heading(text: str) -> int:
    return max(number for number, line in enumerate(text.split("\n"), 1) if line.startswith("## "))


def test_a_complete_offer_covers_every_statutory_item(check, borough: Borough) -> None:
    for setting_type in borough.setting_types:
        assert of_rule(check(offer_text(borough, setting_type)), UNCOVERED) == [], setting_type


def test_an_item_no_answer_covers_is_an_error_for_a_school_with_the_duty(check, primary: str) -> None:
    text = drop_section(primary, ADMISSIONS)
    findings = of_rule(check(text), UNCOVERED)
    assert [(f.line, f.severity) for f in findings] == [(last_heading(text), ERROR)]
    message = findings[0].message
    assert "Admission of disabled pupils" in message and "s.69(3)(b)" in message
    assert f"'{ADMISSIONS}'" in message and "The law requires" in message


def test_an_empty_answer_does_not_cover_its_items(check, primary: str) -> None:
    text = replace_answer(primary, ADMISSIONS, "")
    assert where(check(text), UNCOVERED) == [(last_heading(text), ERROR)]


def test_a_setting_without_the_duty_gets_a_warning(check, borough: Borough) -> None:
    text = drop_section(offer_text(borough, "childminder"), COMPLAINTS)
    findings = of_rule(check(text), UNCOVERED)
    assert [(f.line, f.severity) for f in findings] == [(last_heading(text), WARNING)]
    assert "Schedule 1, paragraph 9" in findings[0].message
    assert "encouraged" in findings[0].message


def test_sen_report_duty_overrides_the_setting_type(check, primary: str, borough: Borough) -> None:
    school = drop_section(add_key(primary, "sen_report_duty: false"), ADMISSIONS)
    assert where(check(school), UNCOVERED) == [(last_heading(school), WARNING)]
    nursery = drop_section(add_key(offer_text(borough, "childminder"), "sen_report_duty: true"),
                           COMPLAINTS)
    assert where(check(nursery), UNCOVERED) == [(last_heading(nursery), ERROR)]


def test_each_item_is_reported_once(check, primary: str) -> None:
    # The contacts answer carries three items: SENCO details, support services, Local Offer.
    findings = of_rule(check(drop_section(primary, CONTACTS)), UNCOVERED)
    assert len(findings) == 3
    assert len({f.message for f in findings}) == 3
    assert any("paragraph 13" in f.message for f in findings)


def test_an_item_another_answer_covers_is_not_reported(check, primary: str) -> None:
    # Staff expertise (Schedule 1, 5) is also covered by the specialist services answer.
    findings = check(drop_section(primary, TRAINING))
    assert of_rule(findings, UNCOVERED) == []
    assert len(of_rule(findings, "sections/missing")) == 1


def test_an_item_carried_by_two_missing_areas_is_reported_once(check, primary: str) -> None:
    # The wellbeing answer covers wellbeing, behaviour and the child's voice.
    findings = of_rule(check(drop_section(primary, WELLBEING)), UNCOVERED)
    emotional = [f for f in findings if "Emotional, mental and social" in f.message]
    assert len(emotional) == 1 and len(findings) == 2


def test_only_items_of_the_types_required_areas_count(check, borough: Borough) -> None:
    nursery = offer_text(borough, "early-years")
    assert ADMISSIONS not in nursery  # s.69 admissions is not required of a nursery
    assert of_rule(check(nursery), UNCOVERED) == []


def test_with_no_sections_items_are_reported_at_the_type(check, primary: str) -> None:
    text = primary.split("\n## ")[0]
    findings = of_rule(check(text), UNCOVERED)
    assert len(findings) == 21
    assert {(f.line, f.severity) for f in findings} == {(line_of(text, "type:"), ERROR)}


def test_an_unknown_type_has_no_statutory_findings(check, primary: str) -> None:
    assert of_rule(check(set_key(primary, "type", "academy")), UNCOVERED) == []
