"""`localoffer serve` reloads after an offer is saved with the cache, as `localoffer build`
does: the page it then serves is the page a clean build makes."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from localoffer.commands.build import build_site
from site_helpers import TODAY, commit_all, git_init, make_borough
from test_site_serve import fetch, free_port


def _without_reloader(page: str) -> str:
    """The page as written: the preview adds its live-reload script before </body>."""
    end = page.rindex("</body>")
    start = page.rindex("<script>", 0, end)
    assert "livereload" in page[start:end]
    return page[:start] + page[end:]


@pytest.mark.slow
def test_a_reload_after_one_offer_changes_serves_what_a_clean_build_makes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    folder = tmp_path / "borough"
    folder.mkdir()
    make_borough(folder, 30, search="pagefind")
    git_init(folder)
    commit_all(folder, "Start the Local Offer")
    port = free_port()
    environment = {key: value for key, value in os.environ.items()
                   if not key.startswith("LOCALOFFER_")}
    server = subprocess.Popen(
        [sys.executable, "-m", "localoffer", "serve", "--today", TODAY,
         "--address", f"127.0.0.1:{port}", "--config", str(folder / "localoffer.yml")],
        cwd=folder, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True)
    url = f"http://127.0.0.1:{port}/settings/setting-00003/"
    try:
        assert "We have a new sensory garden." not in fetch(url, within=240)
        offer = folder / "offers" / "setting-00003" / "offer.md"
        offer.write_text(offer.read_text(encoding="utf-8")
                         + "\nWe have a new sensory garden.\n", encoding="utf-8")
        give_up = time.monotonic() + 240
        page = fetch(url, within=60)
        while "We have a new sensory garden." not in page:
            assert time.monotonic() < give_up, "the preview did not reload"
            time.sleep(0.5)
            page = fetch(url, within=60)
    finally:
        server.send_signal(signal.SIGINT)
        output = server.communicate(timeout=60)[0]
    assert "Traceback" not in output
    assert "30 of 30 offers read, the others from the cache; 0 pages kept" in output
    # The other 29 offers' pages (and the booklet pages without the changed offer) were kept.
    kept = re.search(r"1 of 30 offers read, the others from the cache; (\d+) pages kept", output)
    assert kept is not None and int(kept.group(1)) >= 29, output

    # A clean build of the same borough, for the address the preview served it at.
    site_config = folder / "mkdocs.yml"
    site_config.write_text(re.sub(r"(?m)^site_url: .*$", f"site_url: http://127.0.0.1:{port}/",
                                  site_config.read_text(encoding="utf-8")), encoding="utf-8")
    clean = build_site(site_config, date.fromisoformat(TODAY), site_dir=tmp_path / "clean",
                       quiet=True, clean=True)
    assert _without_reloader(page) == (
        clean / "settings" / "setting-00003" / "index.html").read_text(encoding="utf-8")
