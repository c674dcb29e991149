"""The ownership gate (.github/workflows/ownership.yml): what its YAML grants, and its steps run
for real on a pull request that edits another school's offer and patches the checker.

GitHub's part is played by a bare repository holding the pull request's commits (as GitHub
keeps them under refs/pull/<n>/head); actions/checkout by a clone at the ref the step asks
for; actions/setup-python by a new virtual environment that sees this one's libraries but not
localoffer. The workflow's own `run:` scripts run unchanged in bash, as GitHub runs them.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from gitrepos import REPO_ROOT, borough_repo, clone, git, shared_remote

WORKFLOWS = REPO_ROOT / ".github" / "workflows"
GATE = WORKFLOWS / "ownership.yml"
BASE_SHA = "${{ github.event.pull_request.base.sha }}"
HEAD_SHA = "${{ github.event.pull_request.head.sha }}"
PATCH = '''

def check_changes(*args, **kwargs):  # the pull request's own "improvement"
    return []
'''


def _load(path: Path) -> Any:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def _steps(path: Path) -> list[dict[str, Any]]:
    return [step for job in _load(path)["jobs"].values() for step in job["steps"]]


# What the YAML says.

def test_the_gate_runs_the_base_branchs_checker_with_the_fewest_permissions() -> None:
    gate = _load(GATE)
    assert gate["on"] == {"pull_request_target": {"branches": ["main"]}}
    assert gate["permissions"] == {"contents": "read"}
    (job,) = gate["jobs"].values()
    assert job["name"] == "The author may change these files"  # the required check's name
    assert job["permissions"] == {"contents": "read"}
    checkouts = [step for step in job["steps"] if "actions/checkout@" in step.get("uses", "")]
    assert [step["with"] for step in checkouts] == [
        {"ref": BASE_SHA, "fetch-depth": 0, "persist-credentials": False}]
    runs = [step["run"].strip() for step in job["steps"] if "run" in step]
    assert runs[:2] == ["python -m pip install .",
                        'git fetch --no-tags --no-recurse-submodules origin '
                        '"+$HEAD:refs/localoffer/proposed"']
    assert runs[2].startswith('localoffer check-ownership --base "$BASE" --head "$HEAD" '
                              '--author "$AUTHOR"')
    assert len(runs) == 3
    assert job["steps"][-1]["env"] == {"BASE": BASE_SHA, "HEAD": HEAD_SHA,
                                       "AUTHOR": "${{ github.event.pull_request.user.login }}"}
    text = GATE.read_text(encoding="utf-8")
    assert "secrets." not in text and "github.token" not in text
    assert not any("cache" in step.get("with", {}) for step in job["steps"])


def test_only_the_gate_runs_on_pull_request_target() -> None:
    for path in WORKFLOWS.glob("*.yml"):
        if path != GATE:
            assert "pull_request_target" not in path.read_text(encoding="utf-8"), path.name


def test_the_other_pull_request_jobs_run_its_code_without_privilege() -> None:
    workflow = _load(WORKFLOWS / "pull-request.yml")
    assert set(workflow["on"]) == {"pull_request"}
    assert workflow["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in workflow["jobs"].values())
    assert "check-ownership" not in str(workflow)
    assert "secrets." not in str(workflow)


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_no_workflow_keeps_credentials_on_disk(path: Path) -> None:
    checkouts = [step for step in _steps(path) if "actions/checkout@" in step.get("uses", "")]
    assert checkouts
    for step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False, path.name


def test_publish_gives_its_token_to_the_push_step_only() -> None:
    steps = _steps(WORKFLOWS / "publish.yml")
    with_token = [step for step in steps if "secrets." in str(step) or "github.token" in str(step)]
    assert [step["name"] for step in with_token] == ["Push the website to the gh-pages branch"]
    (push,) = with_token
    assert set(push["env"]) == {"TOKEN"} and "localoffer" not in push["run"]
    assert "git push" in push["run"] and "git config" not in push["run"]
    builds = [step for step in steps if "localoffer publish" in step.get("run", "")]
    assert len(builds) == 1 and "--push" not in builds[0]["run"]


# The steps, run.

@dataclass(frozen=True)
class PullRequest:
    remote: Path
    base: str
    head: str
    author: str


def _source_at(folder: Path) -> None:
    """This localoffer's source in `folder`, as the repository holds it."""
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO_ROOT / name, folder / name)
    shutil.copytree(REPO_ROOT / "tools" / "localoffer", folder / "tools" / "localoffer",
                    ignore=shutil.ignore_patterns("__pycache__"))


@pytest.fixture
def published(tmp_path: Path) -> Path:
    """The shared repository: two schools' offers, and the checker's source."""
    seed = borough_repo(tmp_path / "la", {"oakfield": ["@oak-senco"], "beacon": ["@bea"]})
    _source_at(seed)
    git(seed, "add", "--all")
    git(seed, "commit", "--quiet", "-m", "The checker")
    return shared_remote(tmp_path, seed)


def _propose(remote: Path, folder: Path, number: int, edits: dict[str, str]) -> PullRequest:
    """A school's pull request: `edits` appended to files, pushed where GitHub keeps it."""
    school = clone(remote, folder, "Oak Senco", "senco@oakfield.example")
    git(school, "switch", "--quiet", "-c", "offer/oakfield/2026-11-28")
    for path, words in edits.items():
        target = school / path
        target.write_text(target.read_text(encoding="utf-8") + words, encoding="utf-8")
    git(school, "commit", "--quiet", "-am", "My change")
    git(school, "push", "--quiet", "origin", f"HEAD:refs/pull/{number}/head")
    return PullRequest(remote, git(school, "rev-parse", "origin/main").strip(),
                       git(school, "rev-parse", "HEAD").strip(), "oak-senco")


