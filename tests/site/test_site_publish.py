"""`localoffer publish`: two review years deployed with mike to a real gh-pages branch."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from localoffer.commands.publish import review_year, run_publish
from site_helpers import commit_all, git, git_init, make_borough


def test_review_year() -> None:
    assert review_year(date(2026, 11, 28)) == "2026-27"
    assert review_year(date(2027, 3, 1)) == "2026-27"
    assert review_year(date(2027, 9, 1)) == "2027-28"


@pytest.mark.slow
def test_two_versions_and_the_latest_alias(tmp_path: Path) -> None:
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    borough = tmp_path / "borough"
    borough.mkdir()
    offers = make_borough(borough, 2)
    (borough / ".gitignore").write_text("site/\n", encoding="utf-8")
    git_init(borough)
    git(borough, "remote", "add", "origin", str(remote))
    commit_all(borough, "Offers for 2025-26")
    git(borough, "push", "-q", "origin", "main")

    run_publish(borough / "mkdocs.yml", "2025-26", ["latest"], push=True, today=None,
                branch="gh-pages", remote="origin")
    offers[0].write_text(offers[0].read_text(encoding="utf-8") + "\nNew for 2026-27.\n",
                         encoding="utf-8")
    commit_all(borough, "Offers for 2026-27")
    run_publish(borough / "mkdocs.yml", "2026-27", ["latest"], push=True, today=None,
                branch="gh-pages", remote="origin")

    versions = json.loads(git(remote, "show", "gh-pages:versions.json"))
    by_version = {item["version"]: item["aliases"] for item in versions}
    assert set(by_version) == {"2025-26", "2026-27"}
    assert by_version["2026-27"] == ["latest"] and by_version["2025-26"] == []
    assert versions[0]["version"] == "2026-27"  # newest first
    files = git(remote, "ls-tree", "-r", "--name-only", "gh-pages").split()
    assert "2025-26/settings/setting-00000/index.html" in files
    assert "2026-27/offers.json" in files
    new_page = git(remote, "show", "gh-pages:2026-27/settings/setting-00000/index.html")
    old_page = git(remote, "show", "gh-pages:2025-26/settings/setting-00000/index.html")
    assert "New for 2026-27." in new_page and "New for 2026-27." not in old_page
    assert "latest" in git(remote, "show", "gh-pages:index.html")  # readers get latest
    assert git(remote, "cat-file", "-t", "gh-pages:latest").strip() == "blob"  # a symlink
    assert git(remote, "show", "gh-pages:latest").strip() == "2026-27"
