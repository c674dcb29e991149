"""Where each offer is published: the site's address, and an offer's page on it."""
from __future__ import annotations

import re
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from localoffer.borough import Borough

# An offer's page, as the site publishes it (localoffer.site.catalogue.PublishedOffer.url).
OFFER_PAGE = "settings/{slug}/"
MKDOCS_FILE = "mkdocs.yml"
_SITE_URL_LINE = re.compile(r"^site_url:\s*['\"]?([^'\"\s#]+)", re.M)


def site_url(borough: Borough, override: str | None = None) -> str | None:
    """The site's address, ending in '/': given on the command line, else `site: url:` in
    localoffer.yml, else `site_url` in mkdocs.yml beside it; None when none is set."""
    for candidate in (override, borough.section("site").get("url"), _mkdocs_site_url(borough.root)):
        if isinstance(candidate, str) and candidate.strip():
            return candidate.strip().rstrip("/") + "/"
    return None


def offer_url(site: str | None, slug: str) -> str | None:
    return site + OFFER_PAGE.format(slug=slug) if site else None


def _mkdocs_site_url(root: Path) -> str | None:
    path = root / MKDOCS_FILE
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        # mkdocs.yml may hold tags (!ENV, !!python/name:...) only MkDocs understands: the
        # round-trip loader keeps them without running anything.
        data = YAML(typ="rt").load(text)
    except YAMLError:
        data = None
    if isinstance(data, dict):
        value = data.get("site_url")
        return str(value) if value else None
    found = _SITE_URL_LINE.search(text)
    return found.group(1) if found else None
