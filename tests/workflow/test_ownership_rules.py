"""Who may change which path: each kind of attempt, decided without Git."""
from __future__ import annotations

import pytest

from localoffer.borough import Borough, load_borough
from localoffer.errors import ConfigError
from localoffer.git.repo import FileChange
from localoffer.workflow.ownership import OwnershipRules, check_changes, read_teams

RULES = OwnershipRules(
    maintainers={"oakfield": ["@calderbrook/oakfield", "@amira"], "beacon-hill": ["@bea"],
                 "orphan": []},
    reviewers=("@calderbrook/send-reviewers",),
    teams={"calderbrook/oakfield": ["olu"], "calderbrook/send-reviewers": ["rita"]})


def modified(path: str) -> FileChange:
    return FileChange("M", path, path, "100644", "100644")


def added(path: str, mode: str = "100644") -> FileChange:
    return FileChange("A", path, path, "000000", mode)


def refused(changes: list[FileChange], author: str, **kwargs: object) -> dict[str, str]:
    return {r.path: r.message for r in check_changes(changes, RULES, author, **kwargs)}  # type: ignore[arg-type]


@pytest.mark.parametrize("author", ["@amira", "amira", "AMIRA", "olu", "@calderbrook/oakfield"])
def test_maintainers_and_team_members_may_change_their_own_offer(author: str) -> None:
    changes = [modified("offers/oakfield/offer.md"), added("offers/oakfield/images/hall.jpg")]
    assert refused(changes, author) == {}


def test_another_settings_offer_is_refused() -> None:
    result = refused([modified("offers/beacon-hill/offer.md")], "@amira")
    assert "maintained by @bea" in result["offers/beacon-hill/offer.md"]
    assert "You (@amira) can only change offers you maintain" in result[
        "offers/beacon-hill/offer.md"]


@pytest.mark.parametrize("path", ["localoffer.yml", "mkdocs.yml", "docs/index.md",
                                  ".github/workflows/pull-request.yml", "tools/localoffer/cli.py",
                                  ".github/CODEOWNERS", "CODEOWNERS", "README.md",
                                  "offers/README.md", "Offers/oakfield/offer.md"])
def test_shared_files_need_an_la_reviewer(path: str) -> None:
    assert "shared file" in refused([modified(path)], "@amira")[path]
    assert refused([modified(path)], "rita") == {}


def test_case_of_the_offers_folder_is_pointed_out() -> None:
    message = refused([modified("OFFERS/oakfield/offer.md")], "@amira")["OFFERS/oakfield/offer.md"]
    assert "'offers', all in lower case" in message


def test_renames_check_both_paths() -> None:
    moved_in = FileChange("R", "offers/oakfield/taken.png", "offers/beacon-hill/offer.md",
                          "100644", "100644")
    result = refused([moved_in], "@amira")
    assert set(result) == {"offers/beacon-hill/offer.md"}
    moved_out = FileChange("R", "docs/stolen.md", "offers/oakfield/notes.md", "100644", "100644")
    assert set(refused([moved_out], "@amira")) == {"docs/stolen.md"}


def test_deleting_another_settings_file_or_ones_own_offer() -> None:
    theirs = FileChange("D", "offers/beacon-hill/photo.jpg", "offers/beacon-hill/photo.jpg",
                        "100644", "000000")
    assert "maintained by @bea" in refused([theirs], "@amira")[theirs.path]
    own_photo = FileChange("D", "offers/oakfield/photo.jpg", "offers/oakfield/photo.jpg",
                           "100644", "000000")
    assert refused([own_photo], "@amira") == {}
    own_offer = FileChange("D", "offers/oakfield/offer.md", "offers/oakfield/offer.md",
                           "100644", "000000")
    assert "removes the setting's offer" in refused([own_offer], "@amira")[own_offer.path]
    assert refused([own_offer], "rita") == {}


@pytest.mark.parametrize("path", ["offers/oakfield/secrets.md", "offers/oakfield/hall.jpg",
                                  "offers/oakfield/images/up", "offers/oakfield",
                                  "offers/new-one", "OFFERS/oakfield/hall.jpg"])
def test_any_symlink_in_the_offers_folder_is_refused_for_everyone(path: str) -> None:
    """Where a link leads is never worked out: it depends on the other links beside it."""
    link = added(path, "120000")
    for author in ("@amira", "rita"):
        assert "symbolic link" in refused([link], author)[path], author
    made_a_link = FileChange("T", path, path, "100644", "120000")
    assert "symbolic link" in refused([made_a_link], "rita")[path]
    removed = FileChange("D", "offers/oakfield/old.jpg", "offers/oakfield/old.jpg",
                         "120000", "000000")
    assert refused([removed], "@amira") == {}


