"""Committing only the files asked for, and pushing a branch to the shared copy."""
from __future__ import annotations

import git

from localoffer.git.repo import GitProblem, identity, remote_name, run


def commit_paths(repo: git.Repo, paths: list[str], message: str) -> str | None:
    """Commit the changes under `paths` (files or folders) and nothing else; return the new
    commit id, or None when those paths had nothing to commit.

    Changes the user has staged elsewhere stay staged and uncommitted (`git commit --only`).
    """
    identity(repo)
    run(repo, "add", "--all", "--", *paths, what="get your changes ready to commit")
    staged = run(repo, "diff", "--cached", "--name-only", "-z", "--", *paths,
                 what="list the changes to commit").strip("\0")
    if not staged:
        return None
    run(repo, "commit", "--quiet", "--only", "--message", message, "--", *paths,
        what="commit your changes (if a check ran before the commit, its message is above)")
    return repo.head.commit.hexsha


def push_branch(repo: git.Repo, branch: str) -> str:
    """Push `branch` to the remote under the same name and remember it as the upstream.

    Return the remote's name. Raise GitProblem, in plain words, when it cannot be done.
    """
    name = remote_name(repo)
    if name is None:
        raise GitProblem("There is no shared copy (remote) set up for this folder, so the "
                         "change could not be sent.")
    try:
        run(repo, "push", "--quiet", "--set-upstream", name, f"{branch}:refs/heads/{branch}",
            what=f"send the branch {branch} to the shared copy ({name})")
    except GitProblem as problem:
        raise GitProblem(
            f"{problem.message}\nYour change is saved on this computer, on the branch "
            f"{branch}; nothing is lost. Check your internet connection and that you are "
            "signed in to your Git host, then run 'localoffer submit' again. If Git says the "
            "branch has changes you do not have, someone else has added to it: ask your LA "
            "contact before going further.")
    return name


def commits_ahead(repo: git.Repo, base: str, head: str = "HEAD") -> int:
    """How many commits `head` has that `base` does not."""
    return int(run(repo, "rev-list", "--count", f"{base}..{head}", what="count your commits"))


def is_pushed(repo: git.Repo, branch: str) -> bool:
    """True when the remote already has this branch exactly as it is here."""
    name = remote_name(repo)
    if name is None:
        return False
    ref = f"{name}/{branch}"
    if ref not in {r.name for r in repo.remote(name).refs}:
        return False
    return repo.commit(ref).hexsha == repo.commit(branch).hexsha
