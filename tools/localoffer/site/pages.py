"""Each published offer as a page: header card, review notice, the answers, the changes and
how to suggest a change. Engine-neutral: it returns HTML (see structure.BuiltPage)."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit

from localoffer.git.history import PublicChange as Change
from localoffer.review import long_date
from localoffer.site.catalogue import PublishedOffer
from localoffer.site.facts import (
    SettingFacts,
    email_href,
    need_label,
    phone_href,
    website_href,
)
from localoffer.site.render import MarkdownRenderer, Rendered
from localoffer.site.sanitise import escape
from localoffer.site.structure import BuiltPage, toc_entry


@dataclass
class OfferPageContext:
    borough_name: str
    feedback_url: str
    glossary: dict[str, str]
    changes_shown: int = 10
    site_url: str = ""


def render_body(item: PublishedOffer, renderer: MarkdownRenderer) -> Rendered:
    """The offer's welcome and answers as safe HTML (rendered once per build)."""
    from localoffer.site.booklet import prepare

    offer = item.offer
    body = renderer.render("\n".join(offer.text.split("\n")[offer.body_start - 1:]))
    body.booklet_html = prepare(body.html, item.slug)
    return body


def offer_page(item: PublishedOffer, body: Rendered, changes: list[Change],
               context: OfferPageContext) -> BuiltPage:
    facts = item.facts
    parts = [
        f'<h1 id="{escape(item.slug)}-name" data-pagefind-meta="title">{escape(item.name)}</h1>',
        # An overdue review is the first thing a reader must see; otherwise it follows the card.
        review_box(item) if item.review.overdue else "",
        header_card(facts, context.glossary),
        "" if item.review.overdue else review_box(item),
        questions_list(body),
        f'<div class="lo-answers">{body.html}</div>',
    ]
    toc = list(body.toc)
    if changes:
        parts.append(changes_section(changes[: context.changes_shown], len(changes)))
        toc.append(toc_entry(2, "changes", "Changes to this page"))
    if body.abbreviations:
        parts.append(words_section(body.abbreviations))
        toc.append(toc_entry(2, "words-we-use", "Words we use on this page"))
    parts.append(feedback_box(item, context))
    where = f" in {facts.town}" if facts.town else ""
    ages = f", ages {facts.ages_text}" if facts.ages else ""
    return BuiltPage(
        url=item.url,
        title=item.name,
        html=f'<div class="lo-offer" data-pagefind-body>{"".join(parts)}</div>',
        toc=toc,
        description=(f"{item.name}: support for children and young people with special "
                     f"educational needs at this {facts.type_label.lower()}{where}{ages}."),
        search_boost=2,
        search_tags=[tag for tag in (facts.type_label, facts.town) if tag],
        kind="offer",
    )


def header_card(facts: SettingFacts, glossary: dict[str, str], pagefind: bool = True) -> str:
    """The setting's details at a glance, as a description list."""
    rows: list[tuple[str, str]] = []
    filter_type = ' data-pagefind-filter="type"' if pagefind else ""
    filter_town = ' data-pagefind-filter="town"' if pagefind else ""
    rows.append(("Type", f"<span{filter_type}>{escape(facts.type_label)}</span>"))
    if facts.ages:
        rows.append(("Ages", escape(facts.ages_text)))
    address = ", ".join(part for part in (facts.address, facts.postcode) if part)
    if facts.town and facts.town.casefold() not in facts.address.casefold():
        address = ", ".join(part for part in (facts.address, facts.town, facts.postcode) if part)
    if address:
        town = f'<span hidden{filter_town}>{escape(facts.town)}</span>' if facts.town else ""
        rows.append(("Address", escape(address) + town))
    if facts.phone:
        rows.append(("Phone", _link(phone_href(facts.phone), facts.phone)))
    if facts.website:
        rows.append(("Website", _link(website_href(facts.website), _short_url(facts.website))))
    senco = [escape(facts.senco.name)] if facts.senco.name else []
    if facts.senco.email:
        senco.append(_link(email_href(facts.senco.email), facts.senco.email))
    if facts.senco.phone:
        senco.append(_link(phone_href(facts.senco.phone), facts.senco.phone))
    if senco:
        rows.append((_abbr("SENCO", glossary), "<br>".join(senco)))
    if facts.languages:
        rows.append(("Languages we can use with families", escape(", ".join(facts.languages))))
    if facts.specialist_provision:
        needs = ", ".join(need_label(need) for need in facts.specialist_provision)
        rows.append(("Specialist provision for", escape(needs)))
    short = {"Type", "Ages", "Phone"}
    items = "".join(f'<div{"" if label in short else " class=lo-wide"}><dt>{label}</dt>'
                    f"<dd>{value}</dd></div>" for label, value in rows)
    return f'<dl class="lo-card" data-pagefind-weight="5">{items}</dl>'


