"""The web editor's preview: an offer as a school is typing it, made into the page the website
would publish, by the build's own code (catalogue.publish, bodies.render_body and
builder.setting_page), with its links as `localoffer build` writes them (file_links.py).

The rest of the borough (the other offers, "You said, we did", the Git history shown as
"Changes to this page") is read once, and again whenever the checkout's commit changes. The
offer's text is only parsed: nothing is written.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from localoffer.borough import Borough
from localoffer.git.history import GitProblem, PublicChange, read_history_or_none, run_git
from localoffer.model.feedback import FeedbackItem
from localoffer.model.files import OFFER_FILE
from localoffer.model.offer import offer_from_text
from localoffer.site.bodies import render_body
from localoffer.site.builder import SiteOptions, offer_page_context, setting_page
from localoffer.site.catalogue import Catalogue, load_catalogue, publish
from localoffer.site.file_links import with_file_links
from localoffer.site.markup import Markup, fragment
from localoffer.site.render import MarkdownRenderer
from localoffer.site.you_said import items_by_setting

# The theme's colours, on the built pages' <body>, for the preview's stylesheets.
_THEME_ATTRIBUTE = re.compile(r'\sdata-md-color-(scheme|primary|accent)="([a-z-]+)"')


@dataclass(frozen=True)
class PreviewPage:
    title: str
    document: str  # a whole HTML document: the site's stylesheets and the page's content


@dataclass
class _Borough:
    """What a preview needs besides the offer, as at one commit."""

    commit: str | None
    catalogue: Catalogue
    changes: dict[str, list[PublicChange]]
    said: dict[str, list[FeedbackItem]]


class OfferPreviewer:
    """Makes the page of an offer from its text. `site_address` is where the built site is
    served (its stylesheets and pictures), `styles` its stylesheets from the site's root."""

    def __init__(self, borough: Borough, today: date, options: SiteOptions, site_address: str,
                 styles: list[str], theme: dict[str, str]) -> None:
        self.borough = borough
        self.today = today
        self.options = options
        self.site_address = site_address
        self.styles = styles
        self.theme = theme
        self._lock = threading.Lock()
        self._read: _Borough | None = None

    def page(self, content: bytes, slug: str) -> PreviewPage:
        """The page the site would publish for offers/<slug>/offer.md holding `content`."""
        path = self.borough.offers_dir / slug / OFFER_FILE
        offer = offer_from_text(content, path, self.borough)
        if not offer.readable:
            problem = offer.problems[0].message if offer.problems else ""
            raise ValueError(f"The page cannot be shown until the details at the top can be "
                             f"read. {problem}")
        with self._lock:
            known = self._borough()
        folder = path.parent
        translations = [] if folder.is_symlink() else None
        item = publish(offer, self.borough, self.today, translations)
        body = render_body(item, MarkdownRenderer(self.borough.glossary))
        page = setting_page(item, body, known.catalogue, known.changes,
                            offer_page_context(self.borough, self.options), known.said)
        origin = _origin(self.site_address)
        document = fragment("cms.html", "preview_document", page.title,
                            Markup(with_file_links(str(page.html))),
                            f"{self.site_address}{item.url}",
                            [self.site_address + style for style in self.styles],
                            self.theme, origin)
        return PreviewPage(page.title, str(document))

    def _borough(self) -> _Borough:
        commit = _commit(self.borough.root)
        if self._read is None or commit is None or commit != self._read.commit:
            catalogue = load_catalogue(self.borough, self.today, run_checks=False)
            record = read_history_or_none(self.borough.offers_dir) if self.options.history \
                else None
            self._read = _Borough(commit, catalogue,
                                  record.public_changes_by_folder() if record else {},
                                  items_by_setting(catalogue))
        return self._read


def theme_of(site_dir: Path) -> dict[str, str]:
    """The theme's colour settings, as the built home page's <body> carries them."""
    try:
        page = (site_dir / "index.html").read_text(encoding="utf-8")
    except OSError:
        return {}
    body = page[page.find("<body"):]
    body = body[:body.find(">")]
    return {name: value for name, value in _THEME_ATTRIBUTE.findall(body)}


def _commit(root: Path) -> str | None:
    try:
        return run_git(["rev-parse", "HEAD"], root).strip()
    except GitProblem:
        return None


def _origin(address: str) -> str:
    scheme, _, rest = address.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}"
