"""A report's Markdown split at the setting's own headings."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


@dataclass
class SourceSection:
    """One of the setting's sections: its heading as written (None for the text before the
    first heading), the heading's level, and the Markdown under it."""

    heading: str | None
    level: int
    lines: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n".join(self.lines).strip("\n")


@dataclass
class SplitReport:
    """The title (a lone first-level heading at the top), and the sections under it."""

    title: str | None
    sections: list[SourceSection]


def split_sections(markdown: str) -> SplitReport:
    """Sections start at the shallowest heading level used more than once; deeper headings
    stay inside their section (a title at the top is kept apart)."""
    headings = _headings(markdown)
    title = None
    levels = [level for _, level, _ in headings]
    if headings and headings[0][1] == 1 and levels.count(1) == 1 and len(headings) > 1:
        title = headings[0][2]
        levels = levels[1:]
    split_level = next((level for level in sorted(set(levels)) if levels.count(level) > 1),
                       max(levels) if levels else 1)
    sections = [SourceSection(None, 0)]
    starts = {index: (level, text) for index, level, text in headings}
    for index, line in enumerate(markdown.split("\n")):
        start = starts.get(index)
        if start is not None and title is not None and index == headings[0][0]:
            continue
        if start is not None and start[0] <= split_level:
            sections.append(SourceSection(start[1], start[0]))
            continue
        if start is not None:  # a heading inside a section, kept as a deeper sub-heading
            line = "#" * start[0] + " " + start[1]
        sections[-1].lines.append(line)
    return SplitReport(title, [s for s in sections if s.heading is not None or s.body])


def _headings(markdown: str) -> list[tuple[int, int, str]]:
    """(line index, level, text) of each ATX heading outside fenced code."""
    found = []
    fence = None
    for index, line in enumerate(markdown.split("\n")):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        match = _ATX.match(line)
        if match and match.group(2).strip():
            found.append((index, len(match.group(1)), match.group(2).strip()))
    return found
