"""Links that work when the built site is opened from disk, by double-clicking index.html.

`localoffer build` asks the plugin to write its pages so (FILE_LINKS_VARIABLE), as the engine
writes each one, so that a page kept from the last build is not read or written again;
`link_index_files` does the same to a site built already.

Each page lives at a folder address (settings/<name>/), which a web server answers with the
folder's index.html; a browser reading files (file://) shows a folder listing instead. So,
after `localoffer build`, every relative link to a folder names its index.html:
`../settings/` becomes `../settings/index.html`. The same links work on any web server.
Only the link's path changes; the fragment and query stay, and the rest of the page is not
touched (values are already escaped in the HTML we rewrite, and we add only `index.html`).
"""
from __future__ import annotations

import re
from pathlib import Path

INDEX = "index.html"
FILE_LINKS_VARIABLE = "LOCALOFFER_FILE_LINKS"
# href="..." and src="..." in the engine's and our HTML (always double-quoted there), not
# data-href="...". Starting with [hs] and looking behind only there is twice as quick as the
# look-behind first, which was tried at every character of every page.
_LINK = re.compile(r'(?P<attribute>[hs](?<![\w-][hs])(?:(?<=h)ref|(?<=s)rc)=")(?P<value>[^"]*)"')
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def file_link(value: str) -> str:
    """The link as it must be written for file://: a relative link to a folder gets index.html."""
    if not value or value.startswith(("#", "/", "?")) or _SCHEME.match(value):
        return value
    cut = min((index for index in (value.find("#"), value.find("?")) if index >= 0),
              default=len(value))
    path, rest = value[:cut], value[cut:]
    last = path.rsplit("/", 1)[-1]
    if path.endswith("/"):
        return f"{path}{INDEX}{rest}"
    if last in (".", ".."):
        return f"{path}/{INDEX}{rest}"
    return value


def link_index_files(site: Path) -> int:
    """Rewrite every HTML page of the built site; return how many pages changed."""
    changed = 0
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        rewritten = with_file_links(text)
        if rewritten != text:
            page.write_text(rewritten, encoding="utf-8")
            changed += 1
    return changed


def with_file_links(html: str) -> str:
    """The HTML with every relative link to a folder naming its index.html (the web editor's
    preview shows a page as link_index_files leaves it)."""
    return _LINK.sub(lambda match: f'{match["attribute"]}{file_link(match["value"])}"', html)
