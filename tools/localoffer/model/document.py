"""What offers and "You said, we did" items read alike: their front-matter, and their body as
a reader sees it (the lines outside code blocks and HTML comments, and the links in them)."""
from __future__ import annotations

from functools import cached_property
from typing import Any

from localoffer.model.frontmatter import FrontMatter
from localoffer.model.markdown import Link, content_lines, find_links, strip_html_comments


class MarkdownDocument:
    """A mixin for a dataclass with `text`, `body_start` and `front_matter`."""

    text: str
    body_start: int
    front_matter: FrontMatter | None

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
