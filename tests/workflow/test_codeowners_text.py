"""CODEOWNERS text from the offers' maintainers and the LA reviewers."""
from __future__ import annotations

from pathlib import Path

from localoffer.borough import Borough
from localoffer.model import load_offer
from localoffer.workflow.codeowners import codeowners

from gitrepos import write_offer


def test_each_setting_folder_lists_its_maintainers_then_the_reviewers(borough_dir: Path,
                                                                        borough: Borough) -> None:
    paths = [write_offer(borough_dir, 0, ["@calderbrook/oakfield", "amira@oak.example"], "oak"),
             write_offer(borough_dir, 1, ["Mrs Khan", "@bea"], "beacon"),
             write_offer(borough_dir, 2, [], "nobody")]
    result = codeowners([load_offer(p, borough) for p in paths], borough.reviewers)
    lines = result.text.splitlines()
    assert "* @calderbrook/send-reviewers" in lines
    assert "/localoffer.yml @calderbrook/send-reviewers" in lines
    assert "/.github/ @calderbrook/send-reviewers" in lines
    assert "/offers/oak/ @calderbrook/oakfield amira@oak.example @calderbrook/send-reviewers" in lines
    assert "/offers/beacon/ @bea @calderbrook/send-reviewers" in lines
    assert "/offers/nobody/ @calderbrook/send-reviewers" in lines
    # Later lines win in CODEOWNERS: the catch-all must come first.
    assert lines.index("* @calderbrook/send-reviewers") < lines.index(
        "/offers/beacon/ @bea @calderbrook/send-reviewers")
    assert result.skipped == [("offers/beacon/offer.md", "Mrs Khan")]
    # Sorted by folder, so the file only changes when an owner does.
    offers = [line for line in lines if line.startswith("/offers/")]
    assert offers == sorted(offers)
