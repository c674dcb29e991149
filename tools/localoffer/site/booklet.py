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

from localoffer.site.catalogue import Catalogue, PublishedOffer
from localoffer.site.pages import header_card
from localoffer.site.render import Rendered
from localoffer.site.sanitise import escape
from localoffer.site.structure import BuiltPage, relative_url, toc_entry

BOOKLET_URL = "booklet/"
_HEADING = re.compile(r"<(/?)h([1-5])\b")
# The sanitiser writes a space before every attribute. Starting with it (not with \b) lets the
# search skip quickly to the places that can match.
_ATTRIBUTE = re.compile(r' (id|href|src)="([^"]*)"')
# Marks the site's root in prepared HTML (never in real HTML: sanitised HTML has no NUL).
ROOT = "\x00"


@dataclass
class Booklet:
    title: str
    url: str
    offers: list[PublishedOffer]


def all_booklets(catalogue: Catalogue) -> list[Booklet]:
    """The booklet of all settings, then one for each type of setting that has any."""
    found = [Booklet(f"{catalogue.borough.name} Local Offer: all settings", BOOKLET_URL,
                     catalogue.offers)]
    for type_id, kind in catalogue.borough.setting_types.items():
        items = [item for item in catalogue.offers if item.facts.type_id == type_id]
        if items:
            found.append(Booklet(f"{catalogue.borough.name} Local Offer: "
                                 f"{kind.label.lower()}s", f"{BOOKLET_URL}{type_id}/", items))
    return found


def whole_booklet_page(booklet: Booklet, bodies: dict[str, Rendered],
                       glossary: dict[str, str]) -> BuiltPage:
    """One booklet as a single page, however many settings it holds (for paper)."""
    return _booklet_page(booklet, booklet.offers, booklet.url, 1, [booklet.url], bodies,
                         glossary, [])


def booklet_pages(catalogue: Catalogue, bodies: dict[str, Rendered], size: int = 100,
                  glossary: dict[str, str] | None = None) -> list[BuiltPage]:
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
            pages.append(_booklet_page(booklet, items, url, number, urls, bodies, glossary or {},
                                       others if booklet.url == BOOKLET_URL else []))
    return pages


def _contents_page(booklet: Booklet, others: list[tuple[str, str, int]]) -> BuiltPage:
    links = "".join(f'<li><a href="{relative_url(booklet.url, url)}">{escape(title)}</a> '
                    f"({count:,} settings)</li>" for title, url, count in others)
    html = (f'<div class="lo-booklet"><h1>{escape(booklet.title)}</h1>'
            "<p>Printable booklets, one for each type of setting. Together they hold every "
            "setting in the Local Offer. Each setting starts on a new page. Please ask the "
            "council if you would like a copy posted to you, or in another language or "
            f'format.</p><ul class="lo-list">{links}</ul></div>')
    return BuiltPage(url=booklet.url, title=booklet.title, html=html, search_exclude=True,
                     description="Printable booklets of the Local Offer.", kind="booklet")


def _booklet_page(booklet: Booklet, items: list[PublishedOffer], url: str, number: int,
                  urls: list[str], bodies: dict[str, Rendered], glossary: dict[str, str],
                  others: list[tuple[str, str, int]]) -> BuiltPage:
    title = booklet.title + (f" (part {number} of {len(urls)})" if len(urls) > 1 else "")
    contents = "".join(f'<li><a href="#{escape(item.slug)}">{escape(item.name)}</a>'
                       f' <span class="lo-meta">{escape(item.facts.type_label)}</span></li>'
                       for item in items)
    parts_nav = ""
    if len(urls) > 1:
        links = "".join(f'<li><a href="{relative_url(url, part)}"'
                        f'{" aria-current=page" if part == url else ""}>Part {index}</a></li>'
                        for index, part in enumerate(urls, start=1))
        parts_nav = f'<nav aria-label="Parts of this booklet"><ul class="lo-jump">{links}</ul></nav>'
    other_booklets = ""
    if others:
        links = "".join(f'<li><a href="{relative_url(url, other_url)}">{escape(other_title)}</a>'
                        f" ({count})</li>" for other_title, other_url, count in others)
        other_booklets = (f'<details class="info lo-other-booklets"><summary>Booklets for one type '
                          f"of setting</summary><ul>{links}</ul></details>")
    sections = [_offer_section(item, bodies[item.slug], url, glossary) for item in items]
    html = (f'<div class="lo-booklet"><h1>{escape(title)}</h1>'
            '<p class="lo-print-hint">To make a paper copy, use your browser\'s Print '
            "command. Each setting starts on a new page. Please ask the council if you would "
            "like a copy posted to you, or in another language or format.</p>"
            f"{other_booklets}{parts_nav}"
            f'<h2 id="contents">Contents</h2><ol class="lo-contents">{contents}</ol>'
            + "".join(sections) + "</div>")
    toc = [toc_entry(2, "contents", "Contents")] + [
        toc_entry(2, item.slug, escape(item.name)) for item in items]
    return BuiltPage(url=url, title=title, html=html, toc=toc,
                     description=f"A printable booklet: {title}.", search_exclude=True,
                     kind="booklet")


def _offer_section(item: PublishedOffer, body: Rendered, booklet_url: str,
                   glossary: dict[str, str]) -> str:
    page = relative_url(booklet_url, item.url)
    answers = place(body.booklet_html or prepare(body.html, item.slug), booklet_url)
    return (f'<section class="lo-booklet-offer" id="{escape(item.slug)}" '
            f'aria-labelledby="{escape(item.slug)}--name">'
            f'<h2 id="{escape(item.slug)}--name">{escape(item.name)}</h2>'
            f"{header_card(item.facts, glossary, pagefind=False)}"
            f'<p class="lo-review">{escape(item.review.sentence)}'
            + (" <strong>The review is overdue.</strong>" if item.review.overdue else "")
            + f'</p><p class="lo-online">Online: <a href="{page}">{escape(item.name)}</a></p>'
            f"{answers}</section>")


def prepare(html: str, slug: str) -> str:
    """An offer's HTML made ready for any booklet, once per build (where it is rendered):
    headings one level down, ids prefixed with the slug, and links relative to the offer's
    page made relative to the site's root, marked with ROOT for `place` to fill in."""
    html = _HEADING.sub(lambda match: f"<{match.group(1)}h{int(match.group(2)) + 1}", html)
    page = f"settings/{slug}/"

    def attribute(match: re.Match[str]) -> str:
        name, value = match.group(1), match.group(2)
        if name == "id":
            return f' id="{slug}--{value}"'
        if value.startswith("#"):
            return f' {name}="#{slug}--{value[1:]}"'
        if ":" in value.split("/")[0] or value.startswith("/"):
            return match.group(0)
        path, _, anchor = value.partition("#")
        joined = posixpath.normpath(page + path) + ("/" if path.endswith("/") or not path else "")
        if joined.startswith("../"):
            return match.group(0)  # outside the site: leave it as written
        return f' {name}="{ROOT}{joined}{"#" + anchor if anchor else ""}"'

    return _ATTRIBUTE.sub(attribute, html)


def place(prepared: str, booklet_url: str) -> str:
    """Prepared HTML with its links made relative to the booklet page at `booklet_url`."""
    root = relative_url(booklet_url, "")
    return prepared.replace(ROOT, "" if root == "./" else root)
