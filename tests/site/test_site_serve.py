"""`localoffer serve` with each engine: the preview starts, answers with the demo's pages from
the chosen engine, and stops on Ctrl+C."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from site_helpers import REPO_ROOT, TODAY

GENERATOR = {"mkdocs": '<meta name="generator" content="mkdocs-1.6',
             "properdocs": '<meta name="generator" content="mkdocs-ProperDocs 1.6'}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, within: float) -> str:
    """The page, once the preview answers (it builds the site first)."""
    give_up = time.monotonic() + within
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if time.monotonic() > give_up:
                raise
            time.sleep(0.5)


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_serve_previews_the_demo_with_each_engine(engine: str) -> None:
    port = free_port()
    environment = {key: value for key, value in os.environ.items()
                   if not key.startswith("LOCALOFFER_")}
    server = subprocess.Popen(
        [sys.executable, "-m", "localoffer", "serve", "--engine", engine, "--today", TODAY,
         "--address", f"127.0.0.1:{port}", "--config", str(REPO_ROOT / "localoffer.yml")],
        cwd=REPO_ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True)
    try:
        page = fetch(f"http://127.0.0.1:{port}/settings/beacon-hill-school/", within=240)
        assert "<h1" in page and "Beacon Hill School" in page
        assert GENERATOR[engine] in page
    finally:
        server.send_signal(signal.SIGINT)
        output = server.communicate(timeout=60)[0]
    assert f"Previewing the website at http://127.0.0.1:{port}/" in output
    assert "Traceback" not in output
