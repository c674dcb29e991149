"""'You said, we did' items not done yet, longest waiting first: what the LA still owes the
families who told it something (SEND Regulations 2014, regulation 56)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from localoffer.borough import Borough
from localoffer.model.discover import find_offer_files
from localoffer.model.feedback import STATUSES, WHOLE_LOCAL_OFFER, load_feedback
from localoffer.model.offer import load_offer


@dataclass(frozen=True)
class WaitingItem:
    path: str
    title: str
    about: str  # the setting's name, or "the Local Offer as a whole"
    theme: str  # as a reader sees it
    status: str  # as a reader sees it
    received: date
    days: int  # since it was received


def waiting_items(borough: Borough, today: date) -> list[WaitingItem] | None:
    """Items open or in progress, longest waiting first; None when the borough keeps no
    feedback/ folder. Items that cannot be read are left out: `localoffer check` names them."""
    if not borough.feedback_dir.is_dir():
        return None
    names: dict[str, str] | None = None
    waiting = []
    for item in load_feedback(borough):
        days = item.days_waiting(today) if item.readable and item.status else None
        if days is None or item.received is None:
            continue
        if item.about_a_setting and names is None:
            names = _setting_names(borough)
        about = ("the Local Offer as a whole" if item.about in ("", WHOLE_LOCAL_OFFER)
                 else (names or {}).get(item.about, item.about))
        waiting.append(WaitingItem(item.display_path, item.title, about,
                                   borough.feedback_themes.get(item.theme, item.theme),
                                   STATUSES[item.status], item.received, days))
    return sorted(waiting, key=lambda entry: (-entry.days, entry.path))


def _setting_names(borough: Borough) -> dict[str, str]:
    paths = find_offer_files([borough.offers_dir]) if borough.offers_dir.is_dir() else []
    return {offer.slug: offer.name for offer in (load_offer(path, borough) for path in paths)}
