"""Find offer files: `offers/<slug>/offer.md`, one folder per setting."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from localoffer.errors import LocalOfferError
from localoffer.model.offer import OFFER_FILE

if TYPE_CHECKING:
    from localoffer.borough import Borough


def find_offer_files(paths: Iterable[Path]) -> list[Path]:
    """Offer files named directly, and every offers/<slug>/offer.md inside folders named."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.rglob(OFFER_FILE)))
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            raise LocalOfferError("There is no such file or folder. Check the spelling, or run "
                                  "the command from the top folder of your Local Offer.",
                                  str(path))
    return list(dict.fromkeys(found))


def known_slugs(borough: Borough) -> frozenset[str]:
    folder = borough.offers_dir
    if not folder.is_dir():
        return frozenset()
    return frozenset(path.parent.name for path in folder.glob(f"*/{OFFER_FILE}"))
