"""The demo borough in offers/ passes every check, errors and warnings alike.

Other contributors write the demo offers; this test is the promise that `localoffer check
--strict` succeeds on the out-of-the-box borough.
"""
from __future__ import annotations

from localoffer.borough import Borough
from localoffer.checks import run_checks

from .helpers import TODAY


def test_the_demo_borough_has_no_errors_or_warnings(demo_borough: Borough) -> None:
    report = run_checks([demo_borough.offers_dir], demo_borough, TODAY)
    assert report.files >= 10
    problems = [f"{f.path}:{f.line}: {f.rule} {f.message}" for f in report.findings]
    assert problems == []


def test_every_setting_type_is_in_the_demo(demo_borough: Borough) -> None:
    from localoffer.model import load_offer
    from localoffer.model.discover import find_offer_files
    types = {load_offer(path, demo_borough).setting_type
             for path in find_offer_files([demo_borough.offers_dir])}
    assert types >= set(demo_borough.setting_types)
