"""Safety: nothing in an offer may run code in a reader's browser or identify a child."""
from __future__ import annotations

import html
import re
from bisect import bisect_right
from typing import Iterator

from localoffer.checks.base import error, warning
from localoffer.checks.runner import CheckContext
from localoffer.model import Finding, Offer
from localoffer.model.markdown import content_lines, strip_code_spans, strip_html_comments

RULES = {
    "safety/raw-html": "HTML that could run code or change the page: script, iframe, object, "
                       "embed, style, form and similar tags, on...= attributes, javascript:, "
                       "vbscript: or data: addresses.",
    "safety/html": "Other HTML, which the website shows as text: use Markdown (a warning).",
    "safety/personal-data": "Something that looks like a pupil's UPN or an NHS number.",
}

_DANGEROUS_TAGS = ("script", "iframe", "object", "embed", "style", "form", "input", "button",
                   "link", "meta", "base", "svg")
_DANGEROUS_TAG = re.compile(r"<\s*(" + "|".join(_DANGEROUS_TAGS) + r")(?![\w-])", re.I)
# An HTML start tag as CommonMark reads one: a name, then attributes, then > or />.
_START_TAG = re.compile(
    r"<([A-Za-z][A-Za-z0-9-]*)"
    r"((?:\s+[A-Za-z_:][\w:.-]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)\s*/?>")
_EVENT_HANDLER = re.compile(r"(?:^|\s)(on[a-z]+)\s*=", re.I)
_SCHEMES = ("javascript", "vbscript", "data")
_UNSAFE_ADDRESS = re.compile(r"=\s*[\"']?(" + "|".join(_SCHEMES) + r"):")
_UNSAFE_LINK = re.compile(
    r"(?:\]\(|\]:|<|=)\s*[\"']?\s*(" + "|".join(_SCHEMES) + r")\s*:", re.I)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")

_UPN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][0-9]{12}(?![0-9])")
_NHS_NUMBER = re.compile(
    r"(?<![\w+./=#-])(?<!\+44 )([0-9]{3})([ -]?)([0-9]{3})\2([0-9]{4})(?![\w-])")


def check(offer: Offer, context: CheckContext) -> Iterator[Finding]:
    body = _readable_body(offer)
    found: dict[tuple[int, str, str], Finding] = {}
    for finding in (*_html(offer, body), *_unsafe_links(offer, body), *_personal_data(offer)):
        found.setdefault((finding.line, finding.rule, finding.message), finding)
    return iter(found.values())


class _Lines:
    """Turns a position in a text into its file line, with one pass to find the line breaks."""

    def __init__(self, text: str, first_line: int) -> None:
        self.starts = [0] + [match.end() for match in re.finditer("\n", text)]
        self.first_line = first_line

    def __call__(self, position: int) -> int:
        return self.first_line + bisect_right(self.starts, position) - 1


def _readable_body(offer: Offer) -> str:
    """The body as the site reads it: code blocks, code spans and comments blanked out, so
    HTML shown as code is not reported. Line breaks are kept, so positions map to lines."""
    body = strip_html_comments("\n".join(offer.text.split("\n")[offer.body_start - 1:]))
    lines = body.split("\n")
    kept = [""] * len(lines)
    for number, line in content_lines(lines, offer.body_start):
        kept[number - offer.body_start] = strip_code_spans(line) if "`" in line else line
    return "\n".join(kept)


def _html(offer: Offer, body: str) -> Iterator[Finding]:
    if "<" not in body:
        return
    line_at = _Lines(body, offer.body_start)
    for match in _DANGEROUS_TAG.finditer(body):
        tag = match.group(1).lower()
        yield error(offer, line_at(match.start()), "safety/raw-html",
                    f"Remove the <{tag}> tag: offers cannot include {tag} HTML, because it could "
                    "run code or change the page. Write the content in Markdown, or link to it.")
    for match in _START_TAG.finditer(body):
        tag, attributes = match.group(1).lower(), match.group(2)
        line = line_at(match.start())
        dangerous = tag in _DANGEROUS_TAGS
        for handler in _EVENT_HANDLER.finditer(attributes):
            dangerous = True
            yield error(offer, line, "safety/raw-html",
                        f"Remove the {handler.group(1).lower()}= attribute: it runs code in the "
                        "reader's browser, which offers may not do.")
        address = _UNSAFE_ADDRESS.search(_INVISIBLE.sub("", html.unescape(attributes)).lower())
        if address:
            dangerous = True
            yield _unsafe_address(offer, line, address.group(1))
        if not dangerous:
            yield warning(offer, line, "safety/html",
                          f"The website shows HTML such as <{tag}> as plain text. Use Markdown "
                          "instead: **bold**, *italics*, - for lists, a blank line for a new "
                          "paragraph, and [words](address) for links.")


def _unsafe_links(offer: Offer, body: str) -> Iterator[Finding]:
    for link in offer.links:
        url = _INVISIBLE.sub("", html.unescape(link.url)).lower()
        scheme = url.split(":", 1)[0] if ":" in url else ""
        if scheme in _SCHEMES:
            yield _unsafe_address(offer, link.line, scheme)
    # Links the Markdown scan does not take apart (spaces or entities in the address).
    if ":" in body:
        line_at = _Lines(body, offer.body_start)
        for match in _UNSAFE_LINK.finditer(body):
            yield _unsafe_address(offer, line_at(match.start()), match.group(1).lower())


def _unsafe_address(offer: Offer, line: int, scheme: str) -> Finding:
    return error(offer, line, "safety/raw-html",
                 f"Remove this {scheme}: address: it can run code or hide content, so offers may "
                 "not use it. Link to a web page starting https:// instead.")


def _personal_data(offer: Offer) -> Iterator[Finding]:
    # The whole file, comments and code included: everything in the repository is public.
    text = offer.text
    if not any(digit in text for digit in "0123456789"):
        return
    line_at = _Lines(text, 1)
    for match in _UPN.finditer(text):
        yield error(offer, line_at(match.start()), "safety/personal-data",
                    "This line has something that looks like a pupil's unique pupil number "
                    "(UPN). Remove it: offers are public and must never identify a child.")
    for match in _NHS_NUMBER.finditer(text):
        digits = match.group(1) + match.group(3) + match.group(4)
        if is_nhs_number(digits):
            yield error(offer, line_at(match.start()), "safety/personal-data",
                        "This line has a number that looks like an NHS number. Remove it: "
                        "offers are public and must never identify a child. If it is a phone "
                        "number, write it the usual way, for example 0161 496 0000.")


def is_nhs_number(digits: str) -> bool:
    """The NHS number's modulus 11 check: weights 10 to 2 on the first nine digits."""
    if len(digits) != 10 or not digits.isascii() or not digits.isdigit():
        return False
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1)))
    check_digit = 11 - total % 11
    if check_digit == 11:
        check_digit = 0
    return check_digit != 10 and check_digit == int(digits[9])