@pytest.mark.parametrize("path", ["offers/oakfield/beacon-hill/offer.md",
                                  "offers/oakfield/images/offer.md",
                                  "offers/oakfield/pupil-list.xlsx",
                                  "offers/oakfield/.offer.md.swp", "offers/oakfield/notes.md",
                                  "offers/oakfield/logo.svg", "offers/oakfield/policy.pdf",
                                  "offers/oakfield/images/.hidden.png"])
def test_a_settings_folder_gains_only_its_offer_and_pictures(path: str) -> None:
    for author in ("@amira", "rita"):
        assert path in refused([added(path)], author), author
    assert path not in refused([FileChange("D", path, path, "100644", "000000")], "@amira")


def test_what_a_settings_folder_may_hold() -> None:
    changes = [modified("offers/oakfield/offer.md"), added("offers/oakfield/hall.JPG"),
               added("offers/oakfield/images/ramp.webp"), added("offers/oakfield/lift.png",
                                                                "100755")]
    assert refused(changes, "@amira") == {}
    fifo_or_other = FileChange("A", "offers/oakfield/hall.jpg", "offers/oakfield/hall.jpg",
                               "000000", "040000")
    assert "not a regular file" in refused([fifo_or_other], "rita")["offers/oakfield/hall.jpg"]


def test_an_offer_moved_into_a_nested_folder_is_refused() -> None:
    nested = FileChange("R", "offers/oakfield/beacon-hill/offer.md", "offers/oakfield/old.md",
                        "100644", "100644")
    message = refused([nested], "@amira")["offers/oakfield/beacon-hill/offer.md"]
    assert "would become a separate setting" in message


@pytest.mark.parametrize("path", ["offers/oakfield/../beacon-hill/offer.md", "/etc/passwd",
                                  "offers/oakfield/.git/config", "offers\\beacon-hill\\offer.md",
                                  "offers//oakfield/offer.md", "offers/./oakfield/offer.md"])
def test_paths_escaping_their_folder_are_refused_for_everyone(path: str) -> None:
    for author in ("@amira", "rita"):
        assert "points outside its folder" in refused([modified(path)], author)[path]


def test_a_new_setting_needs_an_la_reviewer() -> None:
    new = added("offers/sunny-days/offer.md")
    assert "new setting" in refused([new], "@amira")[new.path]
    assert refused([new], "@calderbrook/send-reviewers") == {}


@pytest.mark.parametrize("slug", ["Oakfield", "OAKFIELD", "oakfıeld", "ｏａｋｆｉｅｌｄ"])
def test_look_alike_folder_names_are_refused(slug: str) -> None:
    path = f"offers/{slug}/offer.md"
    message = refused([added(path)], "rita")[path]
    assert "offers/oakfield/" in message or "not a valid folder name" in message


def test_changing_who_maintains_an_offer_needs_an_la_reviewer() -> None:
    change = [modified("offers/oakfield/offer.md")]
    assert "who maintains" in refused(change, "@amira", maintainers_changed={"oakfield"})[
        "offers/oakfield/offer.md"]
    assert refused(change, "rita", maintainers_changed={"oakfield"}) == {}


def test_an_offer_with_no_maintainers_is_changed_by_reviewers_only() -> None:
    result = refused([modified("offers/orphan/offer.md")], "@amira")
    assert "nobody yet" in result["offers/orphan/offer.md"]


def test_submodules_are_refused() -> None:
    sub = added("offers/oakfield/vendor", "160000")
    assert "submodule" in refused([sub], "@amira")[sub.path]


def test_teams_are_read_from_localoffer_yml(borough_dir, borough: Borough) -> None:  # type: ignore[no-untyped-def]
    config = borough_dir / "localoffer.yml"
    original = config.read_text()
    config.write_text(original + '\nteams:\n  "@calderbrook/oakfield": ["@Olu", "amira"]\n')
    assert read_teams(load_borough(config)) == {"calderbrook/oakfield": ["olu", "amira"]}
    for wrong in ("teams: [a, b]", "teams:\n  '@x/y': olu"):
        config.write_text(original + f"\n{wrong}\n")
        reread = load_borough(config)
        with pytest.raises(ConfigError, match="teams|members"):
            read_teams(reread)
