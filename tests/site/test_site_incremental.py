"""Incremental builds: after any change, a build with the cache (into the last build's folder)
gives the same files, byte for byte, as a clean build into an empty folder.

A real Git repository with a generated borough (Pagefind search, so that offer pages are kept
between builds; a translation, a picture and a "You said, we did" item), changed step by step
as editors change a real one. Pagefind's own index files are not the same from one run to the
next (their names hold hashes of content Pagefind orders as it likes), so its folder is
compared by its manifest, pagefind/shards.json, whose `pages` is the hash of every page
indexed (address and copy, byte for byte: search_shards.py).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import time
from pathlib import Path

import pytest

from localoffer.site.build_cache import CACHE_FOLDER
from localoffer.commands.build import build_site
from site_helpers import REPO_ROOT, commit_all, git_init, make_borough, translate

FEEDBACK = REPO_ROOT / "feedback" / "2025-09-travel-forms.md"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


@pytest.fixture
def borough(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")  # the sitemap's dates
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    folder = tmp_path / "borough"
    folder.mkdir()
    make_borough(folder, 50, search="pagefind", booklet_size=2)  # booklets in parts
    translate(folder, "pl", "Pomagamy każdemu dziecku.", "Pytanie", "2026-10-14", "Anna Nowak")
    (folder / "offers" / "setting-00001" / "front.png").write_bytes(PNG)
    (folder / "feedback").mkdir()
    _feedback(folder, "Forms were hard to find")
    git_init(folder)
    commit_all(folder, "Start the Local Offer")
    return folder


def _feedback(folder: Path, title: str) -> None:
    text = FEEDBACK.read_text(encoding="utf-8")
    text = text.replace("about: local-offer", "about: setting-00002")
    text = text.replace("title: Forms for help with travel to school were hard to find",
                        f"title: {title}")
    (folder / "feedback" / "travel.md").write_text(text, encoding="utf-8")


def _tree(site: Path) -> dict[str, bytes]:
    found = {path.relative_to(site).as_posix(): path.read_bytes()
             for path in sorted(site.rglob("*"))
             if path.is_file() and (path.relative_to(site).parts[0] != "pagefind"
                                    or path.name == "shards.json")}
    # An incremental build may index a changed page in a delta shard (and drop its old
    # results): the pages indexed are the same, which `pages` hashes.
    found["pagefind/shards.json"] = json.loads(found["pagefind/shards.json"])["pages"].encode()
    return found


def _build_both(folder: Path) -> dict[str, bytes]:
    """The incremental build into site/ and a clean one into clean/: the same files."""
    build_site(folder / "mkdocs.yml", site_dir=folder / "site", quiet=True, file_links=True)
    shutil.rmtree(folder / "clean", ignore_errors=True)
    build_site(folder / "mkdocs.yml", site_dir=folder / "clean", quiet=True, clean=True,
               file_links=True)
    built, clean = _tree(folder / "site"), _tree(folder / "clean")
    assert "pagefind/shards.json" in built
    assert sorted(built) == sorted(clean)
    different = [name for name in clean if built[name] != clean[name]]
    assert different == []
    return built


def _written_at(folder: Path, slug: str) -> int:
    return (folder / "site" / "settings" / slug / "index.html").stat().st_mtime_ns


def _append(folder: Path, slug: str, text: str) -> None:
    offer = folder / "offers" / slug / "offer.md"
    offer.write_text(offer.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")


def test_every_change_rebuilds_to_what_a_clean_build_makes(borough: Path) -> None:
    first = _build_both(borough)
    assert "settings/setting-00000/pl/index.html" in first
    assert "settings/setting-00001/front.png" in first
    kept = _written_at(borough, "setting-00010")
    booklets = {name: (borough / "site" / name).stat().st_mtime_ns for name in first
                if name.startswith("booklet/") and name.count("/") > 1
                and not name.startswith("booklet/pl/")  # the translations' booklet: made anew
                and b"settings/setting-00003/" not in first[name]}
    assert any("/part-2/" in name for name in booklets)

    lists = {name: (borough / "site" / name).stat().st_mtime_ns
             for name in ("settings/index.html", "find/type/index.html", "find/age/7/index.html")}

    # One offer changes: its page changes, the others stay as they were written, and so do
    # the booklet pages without it and the lists (its name and details did not change).
    _append(borough, "setting-00003", "We have a new sensory garden.")
    built = _build_both(borough)
    assert "We have a new sensory garden." in built["settings/setting-00003/index.html"].decode()
    assert _written_at(borough, "setting-00010") == kept
    assert {name: (borough / "site" / name).stat().st_mtime_ns for name in lists} == lists
    assert any(b"We have a new sensory garden." in content
               for name, content in built.items() if name.startswith("booklet/"))
    assert [name for name, written in booklets.items()
            if (borough / "site" / name).stat().st_mtime_ns == written] == sorted(booklets)

    # A setting's name changes: the lists follow.
    offer = borough / "offers" / "setting-00006" / "offer.md"
    name = re.search(r"^name: (.+)$", offer.read_text(encoding="utf-8"), re.M).group(1)
    offer.write_text(offer.read_text(encoding="utf-8").replace(
        f"name: {name}", "name: Zebra Crossing Nursery"), encoding="utf-8")
    built = _build_both(borough)
    assert "Zebra Crossing Nursery" in built["settings/index.html"].decode()

    # One offer is deleted, another renamed: their old pages go, the lists follow.
    shutil.rmtree(borough / "offers" / "setting-00004")
    (borough / "offers" / "setting-00005").rename(borough / "offers" / "renamed-school")
    built = _build_both(borough)
    assert not any(name.startswith(("settings/setting-00004/", "settings/setting-00005/"))
                   for name in built)
    assert "settings/renamed-school/index.html" in built
    assert _written_at(borough, "setting-00010") == kept

    # The translation and the picture change, then go.
    (borough / "offers" / "setting-00001" / "front.png").write_bytes(PNG + b"\0")
    translation = borough / "offers" / "setting-00000" / "offer.pl.md"
    translation.write_text(translation.read_text(encoding="utf-8").replace(
        "Pomagamy każdemu dziecku.", "Pomagamy każdemu dziecku w nauce."), encoding="utf-8")
    built = _build_both(borough)
    assert "w nauce" in built["settings/setting-00000/pl/index.html"].decode()
    translation.unlink()
    (borough / "offers" / "setting-00001" / "front.png").unlink()
    built = _build_both(borough)
    assert "settings/setting-00000/pl/index.html" not in built
    assert "settings/setting-00001/front.png" not in built

    # A "You said, we did" item about one setting changes.
    _feedback(borough, "The travel forms were hard to find")
    built = _build_both(borough)
    assert "The travel forms were hard to find" in built[
        "settings/setting-00002/index.html"].decode()

    # A commit changes an offer's "Changes to this page".
    _append(borough, "setting-00007", "New opening hours.")
    commit_all(borough, "Setting 7: new opening hours")
    built = _build_both(borough)
    assert "Setting 7: new opening hours" in built["settings/setting-00007/index.html"].decode()
    assert _written_at(borough, "setting-00010") == kept

    # The borough's settings change (localoffer.yml), then the site's (mkdocs.yml).
    config = borough / "localoffer.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "Calderbrook", "Calderbrook and District", 1), encoding="utf-8")
    _build_both(borough)
    site = borough / "mkdocs.yml"
    site.write_text(site.read_text(encoding="utf-8").replace(
        "site_name: Calderbrook Local Offer", "site_name: The Local Offer"), encoding="utf-8")
    built = _build_both(borough)
    assert "The Local Offer" in built["settings/setting-00010/index.html"].decode()


def test_a_page_changed_in_the_site_folder_is_written_again(borough: Path) -> None:
    _build_both(borough)
    page = borough / "site" / "settings" / "setting-00006" / "index.html"
    page.write_text("changed by hand", encoding="utf-8")
    (borough / "site" / "settings" / "not-an-offer").mkdir()
    (borough / "site" / "settings" / "not-an-offer" / "index.html").write_text("stale")
    _build_both(borough)


def _spoil(entries: list[Path], borough: Path) -> None:
    """A hostile pickle in each entry, with a made-up signature: it would write a file if
    it were ever unpickled."""
    for path in entries:
        path.write_bytes(b"\0" * 32 + b"cos\nsystem\n(S'touch " + str(borough / "pwned").encode()
                         + b"'\ntR.")


def test_a_cache_entry_it_did_not_write_is_never_trusted(borough: Path) -> None:
    _build_both(borough)
    entries = [path for path in (borough / CACHE_FOLDER).rglob("*") if path.is_file()]
    offers = [path for path in entries if path.suffix == ".offer"]  # one file an offer
    assert len(offers) == 50
    _spoil(offers[::2], borough)  # some offers' entries only
    _build_both(borough)
    _spoil(entries, borough)  # every entry, the site folder's manifest too
    _append(borough, "setting-00008", "Changed after the cache was spoiled.")
    _build_both(borough)
    assert not (borough / "pwned").exists()
    (borough / CACHE_FOLDER / "sites").rename(borough / "gone")  # and no manifest at all
    _build_both(borough)


def test_an_offer_whose_text_the_cache_lost_is_read_from_its_file(borough: Path) -> None:
    """Every build reads the offers' light entries; the dashboard asks every offer for its
    answers, which come from the `.text` entries or, when those are gone, the offers' files."""
    first = _build_both(borough)
    assert "dashboard/index.html" in first
    for entry in (borough / CACHE_FOLDER).rglob("*.text"):
        entry.unlink()
    _append(borough, "setting-00004", "We have a new sensory garden.")
    built = _build_both(borough)  # the dashboard as a clean build makes it from every answer
    assert b"new sensory garden" in built["settings/setting-00004/index.html"]


