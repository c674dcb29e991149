"""The export writes settings as their offers are checked, with the same bytes as before.

tests/exporting/expected/ holds the exports of a generated borough (tests/exporting/generated.py)
as the export wrote them when it kept every parsed offer until it sorted them.
"""
from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

from localoffer.cli import main
from localoffer.exporting import export
from localoffer.exporting import records as records_module
from localoffer.model import Offer
from exporting.generated import EXPECTED, FORMATS, SITE, TODAY, generated_borough


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("generated")
    generated_borough(folder)
    return folder


@pytest.mark.parametrize("output_format", sorted(FORMATS))
def test_the_command_writes_the_expected_bytes(generated: Path, tmp_path: Path,
                                               output_format: str) -> None:
    target = tmp_path / "out"
    assert main(["export", "--config", str(generated / "localoffer.yml"), "--today",
                 TODAY.isoformat(), "--site-url", SITE, "--format", output_format,
                 "-o", str(target)]) == 0
    assert target.read_bytes() == (EXPECTED / FORMATS[output_format]).read_bytes()


@pytest.mark.parametrize("output_format", sorted(FORMATS))
def test_the_whole_text_is_the_expected_text(generated: Path, output_format: str) -> None:
    from localoffer.borough import load_borough

    borough = load_borough(generated / "localoffer.yml")
    expected = (EXPECTED / FORMATS[output_format]).read_bytes().decode("utf-8")
    assert export(borough, output_format, TODAY, SITE) == expected


def test_the_expected_files_are_sorted_by_name_not_by_folder() -> None:
    lines = (EXPECTED / "export.csv").read_text(encoding="utf-8").splitlines()
    slugs = [line.split(",", 1)[0] for line in lines[1:]]
    assert slugs == ["setting-00000", "setting-00009", "setting-00001", "setting-00010",
                     "setting-00011", "setting-00002", "setting-00003", "setting-00004",
                     "setting-00006", "setting-00007", "setting-00008", "setting-00005"]


@pytest.mark.parametrize("output_format", sorted(FORMATS))
def test_no_parsed_offer_is_kept_while_the_others_are_checked(
        generated: Path, monkeypatch: pytest.MonkeyPatch, output_format: str) -> None:
    """When each setting is handed over, the offers handed over before it are gone (but the
    one just before, which the exporter's loop still names until it gets the next)."""
    from localoffer.borough import load_borough

    borough = load_borough(generated / "localoffer.yml")
    real = records_module.checked_settings
    alive: list[weakref.ref[Offer]] = []
    most_alive = 0

    def watching(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal most_alive
        for setting in real(*args, **kwargs):
            gc.collect()
            most_alive = max(most_alive, sum(ref() is not None for ref in alive))
            alive.append(weakref.ref(setting.offer))
            yield setting

    monkeypatch.setattr("localoffer.exporting.checked_settings", watching)
    export(borough, output_format, TODAY, SITE)
    assert len(alive) == 12
    assert most_alive == 1
