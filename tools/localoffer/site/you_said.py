"""'You said, we did': the comments the borough received about its Local Offer and what it did
about them (SEND Regulations 2014, regulation 56), published by year and by theme; each
setting's page links to the items about it.

Items come from feedback/*.md (model/feedback.py), loaded and checked with the offers
(catalogue.py). Each answer's Markdown is rendered and sanitised as an offer's is.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from localoffer.model.feedback import STATUSES, WE_DID, YOU_SAID, FeedbackItem
from localoffer.review import long_date
from localoffer.site.catalogue import Catalogue
from localoffer.site.feedback_links import PRIVACY_WARNING, feedback_links
from localoffer.site.markup import Markup, fragment
from localoffer.site.render import MarkdownRenderer
from localoffer.site.structure import BuiltPage, relative_url, toc_entry

YOU_SAID_URL = "you-said-we-did/"
THEMES_URL = f"{YOU_SAID_URL}themes/"
_INTRO = ("Parents, carers and young people tell us what they think of the Local Offer. Here is "
          "what they said, and what we did about it.")


@dataclass(frozen=True)
class ItemLink:
    """An item as a line of a list: its title, where it is, and its state in words."""

    title: str
    href: str
    details: str
    done: bool


def year_url(year: int) -> str:
    return f"{YOU_SAID_URL}{year}/"


def item_anchor(item: FeedbackItem) -> str:
    return f"item-{item.name}"


def item_url(item: FeedbackItem) -> str:
    assert item.received is not None  # only items with a received date are published
    return f"{year_url(item.received.year)}#{item_anchor(item)}"


def you_said_pages(catalogue: Catalogue, renderer: MarkdownRenderer) -> list[BuiltPage]:
    """The index page (always: the menu links to it, and it says how to tell us), and with
    items a page per year and the page of themes."""
    items = newest_first(catalogue.feedback)
    if not items:
        return [_index(catalogue, [], {})]
    years: dict[int, list[FeedbackItem]] = defaultdict(list)
    for item in items:
        assert item.received is not None
        years[item.received.year].append(item)
    pages = [_index(catalogue, items, years)]
    pages += [_year(catalogue, year, years[year], renderer) for year in sorted(years, reverse=True)]
    pages.append(_themes(catalogue, items))
    return pages


def newest_first(items: list[FeedbackItem]) -> list[FeedbackItem]:
    return sorted(items, key=lambda item: (item.received, item.name), reverse=True)


def items_by_setting(catalogue: Catalogue) -> dict[str, list[FeedbackItem]]:
    """The published items about each setting, newest first, by its slug."""
    found: dict[str, list[FeedbackItem]] = defaultdict(list)
    for item in newest_first(catalogue.feedback):
        if item.about_a_setting:
            found[item.about].append(item)
    return found


def links_from(page_url: str, items: list[FeedbackItem],
               catalogue: Catalogue) -> list[ItemLink]:
    return [ItemLink(item.title, relative_url(page_url, item_url(item)),
                     _details(item), item.is_done) for item in items]


def _details(item: FeedbackItem) -> str:
    assert item.received is not None
    return f"Received {long_date(item.received)} · {_status_words(item)}"


def _status_words(item: FeedbackItem) -> str:
    if item.is_done and item.done_on is not None:
        return f"Done {long_date(item.done_on)}"
    return STATUSES.get(item.status, item.status)


def _index(catalogue: Catalogue, items: list[FeedbackItem],
           years: dict[int, list[FeedbackItem]]) -> BuiltPage:
    url = YOU_SAID_URL
    borough = catalogue.borough
    year_rows = [{"href": relative_url(url, year_url(year)), "year": year,
                  "count": _count(len(years[year]))} for year in sorted(years, reverse=True)]
    theme_rows = [{"href": relative_url(url, f"{THEMES_URL}#theme-{theme}"), "label": label,
                   "count": _count(sum(item.theme == theme for item in items))}
                  for theme, label in borough.feedback_themes.items()
                  if any(item.theme == theme for item in items)]
    not_done = [item for item in items if not item.is_done]
    links = feedback_links(borough.feedback, borough.feedback_url, "You said, we did", "")
    html = fragment("you_said.html", "index", _INTRO, year_rows, theme_rows,
                    links_from(url, not_done, catalogue), links, PRIVACY_WARNING)
    toc = ([toc_entry(2, "by-year", "By year"), toc_entry(2, "by-theme", "By theme")]
           if items else [])
    if not_done:
        toc.append(toc_entry(2, "not-done-yet", "Not done yet"))
    toc.append(toc_entry(2, "tell-us", "Tell us what you think"))
    return BuiltPage(url=url, title="You said, we did", html=html, toc=toc,
                     description="What parents, carers and young people told us about the "
                                 "Local Offer, and what we did about it.", kind="feedback")


def _year(catalogue: Catalogue, year: int, items: list[FeedbackItem],
          renderer: MarkdownRenderer) -> BuiltPage:
    url = year_url(year)
    settings = catalogue.by_slug()
    rows = []
    for item in items:
        assert item.received is not None
        setting = settings.get(item.about) if item.about_a_setting else None
        said, did = item.answer(YOU_SAID), item.answer(WE_DID)
        rows.append({
            "id": item_anchor(item),
            "title": item.title,
            "received": long_date(item.received),
            "received_iso": item.received.isoformat(),
            "theme": catalogue.borough.feedback_themes.get(item.theme, item.theme),
            "theme_href": relative_url(url, f"{THEMES_URL}#theme-{item.theme}"),
            "setting": setting.name if setting else "",
            "setting_href": relative_url(url, setting.url) if setting else "",
            "status": _status_words(item),
            "done": item.is_done,
            "said": _html(said.text if said else "", renderer),
            "did": _html(did.text if did else "", renderer),
        })
    toc = [toc_entry(2, row["id"], row["title"]) for row in rows]
    html = fragment("you_said.html", "year", f"You said, we did: {year}", _INTRO,
                    relative_url(url, YOU_SAID_URL), rows)
    # Searched, but below the settings' own pages: "hearing loop" is a school's hearing loop
    # first, and the comment about one after it.
    return BuiltPage(url=url, title=f"You said, we did: {year}", html=html, toc=toc,
                     description=f"What people told us about the Local Offer in {year}, and "
                                 "what we did about it.", search_boost=0.5, kind="feedback")


def _themes(catalogue: Catalogue, items: list[FeedbackItem]) -> BuiltPage:
    url = THEMES_URL
    themes = []
    for theme, label in catalogue.borough.feedback_themes.items():
        chosen = [item for item in items if item.theme == theme]
        if chosen:
            themes.append({"id": f"theme-{theme}", "label": label,
                           "entries": links_from(url, chosen, catalogue)})
    toc = [toc_entry(2, theme["id"], theme["label"]) for theme in themes]
    html = fragment("you_said.html", "themes", relative_url(url, YOU_SAID_URL), toc, themes)
    return BuiltPage(url=url, title="You said, we did: by theme", html=html, toc=toc,
                     description="What people told us about the Local Offer, and what we did, "
                                 "by theme.", search_exclude=True, kind="feedback")


def setting_section(page_url: str, items: list[FeedbackItem], catalogue: Catalogue) -> Markup:
    """The part of a setting's page that links to the items about it (nothing without any)."""
    if not items:
        return Markup()
    return fragment("you_said.html", "setting_section", links_from(page_url, items, catalogue),
                    relative_url(page_url, YOU_SAID_URL))


def _html(text: str, renderer: MarkdownRenderer) -> Markup:
    return renderer.render(text).html if text.strip() else Markup()


def _count(number: int) -> str:
    return f"{number} item{'s' if number != 1 else ''}"
