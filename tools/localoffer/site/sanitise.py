"""Make HTML from an offer safe to publish: only the tags and attributes Markdown produces,
only web, email and phone links. Offers are written by many people; nothing they type may run
in a reader's browser (no scripts, event handlers, javascript: or data: URLs, frames, SVG)."""
from __future__ import annotations

import re

import nh3
from markupsafe import Markup

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "dl", "dt",
    "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "ol", "p",
    "pre", "q", "s", "small", "strong", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "u", "ul",
}
ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "ol": {"start"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "*": {"id"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Ids an offer may give its headings: plain words, never the theme's own (`__drawer`, ...).
# Long enough for a whole question as its heading's id: a heading without an id starts no
# section of the search index, so its words were glued to the heading before it.
_SAFE_ID = re.compile(r"^[a-z][a-z0-9-]{0,200}$")


def clean_html(fragment: str) -> Markup:
    """The fragment with everything but plain content markup removed: safe HTML, the only
    HTML from an offer that may be marked as Markup (see markup.py)."""
    return Markup(nh3.clean(fragment, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                     strip_comments=True, link_rel="noopener noreferrer",
                     attribute_filter=_filter))


def _filter(_tag: str, attribute: str, value: str) -> str | None:
    if attribute == "id":
        return value if _SAFE_ID.match(value) else None
    return value
