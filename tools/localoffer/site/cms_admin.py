"""The web editor's folder, admin/, in a built site: Decap CMS's bundle, copied from
node_modules (package.json pins its version; nothing is loaded from a CDN), our page and
preview script, and a config.yml per way in:

    admin/                  the local authority's editor, with every offer
    admin/<slug>/           one setting's editor, with only its own offer
    admin/settings.html     the link to each setting's editor, to send to its staff

The pages are made by the autoescaping templates (site/markup.py); each config.yml is written
by PyYAML from the data cms_config.py makes, so no offer's name can break either.
"""
from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from localoffer.borough import Borough
from localoffer.errors import LocalOfferError
from localoffer.model.discover import known_slugs
from localoffer.model.files import OFFER_FILE
from localoffer.model.offer import load_offer
from localoffer.site.cms_config import COLLECTION, Backend, editor_config, new_offer_bodies
from localoffer.site.markup import fragment

DECAP_PACKAGE = Path("node_modules") / "decap-cms"  # the browser bundle of decap-cms-app
# The YAML library Decap CMS writes front-matter with (package.json pins the version Decap's
# bundle has): the editor writes an offer's text with it, as Decap will save it, for the checks.
YAML_PACKAGE = Path("node_modules") / "yaml"
YAML_FOLDER = "yaml"
ADMIN = "admin"
BUNDLE_FOLDER = "decap"
BUNDLE = "decap-cms.js"
NEW_OFFER_BODIES = "new-offer-bodies.json"  # each setting type's starting answers (LA's editor)
OWN_ASSETS = Path(__file__).parent / "assets" / "cms"
NODE_MODULES_VARIABLE = "LOCALOFFER_NODE_MODULES"
HOW_TO_INSTALL = ("Install it with 'npm ci' in the folder that holds package.json (the "
                  "repository's top folder).")


@dataclass
class AdminFolder:
    """What was written: the folder, the Decap version and each setting's editor address."""

    folder: Path
    decap_version: str
    settings: dict[str, str] = field(default_factory=dict)  # slug -> name


def node_folders(start: Path) -> list[Path]:
    """Where node_modules/ may be: LOCALOFFER_NODE_MODULES's folder if set; else `start` and
    the folders above it, then the checkout localoffer itself runs from (an editable install)."""
    if os.environ.get(NODE_MODULES_VARIABLE):
        return [Path(os.environ[NODE_MODULES_VARIABLE]).resolve()]
    own_checkout = Path(__file__).resolve().parents[3]
    return list(dict.fromkeys([start.resolve(), *start.resolve().parents, own_checkout]))


def find_decap(start: Path) -> Path:
    """node_modules/decap-cms, where node_folders says."""
    for folder in node_folders(start):
        candidate = folder / DECAP_PACKAGE
        if (candidate / "dist" / BUNDLE).is_file():
            return candidate
    raise LocalOfferError(f"Decap CMS (the web editor) is not installed: there is no "
                          f"{DECAP_PACKAGE.as_posix()} here or above. {HOW_TO_INSTALL}",
                          str(start))


def decap_version(package: Path) -> str:
    try:
        return str(json.loads((package / "package.json").read_text(encoding="utf-8"))["version"])
    except (OSError, ValueError, KeyError) as error:
        raise LocalOfferError(f"Decap CMS's package.json could not be read ({error}). "
                              f"{HOW_TO_INSTALL}", str(package)) from None


def find_yaml(decap_package: Path) -> Path:
    """node_modules/yaml's modules for the browser, beside the Decap CMS found."""
    modules = decap_package.parent / YAML_PACKAGE.name / "browser" / "dist"
    if not (modules / "index.js").is_file():
        raise LocalOfferError(f"The YAML library the editor needs is not installed: there is "
                              f"no {YAML_PACKAGE.as_posix()} beside Decap CMS. {HOW_TO_INSTALL}",
                              str(decap_package.parent))
    return modules


