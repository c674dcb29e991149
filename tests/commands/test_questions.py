"""`localoffer questions`, and the promise that every shipped question set is complete."""
from __future__ import annotations

from pathlib import Path

import pytest

from localoffer.borough import Borough, load_borough
from localoffer.cli import main


@pytest.fixture(scope="module")
def packaged(tmp_path_factory: pytest.TempPathFactory) -> Borough:
    """The packaged defaults alone: no localoffer.yml anywhere above the folder."""
    return load_borough(start=tmp_path_factory.mktemp("no-config"))


def test_every_shipped_set_covers_every_area_its_setting_types_require(packaged: Borough) -> None:
    checked = 0
    for question_set in packaged.question_sets.values():
        assert question_set.setting_types, f"{question_set.id} does not say which types it is for"
        for setting_type in question_set.setting_types:
            required = set(packaged.setting_types[setting_type].required_areas)
            missing = required - question_set.areas_covered(setting_type)
            assert not missing, f"{question_set.id} for {setting_type} leaves out {sorted(missing)}"
            checked += 1
    assert checked >= 20


def test_every_setting_types_usual_set_is_written_for_it(packaged: Borough) -> None:
    for kind in packaged.setting_types.values():
        assert kind.id in packaged.question_sets[kind.question_set].setting_types


def test_lists_every_set_with_its_types(borough_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions", "--config", str(borough_dir / "localoffer.yml")]) == 0
    out = capsys.readouterr().out
    for set_id in ("se7-parent", "se7-young-person", "manchester", "stockport-school"):
        assert f"{set_id}: " in out
    assert "used by default for: sixth-form, fe-college" in out


def test_lists_a_sets_questions_with_ids_areas_and_borough_marks(
        borough_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions", "--set", "se7-parent",
                 "--config", str(borough_dir / "localoffer.yml")]) == 0
    out = capsys.readouterr().out
    assert "se7p-01\n  ## How does the setting know if children need extra help" in out
    assert "se7p-complaints [borough]\n" in out
    assert "se7p-01 [borough]" not in out
    assert "  area: resources-and-decisions, evaluating-provision" in out
    # Without --type, a question for some types only says which.
    assert "only for: secondary, all-through" in out


def test_type_shows_only_the_questions_that_apply_and_the_coverage(
        borough_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions", "--type", "childminder",
                 "--config", str(borough_dir / "localoffer.yml")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("se7-parent: ")
    assert "se7p-adulthood" not in out and "se7p-admissions" not in out
    assert "cover all 9 areas an offer for setting type childminder must cover" in out


def test_a_set_not_written_for_the_type_says_so_and_names_the_gaps(
        borough_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions", "--set", "manchester", "--type", "early-years",
                 "--config", str(borough_dir / "localoffer.yml")]) == 0
    out = capsys.readouterr().out
    assert "this set is not written for early-years" in out
    assert "leave out 1 of the areas" in out and "transitions" in out


def test_a_borough_set_is_listed(borough_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = borough_dir / "localoffer.yml"
    config.write_text(config.read_text() + """
question_sets:
  calderbrook-short:
    title: Calderbrook short questions
    for: [childminder]
    questions:
      - id: cb-01
        borough: true
        text: How do you know a child needs help?
        area: identifying-needs
""")
    assert main(["questions", "--set", "calderbrook-short", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert "cb-01 [borough]\n  ## How do you know a child needs help?\n  area: identifying-needs" in out


@pytest.mark.parametrize("args, named", [(["--set", "se8"], "se8"), (["--type", "nursery"], "nursery")])
def test_unknown_names_are_a_usage_error(borough_dir: Path, capsys: pytest.CaptureFixture[str],
                                         args: list[str], named: str) -> None:
    assert main(["questions", *args, "--config", str(borough_dir / "localoffer.yml")]) == 2
    err = capsys.readouterr().err
    assert f"'{named}'" in err and "Known" in err
