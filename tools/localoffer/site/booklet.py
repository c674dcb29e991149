"""Printable booklets, for people without the internet (SEND Code of Practice 4.62): every
published offer, and one booklet per type of setting, each with a table of contents.

A booklet reuses each offer's HTML, rendered once per build: headings move down a level and
ids and links are made unique within the booklet. Large boroughs get booklets in parts of
`size` settings each, so that no single page is too big to open on a phone or to print.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from localoffer.site.catalogue import Catalogue, PublishedOffer
from localoffer.site.pages import header_card
from localoffer.site.render import Rendered
from localoffer.site.markup import Markup, escape, fragment
from localoffer.site.structure import BuiltPage, relative_url, toc_entry

BOOKLET_URL = "booklet/"
_HEADING = re.compile(r"<(/?)h([1-5])\b")
# The sanitiser writes a space before every attribute. Starting with it (not with \b) lets the
# search skip quickly to the places that can match.
_ATTRIBUTE = re.compile(r' (id|href|src)="([^"]*)"')
# Marks the site's root in prepared HTML (never in real HTML: sanitised HTML has no NUL).
ROOT = "\x00"
# Asked for each booklet page before it is made (an incremental build): is the page at this
# address, of these offers, with this title and these links, already right in the site folder?
KeepPage = Callable[[str, "list[PublishedOffer]", Any], bool]


@dataclass
class Booklet:
    title: str
    url: str
    offers: list[PublishedOffer]


def all_booklets(catalogue: Catalogue) -> list[Booklet]:
    """The booklet of all settings, then one for each type of setting that has any."""
    found = [Booklet(f"{catalogue.borough.name} Local Offer: all settings", BOOKLET_URL,
                     catalogue.offers)]
    by_type: dict[str, list[PublishedOffer]] = {}
    for item in catalogue.offers:
        by_type.setdefault(item.facts.type_id, []).append(item)
    for type_id, kind in catalogue.borough.setting_types.items():
        items = by_type.get(type_id)
        if items:
            found.append(Booklet(f"{catalogue.borough.name} Local Offer: "
                                 f"{kind.label.lower()}s", f"{BOOKLET_URL}{type_id}/", items))
    return found


def whole_booklet_page(booklet: Booklet, bodies: Mapping[str, Rendered],
                       glossary: dict[str, str]) -> BuiltPage:
    """One booklet as a single page, however many settings it holds (for paper)."""
    return _booklet_page(booklet, booklet.offers, booklet.url, 1, [booklet.url], bodies,
                         glossary, [])


def booklet_pages(catalogue: Catalogue, bodies: Mapping[str, Rendered], size: int = 100,
                  glossary: dict[str, str] | None = None,
                  kept: KeepPage | None = None, html_later: bool = False) -> list[BuiltPage]:
    """Every booklet's pages. `html_later`: each page's HTML (a hundred offers' answers) is
    made when the engine writes it (BuiltPage.full_html), so that a build never holds them
    all: at 25,000 offers they are 250 pages of about 5 MB."""
    booklets = all_booklets(catalogue)
    all_settings = booklets[0]
    others = [(booklet.title, booklet.url, len(booklet.offers)) for booklet in booklets[1:]]
    pages = []
    if len(catalogue.offers) > size:
        # Too many settings for one booklet: the type booklets hold every setting once, so the
        # all-settings booklet is their contents page rather than the same pages again.
        pages.append(_contents_page(all_settings, others))
        booklets = booklets[1:]
    for booklet in booklets:
        parts = [booklet.offers[start:start + size]
                 for start in range(0, len(booklet.offers), max(size, 1))] or [[]]
        urls = [booklet.url] + [f"{booklet.url}part-{number}/"
                                for number in range(2, len(parts) + 1)]
        for number, (items, url) in enumerate(zip(parts, urls), start=1):
            links = others if booklet.url == BOOKLET_URL else []
            if kept is not None and kept(url, items, (booklet.title, number, urls, links)):
                pages.append(BuiltPage(url=url, title=booklet.title, html=Markup(""),
                                       kind="booklet", kept=True))
                continue
            pages.append(_booklet_page(booklet, items, url, number, urls, bodies, glossary or {},
                                       links, html_later))
    return pages


def _contents_page(booklet: Booklet, others: list[tuple[str, str, int]]) -> BuiltPage:
    links = [(title, relative_url(booklet.url, url), count) for title, url, count in others]
    return BuiltPage(url=booklet.url, title=booklet.title,
                     html=fragment("booklet.html", "contents_page", booklet.title, links),
                     search_exclude=True, description="Printable booklets of the Local Offer.",
                     kind="booklet")


def _booklet_page(booklet: Booklet, items: list[PublishedOffer], url: str, number: int,
                  urls: list[str], bodies: Mapping[str, Rendered], glossary: dict[str, str],
                  others: list[tuple[str, str, int]], html_later: bool = False) -> BuiltPage:
    title = booklet.title + (f" (part {number} of {len(urls)})" if len(urls) > 1 else "")
    parts = [(relative_url(url, part), part == url) for part in urls]
    links = [(other_title, relative_url(url, other_url), count)
             for other_title, other_url, count in others]

    def make_html() -> Markup:
        sections = [_offer_section(item, bodies[item.slug], url, glossary) for item in items]
        return fragment("booklet.html", "booklet_page", title, items, parts, links, sections)

    toc = [toc_entry(2, "contents", "Contents")] + [
        toc_entry(2, item.slug, item.name) for item in items]
    return BuiltPage(url=url, title=title, html=Markup() if html_later else make_html(),
                     html_later=make_html if html_later else None, toc=toc,
                     description=f"A printable booklet: {title}.", search_exclude=True,
                     kind="booklet")


def _offer_section(item: PublishedOffer, body: Rendered, booklet_url: str,
                   glossary: dict[str, str]) -> Markup:
    answers = place(body.booklet_html or prepare(body.html, item.slug), booklet_url)
    return fragment("booklet.html", "offer_section", item,
                    header_card(item.facts, glossary, pagefind=False),
                    relative_url(booklet_url, item.url), answers)


def prepare(html: Markup, slug: str, page: str | None = None) -> Markup:
    """An offer's HTML made ready for any booklet, once per build (where it is rendered):
    headings one level down, ids prefixed with the slug, and links relative to the offer's
    page (`page`, default settings/<slug>/) made relative to the site's root, marked with
    ROOT for `place` to fill in.
    It rewrites sanitised HTML: attribute values stay as nh3 escaped them, and what is added
    (the slug) is escaped here, so the result is still safe to mark as Markup."""
    html = _HEADING.sub(lambda match: f"<{match.group(1)}h{int(match.group(2)) + 1}", html)
    page = str(escape(page)) if page else f"settings/{escape(slug)}/"

    def attribute(match: re.Match[str]) -> str:
        name, value = match.group(1), match.group(2)
        if name == "id":
            return f' id="{escape(slug)}--{value}"'
        if value.startswith("#"):
            return f' {name}="#{escape(slug)}--{value[1:]}"'
        if ":" in value.split("/")[0] or value.startswith("/"):
            return match.group(0)
        path, _, anchor = value.partition("#")
        joined = posixpath.normpath(page + path) + ("/" if path.endswith("/") or not path else "")
        if joined.startswith("../"):
            return match.group(0)  # outside the site: leave it as written
        return f' {name}="{ROOT}{joined}{"#" + anchor if anchor else ""}"'

    return Markup(_ATTRIBUTE.sub(attribute, html))


def place(prepared: Markup, booklet_url: str) -> Markup:
    """Prepared HTML with its links made relative to the booklet page at `booklet_url`."""
    root = relative_url(booklet_url, "")
    return Markup(str.replace(prepared, ROOT, "" if root == "./" else root))
