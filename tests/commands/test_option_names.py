"""One vocabulary on the command line: every command that reads the borough's rules takes
--config; the website commands name the site's mkdocs.yml --site-config (the old
--mkdocs-config still works, unlisted); the README and `pdf --help` give the same install steps."""
from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from localoffer.cli import COMMANDS, main
from localoffer.commands.group import localoffer

REPO_ROOT = Path(__file__).resolve().parents[2]
WEBSITE_COMMANDS = ("build", "serve", "publish")


def command(name: str) -> click.Command:
    found = localoffer.get_command(click.Context(localoffer), name)
    assert found is not None
    return found


def option_names(name: str) -> dict[str, list[str]]:
    return {param.name: param.opts for param in command(name).params
            if isinstance(param, click.Option)}


def test_every_command_reading_the_borough_calls_it_config() -> None:
    for name in COMMANDS:
        options = option_names(name)
        names = [opt for opts in options.values() for opt in opts]
        assert "--mkdocs-config" not in [opt for param in command(name).params
                                          if isinstance(param, click.Option) and not param.hidden
                                          for opt in param.opts], name
        if "config_path" in options:
            assert options["config_path"] == ["--config"], name
        assert not any(opt.endswith("-file") for opt in names), name
    for name in WEBSITE_COMMANDS:
        options = option_names(name)
        assert options["config_path"] == ["--config"]
        assert options["site_config"] == ["--site-config"]
        assert options["engine"] == ["--engine"]
        assert options["today"] == ["--today"]


@pytest.mark.parametrize("name", WEBSITE_COMMANDS)
def test_website_help_names_config_and_site_config_only(name: str) -> None:
    shown = CliRunner().invoke(localoffer, [name, "--help"]).output
    assert "--config FILE" in shown and "--site-config FILE" in shown
    assert "--engine [mkdocs|properdocs]" in shown
    assert "--mkdocs-config" not in shown


@pytest.mark.parametrize("name", WEBSITE_COMMANDS)
def test_the_old_mkdocs_config_spelling_still_works(name: str, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "elsewhere" / "mkdocs.yml"
    args = [name, "--mkdocs-config", str(missing)] + (["--version", "2026-27"]
                                                        if name == "publish" else [])
    assert main(args) == 2
    said = capsys.readouterr().err
    assert "This site configuration file (mkdocs.yml) does not exist." in said
    assert str(missing) in said


def test_site_config_given_twice_differently_is_refused(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--site-config", str(tmp_path / "a.yml"),
                 "--mkdocs-config", str(tmp_path / "b.yml")]) == 2
    assert "Give the site's mkdocs.yml once, with --site-config." in capsys.readouterr().err


def test_config_elsewhere_finds_the_mkdocs_yml_beside_it(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "localoffer.yml").write_text("{}\n", encoding="utf-8")
    assert main(["build", "--config", str(tmp_path / "localoffer.yml")]) == 2
    assert ("There is no mkdocs.yml beside localoffer.yml here. Run the command in the top "
            "folder of your Local Offer (the one with localoffer.yml), or give --site-config."
            ) in capsys.readouterr().err


def test_pdf_help_and_the_readme_give_the_same_install_steps() -> None:
    shown = CliRunner().invoke(localoffer, ["pdf", "--help"]).output
    readme = " ".join((REPO_ROOT / "README.md").read_text(encoding="utf-8").split())
    for step in (".venv/bin/pip install -e '.[pdf]'",
                 "sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0"):
        assert step in shown
        assert f"`{step}`" in readme
