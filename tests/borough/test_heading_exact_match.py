"""QuestionSet.match's shortcut for headings worded exactly as a question gives the question
the full scorer ranks first, for every wording of every packaged question set."""
from __future__ import annotations

import pytest

from localoffer.borough import load_borough
from localoffer.borough.questions import MATCH_THRESHOLD, QuestionSet
from testpaths import REPO_ROOT

BOROUGH = load_borough(REPO_ROOT / "localoffer.yml")


def _by_full_scoring(question_set: QuestionSet, heading: str) -> str | None:
    best = question_set.best(heading)
    return best.question.id if best is not None and best.score >= MATCH_THRESHOLD else None


def _headings(question_set: QuestionSet) -> list[str]:
    texts = [question.text for question in question_set.questions]
    texts += [wording for wordings in question_set.wordings.values() for wording in wordings]
    # Other sets' questions: worded alike for two questions of this set, they tie.
    texts += [question.text for other in BOROUGH.question_sets.values()
              for question in other.questions]
    variants = [variant for text in texts
                for variant in (text, text.upper(), f"3. {text}", text.rstrip("?"))]
    return variants + ["Contact us", "Our SENCO", "Complaints", "", "?"]


@pytest.mark.parametrize("set_id", sorted(BOROUGH.question_sets))
def test_the_shortcut_agrees_with_the_full_scorer(set_id: str) -> None:
    fresh = BOROUGH.question_sets[set_id]
    headings = _headings(fresh)
    assert len(headings) > 60
    matched = [(heading, fresh.match(heading).id if fresh.match(heading) else None)
               for heading in headings]
    assert matched == [(heading, _by_full_scoring(fresh, heading)) for heading in headings]


def test_a_question_text_matches_its_question() -> None:
    question_set = BOROUGH.question_sets["se7-parent"]
    question = question_set.questions[0]
    assert question_set.match(question.text) is question
    assert question_set.match(question.text.upper()) is question


def test_a_heading_matched_before_new_wordings_is_matched_again_after_them() -> None:
    question_set = load_borough(REPO_ROOT / "localoffer.yml").question_sets[
        sorted(BOROUGH.question_sets)[0]]
    question = question_set.questions[0]
    heading = "Flibbertigibbet corner"
    assert question_set.match(heading) is None
    question_set.add_wordings({question.id: (heading,)})
    assert question_set.match(heading) is question
