"""The sanitiser's rule for ids: an offer may name its headings with plain words, but never take
the theme's own ids (`__drawer`, `__search`, ...), which would break the page's menu and search."""
from __future__ import annotations

import pytest

from localoffer.site.render import MarkdownRenderer
from localoffer.site.sanitise import clean_html


@pytest.mark.parametrize(("fragment", "expected"), [
    ('<h2 id="our-sensory-room">Room</h2>', '<h2 id="our-sensory-room">Room</h2>'),
    ('<h2 id="a">A</h2>', '<h2 id="a">A</h2>'),
    ('<p id="__drawer">Menu</p>', "<p>Menu</p>"),
    ('<p id="__search">Search</p>', "<p>Search</p>"),
    ('<p id="__consent">x</p>', "<p>x</p>"),
    ('<p id="_private">x</p>', "<p>x</p>"),
    ('<p id="Drawer">x</p>', "<p>x</p>"),          # the theme's ids are lower case; ours too
    ('<p id="9lives">x</p>', "<p>x</p>"),          # starts with a letter
    ('<p id="a b">x</p>', "<p>x</p>"),
    ('<p id="a_b">x</p>', "<p>x</p>"),
    (f'<p id="a{"b" * 200}">x</p>', f'<p id="a{"b" * 200}">x</p>'),  # 201 characters: the limit
    (f'<p id="a{"b" * 201}">x</p>', "<p>x</p>"),
])
def test_ids(fragment: str, expected: str) -> None:
    assert clean_html(fragment) == expected


def test_an_offer_cannot_take_the_theme_ids_through_markdown() -> None:
    rendered = MarkdownRenderer({}).render(
        "## Our rooms {#__drawer}\n\n<div id=\"__search\">x</div>\n\n## Help {#Help}\n\n"
        "## Access {#access-and-activities}\n")
    assert "__drawer" not in rendered.html and "__search" not in rendered.html
    assert 'id="Help"' not in rendered.html
    assert '<h2 id="access-and-activities">Access</h2>' in rendered.html
