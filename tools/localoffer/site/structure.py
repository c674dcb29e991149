"""What the page builders hand to a site engine: pages as HTML, and where links go."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from markupsafe import Markup, escape


@dataclass
class BuiltPage:
    """One page of the site. `url` is relative to the site root, '' for the home page."""

    url: str
    title: str  # plain text, as are description and search_tags: the engine escapes them
    html: Markup  # made by markup.fragment (see markup.py)
    toc: list[dict[str, Any]] = field(default_factory=list)  # Python-Markdown toc tokens
    description: str = ""
    search_boost: float | None = None
    search_exclude: bool = False
    search_tags: list[str] = field(default_factory=list)
    kind: str = "page"  # offer, list, booklet or search
    # The language of the page's content, when it is not English (a translated offer): its
    # BCP 47 tag and direction (ltr or rtl). The engine marks the page with them and its own
    # interface (menus, search) as English.
    lang: str = ""
    direction: str = ""
    # Made by an earlier build and still right in the site folder (an incremental build):
    # the engine lists it but does not write it, and `html` is empty.
    kept: bool = False
    # When the engine asked for it (build_site's html_later): `html` is empty and this makes
    # it, when the page is written, so that a build never holds every offer page's HTML.
    html_later: Callable[[], Markup] | None = field(default=None, repr=False, compare=False)

    def full_html(self) -> Markup:
        """The page's HTML, made now if it was left for later (not kept: made each time)."""
        return self.html_later() if self.html_later is not None else self.html

    @property
    def source_path(self) -> str:
        """Where the page would be in docs/: settings/oakfield/index.md."""
        return f"{self.url}index.md"


def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url` (both site-root relative, '/'-ended)."""
    target, _, anchor = to_url.partition("#")
    here = [part for part in from_url.split("/") if part]
    there = [part for part in target.split("/") if part]
    shared = 0
    while shared < min(len(here), len(there)) and here[shared] == there[shared]:
        shared += 1
    path = "/".join([".."] * (len(here) - shared) + there[shared:])
    if not path:
        path = "./"
    elif target.endswith("/") or not target:
        path += "/"
    return path + (f"#{anchor}" if anchor else "")


def toc_entry(level: int, anchor: str, name: str,
              children: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A toc token for a heading we wrote ourselves; `name` is plain text (escaped here, as
    the theme prints a token's name as HTML)."""
    return {"level": level, "id": escape(anchor), "name": escape(name), "children": children or []}
