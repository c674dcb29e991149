"""plain-english/readability, plain-english/jargon and plain-english/too-long."""
from __future__ import annotations

from pathlib import Path

import pytest

from localoffer.borough import Borough, load_borough
from localoffer.checks.plain_english import abbreviation

from .helpers import (
    CURRICULUM,
    STAFF,
    WARNING,
    WELLBEING,
    add_to_answer,
    line_of,
    of_rule,
    replace_answer,
    run,
    where,
)

READABILITY, JARGON, TOO_LONG = ("plain-english/readability", "plain-english/jargon",
                                 "plain-english/too-long")
HARD = ("Comprehensive individualised educational interventions, incorporating multidisciplinary "
        "therapeutic methodologies and evidence-informed pedagogical differentiation, are "
        "systematically implemented following consultation with appropriately qualified "
        "professionals, notwithstanding organisational considerations regarding resourcing "
        "availability and prioritisation. ")


def test_the_synthetic_answers_are_plain_english(check, primary: str) -> None:
    assert not [f for f in check(primary) if f.rule.startswith("plain-english/")]


def test_a_hard_answer_is_a_warning_giving_its_score(check, primary: str) -> None:
    text = replace_answer(primary, CURRICULUM, HARD * 3)
    findings = of_rule(check(text), READABILITY)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, f"## {CURRICULUM}"), WARNING)]
    message = findings[0].message
    assert "reading ease is -" in message or "reading ease is " in message
    assert "at least 50" in message and "shorter sentences" in message


def test_a_short_answer_is_too_short_to_score(check, primary: str) -> None:
    text = replace_answer(primary, CURRICULUM, HARD)  # 33 words, under min_words_to_score (60)
    assert of_rule(check(text), READABILITY) == []


def test_the_threshold_comes_from_the_borough(borough_dir: Path, primary: str) -> None:
    config = borough_dir / "localoffer.yml"
    config.write_text(config.read_text() + "\nplain_english:\n  reading_ease_min: -1000\n")
    lenient = load_borough(config)
    text = replace_answer(primary, CURRICULUM, HARD * 3)
    assert of_rule(run(lenient, borough_dir, text), READABILITY) == []


