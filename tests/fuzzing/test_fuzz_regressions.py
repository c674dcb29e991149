"""Every input that ever failed (a traceback, a hang, a second `fix` that changed the text, a
finding over two lines), kept as a file in tests/fixtures/fuzz_regressions/, goes through
everything again: in process, and all of them through the real `localoffer check` and `fix`.

When fuzzing finds a new failure, save the input there (its name says what it found) and fix
the code: these tests then keep it fixed.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from fuzzing.through import Batch, InProcess, make_borough

REGRESSIONS = Path(__file__).resolve().parents[1] / "fixtures" / "fuzz_regressions"
FILES = sorted(REGRESSIONS.iterdir())


@pytest.fixture(scope="module")
def in_process(tmp_path_factory: pytest.TempPathFactory, repo_root: Path) -> InProcess:
    return InProcess(make_borough(tmp_path_factory.mktemp("regressions"), repo_root))


def test_the_corpus_keeps_what_was_found() -> None:
    names = {path.name for path in FILES}
    assert len(names) >= 16
    assert {"tag-float.md", "alias-billion-laughs.md", "readability-open-brackets.md",
            "fix-inside-unclosed-fence.md", "control-character-in-front-matter.md"} <= names


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_every_input_that_once_failed_goes_through_everything(in_process: InProcess,
                                                              path: Path) -> None:
    in_process.everything(path.read_bytes())


def test_every_input_that_once_failed_goes_through_the_commands(tmp_path: Path,
                                                                repo_root: Path) -> None:
    make_borough(tmp_path, repo_root)
    batch = Batch(tmp_path)
    for path in FILES:
        batch.add(path.read_bytes())
    assert len(batch) == len(FILES)
    batch.check_through_the_command()
    batch.fix_through_the_command()
