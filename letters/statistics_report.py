"""The statistics report as PDF: a table of figures by period and bar charts drawn with
reportlab's own graphics (vectors, no images). Pure: data in, PDF bytes out; no database, no Qt."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from letters.fonts import BOLD, REGULAR, register_fonts

PALETTE = ("#1f5f99", "#e08a1e", "#3a923a", "#c0392b", "#7d5ba6", "#8c6d31")


@dataclass(frozen=True)
class ReportChart:
    """One bar chart: categories along the bottom, one series (name, values) per colour."""

    title: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]
    stacked: bool = False


@dataclass(frozen=True)
class StatisticsReport:
    title: str
    subtitle: str
    created: date
    columns: tuple[str, ...]
    """The figures; each becomes a line of the table, the periods its columns."""
    periods: tuple[str, ...]
    values: tuple[tuple[str, ...], ...]
    """Already formatted, one tuple per period in the order of ``periods``."""
    charts: tuple[ReportChart, ...] = ()


def _chart(chart: ReportChart, width: float, height: float = 62 * mm) -> Drawing:
    drawing = Drawing(width, height + 14 * mm)
    drawing.add(String(0, height + 9 * mm, chart.title, fontName=BOLD, fontSize=9))
    bars = VerticalBarChart()
    bars.x, bars.y = 12 * mm, 12 * mm
    bars.width, bars.height = width - 60 * mm, height - 8 * mm
    bars.data = [list(values) or [0] for _name, values in chart.series] or [[0]]
    bars.categoryAxis.categoryNames = list(chart.categories)
    bars.categoryAxis.labels.fontName = REGULAR
    bars.categoryAxis.labels.fontSize = 6
    bars.categoryAxis.labels.angle = 30 if len(chart.categories) > 8 else 0
    bars.categoryAxis.labels.boxAnchor = "ne" if len(chart.categories) > 8 else "n"
    bars.valueAxis.labels.fontName = REGULAR
    bars.valueAxis.labels.fontSize = 6
    bars.valueAxis.valueMin = 0
    if chart.stacked:
        bars.categoryAxis.style = "stacked"
    for index in range(len(chart.series)):
        bars.bars[index].fillColor = colors.HexColor(PALETTE[index % len(PALETTE)])
        bars.bars[index].strokeColor = None
    drawing.add(bars)
    legend = Legend()
    legend.x, legend.y = width - 45 * mm, height
    legend.fontName, legend.fontSize = REGULAR, 7
    legend.alignment = "right"
    legend.columnMaximum = 10
    legend.colorNamePairs = [
        (colors.HexColor(PALETTE[i % len(PALETTE)]), name) for i, (name, _v) in enumerate(chart.series)
    ]
    drawing.add(legend)
    return drawing


def render_statistics(report: StatisticsReport) -> bytes:
    """A4 landscape: the title, the table (figures as lines, periods as columns), the charts."""
    register_fonts()
    buffer = io.BytesIO()
    page = landscape(A4)
    document = SimpleDocTemplate(
        buffer,
        pagesize=page,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=report.title,
        author="ABH Desk",
        subject=report.subtitle,
        creator="ABH Desk",
        invariant=True,
    )
    heading = ParagraphStyle("h", fontName=BOLD, fontSize=13, leading=16)
    small = ParagraphStyle("s", fontName=REGULAR, fontSize=8, leading=10)
    cell = ParagraphStyle("c", fontName=REGULAR, fontSize=6.5, leading=8)
    story: list[object] = [
        Paragraph(report.title, heading),
        Paragraph(f"{report.subtitle} · erstellt am {report.created:%d.%m.%Y}", small),
        Spacer(1, 4 * mm),
    ]
    width = page[0] - 30 * mm
    label_width = 62 * mm
    column_width = (width - label_width) / max(1, len(report.periods))
    header = ["", *report.periods]
    lines = [
        [Paragraph(name, cell), *(row[index] for row in report.values)] for index, name in enumerate(report.columns)
    ]
    table = Table([header, *lines], colWidths=[label_width, *[column_width] * len(report.periods)], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("FONTSIZE", (0, 0), (-1, -1), 6.5),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f0f3f7")]),
                ("BACKGROUND", (-1, 0), (-1, -1), colors.HexColor("#e3e9f1")),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    story.append(table)
    if report.charts:
        story.append(PageBreak())
    story.extend(KeepTogether([_chart(chart, width), Spacer(1, 4 * mm)]) for chart in report.charts)
    document.build(story)
    return buffer.getvalue()


def chart_values(values: Sequence[float | int | None]) -> tuple[float, ...]:
    return tuple(float(v or 0) for v in values)
