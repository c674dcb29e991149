"""`fix` never puts a new section inside the author's HTML comment, and a heading inside a
comment answers nothing: a draft the author hid stays hidden (security review, finding 4)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from localoffer.authoring.fixes import fix_text
from localoffer.borough import Borough
from localoffer.checks import CheckContext, check_offer
from localoffer.model import Offer, parse_offer
from localoffer.model.markdown import lines_inside_comments, strip_html_comments
from localoffer.site.render import MarkdownRenderer

TODAY = date(2026, 11, 28)

FRONT = """---
name: Oakfield Primary
type: primary
urn: "123456"
question_set: se7-parent
---
"""
HIDDEN = "the Year 6 pupil with the EHC plan"


def _offer(text: str, borough: Borough) -> Offer:
    return parse_offer(text.encode(), borough, Offer(Path("offer.md"), "offer.md", "x"))


def _scenario(borough: Borough) -> str:
    """The review's case: the first question commented out with a draft under it, and a later
    question (here the fourth) inside the same comment; the second has no section at all."""
    questions = borough.question_sets["se7-parent"].questions_for("primary")
    first, second, fourth = questions[0], questions[1], questions[3]
    draft = (f"<!--\n## {first.text}\n\nDraft, not ready: {HIDDEN} needs a named adult.\n\n"
             f"## {fourth.text}\n\nMore of the draft about {HIDDEN}.\n-->\n")
    assert second.text not in draft
    return FRONT + "\nHello.\n\n" + draft + "".join(
        f"\n## {q.text}\n\nOur answer.\n" for q in questions if q not in (first, second, fourth))


def test_the_hidden_draft_never_reaches_the_page(borough: Borough) -> None:
    result = fix_text(_scenario(borough), borough)
    assert result.changed
    html = MarkdownRenderer({}).render(result.text.split("\n---\n", 1)[1]).html
    assert HIDDEN not in html
    assert HIDDEN not in strip_html_comments(result.text)
    # Both lines of the draft are still where the author put them, inside the comment.
    hidden_lines = lines_inside_comments(result.text)
    assert [index for index, line in enumerate(result.text.split("\n")) if HIDDEN in line] \
        == sorted(index for index, line in enumerate(result.text.split("\n"))
                  if HIDDEN in line and index in hidden_lines)
    assert result.text.count(HIDDEN) == 2


def test_questions_commented_out_are_added_outside_the_comment(borough: Borough) -> None:
    questions = borough.question_sets["se7-parent"].questions_for("primary")
    result = fix_text(_scenario(borough), borough)
    offer = _offer(result.text, borough)
    # The three questions the reader cannot see are added as empty sections, after the comment.
    assert [section.question for section in offer.sections] == questions
    comment_end = result.text.index("-->\n") + 4
    for question in (questions[0], questions[1], questions[3]):
        assert f"\n## {question.text}\n" in result.text[comment_end - 1:]
    assert sum("added an empty section" in change for change in result.changes) == 3


def test_a_heading_inside_a_comment_answers_nothing(borough: Borough) -> None:
    questions = borough.question_sets["se7-parent"].questions_for("primary")
    offer = _offer(_scenario(borough), borough)
    assert [section.question for section in offer.sections] == [questions[2], *questions[4:]]
    findings = check_offer(offer, CheckContext(borough, TODAY, frozenset({"x"})))
    missing = [f.message for f in findings if f.rule == "sections/missing"]
    assert len(missing) == 3, missing
    for question in (questions[0], questions[1], questions[3]):
        assert any(question.text in message for message in missing), (question.text, missing)


def test_a_heading_after_a_comment_closes_on_its_line_is_hidden(borough: Borough) -> None:
    question = borough.question_sets["se7-parent"].questions_for("primary")[0]
    offer = _offer(FRONT + f"<!-- put aside\n--> ## {question.text}\n\n## {question.text}\n",
                   borough)
    assert [section.line for section in offer.sections] == [10]


def test_nothing_is_added_inside_a_comment_that_is_never_closed(borough: Borough) -> None:
    questions = borough.question_sets["se7-parent"].questions_for("primary")
    text = (FRONT + "".join(f"\n## {q.text}\n\nOur answer.\n" for q in questions[:-1])
            + f"\n<!-- notes for later: {HIDDEN}\n")
    result = fix_text(text, borough)
    assert not result.changed
    assert HIDDEN not in MarkdownRenderer({}).render(result.text.split("\n---\n", 1)[1]).html


def test_lines_inside_comments() -> None:
    text = "a <!-- b\nc\nd --> e\nf\n<!-- g --> h\n<!--\ni"
    assert lines_inside_comments(text) == {1, 2, 6}
    assert lines_inside_comments("no comments\nhere") == set()


def test_no_section_is_added_inside_a_code_block_that_is_never_closed(borough: Borough) -> None:
    # Found by fuzzing: the headings went inside the code block, where they answer nothing,
    # and every later fix added them again.
    text = FRONT + "[a](b)```\ncode\n```\n"
    first = fix_text(text, borough)
    assert "## " not in first.text
    assert not [change for change in first.changes if change.startswith("added")]
    assert fix_text(first.text, borough).text == first.text


def test_sections_before_a_closed_code_block_are_still_added(borough: Borough) -> None:
    text = FRONT + "```\ncode\n```\n"
    first = fix_text(text, borough)
    assert first.text.count("\n## ") == len(_offer(first.text, borough).sections) > 10
    assert fix_text(first.text, borough).text == first.text
