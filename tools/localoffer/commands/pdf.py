"""`localoffer pdf`: a printable PDF booklet of the published offers, for paper copies."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from localoffer.borough import Borough
from localoffer.commands.options import borough_from, config_option, today_option
from localoffer.errors import LocalOfferError
from localoffer.exporting.urls import site_url
from localoffer.site.booklet_pdf import booklet_pdf
from localoffer.site.parallel import load_and_render


def run_pdf(borough: Borough, today: date, output: Path | None, type_id: str | None,
            site: str | None, language: str | None = None) -> int:
    if type_id is not None and type_id not in borough.setting_types:
        known = ", ".join(sorted(borough.setting_types))
        raise LocalOfferError(f"'{type_id}' is not a type of setting. Use one of: {known}.")
    if type_id is not None and language is not None:
        raise LocalOfferError("Give --type or --language, not both: a language's booklet holds "
                              "every setting translated into it.")
    name = f"booklet-{type_id}.pdf" if type_id else f"booklet-{language}.pdf" if language \
        else "booklet.pdf"
    target = output or Path(name)
    if not target.parent.is_dir():  # said before the minutes a large booklet can take
        raise LocalOfferError("The folder for the PDF does not exist: create it, or give "
                              "another -o.", str(target))
    catalogue, bodies = load_and_render(borough, today, run_checks=False)
    made = booklet_pdf(catalogue, bodies, type_id, site_url(borough, site), language)
    try:
        target.write_bytes(made.pdf)
    except OSError as error:
        raise LocalOfferError(f"The PDF could not be written ({error.strerror}). Check that "
                              "you can save files in that folder, or give another -o.",
                              str(target)) from None
    settings = "1 setting" if made.settings == 1 else f"{made.settings:,} settings"
    click.echo(f"Wrote {target}: {made.title}, {settings} on {made.pages:,} pages.", err=True)
    return 0


@click.command("pdf")
@click.option("--type", "type_id", metavar="TYPE",
              help="Only the settings of this type, such as primary or special "
                   "(`localoffer config` lists them). Default: every published setting.")
@click.option("--language", metavar="CODE",
              help="The booklet of the offers translated into this language, such as ur or pl "
                   "(`localoffer translations` lists them).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the PDF. Default: booklet.pdf, booklet-TYPE.pdf or booklet-LANGUAGE.pdf.")
@click.option("--site-url", "site", metavar="URL",
              help="The website's address, so that links in the PDF open its pages. Default: "
                   "site_url in mkdocs.yml, or 'site: url:' in localoffer.yml.")
@today_option
@config_option
def cli(type_id: str | None, language: str | None, output: Path | None, site: str | None,
        today: date, config_path: Path | None) -> int:
    """Make a PDF booklet of the published offers, to print paper copies.

    The booklet is the website's printable booklet, on A4 paper: contents with page numbers,
    then each setting on a new page.

    \b
    It needs WeasyPrint and the Pango library it draws text with. Install them with:
      .venv/bin/pip install -e '.[pdf]'
      sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0   (Debian or Ubuntu)
    """
    return run_pdf(borough_from(config_path), today, output, type_id, site, language)
