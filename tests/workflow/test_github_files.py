"""The .github folder: workflows valid and locked down, templates valid, CODEOWNERS current."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from localoffer.cli import COMMANDS

from gitrepos import REPO_ROOT

GITHUB = REPO_ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ISSUE_FORMS = sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")
# What each workflow may be granted, job by job; anything else is refused.
ALLOWED_WRITES = {"publish.yml": {"contents"}, "reminders.yml": {"issues"},
                  "pull-request.yml": set(), "ownership.yml": set()}
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def _load(path: Path) -> Any:
    # YAML 1.2 (ruamel), so the key `on:` stays the string "on".
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def _validate(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema,
                           str(path)], capture_output=True, text=True, timeout=120)


def test_there_are_the_four_workflows() -> None:
    assert [path.name for path in WORKFLOWS] == ["ownership.yml", "publish.yml",
                                                 "pull-request.yml", "reminders.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_match_githubs_schema(path: Path) -> None:
    done = _validate("vendor.github-workflows", path)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_schema_check_really_rejects_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    steps: oops\n")
    assert _validate("vendor.github-workflows", broken).returncode != 0


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_have_minimal_permissions(path: Path) -> None:
    """pull_request_target only in the ownership gate (see test_ownership_gate.py)."""
    workflow = _load(path)
    if path.name != "ownership.yml":
        assert "pull_request_target" not in path.read_text()
    assert workflow["permissions"] == {"contents": "read"}
    granted = set()
    for job in workflow["jobs"].values():
        permissions = job.get("permissions", workflow["permissions"])
        assert isinstance(permissions, dict), "write-all / read-all are not allowed"
        granted |= {scope for scope, level in permissions.items() if level == "write"}
    assert granted == ALLOWED_WRITES[path.name]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_full_commit_shas(path: Path) -> None:
    steps = [step for job in _load(path)["jobs"].values() for step in job["steps"]]
    uses = [step["uses"] for step in steps if "uses" in step]
    assert uses, "each workflow checks out the repository"
    for action in uses:
        assert PINNED.match(action), action


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_scripts_take_event_data_through_env_not_inline(path: Path) -> None:
    """`${{ }}` inside `run:` is a script-injection risk; values go through `env:`."""
    for job in _load(path)["jobs"].values():
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), step.get("name")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_only_call_commands_that_exist(path: Path) -> None:
    scripts = [step.get("run", "") for job in _load(path)["jobs"].values() for step in job["steps"]]
    called = re.findall(r"\blocaloffer ([a-z-]+)", "\n".join(scripts))
    assert called
    assert set(called) <= set(COMMANDS)


def test_the_workflows_run_what_the_issue_asks() -> None:
    pr, gate, publish, reminders = (_load(GITHUB / "workflows" / name) for name in (
        "pull-request.yml", "ownership.yml", "publish.yml", "reminders.yml"))
    pr_scripts = " ".join(s.get("run", "") for j in pr["jobs"].values() for s in j["steps"])
    assert "localoffer check --format github" in pr_scripts
    gate_scripts = " ".join(s.get("run", "") for j in gate["jobs"].values() for s in j["steps"])
    assert 'localoffer check-ownership --base "$BASE" --head "$HEAD" --author "$AUTHOR"' \
        in gate_scripts
    assert "localoffer codeowners --check" in pr_scripts
    assert "localoffer build" in pr_scripts
    assert publish["on"]["push"]["branches"] == ["main"]
    assert "localoffer publish --version" in str(publish) and "git push origin gh-pages" in str(
        publish)
    assert set(reminders["on"]) == {"schedule", "workflow_dispatch"}
    assert "localoffer due --open-issues" in str(reminders)
    assert "localoffer check --links online" in str(reminders["jobs"]["links"])
    assert reminders["jobs"]["links"]["permissions"] == {"contents": "read"}


@pytest.mark.parametrize("path", ISSUE_FORMS, ids=lambda p: p.name)
def test_issue_forms_match_githubs_schema(path: Path) -> None:
    done = _validate("vendor.github-issue-forms", path)
    assert done.returncode == 0, done.stdout + done.stderr


def test_issue_forms_and_their_config() -> None:
    names = {_load(path)["name"] for path in ISSUE_FORMS}
    assert names == {"Suggest a change to a setting's offer", "Report a problem with the site"}
    done = _validate("vendor.github-issue-config", GITHUB / "ISSUE_TEMPLATE" / "config.yml")
    assert done.returncode == 0, done.stdout + done.stderr
    # Pages link to the form with ?template=suggest-a-change.yml&setting=<name>: the id must stay.
    form = _load(GITHUB / "ISSUE_TEMPLATE" / "suggest-a-change.yml")
    assert [item.get("id") for item in form["body"]][1] == "setting"


def test_pull_request_template_is_the_reviewers_checklist() -> None:
    text = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    for principle in ("Collaborative", "Accessible", "Comprehensive", "Transparent"):
        assert re.search(rf"^- \[ \] \*\*{principle}\*\*", text, re.M), principle
    assert "How were parents, carers and young people involved in this change?" in text


def test_codeowners_is_up_to_date_for_the_demo_borough() -> None:
    done = subprocess.run([sys.executable, "-m", "localoffer", "codeowners", "--check"],
                          cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
