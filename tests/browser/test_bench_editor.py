"""benchmarks/bench_editor.py runs (one cold start, without axe) and prints its figures."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
from browser_harness import REPO_ROOT

pytestmark = pytest.mark.browser


def test_bench_editor_prints_the_download_and_the_time_until_usable() -> None:
    done = subprocess.run([sys.executable, str(REPO_ROOT / "benchmarks" / "bench_editor.py"),
                           "--runs", "1", "--no-axe"], cwd=REPO_ROOT, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert re.search(r"^  decap/decap-cms\.js +[\d,.]+ kB  gzipped +[\d,.]+ kB$", done.stdout,
                     re.MULTILINE), done.stdout
    total = next(line for line in lines if line.startswith("  total"))
    gzipped = float(re.search(r"gzipped +([\d,.]+) kB", total).group(1).replace(",", ""))
    assert 100 < gzipped < 5000  # Decap's bundle is about 1.5 MB gzipped
    assert re.search(r"^ +1 +\d+\.\d\d +\d+\.\d\d +\d+\.\d\d$", done.stdout, re.MULTILINE)
    assert "Requests that would have left 127.0.0.1: 0" in lines
