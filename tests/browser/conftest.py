"""Fixtures for the browser tests: the demo site built once, served on 127.0.0.1, and Chromium.

Nothing here skips: when Chromium, Playwright or axe-core is missing the tests fail and say
how to install it (`bash scripts/test.sh`), so a green run always means the pages were opened.
"""
from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock

from browser_harness import (
    DESKTOP,
    REPO_ROOT,
    PageVisit,
    find_axe,
    find_pages,
    serve_folder,
)

TODAY = "2026-11-28"  # the date the demo borough is built for in tests


def build_site(dest: Path) -> None:
    """Build the demo borough's site into dest, as a borough would: `localoffer build`."""
    command = [sys.executable, "-m", "localoffer", "build", "--today", TODAY, "--site-dir", str(dest)]
    result = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True)
    if result.returncode != 0 or not (dest / "index.html").is_file():
        pytest.fail(
            f"Building the demo site failed ({' '.join(command[1:])}, exit {result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site, made once per run (shared by pytest-xdist workers through a lock).

    LOCALOFFER_TEST_SITE: test a site that is already built (a borough's own, say) instead.
    """
    if os.environ.get("LOCALOFFER_TEST_SITE"):
        given = Path(os.environ["LOCALOFFER_TEST_SITE"])
        if not (given / "index.html").is_file():
            pytest.fail(f"LOCALOFFER_TEST_SITE={given} has no index.html", pytrace=False)
        return given
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    dest = shared / "demo-site"
    with FileLock(str(shared / "demo-site.lock")):
        if not (dest / ".built").is_file():
            build_site(dest)
            (dest / ".built").write_text("ok\n")
    return dest


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    with serve_folder(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def axe_source() -> str:
    path, problem = find_axe()
    if path is None:
        pytest.fail(problem, pytrace=False)
    return path.read_text(encoding="utf-8")


@pytest.fixture
def open_page(browser: Any, site_url: str) -> Iterator[Callable[..., PageVisit]]:
    """open_page(path, viewport=DESKTOP, phone=False) -> PageVisit, closed after the test.

    Requests that leave 127.0.0.1 are refused and recorded: the site must work offline, and a
    reader's phone should not be sent to third parties.
    """
    contexts = []

    def open_(path: str, viewport: dict[str, int] = DESKTOP, phone: bool = False) -> PageVisit:
        context = browser.new_context(
            viewport=viewport, device_scale_factor=1, is_mobile=phone, has_touch=phone,
            reduced_motion="reduce",
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        visit = PageVisit(page)

        def route(route: Any) -> None:
            if route.request.url.startswith(site_url):
                route.continue_()
            else:
                visit.outside_requests.append(route.request.url)
                route.abort()

        page.route("**/*", route)
        page.on(
            "response",
            lambda response: response.status >= 400
            and visit.broken_responses.append(f"{response.status} {response.url}"),
        )
        page.on("pageerror", lambda error: visit.script_errors.append(str(error)))
        page.goto(site_url + path.lstrip("/"), wait_until="load")
        return visit

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def site_pages(site_dir: Path) -> dict[str, str]:
    return find_pages(site_dir)
