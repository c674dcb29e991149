"""Offer Markdown to safe HTML, with one reused Markdown converter for the whole build.

Python-Markdown is what MkDocs, ProperDocs and Zensical all use, so an offer renders the same
whichever engine publishes the site. The HTML is sanitised (sanitise.py) before anyone sees it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor

from localoffer.site.sanitise import clean_html, plain_text

# A link to another offer, as writers make them: ../beacon-hill-school/offer.md#admissions
_OFFER_LINK = re.compile(r"^(?P<path>(?:\.\./)?(?:[a-z0-9-]+/)?)offer\.md(?P<anchor>#.*)?$")


@dataclass
class Rendered:
    html: str
    # Headings as Python-Markdown's toc tokens: {level, id, name (HTML), children}.
    toc: list[dict[str, Any]] = field(default_factory=list)
    abbreviations: dict[str, str] = field(default_factory=dict)


class _OfferLinks(Treeprocessor):
    """Links between offers point at their pages, not their files."""

    def run(self, root: Element) -> None:
        for link in root.iter("a"):
            href = link.get("href", "")
            match = _OFFER_LINK.match(href)
            if match:
                link.set("href", (match.group("path") or "./") + (match.group("anchor") or ""))


class MarkdownRenderer:
    def __init__(self, glossary: dict[str, str]) -> None:
        self.glossary = dict(glossary)
        self._markdown = markdown.Markdown(
            extensions=["abbr", "attr_list", "sane_lists", "tables", "toc"],
            extension_configs={"abbr": {"glossary": self.glossary},
                               "toc": {"toc_depth": "2-3"}},
        )
        self._markdown.treeprocessors.register(_OfferLinks(self._markdown), "offer_links", 1)

    def render(self, text: str) -> Rendered:
        self._markdown.reset()
        html = clean_html(self._markdown.convert(text))
        toc = [_clean_token(token) for token in getattr(self._markdown, "toc_tokens", [])]
        used = {term: meaning for term, meaning in self.glossary.items()
                if f">{term}</abbr>" in html}
        return Rendered(html, toc, used)


def _clean_token(token: dict[str, Any]) -> dict[str, Any]:
    # A heading's name may carry raw HTML from the offer: keep only its text.
    return {"level": token["level"], "id": token["id"], "name": plain_text(token["name"]),
            "children": [_clean_token(child) for child in token.get("children", [])]}
