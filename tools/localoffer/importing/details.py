"""The details a report states about the setting, for the offer's front-matter.

Only what the report says is taken; anything it does not say stays the template's placeholder.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

_MONTHS = ("january february march april may june july august september october november "
           "december").split()
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december)"
_REVIEWED = re.compile(
    r"(?:reviewed|updated|review(?:ed)? date|last review(?:ed)?|date of review|revised)"
    r"\W{0,3}(?:(?:in|on)\s+)?(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?" + _MONTH + r",?\s+(\d{4})",
    re.I)
_REPORT_DATED = re.compile(r"information report\s*[-–:]?\s*" + _MONTH + r"\s+(\d{4})", re.I)
_POSTCODE = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})\b")
_PHONE = re.compile(r"(?<![\d+])((?:\+44\s?|0)(?:\d[ \t]?){9,10})(?!\d)")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_URN = re.compile(r"\b(?:URN|unique reference number)\W{0,3}(\d{6})\b", re.I)
_ADDRESS = re.compile(r"^\W*address\s*[:\-–]\s*(.+)$", re.I | re.M)
_SENCO_WORD = r"(?:SEN(?:D)?CO|SENDCo|SENCo|SEN(?:D)? ?Co-?ordinator|INCO|Inclusion Manager|" \
              r"special educational needs(?: and disabilit(?:y|ies))? co-?ordinator)"
_PERSON = r"((?:Mrs|Mr|Miss|Ms|Mx|Dr)\.?\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]+){0,2}|" \
          r"[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+(?:-[A-Z][a-z]+)?)"
_SENCO_NAME = [
    re.compile(_SENCO_WORD + r"[^.\n]{0,40}?(?:\bis\b|:|–|-)\s*" + _PERSON),
    re.compile(_PERSON + r"\s+is\s+(?:our|the)\s+(?:school\s+|nursery\s+|setting\s+)?" + _SENCO_WORD),
    re.compile(_SENCO_WORD + r"(?:/\w+)?\s*\(" + _PERSON + r"\)"),
    re.compile(_SENCO_WORD + r"\W{0,3}\n+[ \t]*" + _PERSON),
    re.compile(r"(?:contact|email|speak to|talk to)\s+" + _PERSON + r"\s+(?:at|on|via)\s+[\w.+-]+@"),
]
_NOT_NAMES = {"Special Educational", "Local Authority", "Local Offer", "Education Health"}
_SETTING_NAME = re.compile(
    r"\b((?:[A-Z][\w'’.-]*[ \t]+|(?:of|and|the|upon|on|in|de)[ \t]+){1,6}?"
    r"(?:School|Nursery School|Nursery|Academy|College|Pre-School|Preschool|Day Nursery))\b")
_NOT_IN_NAME = {"SEND", "SEN", "Information", "Report", "Special", "Educational", "Needs",
                "The", "Our", "This", "Each", "Every", "All", "A", "At", "Welcome", "Local",
                "Offer", "Disabilities", "Disability", "And", "Support", "For", "Children",
                "With", "Provision", "In", "Of", "Headteacher", "Head", "Teacher", "Our"}


@dataclass
class Details:
    name: str = ""
    address: str = ""
    postcode: str = ""
    phone: str = ""
    urn: str = ""
    senco_name: str = ""
    senco_email: str = ""
    senco_phone: str = ""
    last_reviewed: date | None = None
    reviewed_said: str = ""


def find_details(text: str, title: str | None = None) -> Details:
    """What the report states about the setting. `text` is the report's plain text."""
    found = Details()
    for pattern in _SENCO_NAME:
        for match in pattern.finditer(text):
            name = match.group(1).strip().rstrip(".")
            if name not in _NOT_NAMES:
                found.senco_name = name
                break
        if found.senco_name:
            break
    previous = ""
    for sentence in re.split(r"(?<=[.!?)])\s+(?=[A-Z])|\n\s*\n|\n(?=#)", text):
        # The SENCO's own sentence, or the one after it ("Please contact her at ...", or the
        # number after "SENDCo contact details:").
        senco_here = any(re.search(_SENCO_WORD, part, re.I) or (
            found.senco_name and found.senco_name in part) for part in (sentence, previous))
        previous = sentence
        for email in _EMAIL.findall(sentence):
            if senco_here and not found.senco_email:
                found.senco_email = email
        for phone in _PHONE.findall(sentence):
            phone = " ".join(phone.split())
            if senco_here and not found.senco_phone:
                found.senco_phone = phone
            elif not senco_here and not found.phone:
                found.phone = phone
    postcode = _POSTCODE.search(text)
    found.postcode = postcode.group(1) if postcode else ""
    urn = _URN.search(text)
    found.urn = urn.group(1) if urn else ""
    address = _ADDRESS.search(text)
    if address:
        found.address = address.group(1).strip()
    elif found.postcode:
        # "12 Oak Lane, Hollins CK4 2QT": a street number and the words up to the postcode.
        street = re.search(r"(?<![\w-])(\d{1,4}[A-Za-z]?\s+[A-Z][^\n.:;()]{2,80}?)[,\s]+"
                           + re.escape(found.postcode), text)
        found.address = street.group(1).strip(" ,") if street else ""
    reviewed = _REVIEWED.search(text) or _REPORT_DATED.search(text)
    if reviewed:
        groups = reviewed.groups()
        day = int(groups[0]) if len(groups) == 3 and groups[0] else 1
        month = _MONTHS.index(groups[-2].lower()) + 1
        try:
            found.last_reviewed = date(int(groups[-1]), month, day)
            found.reviewed_said = " ".join(reviewed.group(0).split())
        except ValueError:
            pass
    names: Counter[str] = Counter()
    opening = "\n".join(filter(None, [title, text[:400]]))
    for match in _SETTING_NAME.finditer("\n".join(filter(None, [title, text]))):
        words = match.group(1).split()
        while words[:-1] and (words[0] in _NOT_IN_NAME or words[0][0].islower()):
            words = words[1:]
        if len(words) >= 2 and (words[0] != "The" or len(words) >= 3):
            names[" ".join(words)] += 1
    # A name near the top, or said more than once: not a school the report only mentions.
    named = [name for name, count in names.most_common() if count > 1 or name in opening]
    if named:
        found.name = f"The {named[0]}" if f"The {named[0]}" in text else named[0]
    return found
