"""statutory/uncovered and statutory/evidence: what the SEN information report must contain,
who asks for it (the law, the Code of Practice, the borough), and whether the answer gives it."""
from __future__ import annotations

import re

import pytest

from localoffer.authoring.template import offer_template, template_request
from localoffer.borough import Borough

from .helpers import (
    ADMISSIONS,
    COMPLAINTS,
    CONTACTS,
    ERROR,
    TODAY,
    WARNING,
    WELLBEING,
    add_key,
    drop_key,
    drop_section,
    line_of,
    of_rule,
    offer_text,
    set_key,
)

UNCOVERED = "statutory/uncovered"
EVIDENCE = "statutory/evidence"
TRIPS = "How will my child be included in activities outside the classroom including school trips?"
BUILDING = "How accessible is the setting environment?"
LAW = "The law requires your SEN information report to include this"
CODE = "the SEND Code of Practice and the borough ask for it"
BOROUGH = "the borough asks for it"

# Who asks each packaged setting type for its SEN information report (SEND Regulations 2014,
# Schedule 1, paragraph 11, the SENDIASS contact, asked of every type), written out.
WHO_ASKS = {
    "early-years": ("an early years setting", BOROUGH),
    "nursery-school": (None, LAW),
    "childminder": ("a childminder", BOROUGH),
    "primary": (None, LAW),
    "secondary": (None, LAW),
    "all-through": (None, LAW),
    "special": (None, LAW),
    "pru": ("a pupil referral unit", CODE),
    "sixth-form": ("a sixth form college", CODE),
    "fe-college": ("a further education college", CODE),
}


def set_body(text: str, heading: str, body: str) -> str:
    """Replace everything under a `## heading`, up to the next one, with `body`."""
    new, count = re.subn(rf"(?ms)^(## {re.escape(heading)}\n).*?(?=^## |\Z)",
                         lambda match: f"{match.group(1)}\n{body}\n\n", text, count=1)
    assert count == 1, f"no section {heading!r}"
    return new


def without_senco(text: str) -> str:
    return re.sub(r"(?m)^senco:\n(?:  .*\n)+", "", text)


def test_the_packaged_types_are_all_in_the_table(borough: Borough) -> None:
    assert set(borough.setting_types) == set(WHO_ASKS)


@pytest.mark.parametrize("setting_type", sorted(WHO_ASKS))
def test_each_type_is_told_who_asks_for_the_sendiass_contact(check, borough: Borough,
                                                              setting_type: str) -> None:
    text = offer_text(borough, setting_type)
    question = next(q for q in borough.question_sets[borough.setting_types[setting_type]
                                                      .question_set].questions
                    if q.area == "contacts")
    text = set_body(text, question.text, "Read the [Calderbrook Local Offer]"
                    "(https://www.calderbrook.example/localoffer).")
    findings = of_rule(check(text), EVIDENCE)
    assert [(f.line, f.severity) for f in findings] == [
        (line_of(text, f"## {question.text}"), WARNING)]
    message = findings[0].message
    assert "SEND information, advice and support service" in message
    label, who = WHO_ASKS[setting_type]
    assert who in message
    if who == LAW:
        assert "(SEND Regulations 2014, regulation 51 and Schedule 1, paragraph 11)" in message
    else:
        assert "The law requires" not in message
        assert f"The law does not require this of {label}" in message


def test_the_senco_is_asked_by_law_of_mainstream_and_nursery_schools_only(
        check, borough: Borough) -> None:
    for setting_type, expected in (("primary", LAW), ("nursery-school", LAW),
                                   ("special", "The law asks this of mainstream schools and "
                                    "maintained nursery schools only (SEND Regulations 2014, "
                                    "Schedule 1, paragraph 4); the borough asks a special school "
                                    "to include it too.")):
        text = without_senco(offer_text(borough, setting_type))
        findings = [f for f in of_rule(check(text), EVIDENCE) if "SENCO" in f.message]
        assert len(findings) == 1, setting_type
        assert "the SENCO's name and an email address or phone number" in findings[0].message
        assert expected in findings[0].message, setting_type
        if setting_type == "special":
            assert "The law requires" not in findings[0].message


def test_identifying_needs_is_the_law_for_a_primary_but_not_for_a_special_school(
        check, borough: Borough) -> None:
    heading = ("How does the setting know if children need extra help and what should I do if I "
               "think my child may have special educational needs?")
    primary = of_rule(check(drop_section(offer_text(borough, "primary"), heading)),
                      "sections/missing")
    assert len(primary) == 1
    assert ("The law requires it of your SEN information report: 'Identifying and assessing "
            "SEN' (SEND Regulations 2014, Schedule 1, paragraph 2)." in primary[0].message)
    special = of_rule(check(drop_section(offer_text(borough, "special"), heading)),
                      "sections/missing")
    assert len(special) == 1
    assert "The law requires" not in special[0].message
    assert "mainstream schools and maintained nursery schools only" in special[0].message


