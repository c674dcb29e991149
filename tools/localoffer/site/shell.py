"""Pages written from a shell: the theme's page drawn once, with markers where each page's own
values go, then filled for every page of the same kind.

Drawing the theme around each of thousands of offer pages (menu, header, footer, contents
list) was the biggest cost of a build. The engine's layer draws one shell per kind of page
(mkdocs_shell.py) and this module fills it. Nothing here escapes anything: every value handed
to `Shell.fill` is already HTML, escaped where it was made (markup.py's rule), and a value is
never searched for markers (the shell is cut into pieces once; the values go between them).
"""
from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from typing import Mapping

from localoffer.site.markup import Markup, fragment

# Markers are letters and digits only, so that whatever the theme does to a value (escape it,
# strip its tags, put it in a URL) leaves them whole; the nonce keeps them out of any real text.
_NAMES = ("slug", "title", "description", "skip", "toc", "content")


@dataclass(frozen=True)
class Markers:
    nonce: str

    @classmethod
    def new(cls) -> "Markers":
        return cls(f"localoffershell{secrets.token_hex(8)}")

    def __getitem__(self, name: str) -> str:
        return f"{self.nonce}x{name}x"

    def content(self, with_heading: bool) -> Markup:
        """The stand-in for a page's content: with a heading when the page has one (the theme
        adds a heading of its own to a page without), which the value replaces whole."""
        return fragment("shell.html", "stand_in_content", self["content"], with_heading)

    def pattern(self) -> re.Pattern[str]:
        heading = re.escape(str(self.content(True))).replace(self["content"],
                                                              f"{self.nonce}x(content)x")
        return re.compile(f"{heading}|{self.nonce}x({'|'.join(_NAMES)})x")


class Shell:
    """A page of the theme with markers, cut into text and the names of the values between."""

    def __init__(self, html: str, markers: Markers) -> None:
        self._text: list[str] = []
        self._names: list[str] = []
        start = 0
        for found in markers.pattern().finditer(html):
            self._text.append(html[start:found.start()])
            self._names.append(found.group(1) or found.group(2))
            start = found.end()
        self._text.append(html[start:])

    @property
    def names(self) -> set[str]:
        return set(self._names)

    def fill(self, values: Mapping[str, str]) -> str:
        """The page, with each marker replaced by its value (KeyError if one is missing)."""
        pieces = [self._text[0]]
        for name, text in zip(self._names, self._text[1:]):
            pieces.append(values[name])
            pieces.append(text)
        return "".join(pieces)
