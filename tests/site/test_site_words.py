"""The website's own words in each language: gettext catalogues (site/locale/), honest about
what no fluent reader has checked, shown in English (and marked so) where a word is missing."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from localoffer.site.words import Words, catalogue_languages

LOCALE = Path(__file__).resolve().parents[2] / "tools" / "localoffer" / "site" / "locale"
LANGUAGES = ["en", "ar", "bn", "pa", "pl", "so", "ur"]


def catalogue(tag: str):  # type: ignore[no-untyped-def]
    with open(LOCALE / tag / "LC_MESSAGES" / "localoffer.po", "rb") as handle:
        return read_po(handle, locale=tag)


def test_english_urdu_polish_arabic_bengali_somali_and_punjabi_have_catalogues():
    assert catalogue_languages() == LANGUAGES


@pytest.mark.parametrize("tag", LANGUAGES[1:])
def test_each_catalogue_has_the_english_messages_and_keeps_their_placeholders(tag):
    english = {message.id for message in catalogue("en") if message.id}
    messages = [message for message in catalogue(tag) if message.id]
    assert {message.id for message in messages} == english
    for message in messages:
        if message.string:
            assert sorted(re.findall(r"\{\w+\}", message.string)) == \
                sorted(re.findall(r"\{\w+\}", message.id)), message.id


@pytest.mark.parametrize("tag", LANGUAGES[1:])
def test_every_translation_says_whether_a_fluent_reader_checked_it(tag):
    for message in catalogue(tag):
        if message.id and message.string:
            assert any(comment == "unverified" or comment.startswith("verified by ")
                       for comment in message.user_comments), (tag, message.id)


def test_a_word_without_a_translation_is_english_and_says_so():
    assert (Words("pl")("Type").text, Words("pl")("Type").lang) == ("Rodzaj placówki", "pl")
    assert (Words("so")("Type").text, Words("so")("Type").lang) == ("Nooca", "so")
    assert (Words("so")("SENCO").text, Words("so")("SENCO").lang) == ("SENCO", "en")
    assert (Words("ro")("Phone").text, Words("ro")("Phone").lang) == ("Phone", "en")
    # Punjabi in Shahmukhi script is not given the Gurmukhi catalogue's words.
    assert Words("pa-Arab")("Type").lang == "en"
    assert Words("pl-PL")("Type").text == "Rodzaj placówki"


def test_dates_are_written_the_languages_way():
    from datetime import date
    assert Words("pl").date(date(2026, 10, 14)) == "14 października 2026"
    assert Words("ur").date(date(2026, 10, 14)) == "14 اکتوبر، 2026"
