"""Helpers shared by the check modules."""
from __future__ import annotations

from localoffer.model import Finding, Offer, Severity


def error(offer: Offer, line: int, rule: str, message: str) -> Finding:
    return Finding(offer.display_path, line, rule, Severity.ERROR, message)


def warning(offer: Offer, line: int, rule: str, message: str) -> Finding:
    return Finding(offer.display_path, line, rule, Severity.WARNING, message)
