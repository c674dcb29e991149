"""Where parents send comments about a page: the borough's web form or email (feedback: in
localoffer.yml), which need no account, with a warning not to include a child's name or
details. The Git host's issue forms (borough.feedback_url) stay for staff, and are the
fallback when a borough gives no other route."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit

from localoffer.borough.config import FeedbackRoute

PRIVACY_WARNING = ("Please do not include your child's name or any details that could "
                   "identify them or your family. We may publish what you tell us, without "
                   "names, in \u201cYou said, we did\u201d.")


@dataclass(frozen=True)
class FeedbackLink:
    href: str
    text: str


def feedback_links(route: FeedbackRoute, staff_url: str, subject: str,
                   page_url: str) -> list[FeedbackLink]:
    """The links to offer a reader of the page `page_url` about `subject` (a setting's name,
    or the Local Offer as a whole)."""
    links = []
    if route.form_url:
        links.append(FeedbackLink(_fill(route.form_url, subject, page_url),
                                  "Use our feedback form"))
    if route.email:
        where = f" ({page_url})" if page_url else ""
        query = urlencode({"subject": f"Local Offer feedback: {subject}{where}"},
                          quote_via=quote)
        links.append(FeedbackLink(f"mailto:{route.email}?{query}",
                                  f"Email {route.email}"))
    if not links and staff_url:
        links.append(FeedbackLink(issue_link(staff_url, subject, page_url),
                                  "Suggest a change or report a problem"))
    return links


def issue_link(base: str, setting: str, page_url: str) -> str:
    """The staff's issue address, with the setting named where the address allows it.

    `{setting}` and `{url}` in the address are filled in; a GitHub or GitLab 'new issue'
    address gets a title. Anything else is used as it is.
    """
    if "{setting}" in base or "{url}" in base:
        return _fill(base, setting, page_url)
    path = urlsplit(base).path.rstrip("/")
    if path.endswith("/issues/new") and "?" not in base:
        query = {"title": f"{setting}: "}
        if page_url:
            query["body"] = f"Page: {page_url}\n\nWhat should change?\n"
        return f"{base}?{urlencode(query, quote_via=quote)}"
    return base


def _fill(base: str, setting: str, page_url: str) -> str:
    return base.replace("{setting}", quote(setting)).replace("{url}", quote(page_url))
