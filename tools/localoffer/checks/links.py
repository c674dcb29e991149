"""Links: secure, not broken, and always one to the borough's Local Offer."""
from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import Iterator
from urllib.parse import unquote

from localoffer.checks.base import error, warning
from localoffer.checks.local_offer_address import (
    is_local_offer_link,
    is_local_offer_without_scheme,
    local_offer_addresses,
)
from localoffer.checks.runner import CheckContext
from localoffer.checks.sections import question_for_area
from localoffer.model import Finding, Link, Offer
from localoffer.model.offer import OFFER_FILE, question_set_of

RULES = {
    "links/insecure": "A link starting http:// rather than https:// (a warning).",
    "links/broken-internal": "A link to a file or another offer that does not exist.",
    "links/local-offer": "No link to the borough's Local Offer (http:// or https://, with or "
                         "without www., or a page of it, or another address the borough lists "
                         "in borough.local_offer_urls), or a link to it without https://.",
    "links/unreachable": "Only with `check --links online`: a web link that does not open (an "
                         "error for the Local Offer link, a warning for the others).",
}

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_CONTACTS_AREA = "contacts"


def check(offer: Offer, context: CheckContext) -> Iterator[Finding]:
    addresses = local_offer_addresses(context.borough)
    for link in offer.links:
        url = link.url.strip()
        if is_local_offer_without_scheme(url, addresses):
            yield error(offer, link.line, "links/local-offer",
                        f"This link to the Local Offer has no https:// at the start, so a "
                        f"browser looks for it as a file on your own website: write "
                        f"https://{url.removeprefix('//')}")
        elif url[:7].lower() == "http://":
            yield warning(offer, link.line, "links/insecure",
                          f"This link starts http://, which is not secure: {url}. Check that the "
                          "page opens with https://, then change the link to https://.")
        elif not _SCHEME.match(url) and not url.startswith(("#", "//")):
            finding = _broken(offer, context, link, url)
            if finding is not None:
                yield finding
    yield from _local_offer(offer, context)


def _broken(offer: Offer, context: CheckContext, link: Link, url: str) -> Finding | None:
    target = unquote(url.split("#", 1)[0].split("?", 1)[0])
    if not target:
        return None  # a link within the page
    what = "image" if link.is_image else "file"
    parts = PurePosixPath(target).parts
    if len(parts) == 3 and parts[0] == ".." and parts[2] == OFFER_FILE:
        if parts[1] in context.offer_slugs or _exists(offer.path.parent / target):
            return None
        return error(offer, link.line, "links/broken-internal",
                     f"This links to the offer '{parts[1]}', which does not exist: {url}. Check "
                     "the folder name in offers/, or remove the link.")
    if _exists(offer.path.parent / target):
        return None
    if target.lower().startswith("www."):
        return error(offer, link.line, "links/broken-internal",
                     f"This web address has no https:// at the start, so it is read as a file "
                     f"in this offer's folder: write https://{target}")
    return error(offer, link.line, "links/broken-internal",
                 f"This links to the {what} '{target}', which is not in this offer's folder. "
                 f"Put the {what} next to offer.md, or correct the link.")


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


def _local_offer(offer: Offer, context: CheckContext) -> Iterator[Finding]:
    borough = context.borough
    addresses = local_offer_addresses(borough)
    if not addresses:
        return
    for link in offer.links:
        if is_local_offer_link(link.url, addresses) or is_local_offer_without_scheme(
                link.url, addresses):
            return  # a link without https:// is reported at its own line
    contacts = next((section for section in offer.sections
                     if _CONTACTS_AREA in section.areas), None)
    if contacts is not None:
        line, where = contacts.line, "in this answer about who to contact"
    else:
        question = question_for_area(question_set_of(offer, borough), offer.setting_type or "",
                                     _CONTACTS_AREA)
        line = offer.sections[-1].line if offer.sections else offer.line_of("type")
        where = (f"in your answer to '{question.text}'" if question is not None
                 else "in your answer about who to contact")
    yield error(offer, line, "links/local-offer",
                f"The offer does not link to the {borough.name} Local Offer. Add the link "
                f"{where}, for example: [{borough.name} Local Offer]({borough.local_offer_url})")