def review_box(item: PublishedOffer) -> str:
    notice = item.review
    if notice.overdue:
        return ('<div class="admonition warning lo-review lo-review--overdue">'
                '<p class="admonition-title">Review overdue</p>'
                f"<p><strong>{escape(notice.warning)}</strong></p>"
                f"<p>{escape(notice.sentence)}</p></div>")
    return f'<p class="lo-review">{escape(notice.sentence)}</p>'


def questions_list(body: Rendered) -> str:
    """A short contents list: on a phone the theme hides its table of contents in the menu."""
    questions = [token for token in body.toc if token["level"] == 2]
    if len(questions) < 3:
        return ""
    items = "".join(f'<li><a href="#{escape(token["id"])}">{token["name"]}</a></li>'
                    for token in questions)
    return ('<details class="abstract lo-questions"><summary>Questions answered on this page '
            f'({len(questions)})</summary><ol>{items}</ol></details>')


def changes_section(changes: list[Change], total: int) -> str:
    items = []
    for change in changes:
        who = []
        if change.proposed_by:
            who.append(f"Proposed by {escape(_names(change.proposed_by))}.")
        if change.approved_by:
            who.append(f"Approved by {escape(_names(change.approved_by))}.")
        items.append(f'<li><time datetime="{change.date.isoformat()}">'
                     f"{escape(long_date(change.date))}</time>: {escape(change.summary)}"
                     f'{" " if who else ""}{" ".join(who)}</li>')
    older = (f"<p>{total - len(changes)} older changes are kept in the history of this "
             "page.</p>") if total > len(changes) else ""
    return ('<section class="lo-changes" data-pagefind-ignore>'
            '<h2 id="changes">Changes to this page</h2>'
            f'<ul>{"".join(items)}</ul>{older}</section>')


def words_section(abbreviations: dict[str, str]) -> str:
    items = "".join(f"<div><dt>{escape(term)}</dt><dd>{escape(meaning)}</dd></div>"
                    for term, meaning in sorted(abbreviations.items(), key=lambda kv: kv[0].lower()))
    return ('<section class="lo-words" data-pagefind-ignore>'
            '<h2 id="words-we-use">Words we use on this page</h2>'
            f'<dl>{items}</dl></section>')


def feedback_box(item: PublishedOffer, context: OfferPageContext) -> str:
    url = feedback_link(context.feedback_url, item.name, context.site_url + item.url)
    if not url:
        return ""
    return ('<aside class="lo-feedback" aria-label="Suggest a change" data-pagefind-ignore>'
            f"<p>Is something on this page wrong or unclear?</p>"
            f'<p><a class="md-button" href="{escape(url)}">Suggest a change or report a '
            "problem</a></p></aside>")


def feedback_link(base: str, setting: str, page_url: str) -> str:
    """The borough's feedback address, with the setting named where the address allows it.

    `{setting}` and `{url}` in the address are filled in; a GitHub or GitLab 'new issue'
    address gets a title. Anything else is used as it is.
    """
    if not base:
        return ""
    if "{setting}" in base or "{url}" in base:
        return base.replace("{setting}", quote(setting)).replace("{url}", quote(page_url))
    path = urlsplit(base).path.rstrip("/")
    if path.endswith("/issues/new") and "?" not in base:
        query = {"title": f"{setting}: "}
        if page_url:
            query["body"] = f"Page: {page_url}\n\nWhat should change?\n"
        return f"{base}?{urlencode(query, quote_via=quote)}"
    return base


def _link(href: str | None, text: str) -> str:
    return f'<a href="{escape(href)}">{escape(text)}</a>' if href else escape(text)


def _abbr(term: str, glossary: dict[str, str]) -> str:
    meaning = glossary.get(term)
    return f'<abbr title="{escape(meaning)}">{escape(term)}</abbr>' if meaning else escape(term)


def _short_url(url: str) -> str:
    parts = urlsplit(url)
    return (parts.netloc + parts.path.rstrip("/")) if parts.netloc else url


def _names(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
