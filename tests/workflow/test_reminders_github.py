"""`localoffer due --open-issues` against a local web server that answers as GitHub's REST API
does (GITHUB_API_URL): it lists open reminders page by page, opens one, updates one and closes
one, with the token and headers GitHub asks for."""
from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from localoffer.borough import load_borough
from localoffer.cli import main
from localoffer.synthetic import synthetic_offer, synthetic_setting

TODAY = "2026-11-28"
REPOSITORY = "calderbrook/local-offer"
TOKEN = "test-token-not-a-secret"


class FakeGitHub(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), GitHubHandler)
        self.requests: list[tuple[str, str, Any, Any]] = []  # method, path, headers, JSON
        # Page 1: a full page of pull requests (GitHub lists them as issues too); page 2: the
        # open reminders, one for a setting still due, one for a setting whose review is done.
        self.pages = {
            1: [{"number": 100 + n, "title": f"PR {n}", "body": "", "pull_request": {}}
                for n in range(100)],
            2: [{"number": 7, "title": "Review the offer of Due Today School",
                 "body": "<!-- localoffer-review: due-today -->\nold text"},
                {"number": 3, "title": "Review the offer of Done School",
                 "body": "<!-- localoffer-review: done-school -->\nold text"}],
        }


class GitHubHandler(BaseHTTPRequestHandler):
    server: FakeGitHub

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _answer(self, body: Any, status: int = 200) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _record(self) -> Any:
        length = int(self.headers.get("Content-Length") or 0)
        payload = json.loads(self.rfile.read(length)) if length else None
        self.server.requests.append((self.command, self.path, self.headers, payload))
        return payload

    def do_GET(self) -> None:
        self._record()
        page = int(re.search(r"[?&]page=(\d+)", self.path).group(1))
        self._answer(self.server.pages.get(page, []))

    def do_POST(self) -> None:
        payload = self._record()
        self._answer({"number": 12, **payload} if self.path.endswith("/issues") else {}, 201)

    def do_PATCH(self) -> None:
        self._answer({"number": int(self.path.rsplit("/", 1)[1]), **self._record()})


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    server = FakeGitHub()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def due_borough(borough_dir: Path) -> Path:
    borough = load_borough(borough_dir / "localoffer.yml")
    for slug, name, due in (("due-today", "Due Today School", "2026-11-28"),
                            ("overdue", "Overdue School", "2026-11-01"),
                            ("done-school", "Done School", "2027-09-01")):
        text = synthetic_offer(borough, synthetic_setting(borough, 2, date.fromisoformat(TODAY)),
                               words_per_answer=30)
        text = re.sub(r"(?m)^name: .*$", f"name: {name}", text, count=1)
        text = re.sub(r"(?m)^last_reviewed: .*$", "last_reviewed: 2026-01-15", text, count=1)
        text = re.sub(r"(?m)^next_review: .*$", f"next_review: {due}", text, count=1)
        text = re.sub(r"(?m)^maintainers: .*$", "maintainers: ['@sam-senco']", text, count=1)
        path = borough_dir / "offers" / slug / "offer.md"
        path.parent.mkdir(parents=True)
        path.write_text(text, encoding="utf-8")
    return borough_dir


def test_reminders_are_opened_updated_and_closed_through_the_api(
        due_borough: Path, github: FakeGitHub, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    monkeypatch.setenv("GITHUB_REPOSITORY", REPOSITORY)
    monkeypatch.setenv("GITHUB_API_URL", f"http://127.0.0.1:{github.server_address[1]}/")
    assert main(["due", "--open-issues", "--today", TODAY,
                 "--config", str(due_borough / "localoffer.yml")]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Opened issue #12: Review the offer of Overdue School",
        "Updated issue #7: Review the offer of Due Today School",
        "Closed issue #3 (done-school): the review is done.",
    ]
    base = f"/repos/{REPOSITORY}"
    calls = [(method, path) for method, path, _, _ in github.requests]
    assert calls == [
        ("GET", f"{base}/issues?state=open&labels=offer-review&per_page=100&page=1"),
        ("GET", f"{base}/issues?state=open&labels=offer-review&per_page=100&page=2"),
        ("POST", f"{base}/issues"),
        ("PATCH", f"{base}/issues/7"),
        ("POST", f"{base}/issues/3/comments"),
        ("PATCH", f"{base}/issues/3"),
    ]
    for _, _, headers, _ in github.requests:
        assert headers["Authorization"] == f"Bearer {TOKEN}"
        assert headers["Accept"] == "application/vnd.github+json"
        assert headers["X-GitHub-Api-Version"] == "2022-11-28"
    opened, updated = github.requests[2][3], github.requests[3][3]
    assert opened["title"] == "Review the offer of Overdue School"
    assert opened["labels"] == ["offer-review"] and opened["assignees"] == ["sam-senco"]
    assert opened["body"].startswith("<!-- localoffer-review: overdue -->\n**Overdue School**")
    assert "The review of this offer is overdue since 1 November 2026 (27 days ago)." in opened["body"]
    assert updated["body"].startswith("<!-- localoffer-review: due-today -->")
    assert "The review of this offer is due today" in updated["body"]
    assert github.requests[4][3] == {
        "body": "The review is done, so this reminder is closed. Thank you."}
    assert github.requests[5][3] == {"state": "closed"}
