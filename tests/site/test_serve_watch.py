"""`localoffer serve` hears of a saved offer from the system's notices, not by listing every
offer's folder twice a second as MkDocs' own watch does."""
from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from localoffer.borough import load_borough
from localoffer.site.mkdocs_plugin import LocalOfferPlugin
from localoffer.site.serve_watch import watch_for_saves


@contextmanager
def _watched(offers: Path) -> Iterator[LiveReloadServer]:
    """MkDocs' preview server (not serving), with offers/ watched as `serve` watches it."""
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0,
                              root=str(offers.parent))
    observer = watch_for_saves(server, offers)
    assert observer is not None
    try:
        yield server
    finally:
        observer.stop()
        observer.join(10)
        server.server_close()


def _wait_for_a_rebuild(server: LiveReloadServer) -> None:
    give_up = time.monotonic() + 30
    while not server._want_rebuild:
        assert time.monotonic() < give_up, "no rebuild was asked for"
        time.sleep(0.05)


def _offers(tmp_path: Path) -> Path:
    offers = tmp_path / "offers"
    (offers / "oakfield").mkdir(parents=True)
    (offers / "oakfield" / "offer.md").write_text("---\nname: Oakfield\n---\n")
    return offers


def test_a_saved_offer_asks_the_preview_server_to_build_again(tmp_path: Path) -> None:
    offers = _offers(tmp_path)
    offer = offers / "oakfield" / "offer.md"
    with _watched(offers) as server:
        offer.read_text()  # as every build does: no reason to build again
        time.sleep(1)  # for a notice that must not come
        assert server._want_rebuild is False
        offer.write_text("---\nname: Oakfield Primary\n---\n")
        _wait_for_a_rebuild(server)
        assert offers.as_posix() not in server._watched_paths  # not listed twice a second


def test_a_renamed_offer_folder_asks_for_a_build_too(tmp_path: Path) -> None:
    offers = _offers(tmp_path)
    with _watched(offers) as server:
        (offers / "oakfield").rename(offers / "oakfield-primary")
        _wait_for_a_rebuild(server)


def test_a_server_it_does_not_know_is_left_to_watch_as_it_does(tmp_path: Path) -> None:
    assert watch_for_saves(object(), tmp_path) is None


def test_a_link_in_offers_is_not_followed_by_the_watch(tmp_path: Path) -> None:
    """A pull request can commit a link to anywhere: what changes there starts no build (and a
    link to / would otherwise put a watch on every folder of the machine)."""
    offers = _offers(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (offers / "linked").symlink_to(elsewhere)
    with _watched(offers) as server:
        (elsewhere / "offer.md").write_text("---\nname: Not ours\n---\n")
        time.sleep(1)  # for a notice that must not come
        assert server._want_rebuild is False
        (offers / "oakfield" / "offer.md").write_text("---\nname: Oakfield Primary\n---\n")
        _wait_for_a_rebuild(server)


@contextmanager
def _plugin_serving(borough: Path) -> Iterator[tuple[LocalOfferPlugin, LiveReloadServer]]:
    """The localoffer plugin of `serve`, its watches started on MkDocs' preview server (not
    serving) for the borough in `borough` (its localoffer.yml, offers/ and feedback/)."""
    plugin = LocalOfferPlugin()
    plugin.borough = load_borough(borough / "localoffer.yml")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(borough))
    plugin.on_serve(server, config=None, builder=None)  # type: ignore[arg-type]
    try:
        yield plugin, server
    finally:
        plugin.on_shutdown()
        server.server_close()


def test_serve_watches_the_you_said_we_did_items_too(tmp_path: Path, repo_root: Path) -> None:
    """An officer who saves a "You said, we did" item sees it in the preview, as an offer."""
    shutil.copy(repo_root / "localoffer.yml", tmp_path / "localoffer.yml")
    shutil.copytree(repo_root / "feedback", tmp_path / "feedback")
    _offers(tmp_path)
    with _plugin_serving(tmp_path) as (plugin, server):
        item = tmp_path / "feedback" / "2025-09-travel-forms.md"
        item.write_text(item.read_text(encoding="utf-8") + "\nAnd one more thing.\n",
                        encoding="utf-8")
        _wait_for_a_rebuild(server)
        assert len(plugin.watches) == 2  # offers/ and feedback/, by the system's notices
        assert (tmp_path / "feedback").as_posix() not in server._watched_paths
    assert plugin.watches == []


def test_a_feedback_folder_that_is_a_link_is_not_watched(tmp_path: Path, repo_root: Path) -> None:
    shutil.copy(repo_root / "localoffer.yml", tmp_path / "localoffer.yml")
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(repo_root / "feedback", elsewhere)
    (tmp_path / "feedback").symlink_to(elsewhere)
    _offers(tmp_path)
    with _plugin_serving(tmp_path) as (plugin, server):
        assert len(plugin.watches) == 1  # offers/ alone
        assert set(server._watched_paths) == {(tmp_path / "localoffer.yml").as_posix()}
        (elsewhere / "2025-09-travel-forms.md").write_text("changed\n", encoding="utf-8")
        time.sleep(1)  # for a notice that must not come
        assert server._want_rebuild is False