def test_paragraph_8_is_about_young_people_over_compulsory_school_age(
        check, borough: Borough) -> None:
    school = offer_text(borough, "secondary")
    to_16 = of_rule(check(drop_section(set_key(school, "age_range", '"11-16"'), WELLBEING)),
                    "sections/missing")
    to_18 = of_rule(check(drop_section(set_key(school, "age_range", '"11-18"'), WELLBEING)),
                    "sections/missing")
    assert not any("paragraph 8" in f.message for f in to_16)
    assert any("'Consulting and involving young people' (SEND Regulations 2014, Schedule 1, "
               "paragraph 8)" in f.message for f in to_18)


def test_a_maintained_nursery_schools_missing_items_are_errors(check, borough: Borough) -> None:
    nursery = offer_text(borough, "nursery-school")
    findings = check(drop_section(nursery, ADMISSIONS))
    missing = of_rule(findings, "sections/missing")
    assert [f.severity for f in missing] == [ERROR]
    assert ("The law requires it of your SEN information report: 'Admission of disabled "
            "pupils' (Children and Families Act 2014, s.69(3)(b)(i))" in missing[0].message)
    assert of_rule(findings, UNCOVERED) == []  # said once, by sections/missing


def test_an_item_no_required_section_carries_is_an_error_where_the_law_requires_it(
        check, borough: Borough) -> None:
    # An early years setting does not answer admissions; one that says it has the duty must.
    text = add_key(offer_text(borough, "early-years"), "sen_report_duty: true")
    findings = of_rule(check(text), UNCOVERED)
    assert {(f.line, f.severity) for f in findings} == {(line_of(text, "type:"), ERROR)}
    assert sorted(re.search(r"s\.69\(3\)\(b\)\((\w+)\)", f.message).group(1)
                  for f in findings) == ["i"]  # the three others are carried by access answers
    assert LAW in findings[0].message


def test_sen_report_duty_false_on_a_special_school_says_the_code_asks(
        check, borough: Borough) -> None:
    # A non-maintained or independent special school, or a hospital school.
    text = add_key(without_senco(offer_text(borough, "special")), "sen_report_duty: false")
    findings = [f for f in of_rule(check(text), EVIDENCE) if "SENCO" in f.message]
    assert len(findings) == 1
    assert "The law does not require this of a setting like yours" in findings[0].message
    assert CODE in findings[0].message


def test_a_line_about_trips_is_not_the_accessibility_plan(check, primary: str) -> None:
    text = set_body(primary, TRIPS, "We plan trips early so that every child can take part.")
    text = set_body(text, BUILDING, "Our building has ramps and a lift, and we make reasonable "
                                    "adjustments so no child is treated less favourably.")
    findings = of_rule(check(text), EVIDENCE)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, f"## {TRIPS}"), WARNING)]
    assert "your accessibility plan" in findings[0].message
    assert "(Children and Families Act 2014, s.69(3)(b)(iv))" in findings[0].message


def test_the_four_parts_of_s69_3_b_are_asked_for_separately(check, primary: str) -> None:
    text = primary.replace("Our building has a lift, wide doors and an accessible toilet.", "")
    text = set_body(text, TRIPS, "We plan trips early so that every child can take part.")
    text = set_body(text, BUILDING, "Every room is bright.")
    text = set_body(text, ADMISSIONS, "Please ring the office.")
    findings = of_rule(check(text), EVIDENCE)
    parts = sorted(re.search(r"s\.69\(3\)\(b\)\((\w+)\)", f.message).group(1) for f in findings)
    assert parts == ["i", "ii", "iii", "iv"]
    admissions_line = line_of(text, f"## {ADMISSIONS}")
    assert sorted(f.line for f in findings) == sorted(
        [admissions_line, admissions_line, line_of(text, f"## {TRIPS}"),
         line_of(text, f"## {TRIPS}")])


def test_a_contacts_answer_naming_only_the_senco_is_not_the_sendiass_contact(
        check, primary: str) -> None:
    text = set_body(primary, CONTACTS, "Please contact our SENCO, Sam Example, on 0161 496 0001. "
                    "Read the [Calderbrook Local Offer](https://www.calderbrook.example/localoffer).")
    findings = of_rule(check(text), EVIDENCE)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, f"## {CONTACTS}"), WARNING)]
    assert "a contact (a link, phone number or email) for the SEND information, advice and " \
           "support service (SENDIASS)" in findings[0].message


