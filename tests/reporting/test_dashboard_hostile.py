"""Hostile values on the dashboard page and in the LA's report: a payload in settings' names,
towns and folder names, in a type of setting's label (localoffer.yml), and in Git commit
messages and author names. Both pages are parsed with html5lib (the HTML5 parsing algorithm
browsers use) and compared with the same pages made from a harmless twin of each payload, one
character for one: any element or attribute the payload pages have and the twin pages have
not was injected.
"""
from __future__ import annotations

import json
import os
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Callable

import html5lib
import pytest

from localoffer.borough import load_borough
from localoffer.cli import main
from localoffer.model import load_offer
from localoffer.model.discover import find_offer_files
from localoffer.reporting.dashboard import dashboard_report, render_dashboard_html
from localoffer.synthetic import synthetic_offer, synthetic_setting

from gitrepos import git, isolated_git

TODAY = date(2026, 11, 28)
PAYLOADS = [
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(2)>",
    "<svg onload=alert(3)>",
    '" onmouseover="alert(4)" x="',
    "</title><script>document.title='pwned5'</script>",
    "</style><script>alert(6)</script>",
    '<a href="javascript:alert(7)">link7</a>',
    "<!--<script>alert(8)</script>-->",
]
# A folder name may hold anything but '/' and NUL.
FOLDER = "<img src=x onerror=alert(9) x='\"&>"
_TWIN = str.maketrans({"<": "[", ">": "]", '"': "~", "'": "^", "&": "+", "=": "%", "/": "|",
                       "!": "_"})


def twin(text: str) -> str:
    return text.translate(_TWIN)


def _hostile_borough(folder: Path, repo_root: Path, text: Callable[[str], str]) -> Path:
    """A borough in Git: five offers whose names and towns carry payloads (one in a folder
    whose name is a payload), a setting type's label with one, and a history of commits
    whose messages and authors are payloads, month by month."""
    folder.mkdir(parents=True)
    git(folder, "init", "--quiet", "--initial-branch=main")
    config = (repo_root / "localoffer.yml").read_text(encoding="utf-8")
    config += f"\nsetting_types:\n  primary:\n    label: {json.dumps(text(PAYLOADS[5]))}\n"
    (folder / "localoffer.yml").write_text(config, encoding="utf-8")
    borough = load_borough(folder / "localoffer.yml")
    for index in range(5):
        setting = synthetic_setting(borough, index * 2 + 3, TODAY)
        lines = synthetic_offer(borough, setting, words_per_answer=40).split("\n")
        lines = [f"name: {json.dumps(text(PAYLOADS[index]) + ' School')}" if line.startswith("name:")
                 else f"town: {json.dumps(text(PAYLOADS[index + 1]))}" if line.startswith("town:")
                 else line for line in lines]
        slug = text(FOLDER) if index == 4 else setting.slug
        (folder / "offers" / slug).mkdir(parents=True)
        (folder / "offers" / slug / "offer.md").write_text("\n".join(lines), encoding="utf-8")
        month = f"2026-{index * 2 + 2:02d}-15T12:00:00"
        author = text(PAYLOADS[(index + 2) % len(PAYLOADS)])
        git(folder, "add", "--all")
        _commit(folder, text(PAYLOADS[(index + 3) % len(PAYLOADS)]), author, month)
    return folder


def _commit(folder: Path, message: str, author: str, when: str) -> None:
    environment = {"GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": "school@example.org",
                   "GIT_COMMITTER_NAME": author, "GIT_COMMITTER_EMAIL": "school@example.org",
                   "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    saved = {name: os.environ.get(name) for name in environment}
    os.environ.update(environment)
    try:
        git(folder, "commit", "--quiet", "-m", message)
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _pages(folder: Path) -> dict[str, str]:
    """The dashboard fragment (with its month-by-month chart from Git) and the report page
    made by the real `localoffer report` command."""
    borough = load_borough(folder / "localoffer.yml")
    offers = [load_offer(path, borough) for path in find_offer_files([borough.offers_dir])]
    report = dashboard_report(borough, offers, TODAY, history=True)
    assert report.history, "the history chart needs the commits"
    dashboard = render_dashboard_html(report, link=lambda row: f"../settings/{row.slug}/")
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        code = main(["report", "--format", "html", "--today", TODAY.isoformat(),
                     "--output", str(folder / "report.html")])
    finally:
        os.chdir(cwd)
    assert code in (0, 1)
    return {"dashboard": str(dashboard), "report": (folder / "report.html").read_text("utf-8")}


def _shape(html: str) -> Counter[tuple[str, tuple[str, ...]]]:
    """Every element with the names of its attributes (not their values, which are text)."""
    tree = html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)
    return Counter((str(element.tag).split("}")[-1], tuple(sorted(element.attrib)))
                   for element in tree.iter() if isinstance(element.tag, str))


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory, repo_root: Path
          ) -> tuple[dict[str, str], dict[str, str]]:
    base = tmp_path_factory.mktemp("hostile-dashboard")
    with pytest.MonkeyPatch.context() as patch:
        isolated_git(patch, base / "home")
        hostile = _pages(_hostile_borough(base / "hostile", repo_root, lambda text: text))
        harmless = _pages(_hostile_borough(base / "twin", repo_root, twin))
    return hostile, harmless


@pytest.mark.parametrize("page", ["dashboard", "report"])
def test_no_payload_adds_an_element_or_an_attribute(pages, page: str) -> None:
    hostile, harmless = pages
    injected = _shape(hostile[page]) - _shape(harmless[page])
    missing = _shape(harmless[page]) - _shape(hostile[page])
    assert injected == Counter() and missing == Counter()
    tree = html5lib.parse(hostile[page], treebuilder="etree", namespaceHTMLElements=False)
    assert not [element for element in tree.iter() if str(element.tag).endswith("script")]
    assert not [name for element in tree.iter() for name in element.attrib
                if name.lower().startswith("on")]


@pytest.mark.parametrize("page", ["dashboard", "report"])
def test_the_payloads_are_shown_as_text(pages, page: str) -> None:
    hostile, _ = pages
    tree = html5lib.parse(hostile[page], treebuilder="etree", namespaceHTMLElements=False)
    text = " ".join(" ".join(element.itertext()) for element in tree.iter()
                    if str(element.tag).split("}")[-1] in ("body", "th", "a"))
    # The fifth offer's folder name is not a safe one: it is never read (file/folder-name).
    shown = [payload for payload in PAYLOADS[:4] if payload + " School" in text]
    assert len(shown) == 4, shown
    hrefs = [element.get("href") for element in tree.iter() if element.get("href")]
    assert not [href for href in hrefs if re.sub(r"\s", "", href).lower().startswith("javascript:")]
