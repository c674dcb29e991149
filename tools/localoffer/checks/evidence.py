"""Evidence: does an answer say what the law item needs, where a check can tell?

A heading answered is not always the item answered: a contacts answer naming only the SENCO
does not give the SEND information, advice and support service; a line about trips is not the
accessibility plan. For the items below, the answer must show the evidence; `missing` says
what is missing, in words a SENCO can act on. Other items count as covered when answered.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from localoffer.borough import Borough
from localoffer.checks.local_offer_address import is_local_offer_link, local_offer_addresses
from localoffer.model import Offer

_EMAIL = re.compile(r"[^\s@<>()\[\]]+@[^\s@<>()\[\]]+\.[A-Za-z]{2,}")
_PHONE = re.compile(r"(?<![\d])(?:\+44\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\d])")
_LINK = re.compile(r"\]\(|https?://|www\.", re.I)
_SENCO = re.compile(r"\bSEN(?:D)?C[Oo]\b|\bSEN(?:D)? co-?ordinator\b|special educational needs "
                    r"(?:and disabilit(?:y|ies) )?co-?ordinator|\binclusion (?:lead|manager|"
                    r"co-?ordinator)\b|\bSEND lead\b", re.I)
_TITLED_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.? [A-Z][\w'’-]+")
_FULL_NAME = re.compile(r"\b[A-Z][a-z'’-]+ (?:[A-Z]\. )?[A-Z][a-z'’-]+")
# Capitalised pairs that are not a person: "Local Offer", "Head Teacher", "Oakfield Primary".
_NOT_A_NAME = frozenset(
    "local offer head teacher deputy headteacher school primary secondary academy nursery "
    "college council borough service services support team parent parents the our your you "
    "we if for and of to in on at by with who what when how please contact email phone "
    "telephone monday tuesday wednesday thursday friday special educational needs "
    "information advice education health care plan church england".split())
_SENDIASS = re.compile(r"\bSENDIASS?\b|\bIASS?\b|\bSENDIAS\b|information,? advice and support|"
                       r"parent partnership", re.I)
_COMPLAINT = re.compile(r"\bcomplain", re.I)
_ROUTE = re.compile(r"\b(?:speak|talk|write|contact|tell|email|phone|call|ring|meet|ask)\b|"
                    r"\bhead ?teacher\b|\bprincipal\b|\bgovernors?\b|\bgoverning body\b|"
                    r"\bSENC[Oo]\b|\bSENDC[Oo]\b|complaints? (?:policy|procedure)", re.I)
_ADMISSION = re.compile(r"\badmi(?:t|ts|ssions?|tted|tting)\b|\bappl(?:y|ies|ications?)\b|"
                        r"\bgiven a place\b|\bplaces? (?:at|are|is)\b|\bnames? (?:the|our) "
                        r"school\b", re.I)
_LESS_FAVOURABLE = re.compile(
    r"less (?:favourabl|well)|discriminat|Equality Act|reasonable (?:adjustments?|changes?)|"
    r"\btreat(?:s|ed)?\b[^.]{0,60}\b(?:fairly|equally|the same)|same (?:chances?|opportunit)|"
    r"equal (?:access|opportunit)|never (?:refuse|turn\w* (?:anyone|a child|children) down)|"
    r"same (?:as|way as) (?:any|every)", re.I)
_FACILITIES = re.compile(
    r"\bramps?\b|\blifts?\b|accessible (?:toilet|entrance|parking|building|changing|classroom)|"
    r"disabled (?:toilet|parking|access|changing)|wheelchair|hearing loop|level access|"
    r"step-free|\bhoists?\b|handrails?|changing (?:room|place|facilit)|evacuation chair|"
    r"wide doors|hygiene suite", re.I)
_ACCESSIBILITY_PLAN = re.compile(r"accessibility plan|access plan|accessibility strategy", re.I)


@dataclass(frozen=True)
class Evidence:
    missing: str
    found: Callable[[str, Offer, Borough], bool]


def _has_contact(text: str) -> bool:
    return bool(_EMAIL.search(text) or _PHONE.search(text) or _LINK.search(text))


def _paragraphs(text: str) -> list[str]:
    """Paragraphs and list items: the unit in which a service and its contact go together."""
    parts = re.split(r"\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)", text)
    return [part for part in parts if part.strip()]


def _names_person(text: str) -> bool:
    if _TITLED_NAME.search(text):
        return True
    return any(not set(match.group(0).lower().replace(".", " ").split()) & _NOT_A_NAME
               for match in _FULL_NAME.finditer(text))


def _senco(text: str, offer: Offer, _borough: Borough) -> bool:
    senco = offer.get("senco")
    if isinstance(senco, dict) and _filled(senco.get("name")) and (
            _filled(senco.get("email")) or _filled(senco.get("phone"))):
        return True  # the page shows the front-matter's SENCO with the report
    # The name and the contact may be on lines of their own: "SENCO: Gemma Shaw", then
    # "Telephone 01924 326708". Look at each mention with the two paragraphs after it.
    parts = _paragraphs(text)
    for index, part in enumerate(parts):
        if _SENCO.search(part):
            near = "\n".join(parts[index:index + 3])
            if _names_person(near) and (_EMAIL.search(near) or _PHONE.search(near)):
                return True
    return False


def _filled(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _sendiass(text: str, offer: Offer, borough: Borough) -> bool:
    home = borough.sendiass_url.strip().rstrip("/").lower()
    if home and any(link.url.strip().lower().rstrip("/").startswith(home)
                    for link in offer.links):
        return True
    return any(_SENDIASS.search(part) and _has_contact(part) for part in _paragraphs(text))


def _local_offer(text: str, offer: Offer, borough: Borough) -> bool:
    addresses = local_offer_addresses(borough)
    if addresses:
        return any(is_local_offer_link(link.url, addresses) for link in offer.links)
    return "local offer" in text.lower()


def _complaints(text: str, _offer: Offer, _borough: Borough) -> bool:
    return any(_COMPLAINT.search(part) and (_ROUTE.search(part) or _has_contact(part))
               for part in _paragraphs(text))


def _matches(pattern: re.Pattern[str]) -> Callable[[str, Offer, Borough], bool]:
    return lambda text, _offer, _borough: bool(pattern.search(text))


EVIDENCE: dict[str, Evidence] = {
    "sch1-4": Evidence("the SENCO's name and an email address or phone number", _senco),
    "sch1-9": Evidence("how to complain: who to speak or write to, or a link to the complaints "
                       "policy", _complaints),
    "sch1-11": Evidence("a contact (a link, phone number or email) for the SEND information, "
                        "advice and support service (SENDIASS)", _sendiass),
    "sch1-13": Evidence("a link to the Local Offer", _local_offer),
    "s69-admission": Evidence("how disabled children are admitted (your admission "
                              "arrangements)", _matches(_ADMISSION)),
    "s69-less-favourable": Evidence("the steps you take so that disabled pupils are not treated "
                                    "less favourably than others", _matches(_LESS_FAVOURABLE)),
    "s69-facilities": Evidence("the facilities that help disabled pupils get into and around "
                               "the building (ramps, lifts, accessible toilets and the like)",
                               _matches(_FACILITIES)),
    "s69-accessibility-plan": Evidence("your accessibility plan (say what it covers and where "
                                       "to read it)", _matches(_ACCESSIBILITY_PLAN)),
}


def missing_evidence(item_id: str, text: str, offer: Offer, borough: Borough) -> str | None:
    """What the answer `text` lacks for this item, or None when it is there (or not checkable)."""
    evidence = EVIDENCE.get(item_id)
    if evidence is None or evidence.found(text, offer, borough):
        return None
    return evidence.missing
