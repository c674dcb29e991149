"""Links for a site opened from disk: a relative link to a folder names its index.html."""
from __future__ import annotations

from pathlib import Path

import pytest

from localoffer.site.file_links import file_link, link_index_files


@pytest.mark.parametrize(("link", "expected"), [
    ("../settings/", "../settings/index.html"),
    ("settings/beacon-hill-school/", "settings/beacon-hill-school/index.html"),
    ("../../find/age/#age-3", "../../find/age/index.html#age-3"),
    ("./", "./index.html"),
    ("..", "../index.html"),
    ("../..", "../../index.html"),
    (".", "./index.html"),
    ("../find/?q=x", "../find/index.html?q=x"),
    # left alone: files, anchors, other sites, root-relative and scheme links
    ("../assets/stylesheets/main.css", "../assets/stylesheets/main.css"),
    ("#section-1", "#section-1"),
    ("", ""),
    ("https://example.org/a/", "https://example.org/a/"),
    ("//example.org/a/", "//example.org/a/"),
    ("/settings/", "/settings/"),
    ("mailto:senco@oakfield.example", "mailto:senco@oakfield.example"),
    ("tel:01632960000", "tel:01632960000"),
    ("javascript:alert(1)/", "javascript:alert(1)/"),
])
def test_file_link(link: str, expected: str) -> None:
    assert file_link(link) == expected


def test_only_links_in_href_and_src_change(tmp_path: Path) -> None:
    page = tmp_path / "settings" / "index.html"
    page.parent.mkdir()
    page.write_text('<a href="../find/type/">Type</a> <img src="pic/" alt="x">\n'
                    '<p>Write "../find/" in text: href=../x/ stays.</p>'
                    '<a data-href="../y/" href="../">Home</a>'
                    '<i sref="../s/" hrc="../h/" data-src="../d/"></i>', encoding="utf-8")
    (tmp_path / "style.css").write_text("a { background: url(../x/); }", encoding="utf-8")
    assert link_index_files(tmp_path) == 1
    assert page.read_text(encoding="utf-8") == (
        '<a href="../find/type/index.html">Type</a> <img src="pic/index.html" alt="x">\n'
        '<p>Write "../find/" in text: href=../x/ stays.</p>'
        '<a data-href="../y/" href="../index.html">Home</a>'
        '<i sref="../s/" hrc="../h/" data-src="../d/"></i>')
    assert (tmp_path / "style.css").read_text(encoding="utf-8") == "a { background: url(../x/); }"
    assert link_index_files(tmp_path) == 0  # a second pass changes nothing
