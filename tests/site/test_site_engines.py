"""The two engines: the demo borough built by MkDocs 1.6 and by ProperDocs 1.6.x gives the same
pages, file by file; publish and the engine's choice work with either. Each engine runs in its
own process (ProperDocs takes over `import mkdocs` for the whole process)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from site_helpers import REPO_ROOT, TODAY, commit_all, git, git_init, make_borough

GENERATOR = re.compile(r'<meta name="generator" content="([^"]*)">')
# The sitemap gives each page the day it was built: the same day, but not worth the risk
# of a build either side of midnight.
DATED = {"sitemap.xml", "sitemap.xml.gz"}


def localoffer(*args: str, cwd: Path = REPO_ROOT) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("LOCALOFFER_ENGINE", "LOCALOFFER_TODAY", "LOCALOFFER_CONFIG")}
    return subprocess.run([sys.executable, "-m", "localoffer", *args], cwd=cwd, env=environment,
                          capture_output=True, text=True)


def built_files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes()
            for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.mark.slow
def test_the_demo_built_by_mkdocs_and_by_properdocs_is_the_same_page_by_page(
        tmp_path: Path) -> None:
    sites = {}
    for engine in ("mkdocs", "properdocs"):
        done = localoffer("build", "--engine", engine, "--today", TODAY,
                          "--config", str(REPO_ROOT / "localoffer.yml"),
                          "--site-dir", str(tmp_path / engine))
        assert done.returncode == 0, done.stderr
        assert "12 published offers" in done.stderr
        sites[engine] = built_files(tmp_path / engine)
    mkdocs, properdocs = sites["mkdocs"], sites["properdocs"]
    assert sorted(mkdocs) == sorted(properdocs)
    pages = [name for name in mkdocs if name.endswith(".html")]
    assert len(pages) >= 60 and "settings/beacon-hill-school/index.html" in pages
    assert GENERATOR.search(mkdocs["index.html"].decode()).group(1).startswith("mkdocs-1.6")
    assert "ProperDocs 1.6" in GENERATOR.search(properdocs["index.html"].decode()).group(1)
    for name in mkdocs:
        if name in DATED:
            continue
        ours, theirs = mkdocs[name], properdocs[name]
        if name.endswith(".html"):
            ours = GENERATOR.sub("", ours.decode()).encode()
            theirs = GENERATOR.sub("", theirs.decode()).encode()
        assert ours == theirs, f"{name} differs between MkDocs and ProperDocs"


@pytest.mark.slow
def test_properdocs_publishes_a_version_with_mike(tmp_path: Path) -> None:
    borough = tmp_path / "borough"
    borough.mkdir()
    make_borough(borough, 2)
    (borough / ".gitignore").write_text("site/\n", encoding="utf-8")
    git_init(borough)
    commit_all(borough, "Offers for 2026-27")
    done = localoffer("publish", "--engine", "properdocs", "--version", "2026-27",
                      "--today", TODAY, cwd=borough)
    assert done.returncode == 0, done.stderr
    assert "Published version 2026-27 with latest, on the gh-pages branch" in done.stdout
    page = git(borough, "show", "gh-pages:2026-27/settings/setting-00000/index.html")
    assert "ProperDocs 1.6" in GENERATOR.search(page).group(1)
    assert git(borough, "show", "gh-pages:latest").strip() == "2026-27"


def test_the_engine_comes_from_the_environment_when_not_given(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "localoffer", "build", "--today", TODAY,
                           "--site-dir", str(tmp_path / "site")], cwd=REPO_ROOT,
                          env={**os.environ, "LOCALOFFER_ENGINE": "hugo"},
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.strip() == ("'hugo' is not an engine localoffer can build with: use "
                                   "mkdocs or properdocs (from --engine or LOCALOFFER_ENGINE).")
    assert not (tmp_path / "site").exists()
