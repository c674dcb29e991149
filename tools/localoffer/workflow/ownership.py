"""Who may change what: a school changes only its own offer; shared files need an LA reviewer.

The rules, decided here and applied to each changed path (both sides of a rename):
- `offers/<slug>/...` belongs to that setting: its maintainers (as listed in the offer before
  the change) and the LA reviewers may change it.
- Everything else is shared (localoffer.yml, mkdocs.yml, docs/, .github/, tools/, CODEOWNERS,
  offers/README.md, ...): only LA reviewers.
- A new setting's folder needs an LA reviewer: nobody maintains it yet, and the LA confirms the
  setting is real and who will look after its offer.
- Removing a setting's offer (offer.md), or changing who maintains it, needs an LA reviewer.
- For everyone, reviewers included: no path may leave its folder (`..`, absolute paths, `.git`);
  no symbolic link and no submodule in a setting's folder (a link's target is never worked
  out: where it leads depends on other links, so any link is refused); a setting's folder
  gains only regular files of the allowed kinds (model/offer_folder.py: offer.md, directly in
  the folder, and pictures), so no nested offer.md; folder names in offers/ are lower-case
  words joined by hyphens, and none may differ from an existing one only by capital letters
  or look-alike characters (on Windows and macOS those are the same folder).

Authors and maintainers are matched as written: `@user` or `@org/team`. An author id matches a
maintainer entry equal to it (ignoring the leading @ and capital letters, as Git hosts do),
or a team whose members are listed under `teams:` in localoffer.yml.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable

from localoffer.borough import Borough
from localoffer.errors import ConfigError
from localoffer.git.repo import FileChange
from localoffer.model.offer_folder import folder_file_problem

OFFERS = "offers"
OFFER_FILE = "offer.md"
REGULAR_FILE_MODES = ("100644", "100755")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Refusal:
    path: str
    message: str


@dataclass
class OwnershipRules:
    maintainers: dict[str, list[str]]  # slug -> maintainers, as they were before the change
    reviewers: tuple[str, ...]
    teams: dict[str, list[str]] = field(default_factory=dict)

    def matches(self, author: str, entry: str) -> bool:
        who, listed = _person(author), _person(entry)
        if not who or not listed:
            return False
        if who == listed:
            return True
        members = self.teams.get(listed, [])
        return who in members

    def is_reviewer(self, author: str) -> bool:
        return any(self.matches(author, entry) for entry in self.reviewers)

    def maintains(self, author: str, slug: str) -> bool:
        return any(self.matches(author, entry) for entry in self.maintainers.get(slug, []))


def _person(text: str) -> str:
    return text.strip().removeprefix("@").casefold()


def read_teams(borough: Borough) -> dict[str, list[str]]:
    """`teams:` in localoffer.yml: team -> members, each normalised for matching."""
    raw = borough.settings.get("teams") or {}
    where = str(borough.config_path) if borough.config_path else "localoffer.yml"
    if not isinstance(raw, dict):
        raise ConfigError("'teams' must list each team with its members, for example:\n"
                          "teams:\n  \"@calderbrook/oakfield-primary\": [\"@amira-khan\"]", where)
    teams = {}
    for team, members in raw.items():
        if not isinstance(members, list) or not all(isinstance(m, str) for m in members):
            raise ConfigError(f"The members of team '{team}' must be a list of user names, "
                              "such as [\"@amira-khan\", \"@office-oakfield\"].", where)
        teams[_person(str(team))] = [_person(member) for member in members]
    return teams


def folder_key(name: str) -> str:
    """How a folder name compares on a case-insensitive disk, ignoring look-alike forms."""
    return unicodedata.normalize("NFKC", name).casefold()


def check_changes(changes: Iterable[FileChange], rules: OwnershipRules, author: str,
                  maintainers_changed: Iterable[str] = ()) -> list[Refusal]:
    """One refusal per path the author may not change (an empty list: all allowed)."""
    changed_maintainers = set(maintainers_changed)
    reviewer = rules.is_reviewer(author)
    refusals: dict[str, Refusal] = {}
    for change in changes:
        for path in change.paths:
            if path in refusals:
                continue
            message = _judge(path, change, rules, author, reviewer, changed_maintainers)
            if message:
                refusals[path] = Refusal(path, message)
    return list(refusals.values())


def _judge(path: str, change: FileChange, rules: OwnershipRules, author: str, reviewer: bool,
           changed_maintainers: set[str]) -> str | None:
    unsafe = _unsafe_path(path)
    if unsafe:
        return unsafe
    parts = path.split("/")
    left_here = path == change.path and change.status != "D"
    if left_here and folder_key(parts[0]) == OFFERS:
        link = _link_in_offers(change)
        if link:
            return link
    reviewers = ", ".join(rules.reviewers) or "the LA reviewers"
    if parts[0] != OFFERS or len(parts) < 3:
        if reviewer:
            return None
        hint = (" (the folder of offers is 'offers', all in lower case)"
                if folder_key(parts[0]) == OFFERS and parts[0] != OFFERS else "")
        return (f"This is a shared file{hint}: it affects the whole Local Offer, not one "
                f"setting. Only an LA reviewer ({reviewers}) can change it. Take this file out "
                "of your change, and ask your LA contact if it needs changing.")
    slug = parts[1]
    if not SLUG.match(slug):
        return (f"'{slug}' is not a valid folder name for a setting: use lower-case letters, "
                "numbers and hyphens only, such as oakfield-primary-school.")
    look_alike = [known for known in rules.maintainers
                  if known != slug and folder_key(known) == folder_key(slug)]
    if look_alike:
        return (f"The folder '{slug}' differs from the existing setting '{look_alike[0]}' only "
                "by capital letters or look-alike characters. On many computers they would be "
                f"the same folder. Use offers/{look_alike[0]}/ if that is your setting.")
    if left_here:
        odd = _not_an_offer_file(change, "/".join(parts[2:]))
        if odd:
            return odd
    if reviewer:
        return None
    if slug not in rules.maintainers:
        return (f"'{slug}' is a new setting. A new setting's offer is added by an LA reviewer "
                f"({reviewers}), who checks the setting and records who maintains it. Ask your "
                "LA contact to add it; after that you can change it yourself.")
    if not rules.maintains(author, slug):
        owners = ", ".join(rules.maintainers[slug]) or "nobody yet (the LA reviewers)"
        return (f"This file belongs to the offer of '{slug}', which is maintained by {owners}. "
                f"You ({author}) can only change offers you maintain. Take this file out of "
                "your change, or ask that setting (or your LA contact) to make it.")
    is_offer_file = parts[2:] == [OFFER_FILE]
    removed = change.status == "D" or (change.status == "R" and path == change.old_path)
    if is_offer_file and removed:
        return ("This removes the setting's offer from the Local Offer. Only an LA reviewer "
                f"({reviewers}) can do that; ask your LA contact.")
    if is_offer_file and slug in changed_maintainers:
        return ("This change alters who maintains the offer (the 'maintainers' list). Only an LA "
                f"reviewer ({reviewers}) can change that; ask your LA contact.")
    return None


def _unsafe_path(path: str) -> str | None:
    parts = path.split("/")
    if path.startswith("/") or "\\" in path or ".." in parts or any(
            part.casefold() == ".git" for part in parts) or "" in parts or "." in parts:
        return ("This path points outside its folder (it uses '..', '.git', a backslash or "
                "starts at the root). Every file must stay inside the folder it belongs to.")
    return None


def _link_in_offers(change: FileChange) -> str | None:
    if change.is_submodule:
        return "A submodule (a link to another repository) cannot be part of an offer."
    if change.is_symlink:
        return ("This is a symbolic link (a shortcut to another file or folder). The offers "
                "folder may hold only real files, so links are refused, wherever they point: "
                "put the file itself in the setting's folder instead.")
    return None


def _not_an_offer_file(change: FileChange, inside: str) -> str | None:
    """Why the file a change leaves at `offers/<slug>/<inside>` has no place there."""
    if change.new_mode not in REGULAR_FILE_MODES:
        return "This is not a regular file, so it cannot be part of an offer."
    return folder_file_problem(inside)
