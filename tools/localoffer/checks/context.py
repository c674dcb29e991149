"""What every check is given besides the file: the borough, today's date and the offers'
names. A module of its own so that checks run by the runner can import it without a cycle."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from localoffer.borough import Borough


@dataclass
class CheckContext:
    borough: Borough
    today: date
    # Slugs of every offer in the borough, for checking links between offers.
    offer_slugs: frozenset[str] = frozenset()
