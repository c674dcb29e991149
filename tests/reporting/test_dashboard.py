"""The site's page "How up to date are these offers?" (/dashboard/), in a real MkDocs build."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from testpaths import REPO_ROOT
from localoffer.borough import Borough, load_borough
from localoffer.commands.build import build_site
from localoffer.model import load_offer
from localoffer.model.discover import find_offer_files
from localoffer.reporting.dashboard import (
    DASHBOARD_TITLE,
    dashboard_report,
    render_dashboard_html,
    render_dashboard_markdown,
)
from reporting.defects import TODAY, write_defect_borough


@pytest.fixture
def site_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The repository's mkdocs.yml and docs/ around a borough with known defects."""
    monkeypatch.setenv("LOCALOFFER_TODAY", TODAY.isoformat())
    shutil.copy(REPO_ROOT / "localoffer.yml", tmp_path / "localoffer.yml")
    shutil.copy(REPO_ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(REPO_ROOT / "docs", tmp_path / "docs")
    write_defect_borough(load_borough(tmp_path / "localoffer.yml"), tmp_path)
    return tmp_path


def test_the_built_site_has_the_dashboard_page(site_folder: Path) -> None:
    site = build_site(site_folder / "mkdocs.yml", site_dir=site_folder / "site", quiet=True)
    page = (site / "dashboard" / "index.html").read_text(encoding="utf-8")
    assert f'<h1 id="dashboard">{DASHBOARD_TITLE}</h1>' in page
    # Two charts (review states, coverage); no history chart, as this folder is not in Git.
    assert page.count('role="img" aria-labelledby="chart-') == 2
    assert page.count("<desc id=\"chart-") == 2
    # Published offers link to their pages; drafts (never published) are listed, unlinked.
    assert '<a href="../settings/setting-00000/">Example All-through school 0</a>' in page
    assert "Example Maintained nursery school 4" in page
    assert 'href="../settings/setting-00004/"' not in page
    assert (site / "settings" / "setting-00000" / "index.html").is_file()
    # The public page leaves out the checks' findings.
    assert "Warnings" not in page and "Errors</th>" not in page
    # It is in the menu, under "About this website".
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="dashboard/"[^>]*>(?:\s|<[^>]*>)*How up to date are these offers\?',
                     home)


def test_the_demo_site_has_the_dashboard_page(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOCALOFFER_TODAY", "2026-11-28")
    site = build_site(REPO_ROOT / "mkdocs.yml", site_dir=tmp_path / "site", quiet=True)
    page = (site / "dashboard" / "index.html").read_text(encoding="utf-8")
    assert "How up to date are these offers?" in page
    assert len(re.findall(r'<a href="\.\./settings/[a-z0-9-]+/">', page)) == 12  # each setting
    assert "<strong>12</strong>up to date" in page


def _offers(borough: Borough) -> list:
    return [load_offer(path, borough) for path in find_offer_files([borough.offers_dir])]


def test_fragment_and_markdown(demo_borough: Borough) -> None:
    report = dashboard_report(demo_borough, _offers(demo_borough), TODAY, history=False)
    html = render_dashboard_html(report, link=lambda row: f"/settings/{row.slug}/")
    assert html.startswith("<style>") and 'class="lr-report lr-dashboard"' in html
    assert html.count("<svg") == 2
    assert '<a href="/settings/oakfield-primary-school/">Oakfield Primary School</a>' in html
    assert "<script" not in html
    markdown = render_dashboard_markdown(demo_borough, _offers(demo_borough), TODAY)
    import markdown as python_markdown

    # Python-Markdown (MkDocs' engine) passes the fragment through as raw HTML.
    converted = python_markdown.markdown(markdown, extensions=["md_in_html"])
    assert converted.count("<svg") == markdown.count("<svg") >= 2
    assert "<p>&lt;" not in converted
