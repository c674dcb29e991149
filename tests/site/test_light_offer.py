"""An offer taken from the build's cache is light: its text and answers are read only when
something asks for them, and then they are the whole offer's."""
from __future__ import annotations

import pickle
from datetime import date

from localoffer.borough import load_borough
from localoffer.model import load_offer
from localoffer.reporting.rows import setting_row
from localoffer.site.bodies import render_body
from localoffer.site.catalogue import publish
from localoffer.site.light_offer import LightOffer, OfferText, light, light_body
from localoffer.site.render import MarkdownRenderer, Rendered
from site_helpers import REPO_ROOT

BOROUGH = load_borough(REPO_ROOT / "localoffer.yml")
OFFER = REPO_ROOT / "offers" / "oakfield-primary-school" / "offer.md"
# Words of one of its answers: in the offer, never in what the cache keeps for every build.
TODAY = date(2026, 11, 30)
ANSWER_WORDS = "speech and language therapist plans targets"


def test_a_light_offer_keeps_its_details_but_not_its_text() -> None:
    offer = load_offer(OFFER, BOROUGH)
    assert ANSWER_WORDS in offer.text
    kept = pickle.dumps(light(offer))
    assert ANSWER_WORDS.encode() not in kept
    assert len(kept) * 5 < len(pickle.dumps(offer))
    found = pickle.loads(kept)
    assert isinstance(found, LightOffer)
    assert (found.name, found.slug, found.next_review, found.setting_type) == \
        ("Oakfield Primary School", "oakfield-primary-school", offer.next_review, "primary")


def test_its_text_and_answers_are_read_once_when_asked_for() -> None:
    offer = load_offer(OFFER, BOROUGH)
    found = pickle.loads(pickle.dumps(light(offer)))
    reads = []

    def read() -> OfferText:
        reads.append(1)
        return OfferText.of(offer)

    found.attach(read)
    assert reads == []
    assert [section.heading for section in found.sections] == \
        [section.heading for section in offer.sections]
    assert found.text == offer.text and found.intro == offer.intro
    assert found.areas_covered == offer.areas_covered
    assert found.readable_lines == offer.readable_lines
    assert reads == [1]


def test_the_dashboard_reads_a_light_offer_without_its_text() -> None:
    offer = load_offer(OFFER, BOROUGH)
    found = pickle.loads(pickle.dumps(light(offer)))
    found.attach(lambda: (_ for _ in ()).throw(AssertionError("the text was read")))
    row = setting_row(found, BOROUGH, TODAY, [], score=False)
    assert row == setting_row(offer, BOROUGH, TODAY, [], score=False)
    assert "admissions" in row.areas_covered and row.answers[0].words == 171


def test_a_light_body_keeps_its_contents_and_reads_its_html_when_asked() -> None:
    offer = load_offer(OFFER, BOROUGH)
    body = render_body(publish(offer, BOROUGH, TODAY), MarkdownRenderer(BOROUGH.glossary))
    kept = pickle.dumps(light_body(body))
    assert ANSWER_WORDS.encode() not in kept and len(kept) * 10 < len(pickle.dumps(body))
    found = pickle.loads(kept)
    reads = []

    def read() -> Rendered:
        reads.append(1)
        return body

    found.attach(read)
    assert found.toc == body.toc and found.abbreviations == body.abbreviations
    assert reads == []
    assert found.html == body.html and found.booklet_html == body.booklet_html
    assert len(reads) == 2  # each time: a build never holds every offer's HTML
