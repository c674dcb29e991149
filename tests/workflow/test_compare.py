"""Section-by-section comparison of two versions of an offer."""
from __future__ import annotations

from pathlib import Path

from localoffer.borough import Borough
from localoffer.model import Offer, parse_offer
from localoffer.synthetic import synthetic_offer, synthetic_setting
from localoffer.workflow.compare import compare_offers

from gitrepos import TODAY


def _parse(borough: Borough, text: str) -> Offer:
    path = Path("offers/setting-00002/offer.md")
    return parse_offer(text.encode(), borough, Offer(path=path, display_path=str(path),
                                                      slug="setting-00002"))


def _text(borough: Borough) -> str:
    return synthetic_offer(borough, synthetic_setting(borough, 2, TODAY), words_per_answer=40)


def test_identical_versions_have_no_changes(borough: Borough) -> None:
    text = _text(borough)
    result = compare_offers(_parse(borough, text), _parse(borough, text))
    assert not result.changed
    assert result.unchanged == len(_parse(borough, text).sections)
    assert result.short() == "no change to the words"


def test_reports_added_removed_reworded_fields_and_reading_ease(borough: Borough) -> None:
    old_text = _text(borough)
    old = _parse(borough, old_text)
    first, second = old.sections[0], old.sections[1]
    new_text = (old_text
                .replace("status: published", "status: draft")
                .replace("  name: Sam Example", "  name: Mrs Amira Khan")
                .replace(f"## {second.heading}\n", "## Our breakfast club\n")
                + "\n## How do you use the sports premium?\n\nWe buy balls.\n")
    first_words = first.text.split()
    reworded = " ".join(first_words[:5]) + " Our SENCO phones you every Friday afternoon."
    new_text = new_text.replace(first.text.strip(), reworded, 1)

    result = compare_offers(old, _parse(borough, new_text))

    assert result.added == ["Our breakfast club", "How do you use the sports premium?"]
    assert result.removed == [second.heading]
    assert [item.heading for item in result.reworded] == [first.heading]
    change = result.reworded[0]
    # Whatever the alignment, the counts must account for the new length exactly.
    assert len(first_words) - change.words_removed + change.words_added == 5 + 7
    assert 0 < change.words_added <= 7
    assert any("afternoon." in snippet for snippet in change.snippets)
    assert change.ease_before is not None and change.ease_after is not None
    fields = {item.key: (item.old, item.new) for item in result.fields}
    assert fields == {"status": ("published", "draft"),
                      "senco.name": ("Sam Example", "Mrs Amira Khan")}
    assert "senco.name: Sam Example → Mrs Amira Khan" in [f.describe() for f in result.fields]
    assert result.ease_before != result.ease_after
    assert 'added "Our breakfast club"' in result.short()


def test_a_reworded_heading_that_asks_the_same_question_is_the_same_section(borough: Borough) -> None:
    old_text = _text(borough)
    old = _parse(borough, old_text)
    heading = old.sections[0].heading
    new = _parse(borough, old_text.replace(f"## {heading}", f"## {heading.upper()}"))
    result = compare_offers(old, new)
    assert result.added == [] and result.removed == []
    assert result.reworded[0].old_heading == heading
    assert result.reworded[0].describe().startswith('heading was "')


def test_created_and_removed_offers(borough: Borough) -> None:
    offer = _parse(borough, _text(borough))
    created = compare_offers(None, offer)
    assert created.changed and not created.old_exists
    assert created.short().startswith("offer created with")
    assert compare_offers(offer, None).short() == "offer removed"
    broken = _parse(borough, "no front matter")
    assert compare_offers(broken, offer).old_exists is False
