"""Property: whatever a report says, every word of it is in the imported offer."""
from __future__ import annotations

import html
import re
import tempfile
from collections import Counter
from pathlib import Path

from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from localoffer.borough import load_borough
from localoffer.importing.plan import plan_import

BOROUGH = load_borough()
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
               min_size=1, max_size=9)
PHRASE = st.lists(WORD, min_size=1, max_size=12).map(" ".join)
# Real headings (which the importer may swap for the question) mixed with made-up ones.
HEADING = st.one_of(PHRASE, st.sampled_from([
    "How will the curriculum be matched to my child's needs", "Admissions", "Key information",
    "What types of SEND are provided for", "Who is our SENDCo", "Transition"]))
BLOCK = st.one_of(
    st.tuples(st.just("heading"), HEADING),
    st.tuples(st.just("paragraph"), PHRASE),
    st.tuples(st.just("list"), st.lists(PHRASE, min_size=1, max_size=4)),
    st.tuples(st.just("table"), st.lists(st.lists(WORD, min_size=2, max_size=2), min_size=1,
                                         max_size=3)),
)
DOCUMENT = st.lists(BLOCK, min_size=1, max_size=12)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _source_words(blocks: list) -> list[str]:
    words: list[str] = []
    for kind, content in blocks:
        if kind == "list":
            words += [w for item in content for w in _words(item)]
        elif kind == "table":
            words += [w for row in content for cell in row for w in _words(cell)]
        else:
            words += _words(content)
    return words


def _markdown(blocks: list) -> str:
    out = []
    for kind, content in blocks:
        if kind == "heading":
            out.append(f"## {content}")
        elif kind == "paragraph":
            out.append(content)
        elif kind == "list":
            out.append("\n".join(f"- {item}" for item in content))
        else:
            out.append("\n".join(["| " + " | ".join(content[0]) + " |", "| --- | --- |",
                                  *("| " + " | ".join(row) + " |" for row in content[1:])]))
    return "\n\n".join(out) + "\n"


def _html(blocks: list) -> str:
    out = ['<html><body><nav><a href="/">Home</a></nav><main>']
    for kind, content in blocks:
        if kind == "heading":
            out.append(f"<h2>{html.escape(content)}</h2>")
        elif kind == "paragraph":
            out.append(f"<p>{html.escape(content)}</p>")
        elif kind == "list":
            out.append("<ul>" + "".join(f"<li>{item}</li>" for item in content) + "</ul>")
        else:
            out.append("<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row)
                                           + "</tr>" for row in content) + "</table>")
    return "\n".join(out) + "</main></body></html>\n"


def _text(blocks: list) -> str:
    out = []
    for kind, content in blocks:
        if kind == "heading":
            out.append(f"{content}?")
        elif kind == "paragraph":
            out.append(f"{content}.")
        elif kind == "list":
            out.append("\n".join(f"• {item}" for item in content))
        else:
            out.append("\n".join("   ".join(row) + "." for row in content))
    return "\n\n".join(out) + "\n"


def _docx(blocks: list, path: Path) -> None:
    document = Document()
    for kind, content in blocks:
        if kind == "heading":
            document.add_heading(content, level=2)
        elif kind == "paragraph":
            document.add_paragraph(content)
        elif kind == "list":
            for item in content:
                document.add_paragraph(item, style="List Bullet")
        else:
            table = document.add_table(rows=len(content), cols=2)
            for row, cells in zip(table.rows, content):
                for cell, text in zip(row.cells, cells):
                    cell.text = text
    document.save(path)


def _imported_words(blocks: list, suffix: str) -> Counter[str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"report{suffix}"
        if suffix == ".docx":
            _docx(blocks, path)
        else:
            writer = {".md": _markdown, ".html": _html, ".txt": _text}[suffix]
            path.write_text(writer(blocks), encoding="utf-8")
        plan = plan_import(BOROUGH, path, "primary", name="Generated School",
                           output=Path(folder) / "offers")
    body = re.sub(r"<!--.*?-->", "", plan.text.split("\n---\n", 1)[1], flags=re.S)
    return Counter(_words(body))


_SETTINGS = settings(max_examples=20, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(DOCUMENT)
def test_no_word_of_a_markdown_report_is_lost(blocks: list) -> None:
    assert not Counter(_source_words(blocks)) - _imported_words(blocks, ".md")


@_SETTINGS
@given(DOCUMENT)
def test_no_word_of_a_web_page_is_lost(blocks: list) -> None:
    assert not Counter(_source_words(blocks)) - _imported_words(blocks, ".html")


@_SETTINGS
@given(DOCUMENT)
def test_no_word_of_a_text_file_is_lost(blocks: list) -> None:
    assert not Counter(_source_words(blocks)) - _imported_words(blocks, ".txt")


@_SETTINGS
@given(DOCUMENT)
def test_no_word_of_a_word_document_is_lost(blocks: list) -> None:
    assert not Counter(_source_words(blocks)) - _imported_words(blocks, ".docx")


def test_two_sections_worded_as_the_same_question_keep_every_word() -> None:
    """Found by the property tests: the second section's heading was dropped with the first."""
    question = "How will the curriculum be matched to my child's needs"
    blocks = [("heading", question), ("paragraph", "0"), ("heading", question),
              ("paragraph", "0")]
    for suffix in (".md", ".docx", ".html", ".txt"):
        missing = Counter(_source_words(blocks)) - _imported_words(blocks, suffix)
        assert not missing, (suffix, missing)
