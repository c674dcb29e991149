"""Generated offers through everything a school's file reaches: each in process (parse, check,
render its page, fix twice), then all of them at once through the real `localoffer check`,
`fix` and `fix --check` commands, as separate processes over a borough folder that holds them.

Each test counts its inputs and asserts its quota (generate.QUOTAS); the counts are printed
at the end of the run (tests/conftest.py). Zero tracebacks, zero inputs over the time limit.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuzzing.generate import QUOTAS, bodies, front_matters, fuzz_settings, line_ends
from fuzzing.through import Batch, InProcess, make_borough

HEADINGS_FROM = "se7-parent"
Offers = st.SearchStrategy[str]


def _questions(in_process: InProcess) -> list[str]:
    question_set = in_process.borough.question_sets[HEADINGS_FROM]
    return [question.text for question in question_set.questions]


def _fuzz(tmp_path: Path, repo_root: Path, quota: str, offers: Callable[[list[str]], Offers],
          record_property: pytest.RecordProperty) -> Batch:
    in_process = InProcess(make_borough(tmp_path, repo_root))
    batch = Batch(tmp_path)

    @fuzz_settings(QUOTAS[quota])
    @given(data=st.data())
    def one(data: st.DataObject) -> None:
        text = data.draw(offers(_questions(in_process)), label="offer")
        content = data.draw(line_ends(text), label="line ends").encode("utf-8", "surrogatepass")
        if content in batch:
            return  # drawn before: counted once
        in_process.everything(content)
        batch.add(content)

    one()
    record_property("fuzzed_in_process", len(batch))
    assert len(batch) >= QUOTAS[quota]
    return batch


def _with_front_matter(questions: list[str]) -> Offers:
    """Odd front-matter over a short body."""
    return st.tuples(front_matters(), bodies(questions).map(lambda body: body[:300])).map("".join)


def _with_body(questions: list[str]) -> Offers:
    """An ordinary front-matter over an awkward body."""
    front = ("---\nname: Oakfield Primary School\ntype: primary\nstatus: published\n"
             "urn: '113562'\nnext_review: 2027-09-01\n---\n")
    return bodies(questions).map(lambda body: front + body)


@pytest.mark.parametrize("quota, offers", [("front-matter", _with_front_matter),
                                            ("bodies", _with_body)])
def test_generated_offers_go_through_check_render_and_fix(
        tmp_path: Path, repo_root: Path, record_property: pytest.RecordProperty, quota: str,
        offers: Callable[[list[str]], Offers]) -> None:
    batch = _fuzz(tmp_path, repo_root, quota, offers, record_property)
    batch.check_through_the_command()
    batch.fix_through_the_command()
    record_property("fuzzed_through_the_command", len(batch))
    assert len(batch) >= QUOTAS[quota]