def test_an_answer_over_the_word_limit_is_a_warning(check, primary: str, borough: Borough) -> None:
    limit = borough.word_limit
    at_limit = replace_answer(primary, STAFF, "We help. " * (limit // 2))
    assert of_rule(check(at_limit), TOO_LONG) == []
    over = replace_answer(primary, STAFF, "We help. " * (limit // 2) + "Always.")
    findings = of_rule(check(over), TOO_LONG)
    assert [(f.line, f.severity) for f in findings] == [(line_of(over, f"## {STAFF}"), WARNING)]
    assert f"{limit + 1:,} words" in findings[0].message and f"{limit:,}" in findings[0].message


@pytest.mark.parametrize("sentence, abbreviation_used", [
    ("We use PECS to help children talk.", "PECS"),
    ("Each year has a HoY who knows every child.", "HoY"),
    ("Ask for a CIN meeting. The CIN team will come.", "CIN"),
    ("PLEASE NOTE that the office shuts at 4.", "PLEASE"),
])
def test_an_unexplained_abbreviation_is_a_warning_at_its_first_use(
        check, primary: str, sentence: str, abbreviation_used: str) -> None:
    text = add_to_answer(primary, WELLBEING, sentence)
    text = add_to_answer(text, CURRICULUM, sentence)  # used again later: not reported again
    findings = [f for f in of_rule(check(text), JARGON) if abbreviation_used in f.message]
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, sentence), WARNING)]
    assert "Explain it the first time" in findings[0].message


@pytest.mark.parametrize("sentence", [
    "We use the Picture Exchange Communication System (PECS) to help children talk.",
    "We use PECS (Picture Exchange Communication System) to help children talk.",
    "We use PECS, which stands for Picture Exchange Communication System.",
    "PECS means Picture Exchange Communication System.",
    "Children with EHCPs and an APDR cycle; SpLD and DfE guidance; KS2 and SENDCo.",  # glossary
    "McDonald, YouTube, iPad and OK are not abbreviations.",
    "Our SENCos meet. Read the FAQs, use a PC, and see the KS2 SATs results.",  # plurals, everyday
    "Read [the policy](https://oak.example/SEND-POLICY) or email ABC@oak.example.",
    "Type `HTML` into the box.",
    "<!-- PECS: explain this -->",
    "Trip date TBC.",  # a placeholder: sections/empty reports it, not this rule
])
def test_explained_or_glossary_abbreviations_are_fine(check, primary: str, sentence: str) -> None:
    assert of_rule(check(add_to_answer(primary, WELLBEING, sentence)), JARGON) == []


def test_an_abbreviation_in_a_heading_is_checked_in_the_answer(check, primary: str) -> None:
    text = add_to_answer(primary, WELLBEING, "### PECS\n\nWe use the Picture Exchange "
                         "Communication System (PECS).")
    assert of_rule(check(text), JARGON) == []


def test_explaining_it_later_is_too_late(check, primary: str) -> None:
    text = add_to_answer(primary, CURRICULUM, "We use PECS.")  # the curriculum answer comes first
    text = add_to_answer(text, WELLBEING, "Picture Exchange Communication System (PECS) helps.")
    assert where(check(text), JARGON) == [(line_of(text, "We use PECS."), WARNING)]


def test_the_boroughs_glossary_explains_abbreviations(borough_dir: Path, primary: str) -> None:
    text = add_to_answer(primary, WELLBEING, "We use PECS.")
    config = borough_dir / "localoffer.yml"
    config.write_text(config.read_text() + "\nglossary:\n  PECS: Picture Exchange Communication System\n")
    assert of_rule(run(load_borough(config), borough_dir, text), JARGON) == []


def test_an_abbreviation_in_the_introduction_is_checked(check, primary: str) -> None:
    text = primary.replace("Welcome to the offer", "We are a TSA partner. Welcome to the offer")
    assert where(check(text), JARGON) == [(line_of(text, "TSA partner"), WARNING)]


@pytest.mark.parametrize("word, expected", [
    ("EHCP", "EHCP"), ("EHCPs", "EHCP"), ("SpLD", "SPLD"), ("DfE", "DFE"), ("TAs", "TA"),
    ("McDonald", None), ("YouTube", None), ("OK", None), ("US", "US"), ("Ab", None),
])
def test_what_counts_as_an_abbreviation(word: str, expected: str | None) -> None:
    assert abbreviation(word) == expected


def test_the_settings_own_name_and_initials_are_not_jargon(check, primary: str) -> None:
    from .helpers import set_key
    text = set_key(primary, "name", "East Kent College")
    text = add_to_answer(text, WELLBEING, "At EKC every student has a tutor. East Kent College "
                         "staff meet you first. EK students can join the CLUB too.")
    findings = of_rule(check(text), JARGON)
    assert [f.message.split(" means")[0] for f in findings] == ["Parents may not know what CLUB"]


def test_a_term_explained_on_the_next_lines_is_not_jargon(check, primary: str) -> None:
    text = add_to_answer(primary, WELLBEING, "**THRIVE**\n\nOur trained staff use this approach "
                         "to help children manage their feelings.\n\n- ELSA: our emotional "
                         "literacy support assistant meets children each week.")
    assert of_rule(check(text), JARGON) == []
    alone = add_to_answer(primary, WELLBEING, "We use THRIVE with some children.")
    assert len(of_rule(check(alone), JARGON)) == 1


def test_a_motto_in_capitals_is_not_jargon(check, primary: str) -> None:
    text = add_to_answer(primary, WELLBEING, "BELIEVE, ACHIEVE, SUCCEED")
    assert of_rule(check(text), JARGON) == []


def test_readability_is_measured_on_prose_not_on_lists(check, primary: str) -> None:
    needs = "\n".join(f"- {need}" for need in (
        "Autism spectrum condition", "Attention deficit hyperactivity disorder",
        "Developmental coordination disorder", "Moderate learning difficulties",
        "Severe learning difficulties", "Profound and multiple learning difficulties",
        "Specific learning difficulties such as dyslexia and dyscalculia",
        "Speech, language and communication needs", "Social, emotional and mental health needs",
        "Hearing impairment", "Visual impairment", "Multi-sensory impairment",
        "Physical disability", "Medical conditions such as epilepsy and diabetes"))
    titles = "\n".join(("Mrs Amira Khan, Special Educational Needs Co-ordinator",
                        "Mr Daniel Okafor, Assistant Headteacher for Inclusion",
                        "Ms Priya Desai, Educational Psychologist"))
    text = replace_answer(primary, CURRICULUM, f"We support children with these needs.\n\n{needs}"
                          f"\n\n{titles}")
    assert of_rule(check(text), READABILITY) == []
    # The same list written as sentences of long words is still scored.
    hard = replace_answer(primary, CURRICULUM, HARD * 3)
    assert len(of_rule(check(hard), READABILITY)) == 1
