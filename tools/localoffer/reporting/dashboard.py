"""The site's page "How up to date are these offers?" (/dashboard/): which settings have
published an offer, which are up to date, and which areas the offers answer, for anyone to see.

`render_dashboard_html` is engine-neutral (an HTML fragment); `dashboard_page` wraps it as a
page of the site builder (localoffer.site), which calls it once per build.
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Iterable

from localoffer.borough import Borough
from localoffer.git.history import Record
from localoffer.markup import Markup, fragment
from localoffer.model import Offer
from localoffer.review import long_date
from localoffer.reporting.charts import coverage_chart, history_chart, review_states_chart
from localoffer.reporting.as_published import monthly_counts_or_none
from localoffer.reporting.render.html_parts import CSS, Linker, chart_block, figures, settings_table
from localoffer.reporting.report import Report, build_report
from localoffer.reporting.rows import SettingRow
from localoffer.reporting.settings import report_settings

if TYPE_CHECKING:
    from localoffer.site.catalogue import Catalogue
    from localoffer.site.structure import BuiltPage

DASHBOARD_URL = "dashboard/"
DASHBOARD_TITLE = "How up to date are these offers?"


def dashboard_report(borough: Borough, offers: Iterable[Offer], today: date,
                     history: bool = True, record: Record | None = None) -> Report:
    """The report behind the page. The checks are not run and reading ease is not scored: the
    page shows neither (and the site build has checked every offer already). `record`: the
    published history the site build read already (otherwise it is read here)."""
    offers = list(offers)
    report = build_report(borough, offers, today, frozenset(o.slug for o in offers),
                          check=False, score=False)
    if history:
        report.history = monthly_counts_or_none(borough, today,
                                                report_settings(borough).history_months, record)
    return report


def render_dashboard_html(report: Report, link: Linker | None = None) -> Markup:
    """The page's content as one HTML fragment (its own <h1>, styles scoped to .lr-report),
    from reporting/templates/dashboard.html: every name and date escaped there."""
    states, coverage = review_states_chart(report), coverage_chart(report)
    sections = [
        ("up-to-date", "How many offers are up to date", chart_block(states)),
        ("every-setting", "Every setting", settings_table(report, link, quality=False)),
        ("areas", coverage.heading, chart_block(coverage)),
    ]
    if report.history:
        chart = history_chart(report.history)
        sections.append(("month-by-month", chart.heading, chart_block(chart)))
    return fragment("dashboard.html", "dashboard", Markup(CSS), DASHBOARD_TITLE,
                    report.borough.name, long_date(report.today),
                    report.borough.review_interval_months, figures(report), sections)


def render_dashboard_markdown(borough: Borough, offers: Iterable[Offer], today: date,
                              link: Linker | None = None) -> str:
    """The page as Markdown for any Markdown-based site engine: the HTML fragment as one raw
    HTML block (Python-Markdown passes a block starting with <style> or <div> through)."""
    return render_dashboard_html(dashboard_report(borough, offers, today), link) + "\n"


def dashboard_page(catalogue: Catalogue, record: Record | None) -> BuiltPage:
    """The page for localoffer.site's builder (the MkDocs plugin hands this function to it):
    published offers link to their pages; drafts are listed as never published, without a
    link. `record`: the history the build read (None without Git: no month-by-month chart)."""
    from localoffer.site.structure import BuiltPage, relative_url, toc_entry

    pages = {item.slug: item.url for item in catalogue.offers}
    offers = [item.offer for item in catalogue.offers] + list(catalogue.drafts)
    report = dashboard_report(catalogue.borough, offers, catalogue.today,
                              history=record is not None, record=record)

    def link(row: SettingRow) -> str | None:
        url = pages.get(row.slug)
        return relative_url(DASHBOARD_URL, url) if url and row.published else None

    html = render_dashboard_html(report, link)
    toc = [toc_entry(2, "up-to-date", "How many offers are up to date"),
           toc_entry(2, "every-setting", "Every setting"),
           toc_entry(2, "areas", coverage_chart(report).heading)]
    if report.history:
        toc.append(toc_entry(2, "month-by-month", "How has this changed month by month?"))
    return BuiltPage(url=DASHBOARD_URL, title=DASHBOARD_TITLE, html=html, toc=toc,
                     description="Which settings have published their offer, and which are "
                                 "up to date.", search_exclude=True, kind="page")
