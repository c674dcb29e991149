"""The finder's data file: tables once, then a packed column per fact (site/finder.py)."""
from __future__ import annotations

import json
from datetime import date

from localoffer.borough import load_borough
from localoffer.site.catalogue import load_catalogue
from localoffer.site.finder import DIGITS, finder, packed
from site_helpers import REPO_ROOT


def unpack(column: list) -> list[int]:  # type: ignore[type-arg]
    width, digits = column
    values = []
    for start in range(0, len(digits), width):
        number = 0
        for digit in digits[start:start + width]:
            number = number * 64 + DIGITS.index(digit)
        values.append(number - 1)
    return values


def test_columns_are_packed_in_base_64_digits_of_one_width() -> None:
    assert packed([-1, 0, 62]) == [1, "AB_"]
    assert packed([63, 0]) == [2, "BAAB"]
    assert packed([]) == [1, ""]


def test_the_demo_borough_s_data() -> None:
    borough = load_borough(REPO_ROOT / "localoffer.yml")
    catalogue = load_catalogue(borough, date(2026, 11, 28), run_checks=False)
    built = finder(catalogue)
    assert set(built.files) == {"find/finder-data.json", "find/names/0.json"}
    data = json.loads(built.files["find/finder-data.json"])
    assert data["count"] == 12
    names = json.loads(built.files["find/names/0.json"])
    beacon = [slug for slug, _ in names].index("beacon-hill-school")
    assert names[beacon] == ["beacon-hill-school", "Beacon Hill School"]
    columns = {key: unpack(value) for key, value in data["columns"].items()
               if key != "languages"}
    assert data["ages"][columns["ages"][beacon]] == [2, 19]
    town, ward, district = data["places"][columns["place"][beacon]]
    assert (data["towns"][town], data["wards"][ward][0], data["districts"][district]) == (
        "Marsden Vale", "Marsden Vale North", ["CK7", 53.63, -2.11])
    access = [feature for bit, (feature, _, _) in enumerate(data["access"])
              if columns["access"][beacon] & (1 << bit)]
    assert access == ["step_free_entrance", "wheelchair_access", "accessible_toilet",
                      "changing_place", "hoist", "quiet_room", "sensory_room"]
    needs = [need for bit, (need, _, _) in enumerate(data["needs"])
             if columns["specialist"][beacon] & (1 << bit)]
    assert needs == ["cognition-and-learning", "autism", "complex-needs"]
    assert data["types"][columns["type"][beacon]][:2] == ["special", "Special school"]
    languages = [language for bit, language in enumerate(data["languages"])
                 if unpack(data["columns"]["languages"][0])[beacon] & (1 << bit)]
    assert sorted(languages) == ["Arabic", "Bengali", "English", "Somali"]