def write_admin(site_dir: Path, borough: Borough, backend: Backend, today: date,
                decap_package: Path, helper_url: str | None = None) -> AdminFolder:
    """Write admin/ into the built site at `site_dir`, replacing any earlier one.
    `helper_url`: the helper that checks and previews offers on this computer (cms_helper.py);
    without it the editor says the checks run on the pull request, and its preview is only
    an approximation."""
    if not (site_dir / "index.html").is_file():
        raise LocalOfferError("There is no built website here to add the editor to. Run "
                              "'localoffer build' first.", str(site_dir))
    admin = site_dir / ADMIN
    if admin.is_symlink() or (admin.exists() and not admin.is_dir()):
        raise LocalOfferError("admin in the website folder is not a folder; remove it first.",
                              str(admin))
    if admin.is_dir():
        shutil.rmtree(admin)
    admin.mkdir()
    result = AdminFolder(admin, decap_version(decap_package))
    _copy_bundle(decap_package / "dist", admin / BUNDLE_FOLDER)
    _copy_yaml(find_yaml(decap_package), admin / YAML_FOLDER)
    for asset in ("editor.js", "editor.css"):
        shutil.copyfile(OWN_ASSETS / asset, admin / asset)
    styles = preview_styles(site_dir)
    (admin / NEW_OFFER_BODIES).write_text(
        json.dumps(new_offer_bodies(borough, today), ensure_ascii=False, indent=1),
        encoding="utf-8")
    _write_editor(admin, editor_config(borough, backend, today), "", styles,
                  f"{borough.name} Local Offer: editor", COLLECTION, helper_url, NEW_OFFER_BODIES)
    for slug in sorted(known_slugs(borough)):
        name = load_offer(borough.offers_dir / slug / OFFER_FILE, borough).name
        _write_editor(admin / slug, editor_config(borough, backend, today, (slug, name)), "../",
                      styles, f"{name}: edit your offer", f"{slug}/offer", helper_url)
        result.settings[slug] = name
    (admin / "settings.html").write_text(
        str(fragment("cms.html", "settings_page", borough.name, sorted(
            result.settings.items(), key=lambda item: item[1].lower()))), encoding="utf-8")
    return result


def preview_styles(site_dir: Path) -> list[str]:
    """The site's own stylesheets, from the site's root, for the editor's preview."""
    found = sorted((site_dir / "assets" / "stylesheets").glob("*.css"))
    found += sorted((site_dir / "assets" / "localoffer").glob("*.css"))
    return [path.relative_to(site_dir).as_posix() for path in found]


class _PlainDumper(yaml.SafeDumper):
    """Each value written out in full: no &anchors and *aliases for the shared field lists."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _copy_bundle(dist: Path, target: Path) -> None:
    """The bundle and the pieces it loads on demand (no source maps: they are 4 times bigger;
    not cms.js, the same bundle under its old name)."""
    target.mkdir()
    for path in sorted(dist.iterdir()):
        if path.is_file() and (path.name.endswith(BUNDLE) or path.suffix == ".wasm"
                               or path.name == f"{BUNDLE}.LICENSE.txt"):
            shutil.copyfile(path, target / path.name)


def _copy_yaml(modules: Path, target: Path) -> None:
    target.mkdir()
    for path in sorted(modules.glob("*.js")):
        shutil.copyfile(path, target / path.name)
    shutil.copyfile(modules.parents[1] / "LICENSE", target / "LICENSE")


def _write_editor(folder: Path, config: dict[str, object], up: str, styles: list[str],
                  title: str, preview_for: str, helper_url: str | None,
                  new_offer_bodies: str = "") -> None:
    folder.mkdir(exist_ok=True)
    (folder / "config.yml").write_text(
        yaml.dump(config, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True, width=100),
        encoding="utf-8")
    root = up + "../"  # from this folder to the site's root
    page = fragment("cms.html", "editor_page", title, f"{up}{BUNDLE_FOLDER}/{BUNDLE}",
                    f"{up}editor.js", f"{up}editor.css", [root + style for style in styles],
                    [preview_for], helper_url or "", f"{up}{YAML_FOLDER}/index.js",
                    new_offer_bodies)
    (folder / "index.html").write_text(str(page), encoding="utf-8")
