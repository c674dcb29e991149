"""Hostile offers: a payload in every front-matter field the schema allows (read from
localoffer's own schema, so a new field is covered without changing this test) and in folder
names. The site is built for real (MkDocs through the plugin), every page is parsed with
html5lib (the HTML5 parsing algorithm browsers use) and compared with the same site built from
a harmless twin of each payload, and the pages are opened in Chromium with alert() and
document.title watched.

The twin of a payload swaps each markup character for a harmless one (one for one), so both
sites group, sort and count the settings the same way: any element or attribute that the
payload site has and the twin site has not was injected.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import quote

import html5lib
import pytest
import yaml
from browser_harness import serve_folder

from localoffer.borough import load_borough
from localoffer.model.schema import front_matter_json_schema

from site_helpers import build, make_borough

# Each payload would call alert() or set document.title if it ever became markup or script.
PAYLOADS = [
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(2)>",
    "<svg onload=alert(3)>",
    '" onmouseover="alert(4)" autofocus onfocus="alert(4)" x="',
    "' onfocus='alert(5)' autofocus x='",
    "</title><script>document.title='pwned6'</script>",
    "</textarea></style></noscript><script>alert(7)</script>",
    "<!--<script>alert(8)</script>-->",
    "javascript:alert(9)",
    '<a href="javascript:alert(10)">link10</a>',
    "{{ 7*7 }}{% raw %}<b>template11</b>",
    "&lt;script&gt;alert(12)&lt;/script&gt;",
    '<iframe srcdoc="<script>alert(13)</script>"></iframe>',
    "</script><script>alert(14)</script>",
    '"><meta http-equiv="refresh" content="0;url=javascript:alert(15)">',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(16)>",
    "<details open ontoggle=alert(17)>",
    "\u2028<script>alert(18)</script>\u2029",
    '"-alert(19)-"',
    "`${alert(20)}`",
    '<base href="javascript:alert(21)//">',
    "<input autofocus onfocus=alert(22)>",
    '<object data="javascript:alert(23)"></object><embed src="javascript:alert(23)">',
    "<img src=x onerror=document.title='pwned24'>",
]
# Folder names may hold anything but '/' and NUL.
FOLDER_PAYLOADS = ['"><svg onload=alert(31)>', "<img src=x onerror=alert(32)>",
                   "' onmouseover='alert(33)", "a&b<i>c"]
_TWIN = str.maketrans({"<": "[", ">": "]", '"': "~", "'": "^", "&": "+", "=": "%", "/": "|",
                       "`": "!", "{": "(", "}": ")"})
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "srcdoc", "xlink:href",
                  "poster", "background"}


def twin(text: str) -> str:
    return text.translate(_TWIN)


# The schema, walked --------------------------------------------------------------------------

def poisoned(schema: dict[str, Any], payload: str, keep: dict[str, Any], key: str = "") -> Any:
    """A value of the shape `schema` allows, with `payload` in every string it can hold."""
    if key in keep:  # top-level keys only: `keep` is emptied below the top
        return keep[key]
    if "oneOf" in schema:
        for choice in schema["oneOf"]:
            if "string" in _types(choice):
                return poisoned(choice, payload, keep)
        return poisoned(schema["oneOf"][0], payload, keep)
    types = _types(schema)
    if "object" in types and "properties" in schema:
        return {name: value for name, sub in schema["properties"].items()
                if (value := poisoned(sub, payload, keep if not key else {}, name)) is not None}
    if "array" in types:
        item = poisoned(schema.get("items", {"type": "string"}), payload, keep)
        return None if item is None else [item, f"{item} again"]
    if "string" in types:
        return payload
    return None  # booleans and numbers cannot carry text


def leaves(schema: dict[str, Any], path: str = "") -> list[str]:
    """Every place in the front-matter a payload goes: 'senco.name', 'languages[]', ..."""
    if "oneOf" in schema:
        choice = next((c for c in schema["oneOf"] if "string" in _types(c)), schema["oneOf"][0])
        return leaves(choice, path)
    types = _types(schema)
    if "object" in types and "properties" in schema:
        return [leaf for name, sub in schema["properties"].items()
                for leaf in leaves(sub, f"{path}.{name}" if path else name)]
    if "array" in types:
        return leaves(schema.get("items", {"type": "string"}), path + "[]")
    return [path] if "string" in types else []


def _types(schema: dict[str, Any]) -> list[str]:
    kind = schema.get("type", [])
    return [kind] if isinstance(kind, str) else list(kind)


def markdown_text(text: str) -> str:
    """Text as Markdown that shows it as it is (every ASCII punctuation mark escaped)."""
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", text).replace("\u2028", " ").replace("\u2029", " ")


# The two sites -------------------------------------------------------------------------------

# Each payload goes into two offers: one with every field poisoned (the type too, which takes
# the pages' unusual paths), one with a real type, ages and dates (which take the usual ones).
USUAL = {"status": "published", "type": "primary", "age_range": "4-11",
         "last_reviewed": "2026-09-17", "next_review": "2027-09-01", "question_set": "se7-parent"}
ONLY_PUBLISHED = {"status": "published"}


def write_offers(folder: Path, text_of: Any, search: str = "material") -> dict[str, str]:
    """The borough's offers, with `text_of(payload)` in every field; {slug: payload}."""
    variants = [ONLY_PUBLISHED, USUAL]
    # With Pagefind, the index in shards: the search page asks for an area, the towns (each a
    # payload) listed in pagefind/shards.json.
    shards = {"search_shards": 3} if search == "pagefind" else {}
    offers = make_borough(folder, len(PAYLOADS) * len(variants), search=search, **shards)
    schema = front_matter_json_schema(load_borough(folder / "localoffer.yml"))
    slugs = {}
    for index, offer in enumerate(offers):
        payload = PAYLOADS[index // len(variants)]
        keep = variants[index % len(variants)]
        front = poisoned(schema, text_of(payload), keep)
        body = offer.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        body = f"## {markdown_text(text_of(payload))}\n\nAn answer.\n\n" + body
        offer.write_text("---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
                         + "---\n" + body, encoding="utf-8")
        slugs[offer.parent.name] = payload
    for index, name in enumerate(FOLDER_PAYLOADS):
        folder_name = text_of(name).replace("|", "-")
        (folder / "offers" / folder_name).mkdir()
        (folder / "offers" / folder_name / "offer.md").write_text(
            offers[index].read_text(encoding="utf-8"), encoding="utf-8")
    return slugs


# With Pagefind, pages are written from shells and booklet pages made as they are written:
# other paths to the same HTML than the theme's search takes.
@pytest.fixture(scope="module", params=["material", "pagefind"])
def sites(request: pytest.FixtureRequest,
          tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    hostile, harmless = tmp_path_factory.mktemp("hostile"), tmp_path_factory.mktemp("harmless")
    slugs = write_offers(hostile, lambda payload: payload, request.param)
    assert write_offers(harmless, twin, request.param) == slugs
    return build(hostile), build(harmless), slugs


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def elements(page: Path) -> Iterator[Any]:
    document = html5lib.parse(page.read_bytes(), treebuilder="etree", namespaceHTMLElements=False)
    yield from document.iter()


def shape(page: Path) -> Counter[tuple[str, tuple[str, ...]]]:
    """Every element of a page as (tag, its attributes' names), counted."""
    return Counter((str(element.tag), tuple(sorted(element.attrib))) for element in elements(page))


# The tests -----------------------------------------------------------------------------------

def test_every_field_of_the_schema_carries_a_payload() -> None:
    from localoffer.borough import load_borough as load
    from testpaths import REPO_ROOT
    schema = front_matter_json_schema(load(REPO_ROOT / "localoffer.yml"))
    places = leaves(schema)
    # Spelled out so that a field the walk misses shows here; new fields join by themselves.
    for place in ("name", "type", "urn", "address", "town", "ward", "postcode", "website",
                  "phone", "senco.name", "senco.email", "senco.phone", "approved_by",
                  "languages[]", "specialist_provision[]", "maintainers[]", "age_range",
                  "last_reviewed", "next_review", "question_set"):
        assert place in places
    offer = poisoned(schema, "PAYLOAD", ONLY_PUBLISHED)
    assert offer["senco"]["name"] == "PAYLOAD" and offer["languages"][0] == "PAYLOAD"
    assert offer["status"] == "published" and "sen_report_duty" not in offer


def test_the_payloads_are_published_as_text(sites: tuple[Path, Path, dict[str, str]]) -> None:
    hostile, _, slugs = sites
    for slug, payload in slugs.items():
        page = hostile / "settings" / slug / "index.html"
        found = {str(element.tag): element for element in elements(page)
                 if element.tag in ("h1", "title") or element.get("name") == "description"}
        shown = payload.strip()  # a name is read without the spaces around it
        assert "".join(found["h1"].itertext()) == shown, slug
        assert found["title"].text.startswith(shown), slug
        assert found["meta"].get("content").startswith(f"{shown}: support for"), slug


def test_no_element_or_attribute_is_injected(sites: tuple[Path, Path, dict[str, str]],
                                             record_property: Any) -> None:
    hostile, harmless, slugs = sites
    injected: dict[str, str] = {}
    for page in pages(hostile):
        relative = page.relative_to(hostile)
        twin_page = harmless / relative
        assert twin_page.is_file(), relative
        extra = shape(page) - shape(twin_page)
        if extra:
            injected[str(relative)] = str(extra)
    assert not injected, json.dumps(injected, indent=1)
    tried = len(PAYLOADS) * len(leaves(front_matter_json_schema(
        load_borough(hostile.parent / "localoffer.yml")))) + len(FOLDER_PAYLOADS)
    record_property("payloads_tried_and_inert", tried)
    print(f"\n{len(PAYLOADS)} payloads in every front-matter field and {len(FOLDER_PAYLOADS)} in "
          f"folder names: {tried} placements tried, {tried} inert, on {len(pages(hostile))} pages")


def test_no_handler_or_script_url_anywhere(sites: tuple[Path, Path, dict[str, str]]) -> None:
    hostile = sites[0]
    for page in pages(hostile):
        for element in elements(page):
            for name, value in element.attrib.items():
                assert not str(name).lower().startswith("on"), f"{page}: <{element.tag} {name}>"
                if str(name).lower() in URL_ATTRIBUTES:
                    scheme = "".join(value.split()).lower()
                    assert not scheme.startswith(("javascript:", "vbscript:", "data:")), \
                        f"{page}: <{element.tag} {name}={value!r}>"


def test_folder_names_with_markup_are_never_published(
        sites: tuple[Path, Path, dict[str, str]]) -> None:
    hostile = sites[0]
    published = {path.name for path in (hostile / "settings").iterdir() if path.is_dir()}
    assert published == set(sites[2])
    data = json.loads((hostile / "offers.json").read_text(encoding="utf-8"))
    assert {offer["slug"] for offer in data["offers"]} == set(sites[2])


# In Chromium -------------------------------------------------------------------------------

WATCH = """
window.__fired = [];
for (const name of ['alert', 'confirm', 'prompt', 'print']) {
  window[name] = (...args) => { window.__fired.push(name + ':' + args.join(',')); };
}
const title = Object.getOwnPropertyDescriptor(Document.prototype, 'title');
Object.defineProperty(Document.prototype, 'title', {
  configurable: true,
  get() { return title.get.call(this); },
  set(value) { window.__fired.push('title:' + value); title.set.call(this, value); },
});
"""
CONTROL = ("<!doctype html><title>control</title><img src=x onerror=alert('control')>"
           "<script>document.title = 'control'</script>")


@pytest.mark.browser
def test_nothing_runs_in_chromium(sites: tuple[Path, Path, dict[str, str]], browser: Any) -> None:
    from browser_harness import serve_folder

    hostile = sites[0]
    (hostile / "control-page.html").write_text(CONTROL, encoding="utf-8")
    fired: dict[str, list[str]] = {}
    with serve_folder(hostile) as url:
        context = browser.new_context()
        context.add_init_script(WATCH)
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url)
                      else route.abort())
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(url + "control-page.html", wait_until="load")
        page.wait_for_timeout(200)
        control = page.evaluate("window.__fired")
        opened = 0
        for path in pages(hostile):
            relative = path.relative_to(hostile).as_posix()
            if relative == "control-page.html":
                continue
            page.goto(url + relative, wait_until="load")
            page.wait_for_timeout(50)
            opened += 1
            found = page.evaluate("window.__fired") + dialogs
            dialogs.clear()
            if found:
                fired[relative] = found
        context.close()
    # The watch works: the control page's handler and script were both seen.
    assert sorted(control) == ["alert:control", "title:control"]
    assert not fired, json.dumps(fired, indent=1)
    assert opened == len(pages(hostile)) - 1 > 60
    print(f"\nChromium opened {opened} pages with the payloads: nothing fired")


