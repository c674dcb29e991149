"""The record of who proposed and who approved each published change: the one reader of the
published branch's history. The site's "Changes to this page", `localoffer history`,
`localoffer diff` and `localoffer report --as-of` all ask it; docs/about/approvals.md gives
the rule in plain words.

The rule:
- A change is one commit on the published branch's own line (its first parents): a merge (a
  reviewed pull request, with the commits it brought in) or a commit made on the branch
  directly (including a squash merge). Its files are what it changed in the published
  version, and its date is when it reached the branch.
- Proposed by: the authors of the commits of the change (for a merge, those it brought in that
  touched the folder asked about), newest first. A `Proposed-by:` line in a commit (written by
  `localoffer submit --proposed-by`, when an office sends a change for a SENCO) names who
  proposed that commit instead of its author.
- Approved by: the people named in `Approved-by:` or `Reviewed-by:` lines of the merge or of
  the commits it brought in; without such a line, the person who made the merge (on GitHub,
  whoever pressed "Merge"). A direct commit without such a line has no recorded approval.
- Email addresses are part of the record (`Person.email`), for officers working in the
  repository; the public site shows names only (`Change.public`).

The whole log is read with one `git log` call (merges compared with their first parent), so
a site build costs one Git call however many offers and commits there are.
"""
from __future__ import annotations

import logging
import re
import subprocess
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path

from localoffer.git.repo import FileChange, GitProblem

log = logging.getLogger(__name__)

APPROVAL_TRAILERS = ("approved-by", "reviewed-by")
PROPOSAL_TRAILERS = ("proposed-by",)

# Each commit starts with this token; fields and file names are separated by NUL bytes, which
# neither a commit message nor a file name can hold, so no message can forge a record.
_START = "localoffer-commit"
_FORMAT = "%x00".join(("", _START, "%H", "%P", "%an", "%ae", "%cI", "%s", "%b",
                       "%(trailers:only,unfold)", ""))
