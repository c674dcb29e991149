"""`localoffer export`: formats, stdout or -o FILE, and the site's address."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from testpaths import REPO_ROOT
from localoffer.cli import main

SITE = "https://localoffer.calderbrook.example"


def run(*args: str) -> int:
    return main(["export", "--config", str(REPO_ROOT / "localoffer.yml"), "--today",
                 "2026-11-28", *args])


def test_json_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--format", "json", "--site-url", SITE) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "localoffer-export" and data["count"] == 12
    assert data["generated_on"] == "2026-11-28" and data["site_url"] == SITE + "/"


def test_csv_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "settings.csv"
    assert run("--format", "csv", "-o", str(target)) == 0
    out, err = capsys.readouterr()
    assert out == "" and err == f"Wrote {target}.\n"
    lines = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(lines) == 12
    # The demo's mkdocs.yml gives the site's address.
    assert all(line["url"] == f"{SITE}/settings/{line['slug']}/" for line in lines)


def test_openreferral_uses_the_demo_sites_address(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--format", "openreferral") == 0
    data = json.loads(capsys.readouterr().out)
    assert all(service["url"].startswith(SITE + "/settings/") for service in data["service"])


def test_openreferral(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--format", "openreferral", "--site-url", SITE) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["service"]) == 12
    assert all(service["url"].startswith(SITE + "/settings/") for service in data["service"])


def test_openreferral_without_a_site_address(borough_dir: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--config", str(borough_dir / "localoffer.yml"),
                 "--format", "openreferral"]) == 2
    err = capsys.readouterr().err
    assert "Add 'site_url: https://...' to mkdocs.yml" in err and "Traceback" not in err


def test_format_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    assert run() == 2
    assert "Missing option '--format'" in capsys.readouterr().err
