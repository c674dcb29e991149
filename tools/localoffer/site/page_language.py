"""The language of a translated page, set on the page the theme made around it.

The theme (mkdocs-material) writes one language for the whole site in `<html lang>`. A
translated offer's page is in another language: its `<html>` gets that language and its
direction (so that screen readers, browsers' fonts and Pagefind's per-language index read it
right), and the theme's own interface around it (header, menus, search, footer), which stays
English, is marked lang="en" dir="ltr" (WCAG 3.1.1 and 3.1.2).

The languages of a page link to each other with hreflang on the switcher's links, not with
<link rel="alternate" hreflang> in the head: for each of those, mkdocs-material's script asks
for a sitemap.xml beside the linked page (made for sites with one folder per language), a
request to the published website even when the site is read from disk.
"""
from __future__ import annotations

import re

from localoffer.site.markup import fragment
from localoffer.site.structure import BuiltPage

_HTML_START = re.compile(r'<html lang="[^"<>]*"')
# The opening tags of the theme's interface: the skip link, the header (with search), the
# tabs, the menu, the footer and the back-to-top button.
_CHROME = re.compile(
    r'<(a|header|nav|div|footer|button)((?: [a-z-]+="[^"<>]*")*? class="(?:md-skip|md-header|'
    r'md-tabs|md-sidebar md-sidebar--primary|md-sidebar md-sidebar--secondary|md-footer|md-top)'
    r'[" ])')


def set_page_language(html: str, page: BuiltPage) -> str:
    """The built page as the theme wrote it, with its language and direction."""
    if not page.lang:
        return html
    start = "<html" + str(fragment("translated.html", "language_attributes", page.lang,
                                   page.direction))
    html = _HTML_START.sub(lambda _match: start, html, count=1)
    return _CHROME.sub(r'<\1 lang="en" dir="ltr"\2', html)
