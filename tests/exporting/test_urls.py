"""Where the offers are published: --site-url, localoffer.yml or mkdocs.yml."""
from __future__ import annotations

from pathlib import Path

from localoffer.borough import load_borough
from localoffer.exporting.urls import offer_url, site_url


def test_nothing_configured(borough_dir: Path) -> None:
    assert site_url(load_borough(borough_dir / "localoffer.yml")) is None
    assert offer_url(None, "oakfield") is None


def test_mkdocs_yml(borough_dir: Path) -> None:
    (borough_dir / "mkdocs.yml").write_text(
        "site_name: Local Offer\nsite_url: https://offer.example.gov.uk/local-offer\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8")
    site = site_url(load_borough(borough_dir / "localoffer.yml"))
    assert site == "https://offer.example.gov.uk/local-offer/"
    assert offer_url(site, "oakfield") == "https://offer.example.gov.uk/local-offer/settings/oakfield/"


def test_localoffer_yml_wins_over_mkdocs_and_the_option_over_both(borough_dir: Path) -> None:
    (borough_dir / "mkdocs.yml").write_text("site_url: https://a.example/\n", encoding="utf-8")
    with open(borough_dir / "localoffer.yml", "a", encoding="utf-8") as config:
        config.write("\nsite:\n  url: https://b.example\n")
    borough = load_borough(borough_dir / "localoffer.yml")
    assert site_url(borough) == "https://b.example/"
    assert site_url(borough, "https://c.example/x/") == "https://c.example/x/"


def test_an_unreadable_mkdocs_yml_still_gives_its_site_url(borough_dir: Path) -> None:
    (borough_dir / "mkdocs.yml").write_text("site_url: https://d.example/\nnav: [unclosed\n",
                                            encoding="utf-8")
    assert site_url(load_borough(borough_dir / "localoffer.yml")) == "https://d.example/"
