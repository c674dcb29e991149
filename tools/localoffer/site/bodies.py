"""An offer's welcome and answers rendered once per build, for its page and for the booklets.

Its own module so that pages.py (the offer page) and booklet.py (which reuses the page's
header card) need not import each other.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping

from localoffer.site.booklet import prepare
from localoffer.site.catalogue import Catalogue, PublishedOffer
from localoffer.site.render import MarkdownRenderer, Rendered


def render_body(item: PublishedOffer, renderer: MarkdownRenderer) -> Rendered:
    """The offer's welcome and answers as safe HTML (rendered once per build)."""
    offer = item.offer
    body = renderer.render("\n".join(offer.text.split("\n")[offer.body_start - 1:]))
    body.booklet_html = prepare(body.html, item.slug)
    return body


class BodiesOnDemand(Mapping[str, Rendered]):
    """Every published offer's body, by slug: from `rendered` (made by the workers, or read
    from the cache) when it is there, otherwise rendered here, each once, when first asked
    for (a build that keeps most offers' pages asks for few)."""

    def __init__(self, catalogue: Catalogue, rendered: Mapping[str, Rendered],
                 renderer: MarkdownRenderer) -> None:
        self._items = catalogue.by_slug()
        self._rendered = rendered
        self._renderer = renderer
        self._made: dict[str, Rendered] = {}

    def __getitem__(self, slug: str) -> Rendered:
        # Those of `rendered` are not kept here: read from the cache, each is held only while
        # its pages are made.
        found = self._rendered.get(slug) or self._made.get(slug)
        if found is None:
            found = self._made[slug] = render_body(self._items[slug], self._renderer)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)
