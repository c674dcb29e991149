"""Ways to find a setting: A to Z, by type, by age, by area of need, by ward or postcode.

Each list is one page (or, for ages, one small page per age), so a borough of thousands of
settings adds a line per setting, never a menu entry per setting on every page.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from localoffer.site.catalogue import Catalogue, PublishedOffer, sort_key
from localoffer.model.vocabulary import ACCESS_FEATURES, access_label
from localoffer.site.facts import NEEDS, need_label
from localoffer.site.sanitise import escape
from localoffer.site.structure import BuiltPage, relative_url, toc_entry

AGES = range(0, 26)
A_TO_Z_URL = "settings/"
TYPE_URL = "find/type/"
AGE_URL = "find/age/"
NEED_URL = "find/need/"
AREA_URL = "find/area/"
ACCESS_URL = "find/access/"


def list_pages(catalogue: Catalogue) -> list[BuiltPage]:
    return [a_to_z(catalogue), by_type(catalogue), by_age(catalogue),
            *[for_age(catalogue, age) for age in AGES], by_need(catalogue), by_area(catalogue),
            by_access(catalogue)]


def a_to_z(catalogue: Catalogue) -> BuiltPage:
    url = A_TO_Z_URL
    groups: dict[str, list[PublishedOffer]] = defaultdict(list)
    for item in catalogue.offers:
        first = sort_key(item.name)[:1].upper()
        groups[first if first.isalpha() and first.isascii() else "#"].append(item)
    letters = sorted(groups, key=lambda letter: (letter == "#", letter))
    jump = "".join(f'<li><a href="#letter-{_letter_id(letter)}">{escape(letter)}</a></li>'
                   for letter in letters)
    sections = [f'<h2 id="letter-{_letter_id(letter)}">{escape(letter)}</h2>'
                + _entries(groups[letter], url) for letter in letters]
    html = (f"<h1>All settings A to Z</h1>{_count(len(catalogue.offers))}"
            f'<nav aria-label="Jump to a letter"><ul class="lo-letters">{jump}</ul></nav>'
            + "".join(sections))
    return _page(url, "All settings A to Z", html,
                 [toc_entry(2, f"letter-{_letter_id(letter)}", escape(letter)) for letter in letters],
                 "Every school, college and early years setting in the Local Offer, A to Z.")


def by_type(catalogue: Catalogue) -> BuiltPage:
    url = TYPE_URL
    groups = _group(catalogue.offers, lambda item: [item.facts.type_id])
    sections, toc = [], []
    for type_id, kind in catalogue.borough.setting_types.items():
        items = groups.get(type_id, [])
        if not items:
            continue
        booklet = relative_url(url, f"booklet/{type_id}/")
        sections.append(f'<h2 id="{escape(type_id)}">{escape(_plural(kind.label))} '
                        f"({len(items)})</h2>{_entries(items, url)}"
                        f'<p class="lo-booklet-link"><a href="{booklet}">Printable booklet of '
                        f"every {escape(kind.label.lower())}</a></p>")
        toc.append(toc_entry(2, type_id, escape(_plural(kind.label))))
    html = ("<h1>Settings by type</h1><p>Nurseries and childminders, schools, special schools "
            "and colleges. Choose a type to see every setting of that kind.</p>"
            + _contents(toc) + "".join(sections))
    return _page(url, "Settings by type", html, toc,
                 "Schools, colleges and early years settings, by type.")


def by_age(catalogue: Catalogue) -> BuiltPage:
    url = AGE_URL
    counts = {age: sum(item.facts.covers_age(age) for item in catalogue.offers) for age in AGES}
    links = "".join(f'<li><a href="{age}/"><span class="lo-age"><span class="lo-hidden">Age '
                    f'</span>{age}</span><span class="lo-hidden">: </span>'
                    f'<span class="lo-age-count">{_settings(counts[age])}</span></a></li>'
                    for age in AGES)
    html = ("<h1>Settings by age</h1>"
            "<p>Choose the age of your child or young person to see the settings that take "
            "children of that age. The Local Offer covers ages 0 to 25.</p>"
            f'<nav aria-label="Ages"><ul class="lo-ages">{links}</ul></nav>')
    return _page(url, "Settings by age", html, [],
                 "Find settings for a child or young person of a given age, 0 to 25.")


def for_age(catalogue: Catalogue, age: int) -> BuiltPage:
    url = f"{AGE_URL}{age}/"
    items = [item for item in catalogue.offers if item.facts.covers_age(age)]
    groups = _group(items, lambda item: [item.facts.type_id])
    sections, toc = [], []
    for type_id, kind in catalogue.borough.setting_types.items():
        if groups.get(type_id):
            sections.append(f'<h2 id="{escape(type_id)}">{escape(_plural(kind.label))}</h2>'
                            + _entries(groups[type_id], url))
            toc.append(toc_entry(2, type_id, escape(_plural(kind.label))))
    title = f"Settings for age {age}"
    other = '<p><a href="../">Choose another age</a></p>'
    empty = "" if items else "<p>No setting in the Local Offer takes children of this age.</p>"
    count = (f"{_settings(len(items)).capitalize()} take{'s' if len(items) == 1 else ''} "
             f"children and young people aged {age}.") if items else ""
    html = (f"<h1>{escape(title)}</h1><p>{count}</p>{other}{empty}"
            + "".join(sections))
    return _page(url, title, html, toc, f"Settings that take children aged {age}.")


def by_need(catalogue: Catalogue) -> BuiltPage:
    url = NEED_URL
    groups = _group(catalogue.offers, lambda item: item.facts.specialist_provision)
    order = [need for need in NEEDS if need in groups] + sorted(set(groups) - set(NEEDS))
    sections = [f'<h2 id="{escape(need)}">{escape(need_label(need))}</h2>'
                + _entries(groups[need], url) for need in order]
    toc = [toc_entry(2, need, escape(need_label(need))) for need in order]
    html = ("<h1>Specialist provision by area of need</h1>"
            "<p>Every school, college and early years setting must support children and young "
            "people with special educational needs. The settings below also have specialist "
            "places, a special school or a resourced base for a particular area of need.</p>"
            + _contents(toc) + ("".join(sections) or "<p>No setting lists specialist "
                                "provision yet.</p>"))
    return _page(url, "Specialist provision by need", html, toc,
                 "Special schools and resourced provision, by area of need.")


def by_area(catalogue: Catalogue) -> BuiltPage:
    url = AREA_URL
    towns = _group(catalogue.offers, lambda item: [item.facts.town or "Other places"])
    ward_parts, toc_towns = [], []
    for town in sorted(towns, key=str.casefold):
        wards = _group(towns[town], lambda item: [item.facts.ward or "Ward not given"])
        town_id = "town-" + _slug(town)
        part = [f'<h3 id="{town_id}">{escape(town)}</h3>']
        for ward in sorted(wards, key=str.casefold):
            part.append(f'<h4 id="{town_id}-{_slug(ward)}">{escape(ward)} ward</h4>'
                        + _entries(wards[ward], url))
        ward_parts.append("".join(part))
        toc_towns.append(toc_entry(3, town_id, escape(town)))
    districts = _group(catalogue.offers, lambda item: [item.facts.postcode_district or "?"])
    district_parts, toc_districts = [], []
    for district in sorted(districts, key=_district_order):
        district_id = "postcode-" + _slug(district)
        district_parts.append(f'<h3 id="{district_id}">{escape(district)}</h3>'
                              + _entries(districts[district], url))
        toc_districts.append(toc_entry(3, district_id, escape(district)))
    toc = [toc_entry(2, "by-ward", "By ward", toc_towns),
           toc_entry(2, "by-postcode", "By postcode district", toc_districts)]
    jump = "".join(f'<li><a href="#{entry["id"]}">{entry["name"]}</a></li>'
                   for entry in toc_districts)
    html = ("<h1>Settings by area</h1><p>Find settings near you by council ward or by the "
            "first half of the postcode (for example CK4).</p>"
            '<ul class="lo-jump"><li><a href="#by-ward">By ward</a></li>'
            '<li><a href="#by-postcode">By postcode district</a></li></ul>'
            '<h2 id="by-ward">By ward</h2>' + "".join(ward_parts)
            + '<h2 id="by-postcode">By postcode district</h2>'
            + f'<nav aria-label="Postcode districts"><ul class="lo-letters">{jump}</ul></nav>'
            + "".join(district_parts))
    return _page(url, "Settings by area", html, toc, "Settings by ward and postcode district.")


def by_access(catalogue: Catalogue) -> BuiltPage:
    url = ACCESS_URL
    groups = _group(catalogue.offers, lambda item: item.facts.access)
    order = [feature for feature in ACCESS_FEATURES if feature in groups]
    sections = [f'<h2 id="{escape(feature)}">{escape(access_label(feature))}</h2>'
                + _entries(groups[feature], url) for feature in order]
    toc = [toc_entry(2, feature, escape(access_label(feature))) for feature in order]
    html = ("<h1>Settings by physical access</h1>"
            "<p>What each setting says about getting into and around its buildings. A setting "
            "that has not said is not listed: ask it.</p>"
            + _contents(toc) + ("".join(sections) or "<p>No setting has given its access "
                                "facts yet.</p>"))
    return _page(url, "Settings by physical access", html, toc,
                 "Settings with a step-free entrance, a lift, a hoist, a hearing loop and more.")


def entry(item: PublishedOffer, from_url: str) -> str:
    facts = item.facts
    details = [facts.type_label]
    if facts.ages:
        details.append(f"ages {facts.ages_text}")
    area = " ".join(part for part in (facts.town, facts.postcode_district) if part)
    if area:
        details.append(area)
    if facts.access:
        details.append("access: " + ", ".join(access_label(feature).lower()
                                               for feature in facts.access))
    overdue = (' <strong class="lo-overdue-tag">review overdue</strong>'
               if item.review.overdue else "")
    return (f'<li><a href="{relative_url(from_url, item.url)}">{escape(item.name)}</a>'
            f'<span class="lo-meta">{escape(" · ".join(details))}</span>{overdue}</li>')


def _entries(items: Iterable[PublishedOffer], from_url: str) -> str:
    return '<ul class="lo-list">' + "".join(entry(item, from_url) for item in items) + "</ul>"


def _group(items: Iterable[PublishedOffer], keys) -> dict[str, list[PublishedOffer]]:  # type: ignore[no-untyped-def]
    groups: dict[str, list[PublishedOffer]] = defaultdict(list)
    for item in items:
        for key in keys(item):
            if key:
                groups[key].append(item)
    return groups


def _page(url: str, title: str, html: str, toc: list, description: str) -> BuiltPage:  # type: ignore[type-arg]
    return BuiltPage(url=url, title=title, html=f'<div class="lo-listing">{html}</div>',
                     toc=toc, description=description, search_exclude=True, kind="list")


def _contents(toc: list) -> str:  # type: ignore[type-arg]
    if len(toc) < 2:
        return ""
    items = "".join(f'<li><a href="#{entry["id"]}">{entry["name"]}</a></li>' for entry in toc)
    return f'<nav aria-label="On this page"><ul class="lo-jump">{items}</ul></nav>'


def _count(number: int) -> str:
    return f"<p>{_settings(number).capitalize()} in the Local Offer.</p>"


def _settings(number: int) -> str:
    return f"{number:,} setting{'s' if number != 1 else ''}" if number else "no settings"


def _plural(label: str) -> str:
    return label if label.endswith("s") else label + "s"


def _letter_id(letter: str) -> str:
    return "other" if letter == "#" else letter.lower()


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-") or "x"


def _district_order(district: str) -> tuple[str, int, str]:
    letters = "".join(ch for ch in district if ch.isalpha())[:2]
    digits = "".join(ch for ch in district[len(letters):] if ch.isdigit())
    return letters, int(digits) if digits else 0, district
