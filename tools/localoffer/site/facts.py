"""The details a reader sees about a setting (type, ages, address, contacts), read once from
its front-matter and made safe to show: anything of the wrong shape becomes empty, not an error
(the checks report it)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from localoffer.borough import Borough
from localoffer.model import Offer
from localoffer.model.schema import age_range
from localoffer.model.vocabulary import ACCESS_FEATURES
from localoffer.model.vocabulary import NEEDS as NEED_TERMS

# The kinds of need, in the order of the SEND Code of Practice, as a parent reads them.
NEEDS = {need: term.label for need, term in NEED_TERMS.items()}

_PHONE_DIGITS = re.compile(r"[^\d+]")
_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"'.]+$")
_WEBSITE = re.compile(r"^https?://[^\s<>\"']+$", re.I)


@dataclass(frozen=True)
class Contact:
    name: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class SettingFacts:
    type_id: str
    type_label: str
    ages: tuple[int, int] | None
    address: str
    town: str
    ward: str
    postcode: str
    phone: str
    website: str
    senco: Contact
    languages: tuple[str, ...]
    specialist_provision: tuple[str, ...]
    provides_for: tuple[str, ...] = ()
    # The access features the offer says it has (true), and those it says it has not (false).
    access: tuple[str, ...] = ()
    no_access: tuple[str, ...] = ()

    @property
    def postcode_district(self) -> str:
        """The first half of the postcode ('CK4' of 'CK4 2QT')."""
        compact = self.postcode.replace(" ", "").upper()
        return compact[:-3] if len(compact) > 4 else compact

    @property
    def ages_text(self) -> str:
        return ages_text(self.ages)

    def covers_age(self, age: int) -> bool:
        return self.ages is not None and self.ages[0] <= age <= self.ages[1]


def ages_text(ages: tuple[int, int] | None) -> str:
    if ages is None:
        return ""
    return f"{ages[0]} to {ages[1]}" if ages[0] != ages[1] else str(ages[0])


def setting_facts(offer: Offer, borough: Borough) -> SettingFacts:
    type_id = offer.setting_type or ""
    kind = borough.setting_types.get(type_id)
    senco = offer.get("senco")
    senco = senco if isinstance(senco, dict) else {}
    return SettingFacts(
        type_id=type_id,
        type_label=kind.label if kind else type_id.replace("-", " ").capitalize(),
        ages=age_range(offer.get("age_range")),
        address=_text(offer.get("address")),
        town=_text(offer.get("town")),
        ward=_text(offer.get("ward")),
        postcode=_text(offer.get("postcode")).upper(),
        phone=_text(offer.get("phone")),
        website=_text(offer.get("website")),
        senco=Contact(_text(senco.get("name")), _text(senco.get("email")),
                      _text(senco.get("phone"))),
        languages=_texts(offer.get("languages")),
        specialist_provision=_texts(offer.get("specialist_provision")),
        provides_for=_texts(offer.get("provides_for")),
        access=_access(offer.get("access"), True),
        no_access=_access(offer.get("access"), False),
    )


def phone_href(number: str) -> str | None:
    """A tel: link for a phone number written with digits and spaces, or None."""
    digits = _PHONE_DIGITS.sub("", number)
    return f"tel:{digits}" if 10 <= len(digits.lstrip("+")) <= 13 else None


def email_href(address: str) -> str | None:
    return f"mailto:{address}" if _EMAIL.match(address) else None


def website_href(address: str) -> str | None:
    return address if _WEBSITE.match(address) else None


def _text(value: Any) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        return ""
    return str(value).strip()


def _access(value: Any, has: bool) -> tuple[str, ...]:
    if not isinstance(value, dict):
        return ()
    return tuple(feature for feature in ACCESS_FEATURES if value.get(feature) is has)


def _texts(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return ()
    return tuple(text for text in (_text(item) for item in value) if text)