def test_the_cache_is_signed_with_a_key_of_its_user(borough: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache folder from elsewhere (another user's, restored in CI from another branch) is
    not used: its entries are signed with another key."""
    _build_both(borough)
    key = tmp_path / "user-cache" / "localoffer" / "cache.key"
    assert key.stat().st_mode & 0o777 == 0o600 and len(key.read_bytes()) == 32  # the user's alone
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "someone-else"))
    page = borough / "site" / "settings" / "setting-00010" / "index.html"
    before = page.stat().st_mtime_ns
    _build_both(borough)
    assert page.stat().st_mtime_ns != before


def test_a_link_in_offers_is_still_refused(borough: Path) -> None:
    _build_both(borough)
    secret = borough / "secret.md"
    secret.write_text("---\nname: Secret\nstatus: published\n---\nThe server's secret.\n")
    shutil.rmtree(borough / "offers" / "setting-00009")
    (borough / "offers" / "setting-00009").mkdir()
    (borough / "offers" / "setting-00009" / "offer.md").symlink_to(secret)
    built = _build_both(borough)
    assert not any(name.startswith("settings/setting-00009/") for name in built)
    assert not any(b"The server's secret." in content for content in built.values())


def test_entries_unused_for_two_days_are_deleted_once_a_day(borough: Path) -> None:
    _build_both(borough)
    cache = borough / CACHE_FOLDER
    used = sorted((cache / "offers").rglob("*.offer"))[0]
    three_days_ago = time.time() - 3 * 24 * 3600
    os.utime(used, (three_days_ago, three_days_ago))  # old, but this build's: kept
    old = cache / "offers" / "ab" / "ab01.offer"  # another day's entry, no build's now
    recent = cache / "offers" / "ab" / "ab02.page"  # today's, for other settings: kept
    for path in (old, recent):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"an entry")
    os.utime(old, (three_days_ago, three_days_ago))
    os.utime(cache / "swept", (three_days_ago, three_days_ago))  # last swept 3 days ago
    _build_both(borough)
    assert used.is_file() and recent.is_file()
    assert not old.exists()

    # Swept less than a day ago: not again.
    old.write_bytes(b"an entry")
    os.utime(old, (three_days_ago, three_days_ago))
    _build_both(borough)
    assert old.is_file()


def test_kept_lists_keep_their_names_in_the_menu(borough: Path) -> None:
    """A list page the menu names from its own title (mkdocs.yml gives none): kept, it is
    not read, and still named as when it is written."""
    site = borough / "mkdocs.yml"
    text = site.read_text(encoding="utf-8")
    assert "settings/index.md" in text
    site.write_text(re.sub(r"- [^\n:]+: settings/index.md", "- settings/index.md", text),
                    encoding="utf-8")
    _build_both(borough)
    page = borough / "site" / "settings" / "index.html"
    written = page.stat().st_mtime_ns
    _append(borough, "setting-00003", "We have a new sensory garden.")
    built = _build_both(borough)
    assert page.stat().st_mtime_ns == written  # kept
    assert "All settings A to Z" in built["settings/setting-00003/index.html"].decode()


def test_a_link_where_the_cache_would_be_is_never_followed(borough: Path, tmp_path: Path) -> None:
    """A pull request could commit .localoffer-cache as a link to anywhere on the machine: the
    build neither writes there nor deletes anything there (the cache's daily clean-up), and
    builds without a cache."""
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "site" / "offers" / "ab").mkdir(parents=True)
    (elsewhere / "search" / "old-bundle").mkdir(parents=True)
    old = elsewhere / "site" / "offers" / "ab" / "ab01.offer"
    old.write_bytes(b"not the cache's")
    three_days_ago = time.time() - 3 * 24 * 3600
    os.utime(old, (three_days_ago, three_days_ago))
    (borough / ".localoffer-cache").symlink_to(elsewhere, target_is_directory=True)
    _build_both(borough)
    _append(borough, "setting-00003", "We have a new sensory garden.")
    _build_both(borough)
    assert old.read_bytes() == b"not the cache's"
    assert sorted(path.relative_to(elsewhere).as_posix() for path in elsewhere.rglob("*")) == [
        "search", "search/old-bundle", "site", "site/offers", "site/offers/ab",
        "site/offers/ab/ab01.offer"]
