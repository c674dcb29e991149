"""Generated localoffer.yml files through the real `localoffer config` and `localoffer check`
(click's entry point, cli.main, in this process): a borough's mistake is told as a message
naming the file and its line with exit code 2, never a traceback and never a hang.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuzzing.generate import QUOTAS, borough_configs, fuzz_settings, line_ends
from fuzzing.through import TODAY, WORK_SLUG, make_borough, run_in_process

OFFER = ("---\nname: Oakfield Primary School\ntype: primary\nstatus: published\n"
         "urn: '113562'\nnext_review: 2027-09-01\n---\n\n## Who can I contact?\n\nOur SENCO.\n")
# 'localoffer.yml:12: This value ...' or 'localoffer.yml: This file ...'
_CONFIG_PROBLEM = re.compile(r"^(?:.*/)?localoffer\.yml(?::\d+)?: \S")


def test_generated_borough_configs_go_through_the_commands(
        tmp_path: Path, repo_root: Path, record_property: pytest.RecordProperty) -> None:
    make_borough(tmp_path, repo_root)
    (tmp_path / "offers" / WORK_SLUG / "offer.md").write_text(OFFER, encoding="utf-8")
    seen: set[str] = set()

    @fuzz_settings(QUOTAS["borough-config"])
    @given(data=st.data())
    def one(data: st.DataObject) -> None:
        text = data.draw(line_ends(data.draw(borough_configs(), label="localoffer.yml")))
        if text in seen:
            return  # drawn before: counted once
        seen.add(text)
        (tmp_path / "localoffer.yml").write_bytes(text.encode("utf-8", "surrogatepass"))
        for command in (["config"], ["check", "--today", TODAY.isoformat()]):
            code, output = run_in_process(tmp_path, *command)
            assert code in (0, 1, 2), (command, code, output[-2000:])
            if code == 2:
                assert _CONFIG_PROBLEM.match(output), (command, output[-2000:])

    one()
    record_property("fuzzed_through_the_command", len(seen))
    assert len(seen) >= QUOTAS["borough-config"]
