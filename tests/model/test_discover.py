"""Finding offer files: offers/<slug>/offer.md, and the slugs of a borough's offers."""
from __future__ import annotations

from pathlib import Path

import pytest

from localoffer.borough import load_borough
from localoffer.errors import LocalOfferError
from localoffer.model.discover import find_offer_files, known_slugs


@pytest.fixture
def offers(tmp_path: Path) -> Path:
    for slug in ("oakfield", "beacon-hill", "acorns"):
        (tmp_path / "offers" / slug).mkdir(parents=True)
        (tmp_path / "offers" / slug / "offer.md").write_text("---\n---\n")
    (tmp_path / "offers" / "acorns" / "notes.md").write_text("not an offer")
    (tmp_path / "offers" / "acorns" / "photo.jpg").write_bytes(b"\xff")
    (tmp_path / "offers" / "empty-folder").mkdir()
    (tmp_path / "localoffer.yml").write_text("borough:\n  name: Test\n")
    return tmp_path / "offers"


def test_a_folder_gives_every_offer_in_it_in_order(offers: Path) -> None:
    assert find_offer_files([offers]) == [offers / slug / "offer.md"
                                          for slug in ("acorns", "beacon-hill", "oakfield")]


def test_files_named_directly_are_kept_once_each(offers: Path) -> None:
    oakfield, notes = offers / "oakfield" / "offer.md", offers / "acorns" / "notes.md"
    assert find_offer_files([oakfield, notes, offers / "oakfield", oakfield]) == [oakfield, notes]


def test_a_path_that_does_not_exist_is_a_clear_error(offers: Path) -> None:
    with pytest.raises(LocalOfferError) as raised:
        find_offer_files([offers / "oakfeild"])
    assert raised.value.path == str(offers / "oakfeild") and "spelling" in raised.value.message


def test_known_slugs_are_the_folders_with_an_offer(offers: Path) -> None:
    borough = load_borough(offers.parent / "localoffer.yml")
    assert known_slugs(borough) == {"oakfield", "beacon-hill", "acorns"}


def test_a_borough_without_offers_has_no_slugs(tmp_path: Path) -> None:
    (tmp_path / "localoffer.yml").write_text("borough:\n  name: Test\n")
    assert known_slugs(load_borough(tmp_path / "localoffer.yml")) == frozenset()
