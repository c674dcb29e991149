"""The line-aware Markdown scan: code blocks, headings, links and comments."""
from __future__ import annotations

import pytest

from localoffer.model.markdown import (
    content_lines,
    find_links,
    parse_heading,
    strip_code_spans,
    strip_html_comments,
)


def numbered(text: str, first: int = 1) -> list[tuple[int, str]]:
    return list(content_lines(text.split("\n"), first))


def test_fenced_code_is_skipped_with_its_fences() -> None:
    text = "one\n```\n## not a heading\n```\ntwo\n~~~~ python\ncode\n~~~\nstill code\n~~~~\nthree"
    assert numbered(text, 10) == [(10, "one"), (14, "two"), (20, "three")]


def test_a_fence_closes_only_with_the_same_character() -> None:
    assert numbered("```\n~~~\nx\n```\nafter") == [(5, "after")]


def test_indented_code_after_a_blank_line_is_skipped() -> None:
    text = "para\n    continued, not code\n\n    code\n\tcode too\nback"
    assert [line for _, line in numbered(text)] == ["para", "    continued, not code", "", "back"]


@pytest.mark.parametrize("line, level, text, anchor", [
    ("## How will staff support my child?", 2, "How will staff support my child?", None),
    ("##   Spaced out   ##", 2, "Spaced out", None),
    ("## Our approach {#teaching-and-curriculum}", 2, "Our approach", "teaching-and-curriculum"),
    ("## Our approach { #wellbeing .lead }", 2, "Our approach", "wellbeing"),
    ("## Our approach {: #wellbeing}", 2, "Our approach", "wellbeing"),
    ("### Sub-heading", 3, "Sub-heading", None),
    ("   # Indented three", 1, "Indented three", None),
    ("##", 2, "", None),
    ("## C# and F# clubs", 2, "C# and F# clubs", None),
])
def test_headings(line: str, level: int, text: str, anchor: str | None) -> None:
    heading = parse_heading(line, 7)
    assert heading is not None
    assert (heading.level, heading.text, heading.anchor, heading.line) == (level, text, anchor, 7)


@pytest.mark.parametrize("line", ["#hashtag", "    ## code", "####### seven", "text ## no"])
def test_not_headings(line: str) -> None:
    assert parse_heading(line, 1) is None


def test_links_of_every_kind_with_their_lines() -> None:
    text = "\n".join([
        "Read [our policy](https://oak.example/policy \"Policy\") today.",
        "![The quiet room](images/quiet room.jpg) and ![](blank.png)",
        "See [the plan][plan] and [Plan][].",
        "Email <mailto:senco@oak.example> or go to <https://oak.example>.",
        "Or type https://oak.example/a?b=1 into the browser.",
        "[Autism](https://en.wikipedia.org/wiki/Autism_(disambiguation)) and `[not](a link)`.",
        "[plan]: plan.pdf \"The plan\"",
    ])
    links = find_links(numbered(text, 20))
    found = [(link.line, link.kind, link.is_image, link.text, link.url) for link in links]
    assert found == [
        (20, "inline", False, "our policy", "https://oak.example/policy"),
        (21, "inline", True, "", "blank.png"),
        (22, "reference", False, "the plan", "plan.pdf"),
        (22, "reference", False, "Plan", "plan.pdf"),
        (23, "autolink", False, "mailto:senco@oak.example", "mailto:senco@oak.example"),
        (23, "autolink", False, "https://oak.example", "https://oak.example"),
        (24, "bare", False, "https://oak.example/a?b=1", "https://oak.example/a?b=1"),
        (25, "inline", False, "Autism", "https://en.wikipedia.org/wiki/Autism_(disambiguation)"),
    ]


def test_an_image_with_a_space_in_its_address_is_not_a_link() -> None:
    # CommonMark needs <...> around an address with a space.
    assert find_links(numbered("![Room](quiet room.jpg)")) == []


def test_link_text_may_hold_one_level_of_brackets() -> None:
    links = find_links(numbered("[Read [this] policy](policy.pdf)"))
    assert [(link.text, link.url) for link in links] == [("Read [this] policy", "policy.pdf")]


def test_an_undefined_reference_is_not_a_link() -> None:
    assert find_links(numbered("[Not a link][nowhere]")) == []


def test_comments_are_removed_but_their_lines_are_kept() -> None:
    text = "a <!-- one\ntwo --> b <!-- three --> c\n<!-- unclosed\nd"
    assert strip_html_comments(text) == "a \n b  c\n<!-- unclosed\nd"


def test_code_spans_are_blanked_to_the_same_length() -> None:
    line = "Use `<br>` or ``a ` b`` here"
    stripped = strip_code_spans(line)
    assert len(stripped) == len(line) and "<br>" not in stripped and stripped.endswith(" here")
