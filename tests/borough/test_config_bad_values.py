"""Bad values in localoffer.yml stop every command with its file and line and exit code 2,
never with a traceback, a hang, or silently."""
from __future__ import annotations

from pathlib import Path

import pytest

from localoffer.cli import main

BAD_CONFIGS = {
    # name: (localoffer.yml, the line reported, words of the message)
    "float-tag": ("review:\n  interval_months: !!float 'x'\n", 2, "'x' cannot be read as a number"),
    "int-tag": ("review:\n  interval_months: !!int 'x'\n", 2, "'x' cannot be read as a whole"),
    "bool-tag": ("borough:\n  name: !!bool 'x'\n", 2, "'x' cannot be read as true or false"),
    "timestamp-tag": ("borough:\n  name: !!timestamp 'x'\n", 2, "'x' cannot be read as a date"),
    "map-tag": ("glossary: !!map [1]\n", 1, "a value tagged '!!map' must be a set of"),
    "set-tag": ("glossary: !!set [a]\n", 1, "the tag '!!set' cannot be used here"),
    "unknown-tag": ("borough:\n  name: !foo x\n", 2, "the tag '!foo' cannot be used here"),
    "python-tag": ("x: !!python/object/apply:os.system [ls]\n", 1,
                   "the tag '!!python/object/apply:os.system' cannot be used here"),
    "huge-interval": ("review:\n  interval_months: 99999999999\n", 2,
                      "'review.interval_months' must be a number from 1 to 120"),
    "borough-list": ("borough: [1, 2]\n", 1, "'borough' must be a set of 'key: value' settings"),
    "review-text": ("review: yearly\n", 1, "'review' must be a set of 'key: value' settings"),
    "setting-types-list": ("setting_types: [1, 2]\n", 1, "'setting_types' must be a set of"),
    "setting-type-list": ("setting_types:\n  primary: [1]\n", 2,
                          "'setting_types.primary' must be a set of"),
    "required-areas-number": ("setting_types:\n  primary:\n    required_areas: 5\n", 3,
                              "'required_areas' in 'setting_types.primary' must be a list of names"),
    "required-areas-mixed": ("setting_types:\n  newtype:\n    required_areas: [kinds-of-sen, [x]]\n",
                             3, "'required_areas' in 'setting_types.newtype' must be a list of names"),
    "label-list": ("setting_types:\n  newtype:\n    label: [a]\n", 3,
                   "'label' in 'setting_types.newtype' must be text"),
    "question-prompts": (
        "question_sets:\n  mine:\n    questions:\n      - id: q\n        text: Q?\n"
        "        area: kinds-of-sen\n        prompts: 5\n", 7,
        "'prompts' in 'question_sets.mine.questions.0' must be a list of names"),
    "glossary-nested": ("glossary:\n  CK: {a: 1}\n", 2, "'CK' in 'glossary' must be text"),
    "recursive-alias": ("glossary: &g {x: *g}\n", 1, "an alias (*name) refers to the value it is in"),
    "billion-laughs": ("".join(['a: &a ["lol", "lol"]\n'] + [
        f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
        for previous, name in zip("abcdefgh", "bcdefghi")]), 1,
        "the aliases (*name) repeat so much that the file would hold 151,336,137 values"),
    "deep-nesting": ("glossary: " + "[" * 2000 + "\n", 1, "inside each other"),
}


@pytest.mark.parametrize("name", BAD_CONFIGS)
def test_config_names_the_file_and_line_and_exits_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    text, line, words = BAD_CONFIGS[name]
    config = tmp_path / "localoffer.yml"
    config.write_text(text, encoding="utf-8")
    assert main(["config", "--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{config}:{line}: "), err
    assert words in err, err


@pytest.mark.parametrize("command", [["check"], ["report", "--output", "report.html"],
                                     ["export", "--format", "json", "--output", "offers.json"],
                                     ["config"], ["due"]])
def test_every_command_stops_at_a_tagged_value_in_localoffer_yml(
        borough_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        command: list[str]) -> None:
    config = borough_dir / "localoffer.yml"
    text = config.read_text(encoding="utf-8")
    line = text[:text.index("interval_months: 12")].count("\n") + 1
    config.write_text(text.replace("interval_months: 12", "interval_months: !!int 'x'"),
                      encoding="utf-8")
    monkeypatch.chdir(borough_dir)
    assert main(command) == 2
    err = capsys.readouterr().err
    assert f"{config.resolve()}:{line}: " in err or f"{config}:{line}: " in err, err
    assert "'x' cannot be read as a whole number" in err
