"""`localoffer cms`: admin/ in the built website, with the pinned Decap bundle and nothing from
outside; every value from offers and localoffer.yml escaped in HTML and written by a YAML library."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from localoffer.borough import load_borough
from localoffer.cli import main
from localoffer.site.cms_admin import find_decap, write_admin
from localoffer.site.cms_config import Backend

from testpaths import REPO_ROOT, TODAY

DEMO_SLUGS = ["beacon-hill-school", "calderbrook-college", "calderbrook-nursery-school",
              "calderbrook-sixth-form-college", "highfield-community-school",
              "hollins-brook-primary-school", "little-acorns-day-nursery", "millbrook-academy",
              "oakfield-primary-school", "riverside-high-school", "sunflower-childminding",
              "the-bridge-centre"]
ADDRESS = re.compile(r"""(?:src|href|content)="([^"]*)\"""")


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("cms-demo") / "site"
    code = main(["cms", "--today", TODAY.isoformat(), "--config",
                 str(REPO_ROOT / "localoffer.yml"), "--site-dir", str(site)])
    assert code == 0
    return site


def test_admin_holds_the_editor_for_the_la_and_one_per_setting(demo_site: Path) -> None:
    admin = demo_site / "admin"
    assert (admin / "index.html").is_file() and (admin / "config.yml").is_file()
    assert sorted(path.parent.name for path in admin.glob("*/config.yml")) == DEMO_SLUGS
    settings = (admin / "settings.html").read_text(encoding="utf-8")
    assert '<a href="oakfield-primary-school/">Oakfield Primary School</a>' in settings
    school = yaml.safe_load((admin / "oakfield-primary-school" / "config.yml").read_text())
    assert school["collections"][0]["files"][0]["file"] == "offers/oakfield-primary-school/offer.md"


def test_the_bundle_is_the_pinned_version_copied_in(demo_site: Path) -> None:
    pinned = json.loads((REPO_ROOT / "package.json").read_text())["dependencies"]["decap-cms"]
    assert pinned == "3.16.3"
    bundle = demo_site / "admin" / "decap" / "decap-cms.js"
    assert bundle.read_bytes() == (REPO_ROOT / "node_modules" / "decap-cms" / "dist" /
                                   "decap-cms.js").read_bytes()
    assert not list((demo_site / "admin" / "decap").glob("*.map"))


def test_the_editor_pages_load_nothing_from_outside(demo_site: Path) -> None:
    for page in [demo_site / "admin" / "index.html", *demo_site.glob("admin/*/index.html"),
                 demo_site / "admin" / "settings.html"]:
        addresses = ADDRESS.findall(page.read_text(encoding="utf-8"))
        outside = [a for a in addresses if "//" in a and not a.startswith("width=")]
        assert outside == [], page
    index = (demo_site / "admin" / "index.html").read_text(encoding="utf-8")
    assert '<script src="decap/decap-cms.js"></script><script src="editor.js"></script>' in index
    school = (demo_site / "admin" / "oakfield-primary-school" / "index.html").read_text()
    assert '<script src="../decap/decap-cms.js"></script>' in school
    assert '<meta name="localoffer-preview-style" content="../../assets/localoffer/localoffer.css">' in school
    for style in re.findall(r'preview-style" content="\.\./\.\./([^"]+)"', school):
        assert (demo_site / style).is_file()


HOSTILE = 'Oak "</title><script>alert(1)</script> {{slug}} : [x] # &amp;'


def test_hostile_names_are_escaped_in_html_and_kept_whole_in_yaml(tmp_path: Path) -> None:
    shutil.copy(REPO_ROOT / "localoffer.yml", tmp_path / "localoffer.yml")
    offer = tmp_path / "offers" / "oak" / "offer.md"
    offer.parent.mkdir(parents=True)
    source = (REPO_ROOT / "offers" / "oakfield-primary-school" / "offer.md").read_text()
    offer.write_text(source.replace("name: Oakfield Primary School", f"name: {json.dumps(HOSTILE)}", 1))
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<!doctype html><title>site</title>")
    borough = load_borough(tmp_path / "localoffer.yml")
    written = write_admin(site, borough, Backend(), TODAY, find_decap(REPO_ROOT))
    assert written.settings == {"oak": HOSTILE}
    page = (site / "admin" / "oak" / "index.html").read_text()
    assert "<script>alert" not in page
    assert "<title>Oak &#34;&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; {{slug}} : [x] # " \
           "&amp;amp;: edit your offer</title>" in page
    assert "<script>alert" not in (site / "admin" / "settings.html").read_text()
    config = yaml.safe_load((site / "admin" / "oak" / "config.yml").read_text())
    assert config["collections"][0]["files"][0]["label"] == HOSTILE


def test_without_npm_ci_it_says_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOCALOFFER_NODE_MODULES", str(tmp_path))
    shutil.copy(REPO_ROOT / "localoffer.yml", tmp_path / "localoffer.yml")
    shutil.copy(REPO_ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    code = main(["cms", "--no-build", "--config", str(tmp_path / "localoffer.yml")])
    assert code == 2
    error = capsys.readouterr().err
    assert "Decap CMS (the web editor) is not installed" in error
    assert "Install it with 'npm ci'" in error


def test_the_editor_carries_decaps_yaml_library_and_no_helper_on_the_website(
        demo_site: Path) -> None:
    admin = demo_site / "admin"
    # Decap's own YAML library (package.json pins it), to write an offer as Decap saves it.
    assert (admin / "yaml" / "index.js").is_file() and (admin / "yaml" / "LICENSE").is_file()
    page = (admin / "oakfield-primary-school" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="localoffer-yaml" content="../yaml/index.js">' in page
    # On the website there is no helper: the checks run on the pull request.
    assert 'name="localoffer-helper"' not in page
    package = json.loads((REPO_ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((REPO_ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert package["dependencies"]["yaml"] == lock["packages"]["node_modules/yaml"]["version"]


def test_the_las_editor_has_each_setting_types_starting_answers(demo_site: Path) -> None:
    admin = demo_site / "admin"
    bodies = json.loads((admin / "new-offer-bodies.json").read_text(encoding="utf-8"))
    assert sorted(bodies) == ["all-through", "childminder", "early-years", "fe-college", "nursery-school",
                              "primary", "pru", "secondary", "sixth-form", "special"]
    assert "\n## How will staff support my child?\n" in bodies["primary"]
    assert "\n## How does the setting know if I need extra help?\n" in bodies["fe-college"]
    assert "## How will staff support my child?" not in bodies["fe-college"]
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert '<meta name="localoffer-new-offer-bodies" content="new-offer-bodies.json">' in page
    # A school's editor makes no new offers.
    school = (admin / "oakfield-primary-school" / "index.html").read_text(encoding="utf-8")
    assert "localoffer-new-offer-bodies" not in school
