"""Headings as real reports write them: one scorer for the match and the "did you mean"."""
from __future__ import annotations

from pathlib import Path

import pytest

from localoffer.borough import load_borough
from localoffer.errors import ConfigError


@pytest.fixture(scope="module")
def se7():
    return load_borough().question_sets["se7-parent"]


@pytest.mark.parametrize(("heading", "question_id"), [
    # Statutory wording: SEND Regulations 2014 Sch.1 and CFA 2014 s.69(3)(b).
    ("The kinds of special educational needs for which provision is made at the school",
     "se7p-kinds"),
    ("The name and contact details of the SEN co-ordinator", "se7p-14"),
    ("The arrangements for the admission of disabled persons as pupils at the school",
     "se7p-admissions"),
    ("The expertise and training of staff in relation to children and young people with special "
     "educational needs", "se7p-07"),
    # The other packaged sets' wording of the same question.
    ("How does the school know when a child needs extra help?", "se7p-01"),     # Stockport
    ("Complaints and disagreements", "se7p-complaints"),                        # Manchester
    ("How will my family be involved?", "se7p-13"),                             # SE7 young person
    # The ways settings phrase it: numbered, ALL CAPS, SENDCo, other words.
    ("Who is the best person to talk to about my child's difficulties with learning or SEND?",
     "se7p-14"),
    ("What types of SEND are provided for?", "se7p-kinds"),
    ("Who decides if a child has special needs?", "se7p-01"),
    ("1. HOW DOES THE SCHOOL KNOW IF CHILDREN NEED EXTRA HELP?", "se7p-01"),
    ("Q3) How will the curriculum be matched to my child's needs?", "se7p-03"),
    ("What is the name and contact details of our SENDCo?", "se7p-14"),
    ("2b. How will nursery staff support my child?", "se7p-02"),
    ("How will the curiculum be matched to my childs needs", "se7p-03"),        # slips
])
def test_a_heading_as_settings_write_it_matches_its_question(se7, heading, question_id) -> None:
    assert se7.match(heading).id == question_id


@pytest.mark.parametrize("heading", [
    "Year 7", "Important Notes", "What is inclusion?", "Our school values", "Governors' report",
    "How does the school view children with additional educational needs?",
])
def test_a_heading_that_answers_no_question_matches_none(se7, heading) -> None:
    assert se7.match(heading) is None


def test_the_suggestion_comes_from_the_same_scorer_as_the_match(se7) -> None:
    # Near enough to suggest, not near enough to count: both come from QuestionSet.ranked.
    best = se7.best("Who can I contact for more help?")
    assert 65 <= best.score < 85
    assert se7.match("Who can I contact for more help?") is None
    assert se7.suggest("Who can I contact for more help?").id == "se7p-14" == best.question.id
    # A heading that matches is also what would be suggested.
    assert se7.suggest("What types of SEND are provided for?").id == "se7p-kinds"
    assert se7.suggest("Important Notes") is None


def test_a_borough_adds_its_own_wordings_by_area_or_question(tmp_path: Path) -> None:
    config = tmp_path / "localoffer.yml"
    heading = "Ffrindiau a theulu"   # what this borough's settings write, in no packaged set
    assert load_borough().question_sets["se7-parent"].match(heading) is None
    config.write_text(f"heading_wordings:\n  working-with-parents: [\"{heading}\"]\n"
                      "  se7p-14: [\"Pwy i ffonio\"]\n", encoding="utf-8")
    se7 = load_borough(config).question_sets["se7-parent"]
    assert se7.match(heading).area == "working-with-parents"
    assert se7.match("Pwy i ffonio").id == "se7p-14"


@pytest.mark.parametrize(("text", "message"), [
    ("heading_wordings:\n  contacts: Who is our SENDCo?\n", "needs a list of headings"),
    ("heading_wordings:\n  nonsense: [\"A heading\"]\n", "neither an area nor a question id"),
])
def test_a_bad_wording_list_is_reported_at_its_line(tmp_path: Path, text: str,
                                                     message: str) -> None:
    config = tmp_path / "localoffer.yml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_borough(config)
    assert message in raised.value.message and raised.value.line == 2
