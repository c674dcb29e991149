"""Is a link the borough's Local Offer? Real reports write its address many ways.

http:// or https://, with or without www., with or without a trailing slash, or a deeper page
of it, all count; so does any other address the borough lists (`borough.local_offer_urls`).
"""
from __future__ import annotations

from urllib.parse import urlsplit

from localoffer.borough import Borough


def local_offer_addresses(borough: Borough) -> tuple[str, ...]:
    """The borough's Local Offer addresses, first the main one."""
    extra = borough.section("borough").get("local_offer_urls") or []
    addresses = [borough.local_offer_url, *(url for url in extra if isinstance(url, str))]
    return tuple(url.strip() for url in addresses if url and url.strip())


def _key(url: str) -> tuple[str, str] | None:
    """(host without www., path without trailing slash), lower case; None if not a web address."""
    text = url.strip()
    if "://" not in text:
        if not text.lower().startswith("www."):
            return None
        text = "https://" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower().removeprefix("www.")
    return host, parts.path.rstrip("/").lower()


def is_local_offer_link(url: str, addresses: tuple[str, ...]) -> bool:
    """True when `url` is one of the addresses, or a page under one, however it is written."""
    found = _key(url)
    if found is None or "://" not in url:
        return False
    for address in addresses:
        home = _key(address)
        if home is not None and found[0] == home[0] and (
                found[1] == home[1] or found[1].startswith(home[1] + "/")):
            return True
    return False


def is_local_offer_without_scheme(url: str, addresses: tuple[str, ...]) -> bool:
    """True for 'www.borough.gov.uk/localoffer' or 'borough.gov.uk/localoffer': the right
    address, but a browser reads it as a file on the website unless it starts https://."""
    text = url.strip()
    if "://" in text or not text or text.startswith(("/", ".", "#")):
        return False
    return is_local_offer_link("https://" + text, addresses)
