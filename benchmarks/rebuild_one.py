"""One changed offer against the full build, in the same run (bench_site.py --rebuild-one).

For each size, in a temporary Git repository written by bench_site.write_ours:

1. a full build, `localoffer build --clean` (no cache, empty site folder);
2. one offer changed, then `localoffer build` with its cache (into the same folder);
3. the change committed on a branch, then `localoffer build --changed-since main` (the preview
   a pull request's CI would build) into another folder.

Each build runs in its own process. Reported: wall time, CPU time (user and system, of the
build and every process it ran, Pagefind's included), and the peak memory of the whole
process tree (the build and its workers, sampled every 20 ms from /proc), with Pagefind's
processes counted apart (they are the search's, measured by bench_site.py on their own).
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Timed:
    what: str
    offers: int
    seconds: float
    cpu_seconds: float  # user and system time of the build and everything it ran
    tree_peak_mb: float  # the build's process tree without Pagefind
    pagefind_peak_mb: float


def _children(pid: int) -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stream:
                fields = stream.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        found.setdefault(int(fields[1]), []).append(int(entry))
    return found


def _tree_memory(pid: int) -> tuple[int, int]:
    """Resident bytes of the tree under `pid`: (without Pagefind, Pagefind's)."""
    children = _children(pid)
    ours = search = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        stack += children.get(current, [])
        try:
            with open(f"/proc/{current}/statm", "rb") as stream:
                resident = int(stream.read().split()[1]) * _PAGE_SIZE
            with open(f"/proc/{current}/cmdline", "rb") as stream:
                command = stream.read()
        except OSError:
            continue
        if b"pagefind" in command:
            search += resident
        else:
            ours += resident
    return ours, search


def run_measured(what: str, offers: int, command: list[str], folder: Path) -> Timed:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    process = subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    peaks = [0, 0]

    def sample() -> None:
        while process.poll() is None:
            ours, search = _tree_memory(process.pid)
            peaks[0], peaks[1] = max(peaks[0], ours), max(peaks[1], search)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, errors = process.communicate()
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{what} at {offers} offers failed:\n{errors[-3000:]}")
    return Timed(what, offers, round(seconds, 2), round(cpu, 2), round(peaks[0] / 2**20, 1),
                 round(peaks[1] / 2**20, 1))


def rebuild_one(folder: Path, offers: int, today: str) -> list[Timed]:
    localoffer = [sys.executable, "-m", "localoffer", "build", "--today", today]
    full = run_measured("full build (--clean)", offers, [*localoffer, "--clean"], folder)
    offer = folder / "offers" / "setting-00001" / "offer.md"
    offer.write_text(offer.read_text(encoding="utf-8") + "\nWe have a new sensory garden.\n",
                     encoding="utf-8")
    one = run_measured("one offer changed, with the cache", offers, localoffer, folder)
    _git(folder, "switch", "-q", "-c", "offers/setting-00001/garden")
    _git(folder, "-c", "user.name=Bench", "-c", "user.email=bench@example.org", "commit", "-q",
         "-am", "Setting 1: a sensory garden")
    preview = run_measured("--changed-since main (preview)", offers,
                           [*localoffer, "--changed-since", "main", "--site-dir",
                            str(folder / "preview")], folder)
    return [full, one, preview]


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True)


def report(results: list[Timed]) -> str:
    lines = ["| build | offers | wall (s) | CPU (s) | share of the full build (wall, CPU) | "
             "peak memory, process tree without Pagefind (MB) | Pagefind's peak (MB) |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    full = {item.offers: item for item in results if item.what.startswith("full")}
    for item in results:
        whole = full.get(item.offers)
        shares = (f"{item.seconds / whole.seconds:.1%}, {item.cpu_seconds / whole.cpu_seconds:.1%}"
                  if whole is not None and whole.seconds and whole.cpu_seconds else "")
        lines.append(f"| {item.what} | {item.offers:,} | {item.seconds:.1f} | "
                     f"{item.cpu_seconds:.1f} | {shares} | {item.tree_peak_mb:,.0f} | "
                     f"{item.pagefind_peak_mb:,.0f} |")
    return "\n".join(lines)
