"""`localoffer schema`: the JSON Schema of the front-matter, the shipped copy, and the real
check-jsonschema run against offers' front-matter."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from localoffer.borough import Borough, load_borough
from localoffer.cli import main
from localoffer.commands.schema import SHIPPED_FEEDBACK_SCHEMA, SHIPPED_SCHEMA, schema_text
from localoffer.model.feedback_schema import FEEDBACK_FIELDS
from localoffer.model.frontmatter import split_front_matter
from localoffer.model.schema import FRONT_MATTER_FIELDS

# The test extra's command, beside this interpreter: the virtual environment need not be on PATH.
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


def _front_matter_file(offer: Path, folder: Path) -> Path:
    """The offer's front-matter as a YAML file, as an editor or CI step would extract it."""
    target = folder / f"{offer.parent.name}.yaml"
    target.write_text(split_front_matter(offer.read_text(encoding="utf-8"))[0], encoding="utf-8")
    return target


def _check_jsonschema(schema: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    assert CHECK_JSONSCHEMA.is_file(), f"{CHECK_JSONSCHEMA} is missing: pip install -e '.[test]'"
    return subprocess.run([str(CHECK_JSONSCHEMA), "--schemafile", str(schema), *map(str, files)],
                          capture_output=True, text=True)


def test_prints_a_valid_json_schema_with_every_key(borough_dir: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--config", str(borough_dir / "localoffer.yml")]) == 0
    schema = json.loads(capsys.readouterr().out)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert list(schema["properties"]) == list(FRONT_MATTER_FIELDS)
    assert set(schema["properties"]["senco"]["properties"]) == set(FRONT_MATTER_FIELDS["senco"].subfields)


def test_output_file(borough_dir: Path, borough: Borough, capsys: pytest.CaptureFixture[str]) -> None:
    target = borough_dir / "out" / "schema.json"
    assert main(["schema", "-o", str(target), "--config", str(borough_dir / "localoffer.yml")]) == 0
    assert target.read_text() == schema_text(borough)
    assert capsys.readouterr().out == ""


def test_follows_the_boroughs_setting_types(borough_dir: Path) -> None:
    config = borough_dir / "localoffer.yml"
    config.write_text(config.read_text() + """
setting_types:
  hospital-school:
    label: Hospital school
    duty: true
    question_set: se7-parent
    urn: dfe
    required_areas: [identifying-needs]
""")
    schema = json.loads(schema_text(load_borough(config)))
    assert "hospital-school" in schema["properties"]["type"]["enum"]


def test_the_shipped_copy_is_up_to_date(repo_root: Path, demo_borough: Borough) -> None:
    shipped = repo_root / SHIPPED_SCHEMA
    assert shipped.read_text(encoding="utf-8") == schema_text(demo_borough), (
        f"{SHIPPED_SCHEMA} is out of date: run 'localoffer schema -o {SHIPPED_SCHEMA}'")


def test_check_jsonschema_accepts_every_demo_offers_front_matter(repo_root: Path,
                                                                 tmp_path: Path) -> None:
    offers = sorted((repo_root / "offers").glob("*/offer.md"))
    assert offers
    files = [_front_matter_file(offer, tmp_path) for offer in offers]
    done = _check_jsonschema(repo_root / SHIPPED_SCHEMA, *files)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ok -- validation done" in done.stdout


def test_check_jsonschema_refuses_bad_values_naming_the_key(repo_root: Path,
                                                            tmp_path: Path) -> None:
    offer = sorted((repo_root / "offers").glob("*/offer.md"))[0]
    good = _front_matter_file(offer, tmp_path)
    bad = tmp_path / "bad.yaml"
    text = re.sub(r"(?m)^status: .*$", "status: finished", good.read_text())
    bad.write_text(re.sub(r"(?m)^website: .*$", "website: http://insecure.example", text))
    done = _check_jsonschema(repo_root / SHIPPED_SCHEMA, bad)
    assert done.returncode == 1
    assert "$.status" in done.stdout and "$.website" in done.stdout


def test_check_jsonschema_refuses_a_fresh_template(borough_dir: Path, tmp_path: Path) -> None:
    config = borough_dir / "localoffer.yml"
    assert main(["new", "--type", "primary", "--name", "Oakfield", "--config", str(config)]) == 0
    assert main(["schema", "-o", str(tmp_path / "schema.json"), "--config", str(config)]) == 0
    front = _front_matter_file(borough_dir / "offers" / "oakfield" / "offer.md", tmp_path)
    done = _check_jsonschema(tmp_path / "schema.json", front)
    assert done.returncode == 1 and "$.urn" in done.stdout and "$.senco.email" in done.stdout


def test_the_feedback_schema_is_shipped_up_to_date_and_checks_items(
        repo_root: Path, demo_borough: Borough, tmp_path: Path) -> None:
    shipped = repo_root / SHIPPED_FEEDBACK_SCHEMA
    assert shipped.read_text(encoding="utf-8") == schema_text(demo_borough, feedback=True), (
        f"{SHIPPED_FEEDBACK_SCHEMA} is out of date: run "
        f"'localoffer schema --feedback -o {SHIPPED_FEEDBACK_SCHEMA}'")
    schema = json.loads(shipped.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert list(schema["properties"]) == list(FEEDBACK_FIELDS)
    assert schema["properties"]["theme"]["enum"][:2] == ["information", "ehc-plans"]
    items = sorted((repo_root / "feedback").glob("*.md"))
    files = []
    for item in items:
        if item.name == "README.md":
            continue
        target = tmp_path / f"{item.stem}.yaml"
        target.write_text(split_front_matter(item.read_text(encoding="utf-8"))[0])
        files.append(target)
    assert len(files) == 12
    done = _check_jsonschema(shipped, *files)
    assert done.returncode == 0, done.stdout + done.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\nreceived: 2026-01-01\ntheme: buses\nabout: local-offer\n"
                   "status: done\n")
    done = _check_jsonschema(shipped, bad)
    assert done.returncode == 1
    assert "$.theme" in done.stdout and "done_on" in done.stdout


def test_schema_feedback_option_prints_it(borough_dir: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--feedback", "--config", str(borough_dir / "localoffer.yml")]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["required"] == ["title", "received", "theme", "about", "status"]
