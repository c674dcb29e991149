"""An offer without its text, and a rendered body without its HTML, as the build's cache gives
them to a build.

Nine tenths of a loaded offer is its text and its answers, and a build needs neither for most
offers: the pages are made from the rendered bodies (kept in the cache too), the lists, Find a
setting and offers.json read only its front-matter, facts and review state, and the dashboard
the areas and lengths of its answers (`Offer.answered`). A `LightOffer` holds those, and reads
its text and answers the first time anything asks for them, so every caller sees the whole
offer and none needs to know which kind it holds.

A `LightBody` is the same for an offer's rendered body in a full build: the workers keep the
body in the cache and hand back only its contents list and abbreviations (which the page needs
when it is listed); its HTML is read from the cache each time it is asked for (when the page
is written, and for its booklet), so the build never holds every offer's HTML.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable

from localoffer.model import Offer
from localoffer.model.offer import Section
from localoffer.site.catalogue import Examined
from localoffer.site.render import Rendered

# What a light offer keeps: its details, and the areas and lengths of its answers (for the
# dashboard). Everything else of an Offer (its text and answers, and what the checks worked
# out from them and kept, such as its links) is read again when asked for.
_DETAILS = ("path", "display_path", "slug", "front_matter", "body_start", "problems")
_KEPT = (*_DETAILS, "answered")


@dataclass
class OfferText:
    """The part of an offer a light offer leaves out."""

    text: str
    intro: list[str]
    sections: list[Section]

    @classmethod
    def of(cls, offer: Offer) -> "OfferText":
        return cls(offer.text, offer.intro, offer.sections)


class LightOffer(Offer):
    """An offer whose text and answers are read, once, when first asked for (`attach` says
    how). Made by `light`; never by Offer's own constructor."""

    def attach(self, read: Callable[[], OfferText]) -> None:
        self.__dict__["_read"] = read

    def _whole(self) -> OfferText:
        found = self.__dict__.get("_text")
        if found is None:
            found = self.__dict__["_text"] = self.__dict__["_read"]()
        return found

    # Read from the whole offer: these override Offer's fields of the same names.
    text = property(lambda self: self._whole().text)  # type: ignore[assignment]
    intro = property(lambda self: self._whole().intro)  # type: ignore[assignment]
    sections = property(lambda self: self._whole().sections)  # type: ignore[assignment]

    def __getstate__(self) -> dict[str, Any]:
        return {name: self.__dict__[name] for name in _KEPT}


def light(offer: Offer) -> LightOffer:
    found = LightOffer.__new__(LightOffer)
    found.__dict__.update({name: offer.__dict__[name] for name in _DETAILS})
    found.__dict__["answered"] = offer.answered
    return found


def lightened(examined: Examined) -> Examined:
    """The same offer, loaded and checked, with a light offer in it (its published form's
    too)."""
    offer = light(examined.offer)
    published = (replace(examined.published, offer=offer)
                 if examined.published is not None else None)
    return Examined(offer, examined.errors, published)


class LightBody(Rendered):
    """A body whose HTML is read, each time it is asked for, as `attach` says. Made by
    `light_body`; never by Rendered's own constructor."""

    def attach(self, read: Callable[[], Rendered]) -> None:
        self.__dict__["_read"] = read

    html = property(lambda self: self.__dict__["_read"]().html)  # type: ignore[assignment]
    booklet_html = property(  # type: ignore[assignment]
        lambda self: self.__dict__["_read"]().booklet_html)

    def __getstate__(self) -> dict[str, Any]:
        return {"toc": self.__dict__["toc"], "abbreviations": self.__dict__["abbreviations"]}


def light_body(body: Rendered) -> LightBody:
    found = LightBody.__new__(LightBody)
    found.__dict__.update(toc=body.toc, abbreviations=body.abbreviations)
    return found
