"""Which static-site engine builds the website: MkDocs 1.6, or ProperDocs 1.6.x, its maintained
drop-in fork. Both read the same mkdocs.yml, load the same plugins (ours and the theme's) and
make the same pages.

ProperDocs answers every `import mkdocs.*` with its own module once `properdocs.replacement`
is imported, so the plugin (site/mkdocs_plugin.py, site/config.py, site/mkdocs_menu.py) and
mike need no change. The engine is chosen once per process, before anything imports MkDocs:
the commands call `use_engine` first.
"""
from __future__ import annotations

import importlib.util
import os
import sys

from localoffer.errors import LocalOfferError

ENGINES = ("mkdocs", "properdocs")
ENGINE_VARIABLE = "LOCALOFFER_ENGINE"
DEFAULT_ENGINE = "mkdocs"


def chosen_engine(name: str | None) -> str:
    """The engine asked for (on the command line, then LOCALOFFER_ENGINE), or MkDocs."""
    choice = (name or os.environ.get(ENGINE_VARIABLE) or DEFAULT_ENGINE).strip().lower()
    if choice not in ENGINES:
        raise LocalOfferError(f"'{choice}' is not an engine localoffer can build with: use "
                              f"{' or '.join(ENGINES)} (from --engine or {ENGINE_VARIABLE}).")
    return choice


def use_engine(name: str | None = None) -> str:
    """Make `mkdocs.*` imports in this process load the chosen engine; return its name."""
    engine = chosen_engine(name)
    if importlib.util.find_spec(engine) is None:
        raise LocalOfferError(f"The {engine} engine is not installed. Install it with: "
                              f"pip install -e '.[{engine}]' (or pip install {engine}).")
    loaded = sys.modules.get("mkdocs")
    running = None if loaded is None else loaded.__name__
    if engine == "properdocs":
        if running == "mkdocs":
            raise LocalOfferError("MkDocs is already loaded in this process, so ProperDocs "
                                  "cannot build here: run the command in a new process.")
        import properdocs.replacement  # noqa: F401  (mkdocs.* now loads properdocs.*)
    elif running == "properdocs":
        raise LocalOfferError("ProperDocs is already loaded in this process, so MkDocs "
                              "cannot build here: run the command in a new process.")
    return engine


def engine_logger_names() -> tuple[str, ...]:
    """The loggers whose messages (warnings, errors in strict builds) are shown to the user."""
    return ("mkdocs", "properdocs")


def engine_version() -> str:
    """The running engine and its version, e.g. 'properdocs 1.6.7'."""
    import mkdocs

    return f"{mkdocs.__name__} {mkdocs.__version__}"
