"""Helpers shared by the check modules."""
from __future__ import annotations

from typing import Protocol

from localoffer.model import Finding, Link, Severity


class Document(Protocol):
    """What the checks of text read: an offer, or a "You said, we did" item."""

    display_path: str
    text: str

    @property
    def readable_lines(self) -> list[tuple[int, str]]: ...

    @property
    def links(self) -> list[Link]: ...


def error(offer: Document, line: int, rule: str, message: str, key: str = "") -> Finding:
    return Finding(offer.display_path, line, rule, Severity.ERROR, message, key)


def warning(offer: Document, line: int, rule: str, message: str) -> Finding:
    return Finding(offer.display_path, line, rule, Severity.WARNING, message)
