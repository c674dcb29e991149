"""Accessibility: images a screen reader can describe, and links that say where they go."""
from __future__ import annotations

import re
from typing import Iterator

from localoffer.checks.base import error, warning
from localoffer.checks.runner import CheckContext
from localoffer.model import Finding, Offer

RULES = {
    "accessibility/image-alt": "An image without alt text (a description for screen readers).",
    "accessibility/link-text": "Link text that does not say where it goes: 'click here', "
                               "'here', 'read more', 'this link' or a bare web address "
                               "(a warning).",
}

# Link text that means nothing when a screen reader lists the page's links.
_VAGUE = frozenset({"click here", "here", "read more", "this link", "more", "link", "click",
                    "click this link", "read more here", "more here", "click on this link"})
_NOT_WORD = re.compile(r"[^a-z]+")
_WEB_ADDRESS = re.compile(r"^\s*<?(?:https?://|www\.)", re.I)


def check(offer: Offer, context: CheckContext) -> Iterator[Finding]:
    for link in offer.links:
        if link.is_image:
            if not link.text.strip():
                yield error(offer, link.line, "accessibility/image-alt",
                            "This image has no alt text. Between the square brackets, say what "
                            "the image shows, for example ![The quiet room, with beanbags and "
                            "soft lights](quiet-room.jpg).")
            continue
        if link.kind in ("bare", "autolink") or _WEB_ADDRESS.match(link.text):
            if link.kind == "autolink" and not _WEB_ADDRESS.match(link.url):
                continue  # an email address written <mailto:...> reads as itself
            yield warning(offer, link.line, "accessibility/link-text",
                          "A web address on its own is hard to read aloud. Put words that say "
                          "where the link goes in square brackets, then the address in round "
                          f"brackets, for example [our SEND policy]({link.url}).")
        elif " ".join(_NOT_WORD.sub(" ", link.text.lower()).split()) in _VAGUE:
            yield warning(offer, link.line, "accessibility/link-text",
                          f"The link text '{link.text.strip()}' does not say where it goes, and "
                          "screen readers often read links on their own. Use words that name "
                          "the page, for example [our complaints policy](...).")
