"""Offer pages written from one shell per kind of page (site/mkdocs_shell.py) are the pages
the theme draws one by one, byte for byte; a theme that prints a page's value in a way the
shell cannot fill gets every page drawn by the theme."""
from __future__ import annotations

from pathlib import Path

import pytest

from localoffer.site import mkdocs_shell
from localoffer.site.shell import Markers, Shell
from site_helpers import SLUG, build, make_borough, translate

SECOND = "setting-00001"


def _pages(site: Path) -> dict[str, bytes]:
    """Every HTML page of a built site, by its path (Pagefind's own files aside)."""
    return {path.relative_to(site).as_posix(): path.read_bytes()
            for path in sorted(site.rglob("*.html")) if "pagefind" not in path.parts}


def _fills(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the pages filled from a shell (the real fill runs)."""
    filled: list[int] = []
    fill = Shell.fill

    def counted(self: Shell, values: dict[str, str]) -> str:
        filled.append(1)
        return fill(self, values)
    monkeypatch.setattr(Shell, "fill", counted)
    return filled


def _borough(folder: Path) -> None:
    make_borough(folder, 5, search="pagefind")
    for slug in (SLUG, SECOND):  # two pages in each language: one proves the shell, one uses it
        translate(folder, "pl", "Pomagamy każdemu dziecku w nauce.", "Pytanie", "2026-10-14",
                  "Anna Nowak", slug=slug)
        translate(folder, "ur", "ہم ہر بچے کی سیکھنے میں مدد کرتے ہیں۔", "سوال", "2026-09-15",
                  "فرح صدیقی", slug=slug)


def _theme_drawn(folder: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    with monkeypatch.context() as patch:
        patch.setattr(mkdocs_shell, "usable", lambda config, theme_search: False)
        return _pages(build(folder))


def test_shell_pages_are_the_pages_the_theme_draws(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _borough(tmp_path)
    filled = _fills(monkeypatch)
    shelled = _pages(build(tmp_path))
    # 5 English pages and 2 in each of 2 languages; the first of each kind is proof, and the
    # proof is filled too (to compare it with MkDocs' own page).
    assert len(filled) == 9
    (tmp_path / "site").rename(tmp_path / "site-shelled")
    drawn = _theme_drawn(tmp_path, monkeypatch)
    assert len(filled) == 9  # the theme drew every page of the second build
    assert f"settings/{SECOND}/ur/index.html" in shelled
    assert sorted(shelled) == sorted(drawn)
    different = [name for name in shelled if shelled[name] != drawn[name]]
    assert different == []


def test_a_theme_the_shell_cannot_fill_draws_every_page(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A value printed in a way no marker survives (upper case) fails the proof: the theme
    draws every page, each with its own value."""
    _borough(tmp_path)
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}\n{% block extrahead %}<meta name="lo-test" '
        'content="{{ page.url | upper }}">{% endblock %}\n', encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  name: material\n", "  name: material\n  custom_dir: overrides\n", 1),
        encoding="utf-8")
    filled = _fills(monkeypatch)
    site = build(tmp_path)
    assert len(filled) == 3  # each kind's proof, which failed
    for slug in ("setting-00002", "setting-00004"):
        page = (site / "settings" / slug / "index.html").read_text(encoding="utf-8")
        assert f'<meta name="lo-test" content="SETTINGS/{slug.upper()}/">' in page
    urdu = (site / "settings" / SECOND / "ur" / "index.html").read_text(encoding="utf-8")
    assert f'content="SETTINGS/{SECOND.upper()}/UR/"' in urdu
    shelled = _pages(site)
    (tmp_path / "site").rename(tmp_path / "site-shelled")
    assert shelled == _theme_drawn(tmp_path, monkeypatch)


def test_a_value_is_never_searched_for_markers() -> None:
    markers = Markers("localoffershelltest")
    shell = Shell(f"<title>{markers['title']}</title><main>{markers.content(True)}</main>",
                  markers)
    html = shell.fill({"title": markers["content"], "content": "<h1>A &amp; B</h1>"})
    assert html == "<title>localoffershelltestxcontentx</title><main><h1>A &amp; B</h1></main>"
    with pytest.raises(KeyError):
        shell.fill({"title": "T"})


def test_each_booklet_page_is_made_as_it_is_written(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # A build with Pagefind (a large borough's) never holds every booklet page's HTML (at
    # 25,000 offers, 250 pages of 5 MB): each is made just before MkDocs writes it, so each
    # finds the ones before it written.
    from localoffer.site import booklet

    make_borough(tmp_path, 5, booklet_size=2, search="pagefind")
    written_before: list[int] = []
    fragment = booklet.fragment

    def counted(template: str, macro: str, *args: object) -> object:
        if macro == "booklet_page":
            written_before.append(len(list((tmp_path / "site" / "booklet").rglob("*.html"))))
        return fragment(template, macro, *args)
    monkeypatch.setattr(booklet, "fragment", counted)
    site = build(tmp_path)
    booklets = sorted(path.relative_to(site).as_posix()
                      for path in (site / "booklet").rglob("index.html"))
    # The contents page (5 settings are more than 2), then each type's booklet in parts of 2.
    assert len(booklets) == len(written_before) + 1
    assert written_before == list(range(1, len(booklets)))
    printed = "".join((site / path).read_text(encoding="utf-8") for path in booklets)
    slugs = sorted(folder.name for folder in (tmp_path / "offers").iterdir())
    assert [printed.count(f'<section class="lo-booklet-offer" id="{slug}"') for slug in slugs] \
        == [1] * 5


def test_every_real_report_is_in_the_booklets_made_as_they_are_written(tmp_path: Path) -> None:
    """The 12 real reports of tests/fixtures/real_reports, imported and published: each is on
    its own page and in exactly one booklet page, with booklet pages made one at a time."""
    import re

    from importing.test_real_reports import EXPECTED, _source
    from localoffer.cli import main

    make_borough(tmp_path, 0, search="pagefind", booklet_size=3)
    for name, (setting_type, given_name, _) in EXPECTED.items():
        args = ["import", str(_source(name)), "--type", setting_type, "--slug", name,
                "--config", str(tmp_path / "localoffer.yml")]
        assert main(args + (["--name", given_name] if given_name else [])) == 0, name
        offer = tmp_path / "offers" / name / "offer.md"
        offer.write_text(re.sub(r"(?m)^status: .*$", "status: published",
                                offer.read_text(encoding="utf-8")), encoding="utf-8")
    site = build(tmp_path)
    printed = "".join(path.read_text(encoding="utf-8")
                      for path in (site / "booklet").rglob("index.html"))
    assert {name: printed.count(f'<section class="lo-booklet-offer" id="{name}"')
            for name in EXPECTED} == dict.fromkeys(EXPECTED, 1)
    assert all((site / "settings" / name / "index.html").is_file() for name in EXPECTED)
