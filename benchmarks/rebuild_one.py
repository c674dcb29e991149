"""One changed offer against the full build, in the same run (bench_site.py --rebuild-one).

For each size, in a temporary Git repository written by bench_site.write_ours:

1. a full build, `localoffer build --clean` (no cache, empty site folder);
2. one offer changed, then `localoffer build` with its cache (into the same folder);
3. the change committed on a branch, then `localoffer build --changed-since main` (the preview
   a pull request's CI would build) into another folder;
4. `localoffer serve` started (its first build, which runs the checks, is timed too), another
   offer changed, and the time until the preview serves the changed page: the reload.

Each build runs in its own process. Reported: wall time, CPU time (user and system, of the
build and every process it ran, Pagefind's included), and the peak memory of the whole
process tree (the build and its workers, sampled every 20 ms from /proc), with Pagefind's
processes counted apart (they are the search's, measured by bench_site.py on their own).
"""
from __future__ import annotations

import os
import resource
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Timed:
    what: str
    offers: int
    seconds: float
    cpu_seconds: float  # user and system time of the build and everything it ran
    tree_peak_mb: float | None  # the build's process tree without Pagefind (None: not measured)
    pagefind_peak_mb: float | None


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


def serve_reload(folder: Path, offers: int, today: str) -> list[Timed]:
    """`localoffer serve`'s first build, then its reload after one offer is saved: wall time
    until the changed page is served, and the CPU time the server and its children used for
    it (from /proc, as the server keeps running)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/settings/setting-00002/"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    with open(folder / "serve.log", "w", encoding="utf-8") as log:
        start = time.perf_counter()
        server = subprocess.Popen(
            [sys.executable, "-m", "localoffer", "serve", "--today", today, "--address",
             f"127.0.0.1:{port}"], cwd=folder, env=env, stdout=log, stderr=log)
        try:
            _page_with(url, "", server, folder)
            first = Timed("serve: its first build (with the checks)", offers,
                          round(time.perf_counter() - start, 2), round(_cpu(server.pid), 2),
                          None, None)
            time.sleep(2)  # the first build's watchers settle
            before = _cpu(server.pid)
            offer = folder / "offers" / "setting-00002" / "offer.md"
            offer.write_text(offer.read_text(encoding="utf-8") + "\nWe now run a homework club.\n",
                             encoding="utf-8")
            start = time.perf_counter()
            _page_with(url, "We now run a homework club.", server, folder)
            reload = Timed("serve: one offer saved, until its page is served", offers,
                           round(time.perf_counter() - start, 2),
                           round(_cpu(server.pid) - before, 2), None, None)
        finally:
            server.terminate()
            server.wait(60)
    return [first, reload]


def _page_with(url: str, words: str, server: subprocess.Popen[bytes], folder: Path) -> None:
    while True:
        if server.poll() is not None:
            raise SystemExit("localoffer serve stopped:\n"
                             + (folder / "serve.log").read_text(encoding="utf-8")[-3000:])
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                if words in response.read().decode("utf-8"):
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)


def _cpu(pid: int) -> float:
    """User and system time of a running process and the children it has waited for."""
    with open(f"/proc/{pid}/stat", "rb") as stream:
        fields = stream.read().rsplit(b")", 1)[1].split()
    return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")


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
    return [full, one, preview, *serve_reload(folder, offers, today)]


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
                     f"{item.cpu_seconds:.1f} | {shares} | {_megabytes(item.tree_peak_mb)} | "
                     f"{_megabytes(item.pagefind_peak_mb)} |")
    return "\n".join(lines)


# The targets, judged at this many offers and more.
TARGET_OFFERS = 5000
SHARE_TARGET = 0.05  # of the full build's time: one changed offer, and a serve reload
PREVIEW_TARGET_SECONDS = 10.0
_WITHIN_SHARE = ("one offer changed, with the cache", "serve: one offer saved, until its page is served")
_PREVIEW = "--changed-since main (preview)"


def verdicts(results: list[Timed]) -> list[tuple[str, bool]]:
    """Each target the issue sets at 5,000 offers, met or not: the shares in CPU time (the
    builds run one after another, and the load can change between them), the preview in wall
    time. The wall-time share is printed beside each."""
    found = []
    full = {item.offers: item for item in results if item.what.startswith("full")}
    for item in results:
        whole = full.get(item.offers)
        if item.offers < TARGET_OFFERS or whole is None:
            continue
        if item.what in _WITHIN_SHARE:
            share, wall = item.cpu_seconds / whole.cpu_seconds, item.seconds / whole.seconds
            met = share <= SHARE_TARGET
            found.append((f"{'Target met' if met else 'Target MISSED'}: {item.what} at "
                          f"{item.offers:,} offers took {share:.1%} of the full build's CPU "
                          f"time ({wall:.1%} of its wall time; target: at most "
                          f"{SHARE_TARGET:.0%}).", met))
        elif item.what == _PREVIEW:
            met = item.seconds <= PREVIEW_TARGET_SECONDS
            found.append((f"{'Target met' if met else 'Target MISSED'}: {item.what} at "
                          f"{item.offers:,} offers took {item.seconds:.1f} s (target: at most "
                          f"{PREVIEW_TARGET_SECONDS:.0f} s).", met))
    return found


def _megabytes(value: float | None) -> str:
    return "not measured" if value is None else f"{value:,.0f}"
