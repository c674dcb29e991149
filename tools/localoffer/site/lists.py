"""Ways to find a setting: A to Z, by type, by age, by area of need, by ward or postcode.

Each list is one page (or, for ages, one small page per age), so a borough of thousands of
settings adds a line per setting, never a menu entry per setting on every page.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from localoffer.site.catalogue import Catalogue, PublishedOffer, sort_key
from localoffer.model.vocabulary import ACCESS_FEATURES, access_label
from localoffer.model.vocabulary import need_label
from localoffer.site.facts import NEEDS, SettingFacts
from localoffer.site.markup import Markup, fragment
from localoffer.site.structure import BuiltPage, relative_url, toc_entry

AGES = range(0, 26)
A_TO_Z_URL = "settings/"
TYPE_URL = "find/type/"
AGE_URL = "find/age/"
NEED_URL = "find/need/"
AREA_URL = "find/area/"
ACCESS_URL = "find/access/"
TITLES = {A_TO_Z_URL: "All settings A to Z", TYPE_URL: "Settings by type",
          AGE_URL: "Settings by age", NEED_URL: "Specialist provision by need",
          AREA_URL: "Settings by area", ACCESS_URL: "Settings by physical access"}


def age_title(age: int) -> str:
    return f"Settings for age {age}"


def list_titles() -> list[tuple[str, str]]:
    """Every list page's address and title, in the order of list_pages."""
    return [(A_TO_Z_URL, TITLES[A_TO_Z_URL]), (TYPE_URL, TITLES[TYPE_URL]),
            (AGE_URL, TITLES[AGE_URL]), *[(f"{AGE_URL}{age}/", age_title(age)) for age in AGES],
            (NEED_URL, TITLES[NEED_URL]), (AREA_URL, TITLES[AREA_URL]),
            (ACCESS_URL, TITLES[ACCESS_URL])]


def list_inputs(catalogue: Catalogue) -> list[tuple[object, ...]]:
    """All that the lists show of the settings: a build whose lists have the same inputs as
    the last one's may keep their pages (builder.py)."""
    return [(item.slug, item.name, item.facts, item.review.overdue) for item in catalogue.offers]


def list_pages(catalogue: Catalogue) -> list[BuiltPage]:
    entries = _Entries()  # a setting is on about 15 lists: its line is made once
    return [a_to_z(catalogue, entries), by_type(catalogue, entries), by_age(catalogue),
            *[for_age(catalogue, age, entries) for age in AGES], by_need(catalogue, entries),
            by_area(catalogue, entries), by_access(catalogue, entries)]


def a_to_z(catalogue: Catalogue, entries: "_Entries") -> BuiltPage:
    url = A_TO_Z_URL
    groups: dict[str, list[PublishedOffer]] = defaultdict(list)
    for item in catalogue.offers:
        first = sort_key(item.name)[:1].upper()
        groups[first if first.isalpha() and first.isascii() else "#"].append(item)
    letters = sorted(groups, key=lambda letter: (letter == "#", letter))
    html = fragment("lists.html", "a_to_z", _settings(len(catalogue.offers)).capitalize(),
                    [{"id": _letter_id(letter), "letter": letter,
                      "entries": entries(groups[letter], url)} for letter in letters])
    return _page(url, TITLES[url], html,
                 [toc_entry(2, f"letter-{_letter_id(letter)}", letter) for letter in letters],
                 "Every school, college and early years setting in the Local Offer, A to Z.")


def by_type(catalogue: Catalogue, entries: "_Entries") -> BuiltPage:
    url = TYPE_URL
    groups = _group(catalogue.offers, lambda item: [item.facts.type_id])
    types, toc = [], []
    for type_id, kind in catalogue.borough.setting_types.items():
        items = groups.get(type_id, [])
        if not items:
            continue
        types.append({"id": type_id, "plural": _plural(kind.label), "label": kind.label.lower(),
                      "count": len(items),
                      "entries": entries(items, url),
                      "booklet": relative_url(url, f"booklet/{type_id}/")})
        toc.append(toc_entry(2, type_id, _plural(kind.label)))
    return _page(url, TITLES[url], fragment("lists.html", "by_type", toc, types), toc,
                 "Schools, colleges and early years settings, by type.")


def by_age(catalogue: Catalogue) -> BuiltPage:
    counts = {age: sum(item.facts.covers_age(age) for item in catalogue.offers) for age in AGES}
    html = fragment("lists.html", "by_age", [(age, _settings(counts[age])) for age in AGES])
    return _page(AGE_URL, TITLES[AGE_URL], html, [],
                 "Find settings for a child or young person of a given age, 0 to 25.")


