"""`localoffer cms serve`: decap-server (MODE=git) on a free port with the website and its
editor, on a real Git repository; it refuses a checkout with uncommitted changes."""
from __future__ import annotations

import json
import re
import signal
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml
from gitrepos import demo_repo, git, isolated_git
from testpaths import TODAY

pytestmark = pytest.mark.slow
ADDRESS_LINE = re.compile(r"The website is at (http://127\.0\.0\.1:\d+/) and its editor at")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    isolated_git(monkeypatch, tmp_path / "home")
    return demo_repo(tmp_path / "local-offer",
                     offers=("oakfield-primary-school", "beacon-hill-school"),
                     message="Two offers")


def serve(repo: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "localoffer", "cms", "serve", "--address", "127.0.0.1:0",
         "--today", TODAY.isoformat()], cwd=repo, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)


def first_address(process: subprocess.Popen[str], seconds: float = 180) -> str:
    found: list[str] = []

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            match = ADDRESS_LINE.search(line)
            if match:
                found.append(match.group(1))
                return

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(seconds)
    assert found, f"no address printed; stderr: {process.stderr.read() if process.poll() is not None and process.stderr else ''}"
    return found[0]


def test_the_editor_and_decap_server_run_together_on_this_checkout(repo: Path) -> None:
    process = serve(repo)
    try:
        site = first_address(process)
        with urllib.request.urlopen(site + "admin/config.yml", timeout=10) as response:
            assert response.headers["Content-Type"] == "text/yaml"
            config = yaml.safe_load(response.read())
        assert config["backend"]["branch"] == "main"
        api = config["local_backend"]["url"]
        port = int(re.fullmatch(r"http://127\.0\.0\.1:(\d+)/api/v1", api).group(1))
        request = urllib.request.Request(api, data=json.dumps({"action": "info"}).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert json.load(response) == {"repo": "local-offer", "type": "local_git",
                                           "publish_modes": ["simple", "editorial_workflow"]}
        with urllib.request.urlopen(site + "admin/oakfield-primary-school/", timeout=10) as page:
            editor_page = page.read().decode("utf-8")
        assert "<title>Oakfield Primary School: edit your offer</title>" in editor_page
        # The helper that checks and previews the offer, for this editor's page only.
        helper = re.search(r'<meta name="localoffer-helper" content="(http://127\.0\.0\.1:'
                           r'(\d+)/)">', editor_page)
        assert helper is not None
        offer = (repo / "offers" / "oakfield-primary-school" / "offer.md").read_bytes()
        check = urllib.request.Request(helper.group(1) + "check?slug=oakfield-primary-school",
                                       data=offer.replace(b"postcode: CK4 2QT", b"postcode: x"),
                                       headers={"Origin": site.rstrip("/")})
        with urllib.request.urlopen(check, timeout=30) as response:
            findings = json.load(response)["findings"]
        # (Oakfield's links to offers this checkout lacks are findings too.)
        assert [(finding["rule"], finding["line"]) for finding in findings
                if finding["rule"].startswith("front-matter/")] == [("front-matter/bad-value", 9)]
        check.add_header("Origin", "http://127.0.0.1:1")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(check, timeout=30)
        assert refused.value.code == 403
    finally:
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=30)
    assert code == 0
    for stopped in (port, int(helper.group(2))):  # decap-server and the helper stopped with it
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", stopped), timeout=2).close()
    assert git(repo, "status", "--porcelain") == ""


def test_it_refuses_a_checkout_with_uncommitted_changes(repo: Path) -> None:
    (repo / "offers" / "notes.txt").write_text("half-written\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "localoffer", "cms", "serve", "--address",
                           "127.0.0.1:0"], cwd=repo, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "This checkout has changes that are not committed (for example offers/notes.txt)" \
        in done.stderr
    assert "Traceback" not in done.stderr
