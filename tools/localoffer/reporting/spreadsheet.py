"""Cells that are safe to open in a spreadsheet."""
from __future__ import annotations

import re
from typing import Any

# A cell a spreadsheet would run as a formula: =..., @..., a tab or carriage return first,
# or + or - followed by anything but a number (so "+44 161 496 0000" stays as it is).
_FORMULA = re.compile(r"^(?:[=@\t\r]|[+-](?![\d\s().]*$))")


def safe_cell(value: Any) -> Any:
    """Text that would start a formula gets a leading apostrophe, so it shows as written."""
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return value
