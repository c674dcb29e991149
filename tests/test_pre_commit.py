"""The pre-commit hooks, run by the real pre-commit in real Git repositories.

Nothing is downloaded. This repository's .pre-commit-config.yaml uses the hooks as
`repo: local` with `language: system` (the localoffer installed here). The published manifest
(.pre-commit-hooks.yaml, `language: python`) is run with `pre-commit try-repo`, which builds
the hook's own virtualenv from this checkout, as a borough's machine does; pip installs its
dependencies from the wheelhouse that scripts/test.sh downloads once (PIP_NO_INDEX keeps pip
off the network). The hook's virtualenv is made from the base interpreter, so it could not
see the packages of the virtual environment that runs the tests.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from localoffer.borough import load_borough
from localoffer.synthetic import synthetic_offer, synthetic_setting

REPO_ROOT = Path(__file__).resolve().parents[1]
# Where scripts/test.sh downloads every package the tests install: <venv>/wheelhouse.
WHEELHOUSE = Path(os.environ.get("LOCALOFFER_WHEELHOUSE", Path(sys.prefix) / "wheelhouse"))
FILES_PATTERN = r"(^|/)offers/[^/]+/offer\.md$"
# The checks read "You said, we did" items (feedback/) too; the fixes are for offers only.
CHECKED_FILES_PATTERN = r"(^|/)(offers/[^/]+/offer\.md|feedback/.+\.md)$"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """Git and pre-commit kept away from the machine's settings and caches; no network."""
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text("[init]\n\tdefaultBranch = main\n[user]\n\tname = Sam SENCO\n"
                                     "\temail = senco@oakfield.example\n")
    environment = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    environment.update({
        "HOME": str(home),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": str(home / ".gitconfig"),
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PIP_NO_INDEX": "1",
    })
    return environment


