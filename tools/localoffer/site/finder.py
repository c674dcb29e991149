"""Find a setting: one page that filters the settings by age, need, area, type, physical
access, language and specialist provision.

With JavaScript (assets/finder.js) it filters at once from a compact data file: the facts a
filter reads, column by column, as small numbers and bit masks (about 6 bytes a setting once
compressed), with the settings' names in separate chunks fetched only for the results shown.
Without JavaScript the page links to the lists built with the site (by age, need, area,
type and access), whose entries show the same facts. The choices are kept in the address
(?age=7&need=autism...), so a search can be shared.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from localoffer.model.vocabulary import ACCESS_FEATURES, NEEDS
from localoffer.site.catalogue import Catalogue
from localoffer.site.markup import fragment
from localoffer.site.structure import BuiltPage

FINDER_URL = "find/"
DATA_FILE = "find/finder-data.json"
NAMES_FOLDER = "find/names/"
NAMES_PER_CHUNK = 500
# What a type of setting is to a parent, from the kind of reference number it has.
TYPE_GROUPS = {"dfe": "school", "ofsted": "early years", "ukprn": "college"}
LANGUAGE_BITS = 30  # bits per number in a language mask: JavaScript's bit operators use 32


@dataclass
class FinderFiles:
    """The finder's page and data files: {site path: text}."""

    page: BuiltPage
    files: dict[str, str]


def finder(catalogue: Catalogue) -> FinderFiles:
    data = finder_data(catalogue)
    files = {DATA_FILE: _json(data)}
    offers = catalogue.offers
    for start in range(0, len(offers), NAMES_PER_CHUNK):
        chunk = [[item.slug, item.name] for item in offers[start:start + NAMES_PER_CHUNK]]
        files[f"{NAMES_FOLDER}{start // NAMES_PER_CHUNK}.json"] = _json(chunk)
    return FinderFiles(finder_page(data), files)


def finder_data(catalogue: Catalogue) -> dict[str, Any]:
    """Everything the filters read: tables of the ages, places, types, needs, access facts and
    languages, and for each setting (A to Z) a column of small numbers per fact, each column
    written as a string of fixed-width base-64 digits (a tenth of the size of a JSON list of
    numbers once compressed; finder.js reads them back)."""
    borough = catalogue.borough
    offers = catalogue.offers
    types = list(borough.setting_types)
    need_ids = list(NEEDS)
    access_ids = list(ACCESS_FEATURES)
    towns = sorted({item.facts.town for item in offers if item.facts.town}, key=str.casefold)
    wards = sorted({(item.facts.ward, item.facts.town) for item in offers if item.facts.ward},
                   key=lambda pair: (pair[0].casefold(), pair[1].casefold()))
    districts = sorted({item.facts.postcode_district for item in offers
                        if item.facts.postcode_district} | set(borough.district_centres),
                       key=_district_order)
    languages = sorted({language for item in offers for language in item.facts.languages},
                       key=lambda name: (name != "English", name.casefold()))
    town_index = {town: index for index, town in enumerate(towns)}
    ward_index = {pair: index for index, pair in enumerate(wards)}
    district_index = {district: index for index, district in enumerate(districts)}
    language_index = {language: index for index, language in enumerate(languages)}
    # Settings share a few age ranges and places (town, ward, postcode district): each is
    # written once in a table, and a setting gives its row.
    ages: dict[tuple[int, int], int] = {}
    places: dict[tuple[int, int, int], int] = {}
    columns: dict[str, list[int]] = {key: [] for key in (
        "ages", "type", "place", "need", "specialist", "access", "overdue")}
    language_words = max(1, -(-len(languages) // LANGUAGE_BITS))
    language_columns: list[list[int]] = [[] for _ in range(language_words)]
    for item in offers:
        facts = item.facts
        columns["ages"].append(ages.setdefault(facts.ages or (-1, -1), len(ages)))
        place = (town_index.get(facts.town, -1), ward_index.get((facts.ward, facts.town), -1),
                 district_index.get(facts.postcode_district, -1))
        columns["place"].append(places.setdefault(place, len(places)))
        columns["type"].append(types.index(facts.type_id) if facts.type_id in types else -1)
        columns["need"].append(_mask(need_ids, (*facts.provides_for,
                                                *facts.specialist_provision)))
        columns["specialist"].append(_mask(need_ids, facts.specialist_provision))
        columns["access"].append(_mask(access_ids, facts.access))
        columns["overdue"].append(1 if item.review.overdue else 0)
        words = [0] * language_words
        for language in facts.languages:
            bit = language_index[language]
            words[bit // LANGUAGE_BITS] |= 1 << (bit % LANGUAGE_BITS)
        for column, word in zip(language_columns, words):
            column.append(word)
    return {
        "count": len(offers),
        "chunk": NAMES_PER_CHUNK,
        "types": [[type_id, kind.label, TYPE_GROUPS.get(kind.urn_kind, "")]
                  for type_id, kind in borough.setting_types.items()],
        "needs": [[need, term.label, list(term.words)] for need, term in NEEDS.items()],
        "access": [[feature, term.label, list(term.words)]
                   for feature, term in ACCESS_FEATURES.items()],
        "towns": towns,
        "wards": [[ward, town_index.get(town, -1)] for ward, town in wards],
        "districts": [[district, *borough.district_centres.get(district, ())]
                      for district in districts],
        "languages": languages,
        "ages": [list(pair) for pair in ages],
        "places": [list(place) for place in places],
        "columns": {**{key: packed(values) for key, values in columns.items()},
                    "languages": [packed(column) for column in language_columns]},
    }


# The digits of the columns: 6 bits each, characters that need no escaping in JSON.
DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def packed(values: list[int]) -> list[Any]:
    """[width, digits]: each value plus one (so -1, 'not given', is 0) in `width` digits."""
    largest = max(values, default=0) + 1
    width = max(1, -(-largest.bit_length() // 6))
    digits = []
    for value in values:
        number = value + 1
        digits.append("".join(DIGITS[(number >> (6 * place)) & 63]
                              for place in reversed(range(width))))
    return [width, "".join(digits)]


def finder_page(data: dict[str, Any]) -> BuiltPage:
    html = fragment("finder.html", "finder", data, range(0, 26),
                    [row[0] for row in data["districts"] if len(row) == 3], _no_script_lists())
    return BuiltPage(url=FINDER_URL, title="Find a setting", html=html,
                     description="Find a school, college or early years setting by your child's "
                                 "age, needs, area, type, access and language.",
                     search_exclude=True, kind="finder")


def _no_script_lists() -> list[tuple[str, str, str]]:
    """Links to the lists built with the site: (address from find/, text, what it holds)."""
    return [
        ("age/", "By age", "a page for each age from 0 to 25; each setting shows its needs, "
                           "access and area"),
        ("need/", "By area of need", "special schools and resourced bases for each need"),
        ("area/", "By area", "by town, ward and postcode district"),
        ("type/", "By type of setting", "nurseries, childminders, schools and colleges"),
        ("access/", "By physical access", "step-free entrance, lift, hoist, hearing loop "
                                          "and more"),
        ("../settings/", "All settings A to Z", ""),
    ]


def _mask(ids: list[str], chosen: tuple[str, ...]) -> int:
    mask = 0
    for value in chosen:
        if value in ids:
            mask |= 1 << ids.index(value)
    return mask


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _district_order(district: str) -> tuple[str, int, str]:
    letters = "".join(ch for ch in district if ch.isalpha())[:2]
    digits = "".join(ch for ch in district[len(letters):] if ch.isdigit())
    return letters, int(digits) if digits else 0, district

