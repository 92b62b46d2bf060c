"""The statistics table written out: CSV (semicolons, UTF-8 with BOM, as German Excel reads it),
XLSX (openpyxl) and a PDF report with charts (``letters.statistics_report``).

A spreadsheet takes a cell beginning with = + - @ (or a tab or carriage return) for a formula; a
text cell that begins so gets a leading apostrophe (CSV/formula injection). Numbers stay numbers.
Nothing written names a user, host or path (the workbook's author is the program)."""

from __future__ import annotations

import csv
import io
from datetime import datetime, time

from abh_desk.clock import office_time
from abh_desk.services.context import ServiceContext
from abh_desk.services.overview import Overview
from abh_desk.services.statistics import APPLICATIONS, GRANTS, MEDIAN, REFUSALS, Cell, Statistics

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PERIOD = "Zeitraum"


def neutralize(text: str) -> str:
    """Text a spreadsheet would run as a formula, made plain text by a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def cell_text(value: Cell) -> str:
    """A figure as German text: 1234, 57,5; empty where there is nothing to measure."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",").removesuffix(",0")
    return str(value)


def table(stats: Statistics) -> list[list[str]]:
    """The table as text, the header first (what the window shows and the CSV holds)."""
    return [[PERIOD, *stats.columns], *([period, *(cell_text(v) for v in values)] for period, values in stats.rows)]


def statistics_csv(stats: Statistics) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in table(stats):
        writer.writerow([neutralize(text) for text in row])
    return out.getvalue().encode("utf-8-sig")


def statistics_xlsx(stats: Statistics) -> bytes:
    from openpyxl import Workbook  # only when saving: not at every start of the window
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = f"Statistik {stats.year}"
    sheet.append([neutralize(PERIOD), *(neutralize(c) for c in stats.columns)])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for period, values in stats.rows:
        sheet.append([neutralize(period), *values])
    sheet.freeze_panes = "B2"
    sheet.column_dimensions["A"].width = 18
    book.properties.creator = "ABH Desk"
    book.properties.lastModifiedBy = None
    book.properties.title = f"Statistik {stats.year} – {stats.area_name}"
    # A fixed moment (the year's end): the same figures give the same file, and no clock leaks.
    fixed = office_time(datetime(stats.year, 12, 31).date(), time.min).replace(tzinfo=None)
    book.properties.created = book.properties.modified = fixed
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def statistics_pdf(ctx: ServiceContext, stats: Statistics, overview: Overview | None = None) -> bytes:
    """The report: the table, the months' applications, grants and refusals, the median processing
    time; with the overview, also the open cases per caseworker and their age."""
    # reportlab only when a report is made, not at every start (tests/unit/test_start_imports.py).
    from letters.statistics_report import ReportChart, StatisticsReport, chart_values, render_statistics

    months = tuple(period.split(" ")[0][:3] for period, _values in stats.rows[:12])
    month_rows = stats.rows[:12]

    def series(name: str) -> tuple[str, tuple[float, ...]]:
        return name, chart_values([values[stats.columns.index(name)] for _p, values in month_rows])

    charts = [
        ReportChart(
            f"Anträge und Entscheidungen {stats.year}",
            months,
            (series(APPLICATIONS), series(GRANTS), series(REFUSALS)),
        ),
        ReportChart(f"Bearbeitungszeit {stats.year}: Median in Tagen", months, (series(MEDIAN),)),
    ]
    if overview is not None:
        charts.append(
            ReportChart(
                f"Offene Vorgänge je Sachbearbeitung am {overview.today:%d.%m.%Y}",
                tuple(o.name for o in overview.owners),
                tuple(
                    (label, tuple(float(o.by_status[i]) for o in overview.owners))
                    for i, label in enumerate(overview.status_labels)
                ),
                stacked=True,
            )
        )
        charts.append(
            ReportChart(
                "Alter der offenen Vorgänge",
                tuple(b.label for b in overview.case_ages),
                (("Offene Vorgänge", tuple(float(b.value) for b in overview.case_ages)),),
            )
        )
    periods = (*months, f"Jahr {stats.year}")
    report = StatisticsReport(
        title=f"Statistik {stats.year}",
        subtitle=stats.area_name,
        created=ctx.today(),
        columns=stats.columns,
        periods=periods,
        values=tuple(tuple(cell_text(v) for v in values) for _period, values in stats.rows),
        charts=tuple(charts),
    )
    return render_statistics(report)
