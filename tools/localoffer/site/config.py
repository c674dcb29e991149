"""The `localoffer` MkDocs plugin's options, as written under `plugins:` in mkdocs.yml."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c

from localoffer.yaml_reader import key_lines
from localoffer.site.builder import SEARCH_ENGINES, SiteOptions


class WholeNumber(c.BaseConfigOption[int]):
    """A count such as 100, at least `least`; MkDocs' own Type(int) would answer a mistake
    with "Expected type: <class 'int'>", which a council officer cannot act on."""

    def __init__(self, default: int, least: int) -> None:
        super().__init__()
        self.default, self.least = default, least

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < self.least:
            raise base.ValidationError(
                f"write a whole number of {self.least} or more (for example {self.default}), "
                f"not {value!r}")
        return value


class YesOrNo(c.BaseConfigOption[bool]):
    def __init__(self, default: bool) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> bool:
        if not isinstance(value, bool):
            raise base.ValidationError(f"write true or false, not {value!r}")
        return value


class FolderTitles(c.BaseConfigOption[dict]):
    """{folder of docs/: the menu section's title}, both plain text."""

    def __init__(self, default: dict[str, str]) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> dict[str, str]:
        if not isinstance(value, dict) or not all(
                isinstance(key, str) and isinstance(title, str) for key, title in value.items()):
            raise base.ValidationError("write one 'folder: Section title' line for each folder "
                                       "(for example 'contributing: For schools and settings')")
        return value


class Folders(c.BaseConfigOption[list]):
    def __init__(self, default: list[str]) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> list[Any]:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise base.ValidationError("write a list of folder names of docs/ (for example "
                                       "[contributing])")
        return value


class OneOf(c.BaseConfigOption[str]):
    def __init__(self, choices: tuple[str, ...], default: str) -> None:
        super().__init__()
        self.choices, self.default = choices, default

    def run_validation(self, value: object) -> str:
        if value not in self.choices:
            raise base.ValidationError(f"write one of {', '.join(self.choices)}, not {value!r}")
        return str(value)


class DayText(c.BaseConfigOption[str]):
    """A date as YYYY-MM-DD; YAML reads an unquoted one as a date, which is kept as text."""

    def run_validation(self, value: object) -> str:
        if isinstance(value, date):
            return value.isoformat()
        if not isinstance(value, str):
            raise base.ValidationError(f"write a date as YYYY-MM-DD, not {value!r}")
        return value


class LocalOfferConfig(base.Config):
    # The borough's localoffer.yml. Default: the one beside mkdocs.yml (or a folder above).
    config = c.Optional(c.File(exists=True))
    # Treat this date (YYYY-MM-DD) as today. The LOCALOFFER_TODAY environment variable wins.
    today = c.Optional(DayText())
    # When to run the checks on published offers: auto (strict builds, where an error stops
    # the build, and `mkdocs serve`, where editors see what to fix), always, or never.
    checks = OneOf(("auto", "always", "never"), default="auto")
    # material: the theme's own search (fine for a few hundred settings);
    # pagefind: Pagefind's chunked index (needs `pip install 'pagefind[bin]'`).
    search = OneOf(SEARCH_ENGINES, default="material")
    # Pagefind's index in this many shards, merged by the search page (0: one for every
    # 2,000 offers, which keeps Pagefind to about 1.1 GB). The LOCALOFFER_SEARCH_SHARDS
    # environment variable wins.
    search_shards = WholeNumber(default=0, least=0)
    # Settings per printable booklet page; bigger booklets come in parts.
    booklet_size = WholeNumber(default=100, least=1)
    # How many of an offer's changes its page lists.
    changes_shown = WholeNumber(default=10, least=0)
    # The page 'How up to date are these offers?' (dashboard/), from localoffer.reporting.
    dashboard = YesOrNo(default=True)
    # Read 'Changes to this page' from Git.
    history = YesOrNo(default=True)
    # Folders of docs/ whose pages are added to the menu as one section, in file-name order,
    # so people who write them need not edit mkdocs.yml: {folder: section title}.
    nav_folders = FolderTitles(default={"contributing": "For schools and settings"})
    # Folders of docs/ that hold guides for staff, not parents: left out of the theme's search
    # unless search_staff_guides is true (parents' searches found them among settings).
    staff_guides = Folders(default=["contributing"])
    search_staff_guides = YesOrNo(default=False)


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


def site_options_of(mkdocs_file: Path) -> SiteOptions:
    """The options a build with this mkdocs.yml gives the site (the plugin's, and site_url),
    for what makes pages outside a build: the web editor's preview."""
    from mkdocs.config import load_config

    config = load_config(str(mkdocs_file))
    site_url = config.site_url or ""
    plugin = config.plugins.get("localoffer")
    if plugin is None:
        return SiteOptions(site_url=site_url)
    options = plugin.config
    return SiteOptions(search=options.search, booklet_size=options.booklet_size,
                       changes_shown=options.changes_shown, history=options.history,
                       site_url=site_url)
