"""The pull-request check as GitHub runs it: the `run:` script of the step of
.github/workflows/pull-request.yml's `checks` job that runs `localoffer check`, read from the
workflow file itself, run with bash in a repository on the merge commit GitHub makes."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from gitrepos import git
from testpaths import REPO_ROOT

WORKFLOW = REPO_ROOT / ".github" / "workflows" / "pull-request.yml"


def checks_step() -> dict[str, object]:
    job = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["checks"]
    (step,) = [step for step in job["steps"] if "localoffer check" in step.get("run", "")]
    return step


def run_checks_job(repo: Path, branch: str, base: str = "main") -> subprocess.CompletedProcess[str]:
    """Check out the merge of `branch` into `base` (GitHub's refs/pull/N/merge), then run the
    step with BASE and HEAD as GitHub sets them (the base's commit and the branch's) and with
    `localoffer` of this Python on the PATH. The checkout is left on `base` afterwards."""
    step = checks_step()
    assert step["env"] == {"BASE": "${{ github.event.pull_request.base.sha }}",
                           "HEAD": "${{ github.event.pull_request.head.sha }}"}
    base_sha = git(repo, "merge-base", base, branch).strip()
    head_sha = git(repo, "rev-parse", branch).strip()
    git(repo, "checkout", "-q", "--detach", base)
    git(repo, "merge", "-q", "--no-ff", "--no-edit", branch)
    script = repo.parent / "checks-step.sh"
    script.write_text(str(step["run"]), encoding="utf-8")
    environment = {**os.environ, "BASE": base_sha, "HEAD": head_sha,
                   "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    try:
        # GitHub's default shell for `run:` on Linux: bash -e {0}.
        return subprocess.run(["bash", "-e", str(script)], cwd=repo, env=environment,
                              capture_output=True, text=True, timeout=300)
    finally:
        git(repo, "checkout", "-q", base)
