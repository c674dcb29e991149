"""Booklets as PDF files, to print paper copies for people without the internet (SEND Code of
Practice 4.62).

The booklet is the website's (booklet.py), laid out on A4 paper by WeasyPrint with a
stylesheet of its own (print/booklet.css): contents with page numbers, each setting on a new
page. The PDF is tagged (PDF/UA-1), so screen readers can read it too. Nothing is fetched
from the internet: the only files read are the offers' own images, from their folders.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from localoffer.errors import LocalOfferError
from localoffer.review import long_date
from localoffer.site.booklet import BOOKLET_URL, all_booklets, whole_booklet_page
from localoffer.site.catalogue import Catalogue
from localoffer.site.markup import Markup, fragment
from localoffer.site.render import Rendered
from localoffer.site.structure import BuiltPage
from localoffer.site.translated_booklets import (
    language_booklet_page,
    language_booklets,
    render_translations,
)

# Pictures in the booklet's HTML, which the sanitiser wrote (attributes in double quotes).
_IMAGE = re.compile(r"<img\b[^>]*>")
_SOURCE = re.compile(r' src="([^"]*)"')
_ALT = re.compile(r' alt="([^"]*)"')


@dataclass
class BookletPdf:
    title: str
    settings: int
    pages: int
    pdf: bytes


def booklet_pdf(catalogue: Catalogue, bodies: dict[str, Rendered], type_id: str | None = None,
                site_url: str | None = None, language: str | None = None) -> BookletPdf:
    """The booklet of every published offer (or of one type of setting, or of the offers
    translated into one `language`) as a PDF, dated the catalogue's day. Links to the website
    are made full addresses from `site_url` when it is known."""
    weasyprint = _weasyprint()
    if language is not None:
        page = _language_page(catalogue, bodies, language)
        url = page.url
        settings = page.html.count('class="lo-booklet-offer"')
    else:
        url = f"{BOOKLET_URL}{type_id}/" if type_id else BOOKLET_URL
        booklet = next((booklet for booklet in all_booklets(catalogue) if booklet.url == url),
                       None)
        if booklet is None:
            raise LocalOfferError(f"There are no published offers of the type '{type_id}'.")
        page = whole_booklet_page(booklet, bodies, catalogue.borough.glossary)
        settings = len(booklet.offers)
    # Our own stylesheet, from the package: CSS, not text, so it is not escaped.
    css = Markup((resources.files("localoffer.site") / "print" / "booklet.css").read_text("utf-8"))
    made = fragment("booklet_pdf.html", "made", long_date(catalogue.today), site_url)
    contents = Markup('<h2 id="contents">')
    body = _local_images(page.html, url, catalogue).replace(contents, made + contents, 1)
    html = fragment("booklet_pdf.html", "document", page.title, css, body,
                    page.lang or "en", page.direction or "ltr")
    base = f"{site_url.rstrip('/')}/{url}" if site_url else None
    fetcher = weasyprint.urls.URLFetcher(allowed_protocols={"file"})
    document = weasyprint.HTML(string=html, base_url=base, url_fetcher=fetcher).render()
    return BookletPdf(page.title, settings, len(document.pages),
                      document.write_pdf(pdf_variant="pdf/ua-1"))


def _language_page(catalogue: Catalogue, bodies: dict[str, Rendered], language: str) -> BuiltPage:
    booklet = next((booklet for booklet in language_booklets(catalogue)
                    if booklet.language.tag == language), None)
    if booklet is None:
        known = ", ".join(booklet.language.tag for booklet in language_booklets(catalogue))
        raise LocalOfferError(f"No published offer is translated into '{language}'."
                              + (f" Translated into: {known}." if known else ""))
    return language_booklet_page(booklet, render_translations(catalogue, bodies), catalogue)


def _local_images(html: Markup, booklet_url: str, catalogue: Catalogue) -> Markup:
    """Pictures kept beside the offers, as the files they are. Any other picture (on another
    website) is not fetched: its description is printed in its place."""
    known = {f"settings/{item.slug}/{image.name}": image
             for item in catalogue.offers for image in item.images}

    def picture(match: re.Match[str]) -> str:
        tag = match.group(0)
        source = _SOURCE.search(tag)
        value = source.group(1) if source else ""
        image = known.get(posixpath.normpath(booklet_url + value)) if ":" not in value else None
        if image is not None and source is not None:
            return tag.replace(source.group(0), f' src="{image.resolve().as_uri()}"', 1)
        alt = _ALT.search(tag)  # as the sanitiser escaped it: unescaped to be escaped once
        return fragment("booklet_pdf.html", "picture",
                        Markup(alt.group(1)).unescape().strip() if alt else "")

    # The pictures of sanitised HTML are replaced: it stays safe HTML.
    return Markup(_IMAGE.sub(picture, html))


def _weasyprint() -> Any:
    try:
        import weasyprint
        import weasyprint.urls
    except ImportError:
        raise LocalOfferError("Making a PDF needs WeasyPrint, which is not installed. Run: "
                              "python3 -m pip install weasyprint") from None
    except OSError as error:  # WeasyPrint is there, but the Pango library it draws text with is not
        raise LocalOfferError("WeasyPrint could not start, because the Pango library is missing "
                              f"({error}). On Debian or Ubuntu run: sudo apt-get install "
                              "libpango-1.0-0 libpangoft2-1.0-0") from None
    return weasyprint