def _run_job(workflow: Path, pr: PullRequest, folder: Path) -> tuple[int, str]:
    """Run the workflow's only job for `pr`, step by step; (exit code, everything printed)."""
    (job,) = _load(workflow)["jobs"].values()
    known = {BASE_SHA: pr.base, HEAD_SHA: pr.head,
             "${{ github.event.pull_request.user.login }}": pr.author,
             "${{ github.actor }}": pr.author}

    def value(text: Any) -> str:
        text = str(text)
        for expression, meaning in known.items():
            text = text.replace(expression, meaning)
        assert "${{" not in text, text
        return text

    folder.mkdir()
    workspace, venv = folder / "workspace", folder / "venv"
    env = dict(os.environ, PIP_NO_INDEX="1", PIP_NO_BUILD_ISOLATION="false",
               PIP_DISABLE_PIP_VERSION_CHECK="1")
    env.pop("PYTHONPATH", None)  # a runner has none: localoffer comes from the install step
    printed = []
    for step in job["steps"]:
        uses = step.get("uses", "")
        if "actions/checkout@" in uses:
            # Without `ref`, pull_request_target checks out the base; pull_request the change.
            trigger = "pull_request_target" in _load(workflow)["on"]
            ref = value(step.get("with", {}).get("ref", BASE_SHA if trigger else HEAD_SHA))
            git(folder, "clone", "--quiet", "--no-checkout", str(pr.remote), str(workspace))
            git(workspace, "checkout", "--quiet", "--detach", ref)
        elif "actions/setup-python@" in uses:
            subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
            site = Path(subprocess.run(
                [str(venv / "bin" / "python"), "-c",
                 "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                capture_output=True, text=True, check=True).stdout.strip())
            (site / "libraries.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
            env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env['PATH']}"
        else:
            step_env = {name: value(text) for name, text in step.get("env", {}).items()}
            done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                                   step["run"]], cwd=workspace, env={**env, **step_env},
                                  capture_output=True, text=True, timeout=600)
            printed.append(done.stdout + done.stderr)
            if done.returncode:
                return done.returncode, "".join(printed)
    return 0, "".join(printed)


@pytest.mark.slow
def test_a_pull_request_that_patches_the_checker_is_still_refused(
        published: Path, tmp_path: Path) -> None:
    attack = _propose(published, tmp_path / "attacker", 1, {
        "offers/beacon/offer.md": "\nWe have closed.\n",
        "tools/localoffer/workflow/ownership.py": PATCH})

    # The pull request's own checker lets its change through: this is what ran before.
    proposed = tmp_path / "attacker"
    done = subprocess.run(
        [sys.executable, "-m", "localoffer", "check-ownership", "--base", attack.base,
         "--head", attack.head, "--author", attack.author], cwd=proposed,
        env=dict(os.environ, PYTHONPATH=str(proposed / "tools")), capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (
        0, "All 2 changed files are ones oak-senco may change.\n"), done.stderr

    code, printed = _run_job(GATE, attack, tmp_path / "gate")

    assert code == 1, printed
    assert "::error file=offers/beacon/offer.md,title=ownership::This file belongs to the " \
           "offer of 'beacon'" in printed
    assert "tools/localoffer/workflow/ownership.py: This is a shared file" in printed
    assert "2 of the 2 changed files cannot be changed by oak-senco; see above." in printed
    workspace = tmp_path / "gate" / "workspace"
    assert git(workspace, "rev-parse", "HEAD").strip() == attack.base
    assert "pull request's own" not in (
        workspace / "tools/localoffer/workflow/ownership.py").read_text(encoding="utf-8")
    installed = subprocess.run([str(tmp_path / "gate/venv/bin/python"), "-c",
                                "import localoffer.workflow.ownership as o; print(o.__file__)"],
                               env={"PATH": os.environ["PATH"]}, capture_output=True, text=True,
                               check=True).stdout
    assert "/gate/venv/" in installed and "pull request's own" not in Path(
        installed.strip()).read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_school_changing_its_own_offer_passes_the_gate(published: Path,
                                                         tmp_path: Path) -> None:
    honest = _propose(published, tmp_path / "school", 2,
                      {"offers/oakfield/offer.md": "\nWe have a new lift.\n"})
    code, printed = _run_job(GATE, honest, tmp_path / "gate")
    assert code == 0, printed
    assert "::error" not in printed  # annotations are the only output of --format github
    assert git(tmp_path / "gate" / "workspace", "rev-parse", "HEAD").strip() == honest.base


def test_publishs_push_step_pushes_and_leaves_no_token_on_disk(tmp_path: Path) -> None:
    (push,) = [step for step in _steps(WORKFLOWS / "publish.yml")
               if step.get("name") == "Push the website to the gh-pages branch"]
    seed = borough_repo(tmp_path / "la", {"oakfield": ["@oak-senco"]})
    remote = shared_remote(tmp_path, seed)
    git(seed, "switch", "--quiet", "-c", "gh-pages")
    git(seed, "commit", "--quiet", "--allow-empty", "-m", "Publish the 2026-27 Local Offer")
    done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", push["run"]],
                          cwd=seed, env=dict(os.environ, TOKEN="ghs_not-a-real-token"),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert git(remote, "rev-parse", "gh-pages") == git(seed, "rev-parse", "gh-pages")
    config = (seed / ".git" / "config").read_text(encoding="utf-8")
    assert "ghs_not-a-real-token" not in config and "extraheader" not in config
