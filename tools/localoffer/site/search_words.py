"""Search that answers parents: the borough's glossary as a page of its own (so a search for a
term finds its meaning first), and the words that mean the same (SEN and special educational
needs, ASD and autism, SpLD and dyslexia...) for the search box, so either form finds the other.

The words come from localoffer.yml's glossary and the kinds of need (model/vocabulary.py);
assets/search-words.js reads them from search-words.json and widens each search with them.
"""
from __future__ import annotations

import json
import re
from typing import Any

from localoffer.model.vocabulary import NEEDS
from localoffer.site.catalogue import Catalogue
from localoffer.site.markup import fragment
from localoffer.site.structure import BuiltPage, toc_entry

GLOSSARY_URL = "words/"
WORDS_FILE = "words/search-words.json"
_WORD = re.compile(r"[a-z0-9]+")
# Where a glossary meaning goes on to describe the term: "EHCP: Education, Health and Care
# plan, a legal document..." means "Education, Health and Care plan".
_DESCRIPTION = re.compile(r", (?:a|an|the|free|which|who|used) | such as | \(")
# Words of a meaning that say nothing on their own.
_LITTLE_WORDS = frozenset("a an and or of the for to in with who that is are be by as on its "
                          "such their they them it".split())


def glossary_page(catalogue: Catalogue) -> BuiltPage:
    terms = sorted(catalogue.borough.glossary.items(), key=lambda item: item[0].casefold())
    rows = [{"id": _term_id(term), "term": term, "meaning": meaning} for term, meaning in terms]
    return BuiltPage(url=GLOSSARY_URL, title="Words we use",
                     html=fragment("search_words.html", "glossary", rows),
                     toc=[toc_entry(2, row["id"], row["term"]) for row in rows],
                     description="What the abbreviations and words of special educational "
                                 "needs mean.",
                     search_boost=3, kind="glossary")


def search_words(catalogue: Catalogue) -> dict[str, Any]:
    """Groups of words that mean the same, lower case: each group's first word is the term.
    `terms`: each glossary term (lower case) as it is written, its meaning and where the
    glossary page explains it, so that Pagefind's search page shows the meaning first."""
    groups: list[list[str]] = []
    for term, meaning in catalogue.borough.glossary.items():
        first = _DESCRIPTION.split(meaning, maxsplit=1)[0]
        words = [word for word in _WORD.findall(first.lower()) if word not in _LITTLE_WORDS]
        groups.append([term.lower(), " ".join(words)])
    for need in NEEDS.values():
        words = [word for word in need.words if " " not in word]
        if len(words) > 1:
            groups.append(words)
    terms = {term.lower(): [term, meaning, f"{GLOSSARY_URL}#{_term_id(term)}"]
             for term, meaning in catalogue.borough.glossary.items()}
    return {"groups": groups, "terms": terms, "finder": "../find/"}


def words_file(catalogue: Catalogue) -> str:
    return json.dumps(search_words(catalogue), ensure_ascii=False, separators=(",", ":"))


def _term_id(term: str) -> str:
    return "term-" + ("".join(ch if ch.isalnum() else "-" for ch in term.lower()).strip("-")
                      or "x")
