"""`localoffer cms`: the web editor for school staff (Decap CMS), in the built website's admin/.

    localoffer cms            build the website and add admin/ to it
    localoffer cms serve      the editor on this computer: decap-server saves to this checkout
"""
from __future__ import annotations

import functools
import http.server
import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import click

from localoffer.borough import Borough, load_borough
from localoffer.commands.build import build_site, find_mkdocs_config
from localoffer.commands.options import (
    chosen_site_config,
    config_option,
    site_config_options,
    today_option,
)
from localoffer.site.cms_admin import AdminFolder, find_decap, preview_styles, write_admin
from localoffer.site.cms_config import DEFAULT_DECAP_SERVER_PORT, Backend
from localoffer.site.cms_helper import EditorHelper, editor_helper
from localoffer.site.cms_server import decap_server, find_server, free_port
from localoffer.site.config import site_options_of
from localoffer.site.file_links import link_index_files
from localoffer.site.offer_preview import OfferPreviewer, theme_of


def github_repo_of(borough: Borough) -> str | None:
    """owner/name from the borough's feedback_url, when it is on github.com."""
    parts = urlsplit(borough.feedback_url or "")
    path = [part for part in parts.path.split("/") if part]
    if parts.scheme == "https" and parts.hostname == "github.com" and len(path) >= 2:
        return f"{path[0]}/{path[1]}"
    return None


def run_cms(borough: Borough, mkdocs_config: Path, today: date, backend: Backend,
            site_dir: Path | None, build: bool, config_path: Path | None = None) -> AdminFolder:
    """Build the website (unless `build` is False) and write admin/ into it."""
    decap = find_decap(mkdocs_config.parent)
    if build:
        folder = build_site(mkdocs_config, today, False, site_dir, quiet=True,
                            config_path=config_path)
        link_index_files(folder)
    else:
        folder = (site_dir or mkdocs_config.parent / "site").resolve()
    return write_admin(folder, borough, backend, today, decap)


def _backend(borough: Borough, github_repo: str | None, oauth_url: str | None,
             branch: str, local_port: int) -> Backend:
    repo = github_repo or github_repo_of(borough)
    if not repo:
        raise click.UsageError("Give the GitHub repository the editor saves to, with "
                               "--github-repo owner/name.")
    if oauth_url and not oauth_url.startswith("https://"):
        raise click.UsageError("--oauth-url must be a web address starting https://.")
    return Backend(github_repo=repo, branch=branch, oauth_url=oauth_url, local_port=local_port)


@click.group("cms", invoke_without_command=True)
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path),
              help="The website's folder. Default: site/ beside mkdocs.yml.")
@click.option("--no-build", is_flag=True,
              help="Add admin/ to the website already built there, without building it again.")
@click.option("--github-repo", metavar="OWNER/NAME",
              help="The GitHub repository the editor saves to. Default: the one in "
                   "borough.feedback_url.")
@click.option("--oauth-url", metavar="URL",
              help="The council's OAuth service for GitHub sign-in (see "
                   "docs/contributing/web-editor-setup.md).")
@click.option("--branch", default="main", show_default=True,
              help="The branch the website is published from.")
@click.option("--local-port", type=int, default=DEFAULT_DECAP_SERVER_PORT, show_default=True,
              help="The port of decap-server, for editing on this computer.")
@site_config_options
@today_option
@config_option
@click.pass_context
def cli(ctx: click.Context, site_dir: Path | None, no_build: bool, github_repo: str | None,
        oauth_url: str | None, branch: str, local_port: int, site_config: Path | None,
        old_site_config: Path | None, today: date, config_path: Path | None) -> int:
    """The web editor for school staff: builds the website and adds admin/ to it.

    admin/ is the local authority's editor, with every offer; admin/<setting>/ is one
    setting's, with only its own offer (admin/settings.html lists them). Every change is saved
    as a draft branch and pull request, reviewed, then published, as with Git.
    """
    if ctx.invoked_subcommand is not None:
        return 0
    borough = load_borough(config_path)
    mkdocs_config = find_mkdocs_config(chosen_site_config(site_config, old_site_config),
                                       config_path)
    backend = _backend(borough, github_repo, oauth_url, branch, local_port)
    admin = run_cms(borough, mkdocs_config, today, backend, site_dir, not no_build, config_path)
    click.echo(f"The editor is in {admin.folder} (Decap CMS {admin.decap_version}), with one "
               f"for each of {len(admin.settings)} settings; {admin.folder / 'settings.html'} "
               "lists their links.")
    return 0


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".yml": "text/yaml", ".wasm": "application/wasm"}

    def log_message(self, format: str, *args: Any) -> None:
        pass


@cli.command("serve")
@click.option("--address", default="127.0.0.1:8000", show_default=True,
              help="Address and port of the website and its editor.")
@site_config_options
@today_option
@config_option
def serve(address: str, site_config: Path | None, old_site_config: Path | None, today: date,
          config_path: Path | None) -> int:
    """Edit offers on this computer: the website with its editor, saving to this checkout.

    Starts decap-server (Decap CMS's local Git server) on a free port: a draft becomes a
    cms/offers/<setting>/offer branch here, and publishing merges it into the branch you are on.
    Needs a checkout with nothing uncommitted. A helper on another free port of 127.0.0.1
    checks the offer being edited and makes its page, so the editor shows what
    `localoffer check` will say and the page as the website will publish it.
    """
    borough = load_borough(config_path)
    mkdocs_config = find_mkdocs_config(chosen_site_config(site_config, old_site_config),
                                       config_path)
    host, _, port_text = address.rpartition(":")
    if not host or not port_text.isdigit():
        raise click.UsageError("--address must be HOST:PORT, for example 127.0.0.1:8000.")
    executable = find_server(mkdocs_config.parent)
    decap = find_decap(mkdocs_config.parent)
    repository = borough.root
    with tempfile.TemporaryDirectory(prefix="localoffer-cms-") as temporary:
        site = Path(temporary) / "site"
        with decap_server(repository, executable, free_port()) as server:
            backend = _backend(borough, None, None, server.branch, server.port) \
                if github_repo_of(borough) else Backend(branch=server.branch, local_port=server.port)
            handler = functools.partial(_QuietHandler, directory=str(site))
            httpd = http.server.ThreadingHTTPServer((host, int(port_text)), handler)
            shown = f"http://{host}:{httpd.server_address[1]}/"
            try:
                folder = build_site(mkdocs_config, today, False, site, quiet=True,
                                    config_path=config_path)
                link_index_files(folder)
                previewer = OfferPreviewer(borough, today, site_options_of(mkdocs_config), shown,
                                           preview_styles(folder), theme_of(folder))
                with editor_helper(EditorHelper(borough, today, previewer),
                                   shown.rstrip("/")) as helper:
                    write_admin(folder, borough, backend, today, decap, helper.url)
                    click.echo(f"The website is at {shown} and its editor at {shown}admin/ "
                               f"(each setting's at {shown}admin/settings.html). Saved drafts "
                               f"become branches of {repository}; publishing merges them into "
                               f"{server.branch}. The editor checks each offer and shows its "
                               f"page as you type, with localoffer's own checks ({helper.url}). "
                               "Press Ctrl+C to stop.")
                    try:
                        httpd.serve_forever()
                    except KeyboardInterrupt:
                        pass
            finally:
                httpd.server_close()
        shutil.rmtree(site, ignore_errors=True)
    return 0
