"""decap-server, Decap CMS's local Git server (MODE=git), started for `localoffer cms serve` and
the tests: the editor saves drafts as cms/... branches of this repository and publishes by
merging them, on this computer, with no Git host.

decap-server checks branches out in the repository's own folder and commits with `git add .`,
so it is started only on a checkout with nothing uncommitted, on the branch it publishes to.
"""
from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from localoffer.errors import LocalOfferError
from localoffer.site.cms_admin import node_folders

SERVER = Path("node_modules") / ".bin" / "decap-server"
START_SECONDS = 30


@dataclass(frozen=True)
class RunningServer:
    port: int
    repository: Path
    branch: str

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v1"


def find_server(start: Path) -> Path:
    for folder in node_folders(start):
        if (folder / SERVER).is_file():
            return folder / SERVER
    raise LocalOfferError("decap-server (the editor's local Git server) is not installed. "
                          "Install it with 'npm ci' in the folder that holds package.json.",
                          str(start))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def ready_repository(repository: Path) -> str:
    """The branch checked out in `repository`; LocalOfferError unless decap-server may use it."""
    def git(*args: str) -> str:
        result = subprocess.run(["git", "-C", str(repository), *args], capture_output=True,
                                text=True, check=False)
        if result.returncode != 0:
            raise LocalOfferError("This folder is not a Git repository with a commit, so the "
                                  "editor has nowhere to save. Run it in your Local Offer's "
                                  "checkout.", str(repository))
        return result.stdout.strip()

    branch = git("symbolic-ref", "--short", "HEAD")
    changed = git("status", "--porcelain")
    if changed:
        first = changed.splitlines()[0][3:]
        raise LocalOfferError("This checkout has changes that are not committed (for example "
                              f"{first}). The editor's server switches branches and commits "
                              "everything here, so commit or stash them first (git stash -u), "
                              "then start it again.", str(repository))
    return branch


@contextmanager
def decap_server(repository: Path, executable: Path, port: int | None = None,
                 log: Path | None = None) -> Iterator[RunningServer]:
    """Run decap-server on 127.0.0.1 for `repository` until the block ends."""
    branch = ready_repository(repository)
    port = port or free_port()
    environment = {**os.environ, "MODE": "git", "PORT": str(port), "BIND_HOST": "127.0.0.1",
                   "GIT_REPO_DIRECTORY": str(repository), "LOG_LEVEL": "warn"}
    output = log.open("ab") if log else subprocess.DEVNULL
    process = subprocess.Popen([str(executable)], env=environment, cwd=str(repository),
                               stdout=output, stderr=subprocess.STDOUT)
    try:
        _wait_for(port, process)
        yield RunningServer(port, repository, branch)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if log:
            output.close()  # type: ignore[union-attr]


def _wait_for(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise LocalOfferError(f"decap-server stopped as it started (exit code "
                                  f"{process.returncode}); is port {port} free?")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise LocalOfferError(f"decap-server did not start within {START_SECONDS} seconds.")
