"""'Changes to this page': every offer's history, read from Git once per build.

One `git log` over the whole repository (names limited to offers/ with --relative) gives every
commit, its parents and the offer files it touched; the changes of all offers come from that
one output, so a build costs one Git call however many offers and commits there are. A change
that arrived through a merge (a pull request) is shown once, dated when it was merged, with
the people who wrote it and the person who merged it. Without Git, or outside a repository,
there are simply no changes to show.
"""
from __future__ import annotations

import logging
import re
import subprocess
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

log = logging.getLogger(__name__)

APPROVAL_TRAILERS = ("Reviewed-by", "Approved-by")
_RECORD, _FIELD, _LIST = "\x1e", "\x1f", "\x1d"
_FORMAT = _RECORD + _FIELD.join((
    "%H", "%P", "%cs", "%an", "%s",
    "%(trailers:key=Reviewed-by,key=Approved-by,valueonly,separator=%x1d)", "%b",
)) + _FIELD
_EMAIL = re.compile(r"\s*<[^>]*>\s*$")


@dataclass(frozen=True)
class Change:
    """One published change to one offer."""

    date: date
    summary: str
    proposed_by: tuple[str, ...]
    approved_by: tuple[str, ...]
    commit: str


@dataclass
class _Commit:
    sha: str
    parents: list[str]
    day: date
    author: str
    subject: str
    approvers: list[str]
    body: str
    slugs: set[str] = field(default_factory=set)


def run_git(args: list[str], cwd: Path) -> str | None:
    """Run one git command; its output, or None when Git is missing or the folder is no repo.

    Every Git call of the site build goes through here (the tests count them).
    """
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                                encoding="utf-8", errors="replace", check=False)
    except OSError as error:
        log.debug("Git could not run: %s", error)
        return None
    if result.returncode != 0:
        log.debug("git %s failed: %s", args[0], result.stderr.strip())
        return None
    return result.stdout


def read_changes(offers_dir: Path) -> dict[str, list[Change]]:
    """Every offer's changes, newest first, by slug. {} when there is no Git history."""
    if not offers_dir.is_dir():
        return {}
    output = run_git(["log", "--no-color", "--relative", "--name-only", "-z",
                      f"--format={_FORMAT}", "HEAD"], offers_dir)
    if not output:
        return {}
    return changes_from_commits(parse_log(output))


def parse_log(output: str) -> dict[str, _Commit]:
    commits: dict[str, _Commit] = {}
    for record in output.split(_RECORD)[1:]:
        parts = record.split(_FIELD)
        if len(parts) < 8:
            continue
        sha, parents, day, author, subject, trailers, body, names = parts[:8]
        try:
            when = datetime.strptime(day, "%Y-%m-%d").date()
        except ValueError:
            continue
        slugs = {name.split("/", 1)[0] for name in names.split("\0")
                 if name.strip("\n") and "/" in name.strip("\n")}
        commits[sha] = _Commit(
            sha, parents.split(), when, author.strip(), subject.strip(),
            [_EMAIL.sub("", value).strip() for value in trailers.split(_LIST) if value.strip()],
            body, {slug.strip("\n") for slug in slugs})
    return commits


def changes_from_commits(commits: dict[str, _Commit]) -> dict[str, list[Change]]:
    """Group commits into changes: one per merged pull request, or one per direct commit."""
    changes: dict[str, list[Change]] = defaultdict(list)
    claimed: set[str] = set()
    for commit in reversed(_first_parent_chain(commits)):
        claimed.add(commit.sha)
        merged = _merged_commits(commit, commits, claimed)
        if not merged:
            for slug in commit.slugs:
                changes[slug].append(Change(commit.day, commit.subject, (commit.author,),
                                            _unique(commit.approvers), commit.sha))
            continue
        summary = _merge_summary(commit, merged)
        for slug in sorted({slug for item in merged for slug in item.slugs}):
            touching = [item for item in merged if slug in item.slugs]
            approvers = [name for item in touching for name in item.approvers]
            approvers += commit.approvers or [commit.author]
            changes[slug].append(Change(commit.day, summary,
                                        _unique(item.author for item in reversed(touching)),
                                        _unique(approvers), commit.sha))
    # Newest first; changes of the same day keep the branch's order (reversed).
    return {slug: sorted(reversed(items), key=lambda change: change.date, reverse=True)
            for slug, items in changes.items()}


def _first_parent_chain(commits: dict[str, _Commit]) -> list[_Commit]:
    """The commits of the published branch itself, newest first (git log lists HEAD first)."""
    if not commits:
        return []
    chain = []
    current: _Commit | None = next(iter(commits.values()))
    seen: set[str] = set()
    while current is not None and current.sha not in seen:
        seen.add(current.sha)
        chain.append(current)
        current = commits.get(current.parents[0]) if current.parents else None
    return chain


def _merged_commits(merge: _Commit, commits: dict[str, _Commit], claimed: set[str]) -> list[_Commit]:
    """Commits a merge brought in: reachable from its other parents, not yet on the branch."""
    found = []
    stack = list(merge.parents[1:])
    while stack:
        sha = stack.pop()
        if sha in claimed or sha not in commits:
            continue
        claimed.add(sha)
        found.append(commits[sha])
        stack.extend(commits[sha].parents)
    return sorted(found, key=lambda item: item.day)


def _merge_summary(merge: _Commit, merged: list[_Commit]) -> str:
    if not merge.subject.lower().startswith("merge"):
        return merge.subject
    for line in merge.body.splitlines():  # a pull request's title follows its merge subject
        if line.strip() and not _is_trailer(line):
            return line.strip()
    return merged[-1].subject if merged else merge.subject


def _is_trailer(line: str) -> bool:
    return any(line.startswith(f"{name}:") for name in (*APPROVAL_TRAILERS, "Signed-off-by",
                                                         "Co-authored-by"))


def _unique(names) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    return tuple(dict.fromkeys(name for name in names if name))