def for_age(catalogue: Catalogue, age: int, entries: "_Entries") -> BuiltPage:
    url = f"{AGE_URL}{age}/"
    items = [item for item in catalogue.offers if item.facts.covers_age(age)]
    groups = _group(items, lambda item: [item.facts.type_id])
    types, toc = [], []
    for type_id, kind in catalogue.borough.setting_types.items():
        if groups.get(type_id):
            types.append({"id": type_id, "plural": _plural(kind.label),
                          "entries": entries(groups[type_id], url)})
            toc.append(toc_entry(2, type_id, _plural(kind.label)))
    title = age_title(age)
    count = (f"{_settings(len(items)).capitalize()} take{'s' if len(items) == 1 else ''} "
             f"children and young people aged {age}.") if items else ""
    html = fragment("lists.html", "for_age", title, count, not items, types)
    return _page(url, title, html, toc, f"Settings that take children aged {age}.")


def by_need(catalogue: Catalogue, entries: "_Entries") -> BuiltPage:
    url = NEED_URL
    groups = _group(catalogue.offers, lambda item: item.facts.specialist_provision)
    order = [need for need in NEEDS if need in groups] + sorted(set(groups) - set(NEEDS))
    needs = [{"id": need, "label": need_label(need), "entries": entries(groups[need], url)}
             for need in order]
    toc = [toc_entry(2, need, need_label(need)) for need in order]
    return _page(url, TITLES[url],
                 fragment("lists.html", "by_need", toc, needs), toc,
                 "Special schools and resourced provision, by area of need.")


def by_area(catalogue: Catalogue, entries: "_Entries") -> BuiltPage:
    url = AREA_URL
    towns_found = _group(catalogue.offers, lambda item: [item.facts.town or "Other places"])
    towns, toc_towns = [], []
    for town in sorted(towns_found, key=str.casefold):
        wards = _group(towns_found[town], lambda item: [item.facts.ward or "Ward not given"])
        town_id = "town-" + _slug(town)
        towns.append({"id": town_id, "name": town, "wards": [
            {"id": f"{town_id}-{_slug(ward)}", "name": ward, "entries": entries(wards[ward], url)}
            for ward in sorted(wards, key=str.casefold)]})
        toc_towns.append(toc_entry(3, town_id, town))
    found = _group(catalogue.offers, lambda item: [item.facts.postcode_district or "?"])
    districts, toc_districts = [], []
    for district in sorted(found, key=_district_order):
        district_id = "postcode-" + _slug(district)
        districts.append({"id": district_id, "name": district,
                          "entries": entries(found[district], url)})
        toc_districts.append(toc_entry(3, district_id, district))
    toc = [toc_entry(2, "by-ward", "By ward", toc_towns),
           toc_entry(2, "by-postcode", "By postcode district", toc_districts)]
    return _page(url, TITLES[url], fragment("lists.html", "by_area", towns, districts),
                 toc, "Settings by ward and postcode district.")


def by_access(catalogue: Catalogue, entries: "_Entries") -> BuiltPage:
    url = ACCESS_URL
    groups = _group(catalogue.offers, lambda item: item.facts.access)
    features = [{"id": feature, "label": access_label(feature),
                 "entries": entries(groups[feature], url)}
                for feature in ACCESS_FEATURES if feature in groups]
    toc = [toc_entry(2, feature["id"], feature["label"]) for feature in features]
    return _page(url, TITLES[url],
                 fragment("lists.html", "by_access", toc, features), toc,
                 "Settings with a step-free entrance, a lift, a hoist, a hearing loop and more.")


class _Entries:
    """What a list shows of each setting: its name, link, details and whether its review is
    overdue. All but the link are the same on every list, so they are made once a build."""

    def __init__(self) -> None:
        self._shown: dict[str, tuple[str, str, bool]] = {}

    def __call__(self, items: Iterable[PublishedOffer], from_url: str) -> Markup:
        return fragment("lists.html", "entries", [self.entry(item, from_url) for item in items])

    def entry(self, item: PublishedOffer, from_url: str) -> tuple[str, str, str, bool]:
        shown = self._shown.get(item.slug)
        if shown is None:
            shown = self._shown[item.slug] = (item.name, _details(item.facts),
                                              item.review.overdue)
        name, details, overdue = shown
        return name, relative_url(from_url, item.url), details, overdue


def _details(facts: SettingFacts) -> str:
    details = [facts.type_label]
    if facts.ages:
        details.append(f"ages {facts.ages_text}")
    area = " ".join(part for part in (facts.town, facts.postcode_district) if part)
    if area:
        details.append(area)
    if facts.access:
        details.append("access: " + ", ".join(access_label(feature).lower()
                                               for feature in facts.access))
    return " · ".join(details)


def _group(items: Iterable[PublishedOffer], keys) -> dict[str, list[PublishedOffer]]:  # type: ignore[no-untyped-def]
    groups: dict[str, list[PublishedOffer]] = defaultdict(list)
    for item in items:
        for key in keys(item):
            if key:
                groups[key].append(item)
    return groups


def _page(url: str, title: str, html: Markup, toc: list, description: str) -> BuiltPage:  # type: ignore[type-arg]
    return BuiltPage(url=url, title=title, html=fragment("lists.html", "listing", html),
                     toc=toc, description=description, search_exclude=True, kind="list")


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
