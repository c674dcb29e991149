"""Finding the repository, its main branch and its remote, and asking what has changed.

Every Git call in localoffer goes through this package; nothing here knows what an offer is.
Failures become `GitProblem`, a `LocalOfferError` whose message a school office can act on.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import git
from git.exc import GitCommandError, InvalidGitRepositoryError, NoSuchPathError

from localoffer.errors import LocalOfferError

MAIN_NAMES = ("main", "master")


class GitProblem(LocalOfferError):
    """Git could not do what was asked; the message says what to do next."""


@dataclass(frozen=True)
class FileChange:
    """One changed file between two versions, as Git reports it.

    status: A added, M modified, D deleted, R renamed, T type changed (e.g. file to symlink).
    old_path is set for renames (and equals path otherwise). Modes are Git's: 100644 a file,
    100755 an executable, 120000 a symlink, 160000 a submodule, 000000 absent.
    """

    status: str
    path: str
    old_path: str
    old_mode: str = "000000"
    new_mode: str = "000000"
    new_blob: str = ""

    @property
    def is_symlink(self) -> bool:
        return self.new_mode == "120000"

    @property
    def is_submodule(self) -> bool:
        return self.new_mode == "160000" or self.old_mode == "160000"

    @property
    def paths(self) -> tuple[str, ...]:
        """Every path the change touches: both sides of a rename."""
        return (self.old_path, self.path) if self.old_path != self.path else (self.path,)


def open_repo(start: Path) -> git.Repo:
    """The Git repository holding `start` (a folder or file)."""
    try:
        repo = git.Repo(start, search_parent_directories=True)
    except (InvalidGitRepositoryError, NoSuchPathError):
        raise GitProblem("This folder is not a Git repository, so changes cannot be tracked "
                         "or sent for review. Run the command inside your copy of the Local "
                         "Offer (the folder you cloned), or ask your LA contact for help.",
                         str(start))
    if repo.bare:
        raise GitProblem("This is a bare repository (a shared copy with no files to edit). "
                         "Clone it first, then run the command in the clone.", str(start))
    return repo


def run(repo: git.Repo, *args: str, what: str) -> str:
    """Run one git command; on failure raise GitProblem saying what could not be done."""
    try:
        return repo.git.execute(["git", "-c", "core.quotepath=false", *args],
                                strip_newline_in_stdout=False)
    except GitCommandError as error:
        detail = (error.stderr or "").strip().replace("stderr: ", "").strip("'\n ")
        raise GitProblem(f"Git could not {what}." + (f" Git said: {detail}" if detail else ""))


def root_of(repo: git.Repo) -> Path:
    return Path(repo.working_tree_dir or ".").resolve()


def has_commits(repo: git.Repo) -> bool:
    try:
        repo.head.commit
    except ValueError:
        return False
    return True


def remote_name(repo: git.Repo) -> str | None:
    """The shared copy this clone sends changes to: 'origin', or the only remote there is."""
    names = [remote.name for remote in repo.remotes]
    if "origin" in names:
        return "origin"
    return names[0] if len(names) == 1 else None


def remote_url(repo: git.Repo) -> str | None:
    name = remote_name(repo)
    if name is None:
        return None
    urls = list(repo.remote(name).urls)
    return urls[0] if urls else None


def fetch(repo: git.Repo) -> str | None:
    """Fetch the remote. Return None on success, or why it could not be reached."""
    name = remote_name(repo)
    if name is None:
        return "there is no shared copy (remote) set up for this folder"
    try:
        repo.git.fetch(name, "--prune", "--quiet")
    except GitCommandError as error:
        return (error.stderr or "").strip().replace("stderr: ", "").strip("'\n ") or "fetch failed"
    return None


def main_branch(repo: git.Repo) -> str:
    """The name of the published branch: the remote's default, else 'main' or 'master'."""
    name = remote_name(repo)
    if name is not None:
        try:
            target = repo.git.symbolic_ref("--short", f"refs/remotes/{name}/HEAD")
            return target.split("/", 1)[1]
        except GitCommandError:
            pass
        remote_heads = {ref.remote_head for ref in repo.remote(name).refs}
        for candidate in MAIN_NAMES:
            if candidate in remote_heads:
                return candidate
    local = {head.name for head in repo.heads}
    for candidate in MAIN_NAMES:
        if candidate in local:
            return candidate
    raise GitProblem("This repository has no 'main' branch, so there is nothing to start "
                     "from. Ask your LA contact which branch holds the published offers.")


def main_ref(repo: git.Repo) -> str:
    """The latest known published version: the remote's main if there is one, else main."""
    branch = main_branch(repo)
    name = remote_name(repo)
    if name is not None and f"{name}/{branch}" in {ref.name for ref in repo.remote(name).refs}:
        return f"{name}/{branch}"
    return branch


def current_branch(repo: git.Repo) -> str | None:
    """The branch checked out, or None when no branch is (a 'detached HEAD')."""
    try:
        return repo.active_branch.name
    except TypeError:
        return None


