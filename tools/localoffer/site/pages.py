"""Each published offer as a page: header card, review notice, the answers, the changes and
how to suggest a change. Engine-neutral: it returns HTML (see structure.BuiltPage)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any, Callable
from urllib.parse import urlsplit

from localoffer.borough.config import FeedbackRoute
from localoffer.git.history import PublicChange as Change
from localoffer.model.vocabulary import access_label, need_label
from localoffer.review import long_date
from localoffer.site.catalogue import PublishedOffer
from localoffer.site.facts import (
    SettingFacts,
    email_href,
    phone_href,
    website_href,
)
from localoffer.site.feedback_links import PRIVACY_WARNING, feedback_links, issue_link
from localoffer.site.render import Rendered
from localoffer.site.markup import Markup, fragment
from localoffer.site.structure import BuiltPage, toc_entry
from localoffer.site.words import Words


@dataclass
class OfferPageContext:
    borough_name: str
    feedback_url: str
    glossary: dict[str, str]
    changes_shown: int = 10
    site_url: str = ""
    feedback: FeedbackRoute = FeedbackRoute()  # the parents' route (a form or an email)


def offer_page(item: PublishedOffer, body: Rendered, changes: list[Change],
               context: OfferPageContext, switcher: Markup = Markup(),
               said: Markup = Markup(),
               html_later: Callable[[], Rendered] | None = None) -> BuiltPage:
    """`said`: the links to the "You said, we did" items about the setting (you_said.py);
    `html_later`: the page's HTML is made when it is written (BuiltPage.full_html), from the
    body this gives then (so that a build does not hold every offer's body until then)."""
    facts = item.facts
    shown = changes[: context.changes_shown]
    toc = list(body.toc)
    if changes:
        toc.append(toc_entry(2, "changes", "Changes to this page"))
    if said:
        toc.append(toc_entry(2, "you-said-we-did", "You said, we did"))
    if body.abbreviations:
        toc.append(toc_entry(2, "words-we-use", "Words we use on this page"))
    feedback = feedback_box(item, context)
    questions = [token for token in body.toc if token["level"] == 2]
    make_html = partial(_offer_html, item, html_later or (lambda: body),
                        header_card(facts, context.glossary), questions,
                        [_change(change) for change in shown], len(changes) - len(shown),
                        feedback, switcher, said)
    where = f" in {facts.town}" if facts.town else ""
    ages = f", ages {facts.ages_text}" if facts.ages else ""
    return BuiltPage(
        url=item.url,
        title=item.name,
        html=Markup() if html_later is not None else make_html(),
        html_later=make_html if html_later is not None else None,
        toc=toc,
        description=(f"{item.name}: support for children and young people with special "
                     f"educational needs at this {facts.type_label.lower()}{where}{ages}."),
        search_boost=2,
        search_tags=[tag for tag in (facts.type_label, facts.town) if tag],
        kind="offer",
    )


def _offer_html(item: PublishedOffer, body: Callable[[], Rendered], card: Markup,
                questions: list[dict[str, Any]], *rest: Any) -> Markup:
    return fragment("offer.html", "offer_page", item, card, body(), questions, *rest)


def header_card(facts: SettingFacts, glossary: dict[str, str], pagefind: bool = True,
                words: Words | None = None) -> Markup:
    """The setting's details at a glance, as a description list; on a translated page
    (`words`), with its labels in the page's language."""
    address = ", ".join(part for part in (facts.address, facts.postcode) if part)
    if facts.town and facts.town.casefold() not in facts.address.casefold():
        address = ", ".join(part for part in (facts.address, facts.town, facts.postcode) if part)
    senco = [(None, facts.senco.name)] if facts.senco.name else []
    if facts.senco.email:
        senco.append((email_href(facts.senco.email), facts.senco.email))
    if facts.senco.phone:
        senco.append((phone_href(facts.senco.phone), facts.senco.phone))
    needs = [need_label(need) for need in facts.specialist_provision]
    kinds = [need_label(need) for need in facts.provides_for]
    # What the setting says it has, then what it says it has not; unknown facts are left out.
    access = ([access_label(feature) for feature in facts.access]
              + [f"No {access_label(feature).lower()}" for feature in facts.no_access])
    return fragment("offer.html", "header_card", facts, address,
                    (phone_href(facts.phone), facts.phone),
                    (website_href(facts.website), _short_url(facts.website)),
                    senco, glossary.get("SENCO"), needs, pagefind, kinds, access, words)


def review_box(item: PublishedOffer) -> Markup:
    return fragment("offer.html", "review_box", item.review)


def feedback_box(item: PublishedOffer, context: OfferPageContext) -> Markup:
    """Where a reader sends comments on this page (feedback_links.py), or nothing."""
    links = feedback_links(context.feedback, context.feedback_url, item.name,
                           (context.site_url or "/") + item.url)
    return fragment("offer.html", "feedback_box", links, PRIVACY_WARNING) if links else Markup()


def feedback_link(base: str, setting: str, page_url: str) -> str:
    """The staff's feedback address for a setting's page (see feedback_links.issue_link)."""
    return issue_link(base, setting, page_url) if base else ""


def _short_url(url: str) -> str:
    parts = urlsplit(url)
    return (parts.netloc + parts.path.rstrip("/")) if parts.netloc else url


def _change(change: Change) -> dict[str, str]:
    return {"iso_date": change.date.isoformat(), "long_date": long_date(change.date),
            "summary": change.summary,
            "proposed_by": _names(change.proposed_by) if change.proposed_by else "",
            "approved_by": _names(change.approved_by) if change.approved_by else ""}


def _names(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
