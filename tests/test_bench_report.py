"""The report benchmark still runs every report and export beside `check`, reports each one's
peak memory and its ratio to `check`, and judges the 25,000-offer targets (issue 15)."""
from __future__ import annotations

import importlib.util
import sys

from testpaths import REPO_ROOT


def _bench_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_report",
                                                  REPO_ROOT / "benchmarks" / "bench_report.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["bench_report"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_a_small_run_times_every_command_with_its_peak_memory() -> None:
    bench = _bench_module()
    result = bench.bench(3, runs=1, keep=False)
    assert list(result.seconds) == ["check", "report text", "report html", "export json",
                                    "export csv", "export openreferral"]
    assert all(peak > 0 for peak in result.peak_megabytes.values()), result
    assert result.output_megabytes["check"] == 0
    assert all(result.cpu_seconds[name] > 0 for name in result.cpu_seconds), result
    lines = bench.table([result]).splitlines()
    assert [line.split(" | ")[2] for line in lines[2:]] == list(result.seconds)
    assert lines[2].endswith("| | |")  # check is not compared with itself
    assert lines[3].endswith("x |")
    # No target at 3 offers: the ratio is shown, not judged.
    assert [met for _, met in bench.verdict([result])] == [None]


def _result(bench, offers: int, peak_report_html: float, cpu_export_json: float):  # type: ignore[no-untyped-def]
    names = list(bench.COMMANDS)
    result = bench.Result(offers, 440.0)
    for name in names:
        result.seconds[name] = result.cpu_seconds[name] = 60.0
        result.peak_megabytes[name] = 300.0
        result.output_megabytes[name] = 1.0
    result.cpu_seconds["check"] = result.seconds["check"] = 50.0
    result.peak_megabytes["report html"] = peak_report_html
    result.cpu_seconds["export json"] = cpu_export_json
    return result


def test_at_25000_offers_each_report_and_export_is_judged_on_time_and_memory() -> None:
    bench = _bench_module()
    met = bench.verdict([_result(bench, 25000, 1024.0, 100.0)])
    assert met == [
        ("25,000 offers: report 1.20x check (CPU; target at most 2x); HTML report 1.0 MB", None),
        ("25,000 offers: report text 1.20x check (CPU), 300 MB peak (targets: at most 2x, at "
         "most 1,024 MB)", True),
        ("25,000 offers: report html 1.20x check (CPU), 1,024 MB peak (targets: at most 2x, at "
         "most 1,024 MB)", True),
        ("25,000 offers: export json 2.00x check (CPU), 300 MB peak (targets: at most 2x, at "
         "most 1,024 MB)", True),
        ("25,000 offers: export csv 1.20x check (CPU), 300 MB peak (targets: at most 2x, at "
         "most 1,024 MB)", True),
        ("25,000 offers: export openreferral 1.20x check (CPU), 300 MB peak (targets: at most "
         "2x, at most 1,024 MB)", True)]
    missed = bench.verdict([_result(bench, 25000, 1025.0, 100.5)])
    assert [met for _, met in missed] == [None, True, False, False, True, True]


def test_at_10000_offers_the_report_has_30_seconds() -> None:
    bench = _bench_module()
    assert bench.verdict([_result(bench, 10000, 300.0, 60.0)]) == [
        ("10,000 offers: report 60.0 s CPU (60.0 s wall), target under 30 s", False),
        ("10,000 offers: report 1.20x check (CPU; target at most 2x); HTML report 1.0 MB", True)]
