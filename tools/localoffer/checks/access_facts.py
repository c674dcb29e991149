"""Access facts: when the answer about the setting's buildings mentions a lift, a hoist or a
hearing loop, the front-matter's `access:` should say so too, because that is what the
"Find a setting" filters read (a parent looking for a lift never reads every answer)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from localoffer.checks.base import warning
from localoffer.checks.runner import CheckContext
from localoffer.model import Finding, Offer
from localoffer.model.vocabulary import ACCESS_FEATURES

RULES = {
    "access-facts/missing": "The answer about access mentions a feature (a lift, a hoist, a "
                            "hearing loop...) that the front-matter's access: facts leave out "
                            "(a warning).",
}
# The area of the question bank whose answer describes the buildings.
ACCESS_AREA = "access-and-activities"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    return {feature.id: re.compile(r"\b(?:" + "|".join(re.escape(word) for word in feature.words)
                                   + r")s?\b", re.I)
            for feature in ACCESS_FEATURES.values()}


def check(offer: Offer, context: CheckContext) -> Iterator[Finding]:
    if offer.front_matter is None:
        return
    given = offer.get("access")
    given = given if isinstance(given, dict) else {}
    mentioned: dict[str, int] = {}
    for section in offer.sections:
        if ACCESS_AREA not in section.areas:
            continue
        for line_number, line in section.numbered_lines():
            for feature, pattern in _patterns().items():
                if feature not in given and feature not in mentioned and pattern.search(line):
                    mentioned[feature] = line_number
    for feature, line_number in sorted(mentioned.items(), key=lambda item: item[1]):
        yield warning(offer, line_number, "access-facts/missing",
                      f"This answer mentions {ACCESS_FEATURES[feature].label.lower()}, but the "
                      f"front-matter does not say whether the setting has it. Add "
                      f"'{feature}: true' (or false) under 'access:', so parents who filter "
                      "by access find this setting.")
