"""Feedback without a Git host account: the borough's form or email, with a privacy warning."""
from __future__ import annotations

from pathlib import Path

import pytest

from localoffer.borough import load_borough
from localoffer.borough.config import FeedbackRoute
from localoffer.errors import ConfigError
from localoffer.site.feedback_links import PRIVACY_WARNING, feedback_links

STAFF = "https://github.com/council/local-offer/issues/new"
PAGE = "https://lo.example/settings/oak/"


def test_an_email_subject_names_the_setting_and_the_page() -> None:
    links = feedback_links(FeedbackRoute(email="lo@council.example"), STAFF, "Oak & Ash", PAGE)
    assert [(link.href, link.text) for link in links] == [(
        "mailto:lo@council.example?subject=Local%20Offer%20feedback%3A%20Oak%20%26%20Ash%20"
        "%28https%3A%2F%2Flo.example%2Fsettings%2Foak%2F%29", "Email lo@council.example")]


def test_a_form_and_an_email_are_both_offered_and_the_form_is_filled_in() -> None:
    route = FeedbackRoute(form_url="https://forms.example/lo?about={setting}&page={url}",
                          email="lo@council.example")
    links = feedback_links(route, STAFF, "Oak", PAGE)
    assert [link.text for link in links] == ["Use our feedback form", "Email lo@council.example"]
    assert links[0].href == ("https://forms.example/lo?about=Oak&page="
                             "https%3A//lo.example/settings/oak/")


def test_without_a_parents_route_the_staff_issue_form_is_used() -> None:
    links = feedback_links(FeedbackRoute(), STAFF, "Oak", PAGE)
    assert links[0].href.startswith(STAFF + "?title=Oak%3A%20")
    assert feedback_links(FeedbackRoute(), "", "Oak", PAGE) == []


def test_the_warning_asks_for_no_child_details() -> None:
    assert "do not include your child's name" in PRIVACY_WARNING


@pytest.mark.parametrize(("setting", "problem"), [
    ("  email: not an address", "'feedback.email' must be one email address"),
    ("  form_url: http://forms.example/", "'feedback.form_url' must be a web address starting "
                                         "https://"),
])
def test_a_bad_feedback_route_is_a_clear_error_at_its_line(tmp_path: Path, setting: str,
                                                            problem: str) -> None:
    config = tmp_path / "localoffer.yml"
    config.write_text(f"borough:\n  name: Oak\nfeedback:\n{setting}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_borough(config)
    assert problem in str(caught.value) and ":4:" in str(caught.value)
