"""Reading the history of the published branch: who proposed each change, who approved it.

The published branch's own line of history (its "first parents") is the public record: each
entry is either a merge (a reviewed pull request) or a commit made on it directly (including
squash merges). `read_changes` reads the whole log in at most two `git log` calls, however
many commits and offers there are, so the site build and `localoffer history` stay fast.

Who approved a change comes from, in order: `Approved-by:` / `Reviewed-by:` trailers; the
person who made the merge commit (on GitHub, whoever pressed "Merge"). The pull request's
number comes from the host's merge message ("Merge pull request #12 from ...", GitLab's
"See merge request group/repo!12", Azure's "Merged PR 12: ...") or a squash subject "(#12)".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

import git

from localoffer.git.repo import FileChange, run

APPROVAL_TRAILERS = ("approved-by", "reviewed-by")
PROPOSAL_TRAILERS = ("proposed-by",)

_RECORD, _FIELD = "\x1e", "\x1f"
_FORMAT = _RECORD + _FIELD.join(
    ["%H", "%P", "%an", "%ae", "%aI", "%cn", "%ce", "%cI", "%s", "%b",
     "%(trailers:only,unfold)"]) + _FIELD
_TRAILER = re.compile(r"^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$")
_PULL_REQUEST = (
    re.compile(r"^Merge pull request #(\d+) from "),      # GitHub merge
    re.compile(r"\(#(\d+)\)\s*$"),                          # GitHub squash / rebase
    re.compile(r"^Merged PR (\d+):"),                       # Azure DevOps
)
_GITLAB_MR = re.compile(r"^See merge request \S+!(\d+)\s*$", re.M)


@dataclass(frozen=True)
class Commit:
    sha: str
    parents: tuple[str, ...]
    author_name: str
    author_email: str
    authored: datetime
    committer_name: str
    committer_email: str
    committed: datetime
    subject: str
    body: str
    trailers: tuple[tuple[str, str], ...]
    files: tuple[FileChange, ...] = ()

    @property
    def is_merge(self) -> bool:
        return len(self.parents) > 1

    @property
    def author(self) -> str:
        return f"{self.author_name} <{self.author_email}>"

    def trailer(self, *keys: str) -> list[str]:
        wanted = {key.lower() for key in keys}
        return [value for key, value in self.trailers if key.lower() in wanted and value]

    def touches(self, prefixes: tuple[str, ...]) -> bool:
        return any(path.startswith(prefixes) for change in self.files for path in change.paths)


@dataclass
class Change:
    """One entry in the published branch's history: a merge or a direct commit."""

    commit: Commit
    files: list[FileChange] = field(default_factory=list)  # against the previous published version
    # What a merge brought in, newest first.
    branch_commits: list[Commit] = field(default_factory=list)

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
    def is_merge(self) -> bool:
        return self.commit.is_merge

    @property
    def pull_request(self) -> int | None:
        message = self.commit.subject
        for pattern in _PULL_REQUEST:
            match = pattern.search(message)
            if match:
                return int(match.group(1))
        match = _GITLAB_MR.search(self.commit.body)
        return int(match.group(1)) if match else None

    @property
    def proposed_by(self) -> list[str]:
        """`Proposed-by:` trailers, else the authors of the commits, newest first."""
        commits = self.branch_commits or [self.commit]
        named = [value for commit in commits for value in commit.trailer(*PROPOSAL_TRAILERS)]
        if not named:
            named = [commit.author for commit in commits]
        return list(dict.fromkeys(named))

    @property
    def approved_by(self) -> list[str]:
        """Approvals recorded as trailers on the change (or, for a merge, on its commits)."""
        commits = [self.commit, *self.branch_commits]
        return list(dict.fromkeys(value for commit in commits
                                  for value in commit.trailer(*APPROVAL_TRAILERS)))

    @property
    def merged_by(self) -> str | None:
        """Who merged it into the published branch (for merges only)."""
        return self.commit.author if self.is_merge else None

    def summary(self, prefixes: tuple[str, ...] = ()) -> str:
        """A one-line summary: the pull request's title, the merge's own subject when someone
        wrote one, else the subject of the newest commit it brought in that touched `prefixes`."""
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
        relevant = [c for c in self.branch_commits if not prefixes or c.touches(prefixes)]
        for commit in relevant or self.branch_commits:
            return commit.subject
        return title or subject

    def touches(self, prefixes: tuple[str, ...]) -> bool:
        return any(path.startswith(prefixes) for change in self.files for path in change.paths)


def read_changes(repo: git.Repo, rev: str = "HEAD", paths: tuple[str, ...] = ()) -> list[Change]:
    """The published branch's history at `rev` that touched `paths` (all when empty),
    newest first, with the commits each merge brought in."""
    pathspec = ["--", *paths] if paths else []
    mainline = _parse(run(repo, "log", "--first-parent", "-m", "--name-status", "-M",
                          f"--format={_FORMAT}", rev, *pathspec,
                          what="read the history"), with_status=True)
    changes = [Change(commit, list(commit.files)) for commit in mainline]
    if any(change.is_merge for change in changes):
        _attach_branch_commits(repo, rev, changes)
    return changes


def _attach_branch_commits(repo: git.Repo, rev: str, changes: list[Change]) -> None:
    every = {commit.sha: commit for commit in _parse(
        run(repo, "log", "--name-only", "--no-renames", f"--format={_FORMAT}", rev,
            what="read the history"), with_status=False)}
    mainline: set[str] = set()
    sha: str | None = repo.commit(rev).hexsha
    while sha is not None and sha in every and sha not in mainline:
        mainline.add(sha)
        parents = every[sha].parents
        sha = parents[0] if parents else None
    claimed: set[str] = set()
    # Oldest merge first, so a commit brought in twice belongs to the first merge.
    for change in sorted((c for c in changes if c.is_merge), key=lambda c: c.date):
        found: list[Commit] = []
        queue = list(change.commit.parents[1:])
        while queue:
            current = queue.pop(0)
            if current in mainline or current in claimed or current not in every:
                continue
            claimed.add(current)
            found.append(every[current])
            queue.extend(every[current].parents)
        change.branch_commits = sorted(found, key=lambda c: c.committed, reverse=True)


def _parse(output: str, with_status: bool) -> list[Commit]:
    commits = []
    for record in output.split(_RECORD)[1:]:
        fields = record.split(_FIELD)
        (sha, parents, author_name, author_email, authored, committer_name, committer_email,
         committed, subject, body, trailers, rest) = fields[:12]
        commits.append(Commit(
            sha=sha, parents=tuple(parents.split()), author_name=author_name,
            author_email=author_email, authored=datetime.fromisoformat(authored),
            committer_name=committer_name, committer_email=committer_email,
            committed=datetime.fromisoformat(committed), subject=subject,
            body=body.strip(), trailers=_trailers(trailers),
            files=tuple(_files(rest, with_status))))
    return commits


def _trailers(text: str) -> tuple[tuple[str, str], ...]:
    found = []
    for line in text.splitlines():
        match = _TRAILER.match(line.strip())
        if match:
            found.append((match.group(1), match.group(2).strip()))
    return tuple(found)


def _files(text: str, with_status: bool) -> list[FileChange]:
    files = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if not with_status:
            files.append(FileChange("M", line, line))
            continue
        parts = line.split("\t")
        status = parts[0][:1]
        if status in "RC" and len(parts) == 3:
            files.append(FileChange(status, parts[2], parts[1]))
        elif len(parts) == 2:
            files.append(FileChange(status, parts[1], parts[1]))
    return files


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
