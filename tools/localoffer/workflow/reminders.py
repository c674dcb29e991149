"""Weekly review reminders: one issue per setting whose review is overdue or due soon.

Each issue's title is stable ("Review the offer of <name>") and its body carries a hidden
marker with the setting's folder name, so each weekly run updates the same issue rather than
opening another; once the review is done, the next run closes it. Issues are assigned to the
setting's maintainers: people (@user) directly, teams through the `teams:` list in
localoffer.yml (a Git host cannot assign an issue to a team); teams with no members listed are
mentioned in the issue instead, which notifies them.

`plan` decides what to do and is pure; `GitHubIssues` is the only code that talks to GitHub
(its REST API, with the workflow's GITHUB_TOKEN) and is never run by the tests.
"""
from __future__ import annotations

import json
import re
import urllib.request
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from localoffer.review import ReviewState, long_date
from localoffer.workflow.due import DueSetting

LABEL = "offer-review"
_MARKER = "<!-- localoffer-review: {slug} -->"
_MARKER_PATTERN = re.compile(r"<!-- localoffer-review: ([a-z0-9-]+) -->")


@dataclass
class Reminder:
    slug: str
    title: str
    body: str
    assignees: list[str]
    mentions: list[str] = field(default_factory=list)


@dataclass
class Action:
    kind: str  # open, update, close, open-or-update (dry run: existing issues not looked up)
    reminder: Reminder | None = None
    number: int | None = None
    slug: str | None = None


def reminder(setting: DueSetting, today: date, teams: dict[str, list[str]]) -> Reminder:
    assignees: list[str] = []
    mentions: list[str] = []
    for entry in setting.maintainers:
        person = entry.strip().removeprefix("@")
        if "/" in person:  # a team
            members = teams.get(person.casefold(), [])
            assignees += members
            if not members:
                mentions.append(entry)
        elif person:
            assignees.append(person)
    assignees = list(dict.fromkeys(assignees))
    if setting.state is ReviewState.OVERDUE:
        opening = f"The review of this offer is {setting.describe()}."
    elif setting.state is ReviewState.UNKNOWN:
        opening = ("This offer is published but has no review date (next_review), so readers "
                   "cannot tell whether it is up to date.")
    else:
        opening = f"The review of this offer is {setting.describe()}."
    who = ""
    if mentions:
        who = "\nFor: " + ", ".join(mentions) + "\n"
    body = "\n".join([
        _MARKER.format(slug=setting.slug),
        f"**{setting.name}** (`{setting.path}`)",
        "",
        opening,
        who,
        "What to do:",
        "",
        "1. Read the offer through with your SENCO, and with parents, carers and young people "
        "where you can.",
        f"2. Run `localoffer edit {setting.slug}` (or edit the file on GitHub) and update what "
        "has changed.",
        "3. Set `last_reviewed` to the date of the review and `next_review` to the date of the "
        "next one (at most a year later), and update `approved_by`.",
        "4. Run `localoffer submit` (or propose the change on GitHub). An LA reviewer will "
        "check and approve it.",
        "",
        f"This issue was updated automatically on {long_date(today)}. It closes itself once "
        "the review is done.",
    ])
    return Reminder(setting.slug, f"Review the offer of {setting.name}", body, assignees,
                    mentions)


def plan(reminders: list[Reminder], existing: list[dict[str, Any]] | None) -> list[Action]:
    """What to do given the open reminder issues (None: not looked up, as in a dry run)."""
    if existing is None:
        return [Action("open-or-update", item, slug=item.slug) for item in reminders]
    by_slug: dict[str, int] = {}
    for issue in existing:
        match = _MARKER_PATTERN.search(issue.get("body") or "")
        if match:
            by_slug.setdefault(match.group(1), int(issue["number"]))
    by_title = {issue.get("title"): int(issue["number"]) for issue in existing}
    actions = []
    wanted = set()
    for item in reminders:
        wanted.add(item.slug)
        number = by_slug.get(item.slug) or by_title.get(item.title)
        actions.append(Action("update" if number else "open", item, number, item.slug))
    for slug, number in by_slug.items():
        if slug not in wanted:
            actions.append(Action("close", None, number, slug))
    return actions


def describe(actions: list[Action]) -> str:
    """What a run would do, in words (the dry run's output)."""
    if not actions:
        return "No setting's review is overdue or due soon: no reminder issues to open.\n"
    lines = []
    verbs = {"open": "Would open", "update": "Would update", "close": "Would close",
             "open-or-update": "Would open (or update, if one is already open)"}
    for action in actions:
        if action.reminder is None:
            lines += [f"{verbs[action.kind]} issue #{action.number} for {action.slug}: its "
                      "review is done.", ""]
            continue
        item = action.reminder
        number = f" #{action.number}" if action.number else ""
        lines += [f"{verbs[action.kind]} issue{number}: {item.title}",
                  f"  label: {LABEL}",
                  f"  assigned to: {', '.join(item.assignees) or 'nobody (no user listed)'}"]
        if item.mentions:
            lines.append(f"  mentions: {', '.join(item.mentions)}")
        lines += ["  " + line if line else "" for line in item.body.splitlines()]
        lines.append("")
    return "\n".join(lines)


class GitHubIssues:
    """Opens, updates and closes reminder issues through GitHub's REST API (urllib)."""

    def __init__(self, repository: str, token: str, api_url: str = "https://api.github.com"):
        self.base = f"{api_url.rstrip('/')}/repos/{repository}"
        self.token = token

    def _call(self, method: str, path: str, data: dict[str, Any] | None = None) -> Any:
        request = urllib.request.Request(
            self.base + path, method=method,
            data=json.dumps(data).encode() if data is not None else None,
            headers={"Authorization": f"Bearer {self.token}",
                     "Accept": "application/vnd.github+json",
                     "X-GitHub-Api-Version": "2022-11-28",
                     "User-Agent": "localoffer-reminders"})
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (https only)
            return json.loads(response.read() or b"null")

    def open_reminders(self) -> list[dict[str, Any]]:
        issues: list[dict[str, Any]] = []
        page = 1
        while True:
            batch = self._call("GET", f"/issues?state=open&labels={LABEL}&per_page=100&page={page}")
            issues += [issue for issue in batch if "pull_request" not in issue]
            if len(batch) < 100:
                return issues
            page += 1

    def apply(self, action: Action) -> str:
        item = action.reminder
        if action.kind == "close":
            self._call("POST", f"/issues/{action.number}/comments",
                       {"body": "The review is done, so this reminder is closed. Thank you."})
            self._call("PATCH", f"/issues/{action.number}", {"state": "closed"})
            return f"Closed issue #{action.number} ({action.slug}): the review is done."
        assert item is not None
        payload = {"title": item.title, "body": item.body, "assignees": item.assignees,
                   "labels": [LABEL]}
        if action.kind == "update":
            self._call("PATCH", f"/issues/{action.number}", payload)
            return f"Updated issue #{action.number}: {item.title}"
        created = self._call("POST", "/issues", payload)
        return f"Opened issue #{created.get('number')}: {item.title}"
