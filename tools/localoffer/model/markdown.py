"""A light, line-aware scan of an offer's Markdown: headings, links, images and raw HTML.

The checks need line numbers for every finding and must run over thousands of offers in
seconds, so this scans lines once (skipping fenced and indented code) rather than building a
full syntax tree. The site renders with MkDocs' own Markdown; this is only for reading.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterator

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# The text is taken whole and its trailing spaces stripped after: a lazy text followed by
# optional spaces tried the spaces again at every character of a long heading.
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*))?$")
# Starts at its brace, so a long run of spaces is not tried once per space (spaces before
# the brace are stripped after).
_ATTRIBUTES = re.compile(r"\{:?[ \t]*([^{}]*)\}[ \t]*$")
_ANCHOR = re.compile(r"#([A-Za-z][\w-]*)")
_BACKTICKS = re.compile(r"`+")

_INLINE_LINK = re.compile(
    r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*<?([^()\s<>]*(?:\([^()\s]*\)[^()\s<>]*)*)>?"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
_REFERENCE_LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\[([^\]]*)\]")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+.*)?$")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp|javascript|data|vbscript):[^>\s]*)>", re.I)
_BARE_URL = re.compile(r"(?<![(<\[\"'=])\b(https?://[^\s)<>\]]+)", re.I)


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str | None
    line: int


@dataclass(frozen=True)
class Link:
    """A link or image in the body; `line` is the file line it starts on."""

    text: str
    url: str
    line: int
    is_image: bool = False
    kind: str = "inline"  # inline, reference, autolink or bare


def content_lines(lines: list[str], first_line: int) -> Iterator[tuple[int, str]]:
    """Yield (file line, text) for every line outside fenced and indented code blocks."""
    fence: str | None = None
    previous_blank = True
    for offset, line in enumerate(lines):
        number = first_line + offset
        start = line[:4]  # a fence starts within a line's first four characters
        match = _FENCE.match(line) if "`" in start or "~" in start else None
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            continue
        if match:
            fence = match.group(1)
            continue
        if previous_blank and (line.startswith("    ") or line.startswith("\t")) and line.strip():
            continue
        previous_blank = not line.strip()
        yield number, line


def parse_heading(line: str, number: int) -> Heading | None:
    if "#" not in line[:4]:  # most lines: an ATX heading starts within its first four characters
        return None
    match = _ATX.match(line)
    if not match:
        return None
    text = _without_closing_hashes((match.group(2) or "").rstrip(" \t"))
    anchor = None
    attributes = _ATTRIBUTES.search(text) if "{" in text else None
    if attributes:
        found = _ANCHOR.search(attributes.group(1))
        anchor = found.group(1) if found else None
        text = text[: attributes.start()].rstrip(" \t")
    return Heading(level=len(match.group(1)), text=text.strip(), anchor=anchor, line=number)


def _without_closing_hashes(text: str) -> str:
    """'Title ##' as 'Title': a closing run of #, alone or after a space or tab."""
    trimmed = text.rstrip(" \t")
    if not trimmed.endswith("#"):
        return text
    before = trimmed.rstrip("#")
    if before and before[-1] not in " \t":
        return text  # 'C#' is a word, not a closing sequence
    return before.rstrip(" \t")


def strip_code_spans(line: str) -> str:
    """The line with each code span (`code`, ``co`de``) blanked out, its length kept.

    As CommonMark reads them: a run of backticks opens a span that the next run of the same
    length closes. Found run by run, in time that grows with the line (a regular expression
    with a back-reference took the cube of a long run of backticks)."""
    runs = [(match.start(), match.end()) for match in _BACKTICKS.finditer(line)]
    if len(runs) < 2:
        return line
    of_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        of_length.setdefault(end - start, []).append(index)
    parts: list[str] = []
    kept = index = 0
    while index < len(runs):
        start, end = runs[index]
        same = of_length[end - start]
        later = bisect_right(same, index)
        if later == len(same):
            index += 1  # no run of its length closes it: plain backticks
            continue
        closing_end = runs[same[later]][1]
        parts += [line[kept:start], " " * (closing_end - start)]
        kept, index = closing_end, same[later] + 1
    return "".join(parts) + line[kept:]


def strip_html_comments(text: str, keep_line_breaks: bool = True) -> str:
    """Remove HTML comments (template guidance), keeping line breaks so lines still count."""
    # str.find rather than a regex: an unclosed '<!--' must not make every later one rescan
    # the rest of the file.
    if "<!--" not in text:
        return text
    parts: list[str] = []
    position = 0
    while True:
        start = text.find("<!--", position)
        end = text.find("-->", start + 4) if start != -1 else -1
        if end == -1:
            parts.append(text[position:])
            return "".join(parts)
        parts.append(text[position:start])
        if keep_line_breaks:
            parts.append("\n" * text.count("\n", start, end))
        position = end + 3


def lines_inside_comments(text: str) -> set[int]:
    """The 0-based numbers of the lines of `text` that start inside an HTML comment (an
    unclosed one runs to the end). A heading there is hidden, and a line put before one of
    them would be hidden too, until some later '-->' ends the comment early."""
    inside: set[int] = set()
    line, counted_to, position = 0, 0, 0
    while (start := text.find("<!--", position)) != -1:
        end = text.find("-->", start + 4)
        line += text.count("\n", counted_to, start)
        last = line + text.count("\n", start, len(text) if end == -1 else end)
        inside.update(range(line + 1, last + 1))
        if end == -1:
            break
        line, counted_to, position = last, end, end + 3
    return inside


def find_links(numbered_lines: list[tuple[int, str]]) -> list[Link]:
    """Every link and image, with reference links resolved against their definitions."""
    definitions: dict[str, str] = {}
    for _, line in numbered_lines:
        match = _REFERENCE_DEFINITION.match(line) if "]:" in line else None
        if match:
            definitions.setdefault(match.group(1).strip().lower(), match.group(2))
    links: list[Link] = []
    # The `in` tests skip the regular expressions on the many lines that cannot match them.
    for number, raw in numbered_lines:
        if "]:" in raw and _REFERENCE_DEFINITION.match(raw):
            continue
        line = strip_code_spans(raw) if "`" in raw else raw
        taken: list[tuple[int, int]] = []
        if "[" in line:
            _bracketed_links(line, number, definitions, links, taken)
        if "<" in line:
            for match in _AUTOLINK.finditer(line):
                if not _inside(match.start(), taken):
                    taken.append(match.span())
                    links.append(Link(match.group(1), match.group(1), number, kind="autolink"))
        if "://" in line:
            for match in _BARE_URL.finditer(line):
                if not _inside(match.start(), taken):
                    links.append(Link(match.group(1), match.group(1), number, kind="bare"))
    return links


def _bracketed_links(line: str, number: int, definitions: dict[str, str], links: list[Link],
                 taken: list[tuple[int, int]]) -> None:
    for match in _INLINE_LINK.finditer(line):
        taken.append(match.span())
        links.append(Link(match.group(2), match.group(3), number, match.group(1) == "!"))
    for match in _REFERENCE_LINK.finditer(line):
        if _inside(match.start(), taken):
            continue
        key = (match.group(3) or match.group(2)).strip().lower()
        if key in definitions:
            taken.append(match.span())
            links.append(Link(match.group(2), definitions[key], number,
                              match.group(1) == "!", "reference"))


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)
