"""Brackets that close nowhere are text (site/render.unclosed_bracket): the same HTML as
markdown-it's own link rules make, without their cost on a long run of brackets."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from localoffer.site.render import MarkdownRenderer, unclosed_bracket
from markdown_it import MarkdownIt

# Everything that can start, end or sit inside a link, an image or emphasis.
MARKUP = st.text(alphabet="[]!()*_`\\<>:/ ax\n", max_size=60)


def _markdown(with_rule: bool) -> MarkdownIt:
    markdown = MarkdownIt("commonmark", {"html": True}).enable("table")
    if with_rule:
        markdown.inline.ruler.before("link", "unclosed_bracket", unclosed_bracket)
    return markdown


PLAIN, WITH_RULE = _markdown(False), _markdown(True)


@settings(max_examples=3000, deadline=None)
@given(MARKUP)
def test_brackets_render_as_markdown_it_renders_them(text: str) -> None:
    assert WITH_RULE.render(text) == PLAIN.render(text)


def test_links_and_images_after_open_brackets_still_work() -> None:
    html = MarkdownRenderer({}).render("[[ ![a picture](a.png) [a link](https://example.org) [[").html
    assert '<img src="a.png" alt="a picture"' in html
    assert '<a href="https://example.org" rel="noopener noreferrer">a link</a>' in html
    assert html.count("[") == 4


def test_a_long_run_of_open_brackets_is_kept_as_text() -> None:
    # How long it takes is held by the fuzz corpus's time limit
    # (tests/fixtures/fuzz_regressions/readability-open-brackets.md).
    text = "[" * 60_000 + " ![" * 10_000 + " *a*"
    assert WITH_RULE.render(text) == PLAIN.render(text)
    assert WITH_RULE.render(text).count("[") == 70_000


# Up to markdown-it's own limit of 20 nested brackets; past it, markdown-it stops looking for
# the closing bracket, and where it stops depends on the path its link rules took.
@pytest.mark.parametrize("depth", [1, 2, 5, 18, 19])
@pytest.mark.parametrize("inside", ["x", "`]`", "<b>]</b>", "\\]", "[a](b)", "![c](d)"])
def test_nested_brackets_render_as_markdown_it_renders_them(depth: int, inside: str) -> None:
    for text in ("[" * depth + inside + "]" * depth + "(url)",
                 "![" * depth + inside + "]" * depth + "(url)",
                 "[" * depth + inside + "]" * (depth - 1) + "(url)",
                 "*" + "[" * depth + inside + "]" * depth + "*[x]: /y"):
        assert WITH_RULE.render(text) == PLAIN.render(text), text
