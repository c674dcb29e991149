"""sections/missing, sections/empty, sections/duplicate and sections/unknown."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from localoffer.borough import Borough

from .helpers import (
    ADMISSIONS,
    ADULTHOOD,
    COMPLAINTS,
    CONTACTS,
    CURRICULUM,
    ERROR,
    IDENTIFYING,
    STAFF,
    WARNING,
    WELLBEING,
    add_to_answer,
    drop_section,
    line_of,
    load,
    of_rule,
    offer_text,
    replace_answer,
    set_key,
    where,
)

MISSING, EMPTY, DUPLICATE, UNKNOWN = ("sections/missing", "sections/empty",
                                      "sections/duplicate", "sections/unknown")


def last_heading(text: str) -> int:
    return max(number for number, line in enumerate(text.split("\n"), 1) if line.startswith("## "))


def test_an_offer_answering_every_question_has_no_section_findings(check, primary: str) -> None:
    assert not [f for f in check(primary) if f.rule.startswith("sections/")]


def test_a_missing_question_names_the_question_to_add(check, primary: str) -> None:
    text = drop_section(primary, COMPLAINTS)
    findings = of_rule(check(text), MISSING)
    # At the heading it goes before: the next question of the set, the contacts question.
    assert [(f.line, f.severity) for f in findings] == [
        (line_of(text, "## Who can I contact for further information?"), ERROR)]
    assert f"'## {COMPLAINTS}'" in findings[0].message and "before this heading" in \
        findings[0].message
    assert "localoffer fix" in findings[0].message


def test_only_the_areas_the_setting_type_requires_are_missing(check, borough: Borough) -> None:
    # Preparing for adulthood is required of a secondary school, not of a nursery.
    secondary = offer_text(borough, "secondary")
    findings = of_rule(check(drop_section(secondary, ADULTHOOD)), MISSING)
    assert len(findings) == 1 and ADULTHOOD in findings[0].message
    nursery = offer_text(borough, "early-years")
    assert ADULTHOOD not in nursery and ADMISSIONS not in nursery
    assert of_rule(check(nursery), MISSING) == []


def test_an_area_attribute_answers_a_required_area(check, primary: str) -> None:
    text = primary.replace(f"## {COMPLAINTS}", "## If something goes wrong {#complaints}")
    assert not [f for f in check(text) if f.rule.startswith("sections/")]


def test_a_question_set_without_the_question_names_the_area_instead(
        check, borough: Borough) -> None:
    # The Stockport set is written for schools: for a college it has no question on preparing
    # for adulthood, so the message names the area and the attribute that maps a heading to it.
    text = set_key(offer_text(borough, "fe-college"), "question_set", "stockport-school")
    # Without the college's own answers on it (which the scorer knows as the same area).
    for heading in ("Who will tell me what I can do", "I am coming to the setting to prepare"):
        text = re.sub(rf"## {heading}.*?(?=\n## )", "", text, flags=re.S)
    messages = [f.message for f in of_rule(check(text), MISSING)]
    assert any("'## Preparing for adulthood {#preparing-for-adulthood}'" in m for m in messages)


def test_a_heading_without_an_answer_is_empty(check, primary: str) -> None:
    text = replace_answer(primary, CURRICULUM, "<!-- Say how you adapt teaching. -->")
    assert where(check(text), EMPTY) == [(line_of(text, f"## {CURRICULUM}"), ERROR)]


def test_sub_headings_alone_are_not_an_answer(check, primary: str) -> None:
    text = replace_answer(primary, CURRICULUM, "### In class\n\n### At home")
    assert where(check(text), EMPTY) == [(line_of(text, f"## {CURRICULUM}"), ERROR)]


@pytest.mark.parametrize("placeholder", [
    "TODO", "todo: write this", "TBC", "Details TBA.", "Lorem ipsum dolor sit amet.",
    "[Insert the SENCO's name here]", "[insert date]", "Call xxx for help.", "XXXX",
])
def test_placeholder_text_is_reported_at_its_line(check, primary: str, placeholder: str) -> None:
    text = add_to_answer(primary, WELLBEING, placeholder)
    assert where(check(text), EMPTY) == [(line_of(text, placeholder), ERROR)]


def test_placeholders_in_comments_and_code_are_not_reported(check, primary: str) -> None:
    text = add_to_answer(primary, WELLBEING, "<!-- TODO: add the medicines policy -->")
    text = add_to_answer(text, STAFF, "```\nTBC\n```")
    assert of_rule(check(text), EMPTY) == []


@pytest.mark.parametrize("word", ["Toddlers", "xxx-large", "taxxxi", "[Inserted by the SENCO]"])
def test_words_that_only_contain_a_placeholder_are_fine(check, primary: str, word: str) -> None:
    assert of_rule(check(add_to_answer(primary, WELLBEING, f"{word} are welcome.")), EMPTY) == []


def test_a_template_prompt_left_in_as_text_is_reported(check, primary: str) -> None:
    prompt = "How do you adapt teaching and the classroom for different needs?"
    text = add_to_answer(primary, CURRICULUM, f"- *{prompt}*")
    findings = of_rule(check(text), EMPTY)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, prompt), ERROR)]
    assert "prompt" in findings[0].message


def test_another_questions_prompt_or_a_longer_line_is_an_answer(check, primary: str) -> None:
    prompt = "How do you adapt teaching and the classroom for different needs?"
    text = add_to_answer(primary, WELLBEING, prompt)  # not this question's prompt
    text = add_to_answer(text, CURRICULUM, f"{prompt} We use visual timetables.")
    assert of_rule(check(text), EMPTY) == []


def test_a_placeholder_in_the_introduction_is_reported(check, primary: str) -> None:
    text = primary.replace("Welcome to the offer of", "TBC. Welcome to the offer of")
    assert where(check(text), EMPTY) == [(line_of(text, "TBC. Welcome"), ERROR)]


def test_the_same_question_twice_is_a_duplicate_at_the_second(check, primary: str) -> None:
    text = primary + f"\n## {STAFF.lower()}\n\nOur staff plan support with you.\n"
    findings = of_rule(check(text), DUPLICATE)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, "## how will staff"), ERROR)]
    assert f"line {line_of(text, f'## {STAFF}')}" in findings[0].message


def test_different_questions_on_the_same_area_are_not_duplicates(check, primary: str) -> None:
    # se7p-11 and se7p-12 both answer resources-and-decisions, as does se7p-02.
    assert of_rule(check(primary), DUPLICATE) == []


def test_an_unknown_heading_is_a_warning_that_says_how_to_map_it(check, primary: str) -> None:
    text = primary.replace(f"## {CONTACTS}", f"## Our Lighthouse base\n\nEight places.\n\n## {CONTACTS}")
    findings = of_rule(check(text), UNKNOWN)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, "## Our Lighthouse"), WARNING)]
    assert "{#wellbeing}" in findings[0].message and "kinds-of-sen" in findings[0].message


def test_an_unknown_heading_close_to_a_question_suggests_it(check, primary: str) -> None:
    text = primary.replace(f"## {CONTACTS}", "## Who can I contact for more help?\n\n"
                           f"Ask the office.\n\n## {CONTACTS}")
    message = of_rule(check(text), UNKNOWN)[0].message
    assert f"'{CONTACTS}'" in message


def test_a_heading_with_a_wrong_area_attribute_is_unknown(check, primary: str) -> None:
    text = primary.replace(f"## {CONTACTS}", f"## Our base {{#base}}\n\nEight places.\n\n## {CONTACTS}")
    findings = of_rule(check(text), UNKNOWN)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, "## Our base"), WARNING)]
    assert "{#base} is not an area" in findings[0].message


@pytest.mark.parametrize("heading", [
    "## How will staff support my child",  # no question mark
    "## HOW WILL STAFF SUPPORT MY CHILD?",
    "## How will the staff support my child?",
    "## Our extra help {#resources-and-decisions}",
])
def test_headings_that_match_loosely_or_by_attribute_are_known(check, primary: str,
                                                               heading: str) -> None:
    text = primary.replace(f"## {STAFF}", heading)
    assert of_rule(check(text), UNKNOWN) == [] and of_rule(check(text), MISSING) == []


def test_a_first_level_heading_is_not_a_section(check, primary: str) -> None:
    text = primary.replace("Welcome to the offer", "# Our offer\n\nWelcome to the offer")
    assert not [f for f in check(text) if f.rule.startswith("sections/")]


def test_missing_sections_are_at_the_type_line_when_there_are_none(check, primary: str) -> None:
    text = primary.split("\n## ")[0]
    findings = of_rule(check(text), MISSING)
    assert len(findings) == 18
    assert {(f.line, f.severity) for f in findings} == {(line_of(text, "type:"), ERROR)}


def test_an_unknown_type_is_not_checked_for_sections(check, primary: str) -> None:
    assert of_rule(check(set_key(primary, "type", "academy")), MISSING) == []


def test_identifying_needs_is_first_in_the_synthetic_offer(primary: str) -> None:
    # A guard on the helpers: the tests above rely on the SE7 parent wording.
    assert f"## {IDENTIFYING}" in primary and f"## {COMPLAINTS}" in primary


def test_other_information_is_a_heading_of_its_own_not_unknown(check, primary: str) -> None:
    # Where `localoffer import` keeps what answers no question; it counts towards no area.
    text = primary.rstrip("\n") + "\n\n## Other information\n\nOur minibus takes pupils swimming.\n"
    assert of_rule(check(text), UNKNOWN) == []
    text = primary.rstrip("\n") + "\n\n## Other news\n\nOur minibus takes pupils swimming.\n"
    assert len(of_rule(check(text), UNKNOWN)) == 1


def test_more_than_a_hundred_answers_are_read_as_a_hundred(check, borough: Borough,
                                                           borough_dir: Path) -> None:
    # A file of 100,000 headings took minutes to check: each is compared with every question.
    front = ("---\nname: Oakfield Primary School\ntype: primary\nstatus: draft\n"
             "urn: '113562'\n---\n")
    headings = "".join(f"\n## Part {number}\n\nText {number}.\n" for number in range(1, 103))
    text = front + headings
    findings = check(text)
    assert where(findings, "file/too-many-sections") == [(line_of(text, "## Part 101"), ERROR)]
    assert len(of_rule(findings, UNKNOWN)) == 100
    offer = load(borough, borough_dir, text)
    assert len(offer.sections) == 100
    assert offer.sections[-1].heading == "Part 100"
    assert "## Part 102" in offer.sections[-1].text


def test_a_hundred_answers_are_all_read(check) -> None:
    front = ("---\nname: Oakfield Primary School\ntype: primary\nstatus: draft\n"
             "urn: '113562'\n---\n")
    text = front + "".join(f"\n## Part {number}\n\nText {number}.\n" for number in range(1, 101))
    findings = check(text)
    assert of_rule(findings, "file/too-many-sections") == []
    assert len(of_rule(findings, UNKNOWN)) == 100
