"""What Pagefind reads of an offer's page: every word, but a sentence said again in another
paragraph of the same page only once.

What one search downloads grows with the places its word is found on each page: Pagefind
keeps every place of every word, and fetches them all for every page that has the word.
Offers repeat themselves ("Please talk to the SENCO first." under many questions), and each
repeat costs every search for its words without finding any page it would not find anyway: the
words are on the page already, in the first of the same sentences. So the search copy keeps a
paragraph's sentence only the first time the page says it (compared without case or extra
spaces); headings, the card, lists and short sentences are kept whole. A page is found by the
same words as before; a word said twice as often ranks the page a little lower than before.

The rewrite only removes text between tags of HTML localoffer made (markup.py's rule): it
adds nothing, so what was escaped stays escaped.
"""
from __future__ import annotations

import re

from localoffer.site.markup import Markup

# A tag (its quoted attributes may hold ">"), or the text between two tags.
_PART = re.compile(r"""<(?:[^>"']|"[^"]*"|'[^']*')*>|[^<]+""")
_PARAGRAPH_START = re.compile(r"<p[\s>]", re.IGNORECASE)
_PARAGRAPH_END = re.compile(r"</p\s*>", re.IGNORECASE)
# A sentence ends with . ! or ? (and perhaps a closing quote or bracket) before a space.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"')\u201d\u2019]))\s+")
# Shorter sentences are kept every time: "Yes." or "Not at present." say little, cost little.
SHORTEST_REPEAT = 4


def search_text(html: str) -> Markup:
    """The page's HTML with each sentence a paragraph repeats from earlier on the page left
    out."""
    seen: set[str] = set()
    parts: list[str] = []
    in_paragraph = False
    for match in _PART.finditer(html):
        part = match.group()
        if part.startswith("<"):
            if _PARAGRAPH_START.match(part):
                in_paragraph = True
            elif _PARAGRAPH_END.match(part):
                in_paragraph = False
            parts.append(part)
        elif in_paragraph:
            parts.append(_first_time(part, seen))
        else:
            parts.append(part)
    return Markup("".join(parts))


def _first_time(text: str, seen: set[str]) -> str:
    """The sentences of `text` not said before (in `seen`, which they are added to)."""
    kept: list[str] = []
    dropped = False
    for sentence in _SENTENCE_END.split(text):
        said = " ".join(sentence.lower().split())
        if said.count(" ") + 1 >= SHORTEST_REPEAT:
            if said in seen:
                dropped = True
                continue
            seen.add(said)
        kept.append(sentence)
    if not dropped:
        return text
    # Spaces either side keep the words of the tags around it apart ("SENCO</abbr> We").
    return " " + " ".join(sentence.strip() for sentence in kept if sentence.strip()) + " "
