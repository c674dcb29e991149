"""`localoffer codeowners`: writes the file, and --check fails when it is out of date."""
from __future__ import annotations

from pathlib import Path

from gitrepos import write_offer


def test_write_then_check_then_out_of_date(run, borough_dir: Path) -> None:  # type: ignore[no-untyped-def]
    offer = write_offer(borough_dir, 0, ["@oak"], "oakfield")
    code, out, _ = run(borough_dir, "codeowners", "--check")
    assert code == 1 and "out of date" in out and "localoffer codeowners" in out
    code, out, _ = run(borough_dir, "codeowners")
    assert code == 0 and "Wrote .github/CODEOWNERS (1 offer)" in out
    written = (borough_dir / ".github/CODEOWNERS").read_text()
    assert "/offers/oakfield/ @oak @calderbrook/send-reviewers" in written
    assert run(borough_dir, "codeowners", "--check")[0] == 0
    assert "already up to date" in run(borough_dir, "codeowners")[1]

    offer.write_text(offer.read_text().replace('maintainers: ["@oak"]',
                                               'maintainers: ["@oak", "Mr Shah"]'))
    code, out, err = run(borough_dir, "codeowners", "--check")
    assert code == 0, "a name that is not an owner changes nothing in the file"
    assert "'Mr Shah' in maintainers is not a user" in err
    offer.write_text(offer.read_text().replace('"Mr Shah"', '"@shah"'))
    assert run(borough_dir, "codeowners", "--check")[0] == 1
