"""accessibility/image-alt and accessibility/link-text."""
from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import ERROR, WARNING, WELLBEING, add_to_answer, line_of, of_rule

ALT, LINK_TEXT = "accessibility/image-alt", "accessibility/link-text"


@pytest.fixture
def photo(borough_dir: Path) -> str:
    folder = borough_dir / "offers" / "example-school"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "quiet-room.jpg").write_bytes(b"\xff\xd8")
    return "quiet-room.jpg"


def test_an_image_with_alt_text_is_fine(check, primary: str, photo: str) -> None:
    text = add_to_answer(primary, WELLBEING, f"![The quiet room, with beanbags]({photo})")
    assert not [f for f in check(text) if f.rule.startswith("accessibility/")]


@pytest.mark.parametrize("image", ["![](quiet-room.jpg)", "![  ](quiet-room.jpg 'Quiet room')",
                                   "Our room: ![][room]\n\n[room]: quiet-room.jpg"])
def test_an_image_without_alt_text_is_an_error(check, primary: str, photo: str, image: str) -> None:
    text = add_to_answer(primary, WELLBEING, image)
    findings = of_rule(check(text), ALT)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, image.split("\n")[0]), ERROR)]
    assert "alt text" in findings[0].message


@pytest.mark.parametrize("words", ["click here", "Here", "read more", "Read more…", "this link",
                                   "**Click here**", "more"])
def test_link_text_that_does_not_say_where_it_goes_is_a_warning(check, primary: str,
                                                                words: str) -> None:
    text = add_to_answer(primary, WELLBEING, f"For our policy [{words}](https://oak.example/p).")
    findings = of_rule(check(text), LINK_TEXT)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, "For our policy"), WARNING)]
    assert "does not say where it goes" in findings[0].message


@pytest.mark.parametrize("link", [
    "See https://oak.example/policy for details.",
    "See [https://oak.example/policy](https://oak.example/policy).",
    "See [www.oak.example](https://www.oak.example).",
    "See <https://oak.example/policy>.",
])
def test_a_bare_web_address_is_a_warning(check, primary: str, link: str) -> None:
    text = add_to_answer(primary, WELLBEING, link)
    findings = of_rule(check(text), LINK_TEXT)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, link), WARNING)]
    assert "[our SEND policy](" in findings[0].message


@pytest.mark.parametrize("link", [
    "Read [our complaints policy](https://oak.example/complaints).",
    "Read [more about our nurture group here](https://oak.example/nurture).",
    "Email <mailto:senco@oak.example> or senco@oak.example.",
    "`https://oak.example` is our address.",
])
def test_descriptive_link_text_is_fine(check, primary: str, link: str) -> None:
    assert of_rule(check(add_to_answer(primary, WELLBEING, link)), LINK_TEXT) == []
