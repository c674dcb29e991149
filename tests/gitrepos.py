"""Real Git repositories in temporary folders, for the review workflow's tests.

`isolated_git` keeps the machine's and the user's Git configuration out (GIT_CONFIG_NOSYSTEM,
a temporary HOME); `borough_repo` makes a borough with synthetic offers that pass every check;
`localoffer` runs the command line in-process in a folder and returns (exit code, out, err).
"""
from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from localoffer.borough import load_borough
from localoffer.cli import main
from localoffer.synthetic import synthetic_offer, synthetic_setting

REPO_ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 28)


def isolated_git(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    for name in list(os.environ):
        if name.startswith("GIT_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
    monkeypatch.setenv("GIT_TERMINAL_PROMPT", "0")
    (home / ".gitconfig").write_text("[init]\n\tdefaultBranch = main\n", encoding="utf-8")


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True)
    if done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {done.stderr}")
    return done.stdout


def set_identity(folder: Path, name: str, email: str) -> None:
    git(folder, "config", "user.name", name)
    git(folder, "config", "user.email", email)


def write_offer(folder: Path, index: int, maintainers: list[str], slug: str | None = None,
                today: date = TODAY) -> Path:
    """Write a synthetic offer that passes every check, with the given maintainers."""
    borough = load_borough(folder / "localoffer.yml")
    setting = synthetic_setting(borough, index, today)
    text = synthetic_offer(borough, setting, words_per_answer=40)
    listed = ", ".join(f'"{entry}"' for entry in maintainers)
    text = text.replace(f'maintainers: ["@example/{setting.slug}"]', f"maintainers: [{listed}]")
    path = folder / "offers" / (slug or setting.slug) / "offer.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def borough_repo(folder: Path, offers: dict[str, list[str]], reviewers: list[str] | None = None,
                 extra_config: str = "") -> Path:
    """A committed borough: localoffer.yml and one offer per slug with its maintainers."""
    folder.mkdir(parents=True, exist_ok=True)
    git(folder, "init", "--quiet", "--initial-branch=main")
    set_identity(folder, "LA Admin", "admin@la.example")
    config = (REPO_ROOT / "localoffer.yml").read_text(encoding="utf-8")
    if reviewers is not None:
        listed = ", ".join(f'"{entry}"' for entry in reviewers)
        config = config.replace('reviewers: ["@calderbrook/send-reviewers"]',
                                f"reviewers: [{listed}]")
    (folder / "localoffer.yml").write_text(config + extra_config, encoding="utf-8")
    for index, (slug, maintainers) in enumerate(offers.items()):
        write_offer(folder, index, maintainers, slug)
    git(folder, "add", "--all")
    git(folder, "commit", "--quiet", "-m", "Start the Local Offer")
    return folder


def shared_remote(tmp: Path, seed: Path) -> Path:
    """A bare repository holding `seed`'s main branch, as a Git host would."""
    remote = tmp / "shared.git"
    git(tmp, "init", "--quiet", "--bare", "--initial-branch=main", str(remote))
    git(seed, "remote", "add", "origin", str(remote))
    git(seed, "push", "--quiet", "-u", "origin", "main")
    return remote


def clone(remote: Path, folder: Path, name: str, email: str) -> Path:
    git(remote.parent, "clone", "--quiet", str(remote), str(folder))
    set_identity(folder, name, email)
    return folder


def localoffer(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
               folder: Path, *args: str) -> tuple[int, str, str]:
    """Run `localoffer ARGS` in `folder`; return (exit code, stdout, stderr)."""
    capsys.readouterr()
    with monkeypatch.context() as patch:
        patch.chdir(folder)
        code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def copy_tree(source: Path, target: Path) -> None:
    shutil.copytree(source, target)


def demo_repo(folder: Path, *, parts: tuple[str, ...] = ("offers", "docs", "localoffer.yml",
                                                         "mkdocs.yml"),
              offers: tuple[str, ...] = (), message: str = "Calderbrook's offers") -> Path:
    """The demo borough's `parts` copied into a new Git repository in `folder` (only the
    `offers` folders named, when any are), committed on main by Rita Reviewer; site/ ignored.
    Call isolated_git first."""
    folder.mkdir()
    for name in parts:
        source = REPO_ROOT / name
        if name == "offers" and offers:
            for slug in offers:
                shutil.copytree(source / slug, folder / name / slug)
        elif source.is_dir():
            shutil.copytree(source, folder / name)
        else:
            shutil.copy(source, folder / name)
    (folder / ".gitignore").write_text("site/\n", encoding="utf-8")
    git(folder, "init", "-q", "-b", "main")
    set_identity(folder, "Rita Reviewer", "rita@calderbrook.example")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", message)
    return folder
