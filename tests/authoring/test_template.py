"""The template for a new offer: known details filled in, every question, nothing that passes."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from localoffer.authoring.template import (
    offer_template,
    slug_for,
    template_request,
    yaml_value,
)
from localoffer.borough import Borough
from localoffer.errors import LocalOfferError
from localoffer.model import Offer, parse_offer
from localoffer.model.schema import FRONT_MATTER_FIELDS

TODAY = date(2026, 11, 28)


def _template(borough: Borough, setting_type: str, name: str = "Oakfield School",
              question_set: str | None = None) -> Offer:
    request = template_request(borough, name, setting_type, question_set, TODAY)
    text = offer_template(borough, request)
    return parse_offer(text.encode(), borough, Offer(Path("offer.md"), "offer.md", "oakfield"))


@pytest.mark.parametrize("setting_type", ["early-years", "nursery-school", "childminder",
                                          "primary", "secondary", "all-through", "special", "pru",
                                          "sixth-form", "fe-college"])
def test_every_question_of_the_type_is_a_heading_mapped_to_its_question(
        borough: Borough, setting_type: str) -> None:
    offer = _template(borough, setting_type)
    question_set = borough.question_sets[borough.setting_types[setting_type].question_set]
    expected = question_set.questions_for(setting_type)
    assert [section.heading for section in offer.sections] == [q.text for q in expected]
    assert [section.question for section in offer.sections] == expected
    # Every area the type must cover has a heading, and no answer is written.
    covered = {area for section in offer.sections for area in section.areas}
    assert set(borough.setting_types[setting_type].required_areas) <= covered
    assert all(not section.text.strip() for section in offer.sections)


def test_prompts_are_comments_under_their_heading(borough: Borough) -> None:
    offer = _template(borough, "primary")
    first = offer.sections[0]
    raw = "\n".join(first.lines)
    for prompt in first.question.prompts:
        assert f"- {prompt}" in raw
    assert raw.strip().startswith("<!--") and raw.strip().endswith("-->")


def test_front_matter_known_values_and_documented_order(borough: Borough) -> None:
    offer = _template(borough, "primary", name="St Mary's C of E Primary")
    data = offer.front_matter.data
    assert data["name"] == "St Mary's C of E Primary"
    assert data["type"] == "primary"
    assert data["question_set"] == "se7-parent"
    assert data["status"] == "draft"
    # Never today's date: the offer has not been reviewed yet.
    assert data["last_reviewed"] is None and data["next_review"] is None
    documented = list(FRONT_MATTER_FIELDS)
    assert list(data) == sorted(data, key=documented.index)
    for key in ("urn", "age_range", "address", "postcode", "website", "phone", "approved_by",
                "maintainers"):
        assert data[key] is None, f"{key} should be left for the school to fill in"
    assert data["senco"]["name"] is None and data["senco"]["email"] is None
    assert "ukprn" not in data and "specialist_provision" not in data


def test_identifier_follows_the_setting_type(borough: Borough) -> None:
    assert "ukprn" in _template(borough, "fe-college").front_matter.data
    assert "urn" not in _template(borough, "fe-college").front_matter.data
    assert "specialist_provision" in _template(borough, "special").front_matter.data


def test_the_review_dates_are_left_empty_with_a_note(borough: Borough) -> None:
    offer = _template(borough, "primary")
    lines = offer.text.split("\n")
    assert "last_reviewed:  # When the offer was last reviewed (YYYY-MM-DD). For example: " \
        "\"2026-09-12\"" in lines
    assert TODAY.isoformat() not in offer.text
    assert not any(line.startswith("next_review: 2") for line in lines)


def test_a_chosen_question_set(borough: Borough) -> None:
    offer = _template(borough, "secondary", question_set="se7-young-person")
    assert offer.front_matter.data["question_set"] == "se7-young-person"
    assert offer.sections[0].heading == "How does the setting know if I need extra help?"
    assert "for young people" in "\n".join(offer.sections[0].lines)


def test_no_https_link_hides_in_a_comment(borough: Borough) -> None:
    """A link inside the guidance must not satisfy links/local-offer for the author."""
    offer = _template(borough, "primary")
    assert borough.local_offer_url not in offer.text
    assert borough.local_offer_url.split("://")[1] in offer.text


@pytest.mark.parametrize("setting_type, question_set, words", [
    ("nursery", None, "no setting type 'nursery'"),
    ("primary", "se8", "no question set 'se8'"),
    ("childminder", "manchester", "not written for childminders"),
])
def test_wrong_names_are_refused_with_the_choices(borough: Borough, setting_type: str,
                                                  question_set: str | None, words: str) -> None:
    with pytest.raises(LocalOfferError, match=words) as raised:
        template_request(borough, "X", setting_type, question_set, TODAY)
    assert "Choose one of" in raised.value.message


@pytest.mark.parametrize("name, slug", [
    ("Oakfield Primary School", "oakfield-primary-school"),
    ("St Mary's C of E Primary", "st-marys-c-of-e-primary"),
    ("Little Acorns (Day Nursery)", "little-acorns-day-nursery"),
    ("Ysgol Gymraeg Bro Dâr", "ysgol-gymraeg-bro-dar"),
    ("  The  Bridge -- Centre ", "the-bridge-centre"),
])
def test_slug_for(name: str, slug: str) -> None:
    assert slug_for(name) == slug


@pytest.mark.parametrize("value, written", [
    ("Oakfield", "Oakfield"), ("true", '"true"'), ("2024", '"2024"'), ("A: B", '"A: B"'),
    ("#1 School", '"#1 School"'), (["@a/b", "English"], '["@a/b", English]'),
    (date(2026, 1, 2), "2026-01-02"), (True, "true"),
])
def test_yaml_value_reads_back_the_same(value: object, written: str) -> None:
    assert yaml_value(value) == written
