"""`localoffer export --format json`: every setting, documented in docs/data/exports.md and
described by schemas/localoffer-export-1.schema.json."""
from __future__ import annotations

import json
from datetime import date
from typing import Any, Iterable, Iterator

from localoffer.borough import Borough
from localoffer.exporting.records import Setting, record, sort_key
from localoffer.exporting.spool import SortedSpool

FORMAT = "localoffer-export"
FORMAT_VERSION = 1
SCHEMA_FILE = "localoffer-export-1.schema.json"


def head(borough: Borough, count: int, today: date, site: str | None) -> dict[str, Any]:
    """Everything in the export but the settings."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "borough": {"name": borough.name, "local_offer_url": borough.local_offer_url or None},
        "generated_on": today.isoformat(),
        "site_url": site,
        "count": count,
    }


def render(borough: Borough, found: Iterable[Setting], today: date,
           site: str | None) -> Iterator[str]:
    """The export as JSON text, one line per setting. (json's C encoder writes those lines;
    asked to indent, json uses its pure-Python encoder, which took a fifth of a 10,000-offer
    export.) Each line is put aside on disk as its offer is checked."""
    spool = SortedSpool()
    try:
        for setting in found:
            spool.add(sort_key(setting), json.dumps(record(setting), ensure_ascii=False))
    except BaseException:
        spool.close()
        raise
    return _pieces(spool, json.dumps(head(borough, len(spool), today, site), indent=2,
                                     ensure_ascii=False).removesuffix("\n}"))


def _pieces(spool: SortedSpool, opening: str) -> Iterator[str]:
    with spool:
        if not len(spool):
            yield f'{opening},\n  "settings": []\n}}\n'
            return
        yield f'{opening},\n  "settings": [\n    '
        separator = ""
        for line in spool:
            yield separator + line
            separator = ",\n    "
        yield "\n  ]\n}\n"
