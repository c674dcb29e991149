"""links/unreachable: `check --links online` against a real web server on 127.0.0.1."""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest

from localoffer.borough import Borough, load_borough
from localoffer.checks import run_checks
from localoffer.checks.links_online import OnlineLinks, ask
from localoffer.cli import main

from .helpers import ERROR, TODAY, WARNING, WELLBEING, add_to_answer, line_of, write_offer

UNREACHABLE = "links/unreachable"


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    requests: list[str]
    busy = 0
    most_at_once = 0
    lock = threading.Lock()
    slow_answer: threading.Event  # /slow answers only once this is set
    slow_answered = False


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def _answer(self, body: bool) -> None:
        with self.server.lock:
            self.server.requests.append(f"{self.command} {self.path}")
            self.server.busy += 1
            self.server.most_at_once = max(self.server.most_at_once, self.server.busy)
        try:
            if self.path.startswith("/slow"):
                self.server.slow_answer.wait(timeout=60)
                self.server.slow_answered = True
            elif self.path.startswith("/page"):
                time.sleep(0.2)  # long enough for requests to overlap
            with self.server.lock:  # done before answering: the client may ask again at once
                self.server.busy -= 1
            if self.path.startswith("/no-head") and self.command == "HEAD":
                self.send_response(405)
            elif self.path in ("/localoffer", "/localoffer/schools", "/sendiass") or \
                    self.path.startswith(("/page", "/no-head")):
                self.send_response(200)
            elif self.path == "/moved":
                self.send_response(301)
                self.send_header("Location", "/localoffer")
            else:
                self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(False)

    def do_GET(self) -> None:  # noqa: N802
        self._answer(True)

    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[_Server]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.requests = []
    httpd.slow_answer = threading.Event()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.slow_answer.set()
    httpd.shutdown()
    httpd.server_close()


def _base(server: _Server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture
def local_borough(server: _Server, borough_dir: Path) -> Borough:
    """The borough, with its Local Offer on the local server."""
    config = borough_dir / "localoffer.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "https://www.calderbrook.example/localoffer", f"{_base(server)}/localoffer"),
        encoding="utf-8")
    return load_borough(config)


def _offer(primary: str, server: _Server, local_offer: str, *extra: str) -> str:
    text = primary.replace("https://www.calderbrook.example/localoffer",
                           f"{_base(server)}{local_offer}")
    text = text.replace("https://www.calderbrook.example/sendiass", f"{_base(server)}/sendiass")
    for link in extra:
        text = add_to_answer(text, WELLBEING, f"See [this page]({_base(server)}{link}).")
    return text


def _online(borough: Borough, borough_dir: Path, text: str, **options) -> list:
    write_offer(borough_dir, text)
    report = run_checks([borough_dir / "offers"], borough, TODAY, OnlineLinks(**options).findings)
    return [f for f in report.findings if f.rule == UNREACHABLE]


def test_links_that_open_give_no_finding(server: _Server, local_borough: Borough,
                                         borough_dir: Path, primary: str) -> None:
    text = _offer(primary, server, "/localoffer/schools", "/moved", "/no-head")
    assert _online(local_borough, borough_dir, text) == []
    assert "GET /no-head" in server.requests  # a refused HEAD is asked again with GET


def test_a_local_offer_link_that_does_not_open_is_an_error(server: _Server, local_borough: Borough,
                                                           borough_dir: Path, primary: str) -> None:
    text = _offer(primary, server, "/localoffer/gone", "/missing")
    findings = _online(local_borough, borough_dir, text)
    assert sorted((f.severity, f.message.split(":")[0]) for f in findings) == [
        (ERROR, "The link to the Local Offer does not open (HTTP 404)"),
        (WARNING, "This link does not open (HTTP 404)")]
    local = next(f for f in findings if f.severity is ERROR)
    assert local.line == line_of(text, "/localoffer/gone")


def test_a_slow_server_is_reported_after_the_timeout(server: _Server, local_borough: Borough,
                                                     borough_dir: Path, primary: str) -> None:
    text = _offer(primary, server, "/localoffer", "/slow")
    findings = _online(local_borough, borough_dir, text, timeout=0.3)
    assert [f.message.split(":")[0] for f in findings] == [
        "This link does not open (did not answer within 0.3 seconds)"]
    assert "HEAD /slow" in server.requests
    assert not server.slow_answered  # the check did not wait for the answer


def test_a_few_at_a_time(server: _Server, local_borough: Borough, borough_dir: Path,
                         primary: str) -> None:
    text = _offer(primary, server, "/localoffer", *(f"/page/{n}" for n in range(8)))
    assert _online(local_borough, borough_dir, text, workers=2) == []
    assert server.most_at_once == 2


def test_answers_are_kept_in_the_cache(server: _Server, local_borough: Borough,
                                       borough_dir: Path, primary: str, tmp_path: Path) -> None:
    cache = tmp_path / "links.json"
    text = _offer(primary, server, "/localoffer", "/missing")
    first = _online(local_borough, borough_dir, text, cache_path=cache)
    asked = len(server.requests)
    second = _online(local_borough, borough_dir, text, cache_path=cache)
    assert len(server.requests) == asked  # nothing asked again
    assert first == second and len(first) == 1


def test_an_address_that_cannot_be_reached(server: _Server) -> None:
    port = server.server_address[1]
    server.shutdown()
    server.server_close()
    answer = ask(f"http://127.0.0.1:{port}/localoffer", 2)
    assert not answer.ok and answer.reason.startswith("could not be reached")


def test_the_command_checks_links_only_when_asked(server: _Server, local_borough: Borough,
                                                  borough_dir: Path, primary: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    write_offer(borough_dir, _offer(primary, server, "/localoffer", "/missing"))
    config = str(borough_dir / "localoffer.yml")
    server.requests.clear()
    main(["check", "--today", TODAY.isoformat(), "--config", config])
    assert server.requests == [] and UNREACHABLE not in capsys.readouterr().out
    main(["check", "--links", "online", "--links-timeout", "5", "--today", TODAY.isoformat(),
          "--config", config])
    out = capsys.readouterr().out
    assert f"{UNREACHABLE} (warning) This link does not open (HTTP 404)" in out
    assert (borough_dir / ".localoffer-cache" / "links.json").is_file()
