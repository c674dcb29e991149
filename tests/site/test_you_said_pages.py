"""'You said, we did' on the website: real MkDocs builds of a small borough with items in
feedback/, published by year and by theme, linked from the settings' pages, every value
escaped, and an item with an error left out (and named by a strict build)."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

from localoffer.commands.build import BuildFailed
from site_helpers import build, make_borough

PAYLOAD = '<script>alert("said")</script><img src=x onerror=alert(1)>'


def item(name: str, folder: Path, title: str, received: str, theme: str, about: str,
         status: str, said: str = "Something was hard.", did: str = "We fixed it.",
         done_on: str = "") -> None:
    done = f"done_on: {done_on}\n" if done_on else ""
    (folder / "feedback").mkdir(exist_ok=True)
    (folder / "feedback" / f"{name}.md").write_text(
        f"---\ntitle: '{title}'\nreceived: {received}\ntheme: {theme}\nabout: {about}\n"
        f"status: {status}\n{done}---\n\n## You said\n\n{said}\n\n## We did\n\n{did}\n",
        encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("said")
    make_borough(folder, 2)
    item("2025-10-buses", folder, "Buses were late", "2025-10-02", "transport", "local-offer",
         "done", done_on="2025-12-01", did="We talked to the bus company. See "
                                           "[the timetable](https://council.example/buses).")
    item("2026-02-loop", folder, "The loop did not work", "2026-02-10", "schools-and-settings",
         "setting-00000", "in-progress", said="A parent told us the **hearing loop** failed.")
    # HTML in the title, and in the body HTML the checks only warn about: shown as text.
    item("2026-06-payload", folder, f"Title {PAYLOAD}", "2026-06-01", "information",
         "local-offer", "open", said='Words & <b title="x">bold</b> "quoted"', did="")
    # HTML that could run code in the body is an error: the item is left out.
    item("2026-06-script", folder, "Script", "2026-06-02", "information", "local-offer",
         "open", said=PAYLOAD)
    item("2026-07-broken", folder, "Never shown", "2026-07-01", "buses", "local-offer", "open")
    return build(folder)


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_the_index_lists_years_themes_and_what_is_not_done(site: Path) -> None:
    html = page(site, "you-said-we-did")
    assert '<a href="2026/">2026</a><span class="lo-meta">2 items</span>' in html
    assert '<a href="2025/">2025</a><span class="lo-meta">1 item</span>' in html
    assert ('<a href="themes/#theme-transport">Travel to school and college</a>'
            '<span class="lo-meta">1 item</span>') in html
    not_done = html.split('id="not-done-yet"', 1)[1].split("<h2", 1)[0]
    assert "The loop did not work" in not_done and "Buses were late" not in not_done
    assert "Received 10 February 2026 · In progress" in not_done
    assert "mailto:localoffer@calderbrook.example" in html
    assert "do not include your child&#39;s name" in html


def test_a_year_page_shows_each_item_whole(site: Path) -> None:
    html = page(site, "you-said-we-did/2026")
    loop = html.split('id="item-2026-02-loop"', 1)[1].split("</section>", 1)[0]
    assert '<time datetime="2026-02-10">10 February 2026</time>' in loop
    assert '<a href="../../settings/setting-00000/">' in loop
    assert '<a href="../themes/#theme-schools-and-settings">Schools, colleges and early years ' \
           'settings</a>' in loop
    assert "<strong>hearing loop</strong>" in loop
    assert ">In progress<" in loop
    older = page(site, "you-said-we-did/2025")
    assert "Done 1 December 2025" in older
    assert ('<a href="https://council.example/buses" rel="noopener noreferrer">the timetable'
            '</a>') in older
    assert "The Local Offer as a whole" in older


def test_an_open_item_without_an_answer_says_it_is_being_looked_at(site: Path) -> None:
    html = page(site, "you-said-we-did/2026")
    payload = html.split('id="item-2026-06-payload"', 1)[1].split("</section>", 1)[0]
    assert "We are looking at this." in payload


def test_every_value_is_escaped(site: Path) -> None:
    for path in ("you-said-we-did", "you-said-we-did/2026", "you-said-we-did/themes"):
        html = page(site, path)
        assert "<script>alert" not in html and "onerror=alert" not in html.replace(
            "onerror=alert(1)&gt;", "")
    html = page(site, "you-said-we-did/2026")
    payload = html.split('id="item-2026-06-payload"', 1)[1].split("</section>", 1)[0]
    assert "Title &lt;script&gt;alert(&#34;said&#34;)&lt;/script&gt;&lt;img" in payload
    assert 'title="x"' not in payload and "<img" not in payload  # nh3 keeps only safe HTML
    assert "Words &amp;" in payload
    assert 'id="item-2026-06-script"' not in html


def test_the_themes_page_groups_items(site: Path) -> None:
    html = page(site, "you-said-we-did/themes")
    transport = html.split('id="theme-transport"', 1)[1].split("<h2", 1)[0]
    assert '<a href="../2025/#item-2025-10-buses">Buses were late</a>' in transport
    assert "The loop did not work" not in transport


def test_a_settings_page_links_to_its_own_items(site: Path) -> None:
    html = page(site, "settings/setting-00000")
    section = html.split('id="you-said-we-did"', 1)[1].split("</section>", 1)[0]
    assert '<a href="../../you-said-we-did/2026/#item-2026-02-loop">The loop did not work</a>' \
        in section
    assert "Buses were late" not in section
    assert 'id="you-said-we-did"' not in page(site, "settings/setting-00001")


def test_an_item_with_an_error_is_left_out(site: Path) -> None:
    assert "Never shown" not in page(site, "you-said-we-did/2026")
    assert "Never shown" not in page(site, "you-said-we-did")


def test_a_strict_build_stops_naming_the_item(tmp_path: Path,
                                              caplog: pytest.LogCaptureFixture) -> None:
    make_borough(tmp_path, 1)
    item("2026-07-broken", tmp_path, "Bad theme", "2026-07-01", "buses", "local-offer", "open")
    with caplog.at_level(logging.WARNING), pytest.raises(BuildFailed):
        build(tmp_path, strict=True)
    assert any("feedback/2026-07-broken.md:4: feedback/details 'buses' is not one of the "
               "borough's themes" in record.getMessage() for record in caplog.records)


def test_without_feedback_the_page_says_so_and_how_to_tell_us(tmp_path: Path) -> None:
    make_borough(tmp_path, 1)
    site = build(tmp_path, strict=True)  # the menu's link to the page is not broken
    html = page(site, "you-said-we-did")
    assert "We have not published any comments yet." in html
    assert 'id="by-year"' not in html and 'id="tell-us"' in html
    assert not (site / "you-said-we-did" / "themes").exists()
