"""An offer's welcome and answers rendered once per build, for its page and for the booklets.

Its own module so that pages.py (the offer page) and booklet.py (which reuses the page's
header card) need not import each other.
"""
from __future__ import annotations

from localoffer.site.booklet import prepare
from localoffer.site.catalogue import PublishedOffer
from localoffer.site.render import MarkdownRenderer, Rendered


def render_body(item: PublishedOffer, renderer: MarkdownRenderer) -> Rendered:
    """The offer's welcome and answers as safe HTML (rendered once per build)."""
    offer = item.offer
    body = renderer.render("\n".join(offer.text.split("\n")[offer.body_start - 1:]))
    body.booklet_html = prepare(body.html, item.slug)
    return body
