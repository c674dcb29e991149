"""Charts as inline SVG, drawn with pygal: no JavaScript, no external files, and a <title> and
<desc> in each so that a screen reader announces what the chart shows."""
from __future__ import annotations

import math
import re

import pygal
from pygal.style import Style

from localoffer.markup import Markup, fragment
from localoffer.reporting.charts import Chart

# Okabe-Ito colours: told apart by people with the common kinds of colour blindness. Each
# series keeps its colour in every chart; values printed on a bar are white or black,
# whichever is readable on it.
BLUE, ORANGE, VERMILION, GREY, PURPLE, GREEN = (
    "#0072B2", "#E69F00", "#D55E00", "#6B6B6B", "#CC79A7", "#009E73")
SERIES_COLOURS = {
    "Up to date": BLUE,
    "Due soon": ORANGE,
    "Never published": GREY,
    "No review date": PURPLE,
    "Published": BLUE,
    "Overdue": VERMILION,
}
_OTHER_COLOURS = (BLUE, GREEN, PURPLE, ORANGE)
_TEXT_ON = {BLUE: "#ffffff", GREY: "#ffffff", GREEN: "#000000", ORANGE: "#000000",
            VERMILION: "#000000", PURPLE: "#000000"}
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif'


def _style(chart: Chart) -> Style:
    colours = [SERIES_COLOURS.get(name, _OTHER_COLOURS[index % len(_OTHER_COLOURS)])
               for index, (name, _) in enumerate(chart.series)]
    return Style(
        background="#ffffff",
        plot_background="#ffffff",
        foreground="#1f1f1f",
        foreground_strong="#1f1f1f",
        foreground_subtle="#6b6b6b",
        opacity="1",
        opacity_hover="1",
        colors=tuple(colours),
        value_colors=tuple(_TEXT_ON[colour] for colour in colours),
        font_family=FONT,
        label_font_size=13,
        major_label_font_size=13,
        value_font_size=12,
        legend_font_size=13,
        title_font_size=16,
        tooltip_font_size=12,
    )


def _axis(chart: Chart) -> list[float]:
    """Whole-number steps for counts (nobody has 0.4 of an offer); quarters for percentages."""
    if chart.unit == "%":
        return [0, 25, 50, 75, 100]
    values = [values for _, values in chart.series]
    if chart.kind == "stacked-bar":
        top = max((sum(column) for column in zip(*values)), default=0)
    else:
        top = max((value for series in values for value in series), default=0)
    step = _step(top)
    highest = max(step, math.ceil(top / step) * step)
    return list(range(0, highest + 1, step))


def _step(top: float, most_labels: int = 8) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50... that needs at most `most_labels` steps."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if top / (factor * magnitude) <= most_labels:
                return factor * magnitude
        magnitude *= 10


_KINDS = {
    "stacked-bar": pygal.StackedBar,
    "horizontal-bar": pygal.HorizontalBar,
    "bar": pygal.Bar,
    "line": pygal.Line,
}
_CHART_ID = re.compile(r'id="chart-([0-9a-f-]+)"')
_COMMENT = re.compile(r"<!--.*?-->", re.S)
# pygal writes its configuration into a <script> for its optional tooltips: not needed here.
_SCRIPT = re.compile(r"<script\b.*?</script>", re.S)


def chart_svg(chart: Chart, width: int | None = None, height: int | None = None) -> Markup:
    """The chart as an <svg> element, with stable ids (the same data gives the same SVG)."""
    if width is None:
        width = max(800, 180 * len(chart.series))  # room for the legend on one line
    rotate = chart.kind != "horizontal-bar" and any(len(c) > 14 for c in chart.categories)
    if height is None:
        height = (max(360, 34 * len(chart.categories) + 120) if chart.kind == "horizontal-bar"
                  else 480 if rotate else 400)
    drawing = _KINDS[chart.kind](
        style=_style(chart), width=width, height=height, js=[], disable_xml_declaration=True,
        legend_at_bottom=True,
        # One row: pygal leaves room for only one row of legend below turned labels.
        legend_at_bottom_columns=len(chart.series),
        show_legend=len(chart.series) > 1, print_values=chart.kind != "line",
        print_zeroes=False, truncate_label=-1, truncate_legend=-1, x_label_rotation=0,
        show_y_guides=True, margin=16, spacing=12, no_data_text="No data",
        value_formatter=lambda value: f"{value:g}{chart.unit}",
        range=(0, 100) if chart.unit == "%" else None,
    )
    drawing.y_labels = _axis(chart)
    if rotate:
        drawing.x_label_rotation = 30
    # pygal draws a horizontal bar chart's first category at the bottom: reverse it, so the
    # chart reads top to bottom in the same order as its table.
    flip = (lambda items: list(items)[::-1]) if chart.kind == "horizontal-bar" else list
    drawing.x_labels = flip(chart.categories)
    for name, values in chart.series:
        drawing.add(name, flip(values))
    svg = drawing.render(is_unicode=True)
    return _accessible(svg, chart)


def _accessible(svg: str, chart: Chart) -> Markup:
    """pygal's SVG (its XML writer escapes every label and value it was given) with stable
    ids, no script or comments, and a <title> and <desc> from our template: Markup, as
    localoffer/markup.py allows for a chart."""
    found = _CHART_ID.search(svg)
    if found:
        svg = svg.replace(found.group(1), chart.id)
    chart_id = f"chart-{chart.id}"
    svg = _SCRIPT.sub("", _COMMENT.sub("", svg))
    # pygal names each legend entry "activate-serie-N" in every chart: make them unique.
    svg = svg.replace('id="activate-serie-', f'id="{chart_id}-serie-')
    opening_end = svg.index(">") + 1
    opening = svg[:opening_end - 1] + (
        f' role="img" aria-labelledby="{chart_id}-title {chart_id}-desc"'
        f' width="100%" preserveAspectRatio="xMinYMin meet">')
    labels = fragment("report_parts.html", "chart_labels", chart_id, chart.title,
                      chart.description)
    return Markup(opening) + labels + Markup(svg[opening_end:])
