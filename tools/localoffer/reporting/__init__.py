"""The LA's view of the Local Offer: which settings have published, which are complete, which
are out of date, and where the gaps are.

- rows, coverage, totals: one row per setting, the coverage matrix and area summaries, totals
  by type of setting (engine-neutral data; report.build_report puts them together)
- as_published: the offers as published on a past date, and month-by-month counts, from Git
- charts, svg: what each chart shows, and drawing it as inline SVG with pygal
- render/: one renderer per format (text, csv, json, md, html)
- dashboard: the "How up to date are these offers?" page of the site
"""
from localoffer.reporting.loading import report_as_of, report_on_folder
from localoffer.reporting.report import Report, build_report
from localoffer.reporting.render import FORMATS, render

__all__ = ["FORMATS", "Report", "build_report", "render", "report_as_of", "report_on_folder"]
