"""Find offer files: `offers/<slug>/offer.md`, one folder per setting."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from localoffer.errors import LocalOfferError
from localoffer.model.files import is_safe_slug, offer_files_in

if TYPE_CHECKING:
    from localoffer.borough import Borough


def find_offer_files(paths: Iterable[Path]) -> list[Path]:
    """Offer files named directly, and every offer.md inside folders named (ordinary files
    only: links and what is inside linked folders are reported by files.unsafe_entries)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(offer_files_in(path))
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
    return frozenset(path.parent.name for path in offer_files_in(folder)
                     if path.parent.parent == folder and is_safe_slug(path.parent.name))