def run(folder: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """Run a command; its output, stdout then stderr, is in `.stdout` (git prints a hook's
    output on stderr)."""
    return subprocess.run(list(args), cwd=folder, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)


def good_offer(folder: Path, index: int) -> Path:
    """An offer that passes every check today (the hook runs without --today)."""
    borough = load_borough(folder / "localoffer.yml")
    setting = synthetic_setting(borough, index, date.today())
    path = folder / "offers" / setting.slug / "offer.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(synthetic_offer(borough, setting, words_per_answer=40), encoding="utf-8")
    return path


def without_local_offer_link(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "/localoffer)" in text
    path.write_text(re.sub(r"Read the \[[^\]]*\]\([^)]*\)\.", "Ask us for details.", text),
                    encoding="utf-8")


@pytest.fixture
def borough_repo(tmp_path: Path, env: dict[str, str]) -> Path:
    """A borough's repository using this repository's own pre-commit configuration."""
    repo = tmp_path / "borough"
    repo.mkdir()
    shutil.copy(REPO_ROOT / "localoffer.yml", repo / "localoffer.yml")
    shutil.copy(REPO_ROOT / ".pre-commit-config.yaml", repo / ".pre-commit-config.yaml")
    assert run(repo, env, "git", "init", "-q").returncode == 0
    installed = run(repo, env, sys.executable, "-m", "pre_commit", "install")
    assert installed.returncode == 0, installed.stdout
    assert run(repo, env, "git", "add", ".").returncode == 0
    assert run(repo, env, "git", "commit", "-q", "-m", "Borough settings").returncode == 0
    return repo


def commits(repo: Path, env: dict[str, str]) -> int:
    return int(run(repo, env, "git", "rev-list", "--count", "HEAD").stdout)


def test_the_manifest_and_this_repos_config_are_valid_and_agree(env: dict[str, str]) -> None:
    for command in ("validate-manifest", "validate-config"):
        name = ".pre-commit-hooks.yaml" if command == "validate-manifest" else ".pre-commit-config.yaml"
        done = run(REPO_ROOT, env, sys.executable, "-m", "pre_commit", command, name)
        assert done.returncode == 0, done.stdout
    yaml = YAML(typ="safe")
    manifest = {hook["id"]: hook for hook in yaml.load(REPO_ROOT / ".pre-commit-hooks.yaml")}
    config = yaml.load(REPO_ROOT / ".pre-commit-config.yaml")
    local = {hook["id"]: hook for repo in config["repos"] if repo["repo"] == "local"
             for hook in repo["hooks"]}
    assert set(manifest) == set(local) == {"localoffer-check", "localoffer-fix"}
    for hook_id, hook in manifest.items():
        assert hook["language"] == "python" and local[hook_id]["language"] == "system"
        expected = CHECKED_FILES_PATTERN if hook_id == "localoffer-check" else FILES_PATTERN
        assert hook["files"] == local[hook_id]["files"] == expected
        assert hook["entry"] == local[hook_id]["entry"] == f"localoffer {hook_id.split('-')[1]}"
    # Fixes run before the checks, so the checks see the fixed file.
    assert list(local) == ["localoffer-fix", "localoffer-check"]


def test_a_good_offer_is_committed_and_a_bad_one_refused(borough_repo: Path,
                                                         env: dict[str, str]) -> None:
    good = good_offer(borough_repo, 0)
    run(borough_repo, env, "git", "add", ".")
    done = run(borough_repo, env, "git", "commit", "-m", "Oakfield's offer")
    assert done.returncode == 0, done.stdout
    assert re.search(r"localoffer check .*Passed", done.stdout)
    before = commits(borough_repo, env)

    bad = good_offer(borough_repo, 1)
    without_local_offer_link(bad)
    run(borough_repo, env, "git", "add", ".")
    done = run(borough_repo, env, "git", "commit", "-m", "A second offer")
    assert done.returncode != 0
    assert re.search(r"localoffer check .*Failed", done.stdout)
    shown = bad.relative_to(borough_repo).as_posix()
    assert re.search(rf"{re.escape(shown)}:\d+: links/local-offer ", done.stdout)
    assert str(good.relative_to(borough_repo)) not in done.stdout  # only the changed file
    assert commits(borough_repo, env) == before


def test_the_hook_sees_only_the_changed_offers(borough_repo: Path, env: dict[str, str]) -> None:
    bad = good_offer(borough_repo, 1)
    without_local_offer_link(bad)
    run(borough_repo, env, "git", "add", ".")
    # Someone committed a bad offer without the hooks; it does not block other settings.
    assert run(borough_repo, env, "git", "commit", "--no-verify", "-m", "bad").returncode == 0
    good_offer(borough_repo, 2)
    run(borough_repo, env, "git", "add", ".")
    done = run(borough_repo, env, "git", "commit", "-m", "Another setting")
    assert done.returncode == 0, done.stdout
    assert "links/local-offer" not in done.stdout


def test_the_fix_hook_fixes_then_the_commit_goes_through(borough_repo: Path,
                                                          env: dict[str, str]) -> None:
    path = good_offer(borough_repo, 3)
    text = path.read_text()
    reviewed = re.search(r"last_reviewed: (\d{4})-(\d\d)-(\d\d)", text)
    path.write_text(text.replace(reviewed.group(0), f"last_reviewed: {reviewed.group(3)}/"
                                                    f"{reviewed.group(2)}/{reviewed.group(1)}"))
    run(borough_repo, env, "git", "add", ".")
    done = run(borough_repo, env, "git", "commit", "-m", "Offer with a UK date")
    assert done.returncode != 0
    assert "files were modified by this hook" in done.stdout
    assert reviewed.group(0) in path.read_text()  # the file on disk is fixed
    run(borough_repo, env, "git", "add", ".")
    done = run(borough_repo, env, "git", "commit", "-m", "Offer with a UK date, fixed")
    assert done.returncode == 0, done.stdout


@pytest.mark.slow
def test_try_repo_runs_the_published_hooks_offline(borough_repo: Path, env: dict[str, str]) -> None:
    """The manifest as a borough repository uses it (language: python), built from this
    checkout's HEAD without touching the network."""
    if not any(WHEELHOUSE.glob("setuptools-*.whl")):
        pytest.fail(f"There is no wheelhouse at {WHEELHOUSE} for pre-commit to install the hook "
                    "from. Run 'bash scripts/test.sh' (it makes one), or: python -m pip wheel "
                    f"-w {WHEELHOUSE} '.[test,search,pdf]' setuptools", pytrace=False)
    env = {**env, "PIP_FIND_LINKS": str(WHEELHOUSE),
           "VIRTUALENV_SYSTEM_SITE_PACKAGES": "0"}
    good = good_offer(borough_repo, 4)
    bad = good_offer(borough_repo, 5)
    without_local_offer_link(bad)
    run(borough_repo, env, "git", "add", ".")
    done = run(borough_repo, env, sys.executable, "-m", "pre_commit", "try-repo", str(REPO_ROOT),
               "localoffer-check", "--files", str(good.relative_to(borough_repo)))
    assert done.returncode == 0, done.stdout
    assert re.search(r"localoffer check .*Passed", done.stdout)
    done = run(borough_repo, env, sys.executable, "-m", "pre_commit", "try-repo", str(REPO_ROOT),
               "localoffer-check", "--files", str(bad.relative_to(borough_repo)))
    assert done.returncode == 1, done.stdout
    assert "links/local-offer" in done.stdout