def resolve(repo: git.Repo, rev: str) -> str:
    """The full commit id of a branch name, tag or commit id; a plain error when unknown."""
    try:
        return repo.git.rev_parse("--verify", "--quiet", f"{rev}^{{commit}}")
    except GitCommandError:
        raise GitProblem(f"There is no version called '{rev}' in this repository. Use a branch "
                         "name (such as main), a tag or a commit id from 'git log'.")


# What Git leaves in its folder while an operation waits for the user, and how to undo it.
_UNFINISHED = (("MERGE_HEAD", "a merge (from 'git merge' or 'git pull')", "git merge --abort"),
               ("rebase-merge", "a rebase", "git rebase --abort"),
               ("rebase-apply", "a rebase", "git rebase --abort"),
               ("CHERRY_PICK_HEAD", "a cherry-pick", "git cherry-pick --abort"),
               ("REVERT_HEAD", "a revert", "git revert --abort"))


def unfinished_operation(repo: git.Repo) -> tuple[str, str | None] | None:
    """The Git operation this copy is in the middle of, as (what it is, how to undo it), or
    None. Files with unresolved conflicts count too (a `git stash pop` can leave them)."""
    root = root_of(repo)
    for marker, what, undo in _UNFINISHED:
        path = run(repo, "rev-parse", "--git-path", marker, what="look for an unfinished merge")
        if (root / path.strip()).exists():
            return what, undo
    if run(repo, "ls-files", "--unmerged", what="look for unresolved conflicts").strip():
        return "resolving conflicts", None
    return None


def merge_base(repo: git.Repo, first: str, second: str) -> str | None:
    try:
        return repo.git.merge_base(first, second)
    except GitCommandError:
        return None


def uncommitted_paths(repo: git.Repo) -> list[str]:
    """Files with changes not yet committed: modified, staged, deleted or new (untracked).

    Ignored files are left out. Renames appear as both their old and new path.
    """
    output = run(repo, "status", "--porcelain=v1", "-z", "--untracked-files=all",
                 what="list the files you have changed")
    paths: list[str] = []
    entries = output.split("\0")
    index = 0
    while index < len(entries):
        entry = entries[index]
        index += 1
        if len(entry) < 4:
            continue
        status, path = entry[:2], entry[3:]
        paths.append(path)
        if "R" in status or "C" in status:
            paths.append(entries[index])  # the rename's source follows as its own entry
            index += 1
    return list(dict.fromkeys(paths))


def changed_files(repo: git.Repo, base: str, head: str, *,
                  three_dot: bool = True) -> list[FileChange]:
    """Files changed from `base` to `head`: with `three_dot`, only what `head` changed since
    the two diverged (what a pull request shows)."""
    spec = f"{base}...{head}" if three_dot else f"{base}..{head}"
    output = run(repo, "diff", "--raw", "-z", "-M", "--no-abbrev", "--no-ext-diff", spec,
                 what=f"compare '{base}' with '{head}'")
    return parse_raw_diff(output)


def parse_raw_diff(output: str) -> list[FileChange]:
    """Parse `git diff --raw -z` output."""
    changes: list[FileChange] = []
    fields = output.split("\0")
    index = 0
    while index < len(fields):
        meta = fields[index]
        index += 1
        if not meta.startswith(":"):
            continue
        old_mode, new_mode, _old_blob, new_blob, status = meta[1:].split(" ", 4)
        kind = status[0]
        if kind in "RC":
            old_path, path = fields[index], fields[index + 1]
            index += 2
        else:
            old_path = path = fields[index]
            index += 1
        changes.append(FileChange(kind, path, old_path, old_mode, new_mode, new_blob))
    return changes


def file_at(repo: git.Repo, rev: str, path: str) -> bytes | None:
    """The content of `path` in version `rev`, or None when it is not there."""
    try:
        blob = repo.commit(rev).tree / path
    except (KeyError, ValueError, git.BadName):
        return None
    if blob.type != "blob":
        return None
    return blob.data_stream.read()


def identity(repo: git.Repo) -> tuple[str, str]:
    """The user's name and email as Git will record them; a plain error when not set."""
    reader = repo.config_reader()
    name = reader.get_value("user", "name", default="")
    email = reader.get_value("user", "email", default="")
    if not name or not email:
        raise GitProblem("Git does not know your name and email yet, and every change must "
                         "say who made it. Run these two commands once (with your details), "
                         "then try again:\n"
                         '  git config --global user.name "Your Name"\n'
                         '  git config --global user.email "you@your-school.example"')
    return str(name), str(email)


def folders_at(repo: git.Repo, rev: str, folder: str) -> list[str]:
    """The names of the folders directly inside `folder` in version `rev`."""
    output = run(repo, "ls-tree", "-d", "-z", "--name-only", rev, "--", folder.rstrip("/") + "/",
                 what=f"list {folder} in {rev}")
    return [path.rsplit("/", 1)[-1] for path in output.split("\0") if path]