_FIELDS = 8
_STATUS = re.compile(r"^[ACDMRTUXB][0-9]*$")
_TRAILER = re.compile(r"^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$")
_NAME_AND_EMAIL = re.compile(r"^(.*?)\s*<([^<>]*)>\s*$")
_PULL_REQUEST = (
    re.compile(r"^Merge pull request #(\d+) from "),      # GitHub merge
    re.compile(r"\(#(\d+)\)\s*$"),                          # GitHub squash / rebase
    re.compile(r"^Merged PR (\d+):"),                       # Azure DevOps
)
_GITLAB_MR = re.compile(r"^See merge request \S+!(\d+)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Person:
    name: str
    email: str = ""

    @classmethod
    def from_text(cls, text: str) -> Person:
        """'Rita Reviewer <rita@la.example>', or a name alone."""
        match = _NAME_AND_EMAIL.match(text.strip())
        if match and match.group(1):
            return cls(match.group(1).strip(), match.group(2).strip())
        return cls(text.strip())

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>" if self.email else self.name


@dataclass(frozen=True)
class Commit:
    sha: str
    parents: tuple[str, ...]
    author: Person
    committed: datetime
    subject: str
    body: str
    trailers: tuple[tuple[str, str], ...]
    files: tuple[FileChange, ...] = ()  # a merge's: against its first parent

    @property
    def is_merge(self) -> bool:
        return len(self.parents) > 1

    def trailer(self, *keys: str) -> list[str]:
        wanted = {key.lower() for key in keys}
        return [value for key, value in self.trailers if key.lower() in wanted and value]

    def touches(self, prefixes: tuple[str, ...]) -> bool:
        return any(self._touches(prefix) for prefix in prefixes)

    def _touches(self, prefix: str) -> bool:
        folder, slash, below = prefix.partition("/")
        if slash and not below:  # a folder at the top, such as an offer's: one look-up
            return folder in self._top_folders
        return any(path.startswith(prefix) for change in self.files for path in change.paths)

    @cached_property
    def _top_folders(self) -> frozenset[str]:
        """The folders at the top whose files the commit changed. Asked once per offer of a
        commit that changed them all (a borough's first import), scanning its files each time
        would cost the number of offers squared."""
        return frozenset(path.split("/", 1)[0] for change in self.files
                         for path in change.paths if "/" in path)

    @property
    def proposers(self) -> list[Person]:
        named = self.trailer(*PROPOSAL_TRAILERS)
        return [Person.from_text(value) for value in named] if named else [self.author]


@dataclass(frozen=True)
class PublicChange:
    """What the public site shows of a change: names only, never email addresses."""

    date: date
    summary: str
    proposed_by: tuple[str, ...]
    approved_by: tuple[str, ...]
    commit: str


@dataclass
class Change:
    """One change on the published branch: a merge or a direct commit."""

    commit: Commit
    brought_in: list[Commit] = field(default_factory=list)  # a merge's commits, newest first

    @property
    def sha(self) -> str:
        return self.commit.sha

    @property
    def previous(self) -> str | None:
        """The published version just before this change (its first parent)."""
        return self.commit.parents[0] if self.commit.parents else None

    @property
    def date(self) -> datetime:
        """When the change reached the published branch."""
        return self.commit.committed

    @property
    def files(self) -> tuple[FileChange, ...]:
        """What it changed in the published version."""
        return self.commit.files

    @property
    def is_merge(self) -> bool:
        return self.commit.is_merge

    def touches(self, prefixes: tuple[str, ...]) -> bool:
        return self.commit.touches(prefixes)

    @property
    def pull_request(self) -> int | None:
        for pattern in _PULL_REQUEST:
            match = pattern.search(self.commit.subject)
            if match:
                return int(match.group(1))
        match = _GITLAB_MR.search(self.commit.body)
        return int(match.group(1)) if match else None

    def proposed_by(self, prefixes: tuple[str, ...] = ()) -> tuple[Person, ...]:
        """Who proposed it (see the module's rule), newest first."""
        commits = self.brought_in or [self.commit]
        relevant = [commit for commit in commits if not prefixes or commit.touches(prefixes)]
        return _unique(person for commit in relevant or commits for person in commit.proposers)

    @property
    def approved_by(self) -> tuple[Person, ...]:
        """Who approved it (see the module's rule); () when no approval is recorded."""
        named = [value for commit in (self.commit, *self.brought_in)
                 for value in commit.trailer(*APPROVAL_TRAILERS)]
        if named:
            return _unique(Person.from_text(value) for value in named)
        return (self.commit.author,) if self.is_merge else ()

    @property
    def merged_by(self) -> Person | None:
        """Who made the merge (on GitHub, whoever pressed "Merge"); None for a direct commit."""
        return self.commit.author if self.is_merge else None

    @property
    def approved_by_merging(self) -> bool:
        """True when the approval is the merge itself (no Approved-by: or Reviewed-by: line)."""
        return self.is_merge and not any(
            commit.trailer(*APPROVAL_TRAILERS) for commit in (self.commit, *self.brought_in))

    def summary(self, prefixes: tuple[str, ...] = ()) -> str:
        """One line: the pull request's title, the merge's own subject when someone wrote one,
        else the subject of the newest commit it brought in that touched `prefixes`."""
        subject = self.commit.subject
        if not self.is_merge:
            return _PULL_REQUEST[1].sub("", subject).strip() or subject
        title = _first_line(self.commit.body)
        from_host = _PULL_REQUEST[0].search(subject) or _GITLAB_MR.search(self.commit.body)
        if title and from_host:
            return title
        azure = _PULL_REQUEST[2].match(subject)
        if azure:
            return subject[azure.end():].strip() or subject
        if not subject.startswith("Merge "):
            return subject
        relevant = [c for c in self.brought_in if not prefixes or c.touches(prefixes)]
        for commit in relevant or self.brought_in:
            return commit.subject
        return title or subject

    def public(self, prefixes: tuple[str, ...] = ()) -> PublicChange:
        return PublicChange(self.date.date(), self.summary(prefixes),
                            tuple(person.name for person in self.proposed_by(prefixes)),
                            tuple(dict.fromkeys(person.name for person in self.approved_by)),
                            self.sha)


@dataclass
class Record:
    """The published branch's changes, newest first."""

    changes: list[Change]

    def touching(self, prefix: str) -> list[Change]:
        return [change for change in self.changes if change.touches((prefix,))]

    def public_changes_by_folder(self) -> dict[str, list[PublicChange]]:
        """For a history read inside the offers folder: each setting's changes as the site
        shows them, newest first (changes of one day in the branch's order)."""
        found: dict[str, list[PublicChange]] = {}
        for change in self.changes:
            folders = sorted({path.split("/", 1)[0] for item in change.files
                              for path in item.paths if "/" in path})
            for folder in folders:
                found.setdefault(folder, []).append(change.public((f"{folder}/",)))
        return {folder: sorted(items, key=lambda item: item.date, reverse=True)
                for folder, items in found.items()}


def run_git(args: list[str], cwd: Path) -> str:
    """Run one git command and return its output; GitProblem when it cannot run.

    Every call of this module goes through here (the tests count them).
    """
    try:
        result = subprocess.run(["git", "-c", "core.quotepath=false", *args], cwd=cwd,
                                capture_output=True, text=True, encoding="utf-8",
                                errors="replace", check=False)
    except OSError as error:
        raise GitProblem(f"Git could not run ({error.strerror}). Install Git, or run the "
                         "command where Git is installed.")
    if result.returncode != 0:
        detail = result.stderr.strip()
        raise GitProblem("Git could not read the history." +
                         (f" Git said: {detail}" if detail else ""), str(cwd))
    return result.stdout


def read_history(folder: Path, rev: str = "HEAD") -> Record:
    """The published branch's changes at `rev`, with file paths relative to `folder` (only
    files inside it are listed). One `git log` call."""
    output = run_git(["log", "-z", "--no-color", "--relative", "--diff-merges=first-parent",
                      "--name-status", "-M", f"--format={_FORMAT}", rev, "--"], folder)
    return history_from_commits(parse_log(output))


def read_history_or_none(folder: Path) -> Record | None:
    """The record read in `folder` (the site's offers folder); None without Git, outside a
    repository, or before the first commit (the site then shows no changes)."""
    if not folder.is_dir():
        return None
    try:
        return read_history(folder)
    except GitProblem as problem:
        log.debug("No published history: %s", problem)
        return None


def public_changes(offers_dir: Path) -> dict[str, list[PublicChange]]:
    """Each setting's changes as the public site shows them, by folder name; {} when there is
    no history to read."""
    record = read_history_or_none(offers_dir)
    return record.public_changes_by_folder() if record else {}


def history_from_commits(commits: dict[str, Commit]) -> Record:
    """Group the commits: the first-parent line from the first listed (git log lists the
    version asked for first), each merge with the commits it brought in (a commit brought in
    twice belongs to the older merge)."""
    if not commits:
        return Record([])
    chain: list[Commit] = []
    current: Commit | None = next(iter(commits.values()))
    on_chain: set[str] = set()
    while current is not None and current.sha not in on_chain:
        on_chain.add(current.sha)
        chain.append(current)
        current = commits.get(current.parents[0]) if current.parents else None
    claimed = set(on_chain)
    changes = []
    for commit in reversed(chain):  # oldest first
        found = []
        waiting = list(commit.parents[1:])
        while waiting:
            sha = waiting.pop(0)
            if sha in claimed or sha not in commits:
                continue
            claimed.add(sha)
            found.append(commits[sha])
            waiting.extend(commits[sha].parents)
        changes.append(Change(commit, sorted(found, key=lambda c: c.committed, reverse=True)))
    return Record(changes[::-1])


def parse_log(output: str) -> dict[str, Commit]:
    """The commits of `git log -z` in _FORMAT with --name-status, in the order listed."""
    tokens = output.split("\0")
    commits: dict[str, Commit] = {}
    at = 0
    while at < len(tokens):
        if tokens[at].strip("\n") != _START:
            at += 1
            continue
        fields = tokens[at + 1:at + 1 + _FIELDS]
        at += 1 + _FIELDS
        if len(fields) < _FIELDS:
            break
        files: list[FileChange] = []
        while at < len(tokens):
            token = tokens[at].strip("\n")
            if token == _START:
                break
            at += 1
            if not _STATUS.match(token):
                continue
            if token[0] in "RC" and at + 1 < len(tokens):
                files.append(FileChange(token[0], tokens[at + 1], tokens[at]))
                at += 2
            elif at < len(tokens):
                files.append(FileChange(token[0], tokens[at], tokens[at]))
                at += 1
        commit = _commit(fields, files)
        if commit is not None:
            commits[commit.sha] = commit
    return commits


def _commit(fields: list[str], files: list[FileChange]) -> Commit | None:
    sha, parents, name, email, committed, subject, body, trailers = fields
    try:
        when = datetime.fromisoformat(committed)
    except ValueError:
        log.debug("A commit with an unreadable date was left out: %s", sha)
        return None
    return Commit(sha, tuple(parents.split()), Person(name.strip(), email.strip()), when,
                  subject.strip(), body.strip(), _trailers(trailers), tuple(files))


def _trailers(text: str) -> tuple[tuple[str, str], ...]:
    found = []
    for line in text.splitlines():
        match = _TRAILER.match(line.strip())
        if match:
            found.append((match.group(1), match.group(2).strip()))
    return tuple(found)


def _first_line(body: str) -> str:
    """The first line of a message body, leaving out its closing block of trailers."""
    paragraphs = [p for p in re.split(r"\n\s*\n", body.strip()) if p.strip()]
    if paragraphs and all(_TRAILER.match(line.strip()) for line in paragraphs[-1].splitlines()):
        paragraphs.pop()
    for paragraph in paragraphs:
        for line in paragraph.splitlines():
            if line.strip():
                return line.strip()
    return ""


def _unique(people) -> tuple[Person, ...]:  # type: ignore[no-untyped-def]
    return tuple(dict.fromkeys(person for person in people if person.name))
