"""What offers and "You said, we did" items read alike: their front-matter, and their body as
a reader sees it (the lines outside code blocks and HTML comments, and the links in them)."""
from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import Any

from localoffer.model.conflict_markers import conflict_marker_lines
from localoffer.model.finding import Finding, Severity
from localoffer.model.frontmatter import FrontMatter, FrontMatterError, parse_front_matter
from localoffer.model.markdown import (
    Heading,
    Link,
    content_lines,
    find_links,
    lines_inside_comments,
    parse_heading,
    strip_html_comments,
)


class MarkdownDocument:
    """A mixin for a dataclass with `text`, `body_start`, `front_matter`, `display_path` and
    `problems`."""

    text: str
    body_start: int
    front_matter: FrontMatter | None
    display_path: str
    problems: list[Finding]

    def get(self, key: str, default: Any = None) -> Any:
        return self.front_matter.get(key, default) if self.front_matter else default

    def line_of(self, *keys: str | int) -> int:
        return self.front_matter.line_of(*keys) if self.front_matter else 1

    @property
    def readable(self) -> bool:
        """True when the file could be read and has front-matter: the checks can look inside."""
        return self.front_matter is not None

    @cached_property
    def readable_lines(self) -> list[tuple[int, str]]:
        """(file line, text) of the body as a reader sees it: outside code blocks, and without
        HTML comments (the template's guidance), which leave blank lines behind. The safety
        checks read offers and items through it alike."""
        body = strip_html_comments("\n".join(self.text.split("\n")[self.body_start - 1:]))
        return list(content_lines(body.split("\n"), self.body_start))

    @cached_property
    def links(self) -> list[Link]:
        """Every link and image a reader sees in the body (none in comments), with its file
        line."""
        return find_links(self.readable_lines)


def display_path(path: Path, root: Path) -> str:
    """The file as messages name it: relative to the borough's folder. The file itself is not
    resolved: a link is named as the link, not its target."""
    try:
        return (path.parent.resolve() / path.name).relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def read_front_matter(document: MarkdownDocument, content: bytes, empty_advice: str) -> bool:
    """Decode the file into `document.text` (one kind of line ending, no byte order mark) and
    read its front-matter. Each problem goes into `document.problems`, at its line; False when
    the body cannot be read. `empty_advice` says how to start an empty file."""
    if b"\x00" in content:
        document.problems.append(_problem(document, 1, "file/encoding", (
            "This file contains binary data, not text. Save it as plain text (Markdown).")))
        return False
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        document.problems.append(_problem(
            document, content[: error.start].count(b"\n") + 1, "file/encoding",
            "This file is not saved as UTF-8 text. In your editor choose 'Save as' with the "
            "UTF-8 encoding, then check this line's special characters (quotes, accents)."))
        return False
    document.text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    for line in conflict_marker_lines(document.text):
        document.problems.append(_problem(
            document, line, "file/conflict",
            "This line was left by Git when two changes to the same lines met (a merge "
            "conflict). Keep the words you want from both sides, then delete the lines that "
            "start with <<<<<<<, ======= and >>>>>>>."))
    if not document.text.strip():
        document.problems.append(_problem(document, 1, "front-matter/invalid",
                                          f"This file is empty. {empty_advice}"))
        return False
    try:
        document.front_matter, document.body_start = parse_front_matter(document.text)
    except FrontMatterError as error:
        document.problems.append(_problem(document, error.line, "front-matter/invalid",
                                          error.message))
        return False
    return True


def body_lines(document: MarkdownDocument) -> Iterator[tuple[int, str, Heading | None]]:
    """Each line of the body with its file line, and its heading where a reader sees one: not
    in a code block, nor in an HTML comment (a question put aside, the template's guidance),
    which answers nothing."""
    lines = document.text.split("\n")[document.body_start - 1:]
    outside_code = {number for number, _ in content_lines(lines, document.body_start)}
    hidden = {document.body_start + offset
              for offset in lines_inside_comments("\n".join(lines))}
    for offset, line in enumerate(lines):
        number = document.body_start + offset
        visible = number in outside_code and number not in hidden
        yield number, line, parse_heading(line, number) if visible else None


def _problem(document: MarkdownDocument, line: int, rule: str, message: str) -> Finding:
    return Finding(document.display_path, line, rule, Severity.ERROR, message)
