"""The checks. Each family of rules is one module with `RULES` (id: what it finds) and
`check(offer, context)`, which yields findings. The CLI, the pre-commit hooks and the site
build all run them through `check_offer` / `run_checks`.
"""
from __future__ import annotations

from localoffer.checks.runner import (
    CHECK_MODULES,
    CheckContext,
    CheckReport,
    all_rules,
    check_offer,
    run_checks,
)

__all__ = ["CHECK_MODULES", "CheckContext", "CheckReport", "all_rules", "check_offer",
           "run_checks"]
