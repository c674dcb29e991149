"""What Pagefind reads of a page (site/search_text.py): a sentence a page's paragraphs repeat
is indexed once, every word stays findable, and a real Pagefind index holds each repeated
sentence's words in one place."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from localoffer.site.search_text import search_text
from site_helpers import build, make_borough


def test_a_sentence_said_again_in_a_paragraph_is_left_out() -> None:
    html = ("<p>Please talk to the SENCO first. We use visual timetables.</p>"
            "<p>We use visual timetables. Ask us about speech therapy.</p>"
            "<p>Please talk to the SENCO first.</p>")
    assert search_text(html) == ("<p>Please talk to the SENCO first. We use visual timetables.</p>"
                                 "<p> Ask us about speech therapy. </p>"
                                 "<p>  </p>")


def test_headings_lists_short_and_changed_sentences_are_kept() -> None:
    html = ("<h2>How will staff support my child?</h2>"
            "<p>How will staff support my child? Yes. Yes.</p>"
            "<ul><li>A quiet room at lunch.</li><li>A quiet room at lunch.</li></ul>"
            "<p>A quiet room at lunch. A quiet room at lunch! how will STAFF  support my child?</p>")
    # The heading is not a paragraph: its words are in the paragraph once more. "Yes." is too
    # short to leave out; "lunch!" differs from "lunch."; case and spaces do not count.
    assert search_text(html) == ("<h2>How will staff support my child?</h2>"
                                 "<p>How will staff support my child? Yes. Yes.</p>"
                                 "<ul><li>A quiet room at lunch.</li><li>A quiet room at lunch.</li></ul>"
                                 "<p> A quiet room at lunch. A quiet room at lunch! </p>")


def test_words_either_side_of_a_tag_stay_apart_and_escaped() -> None:
    html = ('<p>The <abbr title="a > b &amp; c">SENCO</abbr> checks the plan every term.</p>'
            "<p>We read &lt;b&gt; as text here. The <abbr>SENCO</abbr> checks the plan every "
            "term. We read &lt;b&gt; as text here.</p>")
    assert search_text(html) == (
        '<p>The <abbr title="a > b &amp; c">SENCO</abbr> checks the plan every term.</p>'
        "<p>We read &lt;b&gt; as text here. The <abbr>SENCO</abbr>  </p>")


@pytest.mark.slow
def test_pagefind_indexes_a_repeated_sentence_once_and_finds_every_word(tmp_path: Path) -> None:
    make_borough(tmp_path, 2, search="pagefind")
    offer = tmp_path / "offers" / "setting-00000" / "offer.md"
    repeated = "Our hydrotherapy pool is open every morning for pupils."
    text = offer.read_text(encoding="utf-8").replace(
        "\n## ", f"\n{repeated}\n\n## ", 3) + f"\n{repeated} Ask about the trampoline.\n"
    offer.write_text(text, encoding="utf-8")
    site = build(tmp_path)
    content = {}
    for fragment in (site / "pagefind").glob("*/fragment/*.pf_fragment"):
        text = gzip.decompress(fragment.read_bytes()).decode("utf-8")
        record = json.loads(text[text.index("{"):])
        content[record["url"]] = record["content"]
    page = content["/settings/setting-00000/"]
    assert page.count("hydrotherapy") == 1
    assert "trampoline" in page and "Our hydrotherapy pool is open every morning" in page
    assert "hydrotherapy" not in content["/settings/setting-00001/"]
    # The built page itself says it every time.
    assert (site / "settings" / "setting-00000" / "index.html").read_text(
        encoding="utf-8").count(repeated) == 4