@pytest.mark.parametrize("sites", ["pagefind"], indirect=True)
def test_a_search_in_each_hostile_town_shows_it_as_text_and_runs_nothing(
        sites: tuple[Path, Path, dict[str, str]], browser: Any) -> None:
    hostile, _, slugs = sites
    listed = json.loads((hostile / "pagefind" / "shards.json").read_text(encoding="utf-8"))
    towns = list(listed["areas"])
    assert len(listed["shards"]) > 1 and len(towns) == len(PAYLOADS)
    with serve_folder(hostile) as url:
        context = browser.new_context()
        context.add_init_script(WATCH)
        page = context.new_page()
        page.set_default_timeout(20_000)
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for town in towns:
            page.goto(f"{url}search/?q=answer&area={quote(town)}")
            page.locator("#lo-search-status").filter(has_text="for \u201c").wait_for()
            area = page.locator("#lo-search-area")
            assert area.input_value() == town
            assert area.locator("option").all_inner_texts() == [
                "Choose an area", *towns, "Every area (a bigger download)"]
            found = {link.strip("/").split("/")[-1] for link in page.locator(
                "#lo-search-results li a").evaluate_all("links => links.map(a => a.href)")}
            # Only settings whose town this is, found by their own payload.
            assert found and all(slugs.get(slug, "").strip() == town.strip() for slug in found), (
                town, found)
            assert page.evaluate("window.__fired") == [] and dialogs == [], town
        context.close()
