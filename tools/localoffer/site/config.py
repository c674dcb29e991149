"""The `localoffer` MkDocs plugin's options, as written under `plugins:` in mkdocs.yml."""
from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c

from localoffer.yaml_reader import key_lines
from localoffer.site.builder import SEARCH_ENGINES


class LocalOfferConfig(base.Config):
    # The borough's localoffer.yml. Default: the one beside mkdocs.yml (or a folder above).
    config = c.Optional(c.File(exists=True))
    # Treat this date (YYYY-MM-DD) as today. The LOCALOFFER_TODAY environment variable wins.
    today = c.Optional(c.Type(str))
    # When to run the checks on published offers: auto (strict builds, where an error stops
    # the build, and `mkdocs serve`, where editors see what to fix), always, or never.
    checks = c.Choice(("auto", "always", "never"), default="auto")
    # material: the theme's own search (fine for a few hundred settings);
    # pagefind: Pagefind's chunked index (needs `pip install 'pagefind[bin]'`).
    search = c.Choice(SEARCH_ENGINES, default="material")
    # Pagefind's index in this many shards, merged by the search page (0: one for every
    # 1,500 offers, which keeps Pagefind under 1 GB). The LOCALOFFER_SEARCH_SHARDS
    # environment variable wins.
    search_shards = c.Type(int, default=0)
    # Settings per printable booklet page; bigger booklets come in parts.
    booklet_size = c.Type(int, default=100)
    # How many of an offer's changes its page lists.
    changes_shown = c.Type(int, default=10)
    # The page 'How up to date are these offers?' (dashboard/), from localoffer.reporting.
    dashboard = c.Type(bool, default=True)
    # Read 'Changes to this page' from Git.
    history = c.Type(bool, default=True)
    # Folders of docs/ whose pages are added to the menu as one section, in file-name order,
    # so people who write them need not edit mkdocs.yml: {folder: section title}.
    nav_folders = c.Type(dict, default={"contributing": "For schools and settings"})
    # Folders of docs/ that hold guides for staff, not parents: left out of the theme's search
    # unless search_staff_guides is true (parents' searches found them among settings).
    staff_guides = c.Type(list, default=["contributing"])
    search_staff_guides = c.Type(bool, default=False)


def option_line(mkdocs_file: str | None, option: str) -> int | None:
    """The 1-based line of one of the plugin's options in mkdocs.yml (or of the plugin), or
    None when the file cannot be read."""
    try:
        lines = key_lines(Path(mkdocs_file).read_text(encoding="utf-8")) if mkdocs_file else {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    plugins = lines.get("plugins")
    for line, inside in (plugins[1] or {}).values() if plugins else ():
        if inside and "localoffer" in inside:
            line, options = inside["localoffer"]
            if options and option in options:
                line = options[option][0]
            return line + 1
    return None
