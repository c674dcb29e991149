"""Safety: nothing in an offer (or a "You said, we did" item) may run code in a reader's
browser or identify a child."""
from __future__ import annotations

import html
import re
from bisect import bisect_right
from typing import Iterator

from localoffer.checks.base import Document, error, warning
from localoffer.checks.context import CheckContext
from localoffer.model import Finding
from localoffer.model.markdown import strip_code_spans

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
# Anything that looks like a start tag, even one CommonMark does not read as a tag (such as
# <img src=x onerror=alert('x')>, whose unquoted value holds quotes): its on...= attributes
# are reported too. After the name, the next character cannot continue the name, so a tag
# that never closes is tried once, not once per way of splitting it.
_TAG_LIKE = re.compile(r"<[A-Za-z][A-Za-z0-9-]*([^<>A-Za-z0-9-][^<>]*)?>")
_EVENT_HANDLER = re.compile(r"(?:^|\s)(on[a-z]+)\s*=", re.I)
_SCHEMES = ("javascript", "vbscript", "data")
_UNSAFE_ADDRESS = re.compile(r"=\s*[\"']?(" + "|".join(_SCHEMES) + r"):")
_UNSAFE_LINK = re.compile(
    r"(?:\]\(|\]:|<|=)\s*[\"']?\s*(" + "|".join(_SCHEMES) + r")\s*:", re.I)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")

# With every digit written as 0: ten digits in a row (or more), or three, three and four.
# Starting with a literal, this search is fast; only a file that matches is searched below.
_ZEROS = bytes.maketrans(b"123456789", b"000000000")
_NUMBER_SHAPE = re.compile(rb"000(?<!0000)(?:0000000|[ -]000[ -]0000)")
# The searches start at the digits; what comes before them is checked by look-behinds.
_UPN = re.compile(r"[0-9]{12}(?<=[A-Za-z][0-9]{12})(?<![A-Za-z0-9][A-Za-z][0-9]{12})(?![0-9])")
# A temporary UPN (a letter last: A12345678901B), or any UPN written with spaces (A123 4567
# 8901 2): a letter, eleven digits, then a digit or a letter, single spaces allowed between.
_UPN_SPACED = re.compile(r"(?<![A-Za-z0-9])[A-Za-z] ?(?:[0-9] ?){11}[0-9A-Za-z](?![A-Za-z0-9])")
_DIGITS = b"0123456789"
_NHS_NUMBER = re.compile(
    r"([0-9]{3})(?<![\w+./=#-][0-9]{3})(?<!\+44 [0-9]{3})([ -]?)([0-9]{3})\2([0-9]{4})(?![\w-])")


def check(offer: Document, context: CheckContext) -> Iterator[Finding]:
    body = _readable_body(offer)
    found: dict[tuple[int, str, str], Finding] = {}
    for finding in (*_html(offer, body), *_unsafe_links(offer, body), *_personal_data(offer)):
        found.setdefault((finding.line, finding.rule, finding.message), finding)
    return iter(found.values())


class _Lines:
    """Joins numbered lines into one text, and turns a position in it back into a file line."""

    def __init__(self, numbered: list[tuple[int, str]]) -> None:
        self.numbers = [number for number, _ in numbered]
        self.text = "\n".join(line for _, line in numbered)
        self.starts = [0] + [match.end() for match in re.finditer("\n", self.text)]

    def __call__(self, position: int) -> int:
        return self.numbers[bisect_right(self.starts, position) - 1]


def _readable_body(offer: Document) -> _Lines:
    """The body as the site reads it: without code blocks, code spans and comments, so HTML
    shown as code is not reported."""
    return _Lines([(number, strip_code_spans(line) if "`" in line else line)
                   for number, line in offer.readable_lines])


def _html(offer: Document, line_at: _Lines) -> Iterator[Finding]:
    body = line_at.text
    if "<" not in body:
        return
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
            yield _event_handler(offer, line, handler.group(1))
        address = _UNSAFE_ADDRESS.search(_INVISIBLE.sub("", html.unescape(attributes)).lower())
        if address:
            dangerous = True
            yield _unsafe_address(offer, line, address.group(1))
        if not dangerous:
            yield warning(offer, line, "safety/html",
                          f"The website shows HTML such as <{tag}> as plain text. Use Markdown "
                          "instead: **bold**, *italics*, - for lists, a blank line for a new "
                          "paragraph, and [words](address) for links.")
    for match in _TAG_LIKE.finditer(body):
        for handler in _EVENT_HANDLER.finditer(match.group(1) or ""):
            yield _event_handler(offer, line_at(match.start()), handler.group(1))


def _event_handler(offer: Document, line: int, attribute: str) -> Finding:
    return error(offer, line, "safety/raw-html",
                 f"Remove the {attribute.lower()}= attribute: it runs code in the reader's "
                 "browser, which offers may not do.")


def _unsafe_links(offer: Document, line_at: _Lines) -> Iterator[Finding]:
    for link in offer.links:
        url = _INVISIBLE.sub("", html.unescape(link.url)).lower()
        scheme = url.split(":", 1)[0] if ":" in url else ""
        if scheme in _SCHEMES:
            yield _unsafe_address(offer, link.line, scheme)
    # Links the Markdown scan does not take apart (spaces or entities in the address).
    body = line_at.text
    lower = body.lower()
    if ":" in body and ("&" in body or any(scheme in lower for scheme in _SCHEMES)):
        for match in _UNSAFE_LINK.finditer(body):
            yield _unsafe_address(offer, line_at(match.start()), match.group(1).lower())


def _unsafe_address(offer: Document, line: int, scheme: str) -> Finding:
    return error(offer, line, "safety/raw-html",
                 f"Remove this {scheme}: address: it can run code or hide content, so offers may "
                 "not use it. Link to a web page starting https:// instead.")


def _personal_data(offer: Document) -> Iterator[Finding]:
    # The whole file, comments and code included: everything in the repository is public.
    text = offer.text
    raw = text.encode("utf-8", "replace")
    spaced = len(raw) - len(raw.translate(None, _DIGITS)) >= 11
    if not spaced and not _NUMBER_SHAPE.search(raw.translate(_ZEROS)):
        return
    line_at = _Lines(list(enumerate(text.split("\n"), start=1)))
    upns = [match.start() - 1 for match in _UPN.finditer(text)]
    if spaced:
        upns += [match.start() for match in _UPN_SPACED.finditer(text)]
    for start in upns:
        yield error(offer, line_at(start), "safety/personal-data",
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