def test_sendiass_named_with_a_phone_number_counts(check, primary: str) -> None:
    text = set_body(primary, CONTACTS, "For free advice, call Calderbrook SENDIASS on "
                    "0161 496 0999. Read the [Calderbrook Local Offer]"
                    "(https://www.calderbrook.example/localoffer).")
    assert of_rule(check(text), EVIDENCE) == []


def test_the_senco_in_the_answer_needs_a_name_and_a_contact(check, primary: str) -> None:
    base = without_senco(primary)
    named = set_body(base, CONTACTS, "Our SENCO is Mrs Amira Khan: senco@oak.example. Calderbrook "
                     "SENDIASS: [advice](https://www.calderbrook.example/sendiass). "
                     "[Local Offer](https://www.calderbrook.example/localoffer)")
    assert [f for f in of_rule(check(named), EVIDENCE)] == []
    unnamed = named.replace("Mrs Amira Khan", "our teacher")
    findings = of_rule(check(unnamed), EVIDENCE)
    assert len(findings) == 1 and "the SENCO's name and an email address or phone number" in \
        findings[0].message


def test_a_complaints_answer_needs_a_route(check, primary: str) -> None:
    text = set_body(primary, COMPLAINTS, "We take every complaint seriously.")
    findings = of_rule(check(text), EVIDENCE)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, f"## {COMPLAINTS}"),
                                                         WARNING)]
    assert "how to complain" in findings[0].message and "paragraph 9" in findings[0].message
    routed = set_body(primary, COMPLAINTS, "To complain, write to the headteacher.")
    assert of_rule(check(routed), EVIDENCE) == []


def test_a_missing_local_offer_link_is_reported_once_by_the_links_rule(check, primary: str) -> None:
    text = primary.replace("[Calderbrook Local Offer](https://www.calderbrook.example/localoffer)",
                           "the Calderbrook Local Offer")
    findings = check(text)
    assert of_rule(findings, EVIDENCE) == [] and of_rule(findings, UNCOVERED) == []
    assert len(of_rule(findings, "links/local-offer")) == 1


def test_a_new_template_has_one_finding_per_gap_on_its_own_line(check, borough: Borough) -> None:
    request = template_request(borough, "Oak Primary", "primary", None, TODAY)
    findings = check(offer_template(borough, request))
    assert of_rule(findings, UNCOVERED) == [] and of_rule(findings, EVIDENCE) == []
    empty = of_rule(findings, "sections/empty")
    questions = borough.question_sets["se7-parent"].questions_for("primary")
    assert len(empty) == len(questions) == 18
    assert len({f.line for f in empty}) == 18
    assert all(f.message.count("The law requires") <= 1 for f in findings)


def test_missing_questions_are_each_reported_before_the_heading_they_come_before(
        check, primary: str) -> None:
    text = drop_section(drop_section(primary, ADMISSIONS), COMPLAINTS)
    missing = of_rule(check(text), "sections/missing")
    assert len(missing) == 2
    assert len({f.line for f in missing}) == 2
    assert all("before this heading" in f.message for f in missing)


def test_the_wording_follows_the_regulations(borough: Borough) -> None:
    items = borough.statutory
    assert "health and social services bodies" in items["sch1-10"].text
    assert "in a transfer between phases of education or in preparation for adulthood" in \
        items["sch1-12"].text
    assert "young people (over compulsory school age)" in items["sch1-8"].text
    assert items["sch1-2"].mainstream_and_nursery_only and items["sch1-4"].mainstream_and_nursery_only
    assert not items["sch1-1"].mainstream_and_nursery_only
    assert [key for key in items if key.startswith("s69")] == [
        "s69-admission", "s69-less-favourable", "s69-facilities", "s69-accessibility-plan"]


def test_a_complete_offer_of_every_type_has_no_statutory_findings(check, borough: Borough) -> None:
    for setting_type in borough.setting_types:
        findings = check(offer_text(borough, setting_type))
        assert of_rule(findings, UNCOVERED) == of_rule(findings, EVIDENCE) == [], setting_type


def test_an_unknown_type_has_no_statutory_findings(check, primary: str) -> None:
    findings = check(set_key(drop_key(primary, "senco"), "type", "academy"))
    assert of_rule(findings, UNCOVERED) == of_rule(findings, EVIDENCE) == []


def test_a_senco_named_on_one_line_with_the_phone_on_the_next_counts(check, primary: str) -> None:
    # As a real report (Co-op Academy Smithies Moor) writes it.
    text = set_body(without_senco(primary), CONTACTS,
                    "SEND Coordinator: Gemma Shaw\n\nSENDCo contact details:\n\n"
                    "Telephone number 01924 326708\n\nCalderbrook SENDIASS: "
                    "[advice](https://www.calderbrook.example/sendiass). "
                    "[Local Offer](https://www.calderbrook.example/localoffer)")
    assert of_rule(check(text), EVIDENCE) == []
