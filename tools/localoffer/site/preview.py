"""A preview of the offers a pull request changes: `localoffer build --changed-since REF`.

A reviewer (or CI) wants to see the pages a change makes, with their checks, without paying
for the whole borough: the offers changed between REF and HEAD (what the pull request shows,
`git diff REF...HEAD`) are built on their own, with the lists, booklets and search holding
only them. The command chooses them here and hands them to the plugin in an environment
variable, as it hands over --today and --config.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from localoffer.borough import Borough
from localoffer.errors import LocalOfferError
from localoffer.git.repo import changed_files, open_repo, resolve, root_of

PREVIEW_VARIABLE = "LOCALOFFER_PREVIEW_OFFERS"


@dataclass(frozen=True)
class ChangedOffers:
    base: str
    built: tuple[str, ...]  # the changed offers that are still there, by folder name
    removed: tuple[str, ...]  # those the change deletes (or renames away)


def changed_offers(borough: Borough, base: str) -> ChangedOffers:
    """The offers whose folder (offer, translations, images) changed since `base`."""
    repo = open_repo(borough.offers_dir)
    resolve(repo, base)  # a plain message for a name Git does not know
    try:
        offers = borough.offers_dir.resolve().relative_to(root_of(repo)).parts
    except ValueError:
        raise LocalOfferError("The offers folder is not inside this Git repository, so the "
                              "changed offers cannot be found.", str(borough.offers_dir)) from None
    slugs = set()
    for change in changed_files(repo, base, "HEAD"):
        for path in change.paths:
            parts = PurePosixPath(path).parts
            if len(parts) > len(offers) + 1 and parts[:len(offers)] == offers:
                slugs.add(parts[len(offers)])
    built = tuple(sorted(slug for slug in slugs
                         if (borough.offers_dir / slug / "offer.md").is_file()))
    return ChangedOffers(base, built, tuple(sorted(slugs - set(built))))


def ask_for_preview(changed: ChangedOffers) -> None:
    os.environ[PREVIEW_VARIABLE] = json.dumps(list(changed.built))


def no_preview() -> None:
    os.environ.pop(PREVIEW_VARIABLE, None)


def previewed_offers() -> frozenset[str] | None:
    """The offers to build, when the build is a preview (None: every offer)."""
    value = os.environ.get(PREVIEW_VARIABLE)
    if value is None:
        return None
    try:
        names = json.loads(value)
    except ValueError:
        names = None
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise LocalOfferError(f"{PREVIEW_VARIABLE} must be a JSON list of offer folder names.")
    return frozenset(names)


def only_previewed(paths: list[Path], names: frozenset[str] | None) -> list[Path]:
    return paths if names is None else [path for path in paths if path.parent.name in names]


def preview_summary(changed: ChangedOffers, total: int) -> str:
    """What the preview holds, in plain words, for the command's output."""
    if changed.built:
        listed = ", ".join(changed.built)
        held = (f"This preview holds only the {len(changed.built)} offer(s) changed since "
                f"{changed.base}: {listed}. Their pages, with their checks, and the lists, "
                f"booklets, search and offers.json of those offers alone; the other "
                f"{total - len(changed.built)} offer(s) are left out.")
    else:
        held = (f"No offer changed since {changed.base}: this preview holds the site's own "
                "pages and no setting pages.")
    if changed.removed:
        held += f" Removed by the change: {', '.join(changed.removed)}."
    return held
