"""How a test says that some work is not too slow: its CPU time as a multiple of other work
timed beside it, in the same process and run (the same work on a smaller input, or an
ordinary offer), never against a fixed number of seconds.

A slower machine (CI's), a busy one, or one whose host takes CPU time away makes both slower
alike, where a fixed limit fails on them (a 512 KB worst case took 0.44 s one day and 1.1 to
1.9 s another, on this machine). The seconds themselves are for benchmarks/ to measure.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

from localoffer.borough import Borough
from localoffer.collector import collector_paused
from localoffer.synthetic import SyntheticSetting, synthetic_offer, synthetic_setting

# No fuzzed file may cost more than this many times an ordinary offer of its size. Files that
# a check went back over took 60 to 900 times as long.
MOST_TIMES_ORDINARY = 20


def cpu_seconds(work: Callable[[], object]) -> float:
    """The CPU time of one call, with the collector paused, as the commands run."""
    started = time.process_time()
    with collector_paused():
        work()
    return time.process_time() - started


def times_as_long(work: Callable[[], object], baseline: Callable[[], object],
                  limit: float, tries: int = 3) -> float:
    """How many times as long as the baseline the work takes, in CPU time: the best of up to
    `tries` runs of each, taken in turns so that a slow spell of the machine slows both. Stops
    at the first try under `limit`: slow work is slow every time, a busy moment is not."""
    best_work = best_baseline = float("inf")
    for _ in range(tries):
        best_baseline = min(best_baseline, cpu_seconds(baseline))
        best_work = min(best_work, cpu_seconds(work))
        if best_work < limit * best_baseline:
            break
    return best_work / best_baseline


def ordinary_offer(borough: Borough, size: int, today: date) -> bytes:
    """An ordinary primary school offer of about `size` bytes: front-matter and an answer of
    plain sentences to every question, each answer as long as it takes."""
    setting = synthetic_setting(borough, 1, today)
    setting = SyntheticSetting(setting.slug, setting.name, "primary", setting.last_reviewed,
                               setting.next_review)
    short = len(synthetic_offer(borough, setting, 100).encode("utf-8"))
    words = max(100, 100 * size // short)
    return synthetic_offer(borough, setting, words).encode("utf-8")[:size]
