"""Starting or resuming the branch on which one setting's offer is changed.

Branches are named `offer/<slug>/<YYYY-MM-DD>` (the date the work started), so a reviewer
sees at a glance which setting a pull request is for. Switching branches never discards or
stashes uncommitted work: when Git would have to overwrite it, we stop and say what to do.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import git
from git.exc import GitCommandError

from localoffer.git.repo import (
    GitProblem,
    current_branch,
    fetch,
    has_commits,
    main_ref,
    remote_name,
    run,
    uncommitted_paths,
)

BRANCH_PREFIX = "offer"
OFFERS_FOLDER = "offers"


@dataclass
class BranchStart:
    """What `start_offer_branch` did, for the command to tell the user."""

    branch: str
    base: str
    created: bool = False
    resumed: bool = False
    already_on: bool = False
    fetch_problem: str | None = None
    carried: list[str] = field(default_factory=list)  # uncommitted files that came along


def branch_name(slug: str, started: date) -> str:
    return f"{BRANCH_PREFIX}/{slug}/{started.isoformat()}"


def slug_of_branch(branch: str | None) -> str | None:
    """The setting a branch is for, when it is named `offer/<slug>/<date>`."""
    if not branch:
        return None
    parts = branch.split("/")
    if len(parts) == 3 and parts[0] == BRANCH_PREFIX and parts[1]:
        return parts[1]
    return None


def start_offer_branch(repo: git.Repo, slug: str, today: date, new: bool = False) -> BranchStart:
    """Switch to the branch for changing `slug`'s offer, starting it from the latest main.

    Resumes the newest `offer/<slug>/...` branch that has work not yet in main, unless `new`.
    Fetches the remote first when there is one; works without a remote too.
    """
    if not has_commits(repo):
        raise GitProblem("This repository has no history yet, so there is no published "
                         "version to start from. Ask your LA contact for a copy of the Local "
                         "Offer repository.")
    fetch_problem = fetch(repo) if remote_name(repo) is not None else None
    base = main_ref(repo)
    current = current_branch(repo)
    prefix = f"{BRANCH_PREFIX}/{slug}/"
    if current and current.startswith(prefix) and not new:
        return BranchStart(current, base, resumed=True, already_on=True,
                           fetch_problem=fetch_problem, carried=uncommitted_paths(repo))
    _refuse_to_strand_other_offer(repo, current, slug)
    if current is None:
        _refuse_to_strand_detached_commits(repo, branch_name(slug, today))
    if not new:
        for name in sorted((h.name for h in repo.heads if h.name.startswith(prefix)), reverse=True):
            if _has_own_work(repo, name, base):
                _switch(repo, name, name)
                return BranchStart(name, base, resumed=True, fetch_problem=fetch_problem,
                                   carried=uncommitted_paths(repo))
    name = _unused_name(repo, branch_name(slug, today), base)
    _switch(repo, base, name, create=True)
    return BranchStart(name, base, created=True, fetch_problem=fetch_problem,
                       carried=uncommitted_paths(repo))


def _has_own_work(repo: git.Repo, branch: str, base: str) -> bool:
    """True when `branch` has commits that `base` does not (work not yet accepted)."""
    try:
        repo.git.merge_base("--is-ancestor", branch, base)
    except GitCommandError:
        return True
    return False


def _unused_name(repo: git.Repo, wanted: str, base: str) -> str:
    """`wanted`, or `wanted-2`, `-3`... when a branch of that name already holds other work."""
    existing = {head.name for head in repo.heads}
    name, number = wanted, 1
    while name in existing and _has_own_work(repo, name, base):
        number += 1
        name = f"{wanted}-{number}"
    return name


def _refuse_to_strand_other_offer(repo: git.Repo, current: str | None, slug: str) -> None:
    """Uncommitted changes to another setting's offer belong on that setting's branch."""
    other = slug_of_branch(current)
    if other is None or other == slug:
        return
    folder = f"{OFFERS_FOLDER}/{other}/"
    pending = [path for path in uncommitted_paths(repo) if path.startswith(folder)]
    if pending:
        raise GitProblem(
            f"You have changes to {other}'s offer that are not submitted yet "
            f"({', '.join(pending[:5])}{', ...' if len(pending) > 5 else ''}). They belong on "
            f"the branch {current}. Submit them first with 'localoffer submit', then run this "
            "command again. Nothing has been changed.")


def _refuse_to_strand_detached_commits(repo: git.Repo, suggested: str) -> None:
    """Commits made with no branch checked out ('detached HEAD') are on no branch: moving
    away would leave them where only Git experts can find them."""
    stray = run(repo, "rev-list", "HEAD", "--not", "--branches", "--remotes", "--tags",
                what="look for commits that are on no branch").split()
    if not stray:
        return
    count = f"{len(stray)} commit{'s' if len(stray) != 1 else ''}"
    raise GitProblem(
        f"You are not on a branch (Git calls this a 'detached HEAD'), and you have {count} "
        "here that no branch holds: moving to another branch would leave them behind. Nothing "
        "has been changed. To keep them, put them on a branch of their own first:\n"
        f"  git switch -c {suggested}\n"
        "then run this command again. If you do not want them, ask your LA contact before "
        "going further.")


def _switch(repo: git.Repo, start: str, name: str, create: bool = False) -> None:
    """Check out `name` (creating it at `start`), refusing if uncommitted work is in the way."""
    in_the_way = _would_overwrite(repo, start)
    if in_the_way:
        listed = "\n".join(f"  {path}" for path in in_the_way[:20])
        raise GitProblem(
            "You have changes that are not committed yet in files that are different on "
            f"the branch you are moving to, so moving would overwrite them:\n{listed}\n"
            "Nothing has been changed. Either submit those changes first with "
            "'localoffer submit', or, if you want to keep them aside, make a copy of those "
            "files outside this folder, then undo them (in VS Code: Source Control, 'Discard "
            "Changes' on each file) and run this command again.")
    if create:
        # --no-track: the new branch must not push to main by accident.
        run(repo, "switch", "--quiet", "--no-track", "-C", name, start,
            what=f"start the branch {name}")
    else:
        run(repo, "switch", "--quiet", name, what=f"switch to the branch {name}")


def _would_overwrite(repo: git.Repo, target: str) -> list[str]:
    pending = set(uncommitted_paths(repo))
    if not pending:
        return []
    differing = run(repo, "diff", "--name-only", "-z", "--no-renames", "HEAD", target,
                    what=f"compare your branch with {target}").split("\0")
    return sorted(pending.intersection(path for path in differing if path))

