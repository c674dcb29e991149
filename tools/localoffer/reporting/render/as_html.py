"""The report as one self-contained HTML page: inline CSS and SVG charts, no JavaScript, no
files or fonts from elsewhere, so it can be emailed or opened offline."""
from __future__ import annotations

from html import escape

from localoffer.reporting.charts import report_charts
from localoffer.reporting.render import common
from localoffer.reporting.render.html_parts import (
    CSS,
    areas_table,
    chart_block,
    dated,
    figures,
    table,
    matrix,
    scrolling,
    settings_table,
    totals_table,
)
from localoffer.reporting.report import Report


def render(report: Report) -> str:
    charts = {chart.id: chart for chart in report_charts(report)}
    sections = [
        ("summary", "At a glance", figures(report)),
        ("review-states", charts["review-states"].heading,
         chart_block(charts["review-states"]) + totals_table(report)),
        ("coverage", charts["coverage"].heading,
         chart_block(charts["coverage"]) + _concerns(report) + areas_table(report)
         + "<h3>Which areas each setting answers</h3>" + matrix(report)),
        ("reading-ease", charts["reading-ease"].heading, chart_block(charts["reading-ease"])),
        ("history", "How has this changed month by month?",
         chart_block(charts["history"]) if "history" in charts else _no_history(report)),
        ("settings", "Every setting", settings_table(report) + _gaps(report)),
    ]
    if report.feedback_waiting is not None:
        sections.insert(2, ("you-said-we-did", common.WAITING_HEADING, _waiting(report)))
    title = escape(common.title(report))
    contents = "".join(f'<li><a href="#{key}">{escape(heading)}</a></li>'
                       for key, heading, _ in sections)
    body = "\n".join(f'<section id="{key}" aria-labelledby="{key}-heading">'
                     f'<h2 id="{key}-heading">{escape(heading)}</h2>\n{html}</section>'
                     for key, heading, html in sections)
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body{{margin:0 auto;max-width:72rem;padding:1rem 1.25rem 3rem}}
.lr-skip{{position:absolute;left:-999px}}
.lr-skip:focus{{left:1rem;top:1rem;background:#ffbf47;padding:.5rem;color:#000}}
a{{color:#1d5a96}}
{CSS}
</style>
</head>
<body class="lr-report">
<a class="lr-skip" href="#main">Skip to the report</a>
<header>
<h1>{title}</h1>
<p>{dated(report)}</p>
</header>
<nav aria-label="Contents"><h2 class="lr-hidden">Contents</h2><ul>{contents}</ul></nav>
<main id="main">
{body}
</main>
<footer><p>Made with localoffer. Review dates are counted on
{escape(common.day(report.today))}; reading ease is the Flesch score (60 to 70 is plain
English).</p></footer>
</body>
</html>
"""


def _concerns(report: Report) -> str:
    flagged = [area for area in report.areas if area.concerns]
    if not flagged:
        return "<p>Every area is answered by the settings that must answer it.</p>"
    items = "".join(f"<li><strong>{escape(area.title)}</strong>: "
                    f"{escape(' '.join(area.concerns))}</li>" for area in flagged)
    return f"<h3>Areas answered poorly or not at all</h3><ul>{items}</ul>"


def _gaps(report: Report) -> str:
    items = [(row.name, common.gaps(row, report)) for row in report.rows]
    listed = "".join(f"<li><strong>{escape(name)}</strong>: {escape(text)}</li>"
                     for name, text in items if text)
    return f"<h3>What each offer leaves out</h3><ul>{listed}</ul>" if listed else ""


def _no_history(report: Report) -> str:
    return ("<p>There is no chart of past months because the offers are not in a Git "
            "repository (or its main branch has no history yet).</p>")


def _waiting(report: Report) -> str:
    summary = f"<p>{escape(common.waiting_summary(report) or '')}</p>"
    if not report.feedback_waiting:
        return summary
    rows = [common.waiting_cells(item) for item in report.feedback_waiting]
    return summary + scrolling(table(common.WAITING_HEADERS, rows,
                                     "Items not done yet, longest waiting first", numeric=()),
                               "Items not done yet")
